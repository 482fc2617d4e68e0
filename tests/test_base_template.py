"""The page shell every view extends."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_the_demo_in_debug_mode_does_not_load_django_htmx_debug_helper(client):
    # That helper replaces the whole page on any 4xx htmx answer; ours show refused votes in place.
    page = client.get("/").content.decode()
    assert "django_htmx/htmx-2.min.js" in page
    assert "django-htmx.js" not in page


def test_htmx_swaps_form_errors_and_nothing_runs_inline(client):
    page = client.get("/w/join/").content.decode()
    assert '"code": "422", "swap": true' in page
    assert "<script>" not in page and "style=" not in page
