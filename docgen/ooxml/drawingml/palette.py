"""The colours of docgen's slides: colour roles, theme colour specs, and the DrawingML drawn with them.

A deck plan names what a colour is *for* ("header", "heading", "rag_green"...), never a brand
hex. A :class:`Palette` gives each role a colour spec: a theme colour of the template (``accent1``,
``tx1``, ``bg2``...; ``accent1+80`` is 80 % lighter, ``bg1-15`` 15 % darker, as in Office's colour
picker) or an RGB hex (``"7B1E3A"``), and writes it as ``<a:schemeClr>`` or ``<a:srgbClr>``.
Text colours are kept readable on their fill (WCAG 2 contrast, see :meth:`Palette.text_on`).
Which palette a deck uses (``deck.yaml`` beside the template) is :mod:`docgen.deck.palette`.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field

from docgen.ooxml.theme import BUILTIN_THEME

# Roles whose look is the brand's: theme colours of the template.
BRAND_ROLES: dict[str, str] = {
    "text": "tx1+15",          # body text of text boxes and tables
    "muted": "tx1+35",         # secondary text: dates under milestones, notes, month ticks
    "header": "accent1",       # table header rows
    "header_text": "bg1",      # text on the header rows
    "emphasis": "accent1",     # decision headings, "Top risks", timeline axis, markers, progress bars
    "emphasis_text": "bg1",    # text on an emphasis fill ("Done" milestone cells)
    "heading": "accent2",      # sub-headings (Achievements, Context, Options...), recommendation frame
    "panel": "bg1-5",          # summary and recommendation panels, milestone labels, total rows
    "band": "bg2+77",          # even table rows
    "row": "bg1",              # odd table rows
    "border": "bg1",           # table cell borders, outlines of markers and heat-map cells
    "rule": "bg1-25",          # timeline connectors
    "track": "bg1-15",         # progress bar track
    "grid": "bg1-15",          # chart gridlines
    "series1": "accent1",      # chart series in order
    "series2": "accent2",
    "series3": "accent3",
}

DARK, LIGHT = "000000", "FFFFFF"  # the two text colours a meaning fill may carry
AA = 4.5  # WCAG 2 AA: the least contrast of text with what it is drawn on


def luminance(hex_colour: str) -> float:
    """Return the WCAG 2 relative luminance (0 black to 1 white) of an RGB hex."""
    def linear(byte: int) -> float:
        value = byte / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_colour[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    """Return the WCAG 2 contrast ratio (1 to 21) of two RGB hex colours; AA asks 4.5 for text."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(fill: str) -> str:
    """Return the text colour (black or white hex) that contrasts more with the RGB hex ``fill``."""
    return DARK if contrast(DARK, fill) >= contrast(LIGHT, fill) else LIGHT


# Roles whose colour is a meaning, not a brand: fixed defaults, changed in deck.yaml only.
RAG_HEX: dict[str, str] = {"green": "2E9E44", "amber": "F2A900", "red": "C8102E"}
RAG_TEXT_HEX: dict[str, str] = {k: readable_on(v) for k, v in RAG_HEX.items()}  # black, black, white
OVERRUN_HEX = "C00000"
UNDERRUN_HEX = "2E7D32"
MEANING_ROLES: dict[str, str] = {
    **{f"rag_{k}": v for k, v in RAG_HEX.items()},
    **{f"rag_{k}_text": v for k, v in RAG_TEXT_HEX.items()},
    "late": OVERRUN_HEX,        # overdue dates, the report-date line of the timeline
    "overrun": OVERRUN_HEX,     # positive variance and slip
    "underrun": UNDERRUN_HEX,   # negative variance
    "zone_low": "C6E5C9",       # heat-map zones
    "zone_medium": "FFE08A",
    "zone_high": "F4A6A6",
}
ROLES: dict[str, str] = {**BRAND_ROLES, **MEANING_ROLES}

SCHEME = ("dk1", "lt1", "dk2", "lt2", "tx1", "bg1", "tx2", "bg2", "accent1", "accent2", "accent3",
          "accent4", "accent5", "accent6", "hlink", "folHlink")
# On a slide, theme colours go through the master's colour map: dk1 is written tx1, and so on.
_MAPPED = {"dk1": "tx1", "lt1": "bg1", "dk2": "tx2", "lt2": "bg2"}
_UNMAPPED = {v: k for k, v in _MAPPED.items()}
_HEX = re.compile(r"#?([0-9A-Fa-f]{6})")
_SCHEME = re.compile(rf"({'|'.join(SCHEME)})\s*(?:([+-])\s*(\d{{1,2}})\s*%?)?")


def colour_xml(spec: str, mapped: bool = True) -> str:
    """Return the DrawingML colour element of a colour spec (``"accent1+80"``, ``"7B1E3A"``).

    ``mapped``: dk1/lt1/dk2/lt2 are written tx1/bg1/tx2/bg2 (through the master's colour map, as
    on a slide); without it tx1/bg1/tx2/bg2 are written as the theme slots themselves (a master).
    Raises ValueError for anything else.
    """
    found = _HEX.fullmatch(spec)
    if found:
        return f'<a:srgbClr val="{found.group(1).upper()}"/>'
    found = _SCHEME.fullmatch(spec)
    if not found:
        raise ValueError(f"not a colour: {spec!r}")
    name, sign, amount = found.groups()
    name = _MAPPED.get(name, name) if mapped else _UNMAPPED.get(name, name)
    if not amount or int(amount) == 0:
        return f'<a:schemeClr val="{name}"/>'
    pct = int(amount)
    mods = f'<a:lumMod val="{(100 - pct) * 1000}"/>'
    if sign == "+":
        mods += f'<a:lumOff val="{pct * 1000}"/>'
    return f'<a:schemeClr val="{name}">{mods}</a:schemeClr>'


