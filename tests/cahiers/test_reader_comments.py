"""Readers' comments: signed-in readers comment on a section or a paragraph; an anonymous visitor's
text waits for them to sign in; bad input is refused with the text kept; editors hide and restore."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from cahiers import comments, services
from cahiers.models import COMMENT_MAX_LENGTH, Comment
from cahiers.reader_views import DRAFTS_KEY
from tests import factories
from tests.cahiers.test_reader import book, chapter_url, edition, write  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(db):
    return factories.UserFactory(username="rachel")


@pytest.fixture
def other_reader(db):
    return factories.UserFactory(username="olivier")


def comment_url(book, section="narrative"):
    section = book[section]
    return reverse("publications:comment", args=["qn-2012", section.chapter_id, section.pk])


def post(client, book, text, paragraph="", section="narrative"):
    return client.post(comment_url(book, section), {"text": text, "paragraph": paragraph})


# --- Signed-in readers ------------------------------------------------------------------------------


def test_a_reader_comments_on_a_section_and_reads_it_back(client, book, reader):
    client.force_login(reader)
    response = post(client, book, "Très juste.\nEt bien écrit.")
    comment = Comment.objects.get()
    assert response.status_code == 302 and response.url == f"{chapter_url(book)}#comment-{comment.pk}"
    assert comment.author == reader and comment.paragraph is None
    book["narrative"].refresh_from_db()
    assert comment.revision_id == book["narrative"].live_revision_id is not None
    page = client.get(chapter_url(book)).content.decode()
    assert 'id="comment-%d"' % comment.pk in page and "Très juste.<br>Et bien écrit." in page


def test_a_reader_comments_on_one_paragraph(client, book, reader):
    client.force_login(reader)
    post(client, book, "Sur la liste.", paragraph="1")
    comment = Comment.objects.get()
    assert comment.paragraph == 1
    page = client.get(chapter_url(book)).content.decode()
    assert f'href="#s{book["narrative"].pk}-p1"' in page


def test_the_paragraph_link_chooses_that_paragraph_in_the_form(client, book, reader):
    client.force_login(reader)
    narrative = book["narrative"].pk
    page = client.get(f"{chapter_url(book)}?section={narrative}&paragraph=2").content.decode()
    form = page.split(f'id="comment-form-{narrative}"', 1)[1].split("</form>", 1)[0]
    assert '<option value="2" selected>' in form


def test_a_comment_on_an_earlier_version_says_so(client, english, book, reader):
    client.force_login(reader)
    post(client, book, "Sur l'ancienne liste.", paragraph="1")
    write(book["narrative"], "Un tout autre texte.")
    services.cahier_publish(cahier=book["cahier"])
    assert "on paragraph 2 of an earlier version" in client.get(chapter_url(book)).content.decode()


# --- Bad input: refused, nothing written, the text kept -----------------------------------------------


@pytest.mark.parametrize(
    "text, paragraph",
    [
        ("", ""),
        ("   \n  ", ""),
        ("x" * (COMMENT_MAX_LENGTH + 1), ""),
        ("avant\x00après", ""),
        ("Sur un paragraphe absent.", "99"),
        ("Sur un paragraphe absurde.", "abc"),
        ("Sur un paragraphe négatif.", "-1"),
    ],
    ids=["empty", "blank", "oversized", "nul byte", "no such paragraph", "paragraph not a number", "negative paragraph"],
)
def test_bad_input_is_refused_with_the_text_kept_and_nothing_written(client, book, reader, text, paragraph):
    client.force_login(reader)
    response = post(client, book, text, paragraph)
    assert response.status_code == 422
    assert Comment.objects.count() == 0
    page = response.content.decode()
    narrative = book["narrative"].pk
    assert f'id="comment-errors-{narrative}"' in page
    kept = text.replace("\x00", "").strip()
    if kept:
        assert kept[:50] in page.split(f'id="comment-text-{narrative}"', 1)[1]


def test_a_script_payload_is_stored_as_text_and_shown_escaped(client, book, reader):
    client.force_login(reader)
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)> **gras**'
    post(client, book, payload)
    assert Comment.objects.get().text == payload
    page = client.get(chapter_url(book)).content.decode()
    assert "<script>alert" not in page and "<img src=x" not in page and "<strong>gras" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_nobody_comments_on_an_unpublished_cahier(client, edition, editor, reader):
    cahier = services.cahier_create(edition=edition, title="Cahier")
    chapter = services.chapter_create(cahier=cahier, title="Introduction")
    section = services.section_create(chapter=chapter, heading="Pourquoi")
    write(section, "Un brouillon.")
    url = reverse("publications:comment", args=["qn-2012", chapter.pk, section.pk])
    client.force_login(editor)  # the editors read it, but comments open with the publication
    assert client.post(url, {"text": "Trop tôt."}).status_code == 403
    client.force_login(reader)
    assert client.post(url, {"text": "Trop tôt."}).status_code == 404
    client.logout()
    assert client.post(url, {"text": "Trop tôt."}).status_code == 404
    assert Comment.objects.count() == 0


def test_the_service_refuses_a_section_without_live_text(book, reader):
    with pytest.raises(comments.NotPublished):
        comments.comment_post(section=book["later"], author=reader, text="Trop tôt.")
    with pytest.raises(ValidationError):
        comments.comment_post(section=book["narrative"], author=reader, text="x", paragraph=3)


def test_a_comment_on_a_section_of_another_chapter_is_404(client, book, reader):
    client.force_login(reader)
    wrong = reverse("publications:comment", args=["qn-2012", book["second"].pk, book["narrative"].pk])
    assert client.post(wrong, {"text": "Égaré."}).status_code == 404
    assert Comment.objects.count() == 0


def test_the_database_refuses_an_empty_or_oversized_comment(book, reader):
    section = book["narrative"]
    for text in ("", "x" * (COMMENT_MAX_LENGTH + 1)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Comment.objects.create(section=section, revision=section.live_revision, author=reader, text=text)
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(section=section, revision=None, paragraph=0, author=reader, text="Sans version.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.create(section=section, revision=section.live_revision, author=reader, text="Masqué sans date.", hidden=True)


# --- Anonymous visitors: asked to sign in, their text kept ----------------------------------------------


def test_an_anonymous_visitor_is_asked_to_sign_in_with_links_that_come_back(client, english, book):
    page = client.get(chapter_url(book)).content.decode()
    narrative = book["narrative"].pk
    assert "You must sign in to add a comment. Please" in page
    back = f"{chapter_url(book)}#comment-form-{narrative}".replace("/", "%2F").replace("#", "%23")
    assert f'href="{reverse("login")}?next={back}"' in page
    assert f'href="{reverse("account_signup")}?next={back}"' in page


def test_an_anonymous_comment_is_kept_until_its_author_signs_in_then_published(client, book, reader):
    response = post(client, book, "Mon avis, écrit avant de me connecter.", paragraph="1")
    narrative = book["narrative"].pk
    assert response.status_code == 302 and response.url == f"{chapter_url(book)}#comment-form-{narrative}"
    assert Comment.objects.count() == 0
    page = client.get(chapter_url(book)).content.decode()
    assert "Mon avis, écrit avant de me connecter.</textarea>" in page
    # Signing in keeps the session's data: the text is still in its form.
    client.force_login(reader)
    page = client.get(chapter_url(book)).content.decode()
    form = page.split(f'id="comment-form-{narrative}"', 1)[1].split("</form>", 1)[0]
    assert "Mon avis, écrit avant de me connecter.</textarea>" in form and '<option value="1" selected>' in form
    post(client, book, "Mon avis, écrit avant de me connecter.", paragraph="1")
    assert Comment.objects.get().author == reader
    assert str(narrative) not in client.session.get(DRAFTS_KEY, {})


def test_an_anonymous_comment_too_long_to_keep_comes_back_in_its_box(client, book):
    text = "y" * (4 * COMMENT_MAX_LENGTH + 1)
    response = post(client, book, text)
    assert response.status_code == 422 and text in response.content.decode()
    assert DRAFTS_KEY not in client.session


# --- Moderation ------------------------------------------------------------------------------------------


@pytest.fixture
def posted(book, reader):
    return comments.comment_post(section=book["narrative"], author=reader, text="Un avis contestable.")


def hide_url(book, comment, action="hide"):
    return reverse(f"publications:comment_{action}", args=["qn-2012", book["first"].pk, comment.pk])


def test_an_editor_hides_a_comment_then_restores_it(client, english, book, posted, editor, reader, other_reader):
    client.force_login(editor)
    assert client.post(hide_url(book, posted)).status_code == 302
    posted.refresh_from_db()
    assert posted.hidden and posted.hidden_by == editor and posted.hidden_at is not None
    page = client.get(chapter_url(book)).content.decode()
    assert "Un avis contestable." in page and "Hidden by eve" in page and hide_url(book, posted, "restore") in page

    client.force_login(other_reader)
    assert "Un avis contestable." not in client.get(chapter_url(book)).content.decode()
    client.logout()
    client.cookies["django_language"] = "en"  # a logout clears every cookie, the language's too
    assert "Un avis contestable." not in client.get(chapter_url(book)).content.decode()
    client.force_login(reader)
    page = client.get(chapter_url(book)).content.decode()
    assert "Un avis contestable." in page and "Hidden by the editors" in page

    client.force_login(editor)
    client.post(hide_url(book, posted, "restore"))
    posted.refresh_from_db()
    assert not posted.hidden and posted.hidden_by is None and posted.hidden_at is None
    client.force_login(other_reader)
    assert "Un avis contestable." in client.get(chapter_url(book)).content.decode()


def test_hiding_twice_keeps_the_first_hiding(book, posted, editor):
    first = comments.comment_hide(comment=posted, by=editor)
    again = comments.comment_hide(comment=posted, by=factories.EditorFactory(username="ed"))
    assert again.hidden_by == editor and again.hidden_at == first.hidden_at


@pytest.mark.parametrize("who", ["reader", "author", "facilitator"])
def test_only_editors_hide_and_restore(client, book, posted, who, reader, other_reader, facilitator):
    client.force_login({"reader": other_reader, "author": reader, "facilitator": facilitator}[who])
    for action in ("hide", "restore"):
        assert client.post(hide_url(book, posted, action)).status_code == 403
    posted.refresh_from_db()
    assert not posted.hidden


def test_an_anonymous_moderator_is_sent_to_sign_in(client, book, posted):
    response = client.post(hide_url(book, posted))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not Comment.objects.get().hidden


def test_hiding_a_comment_of_another_chapter_is_404(client, book, posted, editor):
    client.force_login(editor)
    wrong = reverse("publications:comment_hide", args=["qn-2012", book["second"].pk, posted.pk])
    assert client.post(wrong).status_code == 404
    assert client.get(hide_url(book, posted)).status_code == 405
