"""docgen portfolio: 10 statuses of 5 projects (EUR and USD, several periods) -> deck, workbook, Markdown.

Every figure below is worked out by hand from tests/portfolio_data.py.
"""

from __future__ import annotations

import copy
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from office import needs_office, render
from pptx import Presentation
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.util import Pt

from tests.portfolio_data import STATUSES, status, write_portfolio

ORDER = ["CRM-27", "HRIS-26", "SEC-26", "DWH-24", "ERP-25"]  # red, amber worsening, amber improving, green
DASHBOARD = [
    ["Code", "Project", "Manager", "Phase", "Overall", "Trend", "Scope", "Schedule", "Budget", "Quality",
     "Resources", "Risks"],
    ["CRM-27", "CRM Replacement", "Ana Lopez", "Test", "Red", "↓ Worsening", "Amber", "Red", "Red", "Amber",
     "Amber", "Red"],
    ["HRIS-26", "HRIS Core HR & Payroll Deployment", "Hugo Bernard", "Build", "Amber", "↓ Worsening", "Green",
     "Amber", "Green", "Amber", "Green", "Amber\nrule: Red"],
    ["SEC-26", "Security Operations Centre", "Nora Haddad", "Build", "Amber", "↑ Improving", "Green", "Amber",
     "Amber", "Green", "Green", "Amber"],
    ["DWH-24", "Data Warehouse", "Li Wei", "Deploy", "Green", "", "Green", "Green", "Green", "", "", ""],
    ["ERP-25", "ERP Finance Upgrade", "Marc Petit", "Design", "Green", "↑ Improving", "Green", "Green\nrule: Red",
     "Green", "Green", "Green", "Green"],
]
FILL = {"Green": "2E9E44", "Amber": "F2A900", "Red": "C8102E"}
FLAGS = [["Project", "Flag"],
         ["HRIS-26", "Risks typed Amber; rule says Red: R-004 scores 20"],
         ["ERP-25", "Schedule typed Green; rule says Red: Parallel run 2 complete slips 30 days"]]
BY_CURRENCY = [["Currency", "Projects", "Budget", "Actual", "Forecast", "Variance"],
               ["EUR", "3", "€1,450k", "€943k", "€1,474k", "+€24k"],
               ["USD", "2", "$620k", "$450k", "$658k", "+$38k"]]
EUR = [["Project", "Budget", "Actual", "Forecast", "Variance"],
       ["HRIS-26", "€800k", "€592k", "€809k", "+€9k"],
       ["SEC-26", "€400k", "€250k", "€412k", "+€12k"],
       ["ERP-25", "€250k", "€100k", "€253k", "+€3k"],
       ["Total EUR", "€1,450k", "€943k", "€1,474k", "+€24k"]]
USD = [["Project", "Budget", "Actual", "Forecast", "Variance"],
       ["CRM-27", "$500k", "$360k", "$540k", "+$40k"],
       ["DWH-24", "$120k", "$90k", "$118k", "-$2k"],
       ["Total USD", "$620k", "$450k", "$658k", "+$38k"]]
SLIPS = [["Project", "Milestone", "Baseline", "Forecast", "Slip (days)", "Status"],
         ["ERP-25", "Parallel run 2 complete", "30 Nov 2026", "30 Dec 2026", "+30", "At risk"],
         ["CRM-27", "UAT complete", "15 Nov 2026", "10 Dec 2026", "+25", "At risk"],
         ["HRIS-26", "Parallel run 2 complete", "30 Nov 2026", "18 Dec 2026", "+18", "At risk"],
         ["CRM-27", "Cut-over", "1 Feb 2027", "15 Feb 2027", "+14", "Late"],
         ["SEC-26", "SOC live", "1 Dec 2026", "12 Dec 2026", "+11", "At risk"]] + [
    ["CRM-27", f"Wave {k}", "1 Mar 2027", f"{1 + k} Mar 2027", f"+{k}", "On track"] for k in (6, 5, 4, 3, 2)]
RISKS = [["ID", "Risk", "P", "I", "Score", "Owner", "Mitigation", "Trend"],
         ["CRM-27/R-001", "Data migration quality too low", "5", "5", "25", "PMO", "Mitigation of R-001.", ""],
         ["HRIS-26/R-004", "Payroll gaps not closed before go-live", "4", "5", "20", "Inès Dupont",
          "Second parallel run; daily gap review.", "↑ Rising"],
         ["SEC-26/R-002", "Analyst hiring delays", "4", "4", "16", "PMO", "Mitigation of R-002.", ""],
         ["CRM-27/R-002", "Vendor capacity", "3", "4", "12", "PMO", "Mitigation of R-002.", ""]]
