"""The portfolio's input: collect the statuses and summarise them (the job is docgen/jobs/portfolio.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docgen.portfolio.collect import Collection, collect
from docgen.portfolio.rules import DEFAULT_RULES, Rules
from docgen.portfolio.summary import Portfolio, summarise


def load(paths: list[Path], as_of: date | None = None, rules: Rules = DEFAULT_RULES) -> tuple[Collection, Portfolio]:
    """Return the collection of the statuses under ``paths`` and its Portfolio (bad files in ``problems``)."""
    collection = collect(paths, as_of)
    return collection, summarise(collection, rules)
