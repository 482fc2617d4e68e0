"""A write sent again with its Idempotency-Key is stored once and answered as the first time."""

import datetime
import threading
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from workshops import idempotency, services
from workshops.models import Activity, Contribution, PlusOne, TableSynthesis, WorkshopPhase, WriteReceipt
from workshops.tasks import prune_write_receipts

pytestmark = pytest.mark.django_db


@pytest.fixture
def daniel(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Daniel")


@pytest.fixture
def laptop(client, join_as, daniel):
    return join_as(client, daniel)


@pytest.fixture
def section(live_workshop):
    return live_workshop.phases.get(position=1).canvas.sections.get(position=1)


def url(name, *args, code="QN2012"):
    return reverse(f"workshops:{name}", args=[code, *args])


def key():
    return str(uuid.uuid4())


def post_page(client, section, text, idem=None, htmx=True):
    headers = {}
    if idem is not None:
        headers["Idempotency-Key"] = idem
    if htmx:
        headers["HX-Request"] = "true"
    return client.post(url("post"), {"section": section.pk, "text": text}, headers=headers)


def post_api(client, section, text, idem=None):
    headers = {"Idempotency-Key": idem} if idem is not None else {}
    return client.post(url("api_contributions"), {"section": section.pk, "text": text}, content_type="application/json", headers=headers)


# Pages (htmx and plain forms).


def test_a_postit_sent_twice_with_its_key_is_stored_once_and_answered_alike(laptop, section):
    idem = key()
    first = post_page(laptop, section, "Le réseau tombe", idem)
    again = post_page(laptop, section, "Le réseau tombe", idem)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert Contribution.objects.filter(text="Le réseau tombe").count() == 1
    assert WriteReceipt.objects.count() == 1


def test_a_plain_form_retry_replays_the_redirect(laptop, section, live_workshop):
    idem = key()
    first = post_page(laptop, section, "Sans JavaScript", idem, htmx=False)
    again = post_page(laptop, section, "Sans JavaScript", idem, htmx=False)
    assert first.status_code == again.status_code == 302
    assert again["Location"] == first["Location"] == url("canvas")
    assert Contribution.objects.count() == 1


def test_the_key_may_come_in_a_form_field(laptop, section):
    idem = key()
    for _ in range(2):
        laptop.post(url("post"), {"section": section.pk, "text": "Champ caché", "idempotency_key": idem})
    assert Contribution.objects.count() == 1


def test_two_postits_with_two_keys_are_two_postits(laptop, section):
    post_page(laptop, section, "Même texte", key())
    post_page(laptop, section, "Même texte", key())
    assert Contribution.objects.count() == 2


def test_the_same_key_with_another_text_is_refused_with_409_and_writes_nothing(laptop, section):
    idem = key()
    post_page(laptop, section, "Premier", idem)
    refused = post_page(laptop, section, "Autre chose", idem)
    assert refused.status_code == 409
    assert refused[idempotency.CONFLICT_HEADER] == "1"
    assert refused["HX-Reswap"] == "none"
    assert "nothing was saved" in refused.content.decode() or "rien" in refused.content.decode()
    assert list(Contribution.objects.values_list("text", flat=True)) == ["Premier"]


def test_the_same_key_on_another_write_is_refused_on_a_plain_page(laptop, section, contribution_factory, participant_factory, live_workshop):
    idem = key()
    post_page(laptop, section, "Premier", idem, htmx=False)
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop))
    refused = laptop.post(url("plus_one", postit.pk), headers={"Idempotency-Key": idem})
    assert refused.status_code == 409
    assert refused.templates[0].name == "workshops/write_conflict.html"
    assert PlusOne.objects.count() == 0


@pytest.mark.parametrize("bad", ["", "short", "x" * 65, "pas une clé!", "'; drop table --"])
def test_a_missing_or_malformed_key_is_a_first_write_without_receipt(laptop, section, bad):
    response = post_page(laptop, section, "Vieille page", bad or None)
    assert response.status_code == 200
    assert Contribution.objects.count() == 1
    assert WriteReceipt.objects.count() == 0