DECISIONS = [["Project", "ID", "Decision", "Recommendation", "Deadline", "Days left"],
             ["HRIS-26", "DR-03", "Approve a second payroll parallel run", "Second parallel run", "24 Nov 2026", "-6"],
             ["SEC-26", "DR-02", "Approve the 24/7 coverage model", "Follow-the-sun", "1 Dec 2026", "1"],
             ["CRM-27", "DR-01", "Approve a budget increase of $40k", "Approve", "2 Dec 2026", "2"],
             ["DWH-24", "DR-07", "Choose the archive retention period", "Seven years", "15 Dec 2026", "15"]]
TITLES = ["Project portfolio", "Portfolio dashboard", "Typed RAG against the rules", "Budget roll-up by currency",
          "Budget roll-up (EUR)", "Budget roll-up (USD)", "Slipping milestones", "Top risks across projects",
          "Top risks (score 12 or more)", "Decisions asked across projects"]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from docgen.cli import cli

    folder = tmp_path_factory.mktemp("portfolio")
    write_portfolio(folder / "in")
    args = ["portfolio", str(folder / "in"), "--as-of", "2026-11-30"]
    for ext in ("pptx", "xlsx", "md"):
        args += ["-o", str(folder / f"portfolio.{ext}")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "5 projects as of 2026-11-30" in result.output
    return folder


def tables(slide) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in sh.table.rows] for sh in slide.shapes if sh.has_table]


def by_title(path: Path) -> dict:
    return {s.shapes.title.text: s for s in Presentation(path).slides}


def test_deck_slides_in_order(built):
    prs = Presentation(built / "portfolio.pptx")
    assert [s.shapes.title.text for s in prs.slides] == TITLES
    assert [s.slide_layout.name for s in prs.slides] == ["Title Slide"] + ["Title Only"] * 9
    cover = prs.slides[0]
    assert "5 projects · status as of 30 November 2026" in [sh.text_frame.text for sh in cover.shapes
                                                             if sh.has_text_frame]


def test_dashboard_rows_words_and_colours(built):
    slide = by_title(built / "portfolio.pptx")["Portfolio dashboard"]
    (table,) = [sh.table for sh in slide.shapes if sh.has_table]
    assert [[c.text for c in row.cells] for row in table.rows] == DASHBOARD
    for r, row in enumerate(DASHBOARD[1:], 1):
        for c in (4, *range(6, 12)):
            word = row[c].split("\n")[0]
            cell = table.cell(r, c)
            if word:
                assert str(cell.fill.fore_color.rgb) == FILL[word], (row[0], c)
    assert table.cell(0, 0).fill.fore_color.theme_color == MSO_THEME_COLOR.ACCENT_1  # header: the theme's navy


def test_flags_slide(built):
    assert tables(by_title(built / "portfolio.pptx")["Typed RAG against the rules"]) == [FLAGS]


def test_budget_per_currency_tables_and_native_charts(built):
    slides = by_title(built / "portfolio.pptx")
    assert tables(slides["Budget roll-up by currency"]) == [BY_CURRENCY]
    for title, expected, categories, series in (
            ("Budget roll-up (EUR)", EUR, ["HRIS-26", "SEC-26", "ERP-25"],
             {"Budget": (800, 400, 250), "Actual": (592.5, 250.4, 100), "Forecast": (809, 412, 253)}),
            ("Budget roll-up (USD)", USD, ["CRM-27", "DWH-24"],
             {"Budget": (500, 120), "Actual": (360, 90), "Forecast": (540, 118)})):
        slide = slides[title]
        assert tables(slide) == [expected]
        (chart,) = [sh.chart for sh in slide.shapes if sh.has_chart]
        plot = chart.plots[0]
        assert list(plot.categories) == categories
        assert {s.name: tuple(s.values) for s in plot.series} == series
        assert chart.chart_title.text_frame.text.endswith(("(k€)", "(k$)"))


def test_slipping_milestones_top_ten(built):
    assert tables(by_title(built / "portfolio.pptx")["Slipping milestones"]) == [SLIPS]  # Wave 1 (+1) is 11th


