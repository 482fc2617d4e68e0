"""The cahier's PDF (WeasyPrint): a publication, not a printed page. Its text is read back with
pypdf (chapter titles, the seed's headings, the contents' page numbers, running headers) and its
pages rendered to PNG with pypdfium2 (under artifacts/pdf/, for a person to look at)."""

import base64
import re
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone, translation
from pypdf import PdfReader

from cahiers import services
from cahiers.exports import pdf
from cahiers.exports.document import ExportChapter, ExportDocument, ExportSection
from cahiers.models import ExportRun
from demo.seed import questions_numeriques as seed
from demo.seed.load import demo_load

pytestmark = pytest.mark.django_db

ARTIFACTS = Path(settings.BASE_DIR) / "artifacts" / "pdf"
HOSTILE = (
    "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n"
    "[piège](javascript:alert(1)) ![pixel](http://tracker.example/p.png) [lien](https://fing.org)"
)


@pytest.fixture(autouse=True)
def weasyprint_here():
    """Skipped where Pango is missing (said by `make test`), failed on CI where it must be there."""
    from cahiers.exports.formats import ExportUnavailable
    from tests.conftest import require_service

    try:
        pdf._weasyprint()
    except ExportUnavailable as error:
        require_service(False, f"WeasyPrint ({error})")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def _export(cahier, version, callbacks) -> ExportRun:
    with callbacks(execute=True):
        run, created = services.export_request(cahier=cahier, format="pdf", version=version)
    assert created
    run.refresh_from_db()
    assert run.status == ExportRun.Status.DONE, run.error
    return run


def _pages(run) -> list[str]:
    return [page.extract_text() for page in PdfReader(BytesIO(run.file.open("rb").read())).pages]


class Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += attrs


def test_an_edit_with_script_and_handlers_never_reaches_the_pdf(cahier, chapter, section, eve, django_capture_on_commit_callbacks):
    services.section_save(section=section, text=HOSTILE, author=eve, based_on=None)
    doc_html = pdf.document_html(__import__("cahiers.exports.document", fromlist=["x"]).export_document(cahier, "working"))
    markup = Markup()
    markup.feed(doc_html)
    assert "script" not in markup.tags and "img" not in markup.tags
    assert not [name for name, _ in markup.attributes if name.startswith("on")]
    assert [value for name, value in markup.attributes if name == "href" and not value.startswith("#")] == ["https://fing.org"]
    run = _export(cahier, "working", django_capture_on_commit_callbacks)
    content = run.file.open("rb").read()
    assert content.startswith(b"%PDF-") and b"/JavaScript" not in content and b"/JS " not in content
    text = "\n".join(_pages(run))
    assert "POURQUOI CE CAHIER" in text and "piège" in text


def test_the_pdf_fetches_nothing_but_data_uris():
    fetcher = pdf._fetcher(pdf._weasyprint())
    for url in ("http://tracker.example/p.png", "https://fing.org/", "file:///etc/passwd", "ftp://x/y"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain;base64,eA==") is not None


def test_the_cartography_figure_goes_in_as_an_image_never_as_markup():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><script>alert(1)</script>'
        '<image href="http://tracker.example/p.png" width="10" height="10"/>'
        '<text x="10" y="50">POSSÉDER, C\'EST DÉPASSÉ</text></svg>'
    )
    doc = ExportDocument(
        edition="QN", title="Cahier", version="working", date=timezone.now(),
        chapters=(ExportChapter(title="Cartographie", kind="cartography", sections=(ExportSection("Lire la carte", "", "Texte."),), figure=svg),),
    )
    html = pdf.document_html(doc)
    markup = Markup()
    markup.feed(html)
    assert "svg" not in markup.tags and "script" not in markup.tags
    source = next(value for name, value in markup.attributes if name == "src")
    assert base64.b64decode(source.removeprefix("data:image/svg+xml;base64,")).decode() == svg
    content = pdf._weasyprint().HTML(string=html, url_fetcher=pdf._fetcher(pdf._weasyprint())).write_pdf()
    assert b"/JavaScript" not in content
    assert "POSSÉDER" in "\n".join(p.extract_text() for p in PdfReader(BytesIO(content)).pages)