@dataclass
class Palette:
    """The colour spec of each role, and the DrawingML fills drawn with them (memoised)."""

    roles: dict[str, str] = field(default_factory=lambda: dict(ROLES))
    _fills: dict[str, str] = field(default_factory=dict, repr=False)
    theme: dict[str, str] = field(default_factory=dict)  # the template's theme colours, {} for the built-in one
    given: frozenset[str] = frozenset()  # the roles deck.yaml sets (drawn as set, even when hard to read)
    _readable: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)

    def spec(self, colour: str) -> str:
        """Return the colour spec of a role (a spec or hex given instead of a role is returned as is)."""
        return self.roles.get(colour, colour)

    def colour(self, colour: str) -> str:
        """Return the DrawingML colour element of a role, a theme colour spec or a hex."""
        return colour_xml(self.spec(colour))

    def solid(self, colour: str) -> str:
        """Return ``<a:solidFill>`` of a role, a theme colour spec or a hex."""
        fill = self._fills.get(colour)
        if fill is None:
            fill = self._fills[colour] = f"<a:solidFill>{self.colour(colour)}</a:solidFill>"
        return fill

    def rgb(self, colour: str, theme: dict[str, str] | None = None) -> str:
        """Return the RGB hex a role, spec or hex stands for, theme colours taken from ``theme``.

        For documents that cannot name a theme colour (Word cells, Excel fonts): ``theme``
        defaults to :data:`BUILTIN_THEME`; lighter/darker applied as Office does (HSL luminance).
        """
        spec = self.spec(colour)
        found = _HEX.fullmatch(spec)
        if found:
            return found.group(1).upper()
        found = _SCHEME.fullmatch(spec)
        if not found:
            raise ValueError(f"not a colour: {spec!r}")
        name, sign, amount = found.groups()
        name = _UNMAPPED.get(name, name)
        base = (theme or BUILTIN_THEME).get(name) or BUILTIN_THEME[name]
        if not amount:
            return base.upper()
        return _shaded_hex(base, sign, int(amount))

    def hex(self, role: str, default: str) -> str:
        """Return the RGB hex of ``role`` when the palette gives one (RAG in Word and Excel), else ``default``."""
        found = _HEX.fullmatch(self.spec(role))
        return found.group(1).upper() if found else default

    def rag_fill(self, rag: str) -> str:
        """Return the RGB hex of the RAG fill ``rag`` (green, amber, red)."""
        return self.hex(f"rag_{rag}", RAG_HEX[rag])

    def rag_text(self, rag: str) -> str:
        """Return the RGB hex of the text drawn on the RAG fill ``rag``."""
        return self.hex(f"rag_{rag}_text", RAG_TEXT_HEX[rag])

    def text_on(self, colour: str, behind: str) -> str:
        """Return the colour to draw text of ``colour`` on the fill ``behind`` (roles or specs), at least 4.5:1.

        ``colour`` itself when it contrasts enough or ``deck.yaml`` sets it; else the first shade of it
        that does (25, 50, 75 % darker on a light fill, lighter on a dark one: still a theme colour);
        else black or white.
        """
        key = (colour, behind)
        found = self._readable.get(key)
        if found is None:
            found = self._readable[key] = self._readable_shade(colour, behind)
        return found

    def _readable_shade(self, colour: str, behind: str) -> str:
        """Return ``colour`` or the shade of it readable on ``behind`` (see :meth:`text_on`)."""
        ground = self.rgb(behind, self.theme)
        if colour in self.given or contrast(self.rgb(colour, self.theme), ground) >= AA:
            return colour
        spec = self.spec(colour)
        sign = "-" if contrast(DARK, ground) >= contrast(LIGHT, ground) else "+"
        found = _SCHEME.fullmatch(spec)
        for amount in (25, 50, 75):
            shade = f"{found.group(1)}{sign}{amount}" if found else _shaded_hex(spec, sign, amount)
            if contrast(self.rgb(shade, self.theme), ground) >= AA:
                return shade
        return readable_on(ground)


def _shaded_hex(hex_colour: str, sign: str, amount: int) -> str:
    """Return the RGB hex ``amount`` % lighter (``sign`` "+") or darker ("-") than ``hex_colour``.

    As Office's lumMod/lumOff do it: on the HSL luminance.
    """
    pct = amount / 100
    r, g, b = (int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    h, lum, sat = colorsys.rgb_to_hls(r, g, b)
    lum = lum * (1 - pct) + (pct if sign == "+" else 0)
    return "".join(f"{round(v * 255):02X}" for v in colorsys.hls_to_rgb(h, min(lum, 1.0), sat))


DEFAULT = Palette()
