"""The cahier's exports: what a cahier reads as (`document.py`), the formats that render it
(`formats.py`, one entry per format: `markdown_export.py`, `pdf.py`), run by the worker's task
`cahiers.tasks.export_cahier` through the services' `export_*`."""
