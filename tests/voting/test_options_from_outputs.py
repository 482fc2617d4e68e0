"""Options from table outputs: the lines of the last closed post-it phase, labelled with their table."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.voting.factories import make_ballot
from voting import services
from voting.models import Ballot
from workshops.models import TableOutput, TableOutputLine
from workshops.services import phase_close

pytestmark = pytest.mark.django_db


@pytest.fixture
def outputs(live_workshop):
    """The first post-it phase closed; table 1 wrote two lines in section 1 and one in section 2, table 2 one line."""
    phase = live_workshop.phases.order_by("position").first()
    phase_close(phase=phase)  # the aggregation worker runs on commit, never inside a test transaction
    first, second = list(phase.canvas.sections.order_by("position"))[:2]
    t1, t2 = list(live_workshop.tables.order_by("number"))

    def output(table, section, *texts, axis=""):
        out = TableOutput.objects.create(phase=phase, table=table, section=section)
        return [TableOutputLine.objects.create(output=out, position=i, text=t, axis=axis) for i, t in enumerate(texts, start=1)]

    lines = {
        "t1s1": output(t1, first, "Les jeunes ne passent plus le permis", "Essor de la location entre particuliers"),
        "t1s2": output(t1, second, "Des kilomètres à la place des voitures", axis="Pour une entreprise"),
        "t2s1": output(t2, first, "Les jeunes ne passent plus le permis"),
    }
    return {"phase": phase, "sections": (first, second), "tables": (t1, t2), "lines": lines}


def test_every_line_of_the_last_closed_phase_becomes_an_option_labelled_with_its_table(live_workshop, outputs):
    options = services.options_from_table_outputs(workshop=live_workshop)
    t1, t2 = outputs["tables"]
    assert [o["label"] for o in options] == [
        f"{t1.label} · Les jeunes ne passent plus le permis",
        f"{t1.label} · Essor de la location entre particuliers",
        f"{t1.label} · Des kilomètres à la place des voitures (Pour une entreprise)",
        f"{t2.label} · Les jeunes ne passent plus le permis",
    ]
    # The same idea written by two tables is two options, not "an option appears twice".
    ballot = make_ballot(live_workshop, "approval", options=options, open=False)
    assert ballot.options.count() == 4
    assert set(ballot.options.values_list("output_line_id", flat=True)) == {
        line.pk for lines in outputs["lines"].values() for line in lines
    }


def test_one_section_or_one_table_only(live_workshop, outputs):
    first, second = outputs["sections"]
    t1, t2 = outputs["tables"]
    assert len(services.options_from_table_outputs(workshop=live_workshop, section_id=first.pk)) == 3
    assert [o["output_line"] for o in services.options_from_table_outputs(workshop=live_workshop, section_id=second.pk)] == outputs["lines"]["t1s2"]
    assert [o["output_line"] for o in services.options_from_table_outputs(workshop=live_workshop, table_id=t2.pk)] == outputs["lines"]["t2s1"]


def test_no_closed_postit_phase_means_no_option(live_workshop):
    assert services.options_from_table_outputs(workshop=live_workshop) == []


def test_a_rebuilt_output_keeps_the_option_and_its_label(live_workshop, outputs):
    ballot = make_ballot(live_workshop, "dots", options=services.options_from_table_outputs(workshop=live_workshop))
    option = ballot.options.get(output_line=outputs["lines"]["t2s1"][0])
    # Re-running the aggregation deletes and rebuilds the lines.
    TableOutputLine.objects.filter(output__phase=outputs["phase"]).delete()
    option.refresh_from_db()
    assert option.output_line_id is None
    assert option.label.endswith("Les jeunes ne passent plus le permis")


def test_a_line_of_another_workshop_is_refused(live_workshop, outputs, workshop_factory):
    other = workshop_factory()
    with pytest.raises(ValidationError):
        services.ballot_create(
            workshop=other, title="Ailleurs", method="approval",
            options=services.options_from_table_outputs(workshop=live_workshop),
        )  # fmt: skip
    assert not Ballot.objects.filter(workshop=other).exists()


def test_the_facilitator_builds_a_ballot_from_one_section_of_the_table_outputs(client, live_workshop, facilitator, outputs):
    first, second = outputs["sections"]
    client.force_login(facilitator)
    page = client.get(reverse("voting:ballots", kwargs={"workshop_pk": live_workshop.pk})).content.decode()
    assert 'value="outputs"' in page and f'<option value="{first.pk}">{first.title}</option>' in page
    response = client.post(
        reverse("voting:ballots", kwargs={"workshop_pk": live_workshop.pk}),
        {"title": "Quelles ruptures ?", "method": "approval", "source": "outputs", "section": first.pk,
         "min_choices": 1, "budget": 5, "max_per_option": 3, "scale_min": 1, "scale_max": 5},
    )  # fmt: skip
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert ballot.options.count() == 3
    assert not ballot.options.filter(output_line__isnull=True).exists()


def test_the_form_says_when_there_is_no_table_output_yet(client, live_workshop, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("voting:ballots", kwargs={"workshop_pk": live_workshop.pk}),
        {"title": "Trop tôt", "method": "approval", "source": "outputs",
         "min_choices": 1, "budget": 5, "max_per_option": 3, "scale_min": 1, "scale_max": 5},
    )  # fmt: skip
    assert response.status_code == 422 and not Ballot.objects.exists()
    assert "field-source" in response.content.decode()
    assert response.context["form"].errors["source"]
