"""The ASGI entry point: uvicorn serves it for the board streams (workshops.views.stream).

    uvicorn foresight.asgi:application --host 0.0.0.0 --port 8001

Every page works through it too (Django runs the synchronous views in threads), so one uvicorn
can serve a whole room; the WSGI entry point (foresight.wsgi, gunicorn) stays for the pages.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foresight.settings.base")
# No persistent database connections under ASGI (Django's advice): the synchronous views and the
# streams' queries run in threads that come and go, each holding its own connection until it dies,
# and a room exhausted PostgreSQL's connections (503s) with the WSGI servers' 60 s. A pool of 8
# per process instead (PostgreSQL only; settings.DB_POOL_SIZE): a request borrows one and gives it
# back, at no connection's cost. Set DB_POOL_SIZE=0 and DB_CONN_MAX_AGE to override, e.g. behind pgbouncer.
os.environ.setdefault("DB_CONN_MAX_AGE", "0")
os.environ.setdefault("DB_POOL_SIZE", "8")
application = get_asgi_application()
