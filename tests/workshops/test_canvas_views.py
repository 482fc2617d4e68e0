import pytest
from django.test import Client

from workshops import services
from workshops.models import Contribution, PlusOne, Workshop

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def axis_section(live_workshop):
    return live_workshop.phases.get(position=1).canvas.sections.get(position=2)


def test_a_participant_posts_a_postit_with_htmx_and_gets_it_appended_with_an_empty_form(client, join_as, daniel, section, urls, django_assert_max_num_queries):
    join_as(client, daniel)
    client.get(urls.canvas)
    with django_assert_max_num_queries(12):
        response = client.post(urls.post, {"section": section.pk, "text": "Les voitures en libre-service"}, **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    note = Contribution.objects.get()
    assert note.participant == daniel
    # The new post-it alone, appended to its list (the rest of the table comes by stream or poll),
    # marked as the author's own; the form comes back empty.
    assert f'hx-swap-oob="beforeend:#notes-{section.pk}"' in body and f'id="note-{note.pk}"' in body
    assert "Les voitures en libre-service" in body and 'class="postit mine"' in body
    assert 'id="notes-' not in body
    form = body[body.index(f'id="post-form-{section.pk}"') : body.index("</form>")]
    assert "Les voitures en libre-service" not in form


def test_a_plus_one_with_htmx_answers_that_postit_alone_with_its_new_count(client, join_as, daniel, mate, section, urls, django_assert_max_num_queries):
    note = services.contribution_post(participant=mate, section_id=section.pk, text="Louer plutôt qu'acheter")
    services.contribution_post(participant=mate, section_id=section.pk, text="Une autre")
    join_as(client, daniel)
    client.get(urls.canvas)
    with django_assert_max_num_queries(16):
        response = client.post(urls.plus_one(note), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="note-{note.pk}" data-order="{note.pk}" hx-swap-oob="true"' in body and body.count('<li class="postit') == 1
    assert 'class="plus-count given"' in body and f'<span id="plus-count-{note.pk}">1</span>' in body
    assert PlusOne.objects.get().participant == daniel


def test_a_postit_without_javascript_redirects_to_the_canvas(client, join_as, daniel, section, urls):
    join_as(client, daniel)
    response = client.post(urls.post, {"section": section.pk, "text": "Sans JS"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    "text,message",
    [("", "cannot be empty"), ("x" * 501, "at most 500 characters")],
)
def test_an_empty_or_over_long_postit_gets_a_form_error_and_writes_nothing(client, english, join_as, daniel, section, urls, text, message):
    join_as(client, daniel)
    response = client.post(urls.post, {"section": section.pk, "text": text}, **HTMX)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert Contribution.objects.count() == 0


def test_a_postit_needs_one_of_the_sections_axes(client, join_as, daniel, axis_section, urls):
    join_as(client, daniel)
    response = client.post(urls.post, {"section": axis_section.pk, "text": "Louer", "axis": "Pour un martien"}, **HTMX)
    assert response.status_code == 422
    assert Contribution.objects.count() == 0
    ok = client.post(urls.post, {"section": axis_section.pk, "text": "Louer", "axis": "Pour un acteur public"}, **HTMX)
    assert ok.status_code == 200
    assert Contribution.objects.get().axis == "Pour un acteur public"


def test_no_axis_is_ticked_when_the_form_opens(client, join_as, daniel, axis_section, urls):
    join_as(client, daniel)
    html = client.get(urls.canvas).content.decode()
    form = html[html.index(f'id="post-form-{axis_section.pk}"') :]
    form = form[: form.index("</form>")]
    assert form.count('type="radio" name="axis"') == 2 and "checked" not in form


def test_a_postit_without_an_axis_where_the_section_has_axes_gets_a_clear_form_error(client, english, join_as, daniel, axis_section, urls):
    join_as(client, daniel)
    response = client.post(urls.post, {"section": axis_section.pk, "text": "Louer"}, **HTMX)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Choose the axis of this post-it: Pour une entreprise, Pour un acteur public." in html
    # The text stays in its box.
    assert ">Louer</textarea>" in html
    assert Contribution.objects.count() == 0


def test_posting_after_the_phase_closed_is_refused(client, english, join_as, daniel, section, urls, live_workshop):
    services.phase_close(phase=live_workshop.phases.get(position=1))
    join_as(client, daniel)
    response = client.post(urls.post, {"section": section.pk, "text": "Trop tard"}, **HTMX)
    assert response.status_code == 422
    assert "Posting is closed" in response.content.decode()
    assert Contribution.objects.count() == 0


def test_a_section_of_another_canvas_is_refused(client, join_as, daniel, urls, canvas_factory):
    foreign_section = canvas_factory().sections.first()
    join_as(client, daniel)
    response = client.post(urls.post, {"section": foreign_section.pk, "text": "Ailleurs"}, **HTMX)
    assert response.status_code == 422
    assert Contribution.objects.count() == 0


def test_a_forged_section_id_is_a_form_error_not_a_500(client, join_as, daniel, urls):
    join_as(client, daniel)
    response = client.post(urls.post, {"section": "<b>", "text": "x"}, **HTMX)
    assert response.status_code == 422


def test_html_in_a_postit_is_shown_escaped(client, join_as, daniel, section, urls):
    join_as(client, daniel)
    client.post(urls.post, {"section": section.pk, "text": '<img src=x onerror="alert(1)">'}, **HTMX)
    page = client.get(urls.canvas).content.decode()
    assert '<img src=x onerror="alert(1)">' not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page


def test_a_participant_cannot_post_into_another_workshop(client, join_as, daniel, workshop_factory, participant_factory):
    other = workshop_factory(join_code="OTHER2")
    services.phase_open(phase=other.phases.get(position=1))
    join_as(client, daniel)
    response = client.post(f"/w/{other.join_code}/post/", {"section": 1, "text": "Intrusion"})
    assert response.status_code == 302  # not joined there: sent to that workshop's join form
    assert Contribution.objects.count() == 0


def test_a_plus_one_counts_once(client, join_as, daniel, urls, contribution_factory, participant_factory, live_workshop):
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop))
    join_as(client, daniel)
    assert client.post(urls.plus_one(postit), **HTMX).status_code == 200
    second = client.post(urls.plus_one(postit), **HTMX)
    assert second.status_code == 422
    assert second["HX-Retarget"] == "#flash"
    postit.refresh_from_db()
    assert postit.plus_ones == 1 and PlusOne.objects.count() == 1


def test_a_plus_one_on_another_workshops_postit_is_a_404(client, join_as, daniel, urls, contribution_factory, workshop_factory, participant_factory):
    other = workshop_factory()
    foreign = contribution_factory(participant=participant_factory(workshop=other))
    join_as(client, daniel)
    response = client.post(urls.plus_one(foreign), **HTMX)
    # Not in this workshop: missing, as far as this participant may know.
    assert response.status_code == 404
    assert PlusOne.objects.count() == 0


def test_a_plus_one_on_another_tables_postit_is_refused(client, join_as, daniel, urls, contribution_factory, participant_factory, live_workshop):
    neighbour = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))
    postit = contribution_factory(participant=neighbour)
    join_as(client, daniel)
    assert client.post(urls.plus_one(postit), **HTMX).status_code == 403  # the rule workshops.plus_one
    assert PlusOne.objects.count() == 0


