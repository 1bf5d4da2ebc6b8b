"""Text and rules drawn on PDF pages: the pack's contents page and its "Page X of Y" stamps.

pypdf merges, transforms and annotates pages but draws no text, and no PDF drawing library is a
dependency of docgen: the few lines the pack adds are written here as a PDF content stream in
the standard Helvetica fonts (every PDF reader has them; nothing is embedded). Text is encoded
in WinAnsi (Windows-1252), which covers English and French; a character outside it becomes "?".
Widths come from Liberation Sans, which is metric-compatible with Helvetica.
"""

from __future__ import annotations

from dataclasses import dataclass

from pypdf import PageObject
from pypdf.generic import ContentStream, DictionaryObject, NameObject

from docgen.deck.measure import font_for, text_width, wrap

HELVETICA = font_for("Helvetica")
FONTS = {False: "/F1", True: "/F2"}  # bold -> resource name
# Spaces a PDF reader draws as spaces: the no-break ones (typography glue) are not in WinAnsi.
_SPACES = str.maketrans({"\u202f": " ", "\u2007": " ", "\u2011": "-", "\u2060": ""})


@dataclass(frozen=True)
class Text:
    """A line of text whose baseline starts at (``x``, ``y``) points, ``align`` left/right/center of x."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False
    align: str = "left"
    gray: float = 0.0  # 0 black .. 1 white


@dataclass(frozen=True)
class Rule:
    """A straight line from (``x1``, ``y1``) to (``x2``, ``y2``), ``width`` points wide."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    gray: float = 0.6


def width(text: str, size: float, bold: bool = False) -> float:
    """Return the width in points of ``text`` set in Helvetica at ``size`` points."""
    return text_width(text, size, bold, HELVETICA)


def lines(text: str, max_width: float, size: float, bold: bool = False) -> list[str]:
    """Return ``text`` broken into lines of Helvetica no wider than ``max_width`` points."""
    return wrap(text, max_width, size, bold, HELVETICA)


def literal(text: str) -> bytes:
    """Return ``text`` as a PDF string literal in WinAnsi, with its delimiters escaped."""
    raw = text.translate(_SPACES).encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _number(value: float) -> bytes:
    return f"{value:.2f}".rstrip("0").rstrip(".").encode()


def _text_ops(item: Text) -> bytes:
    x = item.x
    if item.align != "left":
        shift = width(item.text, item.size, item.bold)
        x -= shift if item.align == "right" else shift / 2
    return b" ".join([b"BT", _number(item.gray), b"g", FONTS[item.bold].encode(), _number(item.size), b"Tf",
                      _number(x), _number(item.y), b"Td", literal(item.text), b"Tj", b"ET"])


def _rule_ops(item: Rule) -> bytes:
    return b" ".join([_number(item.gray), b"G", _number(item.width), b"w", _number(item.x1), _number(item.y1), b"m",
                      _number(item.x2), _number(item.y2), b"l", b"S"])


def content(items: list[Text | Rule]) -> bytes:
    """Return the content-stream operators drawing ``items``, in a saved graphics state."""
    ops = [_text_ops(i) if isinstance(i, Text) else _rule_ops(i) for i in items]
    return b"q\n" + b"\n".join(ops) + b"\nQ"


def _font(base: str) -> DictionaryObject:
    return DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject(base),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})


def drawn_page(page_width: float, page_height: float, items: list[Text | Rule]) -> PageObject:
    """Return a new page of the given size (points) holding ``items``, with the fonts they use."""
    page = PageObject.create_blank_page(width=page_width, height=page_height)
    fonts = DictionaryObject({NameObject(FONTS[False]): _font("/Helvetica"),
                              NameObject(FONTS[True]): _font("/Helvetica-Bold")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = ContentStream(None, None)
    stream.set_data(content(items))
    page.replace_contents(stream)
    return page
