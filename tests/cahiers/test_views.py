"""The editor's pages: list, outline, section editor, preview, history, restore, publish."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from cahiers import services
from cahiers.models import SECTION_TEXT_MAX_LENGTH, Cahier, Chapter, Revision, Section, Status
from tests import factories


@pytest.fixture(autouse=True)
def english(client):
    """Messages are asserted in English: the services' (override) and the pages' (the FR/EN switch's cookie)."""
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def editor_client(client, eve):
    client.force_login(eve)
    return client


def section_url(section, name="cahiers:section"):
    return reverse(name, kwargs={"section_id": section.pk})


# --- Who gets in ----------------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client, cahier, section):
    for url in (reverse("cahiers:list"), reverse("cahiers:outline", args=[cahier.pk]), section_url(section)):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_facilitator_who_is_not_an_editor_is_refused_every_page_and_action(client, alice, cahier, chapter, section):
    client.force_login(alice)
    gets = [reverse("cahiers:list"), reverse("cahiers:outline", args=[cahier.pk]), section_url(section),
            section_url(section, "cahiers:history")]
    for url in gets:
        assert client.get(url).status_code == 403
    posts = {
        reverse("cahiers:create"): {"edition": cahier.edition_id, "title": "x"},
        section_url(section): {"text": "Pris !", "based_on": ""},
        section_url(section, "cahiers:preview"): {"text": "x"},
        reverse("cahiers:publish", args=[cahier.pk]): {},
        reverse("cahiers:chapter_add", args=[cahier.pk]): {"title": "x", "kind": "free"},
    }
    for url, data in posts.items():
        assert client.post(url, data).status_code == 403
    assert not Revision.objects.exists() and cahier.chapters.count() == 1
    assert Cahier.objects.get().status == Status.DRAFT


# --- The list and the outline ---------------------------------------------------------------------


def test_an_editor_creates_the_cahier_of_an_edition(editor_client, db):
    edition = factories.EditionFactory(title="Questions Numériques 2014", slug="qn-2014")
    page = editor_client.get(reverse("cahiers:list"))
    assert page.status_code == 200 and b"Create the cahier" in page.content
    response = editor_client.post(reverse("cahiers:create"), {"edition": edition.pk, "title": "Cahier 2014"})
    cahier = Cahier.objects.get(edition=edition)
    assert response.status_code == 302 and response["Location"] == reverse("cahiers:outline", args=[cahier.pk])
    again = editor_client.post(reverse("cahiers:create"), {"edition": edition.pk, "title": "Un autre"})
    assert again.status_code == 422 and Cahier.objects.count() == 1


@pytest.mark.parametrize("data", [{"edition": "x", "title": "t"}, {"title": "t"}, {"edition": "1", "title": ""},
                                  {"edition": "1", "title": "x" * 301}, {"edition": "1", "title": "a\x00b"}])
def test_a_bad_cahier_creation_is_refused_and_writes_nothing(editor_client, data):
    factories.EditionFactory(title="E", slug="e")
    response = editor_client.post(reverse("cahiers:create"), data)
    assert response.status_code in (404, 422)
    assert not Cahier.objects.exists()


def test_the_outline_shows_chapters_sections_and_statuses_in_bounded_queries(
    editor_client, cahier, chapter, section, other_section, eve, django_assert_max_num_queries
):
    services.section_save(section=section, text="x", author=eve, based_on=None)
    for n in range(5):
        extra = services.chapter_create(cahier=cahier, title=f"Chapitre {n}")
        for m in range(4):
            services.section_create(chapter=extra, heading=f"Section {m}")
    with django_assert_max_num_queries(12):
        response = editor_client.get(reverse("cahiers:outline", args=[cahier.pk]))
    assert response.status_code == 200
    assert b"Pourquoi ce cahier" in response.content and b"Comment le lire" in response.content
    assert b"1 revision" in response.content


def test_chapters_and_sections_are_added_and_reordered(editor_client, cahier, chapter, section, other_section):
    editor_client.post(reverse("cahiers:chapter_add", args=[cahier.pk]), {"title": "Posséder", "kind": "free"})
    added = Chapter.objects.get(title="Posséder")
    response = editor_client.post(reverse("cahiers:chapter_move", args=[added.pk, "up"]))
    assert response.status_code == 302
    assert list(cahier.chapters.order_by("position").values_list("title", flat=True)) == ["Posséder", "Introduction"]
    editor_client.post(reverse("cahiers:section_move", args=[section.pk, "down"]))
    assert list(chapter.sections.order_by("position").values_list("pk", flat=True)) == [other_section.pk, section.pk]
    editor_client.post(reverse("cahiers:section_add", args=[chapter.pk]), {"heading": "Et après"})
    assert chapter.sections.order_by("position").last().heading == "Et après"
    assert editor_client.post(reverse("cahiers:chapter_move", args=[added.pk, "sideways"])).status_code == 404


def test_a_scenario_chapter_is_not_added_by_hand(editor_client, cahier):
    response = editor_client.post(reverse("cahiers:chapter_add", args=[cahier.pk]), {"title": "x", "kind": "scenario"})
    assert response.status_code == 422 and not cahier.chapters.exists()


def test_statuses_move_through_the_workflow_and_refuse_a_jump(editor_client, chapter, section, eve):
    response = editor_client.post(reverse("cahiers:section_status", args=[section.pk]), {"status": "published"})
    assert response.status_code == 422
    assert editor_client.post(reverse("cahiers:section_status", args=[section.pk]), {"status": "in_review"}).status_code == 302
    assert Section.objects.get(pk=section.pk).status == Status.IN_REVIEW
    assert editor_client.post(reverse("cahiers:chapter_status", args=[chapter.pk]), {"status": "nowhere"}).status_code == 422


def test_publishing_pins_the_live_revisions(editor_client, cahier, section, eve):
    revision = services.section_save(section=section, text="Texte.", author=eve, based_on=None)
    response = editor_client.post(reverse("cahiers:publish", args=[cahier.pk]))
    assert response.status_code == 302
    assert Section.objects.get(pk=section.pk).live_revision == revision


def test_publishing_an_empty_cahier_is_refused(editor_client, cahier, section):
    response = editor_client.post(reverse("cahiers:publish", args=[cahier.pk]))
    assert response.status_code == 422 and b"Nothing is written yet" in response.content


# --- The section editor ---------------------------------------------------------------------------


def test_an_editor_saves_a_section(editor_client, section):
    response = editor_client.post(section_url(section), {"text": "*Un* texte.", "based_on": ""})
    assert response.status_code == 302
    latest = Section.objects.get(pk=section.pk).latest_revision
    assert latest.text == "*Un* texte." and latest.reason == Revision.Reason.EDIT
    page = editor_client.get(section_url(section))
    assert f'name="based_on" value="{latest.pk}"'.encode() in page.content
    assert b"<em>Un</em> texte." in page.content  # the preview, rendered


def test_under_htmx_the_save_answers_the_editor_fragment(editor_client, section):
    response = editor_client.post(section_url(section), {"text": "Fragment.", "based_on": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert b'id="section-editor"' in response.content and b"<html" not in response.content
    assert b"Saved." in response.content


def test_saving_over_a_newer_revision_answers_409_with_both_texts(editor_client, section, ed):
    opened = services.section_save(section=section, text="Ouvert.", author=ed, based_on=None)
    services.section_save(section=section, text="Le texte d'Ed, <b>gras</b>.", author=ed, based_on=opened)
    response = editor_client.post(section_url(section), {"text": "Le texte d'Eve.", "based_on": opened.pk})
    assert response.status_code == 409
    content = response.content.decode()
    assert "Le texte d&#x27;Eve." in content  # mine, in the textarea
    assert "Le texte d&#x27;Ed, &lt;b&gt;gras&lt;/b&gt;." in content  # theirs, beside it, escaped
    assert Section.objects.get(pk=section.pk).revisions.count() == 2
    latest = Section.objects.get(pk=section.pk).latest_revision
    assert f'name="based_on" value="{latest.pk}"' in content  # the merge is saved over theirs, knowingly


def test_an_oversized_text_answers_422_and_keeps_it(editor_client, section):
    text = "a" * (SECTION_TEXT_MAX_LENGTH + 1)
    response = editor_client.post(section_url(section), {"text": text, "based_on": ""})
    assert response.status_code == 422
    assert text.encode() in response.content
    assert not Revision.objects.exists()


@pytest.mark.parametrize("based_on", ["abc", "-1", "999999999", "99999999999999999999"])
def test_a_bad_base_revision_answers_422_and_keeps_the_text(editor_client, section, based_on):
    response = editor_client.post(section_url(section), {"text": "Gardé.", "based_on": based_on})
    assert response.status_code == 422 and b"Gard\xc3\xa9." in response.content
    assert not Revision.objects.exists()


def test_a_nul_byte_in_the_text_answers_422(editor_client, section):
    response = editor_client.post(section_url(section), {"text": "a\x00b", "based_on": ""})
    assert response.status_code == 422 and not Revision.objects.exists()


def test_hostile_markup_is_kept_as_typed_and_never_runs(editor_client, section):
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))'
    editor_client.post(section_url(section), {"text": payload, "based_on": ""})
    assert Section.objects.get(pk=section.pk).latest_revision.text == payload
    content = editor_client.get(section_url(section)).content.decode()
    assert "<script>alert(1)" not in content and "<img src=x" not in content and 'href="javascript' not in content
    preview = editor_client.post(section_url(section, "cahiers:preview"), {"text": payload}).content.decode()
    assert "<script" not in preview and "<img" not in preview and 'href="javascript' not in preview


def test_the_preview_renders_sanitised_html_and_saves_nothing(editor_client, section):
    response = editor_client.post(section_url(section, "cahiers:preview"), {"text": "**gras** [lien](https://example.org)"})
    assert response.status_code == 200
    assert b"<strong>gras</strong>" in response.content and b'href="https://example.org"' in response.content
    assert not Revision.objects.exists()
    too_long = editor_client.post(section_url(section, "cahiers:preview"), {"text": "a" * (SECTION_TEXT_MAX_LENGTH + 1)})
    assert too_long.status_code == 422


def test_the_preview_button_without_javascript_saves_nothing(editor_client, section):
    response = editor_client.post(section_url(section), {"text": "*vu*", "based_on": "", "preview": "1"})
    assert response.status_code == 200 and b"<em>vu</em>" in response.content
    assert not Revision.objects.exists()


def test_the_pending_draft_is_offered_and_taken_in(editor_client, section, eve):
    draft = services.draft_apply(section=section, text="- un\n", provenance=[], source_hash="h1").revision
    services.section_save(section=section, text="- un, revu\n", author=eve, based_on=draft)
    pending = services.draft_apply(section=section, text="- un\n- deux\n- trois\n", provenance=[], source_hash="h2").revision
    page = editor_client.get(section_url(section)).content.decode()
    assert "3 new contributions since your edit" in page and "- trois" in page
    taking = editor_client.get(section_url(section) + f"?take={pending.pk}").content.decode()
    assert "- un, revu\n\n- un\n- deux\n- trois" in taking


def test_the_editor_page_runs_in_bounded_queries(editor_client, section, eve, django_assert_max_num_queries):
    revision = None
    for n in range(6):
        revision = services.section_save(section=section, text=f"v{n}", author=eve, based_on=revision)
    with django_assert_max_num_queries(12):
        assert editor_client.get(section_url(section)).status_code == 200


# --- History: compare and restore ----------------------------------------------------------------


def test_the_history_compares_any_two_revisions_escaped(editor_client, section, eve, ed, django_assert_max_num_queries):
    first = services.section_save(section=section, text="ligne commune\n<b>ancienne</b>", author=eve, based_on=None)
    second = services.section_save(section=section, text="ligne commune\nnouvelle", author=ed, based_on=first)
    third = services.section_save(section=section, text="tout autre", author=eve, based_on=second)
    with django_assert_max_num_queries(12):
        response = editor_client.get(section_url(section, "cahiers:history") + f"?old={first.pk}&new={second.pk}")
    content = response.content.decode()
    assert "&lt;b&gt;ancienne&lt;/b&gt;</del>" in content and "nouvelle</ins>" in content
    assert "<b>ancienne" not in content
    assert f'value="{third.pk}"' in content
    default = editor_client.get(section_url(section, "cahiers:history")).content.decode()
    assert "tout autre</ins>" in default  # the latest against the one before it
    junk = editor_client.get(section_url(section, "cahiers:history") + "?old=x&new=%00")
    assert junk.status_code == 200


def test_restoring_writes_a_new_revision(editor_client, section, eve):
    first = services.section_save(section=section, text="La première.", author=eve, based_on=None)
    services.section_save(section=section, text="La seconde.", author=eve, based_on=first)
    response = editor_client.post(section_url(section, "cahiers:restore"), {"revision": first.pk})
    assert response.status_code == 302
    latest = Section.objects.get(pk=section.pk).latest_revision
    assert latest.reason == Revision.Reason.RESTORE and latest.text == "La première." and latest.pk != first.pk
    assert section.revisions.count() == 3


def test_restoring_another_sections_revision_is_a_404(editor_client, section, other_section, eve):
    elsewhere = services.section_save(section=other_section, text="Ailleurs.", author=eve, based_on=None)
    for revision in (elsewhere.pk, "abc", "-1"):
        assert editor_client.post(section_url(section, "cahiers:restore"), {"revision": revision}).status_code == 404
    assert not section.revisions.exists()


def test_missing_objects_are_404(editor_client):
    for url in ("/cahiers/999999/", "/cahiers/sections/999999/", "/cahiers/sections/999999/history/"):
        assert editor_client.get(url).status_code == 404
    assert editor_client.post("/cahiers/sections/999999/preview/", {"text": "x"}).status_code == 404


def test_the_menu_links_the_cahiers_for_editors_only(client, eve, alice):
    client.force_login(eve)
    assert b'href="/cahiers/"' in client.get("/").content
    client.force_login(alice)
    assert b'href="/cahiers/"' not in client.get("/").content
