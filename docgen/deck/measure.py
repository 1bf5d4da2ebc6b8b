"""Text measurement from captured font metrics: widths, word wrapping and heights, in points.

python-pptx cannot measure rendered text, so the planner estimates it here from the advance
widths of Carlito (metric-compatible with Calibri) and Liberation Sans (with Arial). Estimates
err on the wide side: unknown characters count one em, widths get a small safety margin, and
an unknown font uses the wider of the two tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from docgen.deck.font_metrics import METRICS

# Renderers kern and hint differently; 4 % extra width keeps our wraps at or before theirs.
SAFETY = 1.04
ELLIPSIS = "…"

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
    """A font to measure with: the metrics family and a width factor for unknown fonts."""

    family: str = "carlito"
    factor: float = 1.0

    @property
    def line_em(self) -> float:
        """Return the line height as a multiple of the font size (at least 1.2)."""
        return max(1.2, METRICS[(self.family, False)][0])

    def line_height(self, size: float) -> float:
        """Return the height of one line of text at ``size`` points."""
        return self.line_em * size


def font_for(name: str | None) -> Font:
    """Return the Font to measure text set in the typeface ``name`` (e.g. "Calibri")."""
    family = _FAMILIES.get((name or "").strip().lower())
    if family:
        return Font(family)
    # Unknown face: the wider table plus 8 % keeps estimates conservative.
    return Font("liberation", 1.08)


DEFAULT_FONT = Font()


@lru_cache(maxsize=8192)
def _units(text: str, family: str, bold: bool) -> int:
    """Return the advance width of ``text`` in 1/1000 em (integers: widths of parts add up)."""
    widths = METRICS[(family, bold)][1]
    return sum(widths.get(ch, 1000) for ch in text)


def _points(units: int, size: float, font: Font) -> float:
    return units / 1000 * size * SAFETY * font.factor


def text_width(text: str, size: float, bold: bool = False, font: Font = DEFAULT_FONT) -> float:
    """Return the width in points of ``text`` on one line at ``size`` points."""
    return _points(_units(text, font.family, bold), size, font)


def wrap(text: str, width: float, size: float, bold: bool = False,
         font: Font = DEFAULT_FONT) -> list[str]:
    """Return ``text`` broken into lines no wider than ``width`` points (words kept whole when they fit)."""
    lines: list[str] = []
    space = _units(" ", font.family, bold)
    for raw in (text or "").split("\n"):
        words = raw.split()
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
            current, used = word, word_units
            while _points(used, size, font) > width and len(current) > 1:
                cut = _fit_chars(current, width, size, bold, font)
                lines.append(current[:cut])
                current = current[cut:]
                used = _units(current, font.family, bold)
        lines.append(current)
    return lines


def _fit_chars(word: str, width: float, size: float, bold: bool, font: Font) -> int:
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1], size, bold, font) <= width:
        cut += 1
    return cut


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
    lines = wrap(text, width, size, bold, font)
    if len(lines) <= max_lines:
        return text
    kept = lines[: max(max_lines, 1)]
    last = kept[-1]
    while last and text_width(last + ELLIPSIS, size, bold, font) > width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return "\n".join(kept) if "\n" in text else " ".join(kept)
