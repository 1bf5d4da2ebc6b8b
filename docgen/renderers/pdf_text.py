"""Text and rules drawn on PDF pages: the pack's contents page and its "Page X of Y" stamps.

pypdf merges, transforms and annotates pages but draws no text, and no PDF drawing library is a
dependency of docgen: the few lines the pack adds are written here as a PDF content stream in
the standard Helvetica fonts (every PDF reader has them; nothing is embedded). Text is encoded
in WinAnsi (Windows-1252), which covers English and French; a character outside it becomes "?"
(embedding a font for other scripts is not done yet).
Widths come from Liberation Sans, which is metric-compatible with Helvetica.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from pypdf import PageObject, PdfWriter
from pypdf.generic import ContentStream, DictionaryObject, NameObject

from docgen.deck.measure import ELLIPSIS, font_for, shorten, text_width, wrap

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


def drawn(text: str) -> str:
    """Return ``text`` as the page shows it: composed (NFC), its no-break spaces plain, "?" for what WinAnsi lacks."""
    composed = unicodedata.normalize("NFC", text).translate(_SPACES)
    return composed.encode("cp1252", errors="replace").decode("cp1252")


def width(text: str, size: float, bold: bool = False) -> float:
    """Return the width in points of ``text`` as drawn (:func:`drawn`) in Helvetica at ``size`` points."""
    return text_width(drawn(text), size, bold, HELVETICA)


def lines(text: str, max_width: float, size: float, bold: bool = False, max_lines: int | None = None) -> list[str]:
    """Return ``text`` as drawn broken into lines of Helvetica no wider than ``max_width`` points.

    With ``max_lines``, at most that many, the last ending with "..." when the text is cut.
    """
    text = drawn(text)
    if max_lines is not None:
        text = shorten(text, max_width, size, max_lines, bold, HELVETICA).replace(ELLIPSIS, "...")
    # wrap() glues dates and amounts with no-break characters; on the page they are plain spaces
    return [drawn(line).replace("\xa0", " ") for line in wrap(text, max_width, size, bold, HELVETICA)]


def fitted(text: str, max_width: float, size: float, bold: bool = False) -> str:
    """Return ``text`` as drawn on one line no wider than ``max_width`` points, cut with "..." when too long.

    Cut at a character, not a word: a long link keeps its beginning ("Teams: https://teams.ex...").
    """
    text = drawn(text)
    if width(text, size, bold) <= max_width:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with its "...": found by bisection
    while low < high:
        mid = (low + high + 1) // 2
        if width(text[:mid].rstrip() + "...", size, bold) <= max_width:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "..."


def literal(text: str) -> bytes:
    """Return ``text`` as a PDF string literal in WinAnsi, with its delimiters escaped."""
    raw = drawn(text).encode("cp1252")
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


def fonts_of(writer: PdfWriter | None = None) -> DictionaryObject:
    """Return the font resources of drawn pages: Helvetica and Helvetica-Bold, written once in ``writer``.

    Shared indirect objects (without a writer, direct ones): one pair of font dictionaries per
    file, however many pages are stamped.
    """
    regular, bold = _font("/Helvetica"), _font("/Helvetica-Bold")
    if writer is not None:  # pypdf has no public call for adding an object that is not a page
        return DictionaryObject({NameObject(FONTS[False]): writer._add_object(regular),
                                 NameObject(FONTS[True]): writer._add_object(bold)})
    return DictionaryObject({NameObject(FONTS[False]): regular, NameObject(FONTS[True]): bold})


def drawn_page(page_width: float, page_height: float, items: list[Text | Rule],
               fonts: DictionaryObject | None = None) -> PageObject:
    """Return a new page of the given size (points) holding ``items``, with ``fonts`` (:func:`fonts_of`)."""
    page = PageObject.create_blank_page(width=page_width, height=page_height)
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts if fonts is not None
                                                       else fonts_of()})
    stream = ContentStream(None, None)
    stream.set_data(content(items))
    page.replace_contents(stream)
    return page
