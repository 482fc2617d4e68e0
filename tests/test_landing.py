"""After logging in, each role lands on its own page; the nav shows only the links a visitor may follow."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def log_in(client, user, next_url=None):
    url = LOGIN if next_url is None else f"{LOGIN}?next={next_url}"
    return client.post(url, {"username": user.username, "password": "password"})


def test_a_facilitator_lands_on_their_workshops(client, facilitator):
    assert log_in(client, facilitator).url == reverse("workshops:dashboard")


def test_an_editor_lands_on_the_scenario_library_and_may_open_it(client, editor):
    response = log_in(client, editor)
    assert response.url == reverse("scenarios:library")
    assert client.get(response.url).status_code == 200


def test_a_user_without_a_role_lands_home_with_a_message_that_says_why(client, english, outsider):
    response = log_in(client, outsider)
    assert response.url == reverse("home")
    page = client.get(response.url).content.decode()
    assert "your account has no facilitator or editor role yet" in page


def test_a_safe_next_is_honoured(client, editor, scenario_factory):
    scenario = scenario_factory()
    target = reverse("scenarios:detail", args=[scenario.pk])
    assert log_in(client, editor, next_url=target).url == target


def test_a_next_to_another_site_is_ignored(client, editor):
    assert log_in(client, editor, next_url="https://evil.example/").url == reverse("scenarios:library")


def test_a_wrong_password_stays_on_the_login_form(client, editor):
    response = client.post(LOGIN, {"username": editor.username, "password": "nope"})
    assert response.status_code == 200 and response.context["form"].errors


def nav_links(client):
    page = client.get(reverse("home")).content.decode()
    nav = page.split('class="topnav"', 1)[1].split("</nav>", 1)[0]
    return {url for url in (reverse("workshops:dashboard"), reverse("scenarios:library"), reverse("workshops:formats")) if f'href="{url}"' in nav}


def test_an_editors_nav_leads_only_to_the_library(client, editor):
    client.force_login(editor)
    assert nav_links(client) == {reverse("scenarios:library")}
    # Nor does the home page send them to the facilitators' dashboard.
    assert f'href="{reverse("workshops:dashboard")}"' not in client.get(reverse("home")).content.decode()


def test_a_facilitators_nav_has_workshops_library_and_formats(client, facilitator):
    client.force_login(facilitator)
    assert nav_links(client) == {reverse("workshops:dashboard"), reverse("scenarios:library"), reverse("workshops:formats")}


def test_a_user_without_a_role_sees_none_of_the_staff_links(client, outsider):
    client.force_login(outsider)
    assert nav_links(client) == set()
    assert f'href="{reverse("workshops:dashboard")}"' not in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("who", ["editor", "facilitator", "outsider"])
def test_every_link_in_the_nav_opens(client, request, who):
    client.force_login(request.getfixturevalue(who))
    for url in nav_links(client):
        assert client.get(url).status_code == 200, url
