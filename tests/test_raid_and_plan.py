"""Lists from the PMO's own files (#15): a RAID log, a Jira CSV export, an MS Project XML plan.

The fixtures look like what PMOs have: a RAID workbook with a title block above its headings
and one sheet for every kind of item, a Jira export with its standard columns and date format,
and a ProjectLibre-style MSPDI plan with summary tasks and milestones.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from hostile import assert_clean_failure, run_docgen
from test_status_workbook import slide_texts

from docgen.errors import InputError
from docgen.inputs import load
from docgen.readers.table import read

STATUS_HEAD = """\
project: {name: Payroll migration, report_date: 2026-11-23}
overall: {status: amber}
"""
RAID_RISKS = """\
risks:
  from: raid.xlsx
  sheet: RAID log
  where: {Type: Risk}
  columns: {"Risk / Issue description": title, "Likelihood": probability, "Severity of impact": impact,
            "Action owner": owner, "Response": mitigation}
  values:
    probability: {Very high: 5, High: 4, Medium: 3, Low: 2, Very low: 1}
    impact: {Very high: 5, High: 4, Medium: 3, Low: 2, Very low: 1}
    status: {Active: open, Closed: closed}
"""
JIRA_CSV = """\
Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,Due date,Labels,Labels
Fix overtime rules for part-time contracts,PAY-101,10101,Task,In Progress,Highest,Inès Dupont,Hugo Bernard,\
02/Nov/26 9:14 AM,05/Dec/26 12:00 AM,payroll,uat
"Load org structure, positions",PAY-102,10102,Task,Done,Medium,Sarah Cohen,Hugo Bernard,03/Nov/26 10:00 AM,,,
Train back-up payroll SME,PAY-103,10103,Task,To Do,Low,Claire Martin,Hugo Bernard,04/Nov/26 11:30 AM,\
01/Dec/26 12:00 AM,,
"""
PLAN_XML = """\
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>14</SaveVersion>
  <Name>payroll-migration.pod</Name>
  <Title>Payroll migration</Title>
  <ScheduleFromStart>1</ScheduleFromStart>
  <StartDate>2026-03-02T08:00:00</StartDate>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>Payroll migration</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary>
      <Start>2026-03-02T08:00:00</Start><Finish>2027-01-29T17:00:00</Finish><PercentComplete>58</PercentComplete>
      <Milestone>0</Milestone></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Design</Name><WBS>1</WBS><OutlineNumber>1</OutlineNumber>
      <OutlineLevel>1</OutlineLevel><Summary>1</Summary><Milestone>0</Milestone>
      <Start>2026-03-02T08:00:00</Start><Finish>2026-07-03T17:00:00</Finish><PercentComplete>100</PercentComplete>
      <Baseline><Number>0</Number><Start>2026-03-02T08:00:00</Start><Finish>2026-06-30T17:00:00</Finish></Baseline>
    </Task>
    <Task><UID>2</UID><ID>2</ID><Name>Fit-gap workshops</Name><OutlineLevel>2</OutlineLevel><Summary>0</Summary>
      <Milestone>0</Milestone><Start>2026-03-02T08:00:00</Start><Finish>2026-05-29T17:00:00</Finish>
      <PercentComplete>100</PercentComplete></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Design sign-off</Name><OutlineLevel>2</OutlineLevel><Summary>0</Summary>
      <Milestone>1</Milestone><Start>2026-07-03T17:00:00</Start><Finish>2026-07-03T17:00:00</Finish>
      <ActualFinish>2026-07-03T17:00:00</ActualFinish><PercentComplete>100</PercentComplete>
      <Baseline><Number>0</Number><Finish>2026-06-30T17:00:00</Finish></Baseline>
      <Baseline><Number>1</Number><Finish>2026-07-01T17:00:00</Finish></Baseline></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Build and test</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
      <Milestone>0</Milestone><Start>2026-07-06T08:00:00</Start><Finish>2026-12-18T17:00:00</Finish>
      <PercentComplete>72</PercentComplete></Task>
    <Task><UID>5</UID><ID>5</ID><Name>Parallel run 2 complete</Name><OutlineLevel>2</OutlineLevel>
      <Summary>0</Summary><Milestone>1</Milestone><Start>2026-12-18T17:00:00</Start>
      <Finish>2026-12-18T17:00:00</Finish><PercentComplete>0</PercentComplete>
      <Baseline><Number>0</Number><Finish>2026-11-30T17:00:00</Finish></Baseline></Task>
    <Task><UID>6</UID><ID>6</ID><Name>Deployment</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
      <Milestone>0</Milestone><Start>2027-01-04T08:00:00</Start><Finish>2027-01-29T17:00:00</Finish>
      <PercentComplete>0</PercentComplete></Task>
    <Task><UID>7</UID><ID>7</ID><Name>Go-live</Name><OutlineLevel>2</OutlineLevel><Summary>0</Summary>
      <Milestone>1</Milestone><Start>2027-01-05T08:00:00</Start><Finish>2027-01-05T08:00:00</Finish>
      <PercentComplete>0</PercentComplete>
      <Baseline><Number>0</Number><Finish>2027-01-05T08:00:00</Finish></Baseline></Task>
  </Tasks>
  <Resources><Resource><UID>1</UID><Name>Inès Dupont</Name></Resource></Resources>
