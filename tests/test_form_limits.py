"""The limits a page shows (data-max, min, max) are the forms' and services' own, never literals."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from scenarios.forms import ScenarioForm
from workshops import services
from workshops.forms import ContributionForm, TableForm

pytestmark = pytest.mark.django_db

TEMPLATE_DIRS = [settings.BASE_DIR / app / "templates" for app in ("workshops", "scenarios")] + [settings.BASE_DIR / "templates"]


def attribute(page: str, selector_text: str, name: str) -> str:
    """The value of attribute `name` on the first tag containing `selector_text`."""
    tag = re.search(rf"<[^>]*{re.escape(selector_text)}[^>]*>", page).group(0)
    return re.search(rf'\b{name}="([^"]*)"', tag).group(1)


def test_no_template_types_a_length_or_range_limit_as_a_number():
    literals = [
        f"{path.relative_to(settings.BASE_DIR)}: {match.group(0)}"
        for directory in TEMPLATE_DIRS
        for path in directory.rglob("*.html")
        for match in re.finditer(r'\b(?:data-max|maxlength|minlength|min|max)="\d+"', path.read_text())
    ]
    assert literals == []


def test_the_postit_box_allows_what_the_form_allows(client, join_as, live_workshop, participant_factory):
    join_as(client, participant_factory(workshop=live_workshop))
    page = client.get(reverse("workshops:canvas", args=["QN2012"])).content.decode()
    assert attribute(page, 'name="text"', "data-max") == str(ContributionForm.base_fields["text"].max_length)


def test_the_table_inputs_allow_what_the_table_form_allows(client, facilitator, live_workshop):
    client.force_login(facilitator)
    page = client.get(reverse("workshops:control", args=[live_workshop.pk])).content.decode()
    form = TableForm.base_fields
    assert attribute(page, 'name="name" value=', "data-max") == str(form["name"].max_length)
    assert attribute(page, 'name="capacity" value=', "min") == str(form["capacity"].min_value)
    assert attribute(page, 'name="capacity" value=', "max") == str(form["capacity"].max_value)


def test_the_scribes_inputs_allow_what_the_services_allow(client, join_as, live_workshop, participant_factory, contribution_factory):
    scribe = participant_factory(workshop=live_workshop, table=live_workshop.tables.get(number=1))
    services.participant_set_scribe(participant=scribe, is_scribe=True)
    contribution_factory(participant=scribe)  # the group form shows once there is something to group
    join_as(client, scribe)
    page = client.get(reverse("workshops:scribe", args=["QN2012"])).content.decode()
    assert attribute(page, 'name="label"', "data-max") == str(services.GROUP_LABEL_MAX_LENGTH)


def test_the_librarys_quick_title_allows_what_the_scenario_form_allows(client, editor):
    client.force_login(editor)
    page = client.get(reverse("scenarios:library")).content.decode()
    assert attribute(page, 'id="quick-title"', "data-max") == str(ScenarioForm.base_fields["title"].max_length)
