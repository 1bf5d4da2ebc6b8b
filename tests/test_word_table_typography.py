"""Word tables: headings aligned with their numbers, no page holding one or two rows of a table."""

from __future__ import annotations

from conftest import ROOT
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from docgen.ooxml.docx_writer import Cell, column_alignments, kept_with_next

SAMPLES = ROOT / "samples"


def test_a_column_of_right_aligned_numbers_gets_a_right_aligned_heading():
    rows = [[Cell("Must"), Cell("9", align="right"), Cell("", align="center")],
            [Cell("May"), Cell("0", align="right"), "text"]]
    assert column_alignments(rows, 3) == [None, "right", None]
    assert column_alignments([[Cell("", align="right")]], 1) == [None]  # nothing filled: no opinion


def test_the_first_three_rows_and_the_last_three_stay_together():
    assert kept_with_next(10) == {0, 1, 7, 8}
    assert kept_with_next(5) == {0, 1, 2, 3}
    assert kept_with_next(4) == {0, 1, 2}  # a short table stays whole
    assert kept_with_next(1) == set()


def test_checklist_summary_headings_sit_over_their_numbers(invoke, tmp_path):
    dest = tmp_path / "c.docx"
    assert invoke("checklist", SAMPLES / "payroll-interface-spec.yaml", "--assessment",
                  SAMPLES / "payroll-interface-assessment.yaml", "-o", dest).exit_code == 0
    doc = Document(str(dest))
    by_status = doc.tables[1]  # after the title block's info table
    header = [cell.paragraphs[0] for cell in by_status.rows[0].cells]
    assert [p.text for p in header] == ["Status", "Count", "%"]
    assert [p.alignment for p in header[1:]] == [WD_ALIGN_PARAGRAPH.RIGHT] * 2
    assert header[0].alignment is None
    body = by_status.rows[1].cells
    assert body[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_rows_carry_keep_with_next_at_both_ends_of_a_table(invoke, tmp_path):
    dest = tmp_path / "r.docx"
    assert invoke("actions", SAMPLES / "series", "-o", dest).exit_code == 0
    doc = Document(str(dest))
    table = max(doc.tables, key=lambda t: len(t.rows))
    body = table.rows[1:]
    kept = [all(p.paragraph_format.keep_with_next for cell in row.cells for p in cell.paragraphs) for row in body]
    expected = kept_with_next(len(body))
    assert kept == [index in expected for index in range(len(body))]


def test_a_kept_row_holding_a_heading_keeps_one_keep_next():
    from docgen.ooxml.docx_writer import DocxBuilder
    from docgen.ooxml.reference import load_reference

    doc = DocxBuilder(load_reference(ROOT / "templates" / "minutes.docx"))
    rows = [[Cell("## Follow-up\nCheck the payroll", markdown=True)] for _ in range(3)]
    xml = doc.table_xml(["Note"], rows, [1])
    assert "<w:keepNext/><w:keepNext/>" not in xml
    assert xml.count("<w:keepNext/>") >= 2


def test_the_contents_asks_word_to_update_its_fields_even_when_the_reference_says_not_to():
    import dataclasses

    from docgen.ooxml.docx_contents import updating_fields
    from docgen.ooxml.reference import load_reference

    reference = load_reference(ROOT / "templates" / "minutes.docx")
    settings = reference.parts["word/settings.xml"].decode().replace(
        "<w:compat>", '<w:updateFields w:val="false"/><w:compat>')
    refusing = dataclasses.replace(reference, parts={**reference.parts, "word/settings.xml": settings.encode()})
    updated = updating_fields(refusing).parts["word/settings.xml"].decode()
    assert updated.count("<w:updateFields") == 1 and '<w:updateFields w:val="true"/><w:compat>' in updated


def test_the_checklist_section_tables_keep_their_first_and_last_rows_together(invoke, tmp_path):
    dest = tmp_path / "c.docx"
    assert invoke("checklist", SAMPLES / "payroll-interface-spec.yaml", "--assessment",
                  SAMPLES / "payroll-interface-assessment.yaml", "-o", dest).exit_code == 0
    doc = Document(str(dest))
    sections = [t for t in doc.tables if t.rows[0].cells[0].text == "ID"]  # the requirement tables
    assert sections
    for table in sections:
        body = table.rows[1:]
        kept = [all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs) for row in body]
        assert kept == [i in kept_with_next(len(body)) for i in range(len(body))]
