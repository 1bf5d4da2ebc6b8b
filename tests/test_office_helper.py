"""The LibreOffice round trip of tests/office.py: what it reads back, and what it refuses."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK
from office import OfficeError, needs_office, package_errors, render, render_all, soffice_missing, visible_slides
from pptx import Presentation
from pptx.util import Inches


def two_page_docx(path: Path, first: str, second: str) -> Path:
    """Return ``path``, a Word document with ``first`` on page 1 and ``second`` on page 2."""
    doc = Document()
    doc.add_paragraph(first).add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph(second)
    doc.save(path)
    return path


def deck_with_hidden_slide(path: Path) -> Path:
    """Return ``path``, a deck of three titled slides of which the second is hidden."""
    prs = Presentation()
    for n in (1, 2, 3):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = f"Slide number {n}"
        box = slide.shapes.add_textbox(Inches(1), Inches(3), Inches(6), Inches(1))
        box.text_frame.text = f"Body of slide {n}"
    prs.slides[1]._element.set("show", "0")
    prs.save(path)
    return path


def test_plain_text_named_docx_is_not_a_document(tmp_path):
    fake = tmp_path / "x.docx"
    fake.write_text("Hello, I am only text.\n", encoding="utf-8")
    assert package_errors(fake) == ["x.docx: not a zip archive, so not a .docx package"]
    with pytest.raises(OfficeError, match="x.docx: not a zip archive"):
        render(fake, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_empty_file_and_wrong_kind_are_named(tmp_path):
    empty = tmp_path / "empty.pptx"
    empty.write_bytes(b"")
    assert package_errors(empty) == ["empty.pptx: file is empty, not a .pptx package"]
    deck = deck_with_hidden_slide(tmp_path / "deck.pptx")
    renamed = tmp_path / "deck.docx"
    shutil.copyfile(deck, renamed)
    errors = package_errors(renamed)
    assert "deck.docx: [Content_Types].xml does not declare a .docx main part" in errors
    assert "deck.docx: main part word/document.xml is missing" in errors
    assert package_errors(deck) == []
    assert visible_slides(deck) == 2


def test_soffice_missing_names_what_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    message = soffice_missing()
    assert message is not None
    assert "LibreOffice (soffice) is not installed" in message
    assert "poppler-utils (pdfinfo, pdftotext, pdftoppm, pdffonts) is not installed" in message


@pytest.mark.office
@needs_office
def test_known_docx_gives_its_text_page_by_page(tmp_path):
    source = two_page_docx(tmp_path / "known.docx", "Alpha paragraph on page one", "Omega paragraph on page two")
    shown = render(source, tmp_path / "out")
    assert shown.pages == 2 and shown.slides is None
    assert "Alpha paragraph on page one" in shown.texts[0] and "Omega" not in shown.texts[0]
    assert "Omega paragraph on page two" in shown.texts[1]
    assert shown.text.count("\f") == 1
    assert shown.pdf.name == "known.pdf" and shown.pdf.read_bytes().startswith(b"%PDF")
    assert [p.name for p in shown.pngs] == ["page-1.png", "page-2.png"]
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in shown.pngs)
    assert shown.fonts
    words = [w.text for w in shown.boxes()[0].words]
    assert words[:3] == ["Alpha", "paragraph", "on"]


@pytest.mark.office
@needs_office
def test_batch_keeps_order_and_same_stems_apart_and_skips_hidden_slides(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = two_page_docx(tmp_path / "a" / "same.docx", "First document", "still first")
    second = two_page_docx(tmp_path / "b" / "same.docx", "Second document", "still second")
    deck = deck_with_hidden_slide(tmp_path / "deck.pptx")
    shown = render_all([first, second, deck], tmp_path / "out")
    assert [s.source for s in shown] == [first, second, deck]
    assert "First document" in shown[0].texts[0] and "Second document" in shown[1].texts[0]
    assert shown[0].pdf != shown[1].pdf
    assert shown[2].pages == shown[2].slides == 2
    assert "Slide number 1" in shown[2].texts[0] and "Slide number 3" in shown[2].texts[1]
    assert "Slide number 2" not in shown[2].text


@pytest.mark.office
@needs_office
def test_a_package_libreoffice_cannot_load_fails(tmp_path):
    good = two_page_docx(tmp_path / "good.docx", "Good", "document")
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(broken, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, b"<w:document not xml" if name == "word/document.xml" else src.read(name))
    assert package_errors(broken) == []
    with pytest.raises(OfficeError, match="broken.docx: LibreOffice did not convert it"):
        render(broken, tmp_path / "out")


@pytest.mark.office
@needs_office
def test_pages_other_than_visible_slides_fail(tmp_path, monkeypatch):
    import office

    deck = deck_with_hidden_slide(tmp_path / "deck.pptx")
    monkeypatch.setattr(office, "visible_slides", lambda path: 3)
    with pytest.raises(OfficeError, match="deck.pptx: the deck has 3 visible slides but the PDF has 2 pages"):
        render(deck, tmp_path / "out")
