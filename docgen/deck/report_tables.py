"""The status as tables: for each section, its title, column headings and rows, as plain data.

The written status report (Markdown and Word) is rendered from this view of the Status model
in the words of the labels; nothing here measures text or lays out a slide. A cell says what it
shows and its emphasis: bold, a colour role for its fill and text (:mod:`docgen.deck.shapes`,
drawn by :mod:`docgen.ooxml.drawingml.palette`) and its alignment. The deck's table slides show the same
rows (``tests/test_status_report.py`` keeps them equal).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from docgen.deck.fmt import decimals_for, money, percent, trend_text
from docgen.labels import Labels
from docgen.model.status import Status
from docgen.ooxml.drawingml.shapes import EMPHASIS, EMPHASIS_TEXT, LATE, PANEL, RAG_FILL, RAG_TEXT, Cell

MILESTONE_RAG = {"done": None, "on_track": "green", "at_risk": "amber", "late": "red"}
SEVERITY_RAG = {"low": "green", "medium": "amber", "high": "red", "critical": "red"}
ZONE_RAG = {"low": "green", "medium": "amber", "high": "red"}
OVERRUN, UNDERRUN = "overrun", "underrun"  # colour roles of a budget variance


@dataclass(frozen=True)
class Table:
    """One section as a table: its ``key`` (``risks``...), title, headings (and their alignment) and rows."""

    key: str
    title: str
    header: list[str]
    rows: list[list[Cell]]
    header_align: list[str] = field(default_factory=list)


class _Words:
    """The labels a table needs: deck labels, short dates, RAG cells."""

    def __init__(self, status: Status, labels: Labels) -> None:
        self.status, self.labels = status, labels

    def t(self, key: str) -> str:
        """Return the deck label ``key`` (``titles.risks``...)."""
        return self.labels[f"deck.{key}"]

    def day(self, value: date | None) -> str:
        """Return a short date ("30 Jun 2026") or ""."""
        return self.labels.format_date(value, short=True) if value else ""

    def rag(self, rag: str | None) -> Cell:
        """Return the cell of a RAG: its word, bold and centred on its colours ("" cell when none)."""
        if not rag:
            return Cell("")
        return Cell(self.labels.get(f"deck.rag.{rag}", rag), bold=True, fill=RAG_FILL[rag],
                    color=RAG_TEXT[rag], align="c")

    def due(self, due: date | None, is_open: bool) -> Cell:
        """Return the cell of a due date, bold in the late colour when open and past the report date."""
        late = bool(due and is_open and due < self.status.report_date)
        return Cell(self.day(due), bold=late, color=LATE if late else None)

    def table(self, key: str, columns: list[tuple[str, str]], rows: list[list[Cell]]) -> Table:
        """Return the table ``key`` titled by its label, with (heading, alignment) ``columns``."""
        return Table(key, self.t(f"titles.{key}"), [h for h, _ in columns], rows, [a for _, a in columns])


def dimensions(w: _Words, rule_flags: dict[str, str] | None = None) -> Table | None:
    """Return the RAG by dimension (``rule_flags``: dimension -> sentence under its comment), or None."""
    dims = w.status.dimensions.items() if w.status.dimensions else []
    if not dims:
        return None
    rows = [[Cell(w.t(f"dimension_names.{name}"), bold=True), w.rag(dim.status),
             Cell(trend_text(w.labels, dim.trend)),
             Cell("\n".join(x for x in (dim.comment, (rule_flags or {}).get(name)) if x))]
            for name, dim in dims]
    columns = [(w.t("dimension"), "l"), (w.t("status"), "c"), (w.t("trend_header"), "l"), (w.t("comment"), "l")]
    return w.table("dimensions", columns, rows)


def workstreams(w: _Words) -> Table | None:
    """Return the workstreams (lead, RAG, progress, comment), or None."""
    if not w.status.workstreams:
        return None
    rows = [[Cell(s.name, bold=True), Cell(s.lead or ""), w.rag(s.status),
             Cell(percent(s.progress, w.labels.language)), Cell(s.comment or "")]
            for s in w.status.workstreams]
    columns = [(w.t("workstream"), "l"), (w.t("lead"), "l"), (w.t("status"), "c"), (w.t("progress"), "l"),
               (w.t("comment"), "l")]
    return w.table("workstreams", columns, rows)


def _milestone_status(w: _Words, status: str | None) -> Cell:
    """Return the status cell of a milestone, coloured like a RAG (done in the emphasis colour)."""
    if not status:
        return Cell("")
    word, rag = w.t(f"milestone_status.{status}"), MILESTONE_RAG[status]
    if rag is None:
        return Cell(word, bold=True, fill=EMPHASIS, color=EMPHASIS_TEXT, align="c")
    return Cell(word, bold=True, fill=RAG_FILL[rag], color=RAG_TEXT[rag], align="c")


def milestones(w: _Words) -> Table | None:
    """Return the milestones: dates, slip in days (late ones bold), status; a comment column when any has one."""
    items = w.status.milestones
    if not items:
        return None
    with_comment = any(m.comment for m in items)
    rows = []
    for n, m in enumerate(items, 1):
        slip = m.slip_days
        late = bool(slip and slip > 0)
        row = [Cell(m.id or str(n), align="c"), Cell(m.name, bold=True), Cell(w.day(m.baseline)),
               Cell(w.day(m.forecast)), Cell(w.day(m.actual)),
               Cell("" if slip is None else (f"+{slip}" if slip > 0 else str(slip)), align="r", bold=late,
                    color=OVERRUN if late else None),
               _milestone_status(w, m.status)]
        rows.append(row + ([Cell(m.comment or "")] if with_comment else []))
    columns = [("#", "c"), (w.t("milestone"), "l"), (w.t("baseline"), "l"), (w.t("forecast"), "l"),
               (w.t("actual"), "l"), (w.t("slip"), "r"), (w.t("status"), "c")]
    return w.table("milestones", columns + ([(w.t("comment"), "l")] if with_comment else []), rows)


def budget(w: _Words) -> Table | None:
    """Return the budget lines in thousands (budget, actual, forecast, variance) and their total row, or None."""
    lines = w.status.budget
    if not lines:
        return None
    dec = decimals_for([a for b in lines for a in (b.budget, b.actual, b.forecast or 0)])

    def fmt(value: float, signed: bool = False) -> str:
        return money(value, w.status.project.currency, w.labels.language, dec, signed)

    def row(name: str, b: float, a: float, f: float, bold: bool = False) -> list[Cell]:
        variance, fill = f - b, PANEL if bold else None
        colour = OVERRUN if variance > 0 else UNDERRUN if variance < 0 else None
        return [Cell(name, bold=True, fill=fill), *[Cell(fmt(x), bold=bold, fill=fill, align="r") for x in (b, a, f)],
                Cell(fmt(variance, True), bold=True, fill=fill, color=colour, align="r")]

    forecast = [b.forecast if b.forecast is not None else b.budget for b in lines]
    rows = [row(b.category, b.budget, b.actual, f) for b, f in zip(lines, forecast)]
    rows.append(row(w.t("total"), sum(b.budget for b in lines), sum(b.actual for b in lines), sum(forecast), True))
    columns = [(w.t("category"), "l")] + [(w.t(k), "r") for k in ("budget_col", "actual_col", "forecast_col",
                                                                   "variance")]
    return w.table("budget", columns, rows)


def _zone(score: int) -> str:
    """Return the zone of a P x I score: low (1-4), medium (5-11) or high (12-25)."""
    return "low" if score <= 4 else "medium" if score <= 11 else "high"


def risks(w: _Words) -> Table | None:
    """Return the risk register sorted by score, highest first; a status column when one is not open."""
    items = w.status.risks
    if not items:
        return None
    with_status = any(r.status != "open" for r in items)
    rows = []
    for n, r in enumerate(sorted(items, key=lambda r: -r.score), 1):
        rag = ZONE_RAG[_zone(r.score)]
        row = [Cell(r.id or f"#{n}", bold=True), Cell(r.title), Cell(str(r.probability), align="c"),
               Cell(str(r.impact), align="c"),
               Cell(str(r.score), bold=True, fill=RAG_FILL[rag], color=RAG_TEXT[rag], align="c"),
               Cell(r.owner or ""), Cell(r.mitigation or ""),
               Cell(w.labels.get(f"deck.risk_trend.{r.trend}", "") if r.trend else "")]
        rows.append(row + ([Cell(w.t(f"risk_status.{r.status}"))] if with_status else []))
    columns = [(w.labels["common.id"], "l"), (w.t("risk"), "l"), (w.t("p"), "c"), (w.t("i"), "c"),
               (w.t("score"), "c"), (w.labels["common.owner"], "l"), (w.t("mitigation"), "l"),
               (w.labels["deck.trend_header"], "l")]
    return w.table("risks", columns + ([(w.t("status"), "l")] if with_status else []), rows)


def issues(w: _Words) -> Table | None:
    """Return the issues: severity on its RAG colours, owner, due (late ones flagged), status, comments."""
    items = w.status.issues
    if not items:
        return None
    with_comment = any(i.comment for i in items)
    rows = []
    for n, issue in enumerate(items, 1):
        rag = SEVERITY_RAG.get(issue.severity or "")
        severity = Cell(w.t(f"severity_names.{issue.severity}"), bold=True, fill=RAG_FILL[rag],
                        color=RAG_TEXT[rag], align="c") if rag else Cell("")
        row = [Cell(issue.id or f"#{n}", bold=True), Cell(issue.title), severity, Cell(issue.owner or ""),
               w.due(issue.due, issue.status != "resolved"), Cell(w.t(f"issue_status.{issue.status}"))]
        rows.append(row + ([Cell(issue.comment or "")] if with_comment else []))
    columns = [(w.labels["common.id"], "l"), (w.t("issue"), "l"), (w.t("severity"), "c"),
               (w.labels["common.owner"], "l"), (w.labels["common.due"], "l"), (w.t("status"), "l")]
    return w.table("issues", columns + ([(w.t("comment"), "l")] if with_comment else []), rows)


def decisions(w: _Words) -> Table | None:
    """Return the decisions required: title and context, numbered options, recommendation, deadline."""
    items = w.status.decisions_required
    if not items:
        return None
    rows = [[Cell(d.id or f"#{n}", bold=True), Cell(d.title + (f"\n{d.context}" if d.context else "")),
             Cell("\n".join(f"{k}. {o}" for k, o in enumerate(d.options, 1))),
             Cell(d.recommendation or "", bold=True), Cell(w.day(d.deadline), bold=True)]
            for n, d in enumerate(items, 1)]
    columns = [(w.labels["common.id"], "l"), (w.t("decision"), "l"), (w.t("options"), "l"),
               (w.t("recommendation"), "l"), (w.t("deadline"), "l")]
    return w.table("decisions", columns, rows)


def actions(w: _Words) -> Table | None:
    """Return the actions: owner, due, status (overdue ones counted in days on red), comments."""
    items = w.status.actions
    if not items:
        return None
    with_comment = any(a.comment for a in items)
    rows = []
    for n, action in enumerate(items, 1):
        late = action.overdue_days(w.status.report_date)
        status = Cell(w.labels.get(f"action_status.{action.status}", action.status))
        if late:
            status = Cell(w.t("overdue").format(days=late), bold=True, fill=RAG_FILL["red"], color=RAG_TEXT["red"])
        row = [Cell(action.id or f"#{n}", bold=True), Cell(action.text), Cell(action.owner or ""),
               w.due(action.due, action.is_open), status]
        rows.append(row + ([Cell(action.comment or "")] if with_comment else []))
    columns = [(w.labels["common.id"], "l"), (w.t("action"), "l"), (w.labels["common.owner"], "l"),
               (w.labels["common.due"], "l"), (w.t("status"), "l")]
    return w.table("actions", columns + ([(w.t("comment"), "l")] if with_comment else []), rows)


# Section key -> its table, in the report's order.
SECTIONS: dict[str, Callable[[_Words], Table | None]] = {
    "dimensions": dimensions, "workstreams": workstreams, "milestones": milestones, "budget": budget,
    "risks": risks, "issues": issues, "decisions": decisions, "actions": actions,
}


def status_tables(status: Status, labels: Labels, sections: tuple[str, ...] = tuple(SECTIONS)) -> list[Table]:
    """Return the table of each of ``sections`` (keys of :data:`SECTIONS`) that ``status`` has, in that order."""
    words = _Words(status, labels)
    found = (SECTIONS[key](words) for key in sections)
    return [table for table in found if table is not None]
