"""The planning context of the portfolio deck: a deck Planning on a portfolio-wide status, and its words.

The deck's slide planners (table fitting, the heat map, RAG cells) take a
:class:`docgen.deck.planning.Planning`; the portfolio gives them a synthetic status named after the
portfolio (its report date is the as-of date) holding only what a reused planner reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from docgen.deck.planning import Planning
from docgen.deck.shapes import Frame
from docgen.labels import Labels
from docgen.model.status import Overall, Risk, Status
from docgen.model.status import Project as StatusProject
from docgen.portfolio.words import Words


@dataclass
class PortfolioPlanning:
    """The deck Planning, the portfolio's words and the as-of date."""

    ctx: Planning
    words: Words
    as_of: date


def overlay(labels: Labels, deck: dict[str, object]) -> Labels:
    """Return ``labels`` with the ``deck.`` labels in ``deck`` replaced (for reused planners)."""
    data = {name: labels.section(name) for name in ("common", "date", "portfolio")}
    data["deck"] = {**labels.section("deck"), **deck}
    return Labels(labels.language, data)


def make(labels: Labels, frame: Frame, as_of: date, risks: list[Risk] | None = None) -> PortfolioPlanning:
    """Return the PortfolioPlanning for ``frame``; ``risks`` (project-qualified) feed the reused heat map."""
    words = Words(labels)
    status = Status(project=StatusProject(name=words("title"), report_date=as_of),
                    overall=Overall(status="green"), risks=risks or [])
    deck_labels = overlay(labels, {"open_risks": words("risks_note")})
    return PortfolioPlanning(Planning.make(status, deck_labels, frame), words, as_of)
