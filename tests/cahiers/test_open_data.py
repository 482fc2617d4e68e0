"""The published cahier as open data: anyone reads it as JSON, under the reader's pages' rule, in bounded queries."""

import pytest
from django.test import Client
from django.urls import reverse

from tests import factories
from tests.cahiers.test_reader import book, edition  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def test_anyone_lists_the_published_cahiers(book):
    from cahiers import services

    services.cahier_create(edition=factories.EditionFactory(slug="chantier"), title="En chantier")
    body = Client().get(reverse("api-publications")).json()
    assert [c["slug"] for c in body] == ["qn-2012"]


def test_anyone_reads_a_published_cahier_whole_in_bounded_queries(book, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        response = Client().get(reverse("api-publication", args=["qn-2012"]))
    body = response.json()
    assert body["preview"] is False
    assert [c["title"] for c in body["chapters"]] == ["Introduction", "Posséder, c'est dépassé", "La fin de l'anonymat"]
    first = body["chapters"][1]["sections"]
    # The published text only: the section written after the publication is not live.
    assert [s["heading"] for s in first] == ["Le récit", "Signes avant-coureurs"]
    assert first[0]["markdown"].startswith("En 2020, posséder un objet est devenu *rare*.")


@pytest.mark.parametrize("who", [None, "facilitator", "outsider"])
def test_an_unpublished_cahier_is_a_404_for_all_but_editors(request, edition, who):
    from cahiers import services

    services.cahier_create(edition=edition, title="Brouillon")
    client = Client()
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("api-publication", args=["qn-2012"]))
    assert response.status_code == 404 and response.json()["detail"]


def test_an_editor_previews_an_unpublished_cahier(edition, editor):
    from cahiers import services

    services.cahier_create(edition=edition, title="Brouillon")
    client = Client()
    client.force_login(editor)
    body = client.get(reverse("api-publication", args=["qn-2012"])).json()
    assert body["preview"] is True and body["title"] == "Brouillon"
