"""Every URL of the site, with real and absurd ids and junk posts, from every kind of visitor: never a 500."""

import itertools
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.voting.factories import make_ballot

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("admin/", "i18n/", "static/", "accounts/logout/")
VARIANTS = {
    "action": ["open", "close", "reveal", "hide", "settle", "timer-start", "timer-pause", "timer-reset", "rebuild-outputs", "explode"],
    "fmt": ["csv", "json", "xml"],
    "direction": ["up", "down", "sideways"],
}
JUNK = {
    "text": "<script>alert(1)</script>" * 30,
    "section": "abc",
    "axis": "nope",
    "table": "999999999999",
    "display_name": "",
    "code": "??",
    "label": "x" * 300,
    "target": "-1",
    "source": "1e9",
    "contributions": ["a", "99999999999999999999"],
    "option": ["x", "-3"],
    "choices": "{not json",
    "revision": "-1",
    "title": "",
    "name": "",
    "capacity": "-5",
    "year": "abc",
    "status": "nowhere",
    "method": "magic",
    "scenario": "0",
    "format": "x",
    "edition": "x",
    "hidden": "maybe",
    "scribe": "2",
}


def routes(resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry, route)
        elif isinstance(entry, URLPattern) and not route.startswith(SKIPPED_PREFIXES):
            yield route


def paths(route, ids):
    """Concrete paths for a route: ids filled in, and each value of an action, format or direction."""
    names = re.findall(r"<(?:\w+:)?(\w+)>", route)
    choices = [VARIANTS.get(name, [ids.get(name, "QN2012")]) for name in names]
    for combination in itertools.product(*choices):
        values = dict(zip(names, combination))
        yield "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


@pytest.fixture
def visitors(live_workshop, facilitator, outsider, participant_factory, join_as):
    def client(user=None):
        c = Client(raise_request_exception=False)
        if user:
            c.force_login(user)
        return c

    return {
        "anonymous": client(),
        "participant": join_as(client(), participant_factory(workshop=live_workshop)),
        "outsider": client(outsider),
        "facilitator": client(facilitator),
    }


@pytest.fixture
def real_ids(live_workshop, participant_factory, contribution_factory, scenario_factory):
    participant = participant_factory(workshop=live_workshop)
    contribution = contribution_factory(participant=participant)
    scenario = scenario_factory(edition=live_workshop.edition)
    return {
        "workshop": live_workshop.pk,
        "workshop_pk": live_workshop.pk,
        "contribution_id": contribution.pk,
        "participant_id": participant.pk,
        "table_id": participant.table_id,
        "phase_id": contribution.phase_id,
        "ballot_pk": make_ballot(live_workshop).pk,
        "scenario": scenario.pk,
        "format": live_workshop.format_id,
        "canvas": contribution.phase.canvas_id,
        "section_id": contribution.section_id,
    }


def ids_for(route, real, absurd):
    if absurd:
        return {name: 99999999999999999999 for name in [*real, "pk", "event_pk", "event_id"]}
    ids = dict(real)
    # `pk` names a different object under each prefix.
    if route.startswith("scenarios/"):
        ids["pk"] = real["scenario"]
    elif route.startswith("facilitate/formats/canvases/"):
        ids["pk"] = real["canvas"]
    elif route.startswith("facilitate/formats/"):
        ids["pk"] = real["format"]
        ids["phase_id"] = 1
    else:
        ids["pk"] = real["workshop"]
    return ids


@pytest.mark.parametrize("absurd", [False, True], ids=["real ids", "absurd ids"])
def test_no_url_answers_a_server_error(visitors, real_ids, absurd):
    failures, requests = [], 0
    for route in routes():
        for path in paths(route, ids_for(route, real_ids, absurd)):
            for name, client in visitors.items():
                for method in ("get", "post"):
                    data = JUNK if method == "post" else {"v": "x", "t": "abc", "q": "<b>", "status": "??"}
                    response = getattr(client, method)(path, data)
                    requests += 1
                    if response.status_code >= 500:
                        failures.append(f"{method.upper()} {path} as {name}: {response.status_code}")
    assert requests > 500
    assert failures == []
