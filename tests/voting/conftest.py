import pytest

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
