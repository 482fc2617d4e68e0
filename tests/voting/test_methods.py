"""The voting methods' registry and classes: settings, papers (hostile ones too), tallies and templates."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from tests.voting.factories import make_ballot, option_ids
from voting import services
from voting.forms import BallotForm
from voting.methods import ALL_SETTINGS, COMMON_SETTINGS, METHODS, VotingMethod, method_of
from voting.models import Allocation, Ballot, BallotPaper, Method
from voting.selectors import ballot_tally

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The messages are checked in English (conftest's default_language puts French back afterwards)."""
    translation.activate("en")


@pytest.fixture
def alice(live_workshop, participant_factory):
    return participant_factory(workshop=live_workshop, display_name="Alice")


# --- The registry ---------------------------------------------------------------------------------


def test_every_method_has_a_class_and_every_class_a_method():
    assert set(METHODS) == set(Method.values)
    for value in Method.values:
        method = method_of(value)
        assert isinstance(method, VotingMethod) and method.value == value


def test_an_unknown_method_has_no_class():
    with pytest.raises(KeyError):
        method_of("plurality")


@pytest.mark.parametrize("value", Method.values)
def test_every_method_has_its_templates(value):
    method = method_of(value)
    names = [method.help_template, method.option_template] + ([method.counter_template] if method.has_counter else [])
    for name in names:
        assert get_template(name)  # a missing partial raises TemplateDoesNotExist
    assert method.counter_template is None or method.has_counter


@pytest.mark.parametrize("value", Method.values)
def test_every_setting_of_a_method_is_a_ballot_field_with_a_default(value):
    method = method_of(value)
    fields = {f.name for f in Ballot._meta.get_fields()}
    assert set(method.settings) <= fields and set(method.settings) <= set(ALL_SETTINGS)
    assert set(method.defaults) == set(method.settings)
    # Blank settings take the method's defaults; another method's settings are not taken.
    chosen = method.settings_from({name: None for name in ALL_SETTINGS})
    assert chosen == dict(method.defaults)


def test_the_ballot_form_offers_every_method_and_every_setting(live_workshop):
    form = BallotForm(workshop=live_workshop)
    assert set(ALL_SETTINGS) <= set(form.fields)
    assert [value for value, _label in form.fields["method"].choices] == list(Method.values)
    assert set(COMMON_SETTINGS) <= set(ALL_SETTINGS)
    assert form.fields["budget"].initial == method_of("dots").defaults["budget"]
    assert form.fields["scale_max"].initial == method_of("scale").defaults["scale_max"]


# --- Settings -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", Method.values)
def test_every_method_accepts_its_defaults(live_workshop, value):
    ballot = make_ballot(live_workshop, value, open=False, **method_of(value).defaults)
    assert ballot.method == value and ballot.options.count() == 3


@pytest.mark.parametrize(
    "method, settings, labels, field",
    [
        ("dots", {"budget": 0}, None, "budget"),
        ("dots", {"budget": 101, "max_per_option": 3}, None, "budget"),
        ("dots", {"budget": 5, "max_per_option": 0}, None, "max_per_option"),
        ("dots", {"budget": 3, "max_per_option": 4}, None, "max_per_option"),
        ("approval", {"max_choices": 0}, None, "max_choices"),
        ("approval", {"max_choices": 4}, None, "max_choices"),
        ("approval", {"min_choices": 3, "max_choices": 2}, None, "min_choices"),
        ("ranking", {}, ["Seule option"], "options"),
        ("ranking", {"max_choices": 5}, None, "max_choices"),
        ("ranking", {"min_choices": 4}, None, "min_choices"),
        ("scale", {"scale_min": 3, "scale_max": 3}, None, "scale_max"),
        ("scale", {"scale_min": 0, "scale_max": 11}, None, "scale_max"),
        ("scale", {"scale_min": -200, "scale_max": -195}, None, "scale_max"),
        ("yesno", {"retain_count": 5}, None, "retain_count"),
        ("yesno", {}, ["", "  "], "options"),
    ],
)
def test_a_methods_settings_are_checked_by_its_class(live_workshop, method, settings, labels, field):
    kwargs = {"labels": labels} if labels is not None else {}
    with pytest.raises(ValidationError) as error:
        make_ballot(live_workshop, method, open=False, **kwargs, **settings)
    assert field in error.value.message_dict
    assert not Ballot.objects.exists()


