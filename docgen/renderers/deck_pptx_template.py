"""Committee decks from a PMO's own PowerPoint template (``docgen deck STATUS --template my.pptx``)."""

from __future__ import annotations

from pathlib import Path

from docgen.labels import Labels
from docgen.model.status import Status
from docgen.ooxml.package import document_time
from docgen.renderers import pptx_template


def helpers(status: Status, labels: Labels) -> dict:
    """Return the helpers status templates get besides dates and RAG words (amounts, trends, text)."""
    from docgen.deck import fmt
    from docgen.richtext import plain as plain_text

    currency, language = status.project.currency, labels.language

    def money(amount: float | None, decimals: int = 0, signed: bool = False) -> str:
        """Return an amount in thousands of the project's currency ("€1,234k", "1 234 k€"); "" for none."""
        return "" if amount is None else fmt.money(amount, currency, language, decimals, signed)

    def percent(value: float | None) -> str:
        """Return a percentage written the document's way ("70%", "70 %"); "" for none."""
        return fmt.percent(value, language)

    def trend_word(trend: str | None) -> str:
        """Return an arrow and word for a trend ("↑ Improving"); "" for none."""
        return fmt.trend_text(labels, trend)

    def plain(markdown: str | None) -> str:
        """Return Markdown free text as plain text (emphasis marks and link targets dropped)."""
        return plain_text(markdown) if markdown else ""

    return {"money": money, "percent": percent, "trend_word": trend_word, "plain": plain}


def context(status: Status, labels: Labels) -> dict:
    """Return the context of a status template: the deck context listed by ``templates context deck``."""
    from docgen.templates_admin.contexts import deck_context

    return deck_context(status, labels)


def find(name: str, template_dirs: tuple[Path, ...] = ()) -> Path:
    """Return the checked .pptx template ``name``: a path, else a file of that name on the template path."""
    template = pptx_template.locate(name, template_dirs)
    pptx_template.check_template(template)
    return template


def fill(status: Status, template: Path, language: str | None = None,
         template_dirs: tuple[Path, ...] = ()) -> bytes:
    """Return the bytes of the deck of ``status`` through ``template`` (labels of ``language``).

    The CLI renders before writing any output, so a template error leaves every output untouched.
    """
    from docgen.deck.job import labels_for

    labels = labels_for(status, language, template_dirs)
    return pptx_template.render_bytes(template, context(status, labels),
                                      document_time(status.report_date))


def render(status: Status, labels: Labels, template: Path, dest: Path) -> Path:
    """Write the deck through the PowerPoint template ``template`` to ``dest``; return ``dest``."""
    return pptx_template.render(template, context(status, labels), dest,
                                document_time(status.report_date))
