"""Stacked rows of a dashboard panel: a marker, text and a tag side by side, measured and fitted.

A :class:`Row` is planned at one text size; :func:`place_rows` stacks the rows that fit a box
and says how many did not. Nothing here overlaps: marker, text and tag get boxes of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from docgen.deck import text as tx
from docgen.deck.measure import Font, shorten
from docgen.ooxml.drawingml.shapes import Box, Para, Run, TextShape

ROW_GAP = 6.0
SIDE_GAP = 6.0
INSET = 2.0


@dataclass
class Row:
    """One item of a panel: its paragraphs, an optional marker on the left and tag on the right.

    ``mark`` and ``tag`` are shapes whose box is set when the row is placed (only their width
    and height are read); ``notes`` holds the full texts the row shortened with "…".
    """

    paras: list[Para]
    mark: TextShape | None = None
    tag: TextShape | None = None
    notes: list[str] | None = None

    def text_width(self, width: float) -> float:
        """Return the width left for the text in a row ``width`` points wide."""
        for side in (self.mark, self.tag):
            if side is not None:
                width -= side.box.w + SIDE_GAP
        return width

    def height(self, width: float, font: Font) -> float:
        """Return the height of the row in a box ``width`` points wide."""
        text = tx.paras_height(self.paras, self.text_width(width) - 2 * INSET, font) + 2 * INSET
        sides = [s.box.h for s in (self.mark, self.tag) if s is not None]
        return max([text, *sides])

    def shapes(self, x: float, y: float, width: float, font: Font, name: str) -> list[TextShape]:
        """Return the row's shapes placed with its top left corner at (x, y)."""
        height = self.height(width, font)
        out = []
        left = x
        if self.mark is not None:
            mark = self.mark.box
            out.append(replace(self.mark, box=Box(x, y + min(INSET + 1, height - mark.h), mark.w, mark.h)))
            left += mark.w + SIDE_GAP
        text_w = self.text_width(width)
        out.append(TextShape(Box(left, y, text_w, height), self.paras, inset=INSET, name=name))
        if self.tag is not None:
            tag = self.tag.box
            out.append(replace(self.tag, box=Box(x + width - tag.w, y, tag.w, tag.h)))
        return out


def rows_height(rows: list[Row], width: float, font: Font) -> float:
    """Return the height of ``rows`` stacked with their gaps."""
    return sum(row.height(width, font) for row in rows) + ROW_GAP * max(len(rows) - 1, 0)


def place_rows(rows: list[Row], box: Box, font: Font, name: str) -> tuple[list[TextShape], int]:
    """Return the shapes of the first rows that fit ``box`` stacked, and how many rows were left out."""
    shapes: list[TextShape] = []
    y = box.y
    for count, row in enumerate(rows):
        height = row.height(box.w, font)
        if y + height > box.bottom + 0.01:
            return shapes, len(rows) - count
        shapes += row.shapes(box.x, y, box.w, font, name)
        y += height + ROW_GAP
    return shapes, 0


def largest_rows(build: Callable[[float], list[Row]], box: Box, font: Font, top: float,
                 floor: float) -> tuple[float, list[Row]]:
    """Return (size, rows) for the largest size from ``top`` to ``floor`` whose rows all fit ``box``.

    When none fits, the rows at ``floor`` are returned (place_rows then leaves some out).
    """
    size = top
    while size > floor + 1e-6:
        rows = build(size)
        if rows_height(rows, box.w, font) <= box.h:
            return size, rows
        size -= 1
    return floor, build(floor)


def clip(para: Para, width: float, lines: int, font: Font) -> tuple[Para, str | None]:
    """Return ``para`` cut with "…" to ``lines`` lines of ``width`` (runs kept), and its full text when cut."""
    bold = any(r.bold for r in para.runs)
    full = para.text
    short = shorten(full, width, para.size, lines, bold, font)
    if short == full:
        return para, None
    body = short[:-1]  # shorten keeps a prefix of the text and adds "…"
    runs, pos = [], 0
    for run in para.runs:
        piece = body[pos:pos + len(run.text)]
        if piece:
            runs.append(replace(run, text=piece))
        pos += len(piece)
        if pos >= len(body):
            break
    if not runs:
        return replace(para, runs=[Run(short, bold=bold)]), full
    runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip() + short[-1])
    return replace(para, runs=runs), full
