"""A script reads the scenario library as its page does: staff only, the same filters, bounded queries."""

import pytest
from django.test import Client
from django.urls import reverse

from core import tokens
from tests import factories

pytestmark = pytest.mark.django_db


def token_client(user):
    client = Client()
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer " + tokens.token_create(user=user, name="t", scope="read").secret
    return client


def test_an_editor_reads_the_library_filtered_in_bounded_queries(editor, django_assert_max_num_queries):
    edition = factories.EditionFactory(slug="qn")
    for n in range(4):
        factories.ScenarioFactory(edition=edition, title=f"Rupture {n}")
    factories.ScenarioFactory(title="Ailleurs")
    client = token_client(editor)
    with django_assert_max_num_queries(6):
        body = client.get(reverse("api-scenarios"), {"edition": edition.pk}).json()
    assert [s["title"] for s in body] == [f"Rupture {n}" for n in range(4)]


def test_a_bad_filter_is_a_422_and_an_outsider_a_403(editor, outsider):
    response = token_client(editor).get(reverse("api-scenarios"), {"status": "nope", "edition": "x"})
    assert response.status_code == 422 and set(response.json()) == {"status", "edition"}
    client = Client()
    client.force_login(outsider)
    assert client.get(reverse("api-scenarios")).status_code == 403
    assert Client().get(reverse("api-scenarios")).status_code == 401
