"""Planners of the portfolio deck's table slides: cover, dashboard, rule flags, slipping milestones, decisions.

Tables use the deck's fitting (14 pt down to a 10 pt floor, then continuation slides "(2/4)"
with the header repeated); RAG is a word on its colour, as on the project deck.
"""

from __future__ import annotations

from docgen.deck.fmt import trend_text
from docgen.deck.planning import TITLE_ONLY, TITLE_SLIDE, table_slides
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_schedule import OVERRUN, milestone_cell
from docgen.deck.tables import Column
from docgen.model.status import DIMENSIONS
from docgen.ooxml.drawingml.shapes import EMPHASIS, Box, Cell, Para, Run, TextShape
from docgen.portfolio.deck_planning import PortfolioPlanning
from docgen.portfolio.summary import Portfolio, Row


def cover(pc: PortfolioPlanning, portfolio: Portfolio) -> list[SlidePlan]:
    """Return the cover: the portfolio's title, the project count and the as-of date."""
    w = pc.words
    line = w("subtitle", projects=w.projects(len(portfolio.rows)), date=pc.ctx.labels.format_date(portfolio.as_of))
    return [SlidePlan("cover", TITLE_SLIDE, w("title"), subtitle=[Para([Run(line, bold=True)], 20)])]


def project_cell(row: Row) -> Cell:
    """Return the cell naming a project by its code (its name when it has none)."""
    return Cell(row.code or row.name, bold=True)


def rag_cell(pc: PortfolioPlanning, rag: str | None, rule: str | None = None) -> Cell:
    """Return a RAG cell (word on colour), with "rule: Red" under the word when a rule disagrees."""
    cell = pc.ctx.rag_cell(rag)
    if rule:
        cell.text += "\n" + pc.words("rule_says", rag=pc.words.rag(rule))
    return cell


def dashboard(pc: PortfolioPlanning, portfolio: Portfolio) -> list[SlidePlan]:
    """Return the dashboard slide(s): one row per project by severity, every RAG as word and colour."""
    w, labels = pc.words, pc.ctx.labels
    columns = [Column(w("code"), nowrap=True, max_share=0.1), Column(w("project"), weight=1.6),
               Column(w("manager"), weight=1), Column(w("phase"), nowrap=True, max_share=0.1),
               Column(w("overall"), nowrap=True, align="c"), Column(w("trend"), nowrap=True)]
    columns += [Column(w.dimension(name), nowrap=True, align="c") for name in DIMENSIONS]
    rows = []
    for row in portfolio.rows:
        ruled = {f.dimension: f.suggested.rag for f in row.flags}
        cells = [Cell(row.code, bold=True), Cell(row.name), Cell(row.manager), Cell(row.phase),
                 rag_cell(pc, row.overall), Cell(trend_text(labels, row.trend))]
        for name in DIMENSIONS:
            dim = row.dims[name]
            cells.append(rag_cell(pc, dim[0] if dim else None, ruled.get(name)))
        rows.append(cells)
    return table_slides(pc.ctx, "dashboard", w("titles.dashboard"), columns, rows)


def flag_slides(pc: PortfolioPlanning, portfolio: Portfolio) -> list[SlidePlan]:
    """Return the slide(s) listing every typed RAG better than its rule's (none when there is none)."""
    w = pc.words
    rows = [[project_cell(row), Cell(w.flag_text(flag))] for row in portfolio.rows for flag in row.flags]
    if not rows:
        return []
    columns = [Column(w("project"), nowrap=True, max_share=0.2), Column(w("flag"), weight=1)]
    return table_slides(pc.ctx, "dashboard", w("titles.flags"), columns, rows, max_size=16)


def slips(pc: PortfolioPlanning, portfolio: Portfolio) -> list[SlidePlan]:
    """Return the slide(s) of the open milestones slipping most across projects (top 10 by slip)."""
    w = pc.words
    title = w("titles.slips")
    if not portfolio.slips:
        return [_note(pc, "milestones", title, w("none_slipping"))]
    columns = [Column(w("project"), nowrap=True, max_share=0.15), Column(w("milestone"), weight=2),
               Column(w("baseline"), nowrap=True), Column(w("forecast"), nowrap=True),
               Column(w("slip"), nowrap=True, align="r"), Column(w("status"), nowrap=True, align="c")]
    rows = [[project_cell(s.row), Cell(s.milestone.name, bold=True), Cell(w.day(s.milestone.baseline)),
             Cell(w.day(s.milestone.forecast)), Cell(f"+{s.days}", align="r", bold=True, color=OVERRUN),
             milestone_cell(pc.ctx, s.milestone.status)] for s in portfolio.slips]
    return table_slides(pc.ctx, "milestones", title, columns, rows)


def decisions(pc: PortfolioPlanning, portfolio: Portfolio) -> list[SlidePlan]:
    """Return the slide(s) of the decisions asked across projects, soonest deadline first."""
    w = pc.words
    title = w("titles.decisions")
    if not portfolio.decisions:
        return [_note(pc, "decisions", title, w("none_asked"))]
    columns = [Column(w("project"), nowrap=True, max_share=0.15), Column(w("id"), nowrap=True),
               Column(w("decision"), weight=2), Column(w("recommendation"), weight=1.4),
               Column(w("deadline"), nowrap=True), Column(w("days_left"), nowrap=True, align="r")]
    rows = []
    for asked in portfolio.decisions:
        d = asked.decision
        left = (d.deadline - pc.as_of).days if d.deadline else None
        late = left is not None and left < 0
        rows.append([project_cell(asked.row), Cell(d.id or ""), Cell(d.title, bold=True),
                     Cell(d.recommendation or ""), Cell(w.day(d.deadline), bold=late, color=OVERRUN if late else None),
                     Cell("" if left is None else str(left), align="r", bold=late, color=OVERRUN if late else None)])
    return table_slides(pc.ctx, "decisions", title, columns, rows)


def _note(pc: PortfolioPlanning, kind: str, title: str, text: str) -> SlidePlan:
    body = pc.ctx.frame.body
    shape = TextShape(Box(body.x, body.y, body.w, 40), [Para([Run(text, color=EMPHASIS)], 18)], name="Note")
    return SlidePlan(kind, TITLE_ONLY, title, [shape])