def test_top_risks_heat_map_and_register(built):
    slides = by_title(built / "portfolio.pptx")
    assert tables(slides["Top risks (score 12 or more)"]) == [RISKS]
    cells = {sh.name: sh.text_frame.text for sh in slides["Top risks across projects"].shapes
             if sh.name.startswith("Cell P")}
    assert cells["Cell P5 I5"] == "CRM-27/R-001"
    assert cells["Cell P4 I5"] == "HRIS-26/R-004"
    assert cells["Cell P4 I4"] == "SEC-26/R-002"
    assert cells["Cell P3 I4"] == "CRM-27/R-002"
    assert sum(1 for text in cells.values() if text) == 4
    side = "\n".join(sh.text_frame.text for sh in slides["Top risks across projects"].shapes if sh.has_text_frame)
    assert "4 open risks scored 12 or more" in side
    assert "CRM-27/R-001 (25)" in side


def test_decisions_soonest_first(built):
    slide = by_title(built / "portfolio.pptx")["Decisions asked across projects"]
    assert tables(slide) == [DECISIONS]
    (table,) = [sh.table for sh in slide.shapes if sh.has_table]
    assert str(table.cell(1, 5).text_frame.paragraphs[0].runs[0].font.color.rgb) == "C00000"  # overdue


def cells(ws) -> list[list]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def d(y: int, m: int, day: int) -> datetime:
    return datetime(y, m, day)


PROJECT_ROWS = [
    ["CRM-27", "CRM Replacement", "Ana Lopez", "Test", d(2026, 11, 20), "Red", "↓ Worsening", "Amber", "Red", "Red",
     "Amber", "Amber", "Red", "USD", 500000, 360000, 540000, 40000, 0.08, 0.85, 0.92, "UAT complete",
     d(2026, 12, 10), 25, 2, 1, None],
    ["HRIS-26", "HRIS Core HR & Payroll Deployment", "Hugo Bernard", "Build", d(2026, 11, 23), "Amber",
     "↓ Worsening", "Green", "Amber", "Green", "Amber", "Green", "Amber (rule: Red)", "EUR", 800000, 592500,
     809000, 9000, 0.01125, 0.96, 1.03, "Parallel run 2 complete", d(2026, 12, 18), 18, 1, 1,
     "Risks typed Amber; rule says Red: R-004 scores 20"],
    ["SEC-26", "Security Operations Centre", "Nora Haddad", "Build", d(2026, 11, 18), "Amber", "↑ Improving",
     "Green", "Amber", "Amber", "Green", "Green", "Amber", "EUR", 400000, 250400, 412000, 12000, 0.03, None, None,
     "SOC live", d(2026, 12, 12), 11, 1, 1, None],
    ["DWH-24", "Data Warehouse", "Li Wei", "Deploy", d(2026, 11, 10), "Green", None, "Green", "Green", "Green",
     None, None, None, "USD", 120000, 90000, 118000, -2000, -2000 / 120000, None, None, "Go-live",
     d(2026, 12, 1), 0, 0, 1, None],
    ["ERP-25", "ERP Finance Upgrade", "Marc Petit", "Design", d(2026, 11, 16), "Green", "↑ Improving", "Green",
     "Green (rule: Red)", "Green", "Green", "Green", "Green", "EUR", 250000, 100000, 253000, 3000, 0.012, 0.97,
     1.0, "Parallel run 2 complete", d(2026, 12, 30), 30, 0, 0,
     "Schedule typed Green; rule says Red: Parallel run 2 complete slips 30 days"],
]


