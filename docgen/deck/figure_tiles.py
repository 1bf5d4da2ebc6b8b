"""A row of figure tiles over a short table: a count in large type and what it counts.

A committee reads "3 open, 1 overdue" before it reads the rows; a short table also leaves most
of its slide empty. The tiles go over a table only when the table still holds on one slide.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.deck.measure import shorten
from docgen.deck.planning import Planning
from docgen.ooxml.drawingml.shapes import LATE, MUTED, PANEL, Box, Para, Run, TextShape

TILES_H = 78.0
TILE_GAP = 12.0
VALUE_SIZE = 28.0
LABEL_SIZE = 13.0


@dataclass(frozen=True)
class Figure:
    """One tile: the count, the label key it agrees with (``deck.<key>``) and whether a non-zero count is bad news."""

    value: int
    key: str
    alarming: bool = False


def figure_tiles(ctx: Planning, box: Box, figures: list[Figure]) -> list[TextShape]:
    """Return one tile per figure across ``box``, the count over its label ("1 overdue" in two lines)."""
    width = (box.w - TILE_GAP * (len(figures) - 1)) / len(figures)
    shapes = []
    for n, figure in enumerate(figures):
        label = ctx.agreeing(figure.value, figure.key)
        colour = LATE if figure.alarming and figure.value else None
        paras = [Para([Run(str(figure.value), bold=True, color=colour)], VALUE_SIZE, align="c"),
                 Para([Run(shorten(label, width - 8, LABEL_SIZE, 1, False, ctx.font), color=MUTED)], LABEL_SIZE,
                      align="c")]
        shapes.append(TextShape(Box(box.x + n * (width + TILE_GAP), box.y, width, box.h), paras, fill=PANEL,
                                anchor="ctr", inset=4, name=f"Figure {figure.key}"))
    return shapes
