"""manage.py serve_room: Django's threaded development server, as `make demo` runs it for a room of laptops.

Bound to every interface (`make demo HOST=0.0.0.0`), it finds this machine's address on the local
network (demo/network.py), lets requests for it in (ALLOWED_HOSTS) and makes it the join address
(JOIN_BASE_URL: the QR code and the join URL of the control room and the projector), so the laptops
in the room can reach the workshop.
"""

import re

from django.conf import settings
from django.core.management.commands.runserver import naiveip_re
from django.core.servers.basehttp import WSGIServer
from whitenoise.runserver_nostatic.management.commands.runserver import Command as RunserverCommand

from demo.network import WILDCARDS, base_url, reachable_host


class RoomWSGIServer(WSGIServer):
    # Django's server keeps 10 connections waiting to be accepted. 100 laptops polling every 2 s
    # overflow that queue: the kernel drops their connections (the browser retries after 1 s, then
    # 3 s) and now and then resets one, which a post-it's request does not survive. The kernel caps
    # this at net.core.somaxconn (4096 on current Linux).
    request_queue_size = 256


def room_address(addrport: str | None) -> tuple[str, str] | None:
    """(host, port) of a server bound to every interface, else None."""
    match = re.match(naiveip_re, addrport or "")
    if not match:
        return None
    host = match["addr"]
    if host not in WILDCARDS:
        return None
    return host, match["port"]


def open_to_the_room(host: str, port: str) -> str:
    """Let the room's laptops in: allow this machine's LAN address, make it the join address."""
    lan = reachable_host(host)
    if lan not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, lan]
    if not settings.JOIN_BASE_URL:
        settings.JOIN_BASE_URL = base_url(host, port)
    return settings.JOIN_BASE_URL


class Command(RunserverCommand):
    help = (
        "runserver, with a connection queue long enough for a room of 100 laptops (what `make demo` serves); "
        "bound to 0.0.0.0, the QR code and join URL give this machine's address on the local network."
    )
    server_cls = RoomWSGIServer
    room_url = None

    def handle(self, *args, **options):
        room = room_address(options.get("addrport"))
        if room is not None:
            self.room_url = open_to_the_room(*room)
        super().handle(*args, **options)

    def inner_run(self, *args, **options):
        if self.room_url:
            self.stdout.write(self.style.SUCCESS(f"Laptops on this network join at {self.room_url}/w/join/"))
        super().inner_run(*args, **options)
