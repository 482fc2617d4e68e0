"""A visitor reads the published cahier, tries to comment, signs up (the confirmation link read from
the outbox: the live server runs in this process, with Django's test e-mail backend), comments on a
paragraph; an editor hides the comment and its author sees it marked hidden. Every page at three
sizes, checked with axe-core, and the chapter as printed."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from cahiers import services
from cahiers.models import Chapter, Comment
from tests.factories import EditionFactory, EditorFactory

from tests.browser.conftest import at_sizes as shared_at_sizes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def at_sizes(page, name, screenshot, axe_clean):
    shared_at_sizes(page, f"reader-{name}", screenshot, axe_clean)
NARRATIVE = (
    "En 2020, posséder un objet est devenu *rare* : on emprunte, on loue, on partage.\n\n"
    "Les bibliothèques d'objets se sont multipliées dans les quartiers, et les plateformes de location "
    "entre particuliers couvrent tout, de la perceuse à la voiture.\n\n"
    "- L'usage prime sur la propriété\n- Le partage se banalise\n- La réparation redevient un métier"
)
COMMENT = "Et les objets qu'on ne prête pas, les souvenirs ? Ils restent à soi."


def write(section, text):
    return services.section_save(section=section, text=text, author=None, based_on=None)


@pytest.fixture
def published():
    edition = EditionFactory(title="Questions Numériques 2012/2013", slug="qn-2012")
    cahier = services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    intro = services.chapter_create(cahier=cahier, title="Introduction", kind=Chapter.Kind.INTRODUCTION)
    write(services.section_create(chapter=intro, heading="Pourquoi ce cahier"),
          "Cent participants ont choisi **sept** ruptures et les ont développées, table par table.")
    chapter = services.chapter_create(cahier=cahier, title="Posséder, c'est dépassé")
    narrative = services.section_create(chapter=chapter, heading="Le récit")
    write(narrative, NARRATIVE)
    write(services.section_create(chapter=chapter, heading="Signes avant-coureurs"), "- Les plateformes de location\n- Les repair cafés")
    other = services.chapter_create(cahier=cahier, title="La fin de l'anonymat")
    write(services.section_create(chapter=other, heading="Le récit"), "Chacun est reconnu partout, tout le temps.")
    services.cahier_publish(cahier=cahier)
    return {"chapter": chapter, "narrative": narrative}


def test_a_visitor_reads_signs_up_comments_and_an_editor_hides_the_comment(published, new_page, login, screenshot, axe_clean):
    eve = EditorFactory(username="eve")
    chapter, narrative = published["chapter"], published["narrative"]

    # Reading, anonymous: the list, the contents, a chapter.
    page = new_page("/publications/")
    at_sizes(page, "index", screenshot, axe_clean)
    page.get_by_role("link", name="Cahier d'enjeux 2012/2013").click()
    expect(page.locator("main h1")).to_have_text("Cahier d'enjeux 2012/2013")
    expect(page.locator(".reader-introduction strong")).to_have_text("sept")
    at_sizes(page, "cahier", screenshot, axe_clean)
    page.locator(".reader-toc-chapter", has_text="Posséder, c'est dépassé").click()
    expect(page.locator("main h1")).to_have_text("Posséder, c'est dépassé")
    expect(page.locator(f"#s{narrative.pk}-p0 em")).to_have_text("rare")
    at_sizes(page, "chapter-anonymous", screenshot, axe_clean)

    # Printed: the text alone.
    page.emulate_media(media="print")
    expect(page.locator(".topbar")).to_be_hidden()
    expect(page.locator(".reader-comments").first).to_be_hidden()
    screenshot(page, "reader-chapter-print")
    page.emulate_media(media="screen")

    # Commenting on the second paragraph, anonymous: the text is kept and the page asks to sign in.
    page.locator(f"#s{narrative.pk}-p1 .paragraph-comment").click()
    form = page.locator(f"#comment-form-{narrative.pk}")
    expect(form.locator("select[name=paragraph]")).to_have_value("1")
    form.locator("textarea[name=text]").fill(COMMENT)
    form.locator("button[type=submit]").click()
    form = page.locator(f"#comment-form-{narrative.pk}")
    expect(form.locator("textarea[name=text]")).to_have_value(COMMENT)
    expect(form.locator(".signin-needed")).to_be_visible()
    assert Comment.objects.count() == 0
    screenshot(page, "reader-chapter-sign-in-needed")

    # Signing up, from the form's link; the confirmation link comes by e-mail.
    form.locator(".signin-needed a").nth(1).click()
    page.wait_for_url(re.compile(r"/accounts/signup/"))
    at_sizes(page, "signup", screenshot, axe_clean)
    page.fill("input[name=email]", "rachel@example.org")
    page.fill("input[name=username]", "rachel")
    page.fill("input[name=password1]", "un mot de passe solide")
    page.fill("input[name=password2]", "un mot de passe solide")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    at_sizes(page, "verification-sent", screenshot, axe_clean)
    (message,) = mail.outbox
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+/)", message.body).group(1)
    page.goto(link)
    at_sizes(page, "confirm-email", screenshot, axe_clean)
    page.click("main form button[type=submit]")

    # Back on the chapter, signed in, the text and its paragraph still in the form: publish it.
    page.wait_for_url(re.compile(rf"/publications/qn-2012/{chapter.pk}/"))
    form = page.locator(f"#comment-form-{narrative.pk}")
    expect(form.locator("textarea[name=text]")).to_have_value(COMMENT)
    expect(form.locator("select[name=paragraph]")).to_have_value("1")
    expect(form.locator(".signin-needed")).to_have_count(0)
    form.locator("button[type=submit]").click()
    comment = Comment.objects.get()
    assert comment.author.username == "rachel" and comment.paragraph == 1 and comment.text == COMMENT
    posted = page.locator(f"#comment-{comment.pk}")
    expect(posted.locator(".comment-text")).to_have_text(COMMENT)
    expect(posted.locator(f"a[href='#s{narrative.pk}-p1']")).to_be_visible()
    at_sizes(page, "chapter-commented", screenshot, axe_clean)

    # The editor hides it.
    editor = login(eve, f"/publications/qn-2012/{chapter.pk}/")
    editor.locator(f"#comment-{comment.pk} button[type=submit]").click()
    expect(editor.locator(f"#comment-{comment.pk} .comment-hidden-note")).to_be_visible()
    comment.refresh_from_db()
    assert comment.hidden and comment.hidden_by == eve
    at_sizes(editor, "chapter-editor-hidden", screenshot, axe_clean)

    # Its author sees it marked hidden; another visitor does not see it.
    page.reload()
    expect(page.locator(f"#comment-{comment.pk}.is-hidden .comment-hidden-note")).to_be_visible()
    at_sizes(page, "chapter-author-hidden", screenshot, axe_clean)
    stranger = new_page(f"/publications/qn-2012/{chapter.pk}/")
    expect(stranger.locator(f"#comment-{comment.pk}")).to_have_count(0)
    expect(stranger.get_by_text(COMMENT)).to_have_count(0)


def test_the_sign_in_and_reset_pages_fit_a_phone_and_staff_sign_in_by_email_too(published, new_page, screenshot, axe_clean):
    EditorFactory(username="eve")
    page = new_page("/accounts/password/reset/")
    at_sizes(page, "password-reset", screenshot, axe_clean)
    page.goto("/accounts/login/")
    at_sizes(page, "login", screenshot, axe_clean)
    page.fill("input[name=username]", "eve@example.org")
    page.fill("input[name=password]", "password")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/scenarios/")
