"""Word minutes from the contract meeting: opened with python-docx and checked for content."""

from __future__ import annotations

import docx
import pytest
from conftest import CONTRACT, ROOT
from docx.oxml.ns import qn

from docgen.jobs import minutes as minutes_job
from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import writer_for
from docgen.minutes import load


def write(model, dest, language=None, template_dirs=()):
    """Write ``model`` with the minutes job's writer for ``dest`` (the job protocol)."""
    return writer_for(minutes_job.WRITERS, dest)(model, RenderContext.resolve(template_dirs, language), dest)


@pytest.fixture(scope="module")
def contract_docx(tmp_path_factory):
    dest = tmp_path_factory.mktemp("m") / "minutes.docx"
    write(load(CONTRACT / "meeting.yaml"), dest)
    return docx.Document(str(dest)), dest


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_title_block_and_headings(contract_docx):
    document, _ = contract_docx
    title = document.paragraphs[0]
    assert title.text == "HRIS Steering Committee n°7"
    assert title.style.name == "Title"
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == ["Document control", "Attendance", "Review of previous actions", "Agenda", "Decisions taken",
                        "Action items", "Other notes", "Links", "Next meeting"]
    items = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert items == ["1. Approval of the previous minutes", "2. Payroll parallel run",
                     "3. Budget and schedule"]
    info = document.tables[0]
    pairs = {row.cells[0].text: row.cells[1].text for row in info.rows}
    assert pairs["Time"] == "14:00–15:30"
    assert pairs["Chair"] == "Claire Martin"
    assert pairs["Minute-taker"] == "Hugo Bernard"
    assert pairs["Date"] == "24 November 2026"


def test_attendance_table(contract_docx):
    document, _ = contract_docx
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Name")
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    assert rows[0] == ["Claire Martin", "Project sponsor, HR Director", "Client", "Present"]
    # Present people first; the handle follows the name, the group the organisation.
    assert rows[2] == ["Sarah Cohen (@scohen)", "Core HR lead", "Integrator / Project team", "Present"]
    assert rows[3][3] == "Remote"
    assert rows[4] == ["Marc Lefèvre", "CFO", "Client", "Excused"]
    # The header row repeats on every page.
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_previous_actions_status_and_overdue(contract_docx):
    document, _ = contract_docx
    table = next(t for t in document.tables if t.rows[0].cells[-1].text == "Comment")
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["A-012"][4] == "Done"
    assert rows["A-012"][5] == "Sent on 2026-11-18, acknowledged."
    # A-014 was due 2026-11-21, the meeting is on 2026-11-24 and it is not done.
    assert rows["A-014"][4] == "In progress – Overdue (3 days)"
    bold = [r.text for p in table.rows[2].cells[1].paragraphs for r in p.runs if r.bold]
    assert bold == ["pilot users"]


def test_action_table_and_decisions(contract_docx):
    document, _ = contract_docx
    action_tables = [t for t in document.tables if t.rows[0].cells[-1].text == "Priority"]
    assert len(action_tables) == 1
    rows = [[c.text for c in r.cells] for r in action_tables[0].rows[1:]]
    assert rows == [
        ["A-019", "Fix overtime rules for part-time contracts and re-test", "Inès Dupont",
         "5 Dec 2026", "Open", "High"],
        ["A-020", "Publish the second parallel-run calendar", "Hugo Bernard", "28 Nov 2026",
         "Open", ""],
    ]
    decisions = next(t for t in document.tables if t.rows[0].cells[1].text == "Decision")
    assert [r.cells[0].text for r in decisions.rows[1:]] == ["D-021", "D-022"]
    assert "Next meeting" in all_text(document)
    assert "15 December 2026, 14:00–15:30, Paris HQ, room 4.02 and Teams" in all_text(document)


def test_markdown_formatting_kept(contract_docx):
    document, _ = contract_docx
    paragraphs = document.paragraphs
    para = next(p for p in paragraphs if p.text.startswith("The first parallel run"))
    assert [r.text for r in para.runs if r.bold] == ["October payroll"]
    numbered = [p for p in paragraphs if p.text.startswith(("Overtime rules for part", "Rounding"))]
    assert len(numbered) == 2
    for p in numbered:
        assert p.style.name == "List Paragraph"
        assert p._p.pPr.numPr is not None
    italic = [r.text for p in paragraphs for r in p.runs if r.italic]
    assert "5 January 2027" in italic
    link_para = next(p for p in paragraphs if p.text.startswith("See the"))
    links = link_para._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    rid = links[0].get(qn("r:id"))
    assert document.part.rels[rid].target_ref == "https://example.com/gap-report"
    assert document.part.rels[rid].is_external


