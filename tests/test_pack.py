"""The committee pack: contents page, parts in order, bookmarks, two slides per page, "Page X of Y"."""

from __future__ import annotations

import io
import re

import pytest
from conftest import ROOT
from office import needs_office
from pypdf import PdfReader, PdfWriter

from docgen.renderers.pack_pdf import A4, Cover, Part, assemble
from docgen.renderers.pdf_text import Text, drawn_page

SAMPLES = ROOT / "samples"
MEETING = SAMPLES / "series" / "weekly-2026-11-24.yaml"
FULL = [MEETING, "--status", SAMPLES / "status.yaml", "--checklist", SAMPLES / "payroll-interface-spec.yaml",
        "--assessment", SAMPLES / "payroll-interface-assessment.yaml",
        "--previous-minutes", SAMPLES / "series" / "weekly-2026-11-17.yaml"]


def pdf_of(texts: list[str], size: tuple[float, float] = A4) -> bytes:
    """Return a PDF with one page per text, the text written on it."""
    writer = PdfWriter()
    for text in texts:
        writer.add_page(drawn_page(size[0], size[1], [Text(72, size[1] / 2, text, 14)]))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def parts() -> list[Part]:
    slide = (793.7, 446.5)  # LibreOffice's 16:9 slide, in points
    return [Part("Agenda", pdf_of(["agenda-one", "agenda-two"]), "24 November 2026"),
            Part("Project status", pdf_of([f"slide-{n}" for n in range(1, 6)], slide), slides=True),
            Part("Checklist summary", pdf_of(["summary-one"]))]


COVER = Cover("Committee pack", "Steering committee", ["24 November 2026 · 09:30–10:30", "Room 4"])


def outline(reader: PdfReader) -> list[tuple[str, int]]:
    return [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]


def test_parts_are_in_order_behind_a_contents_page_with_bookmarks():
    reader = PdfReader(io.BytesIO(assemble(parts(), COVER)))
    # 1 contents page + 2 agenda pages + 5 slides two per page (3) + 1 summary page
    assert len(reader.pages) == 7
    assert outline(reader) == [("Agenda", 1), ("Project status", 3), ("Checklist summary", 6)]
    texts = [page.extract_text() for page in reader.pages]
    assert "agenda-one" in texts[1] and "agenda-two" in texts[2]
    assert "summary-one" in texts[6]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_the_contents_page_lists_each_part_with_its_page_and_links_to_it():
    reader = PdfReader(io.BytesIO(assemble(parts(), COVER)))
    contents = reader.pages[0].extract_text()
    assert contents.index("Steering committee") < contents.index("Contents")
    assert "Room 4" in contents and "24 November 2026" in contents
    entries = re.findall(r"(\d)\.\s+([A-Za-z ]+?)\s*[. ]*\s(\d+)\s*$", contents, re.M)
    assert [(title.strip(), int(page)) for _, title, page in entries] == [
        ("Agenda", 2), ("Project status", 4), ("Checklist summary", 7)]
    targets = []
    for annot in reader.pages[0]["/Annots"]:
        link = annot.get_object()
        assert link["/Subtype"] == "/Link"
        targets.append(reader.get_page_number(link["/Dest"][0].get_object()))
    assert targets == [1, 3, 6]  # page indexes: the pages the bookmarks open


def test_every_page_says_page_x_of_y():
    reader = PdfReader(io.BytesIO(assemble(parts(), COVER)))
    for number, page in enumerate(reader.pages, start=1):
        assert re.findall(r"Page \d+ of \d+", page.extract_text()) == [f"Page {number} of 7"]


def test_slides_are_two_per_portrait_page_and_a_last_odd_slide_alone():
    reader = PdfReader(io.BytesIO(assemble(parts(), COVER)))
    for index in (3, 4, 5):
        box = reader.pages[index].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    texts = [reader.pages[i].extract_text() for i in (3, 4, 5)]
    assert "slide-1" in texts[0] and "slide-2" in texts[0]
    assert "slide-3" in texts[1] and "slide-4" in texts[1]
    assert "slide-5" in texts[2] and "slide-6" not in texts[2]
    # the first slide above the second
    first = texts[0].index("slide-1")
    assert first < texts[0].index("slide-2")


