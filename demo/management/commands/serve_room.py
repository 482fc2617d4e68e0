"""manage.py serve_room: Django's threaded development server, as `make demo` runs it for a room of laptops."""

from django.core.servers.basehttp import WSGIServer
from whitenoise.runserver_nostatic.management.commands.runserver import Command as RunserverCommand


class RoomWSGIServer(WSGIServer):
    # Django's server keeps 10 connections waiting to be accepted. 100 laptops polling every 2 s
    # overflow that queue: the kernel drops their connections (the browser retries after 1 s, then
    # 3 s) and now and then resets one, which a post-it's request does not survive. The kernel caps
    # this at net.core.somaxconn (4096 on current Linux).
    request_queue_size = 256


class Command(RunserverCommand):
    help = "runserver, with a connection queue long enough for a room of 100 laptops (what `make demo` serves)."
    server_cls = RoomWSGIServer
