"""The audit trail: each act of power writes its entry in its service's transaction (who, what, on
what, before/after), a refused act writes none, the entries never change, the facilitators of the
workshop read them on a page of their own (no one else), and the record carries them."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from tests import factories
from voting import record
from workshops import formats, services
from workshops.models import Activity, AuditEntry, Contribution

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


def entries(workshop=None, **filters):
    queryset = AuditEntry.objects.filter(workshop=workshop, **filters) if workshop else AuditEntry.objects.filter(**filters)
    return list(queryset.order_by("at", "pk"))


def only(action, **filters) -> AuditEntry:
    [entry] = entries(action=action, **filters)
    return entry


@pytest.fixture
def table(live_workshop):
    return live_workshop.tables.get(number=1)


@pytest.fixture
def scribe(live_workshop, table):
    person = factories.ParticipantFactory(workshop=live_workshop, table=table, display_name="Sam")
    return services.participant_set_scribe(participant=person, is_scribe=True)


@pytest.fixture
def postits(live_workshop, table):
    author = factories.ParticipantFactory(workshop=live_workshop, table=table, display_name="Ada")
    return [factories.ContributionFactory(participant=author, text=text) for text in ("Louer", "Louer plutôt", "Partager")]


# --- Moderation (the scribe) ---------------------------------------------------------------------


def test_hiding_and_showing_a_post_it_names_the_scribe_and_keeps_its_text(scribe, postits):
    services.contribution_set_hidden(scribe=scribe, contribution_id=postits[0].pk, hidden=True)
    services.contribution_set_hidden(scribe=scribe, contribution_id=postits[0].pk, hidden=True)  # no change, no entry
    services.contribution_set_hidden(scribe=scribe, contribution_id=postits[0].pk, hidden=False)

    hidden = only(Action.POSTIT_HIDDEN)
    assert (hidden.workshop_id, hidden.actor_kind, hidden.actor_participant_id, hidden.actor_name) == (
        scribe.workshop_id, "participant", scribe.pk, "Sam"
    )
    assert (hidden.target_type, hidden.target_id, hidden.target_label) == ("postit", postits[0].pk, "Louer")
    assert hidden.before == {"hidden": False, "text": "Louer"} and hidden.after == {"hidden": True}
    assert only(Action.POSTIT_SHOWN).after == {"hidden": False}


def test_grouping_and_ungrouping_keep_each_post_its_former_group(scribe, postits):
    ids = [postits[0].pk, postits[1].pk]
    services.contribution_group(scribe=scribe, contribution_ids=ids, label="Mobilité")
    services.contribution_group(scribe=scribe, contribution_ids=ids, label="")

    grouped = only(Action.POSTITS_GROUPED)
    assert grouped.before == {"postits": [{"id": ids[0], "text": "Louer", "group": ""}, {"id": ids[1], "text": "Louer plutôt", "group": ""}]}
    assert grouped.after == {"group": "Mobilité", "postits": ids}
    assert [p["group"] for p in only(Action.POSTITS_UNGROUPED).before["postits"]] == ["Mobilité", "Mobilité"]


def test_a_merge_and_its_undo_name_the_groups_members(scribe, postits):
    target, source, follower = postits
    services.contribution_merge(scribe=scribe, target_id=source.pk, source_id=follower.pk)
    services.contribution_merge(scribe=scribe, target_id=target.pk, source_id=source.pk)
    services.contribution_unmerge(scribe=scribe, contribution_id=source.pk)

    merged = entries(action=Action.POSTIT_MERGED)[1]
    assert merged.target_id == source.pk
    assert merged.before == {"text": "Louer plutôt", "plus_ones": 0, "merged_into": None}
    assert merged.after["merged_into"] == {"id": target.pk, "text": "Louer"}
    assert [m["id"] for m in merged.after["postits"]] == [target.pk, source.pk, follower.pk]
    undone = only(Action.POSTIT_UNMERGED)
    assert undone.before["merged_into"] == {"id": target.pk, "text": "Louer"}
    assert [m["id"] for m in undone.after["postits"]] == [source.pk, follower.pk]


def test_a_refused_act_writes_no_entry(scribe, postits, live_workshop):
    other_table = live_workshop.tables.get(number=2)
    elsewhere = factories.ContributionFactory(participant=factories.ParticipantFactory(workshop=live_workshop, table=other_table))
    with pytest.raises(ValidationError):
        services.contribution_set_hidden(scribe=scribe, contribution_id=elsewhere.pk, hidden=True)
    with pytest.raises(ValidationError):
        services.contribution_merge(scribe=scribe, target_id=postits[0].pk, source_id=postits[0].pk)
    assert not AuditEntry.objects.filter(action__startswith="postit").exists()


# --- Phases, the workshop, seats (the facilitator) -----------------------------------------------


def test_opening_and_closing_phases_and_the_workshop_name_the_facilitator(live_workshop, facilitator):
    first, second = live_workshop.phases.order_by("position")[:2]
    services.phase_open(phase=second, by=facilitator)  # closes the first
    services.phase_close(phase=second, by=facilitator)
    services.phase_open(phase=first, by=facilitator)
    services.workshop_close(workshop=live_workshop, by=facilitator)

    trail = [(e.action, e.target_id, e.actor_name) for e in entries(live_workshop) if e.actor_kind == "user"]
    assert trail == [
        (Action.PHASE_CLOSED, first.pk, "alice"),
        (Action.PHASE_OPENED, second.pk, "alice"),
        (Action.PHASE_CLOSED, second.pk, "alice"),
        (Action.PHASE_OPENED, first.pk, "alice"),
        (Action.PHASE_CLOSED, first.pk, "alice"),
        (Action.WORKSHOP_CLOSED, live_workshop.pk, "alice"),
    ]
    opened = entries(live_workshop, action=Action.PHASE_OPENED, target_id=second.pk)[0]
    assert (opened.before, opened.after) == ({"status": "pending"}, {"status": "open"})
    closed = only(Action.WORKSHOP_CLOSED)
    assert closed.before == {"status": "live"} and closed.after == {"status": "closed", "closed_phase": first.name}
    # The fixture opened the first phase without naming anyone: Agora itself.
    assert entries(live_workshop)[0].actor_kind == "system"


def test_seats_tables_and_room_rules_keep_what_changed(live_workshop, facilitator, table):
    person = factories.ParticipantFactory(workshop=live_workshop, table=table, display_name="Lou")
    other = live_workshop.tables.get(number=2)
    services.participant_seat(participant=person, table_id=other.pk, is_scribe=True, by=facilitator)
    services.table_update(table=other, name="Mobilités", capacity=9, by=facilitator)
    services.workshop_update_settings(workshop=live_workshop, allow_self_plus_one=True, by=facilitator)

    seated = only(Action.PARTICIPANT_SEATED)
    # The table's label as it was then (the second table was renamed after the move).
    assert (seated.target_label, seated.before, seated.after) == (
        "Lou", {"table": str(table.label), "scribe": False}, {"table": str(other.label), "scribe": True}
    )
    changed = only(Action.TABLE_CHANGED)
    assert changed.before == {"name": "", "capacity": 15} and changed.after == {"name": "Mobilités", "capacity": 9}
    assert only(Action.WORKSHOP_SETTINGS).after == {"allow_self_plus_one": True}


# --- Formats ---------------------------------------------------------------------------------------


def test_format_edits_are_recorded_on_the_format_with_their_changed_fields(facilitator):
    format = formats.format_create(name="Atelier", owner=facilitator)
    canvas = factories.CanvasFactory()
    formats.format_update(format=format, name="Atelier rupture", description="", by=facilitator)
    phase = formats.phase_add(format=format, name="Idées", activity=Activity.POSTITS, canvas=canvas, duration_minutes=10, by=facilitator)
    formats.phase_add(format=format, name="Vote", activity=Activity.VOTE, by=facilitator)
    formats.phase_update(format=format, phase_id=phase.pk, name="Idées", activity=Activity.POSTITS, canvas=canvas, duration_minutes=20, by=facilitator)
    formats.phase_move(format=format, phase_id=phase.pk, direction="down", by=facilitator)
    formats.phase_delete(format=format, phase_id=phase.pk, by=facilitator)
    formats.format_delete(format=format, user=facilitator)

    trail = entries(format_id=format.pk)
    assert [e.action for e in trail] == [
        Action.FORMAT_CHANGED, Action.FORMAT_PHASE_ADDED, Action.FORMAT_PHASE_ADDED, Action.FORMAT_PHASE_CHANGED,
        Action.FORMAT_PHASE_MOVED, Action.FORMAT_PHASE_REMOVED, Action.FORMAT_DELETED,
    ]
    assert all(e.workshop_id is None and e.actor_name == "alice" for e in trail)
    assert (trail[0].before, trail[0].after) == ({"name": "Atelier"}, {"name": "Atelier rupture"})
    assert (trail[3].before, trail[3].after) == ({"duration_seconds": 600}, {"duration_seconds": 1200})
    assert (trail[4].before, trail[4].after) == ({"position": 1}, {"position": 2})
    assert trail[-1].before["phases"] == ["Vote"]


def test_a_refused_format_deletion_writes_no_entry(facilitator, live_workshop):
    with pytest.raises(ValidationError):
        formats.format_delete(format=live_workshop.format, user=facilitator)
    assert not AuditEntry.objects.filter(action=Action.FORMAT_DELETED).exists()


def test_the_format_page_shows_its_latest_changes_to_those_who_edit_it(client, english, facilitator, other_facilitator):
    format = formats.format_create(name="Atelier", owner=facilitator)
    client.force_login(facilitator)
    client.post(reverse("workshops:format_edit", args=[format.pk]), {"name": "Atelier rupture", "description": ""})
    client.post(reverse("workshops:phase_add", args=[format.pk]), {"new-name": "Vote", "new-activity": "vote", "new-duration_minutes": 5})

    trail = entries(format_id=format.pk)
    assert [(e.action, e.actor_name) for e in trail] == [(Action.FORMAT_CHANGED, "alice"), (Action.FORMAT_PHASE_ADDED, "alice")]
    page = client.get(reverse("workshops:format_edit", args=[format.pk])).content.decode()
    assert "Latest changes" in page and "name: Atelier → Atelier rupture" in page and "Format phase added" in page
    # A facilitator who may only use it (a seed format, or one shared with them) sees no history.
    format.owner = None
    format.save()
    client.force_login(other_facilitator)
    assert "Latest changes" not in client.get(reverse("workshops:format_edit", args=[format.pk])).content.decode()


# --- Append-only ---------------------------------------------------------------------------------


def test_an_entry_is_never_changed_or_deleted(live_workshop, facilitator):
    services.phase_close(phase=live_workshop.phases.get(position=1), by=facilitator)
    entry = only(Action.PHASE_CLOSED)
    entry.actor_name = "mallory"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    if connection.vendor == "postgresql":
        with pytest.raises(IntegrityError), transaction.atomic():
            AuditEntry.objects.filter(pk=entry.pk).update(actor_name="mallory")
    assert AuditEntry.objects.get(pk=entry.pk).actor_name == "alice"


def test_the_trail_goes_only_with_its_workshop(live_workshop, facilitator):
    services.workshop_close(workshop=live_workshop, by=facilitator)
    live_workshop.delete()  # the demo's reset deletes its workshop whole
    assert not AuditEntry.objects.filter(workshop_id=live_workshop.pk).exists()


# --- The page --------------------------------------------------------------------------------------


def audit_url(workshop):
    return reverse("workshops:audit_trail", args=[workshop.pk])


def test_the_facilitator_reads_the_trail_newest_first_in_english_and_in_french(client, english, live_workshop, facilitator, scribe, postits):
    services.contribution_set_hidden(scribe=scribe, contribution_id=postits[0].pk, hidden=True)
    services.phase_close(phase=live_workshop.phases.get(position=1), by=facilitator)
    client.force_login(facilitator)

    page = client.get(audit_url(live_workshop)).content.decode()
    assert page.index("Phase closed") < page.index("Post-it hidden") < page.index("Phase opened")
    assert "By Sam (participant)" in page and "By alice (staff account)" in page and "«Louer»" in page

    # In French (the default), the same entries; their labels go through gettext like every string.
    client.cookies["django_language"] = "fr"
    response = client.get(audit_url(live_workshop))
    assert response.status_code == 200 and 'data-action="postit.hidden"' in response.content.decode()


@pytest.mark.parametrize(
    "who, status",
    [("facilitator", 200), ("other_facilitator", 403), ("editor", 403), ("participant", 302), ("anonymous", 302)],
)
def test_only_the_workshops_facilitators_read_its_trail(client, join_as, live_workshop, who, status, request, table):
    if who == "participant":
        join_as(client, factories.ParticipantFactory(workshop=live_workshop, table=table))
    elif who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(audit_url(live_workshop))
    assert response.status_code == status
    if status == 302:
        assert "login" in response["Location"]


def test_the_page_is_paginated_and_its_queries_do_not_grow_with_the_trail(client, live_workshop, facilitator, django_assert_max_num_queries):
    phase = live_workshop.phases.get(position=1)
    for _ in range(60):
        services.workshop_update_settings(workshop=live_workshop, allow_self_plus_one=not live_workshop.allow_self_plus_one, by=facilitator)
        live_workshop.refresh_from_db()
    services.phase_close(phase=phase, by=facilitator)
    client.force_login(facilitator)
    client.get(audit_url(live_workshop))  # the session and its language settle
    with django_assert_max_num_queries(7):  # session, user, workshop, role check, count, page, the menu's roles
        first = client.get(audit_url(live_workshop))
    assert first.content.decode().count('class="card audit-entry"') == 50
    second = client.get(audit_url(live_workshop) + "?page=2").content.decode()
    assert second.count('class="card audit-entry"') == 62 - 50
    # A page number that is not one gives a page, never an error.
    assert client.get(audit_url(live_workshop) + "?page=abc").status_code == 200
    assert client.get(audit_url(live_workshop) + "?page=999").status_code == 200


def test_the_control_room_links_to_the_trail(client, live_workshop, facilitator):
    client.force_login(facilitator)
    assert audit_url(live_workshop) in client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()


def test_changes_are_said_in_words_in_the_readers_language():
    from django.utils import translation

    from workshops.audit import Change, changes

    with translation.override("en"):
        assert changes({"hidden": False}, {"hidden": True}) == [Change("hidden", "no", "yes")]
        assert changes({"status": "live"}, {"status": "closed"}, "workshop") == [Change("status", "Live", "Closed")]
        assert changes({"merged_into": None}, {"merged_into": {"id": 3, "text": "Louer"}, "postits": [{"id": 3, "text": "Louer"}, {"id": 4, "text": "Louer plutôt"}]}) == [
            Change("merged into", "—", "#3 «Louer»"),
            Change("post-its", "—", "#3 «Louer»; #4 «Louer plutôt»"),
        ]


# --- The record --------------------------------------------------------------------------------------


def test_the_record_carries_the_trail_in_json_and_markdown(client, english, live_workshop, facilitator, scribe, postits):
    services.contribution_set_hidden(scribe=scribe, contribution_id=postits[0].pk, hidden=True)
    services.workshop_close(workshop=live_workshop, by=facilitator)
    client.force_login(facilitator)

    url = reverse("voting:export_record", args=[live_workshop.pk, "json"])
    data = json.loads(client.get(url).content)
    trail = data["audit_trail"]
    assert [e["action"] for e in trail][-3:] == ["postit.hidden", "phase.closed", "workshop.closed"]
    hidden = trail[-3]
    assert hidden["actor"]["name"] == "Sam" and hidden["actor"]["kind"] == "participant"
    assert hidden["target"] == {"type": "postit", "id": postits[0].pk, "label": "Louer"}
    assert hidden["before"] == {"hidden": False, "text": "Louer"}

    markdown = client.get(reverse("voting:export_record", args=[live_workshop.pk, "md"])).content.decode()
    assert "## Audit trail" in markdown
    assert "**Post-it hidden** · Sam · #%d «Louer»" % postits[0].pk in markdown
    assert "hidden: no → yes" in markdown
    assert record.record_data(live_workshop)["audit_trail"] == trail
