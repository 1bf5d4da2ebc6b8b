"""Checklist outputs from the contract files, opened with python-docx, openpyxl, csv, etree, json."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import docx
import openpyxl
import pytest
from conftest import CONTRACT
from docx.enum.section import WD_ORIENT

from docgen.checklist import load_checklist
from docgen.jobs.checklist import render_checklist
from docgen.labels import load_labels
from docgen.renderers.checklist_common import STATUS_FILL
from docgen.template_path import search_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("checklist")
    checklist = load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")
    labels = load_labels("en")
    for ext in ("docx", "xlsx", "csv", "xml", "json", "md"):
        render_checklist(checklist, folder / f"out.{ext}", labels)
    return folder


def _cell_fill(cell) -> str | None:
    shd = cell._tc.find(f"{W}tcPr/{W}shd")
    return None if shd is None else shd.get(f"{W}fill")


def test_docx_title_block_and_summary(outputs):
    document = docx.Document(outputs / "out.docx")
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Payroll Interface Specification"
    assert "SPEC-PAY-001" in texts[1]
    info = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert info["Reference"] == "SPEC-PAY-001" and info["Version"] == "1.3"
    assert info["Assessment"] == "Payroll interface, acceptance before go-live"
    assert info["Assessor"] == "Hugo Bernard" and info["Assessment date"] == "20 November 2026"
    by_status = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert by_status[0] == ["Status", "Count", "%"]
    assert by_status[1:6] == [["Compliant", "2", "40%"], ["Partial", "1", "20%"],
                              ["Non-compliant", "1", "20%"], ["Not applicable", "1", "20%"],
                              ["Not verified", "0", "0%"]]
    assert by_status[6][:2] == ["Total", "5"]
    by_level = [[c.text for c in row.cells] for row in document.tables[2].rows]
    assert by_level[1] == ["Must", "2", "1", "0", "0", "0", "3", "67%"]
    by_section = [[c.text for c in row.cells] for row in document.tables[3].rows]
    assert [r[0] for r in by_section[1:]] == ["2.1 Employee master data", "2.2 Variable pay",
                                              "3.1 Security", "3.2 Operations"]


def test_docx_checklist_tables_by_section(outputs):
    document = docx.Document(outputs / "out.docx")
    tables = document.tables[4:]
    assert len(tables) == 4  # one per section
    header = [c.text for c in tables[0].rows[0].cells]
    assert header == ["ID", "Level", "Requirement", "Status", "Evidence", "Owner", "Comment"]
    pay002 = [c.text for c in tables[0].rows[2].cells]
    assert pay002 == ["PAY-002", "Must",
                      "Exported records shall carry the employee ID, legal entity and cost centre.",
                      "Partial", "TC-PAY-015", "Paul Nguyen",
                      "Cost centre missing for 3 legal entities; fix planned for 2026-12-01."]
    assert _cell_fill(tables[0].rows[2].cells[3]) == STATUS_FILL["partial"]
    assert _cell_fill(tables[1].rows[1].cells[3]) == STATUS_FILL["non_compliant"]
    assert tables[1].rows[1].cells[3].text == "Non-compliant"
    # Markdown bold in the requirement text stays bold.
    bold = [r.text for r in tables[0].rows[1].cells[2].paragraphs[0].runs if r.bold]
    assert bold == ["shall"]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert headings[-4:] == ["2.1 Employee master data", "2.2 Variable pay", "3.1 Security",
                             "3.2 Operations"]


def test_docx_evidence_link_and_landscape(outputs):
    document = docx.Document(outputs / "out.docx")
    evidence = document.tables[6].rows[1].cells[4]
    assert evidence.text == "Pen-test report"
    link = evidence._tc.find(f".//{W}hyperlink")
    rid = link.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    rel = document.part.rels[rid]
    assert rel.is_external and rel.target_ref == "https://example.com/pentest-2026-10"
    sections = document.sections
    assert sections[0].orientation != WD_ORIENT.LANDSCAPE
    assert sections[-1].orientation == WD_ORIENT.LANDSCAPE
    assert sections[-1].page_width > sections[-1].page_height


def test_xlsx_checklist_sheet(outputs):
    book = openpyxl.load_workbook(outputs / "out.xlsx")
    assert book.sheetnames == ["Requirements", "Summary"]
    sheet = book["Requirements"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("ID", "Section", "Level", "Requirement", "Status", "Evidence", "Owner",
                       "Comment")
    assert [r[4] for r in rows[1:]] == ["Compliant", "Partial", "Non-compliant", "Compliant",
                                        "Not applicable"]
    assert rows[1][3] == "The interface shall export every active employee once per payroll cycle."
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:H6"
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and str(validation.sqref) == "E2:E6"
    assert validation.formula1 == '"Compliant,Partial,Non-compliant,Not applicable,Not verified"'
    assert sheet["E3"].fill.fgColor.rgb == "FF" + STATUS_FILL["partial"]
    assert sheet["E2"].alignment.horizontal == "center"
    assert sheet["D2"].alignment.wrap_text
    assert sheet.column_dimensions["D"].width == 60
    assert sheet["F5"].value == "Pen-test report"
    assert sheet["F5"].hyperlink.target == "https://example.com/pentest-2026-10"
    rules = [r for cf in sheet.conditional_formatting for r in cf.rules]
    assert len(rules) == 5


def test_xlsx_summary_sheet_counts(outputs):
    values = openpyxl.load_workbook(outputs / "out.xlsx", data_only=True)["Summary"]
    rows = {r[0]: r[1:] for r in values.iter_rows(values_only=True) if r[0]}
    assert rows["Reference"][0] == "SPEC-PAY-001"
    assert rows["Compliant"][:2] == (2, 0.4)
    assert rows["Partial"][:2] == (1, 0.2)
    assert rows["Not verified"][:2] == (0, 0)
    assert rows["Total"][0] == 5
    assert rows["Must"][:7] == (2, 1, 0, 0, 0, 3, 0.666667)
    assert rows["3.1 Security"][:6] == (1, 0, 0, 0, 0, 1)
    formulas = openpyxl.load_workbook(outputs / "out.xlsx")["Summary"]
    counts = [r for r in formulas.iter_rows(values_only=True) if r[0] == "Compliant"][0]
    assert counts[1] == "=COUNTIF('Requirements'!$E$2:$E$6,\"Compliant\")"


def test_csv_columns_exact(outputs):
    raw = (outputs / "out.csv").read_bytes()
    assert raw.startswith(b"id,section,level,text,status,evidence,owner,comment\r\n")
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines()))
    assert [(r["id"], r["status"], r["level"]) for r in rows] == [
        ("PAY-001", "compliant", "must"), ("PAY-002", "partial", "must"),
        ("PAY-003", "non_compliant", "should"), ("PAY-004", "compliant", "must"),
        ("PAY-005", "not_applicable", "may")]
    assert rows[2]["owner"] == "Inès Dupont"


def test_junit_failures(outputs):
    root = ET.parse(outputs / "out.xml").getroot()
    suite = root.find("testsuite")
    assert suite.get("tests") == "5" and suite.get("failures") == "2"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["PAY-002"].get("classname") == "2.1 Employee master data"
    failure = cases["PAY-003"].find("failure")
    assert failure.get("message") == (
        "non_compliant: Only one overtime band exported. See issue I-009.")
    assert cases["PAY-001"].find("failure") is None
    assert cases["PAY-005"].find("failure") is None  # not applicable passes


def test_json(outputs):
    data = json.loads((outputs / "out.json").read_text(encoding="utf-8"))
    assert data["specification"]["reference"] == "SPEC-PAY-001"
    assert data["assessment"]["date"] == "2026-11-20"
    assert data["summary"]["counts"]["compliant"] == 2
    assert data["summary"]["by_level"]["must"]["total"] == 3
    assert [i["status"] for i in data["items"]] == ["compliant", "partial", "non_compliant",
                                                    "compliant", "not_applicable"]
    assert data["items"][4]["passed"] is True


def test_markdown(outputs):
    text = (outputs / "out.md").read_text(encoding="utf-8")
    assert text.startswith("# Compliance checklist: Payroll Interface Specification\n")
    assert "| Partial | 1 | 20% |" in text
    assert "### 2.2 Variable pay" in text
    assert ("| PAY-004 | Must | Files must be encrypted at rest and in transit (AES-256, TLS 1.2+). "
            "| **Compliant** | [Pen-test report](https://example.com/pentest-2026-10) |  |  |") in text


def test_markdown_block_override(tmp_path):
    (tmp_path / "checklist.md.j2").write_text(
        '{% extends "builtin:checklist.md.j2" %}{% block summary %}SUMMARY {{ summary.overall.total }}'
        "\n\n{% endblock %}", encoding="utf-8")
    checklist = load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")
    dest = render_checklist(checklist, tmp_path / "o.md", load_labels("en"), tuple(search_path([tmp_path])))
    text = dest.read_text(encoding="utf-8")
    assert "SUMMARY 5" in text and "| Partial | 1 | 20% |" not in text
    assert "### 3.1 Security" in text


def test_french_labels(tmp_path):
    checklist = load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")
    labels = load_labels("fr")
    render_checklist(checklist, tmp_path / "fr.xlsx", labels)
    render_checklist(checklist, tmp_path / "fr.docx", labels)
    sheet = openpyxl.load_workbook(tmp_path / "fr.xlsx").worksheets[0]
    assert [sheet.cell(r, 5).value for r in range(2, 7)] == [
        "Conforme", "Partiel", "Non conforme", "Conforme", "Non applicable"]
    assert "Non vérifié" in sheet.data_validations.dataValidation[0].formula1
    document = docx.Document(tmp_path / "fr.docx")
    assert document.tables[1].rows[1].cells[0].text == "Conforme"


@pytest.mark.parametrize("ext", ["docx", "xlsx", "csv", "xml", "json", "md"])
def test_reproducible_bytes(tmp_path, ext):
    checklist = load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")
    labels = load_labels("en")
    first = render_checklist(checklist, tmp_path / f"a.{ext}", labels).read_bytes()
    again = load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")
    second = render_checklist(again, tmp_path / f"b.{ext}", labels).read_bytes()
    assert first == second


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_excel_checklist_saved_as_csv_reads_back_as_assessment(tmp_path, lang):
    checklist = load_checklist(CONTRACT / "requirements.yaml", CONTRACT / "compliance.yaml")
    render_checklist(checklist, tmp_path / "c.xlsx", load_labels(lang))
    sheet = openpyxl.load_workbook(tmp_path / "c.xlsx").worksheets[0]
    rows = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    rows[2][4] = "Non-compliant" if lang == "en" else "Non conforme"  # a reviewer's edit
    with open(tmp_path / "filled.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    again = load_checklist(CONTRACT / "requirements.yaml", tmp_path / "filled.csv")
    assert [i.status for i in again.items] == ["compliant", "non_compliant", "non_compliant",
                                               "compliant", "not_applicable"]
    assert again.items[1].comment == checklist.items[1].comment
