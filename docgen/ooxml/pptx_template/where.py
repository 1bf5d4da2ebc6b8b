"""Where a piece of PowerPoint template text sits (for error messages), and what renders its tags."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class Where:
    """Where a piece of template text sits: the file, the slide number (1-based), the shape."""

    template: Path
    slide: int
    place: str

    def text(self, source: str) -> str:
        """Return ' on slide 2 in text box "Title 1" ("{{ x }}")' for error messages."""
        around = " ".join(source.split())
        if len(around) > 120:
            around = around[:117] + "..."
        return f' on slide {self.slide} in {self.place} ("{around}")'

    def cell(self, row: int | None, col: int) -> Where:
        """Return the Where of a table cell of this shape (1-based; row None for a repeated row)."""
        row_name = f"row {row}" if row else "a repeated row"
        return Where(self.template, self.slide, f"{self.place}, {row_name}, cell {col}")


class Engine(Protocol):
    """What renders the tags of a template: one paragraph's text, or the repetitions a block marker asks for."""

    def render(self, source: str, context: dict, where: Where, shown: str) -> str:
        """Return ``source`` rendered with ``context``; raise a TemplateError located at ``where`` quoting ``shown``."""
        ...

    def loops(self, kind: str, expr: str, context: dict, where: Where, marker: str) -> Iterator[dict]:
        """Yield the context of each repetition of the block marker ``marker`` ("for"/"if" ``kind``, ``expr``)."""
        ...
