"""Every URL of the site, with real and absurd ids, NUL bytes and junk posts, from every kind of visitor:
never a 500, and under /api/ every error is JSON."""

import itertools
import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from cahiers import comments as cahier_comments
from cahiers import services as cahier_services
from cahiers.models import ExportRun
from tests import factories
from tests.voting.factories import make_ballot

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("admin/", "i18n/", "static/", "accounts/logout/")
VARIANTS = {
    "action": ["open", "close", "reveal", "hide", "settle", "timer-start", "timer-pause", "timer-reset", "rebuild-outputs", "explode"],
    "fmt": ["csv", "json", "md", "xml"],
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
    "heading": "",
    "based_on": "abc",
    "kind": "scenario",
    "preview": "1",
}
# PostgreSQL refuses NUL in a string: a NUL that reaches a query is a 500.
NUL_JUNK = {name: "QN\x002012" if name == "code" else "\x00" for name in JUNK}
NUL_QUERY = {"v": "\x00", "t": "\x00", "q": "a\x00b", "status": "\x00", "code": "\x00", "old": "\x00", "new": "\x00", "take": "\x00"}
NESTED_JSON = "[" * 3000


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
    choices = [VARIANTS.get(name) or _as_list(ids.get(name, "QN2012")) for name in names]
    for combination in itertools.product(*choices):
        values = dict(zip(names, combination))
        yield "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)


def _as_list(value):
    return value if isinstance(value, list) else [value]


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
        "editor": client(factories.EditorFactory(username="eve")),
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
        **_cahier_ids(live_workshop.edition),
    }


def _cahier_ids(edition):
    """A cahier of the workshop's edition with a chapter and a written section (the cahiers/ routes),
    published with a reader's comment (the publications/ routes)."""
    cahier = cahier_services.cahier_create(edition=edition, title="Cahier")
    chapter = cahier_services.chapter_create(cahier=cahier, title="Introduction", kind="introduction")
    section = cahier_services.section_create(chapter=chapter, heading="Pourquoi")
    cahier_services.section_save(section=section, text="Texte.", author=None, based_on=None)
    run = ExportRun.objects.create(cahier=cahier, format="pdf", version="working", status=ExportRun.Status.FAILED, error="x")
    cahier_services.cahier_publish(cahier=cahier)
    comment = cahier_comments.comment_post(section=section, author=factories.UserFactory(username="lectrice"), text="Un avis.")
    return {"cahier": cahier.pk, "chapter_id": chapter.pk, "cahier_section": section.pk, "slug": edition.slug, "comment_id": comment.pk, "run_id": run.pk}


def ids_for(route, real, kind):
    if kind == "nul bytes":
        # NUL in the join code (where the URL takes one), in every posted field and query parameter.
        return {**ids_for(route, real, "real ids"), "code": ["QN2012", "QN%002012", "%00"]}
    if kind == "absurd ids":
        return {name: 99999999999999999999 for name in [*real, "pk", "event_pk", "event_id"]}
    ids = dict(real)
    # `pk` names a different object under each prefix.
    if route.startswith(("cahiers/", "publications/")):
        ids["pk"] = real["cahier"]
        ids["section_id"] = real["cahier_section"]
    elif route.startswith("scenarios/"):
        ids["pk"] = real["scenario"]
    elif route.startswith("facilitate/formats/canvases/"):
        ids["pk"] = real["canvas"]
    elif route.startswith("facilitate/formats/"):
        ids["pk"] = real["format"]
        ids["phase_id"] = 1
    else:
        ids["pk"] = real["workshop"]
    return ids


def check(response, method, path, name, failures):
    if response.status_code >= 500:
        failures.append(f"{method.upper()} {path} as {name}: {response.status_code}")
    elif path.startswith("/api/") and response.status_code >= 400 and "json" not in response["Content-Type"]:
        failures.append(f"{method.upper()} {path} as {name}: {response.status_code} {response['Content-Type']}")


@pytest.mark.parametrize("kind", ["real ids", "absurd ids", "nul bytes"])
def test_no_url_answers_a_server_error(visitors, real_ids, kind):
    failures, requests = [], 0
    junk, query = (NUL_JUNK, NUL_QUERY) if kind == "nul bytes" else (JUNK, {"v": "x", "t": "abc", "q": "<b>", "status": "??", "old": "x", "new": "-1", "take": "y"})
    for route in routes():
        for path in paths(route, ids_for(route, real_ids, kind)):
            for name, client in visitors.items():
                for method in ("get", "post"):
                    response = getattr(client, method)(path, junk if method == "post" else query)
                    requests += 1
                    check(response, method, path, name, failures)
    assert requests > 500
    assert failures == []


def test_no_api_url_answers_deeply_nested_json_with_a_server_error(visitors, real_ids):
    failures = []
    api_routes = [route for route in routes() if route.startswith("api/")]
    assert api_routes
    for route in api_routes:
        for path in paths(route, ids_for(route, real_ids, "real ids")):
            for name, client in visitors.items():
                response = client.post(path, NESTED_JSON, content_type="application/json")
                check(response, "post", path, name, failures)
    assert failures == []
