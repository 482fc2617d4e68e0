"""`manage.py import_edition <file>`: an edition's JSON document into this instance, whole or not at all."""

import os
import sys

from django.core.management.base import BaseCommand, CommandError

from cahiers.exchange import ImportRefused, load_edition
from cahiers.exchange.document import check_size
from cahiers.exchange.load import max_bytes as default_max_bytes


class Command(BaseCommand):
    help = (
        "Import an edition exported by export_edition (or the cahier's JSON export). The file is checked whole "
        "before anything is written, then written in one transaction: a file refused writes nothing and says why."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the JSON file ('-' for standard input)")
        parser.add_argument(
            "--max-bytes", type=int, default=None,
            help="the largest file read, in bytes (default: the EDITION_IMPORT_MAX_BYTES setting)",
        )

    def handle(self, *args, file, max_bytes, **options):
        limit = max_bytes if max_bytes is not None else default_max_bytes()
        try:
            payload = self._read(file, limit)
            imported = load_edition(payload, limit=limit)
        except ImportRefused as refused:
            raise CommandError("The file was refused, nothing was imported:\n- " + "\n- ".join(refused.messages)) from refused
        edition = imported.edition
        rows = sum(imported.counts.values())
        self.stdout.write(self.style.SUCCESS(f"Edition “{edition.title}” ({edition.slug}) imported: {rows} rows."))
        if imported.unknown_users:
            self.stdout.write(
                "No account here for " + ", ".join(imported.unknown_users) + ": what they wrote is kept, without their name."
            )

    def _read(self, file: str, limit: int) -> bytes:
        try:
            if file == "-":
                return sys.stdin.buffer.read(limit + 1)
            with open(file, "rb") as handle:
                # Refused by its size: a huge file is never read.
                check_size(os.fstat(handle.fileno()).st_size, max_bytes=limit)
                return handle.read(limit + 1)
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from error
