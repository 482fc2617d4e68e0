"""The room benchmark's ceiling views are routed only with BENCHMARK_VIEWS on, never by default."""

import pytest
from django.test import RequestFactory

from foresight import benchmark_views

pytestmark = pytest.mark.django_db


def test_the_ceiling_views_are_not_routed_by_default(client, settings):
    assert settings.BENCHMARK_VIEWS is False
    assert client.get("/_benchmark/nothing/").status_code == 404
    assert client.post("/_benchmark/insert/").status_code == 404


def test_the_do_nothing_view_queries_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = benchmark_views.nothing(RequestFactory().get("/_benchmark/nothing/"))
    assert response.status_code == 200
