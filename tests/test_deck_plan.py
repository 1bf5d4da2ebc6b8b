"""The deck planner and text measurement, without python-pptx."""

from __future__ import annotations

import sys

import pytest

from docgen.deck.measure import DEFAULT_FONT, font_for, shorten, text_width, wrap
from docgen.deck.plan import KINDS, plan_deck
from docgen.deck.shapes import Frame
from docgen.deck.tables import Column, fit_table
from docgen.deck.typography import plain
from docgen.labels import load_labels
from docgen.model.status import Status
from docgen.model.validate import validated
from docgen.ooxml.drawingml.shapes import Box, Cell, LineShape, TableShape, TextShape
from docgen.readers.source import Source
from docgen.readers.yaml_source import read_yaml
from tests.deck_data import CONTRACT, large_status


def plan_of(data_or_path, lang="en"):
    if isinstance(data_or_path, dict):
        status = validated(Status, Source(CONTRACT, data_or_path))
    else:
        status = validated(Status, read_yaml(data_or_path))
    return status, plan_deck(status, load_labels(lang))


PLAN_ONLY = """
import sys
from docgen.deck.plan import plan_deck
from docgen.labels import load_labels
from docgen.model.status import Status
from docgen.model.validate import validated
from docgen.readers.yaml_source import read_yaml
plan = plan_deck(validated(Status, read_yaml(sys.argv[1])), load_labels("en"))
assert plan.slides, "no slide planned"
print(" ".join(sorted(m for m in ("pptx", "lxml", "openpyxl", "docx") if m in sys.modules)))
"""