def test_a_chapter_with_a_figure_exports_it(cahier, eve):
    from cahiers.exports.document import export_document
    from cahiers.models import Chapter

    carto = services.chapter_create(cahier=cahier, title="Cartographie des scénarios", kind=Chapter.Kind.CARTOGRAPHY)
    Chapter.objects.filter(pk=carto.pk).update(figure='<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')

    doc = export_document(cahier, "working")

    assert [c.title for c in doc.chapters] == [carto.title] and doc.chapters[0].figure.startswith("<svg")


@pytest.fixture
def demo_cahier(db, django_capture_on_commit_callbacks):
    edition = demo_load(password="pw").workshop.edition
    cahier = getattr(edition, "cahier", None) or services.cahier_create(edition=edition, title="Cahier d'enjeux 2012/2013")
    with django_capture_on_commit_callbacks(execute=True):
        services.draft_request(cahier=cahier)
    return cahier


def _words(text: str) -> str:
    return " ".join(text.split())


def _png(pdf_bytes: bytes, index: int, name: str):
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes)
    image = document[index].render(scale=1).to_pil().convert("RGB")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    image.save(ARTIFACTS / f"{name}.png")
    return image


def test_the_demo_cahier_reads_like_the_seed_publication(demo_cahier, django_capture_on_commit_callbacks):
    # Publishing makes the readers' PDF (its task runs when the publish commits).
    with django_capture_on_commit_callbacks(execute=True):
        services.cahier_publish(cahier=demo_cahier)
    run = ExportRun.objects.get(cahier=demo_cahier, format="pdf", version="published")
    assert run.status == ExportRun.Status.DONE, run.error
    assert run.done == run.total == demo_cahier.chapters.count() + 1
    pages = _pages(run)
    assert len(pages) > 30
    # The cover: the edition, the cahier, the date of publication.
    assert "QUESTIONS NUMÉRIQUES 2012/2013" in pages[0] and "Cahier d'enjeux 2012/2013" in pages[0]
    # The contents list the seven scenarios, each with the page its chapter opens on.
    titles = [s["title"].upper() for s in seed.DEVELOPED_SCENARIOS]
    assert len(titles) == 7 and all(title in pages[1] for title in titles)
    opening = []
    for number, title in enumerate(titles, 1):
        at = next(i for i, text in enumerate(pages) if i > 1 and _words(text).startswith(f"RUPTURE {number} {title}"))
        assert at % 2 == 0  # page at + 1 is odd: a right-hand page
        opening.append(at + 1)
    toc_numbers = [int(n) for n in re.findall(r"^(\d+)$", pages[1], re.M)]
    # As the seed's: the introduction and the map of the scenarios, then the seven ruptures.
    assert toc_numbers[2:9] == opening and toc_numbers[0] < toc_numbers[1] < opening[0]
    # Every chapter has the seed's headings, the timeline among them.
    headings = [s["title"].upper() for s in seed.RUPTURE_CANVAS["sections"]]
    for number, start in enumerate(opening):
        end = opening[number + 1] - 1 if number + 1 < len(opening) else len(pages)
        chapter_text = _words("\n".join(pages[start - 1:end]))
        assert "FRISE CHRONOLOGIQUE" in chapter_text or "TIMELINE" in chapter_text
        missing = [h for h in headings if h not in chapter_text]
        assert not missing, (titles[number], missing)
    # Running headers: the cahier's title on the left pages, the chapter's on the right ones,
    # the page number in the outer margin; none on a chapter's opening page.
    second = opening[0] + 1  # a left-hand page of the first chapter
    assert pages[second - 1].rstrip().endswith(f"CAHIER D'ENJEUX 2012/2013\n{second}")
    assert pages[second].rstrip().endswith(f"{titles[0]}\n{second + 1}")
    assert not pages[opening[0] - 1].rstrip().endswith(f"{titles[0]}\n{opening[0]}")
    # Pictures for a person to look at (artifacts/pdf/), and a check that they are not blank:
    # the cover's dark band, the contents' and a chapter's red accents.
    content = run.file.open("rb").read()
    cover = _png(content, 0, "1-cover")
    assert cover.getpixel((cover.width // 2, int(cover.height * 0.3))) == (0x1D, 0x2A, 0x3A)
    pictures = ((1, "2-contents"), (opening[0] - 1, "3-chapter-opening"), (second - 1, "4-left-page"), (second, "5-right-page"), (toc_numbers[1] - 1, "6-map"))
    for index, name in pictures:
        image = _png(content, index, name)
        colours = image.getcolors(1 << 20)
        assert colours is not None and len(colours) > 20  # text, not an empty page
