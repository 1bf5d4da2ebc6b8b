"""`docgen checklist --previous-assessment`: change rules, counts, every output, CLI, pairing."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import docx
import openpyxl
import pytest
from conftest import ROOT

from docgen.checklist import load_checklist
from docgen.errors import InputError
from docgen.jobs.checklist import render_checklist
from docgen.labels import load_labels
from docgen.model.checklist_changes import change
from docgen.renderers.checklist_common import CSV_COLUMNS

SAMPLES = ROOT / "samples"
SPEC = SAMPLES / "payroll-interface-spec.yaml"
NOW = SAMPLES / "payroll-interface-assessment.yaml"
BEFORE = SAMPLES / "payroll-interface-assessment-previous.yaml"
FORMATS = ("docx", "xlsx", "md", "csv", "xml", "json")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CALLOUT = ("2 MUST requirements regressed since Payroll interface, integration tests "
           "(15 October 2026): PAY-002 (Compliant \u2192 Partial), PAY-012 (Not verified \u2192 "
           "Non-compliant)")

# Every (previous, current) pair of statuses and its change; see checklist_changes' docstring.
C, NA, P, NC, NV = "compliant", "not_applicable", "partial", "non_compliant", "not_verified"
RULES = {
    C: {C: "unchanged", NA: "unchanged", P: "regressed", NC: "regressed", NV: "regressed"},
    NA: {C: "unchanged", NA: "unchanged", P: "regressed", NC: "regressed", NV: "regressed"},
    P: {C: "improved", NA: "improved", P: "unchanged", NC: "regressed", NV: "regressed"},
    NC: {C: "improved", NA: "improved", P: "improved", NC: "unchanged", NV: "unchanged"},
    NV: {C: "improved", NA: "improved", P: "improved", NC: "regressed", NV: "unchanged"},
}


@pytest.mark.parametrize("previous,current", [(p, c) for p in RULES for c in RULES[p]])
def test_change_rule(previous, current):
    assert change(previous, current) == RULES[previous][current]


@pytest.fixture(scope="module")
def compared():
    return load_checklist(SPEC, NOW, previous=BEFORE)


@pytest.fixture(scope="module")
def outputs(compared, tmp_path_factory):
    folder = tmp_path_factory.mktemp("changes")
    labels = load_labels("en")
    for ext in FORMATS:
        render_checklist(compared, folder / f"out.{ext}", labels)
    return folder


def test_previous_status_change_and_counts(compared):
    items = {item.id: item for item in compared.items}
    assert (items["PAY-002"].previous_status, items["PAY-002"].change) == (C, "regressed")
    assert (items["PAY-004"].previous_status, items["PAY-004"].change) == (NV, "improved")
    assert (items["PAY-012"].previous_status, items["PAY-012"].change) == (NV, "regressed")
    assert (items["PAY-018"].previous_status, items["PAY-018"].change) == (C, "regressed")
    assert (items["PAY-020"].previous_status, items["PAY-020"].change) == (NV, "unchanged")
    summary = compared.summary
    assert summary.overall.changes == {"improved": 8, "regressed": 3, "unchanged": 9}
    assert {t.name: t.changes for t in summary.by_level} == {
        "must": {"improved": 5, "regressed": 2, "unchanged": 4},
        "should": {"improved": 2, "regressed": 1, "unchanged": 3},
        "may": {"improved": 1, "regressed": 0, "unchanged": 2}}
    assert sum(t.changes["regressed"] for t in summary.by_section) == 3
    assert [item.id for item in compared.must_regressions()] == ["PAY-002", "PAY-012"]
    assert compared.previous.title == "Payroll interface, integration tests"


def test_unknown_previous_id_is_a_warning_naming_file_and_line(compared):
    line = next(n for n, text in enumerate(BEFORE.read_text(encoding="utf-8").splitlines(), 1)
                if "id: PAY-021" in text)
    warnings = [str(w) for w in compared.warnings]
    assert warnings == [f"{BEFORE}:{line}: compliance[17].id: 'PAY-021' of the previous "
                        "assessment is not a requirement of payroll-interface-spec.yaml any more; "
                        "ignored"]


def test_duplicate_or_invalid_previous_entries_are_errors(tmp_path):
    previous = tmp_path / "before.yaml"
    previous.write_text("compliance:\n  - id: PAY-001\n    status: compliant\n"
                        "  - id: PAY-001\n    status: partial\n  - id: PAY-002\n    status: done\n",
                        encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_checklist(SPEC, NOW, previous=previous)
    text = str(caught.value)
    assert f"{previous}:7: compliance[2].status" in text


def test_docx_callout_columns_and_counts(outputs):
    document = docx.Document(outputs / "out.docx")
    callout = document.tables[0].cell(0, 0)
    assert callout.text == "\u26a0 " + CALLOUT
    assert callout._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "FFC7CE"
    info = {row.cells[0].text: row.cells[1].text for row in document.tables[1].rows}
    assert info["Previous assessment"] == "Payroll interface, integration tests (15 October 2026)"
    changes = next(t for t in document.tables if t.rows[0].cells[0].text == "Level"
                   and t.rows[0].cells[1].text == "Improved")
    rows = [[c.text for c in row.cells] for row in changes.rows]
    assert rows == [["Level", "Improved", "Regressed", "Unchanged"], ["Must", "5", "2", "4"],
                    ["Should", "2", "1", "3"], ["May", "1", "0", "2"], ["Total", "8", "3", "9"]]
    checklist = [t for t in document.tables if t.rows[0].cells[0].text == "ID"]
    assert [c.text for c in checklist[0].rows[0].cells] == [
        "ID", "Level", "Requirement", "Status", "Previous status", "Change", "Evidence", "Owner",
        "Comment"]
    rows = {row.cells[0].text: row.cells for t in checklist for row in t.rows[1:]}
    assert len(rows) == 20
    assert [rows["PAY-002"][i].text for i in (3, 4, 5)] == ["Partial", "Compliant", "\u2193 Regressed"]
    assert rows["PAY-002"][5]._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "FFC7CE"
    assert rows["PAY-003"][5].text == "\u2191 Improved"
    assert rows["PAY-003"][5]._tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == "C6EFCE"
    assert rows["PAY-001"][5].text == "= Unchanged"


def test_docx_without_must_regression_has_no_callout(tmp_path):
    checklist = load_checklist(SPEC, NOW, previous=NOW)
    assert checklist.summary.overall.changes == {"improved": 0, "regressed": 0, "unchanged": 20}
    render_checklist(checklist, tmp_path / "c.docx", load_labels("en"))
    document = docx.Document(tmp_path / "c.docx")
    assert document.tables[0].rows[0].cells[0].text == "Specification"
    assert "regressed since" not in "".join(c.text for t in document.tables for c in t._cells)


def test_xlsx_previous_status_and_change_columns(outputs):
    book = openpyxl.load_workbook(outputs / "out.xlsx")
    sheet, summary = book.worksheets
    assert [c.value for c in sheet[1]] == ["ID", "Section", "Level", "Requirement", "Status",
                                           "Previous status", "Change", "Evidence", "Owner",
                                           "Comment"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert [rows["PAY-002"][i].value for i in (4, 5, 6)] == ["Partial", "Compliant", "\u2193 Regressed"]
    assert rows["PAY-002"][6].fill.fgColor.rgb.endswith("FFC7CE")
    assert rows["PAY-002"][7].value == "TC-PAY-015"
    assert rows["PAY-004"][7].hyperlink.target == "https://example.com/pay/dq-2026-11"
    assert sheet.auto_filter.ref == "A1:J21"
    assert summary["A2"].value == "\u26a0 " + CALLOUT
    values = [[c.value for c in row] for row in summary.iter_rows()]
    assert ["Previous assessment", "Payroll interface, integration tests (15 October 2026)"] in \
        [v[:2] for v in values]
    head = next(i for i, v in enumerate(values) if v[0] == "Changes since the previous assessment")
    assert values[head][1:4] == ["Improved", "Regressed", "Unchanged"]
    assert values[head + 1][0] == "Must" and values[head + 4][0] == "Total"
    assert "COUNTIF" in values[head + 4][1] and "Regressed" in values[head + 4][2]


def test_xlsx_change_counts_are_stored(outputs):
    book = openpyxl.load_workbook(outputs / "out.xlsx", data_only=True)
    values = [[c.value for c in row] for row in book.worksheets[1].iter_rows()]
    head = next(i for i, v in enumerate(values) if v[0] == "Changes since the previous assessment")
    assert [v[1:4] for v in values[head + 1:head + 5]] == [[5, 2, 4], [2, 1, 3], [1, 0, 2], [8, 3, 9]]


def test_csv_appends_previous_status_and_change(outputs):
    with open(outputs / "out.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [*CSV_COLUMNS, "previous_status", "change"]
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["PAY-002"][-2:] == ["compliant", "regressed"]
    assert by_id["PAY-019"][-2:] == ["not_verified", "improved"]


def test_json_items_and_counts(outputs):
    data = json.loads((outputs / "out.json").read_text(encoding="utf-8"))
    assert data["previous_assessment"]["date"] == "2026-10-15"
    assert data["previous_assessment"]["file"] == str(BEFORE)
    assert data["must_regressions"] == [
        {"id": "PAY-002", "previous_status": "compliant", "status": "partial"},
        {"id": "PAY-012", "previous_status": "not_verified", "status": "non_compliant"}]
    assert data["summary"]["changes"] == {"improved": 8, "regressed": 3, "unchanged": 9}
    assert data["summary"]["by_level"]["must"]["changes"]["regressed"] == 2
    item = next(i for i in data["items"] if i["id"] == "PAY-018")
    assert (item["previous_status"], item["change"]) == ("compliant", "regressed")


def test_junit_failures_mention_regressions(outputs):
    suite = ET.parse(outputs / "out.xml").getroot().find("testsuite")
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert props["improved"] == "8" and props["regressed"] == "3"
    assert props["must_regressions"] == CALLOUT
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert cases["PAY-002"].find("failure").get("message").startswith(
        "partial (regressed from compliant): Cost centre missing")
    assert cases["PAY-009"].find("failure").get("message").startswith(
        "partial (improved from non_compliant): ")
    assert cases["PAY-005"].find("failure").get("message").startswith("non_compliant: ")


def test_markdown_callout_changes_and_columns(outputs):
    text = (outputs / "out.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[2] == f"> **{CALLOUT}**"
    assert "- **Previous assessment**: Payroll interface, integration tests (15 October 2026)" in lines
    assert "| **Total** | **8** | **3** | **9** |" in lines
    assert ("| ID | Level | Requirement | Status | Previous status | Change | Evidence | Owner | "
            "Comment |") in lines
    row = next(line for line in lines if line.startswith("| PAY-002 |"))
    assert "| **Partial** | Compliant | **\u2193 Regressed** |" in row


def test_french_labels(tmp_path, compared):
    render_checklist(compared, tmp_path / "c.md", load_labels("fr"))
    text = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert ("2 exigences obligatoires ont régressé depuis Payroll interface, integration tests "
            "(15 octobre 2026) : PAY-002 (Conforme \u2192 Partiel)") in text
    assert "| Statut | Statut précédent | Évolution |" in text
    assert "\u2191 Améliorée" in text


def test_cli_summary_warnings_and_gate(invoke, tmp_path):
    outs = [tmp_path / f"c.{ext}" for ext in FORMATS]
    args = ["checklist", SPEC, "-a", NOW, "--previous-assessment", BEFORE, "--fail-on", "must"]
    for out in outs:
        args += ["-o", out]
    result = invoke(*args)
    assert result.exit_code == 1
    assert all(out.stat().st_size > 0 for out in outs)
    assert result.stdout.startswith(
        "checklist: 20 requirements, 11 compliant, 3 partial, 2 non compliant, 2 not applicable, "
        "2 not verified, 8 improved, 3 regressed -> ")
    assert "'PAY-021' of the previous assessment is not a requirement" in result.stderr
    assert f"warning: {CALLOUT}" in result.stderr
    assert "gate failed (--fail-on must)" in result.stderr


def test_cli_bad_previous_assessment_writes_nothing(invoke, tmp_path):
    previous = tmp_path / "before.yaml"
    previous.write_text("compliance:\n  - id: PAY-001\n    status: maybe\n", encoding="utf-8")
    out = tmp_path / "c.docx"
    result = invoke("checklist", SPEC, "-a", NOW, "--previous-assessment", previous, "-o", out)
    assert result.exit_code == 2
    assert f"{previous}:3: compliance[0].status" in result.stderr
    assert not out.exists()
    missing = invoke("checklist", SPEC, "-a", NOW, "--previous-assessment", tmp_path / "no.yaml",
                     "-o", out)
    assert missing.exit_code == 2 and not out.exists()


def test_previous_assessment_as_csv(invoke, tmp_path):
    previous = tmp_path / "before.csv"
    previous.write_text("id,status\nPAY-002,compliant\nPAY-012,compliant\n", encoding="utf-8")
    result = invoke("checklist", SPEC, "-a", NOW, "--previous-assessment", previous,
                    "-o", tmp_path / "c.json")
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["must_regressions"]] == ["PAY-002", "PAY-012"]


def test_without_the_option_outputs_are_unchanged(invoke, tmp_path):
    """Without --previous-assessment the CLI writes what the library wrote before the option."""
    cli_dir, api_dir = tmp_path / "cli", tmp_path / "api"
    api_dir.mkdir()
    args = ["checklist", SPEC, "-a", NOW]
    for ext in FORMATS:
        args += ["-o", cli_dir / f"c.{ext}"]
    result = invoke(*args)
    assert result.exit_code == 0
    assert "improved" not in result.stdout and "regressed" not in result.stderr
    plain = load_checklist(SPEC, NOW)
    assert not plain.compared and all(i.change is None for i in plain.items)
    for ext in FORMATS:
        render_checklist(plain, api_dir / f"c.{ext}", load_labels("en"))
        assert (cli_dir / f"c.{ext}").read_bytes() == (api_dir / f"c.{ext}").read_bytes(), ext
    header = (cli_dir / "c.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "id,section,level,text,status,evidence,owner,comment"
    data = json.loads((cli_dir / "c.json").read_text(encoding="utf-8"))
    assert "previous_assessment" not in data and "changes" not in data["summary"]
    assert "previous_status" not in data["items"][0]
    assert "<properties>" not in (cli_dir / "c.xml").read_text(encoding="utf-8")
    md = (cli_dir / "c.md").read_text(encoding="utf-8")
    assert "Previous" not in md and "Change" not in md
    assert [c.value for c in openpyxl.load_workbook(cli_dir / "c.xlsx").worksheets[0][1]] == [
        "ID", "Section", "Level", "Requirement", "Status", "Evidence", "Owner", "Comment"]
    assert len(docx.Document(cli_dir / "c.docx").tables[-1].rows[0].cells) == 7


def test_compared_outputs_are_reproducible(invoke, tmp_path):
    for run in ("a", "b"):
        args = ["checklist", SPEC, "-a", NOW, "--previous-assessment", BEFORE]
        for ext in ("docx", "xlsx"):
            args += ["-o", tmp_path / run / f"c.{ext}"]
        assert invoke(*args).exit_code == 0
    for ext in ("docx", "xlsx"):
        assert (tmp_path / "a" / f"c.{ext}").read_bytes() == (tmp_path / "b" / f"c.{ext}").read_bytes()


def test_build_pairs_the_current_assessment_not_the_previous_one(tmp_path):
    from docgen.build.discover import pair_assessment
    from docgen.build.targets import discover_jobs

    jobs = {job.input.name: job for job in discover_jobs([SAMPLES], tmp_path, {})}
    assert jobs["payroll-interface-spec.yaml"].assessment == NOW
    assert "payroll-interface-assessment-previous.yaml" not in jobs
    for order in ([BEFORE, NOW], [NOW, BEFORE]):
        assert pair_assessment(SPEC, order) == NOW


def test_callout_names_ten_regressions_then_counts_the_rest(tmp_path):
    from docgen.renderers.checklist_common import regression_callout

    ids = [f"R-{i:03d}" for i in range(1, 13)]
    spec = tmp_path / "spec.yaml"
    spec.write_text("specification:\n  title: T\nrequirements:\n"
                    + "".join(f"  - id: {i}\n    text: The tool shall work.\n" for i in ids),
                    encoding="utf-8")
    previous = tmp_path / "before.yaml"
    previous.write_text("compliance:\n" + "".join(f"  - id: {i}\n    status: compliant\n"
                                                  for i in ids), encoding="utf-8")
    checklist = load_checklist(spec, None, previous=previous)
    assert checklist.summary.overall.changes["regressed"] == 12
    text = regression_callout(checklist, load_labels("en"))
    assert text.startswith(f"12 MUST requirements regressed since {previous.name}: R-001 "
                           "(Compliant \u2192 Not verified), ")
    assert text.endswith("R-010 (Compliant \u2192 Not verified) and 2 more")
