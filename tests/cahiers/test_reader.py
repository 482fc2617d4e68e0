"""The reader's pages: the published cahiers, a cahier's contents and a chapter, for every kind of
visitor; the editors' preview of an unpublished cahier; bounded queries."""

import pytest
from django.urls import reverse

from cahiers import services
from cahiers.models import Chapter, Comment
from tests import factories

pytestmark = pytest.mark.django_db

INTRO = "Ce cahier rassemble les **ruptures** explorées par les ateliers.\n\nBonne lecture."
NARRATIVE = (
    "En 2020, posséder un objet est devenu *rare*.\n\n"
    "- L'usage prime sur la propriété\n- Le partage se banalise\n\n"
    "<script>alert('x')</script> et [un lien](javascript:alert(1))."
)


def write(section, text):
    section.refresh_from_db()
    return services.section_save(section=section, text=text, author=None, based_on=section.latest_revision)


@pytest.fixture
def edition(db):
    return factories.EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")


@pytest.fixture
def book(edition):
    """A published cahier: an introduction, two chapters (the first of two sections), and a section
    added after the publication (not live: readers do not see it)."""
    cahier = services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    intro = services.chapter_create(cahier=cahier, title="Introduction", kind=Chapter.Kind.INTRODUCTION)
    write(services.section_create(chapter=intro, heading="Pourquoi ce cahier"), INTRO)
    first = services.chapter_create(cahier=cahier, title="Posséder, c'est dépassé")
    narrative = services.section_create(chapter=first, heading="Le récit")
    write(narrative, NARRATIVE)
    write(services.section_create(chapter=first, heading="Signes avant-coureurs"), "- Les bibliothèques d'objets")
    second = services.chapter_create(cahier=cahier, title="La fin de l'anonymat")
    write(services.section_create(chapter=second, heading="Le récit"), "Chacun est reconnu partout.")
    services.cahier_publish(cahier=cahier)
    later = services.section_create(chapter=first, heading="Écrit après la publication")
    write(later, "Pas encore publié.")
    return {"cahier": cahier, "intro": intro, "first": first, "second": second, "narrative": narrative, "later": later}


def chapter_url(book, chapter="first"):
    return reverse("publications:chapter", args=["qn-2012", book[chapter].pk])


def test_the_index_lists_the_published_cahiers_only(client, book):
    other = services.cahier_create(edition=factories.EditionFactory(slug="brouillon"), title="Un cahier en chantier")
    page = client.get(reverse("publications:index")).content.decode()
    assert "Cahier d&#x27;enjeux 2012/2013" in page and reverse("publications:cahier", args=["qn-2012"]) in page
    assert other.title not in page


