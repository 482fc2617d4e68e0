"""Once the cahier is out, the editors replace the names of the edition's participants by numbers."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cahiers import services
from cahiers.models import Cahier
from tests import factories
from voting import record
from workshops import services as workshop_services
from workshops.models import Contribution, Participant, WriteReceipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def room(cahier):
    """A closed workshop of the cahier's edition: Awa wrote a post-it and +1'd by name, Bruno too."""
    workshop = factories.WorkshopFactory(edition=cahier.edition)
    awa = factories.ParticipantFactory(workshop=workshop, display_name="Awa Diallo")
    # Someone already called like a number: the renaming must not trip over the unique names.
    bruno = factories.ParticipantFactory(workshop=workshop, display_name="Participant 1")
    postit = factories.ContributionFactory(participant=awa, text="Des bancs partout")
    workshop_services.contribution_plus_one(participant=bruno, contribution_id=postit.pk)
    WriteReceipt.objects.create(participant=awa, key="k" * 16, fingerprint="x", status_code=200, content=b"Awa Diallo")
    workshop_services.workshop_close(workshop=workshop)
    return workshop


def _publish(cahier, section, editor, callbacks):
    services.section_save(section=section, text="Ce que la salle a dit.", author=editor, based_on=None)
    with callbacks(execute=True):
        services.cahier_publish(cahier=cahier)
    return Cahier.objects.get(pk=cahier.pk)


def test_names_are_replaced_by_numbers_and_the_words_stay(cahier, section, eve, room, django_capture_on_commit_callbacks):
    cahier = _publish(cahier, section, eve, django_capture_on_commit_callbacks)

    done = services.edition_anonymise(cahier=cahier)

    assert done.participants == 2
    names = list(Participant.objects.filter(workshop=room).order_by("joined_at", "pk").values_list("display_name", flat=True))
    assert names == ["Participant 1", "Participant 2"]
    postit = Contribution.objects.get()
    assert postit.text == "Des bancs partout" and postit.plus_ones == 1
    assert not WriteReceipt.objects.exists()
    assert "Awa" not in json.dumps(record.record_data(room), ensure_ascii=False)
    assert Cahier.objects.get(pk=cahier.pk).names_anonymised_at is not None


def test_a_draft_cahier_keeps_the_names(cahier, room):
    with pytest.raises(ValidationError, match="Publi"):
        services.edition_anonymise(cahier=cahier)
    assert Participant.objects.filter(display_name="Awa Diallo").exists()


def test_a_live_workshop_of_the_edition_keeps_its_names(cahier, section, eve, room, django_capture_on_commit_callbacks):
    live = factories.WorkshopFactory(edition=cahier.edition)
    workshop_services.phase_open(phase=live.phases.order_by("position").first())
    factories.ParticipantFactory(workshop=live, display_name="Chloé")
    cahier = _publish(cahier, section, eve, django_capture_on_commit_callbacks)

    with pytest.raises(ValidationError):
        services.edition_anonymise(cahier=cahier)

    assert Participant.objects.filter(display_name="Awa Diallo").exists()
    assert Participant.objects.filter(display_name="Chloé").exists()


def test_an_editor_anonymises_from_the_outline_after_confirming(client, cahier, section, eve, room, django_capture_on_commit_callbacks):
    cahier = _publish(cahier, section, eve, django_capture_on_commit_callbacks)
    client.force_login(eve)
    url = reverse("cahiers:anonymise", args=[cahier.pk])
    outline = client.get(reverse("cahiers:outline", args=[cahier.pk])).content.decode()
    assert url in outline

    unconfirmed = client.post(url)
    assert unconfirmed.status_code == 422
    assert Participant.objects.filter(display_name="Awa Diallo").exists()

    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    assert not Participant.objects.filter(display_name="Awa Diallo").exists()
    assert url not in client.get(reverse("cahiers:outline", args=[cahier.pk])).content.decode()


@pytest.mark.parametrize("who", ["alice", "anonymous"])
def test_only_editors_anonymise(client, cahier, section, eve, alice, room, who, django_capture_on_commit_callbacks):
    cahier = _publish(cahier, section, eve, django_capture_on_commit_callbacks)
    if who == "alice":
        client.force_login(alice)
    response = client.post(reverse("cahiers:anonymise", args=[cahier.pk]), {"confirm": "yes"})
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]
    assert Participant.objects.filter(display_name="Awa Diallo").exists()


def test_the_record_can_leave_names_out(client, room):
    facilitator = factories.FacilitatorFactory(username="fanny")
    room.facilitators.add(facilitator)
    client.force_login(facilitator)
    url = reverse("voting:export_record", kwargs={"workshop_pk": room.pk, "fmt": "json"})

    named = client.get(url).content.decode()
    anonymous = client.get(url + "?names=0")

    assert "Awa Diallo" in named
    body = anonymous.content.decode()
    assert "Awa Diallo" not in body and "Des bancs partout" in body
    assert json.loads(body)["names"] is False
    assert "anonymous" in anonymous["Content-Disposition"]
    for fmt in ("md", "csv"):
        text = client.get(reverse("voting:export_record", kwargs={"workshop_pk": room.pk, "fmt": fmt}) + "?names=0").content.decode()
        assert "Awa Diallo" not in text and "Des bancs partout" in text
