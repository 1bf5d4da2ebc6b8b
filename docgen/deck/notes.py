"""Speaker notes on every slide: the data behind it, what it leaves out, what it shortened.

Each slide's notes start with the source file and the status date, then say what the slide
shows of its section (how many items, which rows of a continued table, what is not shown), then
give in full every text the slide shortened with "…".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from docgen.deck.planning import Planning, month_label
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_gantt import dated, scale_for
from docgen.ooxml.drawingml.shapes import TableShape, TextShape

_DAY = timedelta(days=1)


def source_line(ctx: Planning, source: str | None, previous: str | None = None) -> list[str]:
    """Return the first lines of every slide's notes: where the data comes from and its date."""
    date = ctx.labels.format_date(ctx.status.report_date)
    lines = [ctx.t("notes.source").format(file=source, date=date) if source
             else ctx.t("notes.as_of").format(date=date)]
    if previous:
        lines.append(ctx.t("notes.previous").format(file=previous))
    return lines


def compose(ctx: Planning, slides: list[SlidePlan], head: list[str], left_out: list[str]) -> None:
    """Set the notes of every slide: ``head``, what it shows and leaves out, then the texts it shortened."""
    shown: dict[str, int] = {}
    for slide in slides:
        explain = EXPLAIN.get(slide.planner)
        data = (explain(ctx, slide) if explain is not None else []) + slide.data
        data += _rows_line(ctx, slide, shown) + _small_text(ctx, slide)
        if slide.planner == "cover" and left_out:
            data.append(ctx.t("notes.left_out").format(kinds=", ".join(left_out)))
        shortened = [ctx.t("notes.shortened"), *slide.notes] if slide.notes else []
        slide.notes = [*head, *data, *shortened]


def _rows_line(ctx: Planning, slide: SlidePlan, shown: dict[str, int]) -> list[str]:
    """Return "Rows 13-24 of 40." for a table slide continued from or onto others ([] for a whole table)."""
    table = next((s for s in slide.shapes if isinstance(s, TableShape)), None)
    total = _TOTALS.get(slide.planner, lambda _: 0)(ctx)
    if table is None or not total:
        return []
    rows = len(table.rows) - 1 - (1 if table.total_row else 0)
    first = shown.get(slide.planner, 0) + 1
    shown[slide.planner] = first - 1 + rows
    if rows >= total:
        return []
    return [ctx.t("notes.rows").format(first=first, last=first - 1 + rows, total=total)]


SMALLEST = 12.0  # the size a committee reads from the back of the room


