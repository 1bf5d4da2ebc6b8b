"""Text measurement from font metrics: widths, word wrapping and heights, in points.

python-pptx cannot measure rendered text, so the planner estimates it here from advance widths.
Calibri and Arial (Helvetica) are measured with the built-in tables of Carlito and Liberation Sans,
their metric-compatible substitutes (:mod:`docgen.deck.font_metrics`): those tables were captured
from the font files and equal what fontTools reads from them (tests/test_font_files.py checks it),
but they are the same on every machine, with or without the fonts, so the decks of the usual
templates come out byte for byte the same everywhere. Any other typeface is measured with the
advance widths of its installed font file, or of a metric-compatible substitute
(:mod:`docgen.deck.font_files`); one that is not installed (regular and bold) uses the wider
built-in table plus 8 %. Estimates err on the wide side: unknown characters count one em and
widths get a small safety margin.

Lines break only where the slide can (:func:`docgen.deck.typography.glue`): never at a no-break
space (U+00A0, U+202F), between a number and its unit, inside a date or before ``: ; ! ?``. The
no-break spaces are as wide as a space (the narrow one too: an estimate on the wide side), a
non-breaking hyphen (U+2011) as a hyphen, a word joiner (U+2060) nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from docgen.deck.font_files import Face, installed_face
from docgen.deck.font_metrics import METRICS
from docgen.deck.typography import glue

# Renderers kern and hint differently; 4 % extra width keeps our wraps at or before theirs.
SAFETY = 1.04
ELLIPSIS = "…"
# An unknown face: the wider built-in table plus 8 % keeps estimates conservative.
UNKNOWN_FACTOR = 1.08

# Typefaces measured with a built-in table, whether or not a font file is installed.
_FAMILIES = {
    "calibri": "carlito",
    "carlito": "carlito",
    "arial": "liberation",
    "liberation sans": "liberation",
    "helvetica": "liberation",
    "arimo": "liberation",
}


@dataclass(frozen=True)
class Font:
    """A font to measure with: the key of its width tables and a width factor for unknown fonts."""

    family: str = "carlito"
    factor: float = 1.0

    @property
    def line_em(self) -> float:
        """Return the line height as a multiple of the font size (at least 1.2)."""
        return max(1.2, LINE_EM[self.family])

    def line_height(self, size: float) -> float:
        """Return the height of one line of text at ``size`` points."""
        return self.line_em * size


def font_for(name: str | None) -> Font:
    """Return the Font to measure text set in the typeface ``name`` (e.g. "Calibri")."""
    family = _FAMILIES.get(" ".join((name or "").split()).lower())
    if family:
        return Font(family)
    regular, bold = installed_face(name or "", False), installed_face(name or "", True)
    if regular and bold:
        return Font(_registered(regular, bold))
    return Font("liberation", UNKNOWN_FACTOR)


def _with_typography(widths: Mapping[str, int]) -> dict[str, int]:
    """Return ``widths`` with the typography characters tables lack, measured like the ones they stand for."""
    return {**widths, "\u00a0": widths.get(" ", 1000), "\u202f": widths.get(" ", 1000),
            "\u2007": widths.get("0", 1000), "\u2011": widths.get("-", 1000), "\u2060": 0}


def _registered(regular: Face, bold: Face) -> str:
    """Return the key of the width tables of a typeface's installed faces, adding them on first use.

    The key names the files by content, so the widths cached under it are those of these very files.
    """
    key = f"{regular.family.lower()}@{regular.digest[:16]}+{bold.digest[:16]}"
    if key not in LINE_EM:
        WIDTHS[(key, False)] = _with_typography(regular.widths)
        WIDTHS[(key, True)] = _with_typography(bold.widths)
        LINE_EM[key] = regular.line_em
    return key


DEFAULT_FONT = Font()
# (table key, bold) -> advance widths; the built-in tables, then the font files read so far.
WIDTHS = {key: _with_typography(widths) for key, (_, widths) in METRICS.items()}
LINE_EM = {family: line for (family, bold), (line, _) in METRICS.items() if not bold}
# Where a line may break: white space other than the no-break spaces.
_BREAK = re.compile(r"[^\S\u00a0\u2007\u202f]+")


@lru_cache(maxsize=65536)
def _units(text: str, family: str, bold: bool) -> int:
    """Return the advance width of ``text`` in 1/1000 em (integers: widths of parts add up)."""
    widths = WIDTHS[(family, bold)]
    return sum(widths.get(ch, 1000) for ch in text)


def _points(units: int, size: float, font: Font) -> float:
    return units / 1000 * size * SAFETY * font.factor


def text_width(text: str, size: float, bold: bool = False, font: Font = DEFAULT_FONT) -> float:
    """Return the width in points of ``text`` on one line at ``size`` points."""
    return _points(_units(text, font.family, bold), size, font)


def wrap(text: str, width: float, size: float, bold: bool = False,
         font: Font = DEFAULT_FONT, limit: int | None = None) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width`` points (words kept whole when they fit).

    With ``limit``, wrapping stops once more than ``limit`` lines are known (the first lines are
    the same: wrapping is greedy), which keeps shortening a 50,000-character text cheap.
    """
    lines: list[str] = []
    space = _units(" ", font.family, bold)
    for raw in (text or "").split("\n"):
        if limit is not None and len(lines) > limit:
            return lines
        words = [word for word in _BREAK.split(glue(raw)) if word]
        if not words:
            lines.append("")
            continue
        current, used = "", 0
        for word in words:
            word_units = _units(word, font.family, bold)
            # A line's width is the sum of its words' and spaces' widths: no re-measuring.
            candidate = used + space + word_units if current else word_units
            if _points(candidate, size, font) <= width:
                current, used = (f"{current} {word}" if current else word), candidate
                continue
            if current:
                lines.append(current)
                if limit is not None and len(lines) > limit:
                    return lines
            current, used = word, word_units
            if _points(used, size, font) > width and len(current) > 1:
                current, used = _break_word(current, lines, width, size, bold, font, limit)
                if limit is not None and len(lines) > limit:
                    return lines
        lines.append(current)
    return lines


