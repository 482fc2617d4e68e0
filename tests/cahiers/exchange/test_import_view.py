"""The editors' import page: upload a file, the edition is in (or the file refused, nothing written)."""

import json

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from cahiers.exchange import export_edition_bytes
from cahiers.models import Cahier
from core.models import Edition
from tests import factories

from .conftest import delete_edition, every_row_count

pytestmark = pytest.mark.django_db
URL = "/cahiers/import/"


@pytest.fixture(autouse=True)
def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def exported(small_edition):
    payload = export_edition_bytes(small_edition)
    delete_edition(small_edition, shared=False)
    return payload


@pytest.fixture
def editor_client(client, db):
    client.force_login(factories.EditorFactory(username="ed"))
    return client


def _upload(payload: bytes, name="edition.json"):
    return {"file": SimpleUploadedFile(name, payload, content_type="application/json")}


def test_the_url_is_named():
    assert reverse("cahiers:import") == URL


def test_an_anonymous_visitor_is_sent_to_log_in_and_a_facilitator_is_refused(client, exported):
    response = client.get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(URL, _upload(exported)).status_code == 302
    client.force_login(factories.FacilitatorFactory(username="fred"))
    assert client.get(URL).status_code == 403
    assert client.post(URL, _upload(exported)).status_code == 403
    assert not Edition.objects.exists()


def test_the_editors_list_links_to_the_import_page(editor_client):
    assert f'href="{URL}"' in editor_client.get(reverse("cahiers:list")).content.decode()


def test_an_editor_imports_an_edition_and_is_shown_its_cahier(editor_client, exported):
    response = editor_client.post(URL, _upload(exported), follow=True)
    edition = Edition.objects.get(slug="petite-edition")
    cahier = Cahier.objects.get(edition=edition)
    assert response.redirect_chain == [(f"{URL}?edition={edition.pk}", 302)]
    page = response.content.decode()
    assert "The edition “Petite édition” is imported" in page
    assert f'href="{reverse("cahiers:outline", args=[cahier.pk])}"' in page


def test_people_without_an_account_here_are_named(editor_client, small_edition):
    payload = export_edition_bytes(small_edition)
    delete_edition(small_edition, shared=False, people=False)
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username__in=["alice", "eve"]).delete()
    page = editor_client.post(URL, _upload(payload), follow=True).content.decode()
    assert "No account here for alice, eve" in page


def _refused(client, payload, *expected):
    before = every_row_count()
    response = client.post(URL, _upload(payload))
    assert response.status_code == 422
    page = response.content.decode()
    assert "The file was refused, nothing was imported" in page
    for text in expected:
        assert text in page
    assert every_row_count() == before
    return page


def test_another_version_is_refused_on_the_page(editor_client, exported):
    document = json.loads(exported) | {"version": 3}
    _refused(editor_client, json.dumps(document).encode(), "version 3")


def test_a_broken_reference_is_refused_on_the_page(editor_client, exported):
    document = json.loads(exported)
    document["objects"]["workshops.contribution"][0]["participant"] = 42
    _refused(editor_client, json.dumps(document).encode(), "post-it #1, field “participant”", "participant #42")


def test_an_oversized_file_is_refused_on_the_page(editor_client, exported, settings):
    settings.EDITION_IMPORT_MAX_BYTES = 100
    _refused(editor_client, exported, "may be 100")


@pytest.mark.parametrize(("payload", "expected"), [(b"<html>", "not valid JSON"), (b"[1, 2]", "a JSON list")])
def test_what_is_not_an_edition_is_refused_on_the_page(editor_client, payload, expected):
    _refused(editor_client, payload, expected)


def test_an_edition_already_here_is_refused_on_the_page(editor_client, small_edition):
    _refused(editor_client, export_edition_bytes(small_edition), "“petite-edition” exists here already")


def test_no_file_or_an_empty_one_is_a_form_error(editor_client):
    response = editor_client.post(URL, {})
    assert response.status_code == 422 and "Choose the edition" in response.content.decode()
    response = editor_client.post(URL, _upload(b""))
    assert response.status_code == 422 and "This file is empty" in response.content.decode()


def test_hostile_text_in_a_refused_file_is_shown_as_text(editor_client, exported):
    document = json.loads(exported) | {"format": "<script>alert(1)</script>"}
    page = _refused(editor_client, json.dumps(document).encode())
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_hostile_text_in_an_imported_edition_is_shown_as_text(editor_client, exported):
    document = json.loads(exported)
    document["objects"]["core.edition"][0]["title"] = "<img src=x onerror=alert(1)>"
    page = editor_client.post(URL, _upload(json.dumps(document).encode()), follow=True).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
