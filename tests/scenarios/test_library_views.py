"""The scenario library's views: library, detail, create/edit, status and timeline (htmx and plain POST).

Assertions look at data, status codes and form errors rather than UI wording, which is translated.
"""

import pytest
from django.urls import reverse

from scenarios.models import Scenario, SectionEntry, Tag, TimelineEvent
from tests.factories import CanvasFactory, EditionFactory, ScenarioFactory, TagFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
XSS = '<script>alert("xss")</script>'


@pytest.fixture
def scenario():
    return ScenarioFactory(title="Posséder, c'est dépassé", slug="posseder-cest-depasse")


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client


def scenario_form_data(edition, /, **overrides):
    data = {
        "title": "La fin du salariat",
        "edition": edition.pk,
        "summary": "Chacun devient entrepreneur de lui-même.",
        "narrative": "En 2020, le CDI est une exception.",
        "status": "proposed",
        "tags": "travail, emploi",
    }
    data.update(overrides)
    return data


def every_view(scenario, event):
    """(method, url) for each view of the library."""
    return [
        ("get", reverse("scenarios:library")),
        ("get", reverse("scenarios:detail", args=[scenario.pk])),
        ("get", reverse("scenarios:create")),
        ("post", reverse("scenarios:create")),
        ("get", reverse("scenarios:edit", args=[scenario.pk])),
        ("post", reverse("scenarios:edit", args=[scenario.pk])),
        ("post", reverse("scenarios:set_status", args=[scenario.pk])),
        ("post", reverse("scenarios:timeline_add", args=[scenario.pk])),
        ("get", reverse("scenarios:timeline_edit", args=[scenario.pk, event.pk])),
        ("post", reverse("scenarios:timeline_edit", args=[scenario.pk, event.pk])),
        ("post", reverse("scenarios:timeline_delete", args=[scenario.pk, event.pk])),
    ]


# Permissions


def test_every_view_sends_anonymous_visitors_to_the_login_page(client, scenario):
    event = TimelineEventFactory(scenario=scenario)
    for method, url in every_view(scenario, event):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url
    assert TimelineEvent.objects.filter(pk=event.pk).exists()


def test_an_htmx_request_after_the_session_expired_sends_the_whole_page_to_login(client, scenario):
    detail = reverse("scenarios:detail", args=[scenario.pk])

    response = client.post(
        reverse("scenarios:timeline_add", args=[scenario.pk]),
        {"event-year": "2016", "event-text": "Perdu ?"},
        headers={**HTMX, "HX-Current-URL": f"http://testserver{detail}"},
    )

    assert response.status_code == 200
    assert response["HX-Redirect"] == f"{reverse('login')}?next={detail.replace('/', '%2F')}"
    assert not TimelineEvent.objects.exists()


def test_every_view_refuses_a_signed_in_user_without_the_role(client, outsider, scenario):
    event = TimelineEventFactory(scenario=scenario)
    client.force_login(outsider)
    for method, url in every_view(scenario, event):
        assert getattr(client, method)(url).status_code == 403, url
    assert TimelineEvent.objects.filter(pk=event.pk).exists()
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.PROPOSED


@pytest.mark.parametrize("actor", ["facilitator", "editor"])
def test_facilitators_and_editors_may_use_the_library(client, request, actor, scenario):
    client.force_login(request.getfixturevalue(actor))

    assert client.get(reverse("scenarios:library")).status_code == 200
    assert client.get(reverse("scenarios:detail", args=[scenario.pk])).status_code == 200
    assert client.get(reverse("scenarios:create")).status_code == 200


# Library


def test_the_library_lists_scenarios_with_their_status_and_tags(facilitator_client, scenario):
    scenario.tags.add(TagFactory(name="consommation"))
    ScenarioFactory(edition=scenario.edition, title="La fin du salariat", status="retained")

    response = facilitator_client.get(reverse("scenarios:library"))

    content = response.content.decode()
    assert "Posséder, c&#x27;est dépassé" in content
    assert "La fin du salariat" in content
    assert "sc-status-retained" in content
    assert "consommation" in content
    assert reverse("scenarios:detail", args=[scenario.pk]) in content


