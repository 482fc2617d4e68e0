import pytest
from django.urls import reverse


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
