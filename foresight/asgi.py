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
# and a room exhausted PostgreSQL's connections (503s) with the WSGI servers' 60 s. Set
# DB_CONN_MAX_AGE explicitly to override, e.g. behind pgbouncer.
os.environ.setdefault("DB_CONN_MAX_AGE", "0")
application = get_asgi_application()
