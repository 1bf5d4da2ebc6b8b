"""Geometry of a planned deck (issue 17): overlapping text, lines through text, shapes outside, fill.

Used by the layout tests on the :class:`~docgen.deck.shapes.DeckPlan` the planner returns (boxes in
points, before python-pptx). What counts:

- a *text box* is a text shape holding some text, a table (its cells are inside it: one box) or a
  chart (its labels are inside it);
- two text boxes sharing more than a hairline of area overlap; a shape drawn over a text shape
  (``overlay``: a marker, a bar) and sharing area with it covers it, while a shape without text
  drawn under it (a panel, a RAG tile) is its background. Shapes over a table or chart are the
  table's own decorations (progress bars in a cell) and are not checked here;
- a line crosses a text box when any part of it lies inside the box (touching an edge is fine:
  a connector ends on its label);
- every shape lies on the slide, and on the body area below the title on the content slides;
- a text shape's paragraphs, measured like the planner measures them, fit its box;
- the filled fraction is the area of the union of the shapes' boxes on the body area, divided by
  the body area (lines have no area). Cover and divider slides are not expected to be filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.deck import text as tx
from docgen.deck.measure import Font, font_for
from docgen.deck.planning import TITLE_SLIDE
from docgen.deck.shapes import DeckPlan, Frame, SlidePlan
from docgen.ooxml.drawingml.shapes import Box, ChartShape, LineShape, TableShape, TextShape

TOL = 0.5
UNFILLED_KINDS = ("cover", "divider")  # slides meant to be mostly empty


@dataclass
class SlideLayout:
    """What is wrong with the geometry of one slide, and how much of its body it fills."""

    number: int
    kind: str
    planner: str
    title: str
    filled: float
    overlaps: list[str] = field(default_factory=list)
    crossings: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    overflowing: list[str] = field(default_factory=list)

    @property
    def exempt_from_fill(self) -> bool:
        """Return True for a cover or divider slide (not expected to fill its body)."""
        return self.kind in UNFILLED_KINDS or self.planner in UNFILLED_KINDS

    @property
    def problems(self) -> list[str]:
        """Return every geometry problem of the slide, each prefixed with the slide number and title."""
        where = f"slide {self.number} ({self.planner or self.kind}: {self.title})"
        return [f"{where}: {p}" for p in self.overlaps + self.crossings + self.outside + self.overflowing]


def label(shape) -> str:
    """Return a short name of ``shape`` for a message: its name and the start of its text."""
    text = " ".join(p.text for p in getattr(shape, "paras", []))
    text = " ".join(text.split())[:40]
    return f"{getattr(shape, 'name', type(shape).__name__)} {text!r}" if text else \
        getattr(shape, "name", type(shape).__name__)


def has_text(shape) -> bool:
    """Return True when ``shape`` is a text box: a text shape with some text, a table or a chart."""
    if isinstance(shape, (TableShape, ChartShape)):
        return True
    return isinstance(shape, TextShape) and any(p.text.strip() for p in shape.paras)


def segment_crosses(line: LineShape, box: Box, tol: float = TOL) -> bool:
    """Return True when some part of the segment of ``line`` lies inside ``box`` shrunk by ``tol``."""
    x0, y0, x1, y1 = box.x + tol, box.y + tol, box.right - tol, box.bottom - tol
    if x0 >= x1 or y0 >= y1:
        return False
    # Liang-Barsky clipping of the segment to the open rectangle.
    dx, dy = line.x2 - line.x1, line.y2 - line.y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, line.x1 - x0), (dx, x1 - line.x1), (-dy, line.y1 - y0), (dy, y1 - line.y1)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def union_area(boxes: list[Box]) -> float:
    """Return the area covered by ``boxes`` (overlaps counted once)."""
    xs = sorted({v for b in boxes for v in (b.x, b.right)})
    area = 0.0
    for left, right in zip(xs, xs[1:]):
        spans = sorted((b.y, b.bottom) for b in boxes if b.x <= left and b.right >= right)
        covered, top, bottom = 0.0, None, None
        for y0, y1 in spans:
            if bottom is None or y0 > bottom:
                covered += 0 if bottom is None else bottom - top
                top, bottom = y0, y1
            else:
                bottom = max(bottom, y1)
        if bottom is not None:
            covered += bottom - top
        area += covered * (right - left)
    return area


def clipped(box: Box, area: Box) -> Box | None:
    """Return the part of ``box`` inside ``area``, or None when they share no area."""
    x0, y0 = max(box.x, area.x), max(box.y, area.y)
    x1, y1 = min(box.right, area.right), min(box.bottom, area.bottom)
    return Box(x0, y0, x1 - x0, y1 - y0) if x1 > x0 and y1 > y0 else None


def filled(shapes: list, body: Box) -> float:
    """Return the fraction of ``body`` covered by the boxes of ``shapes`` (lines excluded)."""
    boxes = [b for s in shapes if not isinstance(s, LineShape) for b in [clipped(s.box, body)] if b]
    return union_area(boxes) / (body.w * body.h) if boxes else 0.0


def _overlaps(shapes: list) -> list[str]:
    """Return the text boxes sharing area with another text box, and the text shapes something covers."""
    found = []
    for i, a in enumerate(shapes):
        for b in shapes[i + 1:]:
            if isinstance(a, LineShape) or isinstance(b, LineShape) or not a.box.overlaps(b.box, TOL):
                continue
            if has_text(a) and has_text(b):
                found.append(f"{label(a)} overlaps {label(b)}")
            elif has_text(a) and isinstance(a, TextShape) and getattr(b, "overlay", False):
                found.append(f"{label(b)} covers {label(a)}")  # b is drawn after a: on top
            elif has_text(b) and isinstance(b, TextShape) and getattr(a, "overlay", False):
                found.append(f"{label(a)} covers {label(b)}")  # a marker drawn before but meant on top
    return found


def _crossings(shapes: list) -> list[str]:
    """Return the lines that cross a text box."""
    return [f"line ({line.x1:.0f},{line.y1:.0f})-({line.x2:.0f},{line.y2:.0f}) crosses {label(s)}"
            for line in shapes if isinstance(line, LineShape)
            for s in shapes if has_text(s) and segment_crosses(line, s.box)]


def _outside(shapes: list, frame: Frame, content: bool) -> list[str]:
    """Return the shapes off the slide, or off the body area on a content slide."""
    slide = Box(0, 0, frame.width, frame.height)
    found = []
    for s in shapes:
        if not slide.contains(s.box, TOL):
            found.append(f"{label(s)} at {_where(s.box)} is off the slide")
        elif content and not frame.body.contains(s.box, TOL):
            found.append(f"{label(s)} at {_where(s.box)} leaves the body area {_where(frame.body)}")
    return found


def _overflowing(shapes: list, font: Font) -> list[str]:
    """Return the text shapes whose paragraphs, measured like the planner does, are taller than the box."""
    found = []
    for s in shapes:
        if not isinstance(s, TextShape) or not has_text(s) or s.geometry.startswith("vert"):
            continue
        need = tx.paras_height(s.paras, s.box.w - 2 * s.inset, font)
        if need > s.box.h - 2 * s.inset + TOL:
            found.append(f"{label(s)} needs {need:.1f} pt, its box holds {s.box.h - 2 * s.inset:.1f}")
    return found


def _where(box: Box) -> str:
    return f"({box.x:.0f},{box.y:.0f} {box.w:.0f}x{box.h:.0f})"


def check_slide(slide: SlidePlan, number: int, frame: Frame, font: Font | None = None) -> SlideLayout:
    """Return the SlideLayout of one planned slide on ``frame``."""
    font = font or font_for(frame.font_name)
    content = slide.layout != TITLE_SLIDE
    return SlideLayout(number, slide.kind, slide.planner, slide.title, filled(slide.shapes, frame.body),
                       _overlaps(slide.shapes), _crossings(slide.shapes),
                       _outside(slide.shapes, frame, content), _overflowing(slide.shapes, font))


def check_deck(plan: DeckPlan, frame: Frame) -> list[SlideLayout]:
    """Return the SlideLayout of every slide of ``plan``, in order."""
    font = font_for(frame.font_name)
    return [check_slide(slide, n, frame, font) for n, slide in enumerate(plan.slides, 1)]


def plan_file(path: Path, previous: Path | None = None, lang: str | None = None,
              templates: tuple[Path, ...] = ()) -> tuple[DeckPlan, Frame]:
    """Return the DeckPlan the ``deck`` command makes of the status ``path`` and the frame it is laid out on.

    Like ``docgen deck path [--previous previous] [--lang lang] [--templates ...]``: same template
    frame, labels, slide order, changes and rule flags.
    """
    from docgen.deck.order import order_for
    from docgen.deck.plan import plan_deck
    from docgen.deck.template import load_template
    from docgen.jobs.context import RenderContext
    from docgen.jobs.deck import load, rule_flags

    period, _ = load(Path(path), Path(previous) if previous else None)
    ctx = RenderContext.resolve(templates, lang)
    labels = ctx.labels(period.status.project.language)
    template = load_template(ctx.dirs)
    plan = plan_deck(period.status, labels, template.frame, period.changes, rule_flags(period.status, labels),
                     order_for(template.path), period.source, period.previous)
    return plan, template.frame
