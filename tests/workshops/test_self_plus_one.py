"""+1 on one's own post-it: a workshop setting, off by default, switched in the control room."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from workshops import services
from workshops.models import PlusOne, Workshop

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def author(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop)


@pytest.fixture
def own_postit(author, contribution_factory):
    return contribution_factory(participant=author, text="Louer plutôt qu'acheter")


def settings_url(workshop):
    return reverse("workshops:settings", args=[workshop.pk])


def test_a_new_workshop_does_not_allow_plus_one_on_ones_own_postit(live_workshop):
    assert live_workshop.allow_self_plus_one is False


def test_plus_one_on_ones_own_postit_is_refused_by_default(author, own_postit):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.contribution_plus_one(participant=author, contribution_id=own_postit.pk)

    assert "your own do not take a +1" in " ".join(error.value.messages)
    own_postit.refresh_from_db()
    assert own_postit.plus_ones == 0 and not PlusOne.objects.exists()


def test_plus_one_on_someone_elses_postit_is_still_counted(live_workshop, own_postit, participant_factory):
    fan = participant_factory(workshop=live_workshop)
    assert services.contribution_plus_one(participant=fan, contribution_id=own_postit.pk).plus_ones == 1


def test_when_the_workshop_allows_it_ones_own_postit_takes_a_plus_one(live_workshop, author, own_postit):
    services.workshop_update_settings(workshop=live_workshop, allow_self_plus_one=True)

    assert services.contribution_plus_one(participant=author, contribution_id=own_postit.pk).plus_ones == 1


def test_the_canvas_page_says_why_ones_own_plus_one_is_refused(client, join_as, author, own_postit, english):
    join_as(client, author)

    response = client.post(reverse("workshops:plus_one", args=["QN2012", own_postit.pk]), **HTMX)

    assert response.status_code == 422
    assert "your own do not take a +1" in response.content.decode()
    assert not PlusOne.objects.exists()


def test_the_facilitator_switches_the_setting_in_the_control_room(client, facilitator, live_workshop):
    client.force_login(facilitator)
    page = client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    assert f'action="{settings_url(live_workshop)}"' in page and 'name="allow_self_plus_one"' in page

    client.post(settings_url(live_workshop), {"allow_self_plus_one": "1"})
    assert Workshop.objects.get(pk=live_workshop.pk).allow_self_plus_one

    # An unticked checkbox is not posted at all: that means off.
    client.post(settings_url(live_workshop), {})
    assert not Workshop.objects.get(pk=live_workshop.pk).allow_self_plus_one


def test_switching_the_setting_bumps_the_workshops_version(client, facilitator, live_workshop):
    client.force_login(facilitator)
    client.post(settings_url(live_workshop), {"allow_self_plus_one": "1"})
    assert Workshop.objects.get(pk=live_workshop.pk).stage_version > live_workshop.stage_version


@pytest.mark.parametrize("actor", ["other_facilitator", "outsider"])
def test_only_the_workshops_facilitators_switch_its_settings(client, live_workshop, request, actor):
    client.force_login(request.getfixturevalue(actor))

    assert client.post(settings_url(live_workshop), {"allow_self_plus_one": "1"}).status_code == 403
    assert not Workshop.objects.get(pk=live_workshop.pk).allow_self_plus_one


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, live_workshop):
    response = client.post(settings_url(live_workshop), {"allow_self_plus_one": "1"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Workshop.objects.get(pk=live_workshop.pk).allow_self_plus_one


def test_settings_of_a_missing_workshop_are_a_404(client, facilitator):
    client.force_login(facilitator)
    assert client.post(reverse("workshops:settings", args=[999999]), {"allow_self_plus_one": "1"}).status_code == 404


@pytest.mark.parametrize("value", ["\x00", "x" * 5000, "false"])
def test_odd_checkbox_values_are_never_a_500(client, facilitator, live_workshop, value):
    client.force_login(facilitator)
    assert client.post(settings_url(live_workshop), {"allow_self_plus_one": value}).status_code == 302


def test_the_canvas_offers_no_plus_one_button_on_ones_own_postit_unless_allowed(client, join_as, live_workshop, author, own_postit):
    join_as(client, author)
    button = f'action="{reverse("workshops:plus_one", args=["QN2012", own_postit.pk])}"'

    assert button not in client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()
    services.workshop_update_settings(workshop=live_workshop, allow_self_plus_one=True)
    assert button in client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()


def test_the_api_refuses_ones_own_plus_one_with_a_json_message(client, join_as, author, own_postit):
    api = join_as(client, author)

    response = api.post(reverse("workshops:api_plus_one", args=["QN2012", own_postit.pk]), HTTP_ACCEPT_LANGUAGE="en")

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/json")
    assert not PlusOne.objects.exists()
