"""The Excel checklist docgen writes, filled in by reviewers, read back with ``--assessment c.xlsx``."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

SPEC = ROOT / "samples" / "payroll-interface-spec.yaml"
ASSESSMENT = ROOT / "samples" / "payroll-interface-assessment.yaml"


def _checklist(invoke, tmp_path, *extra: str):
    """Write the sample checklist as c.xlsx and c.json; return the JSON items."""
    result = invoke("checklist", SPEC, "--assessment", ASSESSMENT, "-o", tmp_path / "c.xlsx",
                    "-o", tmp_path / "c.json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))


def _read_back(invoke, tmp_path, workbook, *extra: str):
    result = invoke("checklist", SPEC, "--assessment", workbook, "-o", tmp_path / "back.json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_unchanged_checklist_reads_back_to_the_same_json(invoke, tmp_path, lang):
    written = _checklist(invoke, tmp_path, "--lang", lang)
    assert _read_back(invoke, tmp_path, tmp_path / "c.xlsx", "--lang", lang) == written


def test_reviewers_edits_come_back(invoke, tmp_path):
    import openpyxl

    written = _checklist(invoke, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    sheet = book["Requirements"]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    picked = {"PAY-002": "Compliant", "PAY-018": "Non-compliant", "PAY-020": "Partial"}
    for ident, word in picked.items():
        sheet.cell(rows[ident], 5).value = word  # from the drop-down
    sheet.cell(rows["PAY-018"], 6).value = "Test report TR-77"
    sheet.cell(rows["PAY-018"], 6).hyperlink = "https://qa.example.com/reports/TR-77"
    sheet.cell(rows["PAY-018"], 7).value = "Léa Martin"
    sheet.cell(rows["PAY-018"], 8).value = "Rejected records are not retried."
    sheet.cell(rows["PAY-020"], 8).value = "Only two of the three reports."
    book.save(tmp_path / "filled.xlsx")

    back = _read_back(invoke, tmp_path, tmp_path / "filled.xlsx")
    statuses = {item["id"]: item["status"] for item in back["items"]}
    expected = {item["id"]: item["status"] for item in written["items"]}
    expected.update({"PAY-002": "compliant", "PAY-018": "non_compliant", "PAY-020": "partial"})
    assert statuses == expected
    pay18 = next(item for item in back["items"] if item["id"] == "PAY-018")
    assert pay18["evidence"] == "[Test report TR-77](https://qa.example.com/reports/TR-77)"
    assert pay18["owner"] == "Léa Martin"
    assert pay18["comment"] == "Rejected records are not retried."
    assert back["assessment"] == written["assessment"]  # from the Summary sheet


def test_french_words_in_an_english_checklist(invoke, tmp_path):
    import openpyxl

    _checklist(invoke, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    sheet = book["Requirements"]
    sheet["E2"], sheet["E3"] = "Non conforme", "Non applicable"
    sheet["H2"], sheet["H3"] = "Écart", "Hors périmètre"
    book.save(tmp_path / "filled.xlsx")
    back = _read_back(invoke, tmp_path, tmp_path / "filled.xlsx")
    assert [item["status"] for item in back["items"][:2]] == ["non_compliant", "not_applicable"]


def test_a_status_typed_by_hand_is_reported_at_its_cell(invoke, tmp_path):
    import openpyxl

    _checklist(invoke, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    book["Requirements"]["E4"] = "Done"
    book.save(tmp_path / "filled.xlsx")
    result = invoke("checklist", SPEC, "--assessment", tmp_path / "filled.xlsx", "-o", tmp_path / "back.json")
    assert result.exit_code == 2
    where = tmp_path / "filled.xlsx"
    assert result.stderr.strip().splitlines() == [
        f"error: {where}: Requirements!E4: compliance[2].status: 'done' is not one of "
        "compliant, partial, non_compliant, not_applicable, not_verified"]
    assert not (tmp_path / "back.json").exists()


def test_unknown_id_is_reported_at_its_cell(invoke, tmp_path):
    import openpyxl

    _checklist(invoke, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "c.xlsx")
    book["Requirements"]["A5"] = "PAY-999"
    book.save(tmp_path / "filled.xlsx")
    result = invoke("checklist", SPEC, "--assessment", tmp_path / "filled.xlsx", "-o", tmp_path / "back.json")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'filled.xlsx'}: Requirements!A5: compliance[3].id: 'PAY-999' is not a requirement "
        "of payroll-interface-spec.yaml"]


def test_a_workbook_that_is_not_a_checklist(invoke, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Name", "Budget"])
    book.save(tmp_path / "other.xlsx")
    result = invoke("checklist", SPEC, "--assessment", tmp_path / "other.xlsx", "-o", tmp_path / "back.json")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "no checklist sheet found" in result.stderr


def test_macro_enabled_assessment_is_refused(invoke, tmp_path):
    _checklist(invoke, tmp_path)
    (tmp_path / "c.xlsm").write_bytes((tmp_path / "c.xlsx").read_bytes())
    result = invoke("checklist", SPEC, "--assessment", tmp_path / "c.xlsm", "-o", tmp_path / "back.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {tmp_path / 'c.xlsm'}: refused: macro-enabled Excel file (.xlsm); "
                                     "save it as .xlsx without macros")
