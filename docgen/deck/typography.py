"""Typography of slide text: no line break inside "99.5 %", "23 November 2026", "A-012", French spacing.

Two functions share the same rules:

- :func:`glue` (for measuring) gives the text back with the same length, each protected space
  replaced by a no-break space (U+00A0), so :mod:`docgen.deck.measure` wraps where the renderer
  can: never between a number and its unit, inside a date, or before ``: ; ! ?``;
- :func:`typeset` (for writing) makes the slide text itself unbreakable there: U+00A0 between a
  number and its unit or percent and inside dates; a WORD JOINER (U+2060) on both sides of the
  hyphen of an id such as ``A-012`` or ``HRIS-26`` (Carlito and Liberation Sans, the deck fonts,
  have no non-breaking hyphen U+2011: another font would draw it); in French, a narrow no-break
  space (U+202F) before ``: ; ! ?`` and inside « », where the text has a space.

Both are idempotent: typeset text typeset again is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from docgen.deck.shapes import SlidePlan
from docgen.ooxml.drawingml.shapes import ChartShape, Para, TableShape, TextShape

NBSP = "\u00a0"
NNBSP = "\u202f"
WORD_JOINER = "\u2060"
NB_HYPHEN = "\u2011"

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "janv\\.|févr\\.|avr\\.|juil\\.|sept\\.|oct\\.|nov\\.|déc\\."
)
_UNITS = (
    "%|‰|k?€|[kM]€|k?\\$|£|k?CHF|kEUR|EUR|USD|GBP|j|d|h|min|days?|jours?|weeks?|semaines?|mois|"
    "months?|pts?|points?|k|M|FTE|ETP"
)
# A space that must not break, as (pattern whose group 1 is that space).
_SPACES = (
    re.compile(rf"(?<![\w.,])\d[\d.,]*( )(?:{_UNITS})(?![\w€$£])"),  # 99.5 %, 12 j, 25 k€
    re.compile(rf"\b\d{{1,2}}(?:er)?( )(?:{_MONTHS})(?![\w])"),  # 23 November, 1er février
    re.compile(rf"(?<![\w.])(?:{_MONTHS})( )\d{{4}}\b"),  # November 2026, déc. 2026
)
_FRENCH = re.compile(r"(?<=\S)[ \u00a0](?=[:;!?»](?:\s|$|[)\].,]))|(?<=«)[ \u00a0]")
_ID = re.compile(r"\b([A-Z]+)-(\d+)\b")


def _protected(text: str) -> list[int]:
    """Return the offsets of the spaces of ``text`` that must not break (both languages' rules)."""
    found = [m.start(1) for pattern in _SPACES for m in pattern.finditer(text)]
    found += [m.start() for m in _FRENCH.finditer(text)]
    return found


@lru_cache(maxsize=65536)
def glue(text: str) -> str:
    """Return ``text`` of the same length, each space that must not break made U+00A0 (for measuring)."""
    if " " not in text:
        return text
    chars = list(text)
    for at in _protected(text):
        chars[at] = NBSP
    return "".join(chars)


@lru_cache(maxsize=65536)
def typeset(text: str, language: str) -> str:
    """Return ``text`` as written on a slide in ``language``: no break inside amounts, dates and ids (see module)."""
    if not text:
        return text
    chars = list(text)
    for pattern in _SPACES:
        for m in pattern.finditer(text):
            chars[m.start(1)] = NBSP
    if language == "fr":
        for m in _FRENCH.finditer(text):
            chars[m.start()] = NNBSP
    return _ID.sub(rf"\1{WORD_JOINER}-{WORD_JOINER}\2", "".join(chars))


def typeset_slide(slide: SlidePlan, language: str) -> None:
    """Typeset in place every text ``slide`` shows: title, subtitle, text boxes, table cells, chart labels.

    Returns nothing; the speaker notes are left as they are.
    """
    slide.title = typeset(slide.title, language)
    _typeset_paras(slide.subtitle, language)
    for shape in slide.shapes:
        if isinstance(shape, TextShape):
            _typeset_paras(shape.paras, language)
        elif isinstance(shape, TableShape):
            for row in shape.rows:
                for cell in row:
                    cell.text = typeset(cell.text, language)
        elif isinstance(shape, ChartShape):
            shape.title = typeset(shape.title, language)
            shape.categories = [typeset(c, language) for c in shape.categories]
            shape.series = [(typeset(name, language), values) for name, values in shape.series]


def _typeset_paras(paras: list[Para], language: str) -> None:
    """Typeset in place the runs of ``paras``."""
    for para in paras:
        para.runs = [replace(run, text=typeset(run.text, language)) for run in para.runs]


def plain(text: str) -> str:
    """Return ``text`` with the typography characters of :func:`typeset` back to spaces and hyphens (for search)."""
    return text.replace(WORD_JOINER, "").translate(_PLAIN)


_PLAIN = str.maketrans({NBSP: " ", NNBSP: " ", NB_HYPHEN: "-"})
