"""The colour scheme of docgen's built-in templates, and how each format names a theme colour.

The one place docgen's own navy and teal are written: the built-in deck's theme
(templates/src/build_deck_template.py), the workbooks' theme part (:mod:`docgen.ooxml.xlsx_theme`)
and the built-in Word references take them from here. Everything else names theme colours.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

BUILTIN_THEME: dict[str, str] = {
    "dk1": "000000", "lt1": "FFFFFF", "dk2": "1F3864", "lt2": "DDE6F0",
    "accent1": "1F3864", "accent2": "00A3AD", "accent3": "A5A5A5", "accent4": "F2A900",
    "accent5": "2E9E44", "accent6": "C8102E", "hlink": "0563C1", "folHlink": "954F72",
}
SLOTS = tuple(BUILTIN_THEME)
# SpreadsheetML's theme="n" counts lt1, dk1, lt2, dk2 first (the light/dark pairs swapped).
SPREADSHEET_INDEX: dict[str, int] = {
    "lt1": 0, "dk1": 1, "lt2": 2, "dk2": 3, "bg1": 0, "tx1": 1, "bg2": 2, "tx2": 3,
    **{f"accent{n}": 3 + n for n in range(1, 7)}, "hlink": 10, "folHlink": 11,
}


def template_colours(path: Path) -> dict[str, str]:
    """Return the colour slots (dk1, lt1, accent1...) of the theme of the deck template ``path``, {} when unreadable."""
    try:
        with zipfile.ZipFile(path) as package:
            xml = package.read("ppt/theme/theme1.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return {}
    scheme = re.search(r"<a:clrScheme\b.*?</a:clrScheme>", xml, re.S)
    found = re.findall(r'<a:(\w+)>\s*<a:(?:srgbClr val|sysClr [^>]*?lastClr)="([0-9A-Fa-f]{6})"',
                       scheme.group(0)) if scheme else []
    return {slot: value.upper() for slot, value in found}


def minor_latin_font(theme: bytes) -> str | None:
    """Return the body (minor) Latin typeface of the theme part ``theme``, e.g. "Calibri"; None when it names none."""
    from lxml import etree

    # The package guard refused DTDs and entities already; this parser would not resolve them either.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    root = etree.fromstring(theme, parser)
    found = root.find(".//a:minorFont/a:latin", {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"})
    return found.get("typeface") if found is not None and found.get("typeface") else None