def test_an_approval_ballot_that_retains_caps_the_picks_at_the_places(live_workshop, scenario_factory):
    for title in ["Posséder, c'est dépassé", "La fin du salariat", "Tous fabricants"]:
        scenario_factory(edition=live_workshop.edition, title=title)
    options = services.options_from_scenarios(workshop=live_workshop)
    ballot = make_ballot(live_workshop, "approval", options=options, open=False, retain_count=2)
    assert ballot.max_choices == 2


# --- Papers ---------------------------------------------------------------------------------------


def refused(participant, ballot, choices, match):
    with pytest.raises(ValidationError, match=match):
        services.vote_cast(participant=participant, ballot_id=ballot.pk, choices=choices)
    assert not BallotPaper.objects.exists() and not Allocation.objects.exists()


SETTINGS = {
    "dots": {"budget": 5, "max_per_option": 3},
    "approval": {"min_choices": 1, "max_choices": 2},
    "ranking": {"min_choices": 1, "max_choices": 2},
    "scale": {"scale_min": 1, "scale_max": 5},
    "yesno": {},
}


@pytest.mark.parametrize("value", Method.values)
@pytest.mark.parametrize(
    "make_choices, match",
    [
        (lambda a, b, c: None, "A vote is a set of choices per option"),
        (lambda a, b, c: "1,2", "A vote is a set of choices per option"),
        (lambda a, b, c: 42, "A vote is a set of choices per option"),
        (lambda a, b, c: {"abc": 1}, "This option is not part of this ballot"),
        (lambda a, b, c: {"": 1}, "This option is not part of this ballot"),
        (lambda a, b, c: {str(10**9): 1}, "This option is not part of this ballot"),
        (lambda a, b, c: {"9" * 5000: 1}, "This option is not part of this ballot"),
        (lambda a, b, c: {a: [1]}, "Enter whole numbers only"),
        (lambda a, b, c: {a: {"x": 1}}, "Enter whole numbers only"),
        (lambda a, b, c: {a: 1.5}, "Enter whole numbers only"),
        (lambda a, b, c: {a: "1e3"}, "Enter whole numbers only"),
        (lambda a, b, c: {a: float("inf")}, "Enter whole numbers only"),
        (lambda a, b, c: {a: "9" * 5000}, "Enter whole numbers only"),
        (lambda a, b, c: {str(a): 1, f"0{a}": 1}, "An option appears twice in your vote"),
        (lambda a, b, c: {str(a): 1, f" {a} ": 1}, "An option appears twice in your vote"),
        (lambda a, b, c: {str(i): 1 for i in range(1000)}, "Your vote names more options than this ballot has"),
    ],
)
def test_a_hostile_paper_is_refused_with_a_clear_message_by_every_method(live_workshop, alice, value, make_choices, match):
    ballot = make_ballot(live_workshop, value, **SETTINGS[value])
    refused(alice, ballot, make_choices(*option_ids(ballot)), match)


@pytest.mark.parametrize("value", ["dots", "ranking", "scale", "yesno"])
def test_only_approval_takes_a_list_of_ids(live_workshop, alice, value):
    ballot = make_ballot(live_workshop, value, **SETTINGS[value])
    refused(alice, ballot, option_ids(ballot)[:1], "A vote is a set of choices per option")