def _small_text(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return "Text down to 10 pt on this slide: ..." when some text of ``slide`` is under SMALLEST, else []."""
    sizes = [s.size for s in slide.shapes if isinstance(s, TableShape)]
    sizes += [p.size for s in slide.shapes if isinstance(s, TextShape) for p in s.paras if p.text.strip()]
    smallest = min(sizes, default=SMALLEST)
    return [ctx.t("notes.small_text").format(size=f"{smallest:g}")] if smallest < SMALLEST else []


_TOTALS: dict[str, Callable[[Planning], int]] = {
    "workstreams": lambda ctx: len(ctx.status.workstreams),
    "milestones": lambda ctx: len(ctx.status.milestones),
    "budget": lambda ctx: len(ctx.status.budget),
    "risks": lambda ctx: len(ctx.status.risks),
    "issues": lambda ctx: len(ctx.status.issues),
    "actions": lambda ctx: len(ctx.status.actions),
    "dimensions": lambda ctx: len(ctx.status.dimensions.items()) if ctx.status.dimensions else 0,
}


def _count(key: str, total: Callable[[Planning], int]) -> Callable[[Planning, SlidePlan], list[str]]:
    """Return an explainer saying how many items of its section a slide kind is built from."""
    return lambda ctx, slide: [ctx.t(f"notes.{key}").format(count=total(ctx))]


def _dimensions(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return the notes of the RAG table: the dimensions the status does not give."""
    from docgen.model.status import DIMENSIONS

    given = {name for name, _ in ctx.status.dimensions.items()} if ctx.status.dimensions else set()
    missing = [ctx.t(f"dimension_names.{d}") for d in DIMENSIONS if d not in given]
    return [ctx.t("notes.dimensions_missing").format(names=", ".join(missing))] if missing else []


def _timeline(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return the notes of the timeline: the milestones it cannot place (no date at all)."""
    undated = [m.id or m.name for m in ctx.status.milestones if not (m.actual or m.forecast or m.baseline)]
    return [ctx.t("notes.undated").format(names=", ".join(undated))] if undated else []


def _gantt(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return the notes of a Gantt slide: what bars and diamonds mean, the scale, the milestones, what is left out."""
    drawn = dated(ctx)
    scale = scale_for(ctx, 0, 1)
    lines = [ctx.t("notes.gantt").format(count=len(drawn), total=len(ctx.status.workstreams),
                                         first=month_label(ctx, scale.first),
                                         last=month_label(ctx, scale.last - _DAY))]
    undated = [w.name for w in ctx.status.workstreams if not any(w is d for d in drawn)]
    if undated:
        lines.append(ctx.t("notes.gantt_undated").format(names=", ".join(undated)))
    milestones = []
    for n, m in enumerate(ctx.status.milestones, 1):
        when = m.actual or m.forecast or m.baseline
        if when:
            was = f" ({ctx.t('dashboard.baseline')} {ctx.day(m.baseline)})" if m.baseline and m.baseline != when else ""
            milestones.append(f"{m.id + ' ' if m.id else f'{n}. '}{m.name}, {ctx.day(when)}{was}")
    if milestones:
        lines.append(ctx.t("notes.gantt_milestones").format(items="; ".join(milestones)))
    return lines


def _heatmap(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return the notes of the heat map: open risks placed, closed ones left out."""
    risks = ctx.status.risks
    closed = [r.id or r.title for r in risks if r.status != "open"]
    lines = [ctx.t("notes.heatmap").format(count=len(risks) - len(closed))]
    if closed:
        lines.append(ctx.t("notes.closed").format(names=", ".join(closed)))
    return lines


def _actions(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return the notes of the action table: how many actions, how many overdue on the report date."""
    today = ctx.status.report_date
    late = sum(1 for a in ctx.status.actions if a.overdue_days(today))
    return [ctx.t("notes.actions").format(count=len(ctx.status.actions), late=late,
                                          date=ctx.labels.format_date(today))]


def _budget(ctx: Planning, slide: SlidePlan) -> list[str]:
    """Return the notes of the budget slides: the number of lines and the unit of the amounts."""
    from docgen.deck.fmt import unit

    return [ctx.t("notes.budget").format(count=len(ctx.status.budget),
                                         unit=unit(ctx.status.project.currency, ctx.lang))]


EXPLAIN: dict[str, Callable[[Planning, SlidePlan], list[str]]] = {
    "dashboard": lambda ctx, slide: [ctx.t("notes.dashboard")],
    "summary": lambda ctx, slide: [ctx.t("notes.summary").format(
        achievements=len(ctx.status.achievements), next_steps=len(ctx.status.next_steps))],
    "dimensions": _dimensions,
    "workstreams": _count("workstreams", lambda ctx: len(ctx.status.workstreams)),
    "milestones": _count("milestones", lambda ctx: len(ctx.status.milestones)),
    "gantt": _gantt,
    "timeline": _timeline,
    "budget": _budget,
    "heatmap": _heatmap,
    "risks": _count("risks", lambda ctx: len(ctx.status.risks)),
    "issues": _count("issues", lambda ctx: len(ctx.status.issues)),
    "decisions": _count("decisions", lambda ctx: len(ctx.status.decisions_required)),
    "actions": _actions,
}
