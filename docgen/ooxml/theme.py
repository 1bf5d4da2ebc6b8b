"""The colour scheme of docgen's built-in templates, and how each format names a theme colour.

The one place docgen's own navy and teal are written: the built-in deck's theme
(templates/src/build_deck_template.py), the workbooks' theme part (:mod:`docgen.ooxml.xlsx_theme`)
and the built-in Word references take them from here. Everything else names theme colours.
"""

from __future__ import annotations

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
