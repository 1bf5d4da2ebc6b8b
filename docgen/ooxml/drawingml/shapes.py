"""Slide shape primitives: boxes in points, text, lines, tables and charts, with colour roles.

Plain dataclasses (no Office library): the deck planners build them, :mod:`docgen.ooxml.drawingml.shape_xml`
and :mod:`docgen.ooxml.drawingml.chart_xml` write them as DrawingML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Colour roles: a plan says what a colour is for; the writer draws each role with the template's
# palette (docgen.ooxml.drawingml.palette: its theme colours, or deck.yaml beside it). A hex or a theme colour
# spec ("accent1+80") is accepted wherever a role is.
HEADER = "header"
HEADER_TEXT = "header_text"
EMPHASIS = "emphasis"
EMPHASIS_TEXT = "emphasis_text"
HEADING = "heading"
MUTED = "muted"
PANEL = "panel"
RULE = "rule"
BORDER = "border"
TRACK = "track"
LATE = "late"
RAG_FILL = {"green": "rag_green", "amber": "rag_amber", "red": "rag_red"}
RAG_TEXT = {"green": "rag_green_text", "amber": "rag_amber_text", "red": "rag_red_text"}


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide: left, top, width, height in points."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        """Return the x of the right edge."""
        return self.x + self.w

    @property
    def bottom(self) -> float:
        """Return the y of the bottom edge."""
        return self.y + self.h

    def overlaps(self, other: Box, tol: float = 0.5) -> bool:
        """Return True when the two boxes share more than a hairline of area."""
        return (self.x < other.right - tol and other.x < self.right - tol
                and self.y < other.bottom - tol and other.y < self.bottom - tol)

    def contains(self, other: Box, tol: float = 0.5) -> bool:
        """Return True when ``other`` lies inside this box."""
        return (other.x >= self.x - tol and other.y >= self.y - tol
                and other.right <= self.right + tol and other.bottom <= self.bottom + tol)


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    color: str | None = None


@dataclass
class Para:
    """A paragraph: runs at one size, optionally a bullet or numbered item."""

    runs: list[Run]
    size: float
    bullet: str | None = None  # None, "•" or "1." style marker text
    align: str = "l"  # l, c, r
    space_before: float = 0.0
    color: str | None = None
    keep_next: bool = False  # a heading: never the last line of a page

    @property
    def text(self) -> str:
        """Return the plain text of the paragraph."""
        return "".join(r.text for r in self.runs)


@dataclass
class TextShape:
    """A text box or filled shape (rect, roundRect, ellipse, diamond) with paragraphs."""

    box: Box
    paras: list[Para] = field(default_factory=list)
    geometry: str = "rect"
    fill: str | None = None
    line: str | None = None
    anchor: str = "t"  # t, ctr, b
    inset: float = 4.0
    overlay: bool = False  # decoration drawn on top of another shape (progress bar, marker)
    name: str = "Text"


@dataclass
class LineShape:
    """A straight connector from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float
    color: str = MUTED
    width: float = 1.0
    dash: bool = False
    overlay: bool = True

    @property
    def box(self) -> Box:
        """Return the bounding box of the line."""
        return Box(min(self.x1, self.x2), min(self.y1, self.y2),
                   abs(self.x2 - self.x1), abs(self.y2 - self.y1))


@dataclass
class Cell:
    """One table cell: plain text (may hold line breaks) and its look."""

    text: str
    bold: bool = False
    fill: str | None = None
    color: str | None = None
    align: str = "l"
    lead_bold: bool = False  # first line bold (a title above its details)


@dataclass
class TableShape:
    """A table with explicit column widths and row heights; row 0 is the header."""

    box: Box
    col_widths: list[float]
    row_heights: list[float]
    rows: list[list[Cell]]
    size: float
    header_size: float
    margin_x: float
    margin_y: float
    total_row: bool = False
    name: str = "Table"
    notes: list[str] = field(default_factory=list)  # full texts of the cells shortened with "…"


@dataclass
class ChartShape:
    """A native clustered column chart: categories and named series of values."""

    box: Box
    categories: list[str]
    series: list[tuple[str, list[float | None]]]  # None: no value (a gap in the chart)
    title: str = ""
    number_format: str = "#,##0"
    colors: tuple[str, ...] = ("series1", "series2", "series3")
    overlay: bool = False
    name: str = "Chart"
    descr: str = ""  # alt text read out instead of the chart (the title when empty)


Shape = TextShape | LineShape | TableShape | ChartShape
