import pytest
from django.core.exceptions import ValidationError

from workshops import services
from workshops.models import Contribution, PlusOne

pytestmark = pytest.mark.django_db


def test_a_participant_posts_into_a_section_of_the_open_phase(live_workshop, participant_factory):
    alice = participant_factory(workshop=live_workshop)
    section = live_workshop.phases.first().canvas.sections.first()
    version = live_workshop.version

    postit = services.contribution_post(participant=alice, section_id=section.pk, text="  Les jeunes ne passent plus le permis  ")

    assert postit.text == "Les jeunes ne passent plus le permis"
    assert postit.table == alice.table
    live_workshop.refresh_from_db()
    assert live_workshop.version > version


@pytest.mark.parametrize("text", ["", "   ", "x" * 501])
def test_an_empty_or_over_long_postit_is_refused(live_workshop, participant_factory, text):
    alice = participant_factory(workshop=live_workshop)
    section = live_workshop.phases.first().canvas.sections.first()
    with pytest.raises(ValidationError):
        services.contribution_post(participant=alice, section_id=section.pk, text=text)
    assert Contribution.objects.count() == 0


def test_a_second_plus_one_by_the_same_participant_is_refused(live_workshop, participant_factory, contribution_factory):
    author = participant_factory(workshop=live_workshop)
    fan = participant_factory(workshop=live_workshop)
    postit = contribution_factory(participant=author)

    services.contribution_plus_one(participant=fan, contribution_id=postit.pk)
    with pytest.raises(ValidationError, match="déjà"):
        services.contribution_plus_one(participant=fan, contribution_id=postit.pk)

    postit.refresh_from_db()
    assert postit.plus_ones == 1
    assert PlusOne.objects.count() == 1
