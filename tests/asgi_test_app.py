"""The ASGI application as a browser test's uvicorn serves it: static files from the finders, as
pytest-django's live server serves them (no collectstatic in a test run)."""

from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler

from foresight.asgi import application as django_application

application = ASGIStaticFilesHandler(django_application)
