"""``docgen deck --previous``: the comparison of two periods, the changes slide, reports, CLI."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml
from office import needs_office, render

from docgen.deck.changes import compare, with_trends
from docgen.deck.plan import plan_deck
from docgen.deck.typography import plain
from docgen.labels import load_labels
from docgen.model.status import Status
from docgen.model.validate import validated
from docgen.ooxml.drawingml.shapes import TableShape, TextShape
from docgen.readers.source import Source
from docgen.readers.yaml_source import read_yaml
from tests.deck_data import large_status
from tests.test_deck_plan import boxes_ok

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOW = SAMPLES / "status.yaml"
BEFORE = SAMPLES / "status-previous.yaml"


def status_of(data: dict | Path) -> Status:
    if isinstance(data, Path):
        return validated(Status, read_yaml(data))
    return validated(Status, Source(NOW, data))


def raw(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_changes():
    return compare(status_of(NOW), status_of(BEFORE))


# --- the pure comparison ---------------------------------------------------------------------

def test_rag_changes_per_dimension(sample_changes):
    moves = [(c.name, c.before, c.after, c.better) for c in sample_changes.rag]
    assert moves == [("schedule", "green", "amber", False), ("quality", "red", "amber", True),
                     ("resources", "amber", "green", True)]


def test_risks_new_closed_and_score(sample_changes):
    assert [r.id for r in sample_changes.new_risks] == ["R-013"]
    assert [(r.id, gone) for r, gone in sample_changes.closed_risks] == [("R-002", False)]
    assert {c.risk.id: (c.before, c.after) for c in sample_changes.scores} == {
        "R-004": (15, 20), "R-011": (9, 6)}


def test_milestone_slips_in_days(sample_changes):
    assert {c.milestone.name: c.days for c in sample_changes.slipped} == {
        "Data migration mock 3": 5, "Parallel run 2 complete": 18}
    assert {c.milestone.name: c.days for c in sample_changes.improved} == {"UAT sign-off": -4}
    # "Build complete": October forecast 14 Nov, November actual 14 Nov: no move.
    assert "Build complete" not in {c.milestone.name for c in sample_changes.slipped}


def test_budget_forecast_per_category_and_total(sample_changes):
    moves = {b.category: (b.before, b.after, b.delta) for b in sample_changes.budget}
    assert moves == {"Integrator services": (424000, 431000, 7000),
                     "Internal staff": (150000, 148000, -2000),
                     None: (842000, 847000, 5000)}


def test_issues_opened_and_resolved(sample_changes):
    assert [i.id for i in sample_changes.opened_issues] == ["I-012"]
    assert [(i.id, gone) for i, gone in sample_changes.resolved_issues] == [("I-010", True)]
    assert not sample_changes.empty


def test_computed_trends_fill_only_missing_ones(sample_changes):
    status = with_trends(status_of(NOW), sample_changes)
    dims = dict(status.dimensions.items())
    assert dims["resources"].trend == "up"      # amber -> green, none given
    assert dims["scope"].trend == "stable"      # green both times
    assert dims["risks"].trend == "stable"
    assert dims["schedule"].trend == "down"     # given in the input
    assert dims["quality"].trend == "up"        # given in the input
    assert status.overall.trend == "stable"     # given
    assert sample_changes.trends["quality"] == "up"


def test_explicit_trend_wins_over_computed():
    now, before = raw(NOW), raw(BEFORE)
    now["dimensions"]["schedule"]["trend"] = "up"        # RAG got worse, the PM says up
    del now["overall"]["trend"]
    before["overall"]["status"] = "red"
    current = status_of(now)
    changes = compare(current, status_of(before))
    assert changes.trends["schedule"] == "down"
    status = with_trends(current, changes)
    assert status.dimensions.schedule.trend == "up"
    assert status.overall.trend == "up"                  # red -> amber, computed
    assert current.overall.trend is None                 # the input model is left untouched


def test_no_change_against_itself():
    status = status_of(NOW)
    changes = compare(status, status)
    assert changes.empty
    assert set(changes.trends.values()) == {"stable"}
    assert changes.since_period == "November 2026"


def test_items_without_counterparts():
    now, before = raw(NOW), raw(BEFORE)
    before["risks"].append({"id": "R-020", "title": "Gone while closed", "probability": 1,
                            "impact": 1, "status": "closed"})
    before["risks"].append({"title": "Vendor insolvency", "probability": 1, "impact": 5})
    now["risks"].append({"title": "  vendor INSOLVENCY ", "probability": 2, "impact": 5})
    before["risks"][0]["status"] = "closed"              # R-004 reopened in November
    now["issues"].append({"id": "I-030", "title": "Raised and solved", "status": "resolved"})
    now["issues"].append({"title": "No id issue", "severity": "critical"})
    before["issues"][1]["status"] = "resolved"           # I-010 resolved then dropped
    now["milestones"].append({"name": "Undated", "status": "on_track"})
    before["milestones"].append({"name": "Undated", "forecast": "2027-03-01"})
    now["budget"]["lines"].append({"category": "Travel", "budget": 5000})  # the sample's budget has a headline
    before["budget"].append({"category": "Hardware", "budget": 10000, "forecast": 12000})
    changes = compare(status_of(now), status_of(before))
    assert [r.id or r.title for r in changes.new_risks] == ["R-004", "R-013"]
    assert "R-020" not in [r.id for r, _ in changes.closed_risks]
    assert [(c.risk.title.strip(), c.before, c.after) for c in changes.scores
            if c.risk.id is None] == [("vendor INSOLVENCY", 5, 10)]
    assert [i.id or i.title for i in changes.opened_issues] == ["I-012", "No id issue"]
    assert changes.resolved_issues == []
    assert "Undated" not in {c.milestone.name for c in changes.slipped + changes.improved}
    budget = {b.category: (b.before, b.after) for b in changes.budget}
    assert budget["Travel"] == (None, 5000) and budget["Hardware"] == (12000, None)
    assert budget[None] == (854000, 852000)


# --- the slide plan --------------------------------------------------------------------------

def plan_with_previous(now: Status, before: Status, lang: str = "en"):
    changes = compare(now, before)
    return plan_deck(with_trends(now, changes), load_labels(lang), changes=changes)


def table_rows(slide) -> list[list[str]]:
    table = next(s for s in slide.shapes if isinstance(s, TableShape))
    return [[plain(c.text) for c in row] for row in table.rows]


def test_plan_has_changes_slide_after_summary():
    plan = plan_with_previous(status_of(NOW), status_of(BEFORE))
    kinds = [s.kind for s in plan.slides]
    assert kinds.index("changes") == kinds.index("summary") + 1 and kinds.count("changes") == 1
    slide = plan.slides[kinds.index("changes")]
    assert plain(slide.title) == "Changes since October 2026"
    rows = table_rows(slide)
    assert rows[0] == ["Change", "Item", "Before → now", "Effect"]
    assert rows[1] == ["RAG status", "Schedule", "Green → Amber", "↓ Worse"]
    assert rows[2] == ["", "Quality", "Red → Amber", "↑ Better"]
    assert ["Forecast slipped", "Data migration mock 3", "27 Nov 2026 → 2 Dec 2026 (+5 days)",
            "↓ Worse"] in rows
    assert ["", "Parallel run 2 complete", "30 Nov 2026 → 18 Dec 2026 (+18 days)",
            "↓ Worse"] in rows
    assert ["Forecast improved", "UAT sign-off", "22 Dec 2026 → 18 Dec 2026 (-4 days)",
            "↑ Better"] in rows
    assert ["", "Total", "€842k → €847k (+€5k)", "↓ Worse"] in rows
    assert ["New risks", "R-013 — Year-end tax changes published late", "Score 8",
            "↓ Worse"] in rows
    assert ["Resolved issues", "I-010 — Single sign-on fails for contractors",
            "No longer reported", "↑ Better"] in rows
    assert [r[0] for r in rows if r[0]][1:] == [
        "RAG status", "New risks", "Closed risks", "Score changed", "Forecast slipped",
        "Forecast improved", "Budget forecast", "Opened issues", "Resolved issues"]
    dims = next(s for s in plan.slides if s.kind == "dimensions")
    assert ["Resources", "Green", "↑ Improving"] == table_rows(dims)[5][:3]


def test_plan_without_previous_has_no_changes_slide():
    plan = plan_deck(status_of(NOW), load_labels("en"))
    assert "changes" not in [s.kind for s in plan.slides]


def test_no_change_slide_is_one_line():
    status = status_of(BEFORE)
    plan = plan_with_previous(status, status)
    slides = [s for s in plan.slides if s.kind == "changes"]
    assert len(slides) == 1 and plain(slides[0].title) == "Changes since October 2026"
    texts = [plain(p.text) for s in slides[0].shapes if isinstance(s, TextShape) for p in s.paras]
    assert texts == ["No change since October 2026"]


def test_previous_without_period_uses_its_date_and_french():
    before = raw(BEFORE)
    del before["project"]["period"]
    plan = plan_with_previous(status_of(NOW), status_of(before), "fr")
    slide = next(s for s in plan.slides if s.kind == "changes")
    assert plain(slide.title) == "Évolutions depuis 26 octobre 2026"
    rows = table_rows(slide)
    assert rows[1] == ["Statut RAG", "Planning", "Vert → Orange", "↓ Moins bien"]
    assert ["", "Total", "842 k€ → 847 k€ (+5 k€)", "↓ Moins bien"] in rows
    assert any(r[2].endswith("(+18 jours)") for r in rows)


def large_pair() -> tuple[Status, Status]:
    now = large_status()
    before = copy.deepcopy(now)
    before["project"]["period"] = "October 2026"
    for n, risk in enumerate(before["risks"]):
        risk["probability"] = 5 if risk["probability"] < 5 else 1
        if n % 4 == 0:
            risk["id"] = f"OLD-{n}"
    for milestone in before["milestones"]:
        milestone.pop("actual", None)
        milestone["forecast"] = milestone["baseline"]
    for line in before["budget"]:
        line["forecast"] = line["budget"]
    for dim in before["dimensions"].values():
        dim["status"] = "green"
    return status_of(now), status_of(before)


def test_many_changes_paginate_with_nothing_lost():
    now, before = large_pair()
    changes = compare(now, before)
    plan = plan_with_previous(now, before)
    slides = [s for s in plan.slides if s.kind == "changes"]
    assert len(slides) >= 3
    count = len(slides)
    assert [plain(s.title) for s in slides] == [f"Changes since October 2026 ({i}/{count})"
                                         for i in range(1, count + 1)]
    items = [row[1] for s in slides for row in table_rows(s)[1:]]
    from docgen.deck.changes_text import rows as change_rows

    assert items == [plain(r.item) for r in change_rows(changes, load_labels("en"))]
    assert len(items) > 60
    for slide in slides:
        rows = table_rows(slide)
        assert rows[0][0] == "Change" and rows[1][0]    # header repeated, group named
    boxes_ok(plan)


# --- files and CLI ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from docgen.cli import cli

    folder = tmp_path_factory.mktemp("changes")
    result = CliRunner().invoke(cli, ["deck", str(NOW), "--previous", str(BEFORE),
                                      "-o", str(folder / "deck.pptx"),
                                      "-o", str(folder / "report.md"),
                                      "-o", str(folder / "report.docx")])
    assert result.exit_code == 0, result.output
    return folder


def test_pptx_changes_slide(outputs):
    from pptx import Presentation

    prs = Presentation(outputs / "deck.pptx")
    titles = [plain(s.shapes.title.text) for s in prs.slides]
    assert titles[1:4] == ["Go-live on 5 January kept; a second parallel run to approve today", "Executive summary",
                          "Changes since October 2026"]
    slide = prs.slides[3]
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    rows = [[plain(c.text) for c in row.cells] for row in table.rows]
    assert ["RAG status", "Schedule", "Green → Amber", "↓ Worse"] in rows
    assert any("(+18 days)" in r[2] and r[1] == "Parallel run 2 complete" for r in rows)
    worse = next(r for r, row in enumerate(rows) if row[3] == "↓ Worse")
    cell = table.cell(worse, 3)
    assert str(cell.fill.fore_color.rgb) == "C8102E"
    summary = "\n".join(sh.text_frame.text for sh in prs.slides[2].shapes if sh.has_text_frame)
    assert "Stable" in summary


def test_markdown_report_section(outputs):
    text = (outputs / "report.md").read_text(encoding="utf-8")
    section = text.split("## Changes since October 2026\n", 1)[1].split("\n## ", 1)[0]
    assert "- Schedule: Green → Amber — ↓ Worse" in section
    assert "### Forecast slipped" in section and "(+18 days)" in section
    assert "- R-004 — Payroll gaps not closed before go-live: 15 → 20 — ↓ Worse" in section
    assert text.index("## Executive summary") < text.index("## Changes since")
    assert "| Resources | Green | ↑ Improving |" in text


def test_docx_report_section(outputs):
    from docx import Document

    doc = Document(outputs / "report.docx")
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Changes since October 2026" in headings
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "Change")
    rows = [[plain(c.text) for c in row.cells] for row in table.rows]
    assert ["RAG status", "Schedule", "Green → Amber", "↓ Worse"] in rows
    assert any(r[1] == "I-012 — Two cost centres missing from the org chart" for r in rows)


def test_reports_say_no_change(tmp_path, invoke):
    md, docx = tmp_path / "r.md", tmp_path / "r.docx"
    assert invoke("deck", BEFORE, "--previous", BEFORE, "-o", md, "-o", docx).exit_code == 0
    assert "## Changes since October 2026\n\nNo change since October 2026\n" in md.read_text(
        encoding="utf-8")
    from docx import Document

    assert "No change since October 2026" in [p.text for p in Document(docx).paragraphs]


def test_reproducible_with_previous(tmp_path, invoke):
    for name in ("a.pptx", "b.pptx"):
        assert invoke("deck", NOW, "--previous", BEFORE, "-o", tmp_path / name).exit_code == 0
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()


def test_invalid_previous_exit_2_nothing_written(tmp_path, invoke):
    bad = tmp_path / "prev.yaml"
    bad.write_text(BEFORE.read_text(encoding="utf-8").replace(
        "schedule:  {status: green", "schedule:  {status: blue"), encoding="utf-8")
    dest = tmp_path / "deck.pptx"
    dest.write_bytes(b"old")
    result = invoke("deck", NOW, "--previous", bad, "-o", dest)
    assert result.exit_code == 2
    line = next(n for n, text in enumerate(bad.read_text(encoding="utf-8").splitlines(), 1)
                if "status: blue" in text)
    assert f"{bad}:{line}: dimensions.schedule.status:" in result.stderr
    assert dest.read_bytes() == b"old"


def test_both_files_invalid_reported_together(tmp_path, invoke):
    now = tmp_path / "now.yaml"
    now.write_text(NOW.read_text(encoding="utf-8").replace("probability: 4, impact: 5",
                                                           "probability: 9, impact: 5"),
                   encoding="utf-8")
    result = invoke("deck", now, "--previous", tmp_path / "missing.yaml", "-o",
                    tmp_path / "d.pptx")
    assert result.exit_code == 2
    assert "risks[0].probability" in result.stderr and "missing.yaml" in result.stderr
    assert not (tmp_path / "d.pptx").exists()


def test_help_mentions_previous(invoke):
    assert "--previous" in invoke("deck", "--help").output


@pytest.mark.office
@needs_office
@pytest.mark.parametrize("which", ["sample", "large"])
def test_office_renders_changes_deck(tmp_path, invoke, which):
    from pptx import Presentation

    from tests.test_deck_pptx import assert_no_text_over_text

    if which == "sample":
        now, before = NOW, BEFORE
    else:
        data = large_status()
        now = tmp_path / "now.yaml"
        now.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        for risk in data["risks"]:
            risk["probability"] = 5 if risk["probability"] < 5 else 1
        data["project"]["period"] = "October 2026"
        before = tmp_path / "before.yaml"
        before.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    dest = tmp_path / "deck.pptx"
    assert invoke("deck", now, "--previous", before, "-o", dest).exit_code == 0
    shown = render(dest, tmp_path / "check")
    assert shown.pages == shown.slides == len(Presentation(dest).slides) == len(shown.pngs)
    text = shown.text
    assert "Changes since October 2026" in text
    if which == "large":
        for risk in data["risks"]:
            assert risk["id"] in text
    else:
        assert "Green → Amber" in text and "(+18 days)" in text
    assert_no_text_over_text(shown.pdf)
