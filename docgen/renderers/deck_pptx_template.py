"""Committee decks from a PMO's own PowerPoint template (``docgen deck STATUS --template my.pptx``)."""

from __future__ import annotations

from pathlib import Path

from docgen.labels import Labels
from docgen.model.status import Status
from docgen.ooxml.package import document_time
from docgen.renderers import pptx_template
from docgen.renderers.docx_template import rag_colour


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


def deck_variables(status: Status, labels: Labels) -> dict:
    """Return the context of a template filled from a project status (listed by ``templates context deck``)."""
    ctx = {name: getattr(status, name) for name in type(status).model_fields}
    ctx.update(report_date=status.report_date, language=labels.language, L=labels,
               date=labels.format_date, short_date=lambda d: labels.format_date(d, short=True),
               rag_colour=rag_colour, rag_word=lambda rag: labels.get(f"deck.rag.{rag}", rag or ""))
    ctx.update(helpers(status, labels))
    return ctx


def context(status: Status, labels: Labels) -> dict:
    """Return the context of a status template: the deck context listed by ``templates context deck``."""
    return deck_variables(status, labels)


def find(name: str, dirs: tuple[Path, ...] = ()) -> Path:
    """Return the checked .pptx template ``name``: a path, else a file of that name along the search path ``dirs``."""
    template = pptx_template.locate(name, dirs)
    pptx_template.check_template(template)
    return template


def fill(status: Status, template: Path, labels: Labels) -> bytes:
    """Return the bytes of the deck of ``status`` through ``template`` in the words of ``labels``."""
    return pptx_template.render_bytes(template, context(status, labels),
                                      document_time(status.report_date))


def render(status: Status, labels: Labels, template: Path, dest: Path) -> Path:
    """Write the deck through the PowerPoint template ``template`` to ``dest``; return ``dest``."""
    return pptx_template.render(template, context(status, labels), dest,
                                document_time(status.report_date))
