"""The portfolio deck: plan the slides (pure) and write them on the deck template (``deck.pptx``).

Slides: cover; dashboard (one row per project by severity); typed RAG against the rules (when
a typed RAG is better than its rule's); budget roll-up per currency (native chart + table);
slipping milestones (top 10); top risks (heat map + register, score 12 or more); decisions
asked (soonest deadline first). The template, its layouts by name, ``deck-layouts.yaml`` kinds
(``cover``, ``dashboard``, ``budget``, ``milestones``, ``risks``, ``decisions``), fitting and
continuation are the project deck's.
"""

from __future__ import annotations

from pathlib import Path

from docgen.deck.planning import fit_title
from docgen.deck.shapes import DeckPlan, Frame
from docgen.labels import Labels
from docgen.ooxml.drawingml.shapes import TableShape
from docgen.ooxml.package import document_time
from docgen.output import atomic_write_bytes
from docgen.portfolio import deck_budget, deck_risks, deck_slides
from docgen.portfolio.deck_planning import make
from docgen.portfolio.summary import Portfolio


def plan_portfolio(portfolio: Portfolio, labels: Labels, frame: Frame | None = None) -> DeckPlan:
    """Return the DeckPlan of the portfolio deck laid out for ``frame``."""
    risks = [t.risk.model_copy(update={"id": t.qualified_id}) for t in portfolio.risks]
    pc = make(labels, frame or Frame(), portfolio.as_of, risks)
    slides = deck_slides.cover(pc, portfolio)
    slides += deck_slides.dashboard(pc, portfolio)
    slides += deck_slides.flag_slides(pc, portfolio)
    slides += deck_budget.budget(pc, portfolio)
    slides += deck_slides.slips(pc, portfolio)
    slides += deck_risks.top_risks(pc)
    slides += deck_slides.decisions(pc, portfolio)
    for slide in slides:
        fit_title(pc.ctx, slide)
        slide.notes += [text for shape in slide.shapes if isinstance(shape, TableShape) for text in shape.notes]
    title = pc.words("title")
    return DeckPlan(slides=slides, footer=title, date_text=labels.format_date(portfolio.as_of),
                    title=title, language=labels.language)


def deck_bytes(portfolio: Portfolio, labels: Labels, dirs: tuple[Path, ...] = ()) -> bytes:
    """Return the bytes of the portfolio deck on the template found along the search path ``dirs`` (reproducible)."""
    from docgen.deck.template import load_template
    from docgen.deck.writer import deck_parts
    from docgen.ooxml.package import package_bytes

    template = load_template(tuple(dirs))
    plan = plan_portfolio(portfolio, labels, template.frame)
    template.check([(s.kind, s.layout) for s in plan.slides])
    return package_bytes(deck_parts(plan, template, document_time(portfolio.as_of)))


def write_portfolio_deck(portfolio: Portfolio, labels: Labels, dest: Path,
                         dirs: tuple[Path, ...] = ()) -> Path:
    """Write the portfolio deck to ``dest`` (reproducible, atomic) and return ``dest``."""
    return atomic_write_bytes(dest, deck_bytes(portfolio, labels, dirs))