def test_the_library_filters_by_edition_status_tag_and_text(facilitator_client):
    edition, other_edition = EditionFactory(), EditionFactory()
    energy = TagFactory(name="énergie")
    wanted = ScenarioFactory(edition=edition, title="Ville autonome", status="developed", narrative="Micro-réseaux")
    wanted.tags.add(energy)
    ScenarioFactory(edition=other_edition, title="Ville autonome ailleurs", status="developed").tags.add(energy)
    ScenarioFactory(edition=edition, title="Ville retenue", status="retained").tags.add(energy)
    ScenarioFactory(edition=edition, title="Ville sans tag", status="developed")
    ScenarioFactory(edition=edition, title="Autre sujet", status="developed").tags.add(energy)

    response = facilitator_client.get(
        reverse("scenarios:library"),
        {"edition": edition.pk, "status": "developed", "tag": "énergie", "q": "micro-RÉSEAUX"},
    )

    assert response.context["scenarios"] == [wanted]


def test_the_library_ignores_invalid_filters_instead_of_failing(facilitator_client, scenario):
    response = facilitator_client.get(
        reverse("scenarios:library"), {"edition": "abc", "status": "archived", "tag": "inconnu", "q": "x" * 500}
    )

    assert response.status_code == 200
    assert response.context["scenarios"] == [scenario]


def test_the_library_answers_htmx_filtering_with_the_results_fragment_only(facilitator_client, scenario):
    response = facilitator_client.get(
        reverse("scenarios:library"), {"q": "posséder"}, headers={**HTMX, "HX-Target": "library-results"}
    )

    content = response.content.decode()
    assert content.lstrip().startswith('<section id="library-results"')
    assert "<html" not in content
    assert "Posséder" in content


def test_the_library_reads_twenty_scenarios_in_a_bounded_number_of_queries(
    facilitator_client, django_assert_max_num_queries
):
    edition = EditionFactory()
    tags = [TagFactory(name=f"tag-{n}") for n in range(5)]
    for n in range(20):
        scenario = ScenarioFactory(edition=edition)
        scenario.tags.add(*tags[: n % 5 + 1])

    # session, user, groups (rules), editions, tags in use, scenarios, their tags, messages...
    with django_assert_max_num_queries(10):
        response = facilitator_client.get(reverse("scenarios:library"), {"edition": edition.pk})

    assert len(response.context["scenarios"]) == 20


# Detail


def test_the_detail_shows_the_narrative_as_escaped_paragraphs(facilitator_client):
    scenario = ScenarioFactory(narrative=f"Premier paragraphe.\n\nSecond {XSS}\nligne suivante.")

    content = facilitator_client.get(reverse("scenarios:detail", args=[scenario.pk])).content.decode()

    assert "<p>Premier paragraphe.</p>" in content
    assert "<p>Second &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;<br>ligne suivante.</p>" in content
    assert XSS not in content


def test_the_detail_groups_the_timeline_by_year(facilitator_client, scenario):
    TimelineEventFactory(scenario=scenario, year=2020, text="Troisième")
    TimelineEventFactory(scenario=scenario, year=2013, text="Premier")
    TimelineEventFactory(scenario=scenario, year=2013, position=1, text="Deuxième")

    response = facilitator_client.get(reverse("scenarios:detail", args=[scenario.pk]))

    years = [(year, [event.text for event in events]) for year, events in response.context["timeline_years"]]
    assert years == [(2013, ["Premier", "Deuxième"]), (2020, ["Troisième"])]


def test_the_detail_groups_canvas_entries_by_section_and_axis(facilitator_client, scenario):
    canvas = CanvasFactory()
    signs, opportunities = canvas.sections.order_by("position")
    SectionEntry.objects.create(scenario=scenario, section=opportunities, axis="Pour une entreprise", text="Louer")
    SectionEntry.objects.create(scenario=scenario, section=signs, position=1, text="Autopartage")
    SectionEntry.objects.create(scenario=scenario, section=signs, position=0, text="Vélib'")
    SectionEntry.objects.create(scenario=scenario, section=opportunities, axis="Pour un acteur public", text="Réguler")

    response = facilitator_client.get(reverse("scenarios:detail", args=[scenario.pk]))

    sections = [
        (group["section"].slug, [(axis, [e.text for e in entries]) for axis, entries in group["axes"]])
        for group in response.context["sections"]
    ]
    assert sections == [
        ("signes-avant-coureurs", [("", ["Vélib'", "Autopartage"])]),
        ("opportunites", [("Pour une entreprise", ["Louer"]), ("Pour un acteur public", ["Réguler"])]),
    ]
    assert "Repérer les opportunités" in response.content.decode()


