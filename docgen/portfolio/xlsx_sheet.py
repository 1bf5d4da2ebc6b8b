"""A table sheet for the portfolio workbook: typed cells (text, number, date, RAG) on the xlsx writer.

Each value becomes a real Excel value: numbers as numbers with a number format, dates as date
serials, RAG as its word on its colour. The header is frozen and filtered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from docgen.ooxml.drawingml.palette import DEFAULT
from docgen.ooxml.xlsx_writer import (
    SharedStrings,
    Sheet,
    Styles,
    column_letter,
    empty_cell,
    number_cell,
    row_xml,
    sheet_title,
)

HEADER_FILL = "accent1"  # a theme colour of the workbook (docgen.ooxml.xlsx_theme)
HEADER_TEXT = "lt1"
TOTAL_FILL = DEFAULT.rgb("panel")
FORMATS = {"text": 0, "int": 1, "amount": 3, "index": 2, "pct": 10, "date": 14}
_EPOCH = date(1899, 12, 30)


@dataclass(frozen=True)
class Value:
    """A cell value with its kind (text, int, amount, index, pct, date, rag) and emphasis."""

    value: object
    kind: str = "text"
    bold: bool = False
    color: str | None = None
    fill: str | None = None


def serial(day: date) -> int:
    """Return ``day`` as an Excel date serial number."""
    return (day - _EPOCH).days


class TableSheet:
    """Builds one sheet: a header row, body rows, optional total rows below the filtered range."""

    def __init__(self, name: str, headers: list[str], widths: Sequence[float], styles: Styles,
                 strings: SharedStrings):
        self.name, self.headers, self.widths = sheet_title(name), headers, widths
        self.styles, self.strings = styles, strings
        head = styles.xf(bold=True, color=HEADER_TEXT, fill=HEADER_FILL, wrap=True, border=True)
        self.rows = [row_xml(1, [strings.cell(f"{column_letter(i)}1", h, head) for i, h in enumerate(headers, 1)])]
        self.body_rows = 0

    def _cell(self, ref: str, item: Value | object, total: bool) -> str:
        v = item if isinstance(item, Value) else Value(item, "date" if isinstance(item, date) else
                                                        "amount" if isinstance(item, float) else
                                                        "int" if isinstance(item, int) else "text")
        fill = v.fill or (TOTAL_FILL if total else None)
        bold = v.bold or total
        if v.kind == "rag":
            rag = cast("tuple[str, str] | None", v.value)  # a RAG cell holds (rag, its word)
            if not rag:
                return empty_cell(ref, self.styles.xf(border=True, fill=fill))
            style = self.styles.xf(bold=True, color=DEFAULT.rag_text(rag[0]), fill=DEFAULT.rag_fill(rag[0]),
                                   border=True,
                                   halign="center", wrap=True)
            return self.strings.cell(ref, rag[1], style)
        if v.value is None or v.value == "":
            return empty_cell(ref, self.styles.xf(border=True, fill=fill))
        if v.kind == "text":
            style = self.styles.xf(bold=bold, color=v.color, fill=fill, wrap=True, border=True)
            return self.strings.cell(ref, str(v.value), style)
        style = self.styles.xf(bold=bold, color=v.color, fill=fill, border=True, num_fmt=FORMATS[v.kind],
                               halign="left" if v.kind == "date" else None)
        value = serial(cast(date, v.value)) if v.kind == "date" else cast(float, v.value)
        return number_cell(ref, value, style)

    def add(self, values: list[Value | object], total: bool = False) -> None:
        """Append a row of ``values`` (a total row is bold on grey and left out of the filter)."""
        number = len(self.rows) + 1
        self.rows.append(row_xml(number, [self._cell(f"{column_letter(i)}{number}", v, total)
                                          for i, v in enumerate(values, 1)]))
        if not total:
            self.body_rows = number - 1

    def gap(self) -> None:
        """Append an empty row (between the filtered body and the totals)."""
        self.rows.append(row_xml(len(self.rows) + 1, []))

    def sheet(self) -> Sheet:
        """Return the finished Sheet: header frozen, filter over the header and body rows."""
        last = column_letter(len(self.headers))
        return Sheet(self.name, self.rows, self.widths, freeze="A2",
                     auto_filter=f"A1:{last}{self.body_rows + 1}")
