import pytest
from django.urls import reverse

from workshops.participation import SESSION_KEY


@pytest.fixture
def join_as():
    """Bind a test client's session to a participant, as the join form does."""

    def bind(client, participant):
        session = client.session
        joined = dict(session.get(SESSION_KEY, {}))
        joined[str(participant.workshop_id)] = participant.pk
        session[SESSION_KEY] = joined
        session.save()
        return client

    return bind


@pytest.fixture
def urls(live_workshop):
    code = live_workshop.join_code

    class Urls:
        canvas = reverse("workshops:canvas", args=[code])
        live = reverse("workshops:canvas_live", args=[code])
        post = reverse("workshops:post", args=[code])
        scribe = reverse("workshops:scribe", args=[code])

        @staticmethod
        def plus_one(contribution):
            return reverse("workshops:plus_one", args=[code, contribution.pk])

    return Urls