def test_the_detail_of_a_scenario_with_many_entries_takes_few_queries(
    facilitator_client, scenario, django_assert_max_num_queries
):
    canvas = CanvasFactory()
    for section in canvas.sections.all():
        for n in range(15):
            SectionEntry.objects.create(scenario=scenario, section=section, position=n, text=f"Entrée {n}")
    for year in range(2013, 2021):
        TimelineEventFactory(scenario=scenario, year=year)

    with django_assert_max_num_queries(10):
        response = facilitator_client.get(reverse("scenarios:detail", args=[scenario.pk]))

    assert response.status_code == 200


def test_an_unknown_scenario_is_a_404(facilitator_client):
    assert facilitator_client.get(reverse("scenarios:detail", args=[999999])).status_code == 404
    assert facilitator_client.get(reverse("scenarios:edit", args=[999999])).status_code == 404
    assert facilitator_client.post(reverse("scenarios:set_status", args=[999999]), {"status": "retained"}).status_code == 404
    assert facilitator_client.post(reverse("scenarios:timeline_add", args=[999999]), {}).status_code == 404


# Create and edit


def test_a_facilitator_creates_a_scenario_and_lands_on_its_page(facilitator_client, facilitator):
    edition = EditionFactory()

    response = facilitator_client.post(
        reverse("scenarios:create"), scenario_form_data(edition, tags="Travail, emploi, travail")
    )

    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("scenarios:detail", args=[scenario.pk])
    assert scenario.slug == "la-fin-du-salariat"
    assert scenario.created_by == facilitator
    assert sorted(scenario.tags.values_list("name", flat=True)) == ["emploi", "travail"]


def test_the_new_scenario_form_starts_from_the_librarys_short_form(facilitator_client):
    edition = EditionFactory()

    response = facilitator_client.get(reverse("scenarios:create"), {"title": "Ville autonome", "edition": edition.pk})

    form = response.context["form"]
    assert form["title"].value() == "Ville autonome"
    assert str(form["edition"].value()) == str(edition.pk)
    assert not Scenario.objects.exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title": ""}, "title"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"summary": "x" * 2001}, "summary"),
        ({"narrative": "x" * 20001}, "narrative"),
        ({"tags": "x" * 61}, "tags"),
        ({"tags": ", ".join(f"t{n}" for n in range(21))}, "tags"),
        ({"status": "archived"}, "status"),
        ({"edition": "999999"}, "edition"),
        ({"edition": "abc"}, "edition"),
    ],
)
def test_bad_scenario_input_shows_form_errors_and_writes_nothing(facilitator_client, overrides, field):
    edition = EditionFactory()

    response = facilitator_client.post(reverse("scenarios:create"), scenario_form_data(edition, **overrides))

    assert response.status_code == 422
    assert field in response.context["form"].errors
    assert 'class="errorlist' in response.content.decode()
    assert not Scenario.objects.exists()
    assert not Tag.objects.exists()


def test_markup_in_a_title_is_stored_as_text_and_rendered_escaped(facilitator_client):
    edition = EditionFactory()
    facilitator_client.post(
        reverse("scenarios:create"), scenario_form_data(edition, title=XSS, narrative=XSS, summary=XSS, tags=XSS)
    )
    scenario = Scenario.objects.get()

    pages = [
        facilitator_client.get(reverse("scenarios:library")).content.decode(),
        facilitator_client.get(reverse("scenarios:detail", args=[scenario.pk])).content.decode(),
        facilitator_client.get(reverse("scenarios:edit", args=[scenario.pk])).content.decode(),
    ]

    assert scenario.title == XSS
    for content in pages:
        assert XSS not in content
        assert "&lt;script&gt;" in content


def test_the_edit_form_shows_the_current_values(facilitator_client, scenario):
    scenario.tags.add(TagFactory(name="usage"), TagFactory(name="partage"))

    form = facilitator_client.get(reverse("scenarios:edit", args=[scenario.pk])).context["form"]

    assert form["title"].value() == scenario.title
    assert form["tags"].value() == "partage, usage"


def test_an_editor_edits_a_scenario(client, editor, scenario):
    client.force_login(editor)

    response = client.post(
        reverse("scenarios:edit", args=[scenario.pk]),
        scenario_form_data(scenario.edition, title="Posséder, c'est ringard", status="developed", tags="usage"),
    )

    assert response.status_code == 302
    scenario.refresh_from_db()
    assert scenario.title == "Posséder, c'est ringard"
    assert scenario.slug == "posseder-cest-ringard"
    assert scenario.status == Scenario.Status.DEVELOPED
    assert list(scenario.tags.values_list("name", flat=True)) == ["usage"]


