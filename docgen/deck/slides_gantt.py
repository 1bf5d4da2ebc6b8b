"""Planner of the Gantt slides: one bar per dated workstream, baseline under forecast, milestones as diamonds.

The time scale is whole months covering every bar, every milestone and the report date; it is
computed once, so a Gantt continued on several slides keeps the same scale on each. Every text
is 12 pt: a name too long for two lines is shortened with "…" (whole in the notes), a date
label with no room beside its bar is left out (named in the notes).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from docgen.deck import text as tx
from docgen.deck.measure import text_width
from docgen.deck.planning import TITLE_ONLY, Planning, month_label, numbered
from docgen.deck.shapes import SlidePlan
from docgen.deck.slides_schedule import MILESTONE_RAG, OVERRUN
from docgen.model.status import Milestone, Workstream
from docgen.ooxml.drawingml.shapes import (
    BORDER,
    EMPHASIS,
    HEADER,
    HEADER_TEXT,
    LATE,
    MUTED,
    RAG_FILL,
    RULE,
    Box,
    LineShape,
    Para,
    Run,
    TextShape,
)

SIZE = 12.0  # every text of the slide: the deck's floor for reading from the back of the room
GRID = "grid"  # colour role of the month lines (docgen.ooxml.drawingml.palette)
NAME_SHARE = 0.24  # of the body's width at most: the workstream names (narrower when they are short)
MONTH_STEPS = (1, 2, 3, 4, 6, 12)  # months per labelled column: calendar-aligned groups
MIN_ROW = 28.0  # a forecast bar, the baseline bar under it and some air
MAX_ROW = 44.0  # a few workstreams get taller rows, not a chart floating above empty space
MILESTONE_LANES = 6  # lanes of the milestone band, so crowded milestones stack instead of hiding each other
LANE_GAP = 6.0


@dataclass(frozen=True)
class Scale:
    """The time axis shared by every Gantt slide: whole months from ``first`` to ``last`` (excluded)."""

    first: date
    last: date
    left: float
    right: float

    @property
    def per_day(self) -> float:
        """Return the width of one day in points."""
        return (self.right - self.left) / max((self.last - self.first).days, 1)

    def x(self, day: date) -> float:
        """Return the x of the start of ``day``."""
        return self.left + (day - self.first).days * self.per_day

    def mid(self, day: date) -> float:
        """Return the x of the middle of ``day`` (where a milestone or the report date is drawn)."""
        return self.x(day) + self.per_day / 2


def _month(day: date, add: int = 0) -> date:
    """Return the first day of the month ``add`` months after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + add
    return date(index // 12, index % 12 + 1, 1)


def _when(m: Milestone) -> date | None:
    return m.actual or m.forecast or m.baseline


def _forecast(w: Workstream) -> tuple[date, date] | None:
    return (w.start, w.end) if w.start and w.end else None


def _baseline(w: Workstream) -> tuple[date, date] | None:
    return (w.baseline_start, w.baseline_end) if w.baseline_start and w.baseline_end else None


def dated(ctx: Planning) -> list[Workstream]:
    """Return the workstreams the Gantt draws: those with a forecast or a baseline start and end."""
    return [w for w in ctx.status.workstreams if _forecast(w) or _baseline(w)]


def scale_for(ctx: Planning, left: float, right: float) -> Scale:
    """Return the scale from ``left`` to ``right``: the months covering every bar, milestone and the report date."""
    days = [ctx.status.report_date]
    for w in dated(ctx):
        days += [d for pair in (_forecast(w), _baseline(w)) if pair for d in pair]
    days += [d for m in ctx.status.milestones for d in (m.baseline, m.forecast, m.actual) if d]
    return Scale(_month(min(days)), _month(max(days), 1), left, right)


def gantt(ctx: Planning) -> list[SlidePlan]:
    """Return the Gantt slide(s) of the workstreams; [] when no workstream has dates.

    Rows per slide are fitted to the body; every slide has the same time scale, the milestone
    row, the report-date line and the legend.
    """
    items = dated(ctx)
    if not items:
        return []
    body, font = ctx.frame.body, ctx.font
    line = font.line_height(SIZE)
    name_w = name_width(ctx, items)
    scale = scale_for(ctx, body.x + name_w + 8, body.right - 2)
    flag_h, head_h, legend_h = line + 4, line + 8, line + 6
    head_y = body.y + flag_h + 2
    milestones = [(n, m) for n, m in enumerate(ctx.status.milestones, 1) if _when(m)]
    lanes = _milestone_lanes(ctx, scale, milestones)
    ms_h = (max(lanes.values(), default=0) + 1) * (line + LANE_GAP) + 8 if milestones else 0.0
    rows_top = head_y + head_h + ms_h
    rows_bottom = body.bottom - legend_h - 6
    heights = [max(MIN_ROW, min(2, tx.para_lines(_name_para(w.name), name_w - 24, font, 2)) * line + 8)
               for w in items]
    chunks = pages(heights, rows_bottom - rows_top)
    # Spare room makes every row taller by the same amount (up to MAX_ROW), the same on every slide.
    extra = min((rows_bottom - rows_top - sum(heights[i] for i in chunk)) / len(chunk) for chunk in chunks)
    heights = [h + max(0.0, min(extra, MAX_ROW - MIN_ROW)) for h in heights]
    title = ctx.t("titles.gantt")
    slides = []
    shown = 0
    for number, chunk in enumerate(chunks, 1):
        slide = SlidePlan("gantt", TITLE_ONLY, numbered(title, number, len(chunks)))
        bottom = rows_top + sum(heights[i] for i in chunk)
        today = scale.mid(ctx.status.report_date)
        # The report-date line first: the month header is drawn over it, so no month label is crossed.
        flag, today_line = _today(ctx, scale, today, body.y, flag_h, bottom)
        shapes = [today_line, *_header(ctx, scale, head_y, head_h, bottom), flag]
        if milestones:
            shapes += _milestone_row(ctx, scale, milestones, lanes, head_y + head_h, slide)
        unlabelled = []
        y = rows_top
        for index in chunk:
            w = items[index]
            row, labelled = _row(ctx, scale, w, Box(body.x, y, name_w, heights[index]), today, slide)
            shapes += row
            y += heights[index]
            if not labelled and _forecast(w):
                unlabelled.append(w.name)
        shapes += _legend(ctx, Box(body.x, body.bottom - legend_h, body.w, legend_h))
        slide.shapes = broken_lines(shapes)
        if len(chunks) > 1:
            slide.data.append(ctx.t("notes.rows").format(first=shown + 1, last=shown + len(chunk),
                                                         total=len(items)))
        if unlabelled:
            slide.data.append(ctx.t("notes.gantt_unlabelled").format(names=", ".join(unlabelled)))
        shown += len(chunk)
        slides.append(slide)
    return slides


def broken_lines(shapes: list) -> list:
    """Return ``shapes`` with every vertical line (month lines, report date) broken around the texts it would cross."""
    texts = [s.box for s in shapes if isinstance(s, TextShape) and any(p.text.strip() for p in s.paras)]
    out: list = []
    for shape in shapes:
        if not isinstance(shape, LineShape) or shape.x1 != shape.x2:
            out.append(shape)
            continue
        top, bottom = sorted((shape.y1, shape.y2))
        gaps = sorted((b.y - 1, b.bottom + 1) for b in texts if b.x + 0.5 < shape.x1 < b.right - 0.5
                      and b.y < bottom and b.bottom > top)
        for start, end in gaps:
            if start - top >= 2:
                out.append(replace(shape, y1=top, y2=start))
            top = max(top, end)
        if bottom - top >= 2:
            out.append(replace(shape, y1=top, y2=bottom))
    return out


def pages(heights: list[float], room: float) -> list[list[int]]:
    """Return the row indexes on each slide: as few slides as hold rows of ``heights`` in ``room``, shared evenly."""
    count, used = 1, 0.0
    for h in heights:
        if used and used + h > room:
            count, used = count + 1, h
        else:
            used += h
    size, more = divmod(len(heights), count)
    even, start = [], 0
    for n in range(count):
        end = start + size + (1 if n < more else 0)
        even.append(list(range(start, end)))
        start = end
    if all(sum(heights[i] for i in chunk) <= room or len(chunk) == 1 for chunk in even):
        return even
    greedy: list[list[int]] = [[]]
    for i, h in enumerate(heights):
        if greedy[-1] and sum(heights[j] for j in greedy[-1]) + h > room:
            greedy.append([])
        greedy[-1].append(i)
    return greedy


def name_width(ctx: Planning, items: list[Workstream]) -> float:
    """Return the width of the name column: the widest name on one line, at most NAME_SHARE of the body."""
    names = [w.name for w in items] + [ctx.t("gantt.milestones")]
    widest = max(text_width(name, SIZE, True, ctx.font) for name in names) + 24
    return min(ctx.frame.body.w * NAME_SHARE, max(widest, ctx.frame.body.w * 0.12))


def _name_para(name: str) -> Para:
    return Para([Run(name, bold=True)], SIZE)


def _header(ctx: Planning, scale: Scale, y: float, h: float, bottom: float) -> list:
    """Return the month header (labelled columns of 1 to 12 months) and the month lines down to ``bottom``."""
    months = []
    day = scale.first
    while day < scale.last:
        months.append(day)
        day = _month(day, 1)
    widest = max(text_width(month_label(ctx, m), SIZE, True, ctx.font) for m in months) + 4  # widths hold 4 % spare
    shortest = min((_month(m, 1) - m).days for m in months)
    step = next((s for s in MONTH_STEPS if shortest * s * scale.per_day >= widest), 12)
    shapes: list = []
    groups = [m for m in months if (m.month - 1) % step == 0 or m == scale.first]
    for n, start in enumerate(groups):
        end = groups[n + 1] if n + 1 < len(groups) else scale.last
        box = Box(scale.x(start), y, scale.x(end) - scale.x(start), h)
        label = month_label(ctx, start)
        fits = text_width(label, SIZE, True, ctx.font) + 2 <= box.w
        shapes.append(TextShape(box, [Para([Run(label, bold=True, color=HEADER_TEXT)], SIZE, align="c")]
                                if fits else [], fill=HEADER,
                                line=BORDER, anchor="ctr", inset=1, name="Month"))
    for month in months[1:]:
        x = scale.x(month)
        shapes.append(LineShape(x, y + h, x, bottom, RULE if month.month == 1 else GRID, 0.75))
    return shapes


def _today(ctx: Planning, scale: Scale, x: float, top: float, h: float,
           bottom: float) -> tuple[TextShape, LineShape]:
    """Return the report-date label above the header, and its dashed line down to ``bottom``."""
    text = f"{ctx.t('today')} {ctx.day(ctx.status.report_date)}"
    w = text_width(text, SIZE, True, ctx.font) + 8
    left = min(max(x - w / 2, scale.left), scale.right - w)
    label = TextShape(Box(left, top, w, h), [Para([Run(text, bold=True, color=LATE)], SIZE, align="c")],
                      inset=2, anchor="b", name="Report date")
    return label, LineShape(x, top + h, x, bottom, LATE, 1.25, dash=True, overlay=False)


def _milestone_place(ctx: Planning, scale: Scale, number: int, m: Milestone) -> tuple[float, float, float, bool]:
    """Return where a milestone's marks go: its day's x, its moved baseline's x (else the day's), its label's width,
    and whether the label sits left of the diamond (at the chart's right edge)."""
    day = _when(m)
    assert day is not None  # only dated milestones are given
    x = scale.mid(day)
    bx = scale.mid(m.baseline) if m.baseline and m.baseline != day else x
    w = text_width(m.id or str(number), SIZE, True, ctx.font) + 4
    return x, bx, w, x + 9 + w > scale.right


def _milestone_lanes(ctx: Planning, scale: Scale, items: list[tuple[int, Milestone]]) -> dict[int, int]:
    """Return the lane of each milestone (by number) in the milestone band: the first where its marks find room.

    A milestone's marks are its baseline's hollow diamond, the line to its day, its diamond and
    its number beside it; up to MILESTONE_LANES lanes, a milestone with no room in any left out
    (-1) and named in the notes.
    """
    lanes: list[list[tuple[float, float]]] = []
    out = {}
    for number, m in sorted(items, key=lambda item: (_when(item[1]), item[0])):
        x, bx, w, left = _milestone_place(ctx, scale, number, m)
        span = (min(x, bx) - 7 - (w + 2 if left else 0), max(x, bx) + 7 + (0 if left else w + 2))
        lane = next((k for k, taken in enumerate(lanes) if all(span[1] + 3 <= a or b + 3 <= span[0] for a, b in taken)),
                    len(lanes))
        if lane == len(lanes):
            if lane == MILESTONE_LANES:
                out[number] = -1
                continue
            lanes.append([])
        lanes[lane].append(span)
        out[number] = lane
    return out


def _milestone_row(ctx: Planning, scale: Scale, items: list[tuple[int, Milestone]], lanes: dict[int, int],
                   y: float, slide: SlidePlan) -> list:
    """Return the milestone band: per milestone a diamond, its number beside it, a hollow one at a moved baseline."""
    body, line = ctx.frame.body, ctx.font.line_height(SIZE)
    pitch = line + LANE_GAP
    count = max(lanes.values(), default=0) + 1
    shapes: list = [TextShape(Box(body.x + 16, y, scale.left - 8 - body.x - 16, count * pitch + 8),
                              [Para([Run(ctx.t("gantt.milestones"), bold=True)], SIZE)], anchor="ctr",
                              name="Milestones")]
    left_out = []
    for number, m in sorted(items, key=lambda item: (_when(item[1]), item[0])):
        label = m.id or str(number)
        if lanes[number] < 0:
            left_out.append(label)
            continue
        x, bx, w, left = _milestone_place(ctx, scale, number, m)
        centre = y + 4 + lanes[number] * pitch + pitch / 2
        if bx != x:
            shapes.append(LineShape(min(x, bx) + 5, centre, max(x, bx) - 5, centre, MUTED, 0.75))
            shapes.append(TextShape(Box(bx - 5, centre - 5, 10, 10), geometry="diamond", line=MUTED,
                                    overlay=True, name="Baseline marker"))
        rag = MILESTONE_RAG.get(m.status or "")
        shapes.append(TextShape(Box(x - 7, centre - 7, 14, 14), geometry="diamond",
                                fill=RAG_FILL[rag] if rag else EMPHASIS, line=BORDER, overlay=True,
                                name="Milestone marker"))
        lx = x - 9 - w if left else x + 9
        shapes.append(TextShape(Box(lx, centre - line / 2, w, line), [Para([Run(label, bold=True)], SIZE, align="c")],
                                inset=0, name=f"Milestone {label}"))
    if left_out:
        slide.data.append(ctx.t("notes.gantt_crowded").format(names=", ".join(left_out)))
    return shapes


def _row(ctx: Planning, scale: Scale, w: Workstream, cell: Box, today: float,
         slide: SlidePlan) -> tuple[list, bool]:
    """Return the shapes of one workstream's row (RAG dot, name, bars, end date) and whether the end date found room."""
    font, line = ctx.font, ctx.font.line_height(SIZE)
    centre = cell.y + cell.h / 2
    shapes: list = [LineShape(cell.x, cell.bottom, scale.right, cell.bottom, GRID, 0.5, overlay=False)]
    if w.status:
        shapes.append(TextShape(Box(cell.x + 2, centre - 5, 10, 10), geometry="ellipse",
                                fill=RAG_FILL[w.status], overlay=True, name="RAG"))
    name = _name_para(w.name)
    fitted = tx.fit_para(name, cell.w - 24, cell.h - 8, font)
    if fitted.text != name.text:
        slide.notes.append(w.name)
    shapes.append(TextShape(Box(cell.x + 16, cell.y, cell.w - 16, cell.h), [fitted], anchor="ctr",
                            name="Workstream"))
    forecast, baseline = _forecast(w), _baseline(w)
    bar_top, bar_h = (centre - 12, 16.0) if baseline else (centre - 8, 16.0)
    if baseline:
        x0, x1 = scale.x(baseline[0]), scale.x(baseline[1] + timedelta(days=1))
        top = centre + 6 if forecast else centre - 3
        shapes.append(TextShape(Box(x0, top, max(x1 - x0, 2.0), 6), fill=MUTED,
                                overlay=True, name="Baseline bar"))
    if not forecast:
        return shapes, False
    x0, x1 = scale.x(forecast[0]), scale.x(forecast[1] + timedelta(days=1))
    shapes.append(TextShape(Box(x0, bar_top, max(x1 - x0, 2.0), bar_h), fill=EMPHASIS, overlay=True,
                            name="Forecast bar"))
    runs = [Run(ctx.day(forecast[1]))]
    slip = (forecast[1] - baseline[1]).days if baseline else 0
    if slip > 0:
        runs.append(Run(" " + ctx.t("dashboard.days").format(days=f"+{slip}"), bold=True, color=OVERRUN))
    # Measured as docgen measures a paragraph: all bold when one run is (the slip).
    width = text_width("".join(r.text for r in runs), SIZE, slip > 0, font) + 8
    height = line + 6
    label_y = max(cell.y, bar_top + bar_h / 2 - height / 2)
    if baseline:  # beside both bars, never over the baseline bar
        x0, x1 = min(x0, scale.x(baseline[0])), max(x1, scale.x(baseline[1] + timedelta(days=1)))
    for lx in (x1 + 4, x0 - 4 - width):
        clear = lx >= scale.left and lx + width <= scale.right and not lx - 3 <= today <= lx + width + 3
        if clear:
            shapes.append(TextShape(Box(lx, label_y, width, height), [Para(runs, SIZE)], inset=3,
                                    anchor="ctr", name="End date"))
            return shapes, True
    return shapes, False


def _legend(ctx: Planning, box: Box) -> list:
    """Return the legend along ``box``: forecast bar, baseline bar, milestone, report date."""
    shapes: list = []
    x, centre = box.x + 16, box.y + box.h / 2
    entries = (("forecast", "bar"), ("baseline", "baseline"), ("gantt.milestone", "diamond"),
               ("today", "today"))
    for key, mark in entries:
        if mark == "bar":
            shapes.append(TextShape(Box(x, centre - 6, 20, 12), fill=EMPHASIS, overlay=True, name="Key"))
        elif mark == "baseline":
            shapes.append(TextShape(Box(x, centre - 3, 20, 6), fill=MUTED, overlay=True, name="Key"))
        elif mark == "diamond":
            shapes.append(TextShape(Box(x + 3, centre - 7, 14, 14), geometry="diamond", fill=EMPHASIS,
                                    line=BORDER, overlay=True, name="Key"))
        else:
            shapes.append(LineShape(x + 10, centre - 8, x + 10, centre + 8, LATE, 1.25, dash=True))
        label = ctx.t(key)
        w = text_width(label, SIZE, False, ctx.font) + 8
        shapes.append(TextShape(Box(x + 24, box.y, w, box.h), [Para([Run(label, color=MUTED)], SIZE)],
                                anchor="ctr", inset=2, name="Legend"))
        x += 24 + w + 18
    return shapes
