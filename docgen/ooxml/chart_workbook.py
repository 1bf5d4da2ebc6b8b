"""The workbook embedded in a chart (its "Edit Data" sheet), written as text.

The parts are those XlsxWriter writes for python-pptx's category chart data: categories in
column A from row 2, one column per series with its name in row 1. XlsxWriter runs once per
number format to supply the parts that do not depend on the data (styles, theme, workbook);
the sheet and its shared strings are written here for each chart.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from docgen.ooxml.package import fix_core_times, package_bytes
from docgen.ooxml.xmltext import clean

SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
CORE = "docProps/core.xml"
_SPACE = re.compile(r"^\s|\s$")


@dataclass(frozen=True)
class _Base:
    """XlsxWriter's data-independent parts, the sheet around its data, and the cell styles."""

    parts: dict[str, bytes]
    sheet_head: str  # up to and including <sheetData>, with {ref} for the dimension
    sheet_tail: str
    category_style: str
    value_style: str


def column_letter(number: int) -> str:
    """Return the spreadsheet column name of 1-based ``number`` (1 -> A, 27 -> AA)."""
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def workbook_bytes(categories: list[str], series: list[tuple[str, list[float | None]]],
                   number_format: str, when: datetime) -> bytes:
    """Return the .xlsx holding a category chart's data, reproducible (core times ``when``)."""
    base = _base(number_format)
    parts = dict(base.parts)
    strings: dict[str, int] = {}
    rows = _rows(categories, series, base, strings)
    parts[SHEET] = (base.sheet_head.replace("{ref}", _dimension(categories, series)) + rows
                    + base.sheet_tail).encode("utf-8")
    parts[STRINGS] = _strings_xml(strings, _string_count(categories, series)).encode("utf-8")
    parts[CORE] = fix_core_times(parts[CORE], when)
    return package_bytes(parts)


def _rows(categories: list[str], series: list, base: _Base, strings: dict[str, int]) -> str:
    """Return the <row> elements; strings are numbered in the order XlsxWriter writes them."""
    cells: dict[int, list[tuple[int, str]]] = {}
    for r, category in enumerate(categories, 1):
        cells.setdefault(r, []).append(
            (1, f'<c r="A{r + 1}" s="{base.category_style}" t="s">'
                f"<v>{_index(strings, category)}</v></c>"))
    for c, (name, values) in enumerate(series, 2):
        col = column_letter(c)
        cells.setdefault(0, []).append((c, f'<c r="{col}1" t="s"><v>{_index(strings, name)}</v></c>'))
        for r, value in enumerate(values, 1):
            number = "" if value is None else f"<v>{value:.16G}</v>"
            cells.setdefault(r, []).append(
                (c, f'<c r="{col}{r + 1}" s="{base.value_style}">{number}</c>' if number
                 else f'<c r="{col}{r + 1}" s="{base.value_style}"/>'))
    spans = _spans(cells)
    return "".join(f'<row r="{r + 1}" spans="{spans[r // 16]}">'
                   f'{"".join(xml for _, xml in cells[r])}</row>'
                   for r in sorted(cells))


def _spans(cells: dict[int, list[tuple[int, str]]]) -> dict[int, str]:
    """Return the ``spans`` of each block of 16 rows: its first and last used columns."""
    blocks: dict[int, list[int]] = {}
    for r, row in cells.items():
        blocks.setdefault(r // 16, []).extend(col for col, _ in row)
    return {block: f"{min(cols)}:{max(cols)}" for block, cols in blocks.items()}


def _index(strings: dict[str, int], text: str) -> int:
    return strings.setdefault(text, len(strings))


def _string_count(categories: list[str], series: list) -> int:
    return len(categories) + len(series)


def _dimension(categories: list[str], series: list) -> str:
    rows = max([len(categories)] + [len(values) for _, values in series]) + 1
    return f"A1:{column_letter(len(series) + 1)}{rows}"


def _strings_xml(strings: dict[str, int], count: int) -> str:
    items = []
    for text in strings:
        space = ' xml:space="preserve"' if _SPACE.search(text) else ""
        text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        items.append(f"<si><t{space}>{text}</t></si>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
            f'schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" '
            f'uniqueCount="{len(strings)}">{"".join(items)}</sst>')


@lru_cache(maxsize=8)
def _base(number_format: str) -> _Base:
    """Return XlsxWriter's parts for a one-cell chart sheet in ``number_format`` (once per format)."""
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData()
    data.categories = ["c"]
    data.add_series("s", [1.0], number_format=number_format)
    with zipfile.ZipFile(io.BytesIO(data.xlsx_blob)) as zf:
        parts = {info.filename: zf.read(info) for info in zf.infolist()}
    sheet = parts.pop(SHEET).decode("utf-8")
    parts.pop(STRINGS)
    head, rest = sheet.split("<sheetData>", 1)
    tail = rest[rest.index("</sheetData>"):]
    head = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="{ref}"/>', head) + "<sheetData>"
    return _Base(parts, head, tail, _style_of(sheet, "A2"), _style_of(sheet, "B2"))


def _style_of(sheet: str, ref: str) -> str:
    """Return the style index of cell ``ref`` in the worksheet XML ``sheet``; raise ValueError when it has none."""
    found = re.search(rf'r="{ref}" s="(\d+)"', sheet)
    if found is None:
        raise ValueError(f"python-pptx's chart workbook has no styled cell {ref}")
    return found.group(1)