@pytest.mark.parametrize(
    "make_choices, match",
    [
        (lambda a, b, c: [a, a], "An option appears twice in your vote"),
        (lambda a, b, c: [a, str(a)], "An option appears twice in your vote"),
        (lambda a, b, c: [a] * 1000, "Your vote names more options than this ballot has"),
        (lambda a, b, c: [[a]], "This option is not part of this ballot"),
        (lambda a, b, c: [{"id": a}], "This option is not part of this ballot"),
        (lambda a, b, c: [None], "This option is not part of this ballot"),
        (lambda a, b, c: [True], "This option is not part of this ballot"),
    ],
)
def test_an_approval_list_with_repeats_or_junk_is_refused(live_workshop, alice, make_choices, match):
    ballot = make_ballot(live_workshop, "approval", **SETTINGS["approval"])
    refused(alice, ballot, make_choices(*option_ids(ballot)), match)


@pytest.mark.parametrize(
    "value, make_choices, match",
    [
        ("dots", lambda a, b, c: {a: -1}, "Dots cannot be negative"),
        ("dots", lambda a, b, c: {a: 4}, "At most 3 dots on one option"),
        ("dots", lambda a, b, c: {a: 32768}, "At most 3 dots on one option"),
        ("dots", lambda a, b, c: {a: 3, b: 3}, "You placed 6 dots but have only 5"),
        ("dots", lambda a, b, c: {a: 0, b: ""}, "Place at least one dot"),
        ("approval", lambda a, b, c: {a: 2}, "An approval is yes or no"),
        ("approval", lambda a, b, c: {a: -1}, "An approval is yes or no"),
        ("approval", lambda a, b, c: [a, b, c], "Pick at most 2 options"),
        ("approval", lambda a, b, c: [], "Pick at least 1 option \\(you picked 0\\)"),
        ("ranking", lambda a, b, c: {a: 1, b: 1}, "repeats a place"),
        ("ranking", lambda a, b, c: {a: 1, b: 3}, "without gaps"),
        ("ranking", lambda a, b, c: {a: 0}, "without gaps"),
        ("ranking", lambda a, b, c: {a: -1}, "without gaps"),
        ("ranking", lambda a, b, c: {a: 1, b: 2, c: 3}, "Rank at most 2 options"),
        ("ranking", lambda a, b, c: {}, "Rank at least 1 option."),
        ("scale", lambda a, b, c: {a: 6}, "Answer between 1 and 5"),
        ("scale", lambda a, b, c: {a: 0}, "Answer between 1 and 5"),
        ("scale", lambda a, b, c: {a: -32769}, "Answer between 1 and 5"),
        ("scale", lambda a, b, c: {a: "", b: None}, "Answer at least one question"),
        ("yesno", lambda a, b, c: {a: 2}, "Answer yes or no"),
        ("yesno", lambda a, b, c: {a: -1}, "Answer yes or no"),
        ("yesno", lambda a, b, c: {}, "Answer at least one question"),
    ],
)
def test_a_paper_out_of_a_methods_range_is_refused(live_workshop, alice, value, make_choices, match):
    ballot = make_ballot(live_workshop, value, **SETTINGS[value])
    refused(alice, ballot, make_choices(*option_ids(ballot)), match)


@pytest.mark.parametrize(
    "value, make_choices, stored",
    [
        ("dots", lambda a, b, c: {str(a): "3", b: 2, c: 0}, lambda a, b, c: {(a, 3, None), (b, 2, None)}),
        ("approval", lambda a, b, c: [a, str(b)], lambda a, b, c: {(a, 1, None), (b, 1, None)}),
        ("approval", lambda a, b, c: {a: 1, b: 0}, lambda a, b, c: {(a, 1, None)}),
        ("ranking", lambda a, b, c: {a: 2, b: " 1 "}, lambda a, b, c: {(a, 2, 2), (b, 1, 1)}),
        ("scale", lambda a, b, c: {a: 5, b: "1", c: ""}, lambda a, b, c: {(a, 5, None), (b, 1, None)}),
        ("yesno", lambda a, b, c: {a: True, b: False}, lambda a, b, c: {(a, 1, None), (b, 0, None)}),
    ],
)
def test_a_valid_paper_is_stored_as_its_method_reads_it(live_workshop, alice, value, make_choices, stored):
    ballot = make_ballot(live_workshop, value, **SETTINGS[value])
    ids = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices=make_choices(*ids))
    assert set(Allocation.objects.values_list("option_id", "value", "rank")) == stored(*ids)