def test_numbered_lists_restart(tmp_path):
    from docgen.model.meeting import Minutes

    data = {"meeting": {"title": "T", "date": "2026-01-05"}, "attendees": [{"name": "A"}],
            "agenda": [{"title": "One", "notes": "1. a\n2. b\n"},
                       {"title": "Two", "notes": "1. c\n2. d\n"}]}
    dest = write(Minutes.model_validate(data), tmp_path / "m.docx")
    document = docx.Document(str(dest))
    ids = {p.text: p._p.pPr.numPr.numId.val for p in document.paragraphs if p._p.pPr is not None
           and p._p.pPr.numPr is not None}
    assert ids["a"] == ids["b"]
    assert ids["c"] != ids["a"], "second list must use its own numbering instance (restart)"
    numbering = document.part.numbering_part.element
    overrides = numbering.findall(f".//{qn('w:startOverride')}")
    assert len(overrides) >= 2


def test_header_footer_and_page_numbers(contract_docx):
    document, _ = contract_docx
    section = document.sections[0]
    header_cells = [c.text for t in section.header.tables for c in t.rows[0].cells]
    assert header_cells == ["HRIS Steering Committee n°7", "24 November 2026"]
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "HRIS Core HR &amp; Payroll Deployment" in footer_xml


def test_french_labels_and_dates(tmp_path):
    dest = tmp_path / "cr.docx"
    write(load(ROOT / "samples" / "comite-pilotage.yaml"), dest)
    document = docx.Document(str(dest))
    text = all_text(document)
    for expected in ("Ordre du jour", "Participants", "Décisions prises", "Prochaine réunion",
                     "24 novembre 2026", "15 décembre 2026", "À distance", "Excusé"):
        assert expected in text, expected


def test_lang_option_overrides_meeting_language(tmp_path):
    dest = tmp_path / "fr.docx"
    write(load(CONTRACT / "meeting.yaml"), dest, language="fr")
    text = all_text(docx.Document(str(dest)))
    assert "Ordre du jour" in text and "24 novembre 2026" in text


def test_same_input_same_bytes(tmp_path):
    minutes = load(CONTRACT / "meeting.yaml")
    first = write(minutes, tmp_path / "a.docx").read_bytes()
    second = write(load(CONTRACT / "meeting.yaml"), tmp_path / "b.docx").read_bytes()
    assert first == second


def test_control_characters_do_not_break_the_writer(tmp_path):
    from docgen.model.meeting import Minutes

    data = {"meeting": {"title": "Bell\x07 and form\x0cfeed", "date": "2026-01-05"},
            "attendees": [{"name": "A\x00B"}], "agenda": [{"title": "x", "notes": "tab\there \x1b[0m"}]}
    dest = write(Minutes.model_validate(data), tmp_path / "c.docx")
    document = docx.Document(str(dest))
    assert document.paragraphs[0].text == "Bell and formfeed"


def test_table_header_colour_follows_the_reference_table_style(tmp_path):
    import zipfile

    from docgen.ooxml.package import read_parts, write_package
    from docgen.template_path import builtin_dir

    parts = read_parts(builtin_dir() / "minutes.docx")
    parts["word/styles.xml"] = parts["word/styles.xml"].replace(
        b'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr>'
        b'<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>',
        b'<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr>'
        b'<w:shd w:val="clear" w:color="auto" w:fill="7B1E3A"/>')
    folder = tmp_path / "pmo"
    write_package(parts, folder / "minutes.docx")
    dest = write(load(CONTRACT / "meeting.yaml"), tmp_path / "m.docx", template_dirs=(folder,))
    document_xml = zipfile.ZipFile(dest).read("word/document.xml").decode()
    assert 'w:fill="7B1E3A"' in document_xml and 'w:fill="1F3864"' not in document_xml