</Project>
"""


def raid_log(path: Path) -> Path:
    """Write a RAID workbook as PMOs keep them: a title block, then one row per risk, issue or action."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "RAID log"
    sheet.append(["Payroll migration — RAID log"])
    sheet.append(["Last updated", date(2026, 11, 20)])
    sheet.append([])
    sheet.append(["ID", "Type", "Risk / Issue description", "Likelihood", "Severity of impact", "Action owner",
                  "Response", "Status", "Date raised"])
    sheet.append(["R-004", "Risk", "Payroll gaps not closed before go-live", "High", "Very high", "Inès Dupont",
                  "Second parallel run; daily gap review.", "Active", date(2026, 9, 1)])
    sheet.append(["I-009", "Issue", "Overtime rules wrong for part-time contracts", None, None, "Inès Dupont",
                  None, "Active", date(2026, 11, 2)])
    sheet.append([])
    sheet.append(["R-007", "risk", "Key payroll SME unavailable in December", "Low", "High", "Claire Martin",
                  "Back-up SME trained by 2026-12-01.", "Closed", date(2026, 10, 5)])
    book.create_sheet("Lookups").append(["Very high", "High", "Medium", "Low", "Very low"])
    book.save(path)
    return path


def status_file(folder: Path, body: str, name: str = "status.yaml") -> Path:
    """Write a status.yaml with the required keys and ``body``; return its path."""
    path = folder / name
    path.write_text(STATUS_HEAD + body, encoding="utf-8")
    return path


def test_risks_from_a_raid_log_with_mapped_columns_and_values(tmp_path):
    raid_log(tmp_path / "raid.xlsx")
    status = load(status_file(tmp_path, RAID_RISKS), "status")
    assert [(r.id, r.title, r.probability, r.impact, r.owner, r.status) for r in status.risks] == [
        ("R-004", "Payroll gaps not closed before go-live", 4, 5, "Inès Dupont", "open"),
        ("R-007", "Key payroll SME unavailable in December", 2, 4, "Claire Martin", "closed")]
    assert status.risks[0].mitigation == "Second parallel run; daily gap review."
    source = read(tmp_path / "status.yaml", "status")
    assert source.line_of("risks[1].probability") == "raid.xlsx: RAID log!D8"


def test_inline_entries_are_kept_around_a_block(invoke, tmp_path):
    raid_log(tmp_path / "raid.xlsx")
    block = """\
risks:
  - {id: R-001, title: Vendor late, probability: 3, impact: 3}
  - from: raid.xlsx
    sheet: RAID log
    where: {Type: Risk}
    columns: {"Risk / Issue description": title, Likelihood: probability, "Severity of impact": impact}
    values: {probability: {High: 4, Low: 2}, impact: {Very high: 5, High: 4}, status: {Active: open}}
"""
    path = status_file(tmp_path, block)
    status = load(path, "status")
    assert [r.id for r in status.risks] == ["R-001", "R-004", "R-007"]
    result = invoke("deck", path, "-o", tmp_path / "deck.pptx")
    assert result.exit_code == 0, result.output
    texts = slide_texts(tmp_path / "deck.pptx")
    assert "Payroll gaps not closed before go-live" in texts and "Vendor late" in texts


