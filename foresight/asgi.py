"""The ASGI entry point: uvicorn serves it for the board streams (workshops.views.stream).

    uvicorn foresight.asgi:application --host 0.0.0.0 --port 8001

Every page works through it too (Django runs the synchronous views in threads), so one uvicorn
can serve a whole room; the WSGI entry point (foresight.wsgi, gunicorn) stays for the pages.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foresight.settings.base")
application = get_asgi_application()
