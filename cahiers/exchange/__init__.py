"""An edition as one JSON document, and back: export.py writes it, load.py reads it into an empty
instance (or one without that edition), schema.py says what it holds, document.py checks a file
before anything is written."""

from .document import ImportRefused
from .export import export_edition, export_edition_bytes
from .load import Imported, import_edition, load_edition
from .schema import FORMAT, VERSION

__all__ = [
    "FORMAT",
    "VERSION",
    "ImportRefused",
    "Imported",
    "export_edition",
    "export_edition_bytes",
    "import_edition",
    "load_edition",
]
