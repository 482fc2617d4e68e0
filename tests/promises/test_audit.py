"""The promise workshop's acts of power in the audit trail: a keyword kept or dropped by hand, the
keyword and phrase votes opened and closed, the promise's phrase retained."""

import pytest

from promises import services
from promises.models import Keyword
from voting import services as voting_services
from workshops.models import Activity, AuditEntry

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


def test_keeping_a_keyword_by_hand_and_the_keyword_vote_are_recorded(room):
    room.open(Activity.KEYWORDS)
    for word in ("Résilience", "Frugalité"):
        services.keyword_add(workshop=room.workshop, participant=room.daniel, text=word)
    keyword = Keyword.objects.get(label="Résilience")
    services.keyword_set_kept(workshop=room.workshop, keyword_id=keyword.pk, kept=True, by=room.facilitator)
    services.keyword_set_kept(workshop=room.workshop, keyword_id=keyword.pk, kept=False, by=room.facilitator)
    ballot = services.keyword_vote_create(workshop=room.workshop, keep=1, by=room.facilitator)
    voting_services.ballot_close(ballot=ballot, by=room.facilitator)

    trail = list(AuditEntry.objects.filter(workshop=room.workshop, actor_kind="user").order_by("at", "pk"))
    assert [(e.action, e.target_label, e.actor_name) for e in trail if e.target_type != "phase"] == [
        (Action.KEYWORD_KEPT, "Résilience", "alice"),
        (Action.KEYWORD_DROPPED, "Résilience", "alice"),
        (Action.BALLOT_OPENED, ballot.title, "alice"),
        (Action.BALLOT_CLOSED, ballot.title, "alice"),
    ]


def test_retaining_the_promises_phrase_is_recorded_with_its_alternatives(room):
    room.open(Activity.PHRASES)
    services.phrase_propose(workshop=room.workshop, participant=room.daniel, text="Le numérique, bien commun")
    services.phrase_propose(workshop=room.workshop, participant=room.omar, text="Une sobriété partagée")
    ballot = services.phrase_vote_create(workshop=room.workshop, by=room.facilitator)
    a, b = ballot.options.order_by("position")
    voting_services.vote_cast(participant=room.daniel, ballot_id=ballot.pk, choices={a.pk: 1, b.pk: 2})
    voting_services.ballot_close(ballot=ballot, by=room.facilitator)

    retained = AuditEntry.objects.get(action=Action.PROMISE_RETAINED)
    assert retained.after == {"phrase": a.label, "alternatives": [b.label]} and retained.before == {"phrase": None}
    # Applied by the close itself: Agora, right after the entry naming who closed the vote.
    assert retained.actor_kind == "system"