def test_a_bad_edit_shows_errors_and_changes_nothing(facilitator_client, scenario):
    response = facilitator_client.post(
        reverse("scenarios:edit", args=[scenario.pk]), scenario_form_data(scenario.edition, title="", tags="neuf")
    )

    assert response.status_code == 422
    assert "title" in response.context["form"].errors
    scenario.refresh_from_db()
    assert scenario.title == "Posséder, c'est dépassé"
    assert not scenario.tags.exists()


# Status


def test_htmx_status_change_returns_the_status_fragment(facilitator_client, scenario):
    response = facilitator_client.post(
        reverse("scenarios:set_status", args=[scenario.pk]),
        {"status": "retained", "expected_status": "proposed"},
        headers=HTMX,
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section id="scenario-status"')
    assert 'name="status" value="developed"' in content
    assert 'name="status" value="proposed"' in content
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.RETAINED


def test_status_change_without_javascript_redirects_to_the_scenario(facilitator_client, scenario):
    response = facilitator_client.post(reverse("scenarios:set_status", args=[scenario.pk]), {"status": "retained"})

    assert response.status_code == 302
    assert response.url == reverse("scenarios:detail", args=[scenario.pk])
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.RETAINED


def test_a_facilitator_may_move_a_scenario_back(facilitator_client):
    scenario = ScenarioFactory(status="published")

    facilitator_client.post(reverse("scenarios:set_status", args=[scenario.pk]), {"status": "developed"}, headers=HTMX)

    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.DEVELOPED


def test_a_stale_status_click_is_refused_with_a_message(facilitator_client):
    scenario = ScenarioFactory(status="developed")

    response = facilitator_client.post(
        reverse("scenarios:set_status", args=[scenario.pk]),
        {"status": "developed", "expected_status": "proposed"},
        headers=HTMX,
    )

    assert response.status_code == 409
    assert 'role="alert"' in response.content.decode()
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.DEVELOPED


@pytest.mark.parametrize("data", [{"status": "archived"}, {}, {"status": "retained", "expected_status": "nope"}])
def test_an_invalid_status_is_refused_without_change(facilitator_client, scenario, data):
    response = facilitator_client.post(reverse("scenarios:set_status", args=[scenario.pk]), data, headers=HTMX)

    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    scenario.refresh_from_db()
    assert scenario.status == Scenario.Status.PROPOSED


def test_status_change_only_accepts_post(facilitator_client, scenario):
    assert facilitator_client.get(reverse("scenarios:set_status", args=[scenario.pk])).status_code == 405


# Timeline


def test_htmx_adds_a_timeline_event_and_returns_the_timeline_fragment(facilitator_client, scenario):
    response = facilitator_client.post(
        reverse("scenarios:timeline_add", args=[scenario.pk]),
        {"event-year": "2016", "event-title": "Bascule", "event-text": "Le partage dépasse la vente."},
        headers=HTMX,
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<section id="timeline"')
    assert "Le partage dépasse la vente." in content
    event = scenario.timeline.get()
    assert (event.year, event.title) == (2016, "Bascule")


def test_adding_an_event_without_javascript_redirects_to_the_timeline(facilitator_client, scenario):
    response = facilitator_client.post(
        reverse("scenarios:timeline_add", args=[scenario.pk]), {"event-year": "2016", "event-text": "Bascule"}
    )

    assert response.status_code == 302
    assert response.url == reverse("scenarios:detail", args=[scenario.pk]) + "#timeline"
    assert scenario.timeline.count() == 1


@pytest.mark.parametrize(
    "data, field",
    [
        ({"event-year": "1899", "event-text": "Trop tôt"}, "year"),
        ({"event-year": "2101", "event-text": "Trop tard"}, "year"),
        ({"event-year": "deux mille", "event-text": "Pas une année"}, "year"),
        ({"event-year": "", "event-text": "Sans année"}, "year"),
        ({"event-year": "2016", "event-text": ""}, "text"),
        ({"event-year": "2016", "event-text": "x" * 1001}, "text"),
        ({"event-year": "2016", "event-text": "ok", "event-title": "x" * 201}, "title"),
    ],
)
@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "plain"])
def test_a_bad_timeline_event_shows_form_errors_and_writes_nothing(facilitator_client, scenario, data, field, headers):
    response = facilitator_client.post(reverse("scenarios:timeline_add", args=[scenario.pk]), data, headers=headers)

    assert response.status_code == 422
    assert field in response.context["event_form"].errors
    assert 'class="errorlist' in response.content.decode()
    assert not TimelineEvent.objects.exists()


