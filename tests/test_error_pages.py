"""Refused, missing and failing pages: styled, in the visitor's language, saying why and where to go;
under /api/ always a JSON body."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_an_editor_refused_a_facilitators_page_gets_the_styled_403_in_french(client, editor):
    client.force_login(editor)
    response = client.get(reverse("workshops:dashboard"))
    page = response.content.decode()
    assert response.status_code == 403
    assert [t.name for t in response.templates][:2] == ["403.html", "base.html"]
    assert '<html lang="fr">' in page and "css/agora.css" in page
    # Where to go: the editor's own page, the scenario library.
    assert response.context["landing_url"] == reverse("scenarios:library")
    assert f'href="{reverse("scenarios:library")}"' in page


def test_the_403_page_speaks_english_when_english_was_chosen(client, editor):
    client.force_login(editor)
    response = english(client).get(reverse("workshops:dashboard"))
    page = response.content.decode()
    assert response.status_code == 403
    assert '<html lang="en">' in page
    assert "You may not open this page" in page
    assert "Your account does not have the role this page requires." in page


def test_a_refusal_with_a_reason_shows_it_and_leads_back_to_the_table(client, join_as, live_workshop, participant_factory):
    join_as(english(client), participant_factory(workshop=live_workshop, is_scribe=False))
    response = client.get(reverse("workshops:scribe", args=["QN2012"]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Only your table&#x27;s scribe can use this page." in page
    assert f'href="{reverse("workshops:canvas", args=["QN2012"])}"' in page


def test_a_missing_page_is_the_styled_404_with_a_way_out(client):
    response = english(client).get("/nowhere/at/all/")
    page = response.content.decode()
    assert response.status_code == 404
    assert response.templates[0].name == "404.html"
    assert "This page does not exist" in page and "css/agora.css" in page
    assert f'href="{reverse("workshops:join")}"' in page


def test_a_missing_object_is_the_404_page_too(client, facilitator):
    client.force_login(facilitator)
    response = client.get(reverse("workshops:control", args=[999999]))
    assert response.status_code == 404
    assert response.templates[0].name == "404.html"
    assert response.context["landing_url"] == reverse("workshops:dashboard")


@pytest.mark.parametrize("path", ["/api/nowhere/", "/api/w/NOPE99/nowhere/"])
def test_an_api_404_is_json_in_the_visitors_language(client, path):
    french = client.get(path)
    assert french.status_code == 404 and french["Content-Type"] == "application/json"
    assert french.json() == {"detail": "Introuvable."}
    assert english(client).get(path).json() == {"detail": "Not found."}


def test_an_api_call_on_a_missing_postit_is_a_json_404_that_says_what_is_missing(client, join_as, live_workshop, participant_factory):
    join_as(english(client), participant_factory(workshop=live_workshop))
    response = client.post(reverse("workshops:api_plus_one", args=["QN2012", 999999]))
    assert response.status_code == 404
    assert response.json() == {"detail": ["This post-it does not exist in your workshop."]}


def test_an_api_403_is_json_in_the_visitors_language(live_workshop):
    client = Client()
    french = client.get(reverse("workshops:api_board", args=["QN2012"]))
    assert french.status_code == 403 and french["Content-Type"] == "application/json"
    assert french.json()["detail"] != "Join this workshop first."
    english(client)
    assert client.get(reverse("workshops:api_board", args=["QN2012"])).json() == {"detail": "Join this workshop first."}


@override_settings(ROOT_URLCONF="tests.error_urls")
def test_a_server_error_is_the_styled_500_page_that_needs_no_database(django_assert_num_queries):
    client = english(Client(raise_request_exception=False))
    with django_assert_num_queries(0):
        response = client.get("/boom/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in page and "css/agora.css" in page and '<html lang="en">' in page


@override_settings(ROOT_URLCONF="tests.error_urls")
def test_an_api_server_error_is_json():
    response = Client(raise_request_exception=False).get("/api/boom/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json" and response.json()["detail"]


@override_settings(ROOT_URLCONF="tests.error_urls")
def test_a_database_error_is_a_503_to_retry_not_a_500():
    response = english(Client(raise_request_exception=False)).get("/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Agora is briefly unavailable" in response.content.decode()


def test_a_stale_form_gets_the_styled_403_that_says_to_reload(live_workshop):
    client = english(Client(enforce_csrf_checks=True))
    response = client.post(reverse("workshops:join"), {"code": "QN2012"})
    page = response.content.decode()
    assert response.status_code == 403
    assert response.templates[0].name == "403.html"
    assert "This form has expired" in page



@pytest.mark.parametrize("path, json", [("/", False), ("/api/w/QN2012/board/", True)])
def test_a_request_for_another_host_is_a_400_that_needs_no_nav(path, json):
    response = english(Client()).get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    if json:
        assert response.json() == {"detail": "This request is malformed."}
    else:
        assert "This request could not be understood" in response.content.decode()


def test_only_a_services_not_found_becomes_a_404_in_the_views():
    from django.core.exceptions import ValidationError
    from django.http import Http404

    from workshops.views.common import raise_if_missing

    with pytest.raises(Http404):
        raise_if_missing(ValidationError("gone", code="not_found"))
    raise_if_missing(ValidationError("bad", code="invalid"))
    raise_if_missing(ValidationError({"text": ValidationError("gone", code="not_found")}))
