"""The deck plan: slides and the shapes on them, with boxes in points. No Office library here.

The shapes themselves are :mod:`docgen.ooxml.drawingml.shapes`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docgen.ooxml.drawingml.shapes import Box, Para


@dataclass
class SlidePlan:
    """One slide: its kind, the layout it uses, its title and the shapes placed on it."""

    kind: str
    layout: str
    title: str
    shapes: list = field(default_factory=list)
    subtitle: list[Para] = field(default_factory=list)
    title_size: float | None = None
    notes: list[str] = field(default_factory=list)  # full texts shortened with "…" (then all speaker notes)
    data: list[str] = field(default_factory=list)  # what the slide shows of its data and leaves out
    planner: str = ""  # the slide kind of deck.yaml's order: that made it (set by plan_deck)


@dataclass
class DeckPlan:
    """The whole deck: slides in order, plus the footer text and date shown on each slide."""

    slides: list[SlidePlan]
    footer: str
    date_text: str
    title: str = ""
    language: str = "en"


@dataclass(frozen=True)
class Frame:
    """Where things go on the template's slides, in points."""

    width: float = 960.0
    height: float = 540.0
    title: Box = Box(36, 12, 888, 52)
    body: Box = Box(36, 88, 888, 404)
    cover_title: Box = Box(60, 150, 840, 110)
    cover_subtitle: Box = Box(60, 280, 840, 150)
    title_size: float = 28.0
    font_name: str = "Calibri"