def test_markup_in_a_timeline_event_is_rendered_escaped(facilitator_client, scenario):
    response = facilitator_client.post(
        reverse("scenarios:timeline_add", args=[scenario.pk]),
        {"event-year": "2016", "event-title": XSS, "event-text": XSS},
        headers=HTMX,
    )

    content = response.content.decode()
    assert XSS not in content
    assert "&lt;script&gt;" in content


def test_htmx_edit_link_returns_the_timeline_with_the_event_in_a_form(facilitator_client, scenario):
    event = TimelineEventFactory(scenario=scenario, year=2016, text="Avant")

    response = facilitator_client.get(reverse("scenarios:timeline_edit", args=[scenario.pk, event.pk]), headers=HTMX)

    content = response.content.decode()
    assert content.lstrip().startswith('<section id="timeline"')
    assert 'name="edit-year"' in content
    assert response.context["edit_form"]["text"].value() == "Avant"


def test_the_edit_link_without_javascript_opens_a_full_page(facilitator_client, scenario):
    event = TimelineEventFactory(scenario=scenario)

    response = facilitator_client.get(reverse("scenarios:timeline_edit", args=[scenario.pk, event.pk]))

    assert "<html" in response.content.decode()
    assert response.context["event"] == event


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "plain"])
def test_a_timeline_event_is_edited(facilitator_client, scenario, headers):
    event = TimelineEventFactory(scenario=scenario, year=2016, text="Avant")

    response = facilitator_client.post(
        reverse("scenarios:timeline_edit", args=[scenario.pk, event.pk]),
        {"edit-year": "2018", "edit-title": "", "edit-text": "Après"},
        headers=headers,
    )

    assert response.status_code == (200 if headers else 302)
    event.refresh_from_db()
    assert (event.year, event.text) == (2018, "Après")


def test_a_bad_timeline_edit_shows_errors_and_changes_nothing(facilitator_client, scenario):
    event = TimelineEventFactory(scenario=scenario, year=2016, text="Avant")

    response = facilitator_client.post(
        reverse("scenarios:timeline_edit", args=[scenario.pk, event.pk]),
        {"edit-year": "3000", "edit-text": ""},
        headers=HTMX,
    )

    assert response.status_code == 422
    assert set(response.context["edit_form"].errors) == {"year", "text"}
    event.refresh_from_db()
    assert (event.year, event.text) == (2016, "Avant")


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "plain"])
def test_a_timeline_event_is_removed(facilitator_client, scenario, headers):
    event = TimelineEventFactory(scenario=scenario)

    response = facilitator_client.post(
        reverse("scenarios:timeline_delete", args=[scenario.pk, event.pk]), headers=headers
    )

    assert response.status_code == (200 if headers else 302)
    assert not TimelineEvent.objects.exists()


def test_an_event_of_another_scenario_is_a_404_and_stays_untouched(facilitator_client, scenario):
    foreign = TimelineEventFactory(year=2016, text="Intact")

    edit_get = facilitator_client.get(reverse("scenarios:timeline_edit", args=[scenario.pk, foreign.pk]))
    edit_post = facilitator_client.post(
        reverse("scenarios:timeline_edit", args=[scenario.pk, foreign.pk]),
        {"edit-year": "2020", "edit-text": "Piraté"},
    )
    delete = facilitator_client.post(reverse("scenarios:timeline_delete", args=[scenario.pk, foreign.pk]))

    assert [edit_get.status_code, edit_post.status_code, delete.status_code] == [404, 404, 404]
    foreign.refresh_from_db()
    assert (foreign.year, foreign.text) == (2016, "Intact")


def test_an_unknown_event_is_a_404(facilitator_client, scenario):
    url = reverse("scenarios:timeline_delete", args=[scenario.pk, 999999])

    assert facilitator_client.post(url).status_code == 404


def test_the_edit_page_also_lets_people_manage_the_timeline(facilitator_client, scenario):
    TimelineEventFactory(scenario=scenario, text="Déjà là")

    content = facilitator_client.get(reverse("scenarios:edit", args=[scenario.pk])).content.decode()

    assert "Déjà là" in content
    assert reverse("scenarios:timeline_add", args=[scenario.pk]) in content
    # The scenario form and the event form must not share field ids on one page.
    assert content.count('id="id_title"') == 1
