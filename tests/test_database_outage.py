"""A database that is down or restarting answers 503 with Retry-After (JSON under /api/), never a 500.

The outage is real: the connection settings point, for the length of one test, at a port that is
bound but never listens, so PostgreSQL's client gets "connection refused" as during a restart.
The machine's PostgreSQL is not touched.
"""

import socket
from contextlib import contextmanager

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse


@contextmanager
def database_unreachable():
    connection = connections["default"]
    saved = dict(connection.settings_dict)
    with socket.socket() as nowhere:
        nowhere.bind(("127.0.0.1", 0))
        connection.close()
        connection.settings_dict.update(HOST="127.0.0.1", PORT=str(nowhere.getsockname()[1]))
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)


@pytest.fixture
def database_down(transactional_db):
    with database_unreachable():
        yield


@pytest.fixture
def visitor():
    client = Client(raise_request_exception=False)
    client.cookies["django_language"] = "en"
    return client


def test_a_page_answers_a_styled_503_with_retry_after(database_down, visitor):
    response = visitor.get("/w/QN2012/")
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Agora is briefly unavailable" in page and "css/agora.css" in page


def test_an_api_call_answers_a_json_503_with_retry_after(database_down, visitor):
    response = visitor.post("/api/w/QN2012/contributions/", {"section": 1, "text": "x"}, content_type="application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response.json() == {"detail": "The service is briefly unavailable. Try again in a few seconds."}


def test_a_logged_in_page_answers_503_too(transactional_db, facilitator, visitor):
    visitor.force_login(facilitator)
    with database_unreachable():
        response = visitor.get(reverse("workshops:dashboard"))
    assert response.status_code == 503
    # Once the database is back, the same session works again.
    assert visitor.get(reverse("workshops:dashboard")).status_code == 200
