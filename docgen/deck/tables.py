"""Fitting tables on slides: column widths, measured row heights, shrinking, then pagination.

Rows are never split: a table that does not fit at the floor size continues on further slides
with its header repeated, its rows spread evenly over those slides (no last slide holding a few
rows left over). The size chosen is the largest that needs no more slides than the floor size
does. A single row taller than a whole slide has its longest cell shortened with a visible "…"
(the only place text is cut).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from docgen.deck.measure import Font, shorten, text_width, wrap
from docgen.ooxml.drawingml.shapes import HEADER, HEADER_TEXT, Box, Cell, TableShape

MARGIN_X = 5.0
MARGIN_Y = 3.0
ROW_SLACK = 1.5


@dataclass(frozen=True)
class Column:
    """How a table column is sized: to its content (``nowrap``) or by ``weight`` of what is left."""

    header: str
    weight: float = 1.0
    nowrap: bool = False
    align: str = "l"
    max_share: float = 0.2
    min_width: float = 0.0


@dataclass
class _Layout:
    size: float
    widths: list[float]
    heights: list[float]
    rows: list[list[Cell]]
    pages: list[list[int]]
    notes: dict[int, list[str]]  # row index -> full texts of its cells shortened with "…"


def fit_table(columns: list[Column], rows: list[list[Cell]], box: Box, font: Font,
              max_size: float = 14, floor: float = 10, total: list[Cell] | None = None,
              first_height: float | None = None) -> list[TableShape]:
    """Return the table as one TableShape per slide, each fitting ``box`` (the first ``first_height``)."""
    body = list(rows) + ([total] if total else [])
    header = [Cell(c.header, bold=True, fill=HEADER, color=HEADER_TEXT, align=c.align) for c in columns]
    sizes = _sizes(max_size, floor)
    layouts = []
    for size in sizes:
        layout = _layout(columns, header, body, box, font, size, first_height)
        if len(layout.pages) == 1 and not _cramped(layout, font):
            return _shapes(layout, box, bool(total))
        layouts.append(layout)
    fewest = len(layouts[-1].pages)
    fitting = [lay for lay in layouts if len(lay.pages) <= fewest]
    best = next((lay for lay in fitting if not _cramped(lay, font)), fitting[0])
    return _shapes(best, box, bool(total))


def _cramped(layout: _Layout, font: Font) -> bool:
    """Return True when a word of a header is wider than its column: it would be broken ("Varianc/e").

    A smaller size is then preferred, if one lets every header word hold on its line.
    """
    return any(text_width(word, layout.size, True, font) > width - 2 * MARGIN_X
               for cell, width in zip(layout.rows[0], layout.widths) for word in cell.text.split())


def _sizes(top: float, floor: float) -> list[float]:
    sizes, size = [], top
    while size >= floor - 1e-6:
        sizes.append(round(size, 1))
        size -= 1
    return sizes or [floor]


def _widths(columns: list[Column], table: list[list[Cell]], width: float, font: Font,
            size: float) -> list[float]:
    widths = [0.0] * len(columns)
    for i, col in enumerate(columns):
        if not col.nowrap:
            continue
        need = max(
            (text_width(line, size, row[i].bold, font) for row in table[1:]
             for line in row[i].text.split("\n")),
            default=0,
        )
        head = max((text_width(w, size, True, font) for w in col.header.split()), default=0)
        widths[i] = min(max(need, head) + 2 * MARGIN_X + 1, col.max_share * width)
        widths[i] = max(widths[i], col.min_width, head + 2 * MARGIN_X + 1)  # a header word is never broken
    flexible = [i for i, c in enumerate(columns) if not c.nowrap]
    fixed = sum(widths)
    minimum = 60.0 * len(flexible)
    if flexible and width - fixed < minimum:
        scale = (width - minimum) / fixed
        widths = [w * scale for w in widths]
        fixed = sum(widths)
    weight = sum(columns[i].weight for i in flexible) or 1
    for i in flexible:
        widths[i] = (width - fixed) * columns[i].weight / weight
    if not flexible:
        extra = (width - fixed) / len(widths)
        widths = [w + extra for w in widths]
    return _header_words_kept(columns, widths, flexible, font, size)


def _header_words_kept(columns: list[Column], widths: list[float], flexible: list[int], font: Font,
                       size: float) -> list[float]:
    """Return ``widths`` with each flexible column at least as wide as its longest header word, when the others
    can give that room (in proportion to what they have over their own longest word)."""
    need = {i: max((text_width(w, size, True, font) for w in columns[i].header.split()), default=0) + 2 * MARGIN_X + 1
            for i in flexible}
    short = [i for i in flexible if widths[i] < need[i]]
    donors = [i for i in flexible if widths[i] > need[i]]
    missing = sum(need[i] - widths[i] for i in short)
    spare = sum(widths[i] - need[i] for i in donors)
    if not short or spare < missing:
        return widths
    out = list(widths)
    for i in short:
        out[i] = need[i]
    for i in donors:
        out[i] -= missing * (widths[i] - need[i]) / spare
    return out


def _cell_height(cell: Cell, width: float, size: float, font: Font) -> float:
    lines = len(wrap(cell.text, width - 2 * MARGIN_X, size, cell.bold or cell.lead_bold, font))
    return lines * font.line_height(size) + 2 * MARGIN_Y + ROW_SLACK


def _layout(columns: list[Column], header: list[Cell], body: list[list[Cell]], box: Box,
            font: Font, size: float, first_height: float | None) -> _Layout:
    widths = _widths(columns, [header, *body], box.w, font, size)
    rows = [header, *body]
    heights = [max(_cell_height(c, w, size, font) for c, w in zip(row, widths)) for row in rows]
    first = first_height or box.h
    room = min(first, box.h) - heights[0]
    notes: dict[int, list[str]] = {}
    for r in range(1, len(rows)):
        if heights[r] > room:
            full = rows[r]
            rows[r] = _shorten_row(rows[r], widths, size, font, room)
            notes[r] = [a.text for a, b in zip(full, rows[r]) if a.text != b.text]
            heights[r] = max(_cell_height(c, w, size, font) for c, w in zip(rows[r], widths))
    return _Layout(size, widths, heights, rows, _balanced(heights, first, box.h), notes)


def _paginate(heights: list[float], first: float, full: float, cap: float = float("inf")) -> list[list[int]]:
    """Return the body rows (indexes) on each page, filled in turn up to ``first``, then ``full``, at most ``cap`` high.

    ``heights[0]`` is the header's, repeated on every page; a page takes at least one row.
    """
    pages: list[list[int]] = [[]]
    used, limit = heights[0], min(first, cap)
    for r in range(1, len(heights)):
        if pages[-1] and used + heights[r] > limit:
            pages.append([])
            used, limit = heights[0], min(full, cap)
        pages[-1].append(r)
        used += heights[r]
    return pages


def _balanced(heights: list[float], first: float, full: float) -> list[list[int]]:
    """Return the rows on as few pages as fit, each page about as high as the others.

    A continued table's last page otherwise holds only the few rows left over: the lowest page
    height that needs no more pages is found by bisection.
    """
    pages = _paginate(heights, first, full)
    if len(pages) < 2:
        return pages
    low, high = 0.0, max(first, full)
    for _ in range(30):
        middle = (low + high) / 2
        if len(_paginate(heights, first, full, middle)) <= len(pages):
            high = middle
        else:
            low = middle
    return _paginate(heights, first, full, high)


def _shorten_row(row: list[Cell], widths: list[float], size: float, font: Font,
                 room: float) -> list[Cell]:
    max_lines = max(1, int((room - 2 * MARGIN_Y - ROW_SLACK) // font.line_height(size)))
    out = []
    for cell, width in zip(row, widths):
        text = shorten(cell.text, width - 2 * MARGIN_X, size, max_lines, cell.bold or cell.lead_bold, font)
        out.append(replace(cell, text=text))
    return out


def _shapes(layout: _Layout, box: Box, has_total: bool) -> list[TableShape]:
    shapes = []
    last_row = len(layout.rows) - 1
    for page in layout.pages:
        index = [0, *page]
        heights = [layout.heights[i] for i in index]
        shapes.append(TableShape(
            box=Box(box.x, box.y, box.w, sum(heights)),
            col_widths=list(layout.widths),
            row_heights=heights,
            rows=[layout.rows[i] for i in index],
            size=layout.size,
            header_size=layout.size,
            margin_x=MARGIN_X,
            margin_y=MARGIN_Y,
            total_row=has_total and page[-1] == last_row,
            notes=[text for i in page for text in layout.notes.get(i, [])],
        ))
    return shapes