def test_workbook_projects_sheet(built):
    wb = openpyxl.load_workbook(built / "portfolio.xlsx")
    assert wb.sheetnames == ["Projects", "Milestones", "Risks", "Decisions"]
    ws = wb["Projects"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:AA6"
    rows = cells(ws)
    assert rows[0][:7] == ["Code", "Project", "Manager", "Phase", "Report date", "Overall", "Trend"]
    assert rows[0][13:] == ["Currency", "Budget", "Actual", "Forecast", "Variance", "Variance %", "SPI", "CPI",
                            "Next milestone", "Its forecast", "Its slip (days)", "Open risks ≥ 12",
                            "Decisions asked", "Rule flags"]
    for got, want in zip(rows[1:6], PROJECT_ROWS):
        assert len(got) == len(want), want[0]
        for cell, expected in zip(got, want):  # numbers to float precision, dates and texts exactly
            assert cell == (pytest.approx(expected) if isinstance(expected, float) else expected), want[0]
    assert rows[6] == [None] * 27
    assert rows[7][:2] == ["Total EUR", "3 projects"] and rows[8][:2] == ["Total USD", "2 projects"]
    assert rows[7][13:19] == pytest.approx(["EUR", 1450000, 942900, 1474000, 24000, 24000 / 1450000])
    assert rows[8][13:19] == pytest.approx(["USD", 620000, 450000, 658000, 38000, 38000 / 620000])
    assert ws["O2"].number_format == "#,##0" and ws["S2"].number_format == "0.00%"
    assert ws["E2"].is_date and ws["T2"].number_format == "0.00"
    assert ws["F2"].fill.fgColor.rgb == "FFC8102E" and ws["M3"].fill.fgColor.rgb == "FFF2A900"


def test_workbook_milestones_risks_decisions(built):
    wb = openpyxl.load_workbook(built / "portfolio.xlsx")
    milestones = cells(wb["Milestones"])
    assert milestones[0] == ["Project", "ID", "Milestone", "Baseline", "Forecast", "Actual", "Slip (days)", "Status"]
    assert [r[0] for r in milestones[1:]] == ["CRM-27"] * 8 + ["HRIS-26"] * 3 + ["SEC-26", "DWH-24"] + ["ERP-25"] * 2
    assert milestones[1] == ["CRM-27", "M-01", "UAT complete", d(2026, 11, 15), d(2026, 12, 10), None, 25, "At risk"]
    assert milestones[-2] == ["ERP-25", None, "Design sign-off", d(2026, 11, 2), d(2026, 11, 2), d(2026, 11, 5), 3,
                              "Done"]
    risks = cells(wb["Risks"])
    assert [r[:6] + [r[7]] for r in risks[1:]] == [
        ["CRM-27", "CRM-27/R-001", "Data migration quality too low", 5, 5, 25, "Open"],
        ["CRM-27", "CRM-27/R-003", "Licence audit", 4, 4, 16, "Closed"],
        ["CRM-27", "CRM-27/R-002", "Vendor capacity", 3, 4, 12, "Open"],
        ["HRIS-26", "HRIS-26/R-004", "Payroll gaps not closed before go-live", 4, 5, 20, "Open"],
        ["HRIS-26", "HRIS-26/R-007", "Key payroll SME unavailable in December", 2, 4, 8, "Open"],
        ["SEC-26", "SEC-26/R-002", "Analyst hiring delays", 4, 4, 16, "Open"],
        ["DWH-24", "DWH-24/R-001", "Source system freeze", 2, 3, 6, "Open"],
        ["ERP-25", "ERP-25/R-001", "Chart of accounts redesign late", 2, 4, 8, "Open"]]
    decisions = cells(wb["Decisions"])
    assert decisions == [DECISIONS[0]] + [[r[0], r[1], r[2], r[3], datetime.strptime(r[4], "%d %b %Y"), int(r[5])]
                                          for r in DECISIONS[1:]]


def test_markdown_tables(built):
    text = (built / "portfolio.md").read_text(encoding="utf-8")
    assert "| HRIS-26 | HRIS Core HR & Payroll Deployment | Hugo Bernard | Build | AMBER | ↓ Worsening | Green | " \
           "Amber | Green | Amber | Green | Amber (rule: Red) |" in text
    assert "| **Total EUR** | **€1,450k** | **€943k** | **€1,474k** | **+€24k** |  |  |" in text
    assert "| **Total USD** | **$620k** | **$450k** | **$658k** | **+$38k** |  |  |" in text
    assert "| ERP-25 | Schedule typed Green; rule says Red: Parallel run 2 complete slips 30 days |" in text
    assert "| CRM-27/R-001 | Data migration quality too low | 5 | 5 | 25 | PMO |" in text
    assert ("| HRIS-26 | DR-03 | Approve a second payroll parallel run | Second parallel run | 24 Nov 2026 | -6 |"
            in text)
    assert text.count("| CRM-27 | Wave ") == 5


def test_reproducible_bytes(tmp_path, invoke):
    write_portfolio(tmp_path / "in")
    out = []
    for n in (1, 2):
        args = ["portfolio", tmp_path / "in", "--as-of", "2026-11-30", "-o", tmp_path / f"{n}.pptx",
                "-o", tmp_path / f"{n}.xlsx"]
        assert invoke(*args).exit_code == 0
        out.append(((tmp_path / f"{n}.pptx").read_bytes(), (tmp_path / f"{n}.xlsx").read_bytes()))
    assert out[0] == out[1]


def test_default_as_of_is_latest_report_date(tmp_path, invoke):
    write_portfolio(tmp_path / "in")
    result = invoke("portfolio", tmp_path / "in", "-o", tmp_path / "p.md")
    assert "as of 2026-12-21" in result.output  # HRIS-26's December status is then current
    assert "| HRIS-26 | HRIS Core HR & Payroll Deployment | Hugo Bernard | Build | RED |" in (
        tmp_path / "p.md").read_text(encoding="utf-8")


def test_bad_status_reported_and_others_built(tmp_path, runner):
    from docgen.cli import cli

    bad = dict(STATUSES)
    broken = copy.deepcopy(STATUSES["dwh/status.yaml"])
    broken["dimensions"]["scope"]["status"] = "purple"
    bad["dwh/status.yaml"] = broken
    write_portfolio(tmp_path / "in", bad)
    result = runner.invoke(cli, ["portfolio", str(tmp_path / "in"), "--as-of", "2026-11-30", "-o",
                                 str(tmp_path / "p.xlsx")])
    assert result.exit_code == 2
    path = tmp_path / "in" / "dwh" / "status.yaml"
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "purple" in text)
    assert f"error: {path}:{line}: dimensions.scope.status: 'purple' is not one of green, amber, red" in result.output
    codes = [r[0] for r in cells(openpyxl.load_workbook(tmp_path / "p.xlsx")["Projects"])[1:5]]
    assert codes == ["CRM-27", "HRIS-26", "SEC-26", "ERP-25"]


