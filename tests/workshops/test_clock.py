"""A timer never reads as raw seconds: mm:ss under an hour, hours, minutes and seconds above."""

import pytest
from django.template import Context, Template
from django.utils import translation

from workshops.templatetags.clock import clock


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0, "00:00"), (59, "00:59"), (60, "01:00"), (3599, "59:59"), (3600, "1 h 00 min 00 s"), (5399, "1 h 29 min 59 s"), (-5, "00:00")],
)
def test_the_clock_reads_as_a_person_would(seconds, shown):
    with translation.override("en"):
        assert clock(seconds) == shown


def test_the_clock_of_nothing_is_empty():
    assert clock(None) == "" and clock("abc") == ""


@pytest.mark.django_db
def test_the_timer_partial_shows_the_clock_and_gives_the_script_the_same_format(live_workshop):
    phase = live_workshop.phases.first()
    phase.duration_seconds = 5399
    with translation.override("en"):
        html = Template('{% include "workshops/partials/timer.html" %}').render(Context({"phase": phase}))
    assert ">1 h 29 min 59 s</span>" in html and "5399 s" not in html
    assert 'data-remaining="5399"' in html and 'data-hours-format="%(hours)d h %(minutes)02d min %(seconds)02d s"' in html
