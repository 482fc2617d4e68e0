import pytest
from django.conf import settings
from django.utils import translation

from workshops.participation import SESSION_KEY


@pytest.fixture
def as_participant():
    """Make a test client's browser session that of a participant (as the join page does)."""

    def bind(client, participant):
        session = client.session
        session[SESSION_KEY] = {str(participant.workshop_id): participant.pk}
        session.save()
        return client

    return bind


@pytest.fixture(autouse=True)
def default_language():
    """Services raise messages in the active language: a request in English (the `english` fixture)
    leaves English active in this thread, so each test starts from the default (French) again."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