def test_raid_errors_name_the_raid_file_sheet_and_cell(invoke, tmp_path):
    raid_log(tmp_path / "raid.xlsx")
    book = openpyxl.load_workbook(tmp_path / "raid.xlsx")
    book["RAID log"]["D5"] = "Almost certain"
    book.save(tmp_path / "raid.xlsx")
    path = status_file(tmp_path, RAID_RISKS)
    result = invoke("deck", path)
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {path}: raid.xlsx: RAID log!D5: risks[0].probability: "
                                     "'Almost certain' is not a whole number")


def test_raid_block_problems(tmp_path):
    raid_log(tmp_path / "raid.xlsx")
    path = status_file(tmp_path, RAID_RISKS.replace("sheet: RAID log", "sheet: Risks"))
    with pytest.raises(InputError) as missing_sheet:
        load(path, "status")
    assert str(missing_sheet.value) == (f"{path}:5: risks.sheet: raid.xlsx has no sheet 'Risks' "
                                        "(sheets: RAID log, Lookups)")
    path = status_file(tmp_path, RAID_RISKS.replace("from: raid.xlsx", "from: raid-2026.xlsx"))
    with pytest.raises(InputError) as missing_file:
        load(path, "status")
    assert str(missing_file.value) == f"{tmp_path / 'raid-2026.xlsx'}: file not found"


def test_jira_export_gives_actions_with_the_built_in_mapping(invoke, tmp_path):
    (tmp_path / "jira.csv").write_text(JIRA_CSV, encoding="utf-8")
    path = status_file(tmp_path, "actions: {from: jira.csv}\n")
    status = load(path, "status")
    assert [(a.id, a.text, a.owner, a.due, a.status, a.priority) for a in status.actions] == [
        ("PAY-101", "Fix overtime rules for part-time contracts", "Inès Dupont", date(2026, 12, 5), "in_progress",
         "high"),
        ("PAY-102", "Load org structure, positions", "Sarah Cohen", None, "done", "medium"),
        ("PAY-103", "Train back-up payroll SME", "Claire Martin", date(2026, 12, 1), "open", "low")]
    result = invoke("deck", path, "-o", tmp_path / "deck.pptx")
    assert result.exit_code == 0, result.output
    assert "Fix overtime rules for part-time contracts" in slide_texts(tmp_path / "deck.pptx")


def test_jira_export_as_issues_and_its_errors(tmp_path):
    (tmp_path / "jira.csv").write_text(JIRA_CSV.replace("Done,Medium", "Done,Urgent"), encoding="utf-8")
    path = status_file(tmp_path, "issues:\n  from: jira.csv\n  columns: jira\n")
    with pytest.raises(InputError) as error:
        load(path, "status")
    assert str(error.value) == (f"{path}: jira.csv: line 3, Priority: issues[1].severity: 'urgent' is not one "
                                "of low, medium, high, critical")
    (tmp_path / "jira.csv").write_text(JIRA_CSV, encoding="utf-8")
    status = load(path, "status")
    assert [(i.id, i.title, i.severity, i.status) for i in status.issues] == [
        ("PAY-101", "Fix overtime rules for part-time contracts", "critical", "in_progress"),
        ("PAY-102", "Load org structure, positions", "medium", "resolved"),
        ("PAY-103", "Train back-up payroll SME", "low", "open")]


def test_status_workbook_takes_risks_and_issues_from_its_sources_sheet(invoke, tmp_path):
    raid_log(tmp_path / "raid.xlsx")
    assert invoke("templates", "init", tmp_path / "corp").exit_code == 0
    workbook = tmp_path / "status.xlsx"
    (tmp_path / "corp" / "status.xlsx").rename(workbook)
    book = openpyxl.load_workbook(workbook)
    book["Risks"].delete_rows(2, 10)
    book["Sources"].append(["risks", "raid.xlsx", "RAID log",
                            '"Risk / Issue description": title, Likelihood: probability, '
                            '"Severity of impact": impact, "Action owner": owner',
                            "probability: {High: 4, Low: 2}, impact: {Very high: 5, High: 4}, "
                            "status: {Active: open}", "Type: Risk"])
    book["Sources"].append(["issues", "raid.xlsx", None, '"Risk / Issue description": title', "status: {Active: open}",
                            "Type: Issue"])
    book.save(workbook)
    status = load(workbook, "status")
    assert [(r.id, r.probability, r.impact, r.owner) for r in status.risks] == [
        ("R-004", 4, 5, "Inès Dupont"), ("R-007", 2, 4, "Claire Martin")]
    assert [(i.id, i.title) for i in status.issues] == [
        ("I-009", "Overtime rules wrong for part-time contracts"),  # the example's own issue
        ("I-009", "Overtime rules wrong for part-time contracts")]  # and the RAID log's
    assert read(workbook, "status").line_of("issues[1].title") == "raid.xlsx: RAID log!C6"
    broken = openpyxl.load_workbook(workbook)
    broken["Sources"]["D2"] = "Likelihood probability"
    broken.save(workbook)
    with pytest.raises(InputError) as error:
        load(workbook, "status")
    assert str(error.value) == (f"{workbook}: Sources!D2: risks[0].columns: 'Likelihood probability' does not "
                                "name a key of risks (id, title, probability, impact, owner, mitigation, status, "
                                "trend)")


