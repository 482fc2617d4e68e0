"""A participant takes back a post-it from "Your post-its"; an editor anonymises the edition's names."""

import pytest
from playwright.sync_api import expect

from cahiers import services as cahier_services
from tests.browser.conftest import at_sizes
from tests.factories import ContributionFactory, EditorFactory, ParticipantFactory, WorkshopFactory
from workshops import services
from workshops.models import Contribution, Participant

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_deletes_one_of_their_postits(join, facilitator, screenshot, axe_clean):
    workshop = WorkshopFactory(facilitator=facilitator, join_code="QN2012", title="Atelier des ruptures")
    services.phase_open(phase=workshop.phases.order_by("position").first())
    page = join("Zoé")
    zoe = Participant.objects.get(display_name="Zoé")
    ContributionFactory(participant=zoe, text="Les voitures en libre-service")
    ContributionFactory(participant=zoe, text="Un brouillon à retirer")

    # By the link's address: the French wording comes with the catalogs.
    page.locator("a[href='/w/QN2012/mine/']").click()
    expect(page.locator(".own-notes .postit")).to_have_count(2)
    at_sizes(page, "own-postits", screenshot, axe_clean)

    note = page.locator(".own-notes .postit", has_text="Un brouillon à retirer")
    note.locator("summary").click()
    axe_clean(page, "own post-its, delete confirmation open")
    note.get_by_role("button").click()

    expect(page.locator(".messages")).to_be_visible()
    expect(page.locator(".own-notes .postit")).to_have_count(1)
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Les voitures en libre-service"]


def test_an_editor_anonymises_the_names_once_the_cahier_is_published(transactional_db, login, screenshot, axe_clean):
    eve = EditorFactory(username="eve")
    workshop = WorkshopFactory(title="Atelier des ruptures")
    ParticipantFactory(workshop=workshop, display_name="Awa Diallo")
    services.workshop_close(workshop=workshop)
    cahier = cahier_services.cahier_create(edition=workshop.edition, title="Cahier d'enjeux")
    chapter = cahier_services.chapter_create(cahier=cahier, title="Introduction", kind="introduction")
    section = cahier_services.section_create(chapter=chapter, heading="Pourquoi")
    cahier_services.section_save(section=section, text="Ce que la salle a dit.", author=eve, based_on=None)
    cahier_services.cahier_publish(cahier=cahier)

    page = login(eve, f"/cahiers/{cahier.pk}/")
    card = page.locator("#privacy")
    card.scroll_into_view_if_needed()
    at_sizes(page, "cahier-privacy-card", screenshot, axe_clean, each=lambda _label: card.scroll_into_view_if_needed())
    card.get_by_role("checkbox").check()
    card.get_by_role("button").click()

    expect(page.locator(".messages")).to_contain_text("1")
    expect(page.locator("#privacy form")).to_have_count(0)
    assert list(Participant.objects.values_list("display_name", flat=True)) == ["Participant 1"]