def test_same_report_date_twice_names_both_files(tmp_path, invoke):
    statuses = dict(STATUSES)
    statuses["hris/copy.yaml"] = STATUSES["hris/2026-11.yaml"]
    write_portfolio(tmp_path / "in", statuses)
    result = invoke("portfolio", tmp_path / "in", "--as-of", "2026-11-30", "-o", tmp_path / "p.md")
    assert result.exit_code == 2
    first, second = tmp_path / "in" / "hris" / "2026-11.yaml", tmp_path / "in" / "hris" / "copy.yaml"
    assert f"{second}:" in result.output and f"same report date 2026-11-23 as {first}:" in result.output
    assert "HRIS-26" not in (tmp_path / "p.md").read_text(encoding="utf-8").split("## Budget")[0]


def test_rules_from_docgen_yaml(tmp_path, invoke, monkeypatch):
    write_portfolio(tmp_path / "in")
    (tmp_path / "docgen.yaml").write_text("rules:\n  schedule: {slip_red_days: 40}\n  risks:\n    score_red: 25\n")
    monkeypatch.chdir(tmp_path)
    assert invoke("portfolio", "in", "--as-of", "2026-11-30", "-o", "p.md").exit_code == 0
    text = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "Schedule typed Green; rule says Amber: Parallel run 2 complete slips 30 days" in text
    assert "R-004 scores 20" not in text  # 20 is amber under score_red: 25, as typed
    (tmp_path / "docgen.yaml").write_text("rules:\n  schedule:\n    slip_red_days: soon\n  budgets: {}\n")
    result = invoke("portfolio", "in", "-o", "p.md")
    assert result.exit_code == 2
    assert "docgen.yaml:3: rules.schedule.slip_red_days: expected a number of 0 or more, got 'soon'" in result.output
    assert "docgen.yaml:4: rules.budgets: unknown key (did you mean budget?)" in result.output


def test_rule_suggestions_pure():
    from docgen.model.status import Status
    from docgen.portfolio.rules import Rules, flags, suggest

    erp = Status.model_validate(STATUSES["erp/status.yaml"])
    found = suggest(erp)
    assert (found["schedule"].rag, found["schedule"].reason.value) == ("red", 30)
    assert (found["budget"].rag, found["risks"].rag) == ("green", "green")
    assert [f.dimension for f in flags(erp)] == ["schedule"]
    assert flags(erp, Rules(slip_amber_days=30, slip_red_days=40)) == []
    crm = Status.model_validate(STATUSES["crm/nov.yaml"])
    assert {k: v.rag for k, v in suggest(crm).items()} == {"schedule": "red", "budget": "red", "risks": "red"}
    assert suggest(crm)["budget"].reason.kind == "overrun"  # +8 % beats CPI 0.92 (amber)