def test_a_refused_postit_is_answered_again_and_still_writes_nothing(laptop, section, live_workshop):
    services.phase_close(phase=live_workshop.phases.get(position=1))
    idem = key()
    first = post_page(laptop, section, "Trop tard", idem)
    again = post_page(laptop, section, "Trop tard", idem)
    assert first.status_code == again.status_code == 422
    assert again.content == first.content
    assert again["HX-Retarget"] == "#flash"
    assert Contribution.objects.count() == 0


def test_another_participant_replaying_the_key_gets_their_own_write(laptop, section, live_workshop, participant_factory, join_as):
    idem = key()
    post_page(laptop, section, "De Daniel", idem)
    other = join_as(Client(), participant_factory(workshop=live_workshop, display_name="Inès"))
    response = post_page(other, section, "De Daniel", idem)
    assert response.status_code == 200
    # The key gave Inès nothing of Daniel's: her post-it is hers, and Daniel's receipt is untouched.
    assert sorted(Contribution.objects.values_list("participant__display_name", flat=True)) == ["Daniel", "Inès"]
    assert WriteReceipt.objects.filter(key=idem).count() == 2


def test_a_key_replayed_in_another_workshop_is_only_a_key_of_that_workshop(laptop, section, facilitator, join_as, participant_factory):
    from tests.factories import WorkshopFactory

    other = WorkshopFactory(facilitator=facilitator, join_code="AUTRE7")
    services.phase_open(phase=other.phases.order_by("position").first())
    there = other.phases.order_by("position").first().canvas.sections.order_by("position").first()
    join_as(laptop, participant_factory(workshop=other, display_name="Daniel"))
    idem = key()
    here = post_page(laptop, section, "Ici", idem)
    # A key is scoped to its participant, so to its workshop: here's answer is not replayed there,
    # and nothing is written here again.
    response = laptop.post(
        url("post", code="AUTRE7"), {"section": there.pk, "text": "Ici"}, headers={"Idempotency-Key": idem, "HX-Request": "true"}
    )
    assert response.status_code == 200 and response.content != here.content
    assert Contribution.objects.filter(workshop__join_code="QN2012").count() == 1
    assert Contribution.objects.filter(workshop=other).count() == 1
    # A workshop the laptop never joined: refused before anything, nothing stored for the key.
    # (Sent to the join page, as for a real workshop it has not joined: a code is looked up there.)
    stranger = laptop.post(url("post", code="ZZZZZZ"), {"section": section.pk, "text": "Ici"}, headers={"Idempotency-Key": idem})
    assert stranger.status_code == 302 and stranger["Location"] == reverse("workshops:join") + "?code=ZZZZZZ"
    assert WriteReceipt.objects.filter(key=idem).count() == 2


def test_a_scribes_synthesis_retry_is_saved_once(client, join_as, live_workshop, participant_factory):
    phase = live_workshop.phases.get(position=3)
    WorkshopPhase.objects.filter(pk=phase.pk).update(activity=Activity.SYNTHESIS)
    phase.refresh_from_db()
    services.phase_open(phase=phase)
    table = live_workshop.tables.get(number=1)
    scribe = services.participant_set_scribe(participant=participant_factory(workshop=live_workshop, table=table), is_scribe=True)
    join_as(client, scribe)
    idem = key()
    answers = [
        client.post(url("scribe_synthesis"), {"text": "Nous retenons…"}, headers={"Idempotency-Key": idem, "HX-Request": "true"})
        for _ in range(2)
    ]
    assert answers[0].status_code == answers[1].status_code == 200
    assert answers[0].content == answers[1].content
    assert TableSynthesis.objects.get().text == "Nous retenons…"
    assert WriteReceipt.objects.filter(participant=scribe).count() == 1


# The JSON API.


def test_the_api_replays_a_retry_with_the_same_status_and_body(laptop, section):
    idem = key()
    first = post_api(laptop, section, "Par l'API", idem)
    again = post_api(laptop, section, "Par l'API", idem)
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert Contribution.objects.count() == 1