def _break_word(word: str, lines: list[str], width: float, size: float, bold: bool,
                font: Font, limit: int | None = None) -> tuple[str, int]:
    """Return (rest, its units) of ``word`` after appending to ``lines`` its pieces that fill a line.

    Each piece is the longest prefix that fits ``width`` (at least one character); one pass over
    the word, so a word of 50,000 characters costs what its width does. With ``limit``, stops
    once ``lines`` holds more than ``limit`` lines.
    """
    widths = WIDTHS[(font.family, bold)]
    factor = font.factor
    start, used = 0, 0
    for i, ch in enumerate(word):
        units = widths.get(ch, 1000)
        # _points inlined (same arithmetic, same result): this loop runs once per character.
        if i > start and (used + units) / 1000 * size * SAFETY * factor > width:
            lines.append(word[start:i])
            start, used = i, 0
            if limit is not None and len(lines) > limit:
                break
        used += units
    return word[start:], used


def line_count(text: str, width: float, size: float, bold: bool = False,
               font: Font = DEFAULT_FONT) -> int:
    """Return how many lines ``text`` takes in a column ``width`` points wide."""
    return len(wrap(text, width, size, bold, font))


def text_height(text: str, width: float, size: float, bold: bool = False,
                font: Font = DEFAULT_FONT) -> float:
    """Return the height in points of ``text`` wrapped to ``width`` at ``size``."""
    return line_count(text, width, size, bold, font) * font.line_height(size)


def shorten(text: str, width: float, size: float, max_lines: int, bold: bool = False,
            font: Font = DEFAULT_FONT) -> str:
    """Return ``text`` cut so it wraps to at most ``max_lines`` lines, ending with a visible "…"."""
    lines = wrap(text, width, size, bold, font, max(max_lines, 1))
    if len(lines) <= max_lines:
        return text
    kept = lines[: max(max_lines, 1)]
    last = kept[-1]
    while last and text_width(last + ELLIPSIS, size, bold, font) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return _joined(text, kept)


def _joined(text: str, lines: list[str]) -> str:
    """Return the wrapped ``lines`` of ``text`` joined again: by a space or line break where ``text`` had
    one, by nothing where a word too long for a line was broken."""
    sep = "\n" if "\n" in text else " "
    out, pos = [], 0
    for n, line in enumerate(lines):
        out.append(line)
        for ch in line:  # walk ``text`` along the line; wrap turned any run of spaces into one
            if ch.isspace():
                while pos < len(text) and text[pos].isspace():
                    pos += 1
                continue
            while pos < len(text) and text[pos].isspace():
                pos += 1
            pos += 1
        if n < len(lines) - 1:
            out.append(sep if pos < len(text) and text[pos].isspace() else "")
    return "".join(out)


def shorten_keeping(text: str, suffix: str, width: float, size: float, max_lines: int,
                    bold: bool = False, font: Font = DEFAULT_FONT) -> str:
    """Return ``text + suffix``, ``text`` cut with "…" when needed so the whole wraps to ``max_lines`` lines.

    ``suffix`` (e.g. " (HRIS-26)") is kept whole: it should be short (shorten it first).
    """
    if len(wrap(text + suffix, width, size, bold, font, max_lines)) <= max_lines:
        return text + suffix
    head = shorten(text, width, size, max_lines, bold, font)
    if not head.endswith(ELLIPSIS):
        head = text.rstrip() + ELLIPSIS
    body = head[:-1]
    while body and len(wrap(body.rstrip() + ELLIPSIS + suffix, width, size, bold, font,
                            max_lines)) > max_lines:
        body = body[:-1]
    return body.rstrip() + ELLIPSIS + suffix
