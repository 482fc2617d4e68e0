"""`manage.py export_edition <slug> [-o file]`: an edition as one JSON document (cahiers.exchange)."""

import sys

from django.core.management.base import BaseCommand, CommandError

from cahiers.exchange import export_edition_bytes
from core.models import Edition


class Command(BaseCommand):
    help = (
        "Write an edition and everything that belongs to it (formats and canvases it uses, scenarios, workshops, "
        "post-its, votes, promises, the cahier with every revision) as one JSON document, which import_edition reads back."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the edition's slug")
        parser.add_argument("-o", "--output", help="the file to write (default: standard output)")

    def handle(self, *args, slug, output, **options):
        edition = Edition.objects.filter(slug=slug).first()
        if edition is None:
            known = ", ".join(Edition.objects.order_by("slug").values_list("slug", flat=True)) or "none"
            raise CommandError(f"No edition with the slug {slug!r} (editions here: {known}).")
        payload = export_edition_bytes(edition)
        if output in (None, "-"):
            sys.stdout.buffer.write(payload)
            sys.stdout.buffer.flush()
            return
        try:
            with open(output, "wb") as file:
                file.write(payload)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        self.stderr.write(f"Edition “{edition.title}” written to {output} ({len(payload)} bytes).")