def many(count: int) -> dict[str, dict]:
    """Return ``count`` statuses of distinct projects, alternating EUR and USD."""
    from datetime import date

    out = {}
    for n in range(count):
        code = f"P-{n:03d}"
        data = status(code, date(2026, 11, 1 + n % 28), ("red", "amber", "green")[n % 3],
                      currency=("EUR", "USD")[n % 2], name=f"Project number {n}")
        out[f"p{n:03d}.yaml"] = data
    return out


def test_many_projects_continue_with_header_repeated(tmp_path, invoke):
    from docgen.deck.shapes import Frame
    from docgen.labels import load_labels
    from docgen.portfolio import job
    from docgen.portfolio.deck import plan_portfolio
    from tests.test_deck_plan import boxes_ok

    write_portfolio(tmp_path / "in", many(40))
    assert invoke("portfolio", tmp_path / "in", "-o", tmp_path / "p.pptx").exit_code == 0
    titles = [s.shapes.title.text for s in Presentation(tmp_path / "p.pptx").slides]
    pages = [t for t in titles if t.startswith("Portfolio dashboard")]
    assert len(pages) > 1 and pages[0] == f"Portfolio dashboard (1/{len(pages)})"
    slides = by_title(tmp_path / "p.pptx")
    codes = []
    for title in pages:
        (rows,) = tables(slides[title])
        assert rows[0] == DASHBOARD[0]
        codes += [r[0] for r in rows[1:]]
    assert sorted(codes) == [f"P-{n:03d}" for n in range(40)]
    heat = slides["Top risks across projects"]
    (cell,) = [sh.text_frame.text.replace("\n", " ") for sh in heat.shapes if sh.name == "Cell P4 I5"]
    assert cell == "P-000/R-004, P-003/R-004, P-006/R-004, P-009/R-004, P-012/R-004, P-015/R-004 +34"  # red first
    for slide in Presentation(tmp_path / "p.pptx").slides:
        for sh in slide.shapes:
            if sh.has_table:
                sizes = {r.font.size for row in sh.table.rows for c in row.cells
                         for p in c.text_frame.paragraphs for r in p.runs}
                assert min(sizes) >= Pt(10)
    collection, portfolio = job.load([tmp_path / "in"])
    boxes_ok(plan_portfolio(portfolio, load_labels("en"), Frame()))


def test_french_words(tmp_path, invoke):
    write_portfolio(tmp_path / "in")
    assert invoke("portfolio", tmp_path / "in", "--as-of", "2026-11-30", "--lang", "fr",
                  "-o", tmp_path / "p.md").exit_code == 0
    text = (tmp_path / "p.md").read_text(encoding="utf-8")
    assert "5 projets · situation au 30 novembre 2026" in text
    assert "Planning saisi Vert ; la règle dit Rouge : Parallel run 2 complete glisse de 30 jours" in text
    assert "1\u00a0450\u00a0k€" in text


def test_errors_before_anything_is_written(tmp_path, invoke):
    write_portfolio(tmp_path / "in")
    result = invoke("portfolio", tmp_path / "in", "-o", tmp_path / "p.docx")
    assert result.exit_code == 2 and "unknown output format '.docx'" in result.output
    result = invoke("portfolio", tmp_path / "in", "--as-of", "30/11/2026", "-o", tmp_path / "p.md")
    assert result.exit_code == 2 and "--as-of 30/11/2026: expected a date YYYY-MM-DD" in result.output
    (tmp_path / "empty").mkdir()
    result = invoke("portfolio", tmp_path / "empty", "-o", tmp_path / "p.md")
    assert result.exit_code == 2 and "no project status found" in result.output
    assert not list(tmp_path.glob("p.*"))


@pytest.mark.office
@needs_office
def test_office_renders_dashboard_without_overlap(built, tmp_path):
    from tests.test_deck_pptx import assert_no_text_over_text

    shown = render(built / "portfolio.pptx", tmp_path / "check")
    slides = len(Presentation(built / "portfolio.pptx").slides)
    assert shown.pages == shown.slides == slides == len(shown.pngs)
    for word in ("CRM-27/R-001", "rule: Red", "€1,450k", "$658k", "Wave 2", "DR-07"):
        assert word in shown.text, word
    assert_no_text_over_text(shown.pdf)
