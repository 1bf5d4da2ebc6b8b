"""The portfolio job: collect the statuses, summarise them and write each output its extension names.

Formats: ``.pptx`` (the deck), ``.xlsx`` (the workbook), ``.md`` and ``.pdf`` (the deck converted
by LibreOffice, :mod:`docgen.pdf`). The portfolio is one document: it is written from the valid
statuses, and the problems of the others are raised afterwards by the caller (exit 2).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from docgen.labels import load_labels
from docgen.output import output_format as _format
from docgen.portfolio.collect import Collection, collect
from docgen.portfolio.rules import DEFAULT_RULES, Rules
from docgen.portfolio.summary import Portfolio, summarise
from docgen.portfolio.words import Words

FORMATS = ("pptx", "xlsx", "md", "pdf")


def output_format(dest: Path) -> str:
    """Return the format ``dest``'s extension names (pptx, xlsx, md, pdf); raise OutputError otherwise."""
    return _format(dest, FORMATS)


def load(paths: list[Path], as_of: date | None = None, rules: Rules = DEFAULT_RULES) -> tuple[Collection, Portfolio]:
    """Return the collection of the statuses under ``paths`` and its Portfolio (bad files in ``problems``)."""
    collection = collect(paths, as_of)
    return collection, summarise(collection, rules)


def write(portfolio: Portfolio, collection: Collection, dest: Path, language: str | None = None,
          template_dirs: tuple[Path, ...] = ()) -> Path:
    """Write the portfolio to ``dest`` in the format its extension names; return ``dest``."""
    fmt = output_format(dest)
    words = Words(load_labels(language or "en", tuple(template_dirs)))
    if fmt == "xlsx":
        from docgen.portfolio.xlsx import write_workbook

        return write_workbook(portfolio, collection, words, dest)
    if fmt == "md":
        from docgen.portfolio.markdown import write_markdown

        return write_markdown(portfolio, words, dest)
    from docgen.portfolio.deck import deck_bytes, write_portfolio_deck

    if fmt == "pptx":
        return write_portfolio_deck(portfolio, words.labels, dest, template_dirs)
    from docgen.pdf import convert_to_pdf, soffice

    soffice()  # install advice before any work
    data = deck_bytes(portfolio, words.labels, template_dirs)
    with tempfile.TemporaryDirectory(prefix="docgen-portfolio-") as tmp:
        deck = Path(tmp, Path(dest).with_suffix(".pptx").name)
        deck.write_bytes(data)  # a scratch file for LibreOffice, outside any staged run
        return convert_to_pdf(deck, Path(dest))