def test_plan_gives_milestones_and_workstreams_merged_with_the_status(tmp_path):
    (tmp_path / "plan.xml").write_text(PLAN_XML, encoding="utf-8")
    path = status_file(tmp_path, """\
plan: plan.xml
milestones:
  - name: Go-Live
    status: on_track
    comment: Cut-over rehearsal booked.
  - name: Hypercare exit
    baseline: 2027-02-26
workstreams:
  - name: Build and test
    lead: Inès Dupont
    status: amber
""")
    status = load(path, "status")
    milestones = [(m.name, m.baseline, m.forecast, m.actual, m.status, m.slip_days) for m in status.milestones]
    assert milestones == [
        ("Design sign-off", date(2026, 6, 30), date(2026, 7, 3), date(2026, 7, 3), "done", 3),
        ("Parallel run 2 complete", date(2026, 11, 30), date(2026, 12, 18), None, None, 18),
        ("Go-Live", date(2027, 1, 5), date(2027, 1, 5), None, "on_track", 0),
        ("Hypercare exit", date(2027, 2, 26), None, None, None, None)]
    assert status.milestones[2].comment == "Cut-over rehearsal booked."
    assert [(w.name, w.progress, w.lead, w.status) for w in status.workstreams] == [
        ("Design", 100, None, None), ("Build and test", 72, "Inès Dupont", "amber"), ("Deployment", 0, None, None)]
    raw = read(path, "status").data["workstreams"][1]
    assert (raw["start"], raw["end"]) == (date(2026, 7, 6), date(2026, 12, 18))


def test_deck_plan_option_and_plan_errors(invoke, tmp_path):
    (tmp_path / "plan.xml").write_text(PLAN_XML, encoding="utf-8")
    path = status_file(tmp_path, "")
    result = invoke("deck", path, "--plan", tmp_path / "plan.xml", "-o", tmp_path / "deck.pptx")
    assert result.exit_code == 0, result.output
    texts = slide_texts(tmp_path / "deck.pptx")
    assert "Parallel run 2 complete" in texts and "Build and test" in texts
    (tmp_path / "bad.xml").write_text(PLAN_XML.replace("<Finish>2026-12-18T17:00:00</Finish>\n      <Percent",
                                                       "<Finish>18/12/2026</Finish>\n      <Percent"), encoding="utf-8")
    result = invoke("deck", path, "--plan", tmp_path / "bad.xml")
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {tmp_path / 'bad.xml'}: task UID 4: Build and test: "
                                     "Finish '18/12/2026' is not a date")
    (tmp_path / "other.xml").write_text("<Project><Tasks/></Project>", encoding="utf-8")
    with pytest.raises(InputError, match="is not an MS Project XML plan"):
        load(status_file(tmp_path, "plan: other.xml\n"), "status")


def test_plan_with_entities_is_refused(tmp_path):
    (tmp_path / "plan.xml").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<Project xmlns="http://schemas.microsoft.com/project"><Name>&x;</Name></Project>\n', encoding="utf-8")
    status_file(tmp_path, "plan: plan.xml\n")
    run = run_docgen("deck", "status.yaml", cwd=tmp_path)
    assert_clean_failure(run, "plan.xml: refused: the XML declares a DTD or entities")
    assert len(run.stderr.strip().splitlines()) == 1
