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


def join(client, name):
    return client.post(reverse("workshops:join_workshop", args=["QN2012"]), {"display_name": name})


def test_a_name_is_stored_normalised(client, live_workshop):
    assert join(client, "\uff21lice  Martin").status_code == 302  # fullwidth A, two spaces
    assert Participant.objects.get().display_name == "Alice Martin"


@pytest.mark.parametrize(
    "name, message",
    [
        pytest.param("Al\u200bice", "U+200B ZERO WIDTH SPACE", id="zero-width space"),
        pytest.param("\u202eecilA", "U+202E RIGHT-TO-LEFT OVERRIDE", id="right-to-left override"),
        pytest.param("\u200b\u200d\u2060", "made only of invisible characters", id="only invisible characters"),
    ],
)
def test_invisible_characters_are_refused_with_a_clear_message(client, english, live_workshop, participant_factory, name, message):
    participant_factory(workshop=live_workshop, display_name="Alice")
    response = join(client, name)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert Participant.objects.count() == 1


def test_a_name_that_looks_like_one_in_the_workshop_is_refused(client, english, live_workshop, participant_factory):
    participant_factory(workshop=live_workshop, display_name="Alice")
    response = join(client, "\u0410lice")  # a Cyrillic А
    assert response.status_code == 422
    assert "This name looks like “Alice”, already in the workshop" in response.content.decode()
    assert Participant.objects.count() == 1
    assert join(client, "Alicia").status_code == 302  # another name is welcome


def test_a_look_alike_in_another_workshop_is_no_concern(client, live_workshop, participant_factory, workshop_factory):
    participant_factory(workshop=workshop_factory(), display_name="Alice")
    assert join(client, "\u0410lice").status_code == 302


def test_joining_starts_a_session_that_carries_nothing_of_the_browsers(client, live_workshop, facilitator, workshop_factory, participant_factory, join_as):
    elsewhere = participant_factory(workshop=workshop_factory(join_code="AUTRE1"))
    client.force_login(facilitator)
    join_as(client, elsewhere)
    session = client.session
    session["planted"] = "by someone before"
    session.save()
    before = session.session_key

    assert join(client, "Daniel").status_code == 302

    session = client.session
    assert session.session_key != before
    assert dict(session.items()) == {"agora_participants": {str(live_workshop.pk): Participant.objects.get(display_name="Daniel").pk}}
    assert client.get(reverse("workshops:dashboard")).status_code == 302  # the facilitator's sign-in stayed behind
    assert client.get(reverse("workshops:canvas", args=["AUTRE1"])).status_code == 302  # and the other seat
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=before).exists()  # the old key opens nothing
