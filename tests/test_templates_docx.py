"""docxtpl-style Word templates: filled from the minutes context, in the sandbox, with clear errors."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from conftest import CONTRACT, ROOT

MEETING = CONTRACT / "meeting.yaml"
ONEPAGE = ROOT / "samples" / "pmo-templates" / "minutes-onepage.docx"


def make_template(path: Path, *paragraphs: str, cell: str | None = None) -> Path:
    """Write a .docx holding ``paragraphs`` (and one table cell) to ``path``; return it."""
    doc = docx.Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    if cell is not None:
        doc.add_table(rows=1, cols=1).cell(0, 0).text = cell
    doc.save(str(path))
    return path


def run_minutes(invoke, template: Path, out: Path, *extra: str):
    return invoke("minutes", MEETING, "--template", template, "-o", out, *extra)


def test_onepage_sample_fills_in_the_actions_table(invoke, tmp_path):
    out = tmp_path / "onepage.docx"
    result = run_minutes(invoke, ONEPAGE, out)
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "HRIS Steering Committee n°7"
    assert texts[1] == "Minutes · 24 November 2026 · 14:00–15:30 · Paris HQ, room 4.02 and Teams"
    assert "Present: Claire Martin, Hugo Bernard, Inès Dupont, Sarah Cohen" in texts
    assert any(t.startswith("D-021") and "second parallel run" in t for t in texts)
    assert not any("{%" in t or "{{" in t for t in texts)
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["ID", "Action", "Owner", "Due", "Status"]
    assert rows[1][:4] == ["A-019", "Fix overtime rules for part-time contracts and re-test",
                           "Inès Dupont", "5 Dec 2026"]
    assert rows[2][0] == "A-020"
    assert len(rows) == 3  # header + one row per new action, loop rows removed
    status_xml = doc.tables[0].rows[1].cells[4]._tc.xml
    assert 'w:fill="DDEBF7"' in status_xml  # open action shaded by {% cellbg status_colour(a) %}
    assert any(t.startswith("Next meeting: 15 December 2026") for t in texts)
    assert doc.core_properties.title == "HRIS Steering Committee n°7"


def test_french_dates_and_labels_in_a_template(invoke, tmp_path):
    out = tmp_path / "fr.docx"
    result = run_minutes(invoke, ONEPAGE, out, "--lang", "fr")
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[1].startswith("Compte rendu · 24 novembre 2026")


def test_markdown_free_text_becomes_rich_text(invoke, tmp_path):
    template = make_template(tmp_path / "t.docx", "{{r rich(previous_actions[1].text) }}")
    out = tmp_path / "out.docx"
    assert run_minutes(invoke, template, out).exit_code == 0
    paragraph = docx.Document(str(out)).paragraphs[0]
    assert paragraph.text == "Confirm the number of pilot users for the parallel run"
    assert [r.text for r in paragraph.runs if r.bold] == ["pilot users"]


def test_a_tag_split_across_runs_still_works(invoke, tmp_path):
    doc = docx.Document()
    paragraph = doc.add_paragraph()
    for piece in ["{{ meet", "ing.ti", "tle }}", " on {{ date(meeting", ".date) }}"]:
        paragraph.add_run(piece).bold = piece.startswith("ing")
    cell = doc.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0]
    cell.add_run("{{ L['minutes.")
    cell.add_run("agenda'] }}")
    doc.save(str(tmp_path / "split.docx"))
    out = tmp_path / "out.docx"
    result = run_minutes(invoke, tmp_path / "split.docx", out)
    assert result.exit_code == 0, result.output
    filled = docx.Document(str(out))
    assert filled.paragraphs[0].text == "HRIS Steering Committee n°7 on 24 November 2026"
    assert filled.tables[0].cell(0, 0).text == "Agenda"


def test_escaping_keeps_the_xml_valid(invoke, tmp_path):
    source = tmp_path / "m.yaml"
    source.write_text(MEETING.read_text(encoding="utf-8").replace(
        "HRIS Steering Committee n°7", "R&D <steering> n°7", 1), encoding="utf-8")
    template = make_template(tmp_path / "t.docx", "{{ meeting.title }}")
    out = tmp_path / "out.docx"
    result = invoke("minutes", source, "--template", template, "-o", out)
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).paragraphs[0].text == "R&D <steering> n°7"


def test_output_is_reproducible(invoke, tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert run_minutes(invoke, ONEPAGE, first).exit_code == 0
    assert run_minutes(invoke, ONEPAGE, second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        assert zf.namelist()[0] == "[Content_Types].xml"
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
        assert b"2026-11-24T00:00:00Z" in zf.read("docProps/core.xml")


def test_template_found_by_name_on_the_search_path(invoke, tmp_path):
    folder = tmp_path / "pmo"
    folder.mkdir()
    make_template(folder / "short.docx", "{{ meeting.chair }}")
    out = tmp_path / "out.docx"
    result = invoke("minutes", MEETING, "--templates", folder, "--template", "short.docx", "-o", out)
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).paragraphs[0].text == "Claire Martin"


def test_text_outputs_ignore_the_word_template(invoke, tmp_path):
    result = invoke("minutes", MEETING, "--template", ONEPAGE, "-o", tmp_path / "m.md")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "m.md").read_text(encoding="utf-8").startswith("# HRIS Steering Committee n°7")


@pytest.mark.parametrize(("text", "expected"), [
    ("{{ ''.__class__.__mro__ }}", "refused by the template sandbox"),
    ("{{ cycler.__init__.__globals__ }}", "refused by the template sandbox"),
    ("{{ meeting.__class__.__init__.__globals__['os'] }}", "refused by the template sandbox"),
    ("{{ L._data }}", "refused by the template sandbox"),
    ("Hello {{ meetingg.title }}", "undefined variable in paragraph \"Hello {{ meetingg.title }}\": "
                                   "'meetingg' is undefined"),
    ("{{ meeting.titel }}", "has no attribute 'titel'"),
    ("{% for a in actions %}{{ a.id }", "template syntax error in paragraph"),
    ("{% for a in actions %}{{ a.id }}", "Jinja was looking for the following tags: 'endfor'"),
])
def test_bad_templates_are_refused_and_nothing_is_written(invoke, tmp_path, text, expected):
    template = make_template(tmp_path / "bad.docx", "Intro", text)
    out = tmp_path / "out.docx"
    result = run_minutes(invoke, template, out)
    assert result.exit_code == 2
    assert "bad.docx" in result.output and expected in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_error_in_a_table_cell_names_the_cell(invoke, tmp_path):
    template = make_template(tmp_path / "bad.docx", "Intro", cell="Owner: {{ a.owner }}")
    result = run_minutes(invoke, template, tmp_path / "out.docx")
    assert result.exit_code == 2
    assert 'undefined variable in table cell "Owner: {{ a.owner }}"' in result.output


def test_existing_output_untouched_on_error(invoke, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous")
    template = make_template(tmp_path / "bad.docx", "{{ nope }}")
    assert run_minutes(invoke, template, out).exit_code == 2
    assert out.read_bytes() == b"previous"


def test_invalid_template_files_are_refused(invoke, tmp_path):
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 this is not a zip")
    macro = tmp_path / "macro.docm"
    macro.write_bytes(ONEPAGE.read_bytes())
    with_vba = tmp_path / "vba.docx"
    with zipfile.ZipFile(ONEPAGE) as src, zipfile.ZipFile(with_vba, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/vbaProject.bin", b"\x00" * 10)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w:document/>")
        zf.writestr("padding.bin", b"\x00" * (101 * 1024 * 1024))
    cases = {corrupt: "is not a valid Word file (corrupt zip)", macro: "refused: macro-enabled Word file (.docm)",
             with_vba: "holds macros", bomb: "expands to more than 100 MB",
             tmp_path / "missing.docx": "not found"}
    for template, expected in cases.items():
        result = run_minutes(invoke, template, tmp_path / "out.docx")
        assert result.exit_code == 2, template
        assert expected in result.output, result.output
    assert not (tmp_path / "out.docx").exists()
