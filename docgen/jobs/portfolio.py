"""The portfolio job: many project statuses (files or folders) -> one dashboard deck, workbook or Markdown.

The portfolio is one document: it is written from the valid statuses, and the problems of the
others are in ``Dashboard.collection.problems`` for the caller to raise afterwards (exit 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import pdf
from docgen.portfolio.collect import Collection
from docgen.portfolio.rules import DEFAULT_RULES, Rules
from docgen.portfolio.summary import Portfolio

NAME = "portfolio"
KIND = "portfolio"
INPUTS = ("status",)
DEFAULT_FORMATS = ("pptx",)
DEFAULT_NAME = "portfolio"


@dataclass(frozen=True)
class Dashboard:
    """What the portfolio job writes: the statuses collected and their summary."""

    collection: Collection
    portfolio: Portfolio


def load(paths: list[Path] | tuple[Path, ...], as_of: date | None = None, rules: Rules = DEFAULT_RULES) -> Dashboard:
    """Return the Dashboard of the statuses under ``paths`` (bad files in ``collection.problems``)."""
    from docgen.portfolio.job import load as collect

    collection, portfolio = collect(list(paths), as_of, rules)
    return Dashboard(collection, portfolio)


def _words(ctx: RenderContext):
    from docgen.portfolio.words import Words

    return Words(ctx.labels(None))


def write_pptx(dashboard: Dashboard, ctx: RenderContext, dest: Path) -> Path:
    """Write the dashboard deck on the deck template of the search path; return ``dest``."""
    from docgen.portfolio.deck import write_portfolio_deck

    return write_portfolio_deck(dashboard.portfolio, ctx.labels(None), dest, ctx.dirs)


def write_xlsx(dashboard: Dashboard, ctx: RenderContext, dest: Path) -> Path:
    """Write the portfolio workbook (Projects, Milestones, Risks, Decisions); return ``dest``."""
    from docgen.portfolio.xlsx import write_workbook

    return write_workbook(dashboard.portfolio, dashboard.collection, _words(ctx), dest)


def write_md(dashboard: Dashboard, ctx: RenderContext, dest: Path) -> Path:
    """Write the portfolio as Markdown tables; return ``dest``."""
    from docgen.portfolio.markdown import write_markdown

    return write_markdown(dashboard.portfolio, _words(ctx), dest)


WRITERS = {".pptx": write_pptx, ".xlsx": write_xlsx, ".md": write_md, ".markdown": write_md,
           ".pdf": pdf(write_pptx, ".pptx")}