def test_planner_does_not_import_pptx():
    """Planning a deck in a fresh process loads neither python-pptx, lxml, openpyxl nor python-docx."""
    import subprocess

    run = subprocess.run([sys.executable, "-c", PLAN_ONLY, str(CONTRACT)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "", f"the planner imported {run.stdout.strip()}"
    import docgen.deck.plan as plan_module

    source = open(plan_module.__file__, encoding="utf-8").read()
    assert "pptx" not in source.replace("python-pptx", "")


def test_measure_widths_and_wrap():
    assert text_width("iiii", 12) < text_width("MMMM", 12)
    assert text_width("abc", 24) == pytest.approx(2 * text_width("abc", 12))
    assert text_width("abc", 12, bold=True) >= text_width("abc", 12)
    lines = wrap("one two three four five six seven", text_width("one two three", 12) + 1, 12)
    assert lines[0] == "one two three"
    assert all(text_width(line, 12) <= text_width("one two three", 12) + 1 for line in lines)
    assert len(wrap("x" * 200, 50, 12)) > 1  # long words are broken
    cut = shorten("word " * 100, 100, 12, 2)
    assert cut.endswith("…") and len(wrap(cut, 100, 12)) <= 2
    assert font_for("Arial").family == "liberation"
    assert font_for("Comic Strange").factor > 1
    assert DEFAULT_FONT.line_height(10) >= 12


def test_contract_plan_has_every_slide_kind():
    status, plan = plan_of(CONTRACT)
    kinds = {s.kind for s in plan.slides}
    assert kinds == set(KINDS)
    titles = [s.title for s in plan.slides]
    assert titles[0].startswith("HRIS Core HR & Payroll Deployment")
    assert "Risk register" in titles and "Executive summary" in titles
    assert plan.slides[0].layout == "Title Slide"
    assert all(s.layout == "Title Only" for s in plan.slides[1:])


def test_risk_register_sorted_by_score():
    status, plan = plan_of(CONTRACT)
    register = next(s for s in plan.slides if s.title == "Risk register")
    table = register.shapes[0]
    assert [plain(row[0].text) for row in table.rows[1:]] == ["R-004", "R-007"]
    assert [row[4].text for row in table.rows[1:]] == ["20", "8"]


def test_heat_map_places_ids():
    status, plan = plan_of(CONTRACT)
    heat = next(s for s in plan.slides if s.title == "Risk heat map")
    cells = {s.name: plain(" ".join(p.text for p in s.paras)) for s in heat.shapes
             if isinstance(s, TextShape) and s.name.startswith("Cell")}
    assert cells["Cell P4 I5"] == "R-004"
    assert cells["Cell P2 I4"] == "R-007"
    assert sum(1 for v in cells.values() if v) == 2


def test_slip_and_variance_and_money_format():
    status, plan = plan_of(CONTRACT)
    assert [m.slip_days for m in status.milestones] == [3, 18, 0]
    budget = next(s for s in plan.slides if s.kind == "budget")
    table = next(x for x in budget.shapes if isinstance(x, TableShape))
    total = table.rows[-1]
    assert total[0].text == "Total" and table.total_row
    assert total[4].text == "+€9k"
    _, fr = plan_of(CONTRACT, "fr")
    table = next(x for s in fr.slides if s.kind == "budget" for x in s.shapes
                 if isinstance(x, TableShape))
    assert table.rows[1][1].text == "180\u00a0k€"


def test_table_split_repeats_header_and_keeps_rows_whole():
    columns = [Column("ID", nowrap=True), Column("Text", weight=1)]
    rows = [[Cell(f"X-{n}"), Cell("words " * (n % 7 + 1))] for n in range(80)]
    box = Box(36, 88, 888, 404)
    tables = fit_table(columns, rows, box, DEFAULT_FONT)
    assert len(tables) > 1
    seen = []
    for t in tables:
        assert t.rows[0][0].text == "ID" and t.rows[0][0].bold
        assert sum(t.row_heights) <= box.h + 0.01
        assert t.size >= 10
        seen += [r[0].text for r in t.rows[1:]]
    assert seen == [f"X-{n}" for n in range(80)]


def test_header_words_are_never_broken_in_a_narrow_table():
    columns = [Column("Decision", weight=3), Column("Recommendation", weight=0.5),
               Column("Forecast", nowrap=True, max_share=0.08)]
    rows = [[Cell("Approve a second payroll parallel run " * 3), Cell("Yes"), Cell("€431k")] for _ in range(3)]
    [table] = fit_table(columns, rows, Box(36, 88, 420, 300), DEFAULT_FONT, 18)
    for cell, width in zip(table.rows[0], table.col_widths):
        assert len(wrap(cell.text, width - 10, table.size, True, DEFAULT_FONT)) == 1, (cell.text, width, table.size)
    assert table.size > 10  # the narrow column was widened from its neighbour, not the whole table shrunk


def test_huge_cell_is_shortened_visibly():
    columns = [Column("ID", nowrap=True), Column("Text", weight=1)]
    tables = fit_table(columns, [[Cell("A"), Cell("long " * 3000)]], Box(0, 0, 400, 300),
                       DEFAULT_FONT)
    assert len(tables) == 1
    assert tables[0].rows[1][1].text.endswith("…")
    assert sum(tables[0].row_heights) <= 300


def boxes_ok(plan, frame=None):
    frame = frame or Frame()
    slide_box = Box(0, 0, frame.width, frame.height)
    for slide in plan.slides:
        solid = []
        for shape in slide.shapes:
            assert slide_box.contains(shape.box), (slide.title, shape)
            if not isinstance(shape, LineShape) and not getattr(shape, "overlay", False):
                assert frame.body.contains(shape.box), (slide.title, shape.box)
                solid.append(shape)
        for i, a in enumerate(solid):
            for b in solid[i + 1:]:
                assert not a.box.overlaps(b.box), (slide.title, a.box, b.box)


def test_geometry_contract_and_large():
    boxes_ok(plan_of(CONTRACT)[1])
    boxes_ok(plan_of(large_status())[1])
    boxes_ok(plan_of(large_status(), "fr")[1])


def test_large_status_paginates_everything():
    data = large_status()
    status, plan = plan_of(data)
    text = "\n".join(_texts(plan))
    for key, field in (("risks", "id"), ("milestones", "id"), ("actions", "id"),
                       ("workstreams", "name"), ("issues", "id")):
        for item in data[key]:
            assert item[field] in text, item[field]
    titles = [s.title for s in plan.slides]
    assert any(t.startswith("Risk register (2/") for t in titles)
    assert any(t.startswith("Actions (2/") for t in titles)
    for slide in plan.slides:
        for table in (x for x in slide.shapes if isinstance(x, TableShape)):
            assert table.rows[0][0].fill  # header row on every page
            assert table.size >= 10


def _texts(plan):
    for slide in plan.slides:
        yield plain(slide.title)
        for shape in slide.shapes:
            if isinstance(shape, TableShape):
                yield from (plain(c.text) for row in shape.rows for c in row)
            elif isinstance(shape, TextShape):
                yield from (plain(p.text) for p in shape.paras)


def test_absent_sections_are_skipped():
    data = {"project": {"name": "P", "report_date": "2026-01-05"}, "overall": {"status": "green"}}
    _, plan = plan_of(data)
    assert [s.kind for s in plan.slides] == ["cover", "summary"]
