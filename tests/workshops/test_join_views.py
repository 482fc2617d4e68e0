import pytest
from django.urls import reverse

from workshops.models import Participant

pytestmark = pytest.mark.django_db


def test_the_code_page_sends_a_valid_code_to_the_workshop_join_form(client, live_workshop):
    response = client.post(reverse("workshops:join"), {"code": " qn2012 "})
    assert response.status_code == 302
    assert response["Location"] == reverse("workshops:join_workshop", args=["QN2012"])


def test_a_qr_code_link_with_the_code_goes_straight_to_the_join_form(client, live_workshop):
    response = client.get(reverse("workshops:join") + "?code=QN2012")
    assert response.status_code == 302


def test_a_wrong_code_gets_a_clear_message(client, live_workshop):
    response = client.post(reverse("workshops:join"), {"code": "NOPE99"})
    assert response.status_code == 422
    assert "Aucun atelier" in response.content.decode() or "No workshop" in response.content.decode()


def test_an_expired_code_gets_a_clear_message(client, english, live_workshop):
    from workshops.services import workshop_close

    workshop_close(workshop=live_workshop)
    response = client.post(reverse("workshops:join"), {"code": "QN2012"})
    assert response.status_code == 422
    assert "expired" in response.content.decode()
    assert client.get(reverse("workshops:join_workshop", args=["QN2012"])).status_code == 410


def test_joining_binds_the_participant_to_the_browser(client, live_workshop):
    table = live_workshop.tables.first()
    response = client.post(
        reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "Daniel", "table": table.pk}
    )
    assert response.status_code == 302
    participant = Participant.objects.get()
    assert participant.table == table
    page = client.get(reverse("workshops:canvas", args=["QN2012"]))
    assert page.status_code == 200
    assert "Daniel" in page.content.decode()


def test_a_taken_name_is_refused_and_nothing_is_written(client, english, live_workshop, participant_factory):
    participant_factory(workshop=live_workshop, display_name="Daniel")
    response = client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "daniel"})
    assert response.status_code == 422
    assert "already uses this name" in response.content.decode()
    assert Participant.objects.count() == 1


def test_another_workshops_table_is_refused(client, live_workshop, workshop_factory):
    other_table = workshop_factory().tables.first()
    response = client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "Daniel", "table": other_table.pk})
    assert response.status_code == 422
    assert Participant.objects.count() == 0


def test_a_display_name_with_html_is_shown_escaped(client, live_workshop):
    client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": "<script>alert(1)</script>", "table": live_workshop.tables.first().pk})
    page = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_browser_that_has_not_joined_is_sent_to_the_join_form(client, live_workshop):
    response = client.get(reverse("workshops:canvas", args=["QN2012"]))
    assert response.status_code == 302
    assert "join" in response["Location"]
