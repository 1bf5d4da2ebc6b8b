"""`docgen actions`: the action register of a series in xlsx, csv, md and docx, and its empty case."""

from __future__ import annotations

import csv
import shutil
from datetime import datetime

import docx
import openpyxl
from conftest import ROOT

from docgen.actions_register import collect
from docgen.model.meeting import Minutes

SERIES = ROOT / "samples" / "series"
FILES = [SERIES / "weekly-2026-11-17.yaml", SERIES / "weekly-2026-11-24.yaml"]


def test_xlsx_register_rows_and_summary(invoke, tmp_path):
    out = tmp_path / "register.xlsx"
    result = invoke("actions", *reversed(FILES), "-o", out)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Action register", "Summary"]
    rows = list(book["Action register"].iter_rows(values_only=True))
    assert rows[0] == ("ID", "Action", "Owner", "Due", "Status", "Raised", "Last reviewed",
                       "Days late", "Priority", "Comment")
    by_id = {r[0]: r for r in rows[1:]}
    assert [r[0] for r in rows[1:]] == ["W-031", "W-033", "W-040", "W-042", "W-045", "W-041",
                                        "W-046"]  # sorted by due date
    w040 = by_id["W-040"]
    assert w040[2:5] == ("Inès Dupont", datetime(2026, 11, 20), "Open")
    assert w040[5] == datetime(2026, 11, 17) and w040[6] == datetime(2026, 11, 24)  # carried
    assert w040[7] == 4 and w040[8] == "High"
    assert by_id["W-033"][4] == "In progress" and by_id["W-033"][7] == 11
    assert by_id["W-042"][4] == "Done" and by_id["W-042"][7] is None
    assert by_id["W-031"][6] == datetime(2026, 11, 17)  # closed in week 47, not reviewed after
    summary = list(book["Summary"].iter_rows(values_only=True))
    counts = {r[0]: r[1] for r in summary[2:7]}
    assert counts == {"Open": 4, "In progress": 1, "Done": 2, "Cancelled": 0, "Total": 7}
    owners = {r[0]: r[1:] for r in summary[9:] if r[0]}
    assert owners["Sarah Cohen"] == (1, 1, 1, 0, 1, 3)
    assert owners["Inès Dupont"] == (1, 0, 0, 0, 1, 1)


def test_csv_header_and_rows(invoke, tmp_path):
    out = tmp_path / "register.csv"
    assert invoke("actions", *FILES, "-o", out).exit_code == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["id", "text", "owner", "due", "status"]
    record = dict(zip(rows[0], next(r for r in rows if r[0] == "W-040")))
    assert record["due"] == "2026-11-20" and record["status"] == "open"
    assert record["overdue_days"] == "4" and record["last_date"] == "2026-11-24"
    assert record["origin_meeting"] == "HRIS weekly project meeting – week 47"


def test_markdown_and_word_register(invoke, tmp_path):
    result = invoke("actions", SERIES, "-o", tmp_path / "r.md", "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    md = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert md.startswith("# Action register: HRIS weekly project meeting")
    assert "| **W-040** | Deliver the overtime-code mapping for part-time contracts | Inès Dupont |" in md
    assert "Open – **Overdue (4 days)**" in md and "| **Total** | **7** |" in md
    assert "| Sarah Cohen | 1 | 1 | 1 | 0 | 1 | 3 |" in md
    document = docx.Document(str(tmp_path / "r.docx"))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert tables[0][0][:5] == ["ID", "Action", "Owner", "Due", "Status"]
    assert len(tables[0]) == 8
    assert ["Total", "7"] in tables[1]
    assert tables[2][0] == ["Owner", "Open", "In progress", "Done", "Cancelled", "Overdue", "Total"]


def test_register_is_reproducible_and_defaults_next_to_the_files(invoke, tmp_path):
    for path in FILES:
        shutil.copy(path, tmp_path / path.name)
    assert invoke("actions", tmp_path / FILES[0].name, tmp_path / FILES[1].name).exit_code == 0
    first = (tmp_path / "action-register.xlsx").read_bytes()
    assert invoke("actions", tmp_path).exit_code == 0
    assert (tmp_path / "action-register.xlsx").read_bytes() == first


def test_register_with_no_actions(invoke, tmp_path):
    source = tmp_path / "m.yaml"
    source.write_text("meeting: {title: Kick-off, date: 2026-11-03}\nattendees: [{name: Ann}]\n"
                      "agenda: [{title: Welcome}]\n", encoding="utf-8")
    result = invoke("actions", source, "-o", tmp_path / "r.xlsx", "-o", tmp_path / "r.md",
                    "-o", tmp_path / "r.csv", "-o", tmp_path / "r.docx")
    assert result.exit_code == 0, result.output
    rows = list(openpyxl.load_workbook(tmp_path / "r.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 1
    assert "No action in these minutes." in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("id,text,owner,due,status")
    assert "No action in these minutes." in [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]


def test_register_warns_on_conflicts_naming_both_files():
    first = Minutes.model_validate({"meeting": {"title": "A", "date": "2026-11-03"},
                                    "agenda": [{"title": "x", "actions": [{"id": "A-1", "text": "One"}]}]})
    second = Minutes.model_validate({"meeting": {"title": "B", "date": "2026-11-10"},
                                     "agenda": [{"title": "x", "actions": [{"id": "A-1", "text": "Two"}]}]})
    register = collect([("b.yaml", second), ("a.yaml", first)])
    assert len(register.rows) == 1 and register.rows[0].action.text == "Two"
    assert len(register.warnings) == 1
    assert "a.yaml" in register.warnings[0] and "b.yaml" in register.warnings[0]


def test_bad_file_is_an_input_error(invoke, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meeting: {title: X, date: 2026-13-45}\nattendees: [{name: A}]\n"
                   "agenda: [{title: T}]\n", encoding="utf-8")
    result = invoke("actions", bad, "-o", tmp_path / "r.xlsx")
    assert result.exit_code == 2 and "bad.yaml" in result.stderr
    assert not (tmp_path / "r.xlsx").exists()
