"""manage.py load_demo: the Questions Numériques 2012/2013 demo, safe to run again; --reset starts it over."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from demo.cahier import demo_cahier_load
from demo.network import base_url
from demo.seed.load import demo_load, demo_reset


class Command(BaseCommand):
    help = (
        "Load the Questions Numériques 2012/2013 demo: canvases, formats, the 19 scenarios, "
        "a facilitator and an editor, a live workshop with its 7 tables, and the edition's cahier drafted by the "
        "worker and published. Running it again changes nothing; --reset deletes what the room did in the demo "
        "workshops and loads them again as they were at the start, and drafts and publishes the cahier again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", default="agora-demo", help="Password of the demo users (default: agora-demo).")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo workshop's live data (participants, post-its, votes…) and load it again from its start.",
        )
        parser.add_argument(
            "--without-cahier",
            action="store_true",
            help="Leave the edition's cahier as it is (not drafted nor published): a quicker reset of the room alone.",
        )
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="HOST:PORT the server will listen on, for the join URL printed (0.0.0.0: this machine's LAN address).",
        )

    def handle(self, *args, password, reset, address, without_cahier, **options):
        try:
            result = (demo_reset if reset else demo_load)(password=password)
            cahier = None if without_cahier else demo_cahier_load(edition=result.workshop.edition, editor=result.editor)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        workshop = result.workshop
        if reset:
            state = "reset to its start"
        else:
            state = "created" if result.workshop_created else "already there, left as it is"
        host, _, port = address.rpartition(":")
        self.stdout.write(self.style.SUCCESS(f"Demo loaded. Workshop “{workshop.title}”: {state}."))
        self.stdout.write(f"Facilitator: login {result.facilitator.username}  password {password}")
        self.stdout.write(f"Editor:      login {result.editor.username}  password {password}")
        self.stdout.write(f"Join code:   {workshop.join_code}")
        url = base_url(host or "127.0.0.1", port or "8000")
        self.stdout.write(f"Join URL:    {url}/w/join/?code={workshop.join_code}")
        if result.promise_workshop is not None:
            promise = result.promise_workshop
            self.stdout.write(f"Promise workshop “{promise.title}” (its restitution shows the report): join code {promise.join_code}")
        if cahier is None:
            return
        state = "drafted by the worker and published" if cahier.drafted else "already there, left as it is"
        self.stdout.write(f"Cahier “{cahier.cahier.title}”: {state}.")
        self.stdout.write(f"Editor cahier: {url}{reverse('cahiers:outline', args=[cahier.cahier.pk])}")
        self.stdout.write(f"Read it:     {url}{reverse('publications:cahier', args=[cahier.cahier.edition.slug])}")