def test_the_cahier_page_has_its_title_introduction_and_contents(client, book):
    response = client.get(reverse("publications:cahier", args=["qn-2012"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<strong>ruptures</strong>" in page  # the introduction, rendered
    for chapter in ("first", "second"):
        assert f'href="{chapter_url(book, chapter)}"' in page
    assert f'href="{chapter_url(book)}#section-{book["narrative"].pk}"' in page
    assert "Écrit après la publication" not in page


def test_a_chapter_shows_its_live_text_in_anchored_paragraphs_with_neighbours(client, book):
    page = client.get(chapter_url(book)).content.decode()
    narrative = book["narrative"].pk
    assert "<em>rare</em>" in page
    for index in range(3):
        assert f'id="s{narrative}-p{index}"' in page
        assert f"?section={narrative}&amp;paragraph={index}#comment-form-{narrative}" in page
    assert "Pas encore publié" not in page and "Écrit après la publication" not in page
    assert f'rel="prev" href="{chapter_url(book, "intro")}"' in page
    assert f'rel="next" href="{chapter_url(book, "second")}"' in page


def test_markup_in_the_text_is_sanitised(client, book):
    page = client.get(chapter_url(book)).content.decode()
    assert "<script>alert" not in page and "href=\"javascript:" not in page
    assert "&lt;script&gt;alert" in page


@pytest.mark.parametrize("who", ["anonymous", "reader", "facilitator"])
def test_an_unpublished_cahier_is_not_found_for_anyone_but_the_editors(client, edition, who, facilitator, outsider):
    cahier = services.cahier_create(edition=edition, title="Cahier")
    chapter = services.chapter_create(cahier=cahier, title="Introduction")
    write(services.section_create(chapter=chapter, heading="Pourquoi"), "Un brouillon.")
    if who != "anonymous":
        client.force_login(outsider if who == "reader" else facilitator)
    assert client.get(reverse("publications:cahier", args=["qn-2012"])).status_code == 404
    assert client.get(reverse("publications:chapter", args=["qn-2012", chapter.pk])).status_code == 404
    assert cahier.title not in client.get(reverse("publications:index")).content.decode()


def test_an_editor_previews_the_unpublished_cahier_with_its_latest_text(client, english, edition, editor):
    cahier = services.cahier_create(edition=edition, title="Cahier")
    chapter = services.chapter_create(cahier=cahier, title="Introduction")
    write(services.section_create(chapter=chapter, heading="Pourquoi"), "Un brouillon.")
    client.force_login(editor)
    page = client.get(reverse("publications:chapter", args=["qn-2012", chapter.pk])).content.decode()
    assert "Preview: this cahier is not published" in page and "Un brouillon." in page
    assert 'class="comment-form"' not in page and "paragraph-comment" not in page


def test_unknown_cahiers_and_chapters_are_404(client, book):
    assert client.get(reverse("publications:cahier", args=["nowhere"])).status_code == 404
    assert client.get(reverse("publications:chapter", args=["qn-2012", 999999])).status_code == 404
    other = services.cahier_create(edition=factories.EditionFactory(slug="autre"), title="Autre")
    foreign = services.chapter_create(cahier=other, title="Ailleurs")
    assert client.get(reverse("publications:chapter", args=["qn-2012", foreign.pk])).status_code == 404


def test_the_pages_are_french_by_default_and_english_on_request(client, book):
    assert 'lang="fr"' in client.get(chapter_url(book)).content.decode()
    client.cookies["django_language"] = "en"
    page = client.get(chapter_url(book)).content.decode()
    assert 'lang="en"' in page and "Comment on this paragraph" in page


def _comment_a_lot(book, readers):
    for section in book["first"].sections.exclude(live_revision=None):
        for reader in readers:
            Comment.objects.create(section=section, revision=section.live_revision, author=reader, text=f"Avis de {reader}")


@pytest.mark.parametrize("who", ["anonymous", "reader", "editor"])
def test_the_reader_pages_take_a_bounded_number_of_queries(client, book, who, outsider, editor, django_assert_max_num_queries):
    readers = [factories.UserFactory(username=f"lecteur{i}") for i in range(6)]
    _comment_a_lot(book, readers)
    for i in range(6):
        write(services.section_create(chapter=book["second"], heading=f"Section {i}"), f"Texte {i}\n\nSuite {i}")
    services.cahier_publish(cahier=book["cahier"])
    if who != "anonymous":
        client.force_login(outsider if who == "reader" else editor)
    # A signed-in visitor's session is one more read (sessions live in the database alone).
    session = 0 if who == "anonymous" else 1
    for url in (reverse("publications:index"), reverse("publications:cahier", args=["qn-2012"]), chapter_url(book), chapter_url(book, "second")):
        with django_assert_max_num_queries(10 + session):
            assert client.get(url).status_code == 200


def test_the_home_page_leads_an_anonymous_visitor_to_the_published_cahiers(client, book, django_assert_max_num_queries):
    unpublished = services.cahier_create(edition=factories.EditionFactory(slug="chantier"), title="Un cahier en chantier")
    with django_assert_max_num_queries(3):
        page = client.get(reverse("home")).content.decode()
    assert reverse("publications:cahier", args=["qn-2012"]) in page and "Cahier d&#x27;enjeux 2012/2013" in page
    assert unpublished.title not in page
    assert reverse("publications:index") in page
