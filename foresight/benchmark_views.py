"""The ceiling of the room benchmark: what a request costs with no work of the app in it.

`benchmarks/room_production.py` measures these two views in the same run as the room, on the same
server: a do-nothing view (Django's middleware, the session, the server) and a one-INSERT view (that
plus one write to PostgreSQL). Routed only when settings.BENCHMARK_VIEWS is on (foresight/urls.py).
The INSERT goes to `benchmark_ceiling`, a table the benchmark creates in its throw-away database.
"""

from django.db import connection
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt


def nothing(request):
    return HttpResponse(b"ok", content_type="text/plain")


@csrf_exempt
def one_insert(request):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO benchmark_ceiling DEFAULT VALUES")
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("_benchmark/nothing/", nothing, name="benchmark_nothing"),
    path("_benchmark/insert/", one_insert, name="benchmark_insert"),
]
