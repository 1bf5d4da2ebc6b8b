"""Capture advance widths of the deck fonts into docgen/deck/font_metrics.py (run once, offline).

Usage: python templates/src/gen_font_metrics.py  (needs fonttools and the Carlito / Liberation Sans fonts)
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = {
    ("carlito", False): "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf",
    ("carlito", True): "/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf",
    ("liberation", False): "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ("liberation", True): "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
}
CHARS = [chr(c) for c in range(0x20, 0x180)] + list("–—‘’‚“”„…•€→←↑↓▲▼►●■□◆◇✓✗×÷≤≥≠±°№")


def main() -> None:
    out = [
        '"""Advance widths (1/1000 em) of the deck fonts, captured by templates/src/gen_font_metrics.py."""',
        "",
        "# name -> (line height in em, {char: width}) for regular and bold",
        "METRICS = {",
    ]
    for (name, bold), path in FONTS.items():
        font = TTFont(path)
        upem = font["head"].unitsPerEm
        cmap = font.getBestCmap()
        hmtx = font["hmtx"]
        os2 = font["OS/2"]
        line = (os2.usWinAscent + os2.usWinDescent) / upem
        widths = {}
        for ch in CHARS:
            glyph = cmap.get(ord(ch))
            if glyph:
                widths[ch] = round(hmtx[glyph][0] * 1000 / upem)
        body = ", ".join(f"{ch!r}: {w}" for ch, w in widths.items())
        out.append(f"    ({name!r}, {bold}): ({line:.3f}, {{{body}}}),")
    out.append("}")
    dest = Path(__file__).resolve().parents[2] / "docgen" / "deck" / "font_metrics.py"
    dest.write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