def test_the_api_refuses_the_same_key_with_another_body_in_json(laptop, section):
    idem = key()
    post_api(laptop, section, "Un", idem)
    refused = post_api(laptop, section, "Deux", idem)
    assert refused.status_code == 409
    assert refused.json()["detail"]
    assert Contribution.objects.count() == 1


def test_an_api_plus_one_retry_counts_once_and_answers_200_again(laptop, contribution_factory, participant_factory, live_workshop):
    postit = contribution_factory(participant=participant_factory(workshop=live_workshop))
    idem = key()
    answers = [laptop.post(url("api_plus_one", postit.pk), headers={"Idempotency-Key": idem}) for _ in range(2)]
    # Without the key the second would be "already +1'd" (409): with it, the retry gets the first answer.
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].json() == answers[1].json()
    assert PlusOne.objects.count() == 1


def test_an_api_write_refused_by_validation_leaves_no_receipt(laptop, section):
    response = post_api(laptop, section, "", key())
    assert response.status_code == 422
    assert WriteReceipt.objects.count() == 0 and Contribution.objects.count() == 0


# Keeping them for a retry window.


def test_receipts_older_than_the_retry_window_are_pruned(daniel):
    now = timezone.now()
    WriteReceipt.objects.create(participant=daniel, key="old-key-1", fingerprint="x", status_code=200, created_at=now - datetime.timedelta(hours=25))
    WriteReceipt.objects.create(participant=daniel, key="new-key-1", fingerprint="x", status_code=200, created_at=now - datetime.timedelta(hours=23))
    assert prune_write_receipts() == 1
    assert list(WriteReceipt.objects.values_list("key", flat=True)) == ["new-key-1"]


def test_the_prune_runs_from_the_beat_schedule(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "workshops.tasks.prune_write_receipts" in tasks


# Two requests with one key at the same time, on PostgreSQL.


@pytest.mark.django_db(transaction=True)
def test_one_key_sent_four_times_at_once_stores_one_postit_and_one_answer(live_workshop, participant_factory, join_as):
    daniel = participant_factory(workshop=live_workshop, display_name="Daniel")
    section = live_workshop.phases.get(position=1).canvas.sections.get(position=1)
    clients = [join_as(Client(), daniel) for _ in range(4)]
    idem = key()
    barrier = threading.Barrier(len(clients))
    answers = []

    def send(client):
        try:
            barrier.wait()
            answers.append(post_api(client, section, "En même temps", idem))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [a.status_code for a in answers] == [201] * 4
    assert len({a.content for a in answers}) == 1
    assert Contribution.objects.filter(text="En même temps").count() == 1
    assert WriteReceipt.objects.filter(key=idem).count() == 1


def test_a_write_that_failed_with_a_500_keeps_no_receipt_and_its_retry_writes_once(laptop, section, monkeypatch):
    real_post = services.contribution_post

    def post_then_crash(**kwargs):
        real_post(**kwargs)
        raise RuntimeError("the server fell over after writing")

    monkeypatch.setattr(services, "contribution_post", post_then_crash)
    laptop.raise_request_exception = False
    idem = key()
    assert post_page(laptop, section, "Survit à la panne", idem).status_code == 500
    # The post-it and its receipt were rolled back together: nothing half-done is left.
    assert Contribution.objects.count() == 0 and WriteReceipt.objects.count() == 0
    monkeypatch.setattr(services, "contribution_post", real_post)
    assert post_page(laptop, section, "Survit à la panne", idem).status_code == 200
    assert Contribution.objects.count() == 1 and WriteReceipt.objects.count() == 1


def test_a_table_change_resent_by_the_browser_is_replayed(laptop, daniel, live_workshop):
    table_2 = live_workshop.tables.get(number=2)
    body = {"table": table_2.pk, "idempotency_key": key()}
    answers = [laptop.post(url("choose_table"), body) for _ in range(2)]
    assert [a.status_code for a in answers] == [302, 302]
    daniel.refresh_from_db()
    assert daniel.table == table_2
    assert WriteReceipt.objects.filter(participant=daniel).count() == 1