def test_an_unchanged_poll_answers_204_reading_only_its_session(client, join_as, daniel, urls, live_workshop, only_session_reads):
    join_as(client, daniel)
    poll = urls.live + f"?v={client.get(urls.canvas).context['version']}&t={daniel.table_id}"
    client.get(poll)  # warms the cached versions
    with only_session_reads():
        response = client.get(poll)
    assert response.status_code == 204
    assert response.content == b""


def test_a_poll_after_a_new_postit_brings_the_new_list(client, join_as, daniel, urls, live_workshop, contribution_factory, participant_factory):
    join_as(client, daniel)
    page = client.get(urls.canvas)
    version = page.context["version"]
    stage = page.context["stage_key"]
    contribution_factory(participant=participant_factory(workshop=live_workshop), text="Nouveau post-it")
    response = client.get(urls.live + f"?v={version}&t={daniel.table_id}&s={stage}", **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nouveau post-it" in body
    assert 'id="stage"' not in body  # same phase: only the lists are swapped


def test_a_poll_after_the_phase_changes_swaps_the_whole_stage(client, join_as, daniel, urls, live_workshop):
    join_as(client, daniel)
    page = client.get(urls.canvas)
    services.phase_open(phase=live_workshop.phases.get(position=2))
    response = client.get(urls.live + f"?v={page.context['version']}&t={daniel.table_id}&s={page.context['stage_key']}", **HTMX)
    assert 'id="stage" hx-swap-oob="true"' in response.content.decode()
    assert "Comment anticiper" in response.content.decode()


def test_a_browser_that_did_not_join_cannot_poll(live_workshop, urls):
    # The same answer as for a code that is no workshop's (tests/workshops/test_rate_limits.py).
    assert Client().get(urls.live + "?v=1").status_code == 404


def test_the_canvas_page_query_count_does_not_grow_with_the_board(client, join_as, daniel, urls, live_workshop, contribution_factory, participant_factory, django_assert_max_num_queries):
    join_as(client, daniel)
    authors = [participant_factory(workshop=live_workshop) for _ in range(5)]
    for i in range(30):
        contribution_factory(participant=authors[i % 5], text=f"Post-it {i}")
    with django_assert_max_num_queries(14):
        response = client.get(urls.canvas)
    assert response.status_code == 200
    assert response.content.decode().count('<li class="postit') == 30


def test_a_postit_at_another_table_leaves_a_participants_poll_unchanged(client, join_as, daniel, urls, live_workshop, contribution_factory, participant_factory):
    join_as(client, daniel)
    poll = urls.live + f"?v={client.get(urls.canvas).context['version']}&t={daniel.table_id}"
    neighbour = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=2))
    contribution_factory(participant=neighbour, text="Ailleurs")
    assert client.get(poll).status_code == 204
    contribution_factory(participant=participant_factory(workshop=live_workshop, table=daniel.table), text="Ici")
    assert client.get(poll, **HTMX).status_code == 200


def test_the_canvas_shows_the_scenario_the_table_develops_escaped(client, join_as, daniel, urls, live_workshop, scenario_factory):
    scenario = scenario_factory(edition=live_workshop.edition, title="Posséder, c'est dépassé", narrative="En 2016 <b>on partage</b>.")
    services.table_update(table=daniel.table, name="", scenario=scenario)
    join_as(client, daniel)
    page = client.get(urls.canvas).content.decode()
    assert "Posséder, c&#x27;est dépassé" in page
    assert "En 2016 &lt;b&gt;on partage&lt;/b&gt;." in page
