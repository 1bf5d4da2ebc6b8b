"""What every slide planner needs: the status, labels, frame, font, and the table-slide helper."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from docgen.deck.changes import Changes
from docgen.deck.measure import Font, font_for, shorten_keeping, text_width
from docgen.deck.shapes import Frame, SlidePlan
from docgen.deck.tables import Column, fit_table
from docgen.labels import Labels
from docgen.model.status import Status
from docgen.ooxml.drawingml.shapes import RAG_FILL, RAG_TEXT, Box, Cell

TITLE_ONLY = "Title Only"
# Slide kind -> the status section whose headline is its title (see Status.headline).
TITLE_SECTIONS = {"dashboard": "overall", "workstreams": "workstreams", "milestones": "milestones",
                  "budget": "budget", "risks": "risks", "issues": "issues", "decisions": "decisions_required",
                  "actions": "actions"}
TITLE_SLIDE = "Title Slide"
_COUNTER = re.compile(r" \(\d+/\d+\)$")


@dataclass
class Planning:
    """The inputs of planning one deck."""

    status: Status
    labels: Labels
    frame: Frame
    font: Font
    changes: Changes | None = None  # set when built against a previous period
    # dimension -> "Schedule typed Green; rule says Red: ..." where a typed RAG is better than its rule's
    rule_flags: dict[str, str] | None = None
    headlines: bool = True  # section headlines title their slides (the written report keeps section names)

    @classmethod
    def make(cls, status: Status, labels: Labels, frame: Frame,
             changes: Changes | None = None, rule_flags: dict[str, str] | None = None) -> Planning:
        """Return a Planning measuring text with the frame's font."""
        return cls(status, labels, frame, font_for(frame.font_name), changes, rule_flags)

    @property
    def lang(self) -> str:
        """Return the language code of the labels."""
        return self.labels.language

    def t(self, key: str) -> str:
        """Return the deck label ``key`` (e.g. ``titles.risks``)."""
        return self.labels[f"deck.{key}"]

    def title(self, kind: str, label: str | None = None) -> str:
        """Return the title of the ``kind`` slides: their section's headline, else the label ``titles.<label>``."""
        section = TITLE_SECTIONS.get(kind) if self.headlines else None
        return (self.status.headline(section) if section else None) or self.t(f"titles.{label or kind}")

    def count(self, number: int, key: str) -> str:
        """Return ``number`` and the label ``key`` agreeing with it: "2 risques clos", "1 risque clos".

        The singular is ``deck.singular`` of the plural's text (one, and zero in French); a label
        replaced by another text (a reused planner's) stays as it is.
        """
        return f"{number} {self.agreeing(number, key)}"

    def agreeing(self, number: int, key: str) -> str:
        """Return the label ``key`` in the form agreeing with ``number`` ("risque clos" for 1, see :meth:`count`)."""
        word = self.t(key)
        if number == 1 or (self.lang == "fr" and number == 0):
            singular = self.labels.section("deck").get("singular") or {}
            word = singular.get(word, word) if isinstance(singular, dict) else word
        return word

    def day(self, value: date | None) -> str:
        """Return a short date ("30 Jun 2026") or ""."""
        return self.labels.format_date(value, short=True) if value else ""

    def rag_cell(self, rag: str | None) -> Cell:
        """Return a cell showing the RAG word on the RAG colour ("" cell when none)."""
        if not rag:
            return Cell("")
        word = self.labels.get(f"deck.rag.{rag}", rag)
        return Cell(word, bold=True, fill=RAG_FILL[rag], color=RAG_TEXT[rag], align="c")


def month_label(ctx: Planning, day: date) -> str:
    """Return the month of ``day`` written with its year: "Dec 2026", "déc. 2026"."""
    return f"{ctx.labels['date.months_short'][day.month - 1]} {day.year}"


def numbered(title: str, index: int, count: int) -> str:
    """Return ``title`` with " (i/n)" appended when the content spans several slides."""
    return f"{title} ({index}/{count})" if count > 1 else title


def table_slides(ctx: Planning, kind: str, title: str, columns: list[Column],
                 rows: list[list[Cell]], box: Box | None = None, max_size: float = 18,
                 floor: float = 10, total: list[Cell] | None = None) -> list[SlidePlan]:
    """Return the slides holding a table, continued with its header repeated when long.

    The text is set at the largest size from ``max_size`` (18 pt: a short table grows to fill its
    slide) down to ``floor`` that fits; a long table takes the fewest slides.
    """
    box = box or ctx.frame.body
    tables = fit_table(columns, rows, box, ctx.font, max_size, floor, total)
    return [
        SlidePlan(kind, TITLE_ONLY, numbered(title, i, len(tables)), [table])
        for i, table in enumerate(tables, 1)
    ]


def fit_title(ctx: Planning, slide: SlidePlan) -> None:
    """Set the title size of ``slide`` so its title holds on one line (shortened as a last resort)."""
    if slide.layout == TITLE_SLIDE:
        return
    width = ctx.frame.title.w - 2 * 7.2
    size = ctx.frame.title_size
    while size > 18 and text_width(slide.title, size, True, ctx.font) > width:
        size -= 1
    if text_width(slide.title, size, True, ctx.font) > width:
        slide.notes.insert(0, slide.title)
        counter = _COUNTER.search(slide.title)  # "(2/4)" stays visible
        suffix = counter.group(0) if counter else ""
        slide.title = shorten_keeping(slide.title[:len(slide.title) - len(suffix)], suffix, width,
                                      size, 1, True, ctx.font)
    slide.title_size = size