@pytest.mark.parametrize(
    "body",
    [
        {"choices": None},
        {"choices": "x"},
        {"choices": {"1": [1]}},
        {"choices": [[1]]},
        {"choices": {"abc": {"def": 1}}},
        {"choices": list(range(5000))},
    ],
)
def test_the_api_answers_a_hostile_paper_with_a_json_422(client, live_workshop, alice, join_as, body):
    ballot = make_ballot(live_workshop, "approval", **SETTINGS["approval"])
    join_as(client, alice)
    url = reverse("voting:api_vote", kwargs={"code": live_workshop.join_code, "ballot_pk": ballot.pk})
    response = client.post(url, json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert response.json()
    assert not BallotPaper.objects.exists()


# --- Tallies and bars -----------------------------------------------------------------------------


def test_dots_bars_are_relative_to_the_best_score(live_workshop, alice, participant_factory):
    ballot = make_ballot(live_workshop, "dots", budget=5, max_per_option=4)
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 4, b: 1})
    rows = {row.option.pk: row for row in ballot_tally(ballot=ballot).rows}
    assert [rows[a].fraction, rows[b].fraction, rows[c].fraction] == [1.0, 0.25, 0.0]
    assert rows[a].display == "4"


def test_scale_bars_start_at_the_bottom_of_the_scale_and_show_the_distribution(live_workshop, alice, participant_factory):
    ballot = make_ballot(live_workshop, "scale", scale_min=-2, scale_max=2)
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 2, b: -2})
    tally = ballot_tally(ballot=ballot)
    rows = {row.option.pk: row for row in tally.rows}
    assert [rows[a].fraction, rows[b].fraction, rows[c].fraction] == [1.0, 0.0, 0.0]
    assert rows[a].display == "+2.00" and rows[c].display == "–"
    assert rows[a].detail == "-2: 0 · -1: 0 · 0: 0 · 1: 0 · 2: 1"
    assert tally.ranked_rows[-1].option.pk == c  # unanswered last


def test_a_ranking_is_decided_by_schulze_and_shows_borda_bars(live_workshop, alice, participant_factory):
    ballot = make_ballot(live_workshop, "ranking")
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={b: 1, a: 2})
    tally = ballot_tally(ballot=ballot)
    assert tally.decided_by_schulze and tally.condorcet.pk == b
    assert tally.scores() == {a: 1, b: 2, c: 0}
    assert tally.outcome_scores() == {b: 0, a: -1, c: -2}


def test_yes_no_counts_yes_over_answers(live_workshop, alice, participant_factory):
    ballot = make_ballot(live_workshop, "yesno")
    a, b, c = option_ids(ballot)
    services.vote_cast(participant=alice, ballot_id=ballot.pk, choices={a: 1, b: 0})
    services.vote_cast(participant=participant_factory(workshop=live_workshop), ballot_id=ballot.pk, choices={a: 1})
    rows = {row.option.pk: row for row in ballot_tally(ballot=ballot).rows}
    assert (rows[a].display, rows[b].display, rows[c].display) == ("2 / 2", "0 / 1", "0 / 0")
    assert not ballot.voting_method.shows_detail and method_of("scale").shows_detail


@pytest.mark.parametrize("value", Method.values)
def test_every_methods_card_and_help_render_on_the_vote_page(client, live_workshop, alice, join_as, value):
    make_ballot(live_workshop, value, **SETTINGS[value])
    join_as(client, alice)
    html = client.get(reverse("voting:cast", kwargs={"code": live_workshop.join_code})).content.decode()
    assert 'class="muted vote-rules"' in html and "vote-form" in html
    counter = "data-remaining" in html or "data-picked" in html
    assert counter == method_of(value).has_counter
