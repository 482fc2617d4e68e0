"""The site's URLs plus views that fail on purpose, to test the 500 and 503 answers (override ROOT_URLCONF)."""

from django.db import OperationalError
from django.urls import path

from foresight.urls import handler400, handler403, handler404, handler500, urlpatterns  # noqa: F401


def boom(request):
    raise RuntimeError("a bug of ours")


def database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


urlpatterns = [
    path("boom/", boom),
    path("api/boom/", boom),
    path("database-gone/", database_gone),
    *urlpatterns,
]
