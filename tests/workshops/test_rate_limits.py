"""Rate limits (workshops.limits): a participant's post-its, +1s, votes and table changes, a client's
wrong join codes. Past a limit: 429 with Retry-After and the reason in words, nothing written.

The rates here are set by each test (the `rates` fixture) through the real settings and the real
cache, with the window's clock held still so that a burst never straddles two windows.
"""

import json
import time
import uuid

import pytest
from django.test import Client
from django.urls import reverse

from tests.voting.factories import make_ballot, option_ids
from voting.models import BallotPaper
from workshops import limits
from workshops.models import Contribution, Participant, PlusOne, WriteReceipt

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def rates(settings, monkeypatch):
    """Set the rates a test needs, the others as in the settings; the window's clock stands still."""
    now = time.time()
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: now)

    def set_rates(**given):
        settings.AGORA_RATE_LIMITS = {**settings.AGORA_RATE_LIMITS, **given}

    return set_rates


@pytest.fixture
def daniel(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Daniel")


@pytest.fixture
def laptop(client, english, join_as, daniel):
    return join_as(client, daniel)


@pytest.fixture
def section(live_workshop):
    return live_workshop.phases.get(position=1).canvas.sections.get(position=1)


def w(name, *args):
    return reverse(f"workshops:{name}", args=["QN2012", *args])


def test_the_settings_give_every_limit_a_rate():
    from django.conf import settings

    assert set(settings.AGORA_RATE_LIMITS) == set(limits.MESSAGES)
    assert all(settings.AGORA_RATE_LIMITS.values())


def test_a_burst_of_postits_past_the_limit_gets_429_with_retry_after_and_nothing_more_is_written(rates, laptop, section):
    rates(post="5/m")
    answers = [laptop.post(w("post"), {"section": section.pk, "text": f"Idée {n}"}, **HTMX) for n in range(8)]
    assert [a.status_code for a in answers] == [200] * 5 + [429] * 3
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "You are posting very fast: wait" in refused.content.decode()
    # Shown where the page shows its other refusals.
    assert refused["HX-Retarget"] == "#flash"
    assert Contribution.objects.count() == 5
    assert sorted(Contribution.objects.values_list("text", flat=True)) == [f"Idée {n}" for n in range(5)]


def test_without_htmx_a_limited_postit_gets_a_page_saying_so(rates, laptop, section):
    rates(post="1/m")
    laptop.post(w("post"), {"section": section.pk, "text": "Une"})
    response = laptop.post(w("post"), {"section": section.pk, "text": "Deux"})
    assert response.status_code == 429 and response.has_header("Retry-After")
    page = response.content.decode()
    assert "Too many requests" in page and f'href="{w("canvas")}"' in page
    assert Contribution.objects.count() == 1


def test_a_flood_of_2000_postits_from_one_laptop_keeps_the_first_n_and_refuses_the_rest(rates, laptop, section, live_workshop, participant_factory, join_as, django_assert_max_num_queries):
    """One laptop posting as fast as it can through the API: the first N are kept, in order, the
    rest refused cheaply; someone else at the table still posts."""
    # Per hour: the flood takes minutes on a busy machine, and the counter's key lives in Redis for
    # the period whatever the clock the window reads says.
    rates(post="30/h")
    statuses = []
    for n in range(2000):
        response = laptop.post(w("api_contributions"), {"section": section.pk, "text": f"Spam {n}"}, content_type="application/json")
        statuses.append(response.status_code)
    assert statuses == [201] * 30 + [429] * 1970
    assert response.json()["detail"].startswith("You are posting very fast")
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert Contribution.objects.count() == 30
    assert set(Contribution.objects.values_list("text", flat=True)) == {f"Spam {n}" for n in range(30)}
    # A refusal costs the session, the participant, the rule: no write, no board query.
    with django_assert_max_num_queries(4):
        assert laptop.post(w("api_contributions"), {"section": section.pk, "text": "Encore"}, content_type="application/json").status_code == 429
    # The room goes on: the limit is the flooder's, not the table's.
    neighbour = join_as(Client(), participant_factory(workshop=live_workshop, table=live_workshop.tables.first()))
    assert neighbour.post(w("api_contributions"), {"section": section.pk, "text": "Mon idée"}, content_type="application/json").status_code == 201


def test_a_refused_write_keeps_no_receipt_and_its_retry_writes_once_the_window_passed(rates, laptop, section, monkeypatch):
    """A 429 is "not now", not the write's answer: the same key sent after Retry-After writes."""
    rates(post="1/m")
    laptop.post(w("post"), {"section": section.pk, "text": "Première"}, **HTMX)
    key = {"HTTP_IDEMPOTENCY_KEY": str(uuid.uuid4())}
    assert laptop.post(w("post"), {"section": section.pk, "text": "Seconde"}, **HTMX, **key).status_code == 429
    assert not WriteReceipt.objects.filter(key=key["HTTP_IDEMPOTENCY_KEY"]).exists()
    later = time.time() + 61
    monkeypatch.setattr("django_ratelimit.core.time.time", lambda: later)
    assert laptop.post(w("post"), {"section": section.pk, "text": "Seconde"}, **HTMX, **key).status_code == 200
    assert Contribution.objects.count() == 2


def test_a_retry_replayed_from_its_receipt_is_not_counted_again(rates, laptop, section):
    rates(post="2/m")
    key = {"HTTP_IDEMPOTENCY_KEY": str(uuid.uuid4())}
    for _retry in range(5):
        assert laptop.post(w("post"), {"section": section.pk, "text": "Une fois"}, **HTMX, **key).status_code == 200
    assert laptop.post(w("post"), {"section": section.pk, "text": "Une autre"}, **HTMX).status_code == 200
    assert Contribution.objects.count() == 2


def test_plus_ones_past_the_limit_are_refused_and_not_counted(rates, laptop, live_workshop, participant_factory, contribution_factory):
    rates(plus_one="2/m")
    author = participant_factory(workshop=live_workshop)
    postits = [contribution_factory(participant=author) for _ in range(4)]
    pages = [laptop.post(w("plus_one", p.pk), **HTMX).status_code for p in postits[:3]]
    api = laptop.post(w("api_plus_one", postits[3].pk))
    assert pages == [200, 200, 429]
    assert api.status_code == 429 and api.has_header("Retry-After") and "Too many +1s" in api.json()["detail"]
    assert PlusOne.objects.count() == 2


def test_votes_past_the_limit_are_refused_on_the_page_and_the_api(rates, laptop, live_workshop):
    rates(vote="2/m")
    ballot = make_ballot(live_workshop, "approval")
    a, b = option_ids(ballot)[:2]
    page = reverse("voting:vote", kwargs={"code": "QN2012", "ballot_pk": ballot.pk})
    api = reverse("voting:api_vote", kwargs={"code": "QN2012", "ballot_pk": ballot.pk})
    assert laptop.post(page, {"choice": a, "revision": "0"}, **HTMX).status_code == 200
    assert laptop.post(api, json.dumps({"choices": [b], "revision": 1}), content_type="application/json").status_code == 200
    refused = laptop.post(page, {"choice": a, "revision": "2"}, **HTMX)
    assert refused.status_code == 429 and "Too many votes" in refused.content.decode()
    refused_api = laptop.post(api, json.dumps({"choices": [a], "revision": 2}), content_type="application/json")
    assert refused_api.status_code == 429 and int(refused_api["Retry-After"]) >= 1
    assert BallotPaper.objects.get().revision == 2
    # The vote page has the place the message goes.
    assert 'id="flash"' in laptop.get(reverse("voting:cast", kwargs={"code": "QN2012"})).content.decode()


def test_table_changes_past_the_limit_are_refused(rates, laptop, live_workshop, daniel):
    rates(table="2/m")
    first, second = live_workshop.tables.order_by("number")[:2]
    answers = [laptop.post(w("choose_table"), {"table": t.pk}).status_code for t in (first, second, first)]
    assert answers == [302, 302, 429]
    daniel.refresh_from_db()
    assert daniel.table_id == second.pk


def test_limits_count_each_participant_alone(rates, live_workshop, participant_factory, join_as, section):
    rates(post="1/m")
    for name in ("Une", "Deux", "Trois"):
        laptop = join_as(Client(), participant_factory(workshop=live_workshop, display_name=name, table=live_workshop.tables.first()))
        assert laptop.post(w("post"), {"section": section.pk, "text": name}, **HTMX).status_code == 200
    assert Contribution.objects.count() == 3


def test_a_redis_that_does_not_answer_lets_the_room_write(rates, laptop, section, monkeypatch):
    """RATELIMIT_FAIL_OPEN: an outage of the counter must not cost a post-it."""
    from django.core.cache import cache

    rates(post="1/m")
    monkeypatch.setattr(cache, "add", lambda *a, **k: None)
    monkeypatch.setattr(cache, "incr", lambda *a, **k: None)
    for n in range(3):
        assert laptop.post(w("post"), {"section": section.pk, "text": f"Panne {n}"}, **HTMX).status_code == 200


# --- Join codes: wrong guesses per client ------------------------------------------------------


def test_wrong_join_codes_past_the_limit_are_refused_even_the_right_one(rates, client, english, live_workshop):
    rates(join_code="3/10m")
    for guess in ("AAAAAA", "BBBBBB", "CCCCCC"):
        assert client.post(reverse("workshops:join"), {"code": guess}).status_code == 422
    refused = client.post(reverse("workshops:join"), {"code": "QN2012"})
    assert refused.status_code == 429 and 1 <= int(refused["Retry-After"]) <= 600
    assert "Too many wrong codes from this device" in refused.content.decode()
    # The code in the address counts and is refused alike.
    assert client.get(reverse("workshops:join_workshop", args=["QN2012"])).status_code == 429
    assert not Participant.objects.exists()


def test_the_code_in_the_address_counts_as_a_guess_too(rates, client, live_workshop):
    rates(join_code="2/10m")
    assert client.get(reverse("workshops:join_workshop", args=["ZZZZZZ"])).status_code == 404
    assert client.get(reverse("workshops:join") + "?code=YYYYYY").status_code == 422
    assert client.get(reverse("workshops:join_workshop", args=["QN2012"])).status_code == 429


def test_right_codes_are_not_counted_a_room_behind_one_address_joins(rates, live_workshop):
    """A venue's NAT puts a whole room behind one address: only the wrong codes count."""
    rates(join_code="2/10m")
    for n in range(10):
        laptop = Client()
        assert laptop.post(reverse("workshops:join"), {"code": "qn2012"}).status_code == 302
        answer = laptop.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": f"Personne {n}", "table": ""})
        assert answer.status_code == 302
    assert Participant.objects.count() == 10


def test_a_room_that_joined_from_one_address_gets_room_for_its_typos_a_guesser_does_not(rates, live_workshop):
    """1,000 people behind a venue's NAT mistype codes too: each who joined adds 2 wrong codes to
    the address's allowance, so a few dozen typos do not lock the room out (a guesser joins nothing)."""
    rates(join_code="2/10m")
    venue = {"REMOTE_ADDR": "10.1.1.1"}
    for n in range(3):
        laptop = Client()
        answer = laptop.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": f"Personne {n}", "table": ""}, **venue)
        assert answer.status_code == 302
    # 2 + 3 joins x 2 = 8 wrong codes before the address is refused.
    for guess in range(8):
        assert Client().post(reverse("workshops:join"), {"code": f"AAAA{guess:02d}"}, **venue).status_code == 422
    assert Client().post(reverse("workshops:join"), {"code": "QN2012"}, **venue).status_code == 429
    # Another address that joined nobody keeps the bare rate.
    guesser = {"REMOTE_ADDR": "10.2.2.2"}
    for guess in ("AAAAAA", "BBBBBB"):
        assert Client().post(reverse("workshops:join"), {"code": guess}, **guesser).status_code == 422
    assert Client().post(reverse("workshops:join"), {"code": "CCCCCC"}, **guesser).status_code == 429


def test_another_client_is_not_refused_for_a_guessers_codes(rates, client, live_workshop):
    rates(join_code="1/10m")
    client.post(reverse("workshops:join"), {"code": "AAAAAA"}, REMOTE_ADDR="10.0.0.9")
    assert client.post(reverse("workshops:join"), {"code": "QN2012"}, REMOTE_ADDR="10.0.0.9").status_code == 429
    assert Client().post(reverse("workshops:join"), {"code": "QN2012"}, REMOTE_ADDR="10.0.0.10").status_code == 302


# --- A real code and a wrong one, to a browser without a session there --------------------------


@pytest.mark.parametrize("name", ["canvas_live", "canvas", "scribe", "discover"])
def test_a_real_code_and_a_wrong_one_answer_alike_without_a_session(client, live_workshop, name):
    real = client.get(reverse(f"workshops:{name}", args=["QN2012"]))
    wrong = client.get(reverse(f"workshops:{name}", args=["ZZ9999"]))
    assert real.status_code == wrong.status_code
    if real.status_code == 302:
        # Both to the join page, where the code is looked up (and a wrong one counted).
        assert real["Location"].replace("QN2012", "ZZ9999") == wrong["Location"]
    else:
        assert real.content == wrong.content


def test_the_vote_poll_answers_alike_for_a_real_code_and_a_wrong_one(client, live_workshop):
    real = client.get(reverse("voting:cast_live", kwargs={"code": "QN2012"}))
    wrong = client.get(reverse("voting:cast_live", kwargs={"code": "ZZ9999"}))
    assert (real.status_code, real.content) == (wrong.status_code, wrong.content) and real.status_code == 404


@pytest.mark.parametrize("name", ["api_board", "api_contributions"])
def test_the_api_answers_alike_for_a_real_code_and_a_wrong_one(client, english, live_workshop, name):
    method = client.get if name == "api_board" else client.post
    real, wrong = method(w(name)), method(reverse(f"workshops:{name}", args=["ZZ9999"]))
    assert (real.status_code, real.json()) == (wrong.status_code, wrong.json()) == (403, {"detail": "Join this workshop first."})


def test_a_joined_browser_still_polls_its_workshop(laptop, live_workshop):
    assert laptop.get(w("canvas_live")).status_code == 200


@pytest.mark.parametrize("seconds, words", [(1, "1 s"), (59, "59 s"), (90, "90 s"), (91, "2 min"), (1282, "22 min"), (3600, "60 min")])
def test_a_wait_reads_in_seconds_then_minutes(english, seconds, words):
    from django.utils import translation

    with translation.override("en"):
        assert limits.wait_words(seconds) == words
        assert limits.Limited("post", seconds).message == f"You are posting very fast: wait {words} before your next post-it."