def test_the_words_are_the_meeting_language():
    cover = Cover("Dossier de séance", "Comité de pilotage", [], "Sommaire", "Page", "sur")
    reader = PdfReader(io.BytesIO(assemble(parts()[:1], cover)))
    assert "Page 2 sur 3" in reader.pages[1].extract_text()
    contents = reader.pages[0].extract_text()
    assert "Sommaire" in contents and "DOSSIER DE SÉANCE" in contents


def test_same_parts_same_bytes():
    assert assemble(parts(), COVER) == assemble(parts(), COVER)


def test_an_assessment_without_its_specification_is_refused(invoke, tmp_path):
    result = invoke("pack", MEETING, "--assessment", SAMPLES / "payroll-interface-assessment.yaml",
                    "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --assessment: give the specification it assesses with --checklist"
    assert list(tmp_path.iterdir()) == []


def test_a_bad_part_is_reported_and_nothing_written(invoke, tmp_path, monkeypatch):
    from docgen import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    result = invoke("pack", MEETING, "--status", SAMPLES / "steering-committee.yaml", "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2
    assert "steering-committee.yaml: project: required key is missing" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_output_format_names_the_one_there_is(invoke, tmp_path):
    result = invoke("pack", MEETING, "-o", tmp_path / "p.pptx")
    assert result.exit_code == 2
    assert "unknown output format '.pptx'" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_libreoffice_the_pack_says_how_to_install_it(invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    result = invoke("pack", MEETING, "-o", tmp_path / "p.pdf")
    assert result.exit_code == 2
    assert "LibreOffice is needed for PDF output" in result.stderr
    assert not (tmp_path / "p.pdf").exists()


@pytest.mark.office
@needs_office
def test_the_pack_of_the_samples(invoke, tmp_path):
    dest = tmp_path / "pack.pdf"
    result = invoke("pack", *FULL, "-o", dest)
    assert result.exit_code == 0, result.output + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.pdf"]  # no Office file beside it
    reader = PdfReader(dest)
    marks = outline(reader)
    assert [title for title, _ in marks] == ["Agenda", "Minutes of the previous meeting", "Project status",
                                             "Compliance checklist summary"]
    starts = [page for _, page in marks]
    assert starts[0] == 1 and starts == sorted(starts) and starts[-1] < len(reader.pages)
    texts = [page.extract_text() for page in reader.pages]
    assert "week 48" in texts[starts[0]] and "Agenda" in texts[starts[0]]
    assert "week 47" in texts[starts[1]] and "Minutes" in texts[starts[1]]
    assert "HRIS Core HR" in texts[starts[2]]
    assert "Summary" in texts[starts[3]]
    # the checklist summary only: no requirement table of the full checklist
    assert not any("REQ-PAY" in text for text in texts[starts[3]:])
    total = len(reader.pages)
    for number, text in enumerate(texts, start=1):
        # the pack's number only: the parts' own footers are gone
        assert re.findall(r"Page \d+ of \d+", text) == [f"Page {number} of {total}"], number
    contents = texts[0]
    for (title, start) in marks:
        assert re.search(rf"{re.escape(title)}\s*[. ]*\s{start + 1}\b", contents), title
    for page in reader.pages[starts[2]:starts[3]]:  # the deck: portrait pages of two slides
        assert float(page.mediabox.height) > float(page.mediabox.width)


@pytest.mark.office
@needs_office
def test_the_pack_of_one_meeting_alone_is_its_agenda(invoke, tmp_path):
    result = invoke("pack", SAMPLES / "steering-committee.yaml", "--no-previous", "-o", tmp_path / "p.pdf")
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(tmp_path / "p.pdf")
    assert [title for title, _ in outline(reader)] == ["Agenda"]
    assert "Steering" in reader.pages[1].extract_text()


def test_the_word_pack_holds_every_part_after_a_contents_list(invoke, tmp_path):
    import zipfile

    from docx import Document

    dest = tmp_path / "pack.docx"
    result = invoke("pack", *FULL, "-o", dest)
    assert result.exit_code == 0, result.stderr
    doc = Document(str(dest))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["Committee pack", "HRIS weekly project meeting – week 48"]
    entries = [t for t in texts[:texts.index("Contents") + 5] if re.match(r"\d\.\s", t)]
    assert [e.split("\t")[0] for e in entries] == ["1.  Agenda", "2.  Minutes of the previous meeting",
                                                   "3.  Project status", "4.  Compliance checklist summary"]
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert titles == ["HRIS weekly project meeting – week 48", "HRIS weekly project meeting – week 48",
                      "HRIS weekly project meeting – week 47", "HRIS Core HR & Payroll Deployment (HRIS-26)",
                      "Payroll Interface Specification"]
    with zipfile.ZipFile(dest) as package:
        body = package.read("word/document.xml").decode()
        settings = package.read("word/settings.xml").decode()
    marks = re.findall(r'<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/>', body)
    assert marks == [f"_pack_part_{n}" for n in range(1, 5)]
    assert re.findall(r"PAGEREF (\S+) \\h", body) == marks
    assert re.findall(r'<w:hyperlink w:anchor="([^"]+)"', body)[:4] == marks
    assert body.count("<w:pageBreakBefore/>") == 4
    assert '<w:updateFields w:val="true"/>' in settings
    assert "REQ-PAY-0" not in body  # the checklist summary, not the whole checklist
    assert invoke("pack", *FULL, "-o", tmp_path / "again.docx").exit_code == 0
    assert (tmp_path / "again.docx").read_bytes() == dest.read_bytes()


@pytest.mark.office
@needs_office
def test_libreoffice_numbers_the_word_pack_contents_with_the_parts_pages(invoke, tmp_path):
    import subprocess

    dest = tmp_path / "pack.docx"
    assert invoke("pack", *FULL, "-o", dest).exit_code == 0
    out = tmp_path / "pdf"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(dest)],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(out / "pack.pdf")
    texts = [page.extract_text() for page in reader.pages]
    pages = [int(n) for n in re.findall(r"\.{5,}\s*(\d+)", texts[0])]
    assert len(pages) == 4
    starts = {"week 48": pages[0], "week 47": pages[1], "HRIS Core HR": pages[2],
              "Payroll Interface Specification": pages[3]}
    for words, page in starts.items():
        assert words in texts[page - 1].split("\n", 1)[-1][:120], (words, page)  # under the running header
    total = len(reader.pages)
    assert all(f"Page {n} of {total}" in text for n, text in enumerate(texts, start=1))


def test_long_and_foreign_text_is_fitted_to_the_contents_page():
    title = "Steering committee of the programme " * 12
    cover = Cover("Committee pack", title, ["Teams: https://teams.example.com/l/meetup-join/" + "x" * 200],
                  "Contents")
    part = Part("Agenda", pdf_of(["one"]), "Łódź Ελλάδα " * 20)
    reader = PdfReader(io.BytesIO(assemble([part], cover)))
    text = reader.pages[0].extract_text().split("\n")
    title_lines = [line for line in text if line.startswith("Steering") or line.startswith("of the")]
    assert 1 <= len(title_lines) <= 3 and title_lines[-1].endswith("...")
    assert any(line.startswith("Teams: https://") and line.endswith("...") for line in text)
    detail = next(line for line in text if line.startswith("?ód?"))  # Ł and ź are not in WinAnsi: "?"
    assert detail.endswith("...")


def test_the_pack_bytes_are_the_same_in_another_process():
    import subprocess
    import sys

    script = ("import io, sys; sys.path.insert(0, 'tests'); from test_pack import parts, COVER; "
              "from docgen.renderers.pack_pdf import assemble; sys.stdout.buffer.write(assemble(parts(), COVER))")
    runs = [subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, check=True,
                           timeout=120).stdout for _ in range(2)]
    assert runs[0] == runs[1] == assemble(parts(), COVER)


def test_pdf_strings_are_escaped():
    from docgen.renderers.pdf_text import literal

    slash = bytes([92])  # a backslash
    assert literal("a) Tj (b" + chr(92)) == b"(a" + slash + b") Tj " + slash + b"(b" + slash * 2 + b")"
    assert literal("e\u0301t\u00e9") == b"(\xe9t\xe9)"  # composed first: one WinAnsi byte each


def test_a_rotated_page_is_stamped_upright():
    from pypdf.generic import NameObject, NumberObject

    writer = PdfWriter()
    writer.add_page(drawn_page(595.28, 841.89, [Text(72, 400, "turned", 14)]))
    writer.pages[0][NameObject("/Rotate")] = NumberObject(90)
    out = io.BytesIO()
    writer.write(out)
    reader = PdfReader(io.BytesIO(assemble([Part("Annex", out.getvalue())], COVER)))
    page = reader.pages[1]
    assert page.rotation == 0 and float(page.mediabox.width) > float(page.mediabox.height)  # landscape, upright
    assert "Page 2 of 2" in page.extract_text() and "turned" in page.extract_text()
