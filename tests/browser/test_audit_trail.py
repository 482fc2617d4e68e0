"""The facilitator reaches the audit trail from the control room and reads who did what, at three
sizes (nothing scrolls sideways, even a long post-it's text) and without an accessibility fault."""

import pytest
from playwright.sync_api import expect

from tests import factories
from tests.browser.conftest import at_sizes
from tests.voting.factories import make_ballot
from voting import services as voting_services
from workshops import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = "Une idée très longue " * 15 + "sans_espace_" * 12


def test_the_facilitator_reads_the_audit_trail(login, facilitator, live_workshop, screenshot, axe_clean):
    table = live_workshop.tables.get(number=1)
    author = factories.ParticipantFactory(workshop=live_workshop, table=table, display_name="Ada")
    scribe = services.participant_set_scribe(
        participant=factories.ParticipantFactory(workshop=live_workshop, table=table, display_name="Sam"), is_scribe=True
    )
    long, short, other = (factories.ContributionFactory(participant=author, text=text) for text in (LONG, "Louer", "Partager"))
    services.contribution_set_hidden(scribe=scribe, contribution_id=long.pk, hidden=True)
    services.contribution_group(scribe=scribe, contribution_ids=[short.pk, other.pk], label="Mobilité")
    services.contribution_merge(scribe=scribe, target_id=short.pk, source_id=other.pk)
    ballot = make_ballot(live_workshop, "dots", open=False)
    voting_services.ballot_open(ballot=ballot, by=facilitator)
    voting_services.ballot_reveal(ballot=ballot, by=facilitator)
    services.workshop_close(workshop=live_workshop, by=facilitator)

    page = login(facilitator, f"/facilitate/{live_workshop.pk}/")
    page.locator(f"a[href='/facilitate/{live_workshop.pk}/audit/']").click()
    entries = page.locator(".audit-entry")
    expect(entries).to_have_count(8)  # phase opened by the fixture, hidden, grouped, merged, ballot ×2, phase closed, workshop closed
    expect(entries.first.locator(".audit-action")).to_have_attribute("data-action", "workshop.closed")
    expect(entries.first).to_contain_text("alice")
    hidden = page.locator(".audit-entry:has([data-action='postit.hidden'])")
    expect(hidden).to_contain_text("Sam")
    expect(hidden.locator(".audit-changes")).to_contain_text("sans_espace_")
    at_sizes(page, "audit-trail", screenshot, axe_clean)
