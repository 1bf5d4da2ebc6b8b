"""The written status report is rendered from the Status model and its table view, not from slides."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT
from deck_data import CONTRACT, large_status

from docgen.deck.plan import PLANNERS
from docgen.deck.planning import Planning
from docgen.deck.report_tables import SECTIONS, Cell, status_tables
from docgen.deck.shapes import Frame
from docgen.labels import load_labels
from docgen.model.status import Status
from docgen.model.validate import validated
from docgen.ooxml.drawingml.shapes import Box, TableShape
from docgen.readers.table import read


def _status(name: str) -> Status:
    if name == "large":
        return Status.model_validate(large_status())
    path = CONTRACT if name == "contract" else ROOT / "samples" / name
    return validated(Status, read(path, "status"))


def _slide_tables(status: Status, labels) -> dict[str, tuple[str, list[list]]]:
    """Return section -> (title, rows with the header first) as the deck's planners lay them on one tall slide."""
    ctx = Planning.make(status, labels, Frame(body=Box(0, 0, 888, 1e9)))
    ctx.headlines = False
    found = {}
    for key in SECTIONS:
        shapes = [s for slide in PLANNERS[key](ctx) for s in slide.shapes if isinstance(s, TableShape)]
        if shapes:
            found[key] = (PLANNERS[key](ctx)[-1].title, shapes[0].rows)
    return found


def _plain(cell) -> tuple:
    return (cell.text, cell.bold, cell.fill, cell.color, cell.align)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", ["contract", "large", "status.yaml", "status-previous.yaml"])
def test_the_view_holds_the_rows_of_the_deck_tables(name, language):
    status, labels = _status(name), load_labels(language)
    slides = _slide_tables(status, labels)
    view = {table.key: table for table in status_tables(status, labels)}
    assert set(slides) <= set(view) and set(view) - set(slides) <= {"decisions"}
    for key, (title, rows) in slides.items():
        table = view[key]
        assert table.title == title
        assert table.header == [c.text for c in rows[0]] and table.header_align == [c.align for c in rows[0]]
        assert [[_plain(c) for c in row] for row in table.rows] == [[_plain(c) for c in row] for row in rows[1:]]


def test_sections_come_in_the_order_asked_and_absent_ones_are_left_out():
    status = Status.model_validate({**large_status(), "budget": [], "issues": []})
    tables = status_tables(status, load_labels("en"), ("actions", "budget", "risks", "issues"))
    assert [t.key for t in tables] == ["actions", "risks"]


def test_cells_say_their_emphasis_as_colour_roles():
    status, labels = _status("contract"), load_labels("en")
    budget = next(t for t in status_tables(status, labels) if t.key == "budget")
    total = budget.rows[-1]
    assert total[0] == Cell(labels["deck.total"], bold=True, fill="panel")
    assert all(c.align == "r" and c.fill == "panel" for c in total[1:])
    risks = next(t for t in status_tables(status, labels) if t.key == "risks")
    scores = [int(row[4].text) for row in risks.rows]
    assert scores == sorted(scores, reverse=True) and risks.rows[0][4].fill.startswith("rag_")


def test_the_report_writers_plan_no_slide(tmp_path):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from docgen.jobs import job\n"
        "from docgen.jobs.context import RenderContext\n"
        "deck = job('deck')\n"
        f"period, _ = deck.load(Path({str(CONTRACT)!r}))\n"
        "ctx = RenderContext.resolve()\n"
        f"deck.WRITERS['.md'](period, ctx, Path({str(tmp_path / 'r.md')!r}))\n"
        f"deck.WRITERS['.docx'](period, ctx, Path({str(tmp_path / 'r.docx')!r}))\n"
        "planners = [m for m in sys.modules if m == 'docgen.deck.plan' or m.startswith('docgen.deck.slides_')\n"
        "            or m in ('docgen.deck.tables', 'docgen.deck.planning')]\n"
        "print(','.join(planners))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.strip() == "", f"the report imported the slide planners: {run.stdout}"
    assert (tmp_path / "r.md").read_text(encoding="utf-8").startswith("# ")
