"""The status workbook (``status.xlsx``) a PMO fills in Excel instead of writing status.yaml.

Laid out by docgen.readers.status_layout (the reader uses the same layout): a README sheet,
key/value sheets ``Project`` and ``Overall``, and one table sheet per list of the status format
whose first row holds the key names. Enumerated columns get drop-down lists (RAG, trends, 1-5
scores, statuses), dates are real date cells, headers are frozen. ``docgen templates init``
writes it filled with the values of the format's example (docs/formats/status.yaml).
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel

from docgen.model.status import DIMENSIONS, EarnedValue, Overall, Project
from docgen.ooxml.package import document_time
from docgen.ooxml.xlsx_writer import (
    SharedStrings,
    Sheet,
    Styles,
    column_letter,
    empty_cell,
    number_cell,
    row_xml,
    workbook_bytes,
)
from docgen.readers.status_layout import KEY_VALUE_SHEETS, TABLES, Kind, Table, kind_of_field

HEADER_FILL = "accent1"  # the workbook theme's accent1 (docgen.ooxml.xlsx_theme)
HEADER_TEXT = "lt1"
KEY_FILL = "D9E1F2"
DATE_FORMAT = 14  # Excel's built-in short date (shown in the reader's locale)
VALIDATED_ROWS = 1000  # drop-down lists cover rows 2..1000 of the table sheets
_EPOCH = date(1899, 12, 30)
_WIDE = {"comment": 50, "mitigation": 45, "context": 50, "summary": 60, "title": 45, "text": 50,
         "options": 50, "name": 30, "recommendation": 35, "columns": 50, "values": 40, "from": 25, "where": 20}
LISTS_FROM_SOURCES = ("risks", "issues", "actions")
README_LINES = (
    "docgen status workbook",
    "",
    "This workbook is a project status for `docgen deck status.xlsx` (the committee deck), read like "
    "status.yaml (format: docs/formats/status.md, workbook: docs/formats/status-workbook.md).",
    "It holds the example status of docs/formats/status.yaml: replace its values with your project's, "
    "and clear the rows you do not report (a slide whose data is absent is left out).",
    "",
    "Project, Overall: one key per row (column A), its value in column B. Required: Project name and "
    "report_date, Overall status. plan (Project sheet): an MS Project XML plan giving milestones and "
    "workstreams. earned_value.pv, .ev, .ac, .spi, .cpi (Overall sheet): earned value.",
    "Dimensions, Workstreams, Milestones, Budget, Risks, Issues, Decisions, Actions: one row per entry; "
    "the first row names the keys (English or French headings, any case). Empty rows are skipped.",
    "Achievements, Next steps: one text per row. Decisions' options: one option per line (Alt+Enter) "
    "or separated by ';'.",
    "Sources: take risks, issues or actions from your own RAID log or a Jira CSV export: list (risks), "
    "from (raid.xlsx, relative to this workbook), sheet (Risks), columns (\"Risk description\": title, "
    "Likelihood: probability), values (probability: {High: 4, Medium: 3, Low: 2}), where (Type: Risk, "
    "to take only some rows); for Jira: from jira.csv, columns jira (or empty: detected).",
    "",
    "Statuses: green, amber, red. Trends: up, stable, down. Probability and impact: 1 to 5. Dates: real "
    "Excel dates or text YYYY-MM-DD. Amounts: plain numbers in the project's currency (250000, not 250). "
    "Free text (comments, summary) is Markdown.",
    "Check it with `docgen validate status.xlsx`: a problem names the sheet and cell, e.g. "
    "status.xlsx: Risks!C3: risks[0].probability: 7 is out of range.",
)


def serial(day: date) -> int:
    """Return ``day`` as an Excel date serial number."""
    return (day - _EPOCH).days


class _Cells:
    """The formats of the workbook and the XML of one cell by kind of value."""

    def __init__(self) -> None:
        self.styles, self.strings = Styles(), SharedStrings()
        self.head = self.styles.xf(bold=True, color=HEADER_TEXT, fill=HEADER_FILL, border=True)
        self.key = self.styles.xf(bold=True, fill=KEY_FILL, border=True)
        self.body = self.styles.xf(wrap=True, border=True)
        self.day = self.styles.xf(border=True, num_fmt=DATE_FORMAT, halign="left")
        self.note = self.styles.xf(wrap=True, color="595959")
        self.title = self.styles.xf(bold=True, size=14)

    def text(self, ref: str, text: str, style: int | None = None) -> str:
        """Return the XML of a text cell."""
        return self.strings.cell(ref, text, self.body if style is None else style)

    def value(self, ref: str, value: object, kind: Kind) -> str | None:
        """Return the XML of a cell holding ``value`` as ``kind`` says (date, number, text), or None when empty."""
        if value is None or value == "" or value == []:
            return None
        if kind.name == "date":
            day = _as_date(value)
            if day is not None:
                return number_cell(ref, serial(day), self.day)
        if isinstance(value, bool):
            return self.text(ref, "yes" if value else "no")
        if isinstance(value, (int, float)):
            return number_cell(ref, value, self.body)
        if isinstance(value, list):
            return self.text(ref, "\n".join(str(v) for v in value))
        return self.text(ref, str(value).rstrip("\n"))


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def status_workbook(data: dict | None = None, when: datetime | None = None) -> bytes:
    """Return the .xlsx bytes of the status workbook holding the raw status ``data`` (empty when None).

    ``data`` is in status.yaml's shape (as a reader gives it); the bytes are reproducible.
    """
    data = data or {}
    cells = _Cells()
    sheets = [_readme(cells)]
    for name, (key, model) in KEY_VALUE_SHEETS.items():
        sheets.append(_key_value(cells, name, key, model, data))
    for table in TABLES:
        sheets.append(_table(cells, table, _rows(table, data)))
    report = _as_date((data.get("project") or {}).get("report_date")) if isinstance(data.get("project"), dict) \
        else None
    return workbook_bytes(sheets, cells.styles, cells.strings, "docgen status workbook", when or document_time(report))


def example_workbook() -> bytes:
    """Return the status workbook filled with the format's example (docs/formats/status.yaml)."""
    from pathlib import Path

    from docgen.readers.yaml_source import parse_yaml
    from docgen.schema import example_text

    return status_workbook(parse_yaml(example_text("status"), Path("status.yaml")).data)


def _readme(cells: _Cells) -> Sheet:
    rows = []
    for number, line in enumerate(README_LINES, 1):
        if line:
            style = cells.title if number == 1 else cells.note
            rows.append(row_xml(number, [cells.text(f"A{number}", line, style)]))
    return Sheet("README", rows, [120])


def _key_value(cells: _Cells, name: str, key: str, model: type[BaseModel], data: dict) -> Sheet:
    """Return the key/value sheet ``name``: key, value and meaning of each key of ``model``."""
    values = data.get(key)
    if not isinstance(values, dict):
        values = {}
    keys: list[tuple[str, object, Kind, str]] = []
    for field_name, info in model.model_fields.items():
        meaning = (info.description or "") + (" (required)" if info.is_required() else "")
        keys.append((field_name, values.get(field_name), kind_of_field(model, field_name), meaning))
    if model is Project:
        keys.append(("plan", data.get("plan"), Kind("text"),
                     "MS Project XML plan (.xml, relative to this workbook): milestones and workstreams."))
    if model is Overall:
        earned = _earned_value(data)
        for field_name, info in EarnedValue.model_fields.items():
            keys.append((f"earned_value.{field_name}", earned.get(field_name), Kind("number"), info.description or ""))
    rows = [row_xml(1, [cells.text("A1", "key", cells.head), cells.text("B1", "value", cells.head),
                        cells.text("C1", "meaning", cells.head)])]
    validations = []
    for number, (field_name, value, kind, meaning) in enumerate(keys, 2):
        row = [cells.text(f"A{number}", field_name, cells.key)]
        cell = cells.value(f"B{number}", value, kind)
        row.append(cell or empty_cell(f"B{number}", cells.day if kind.name == "date" else cells.body))
        row.append(cells.text(f"C{number}", meaning, cells.note))
        rows.append(row_xml(number, row))
        if kind.choices:
            validations.append((f"B{number}", list(kind.choices)))
    return Sheet(name, rows, [22, 50, 70], freeze="A2", validations=validations)


def _earned_value(data: dict) -> dict:
    earned = data.get("earned_value")
    if not isinstance(earned, dict) and isinstance(data.get("budget"), dict):
        earned = data["budget"].get("earned_value")
    return earned if isinstance(earned, dict) else {}


def _rows(table: Table, data: dict) -> list[dict]:
    """Return the entries of ``table`` in ``data`` as dicts of column -> value."""
    value = data.get(table.key)
    if table.key == "dimensions":
        value = value if isinstance(value, dict) else {}
        return [{"dimension": name, **value[name]} for name in DIMENSIONS if isinstance(value.get(name), dict)]
    if table.key == "budget" and isinstance(value, dict):
        value = value.get("lines")
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list):
        return []
    if table.columns == ("text",):
        return [{"text": item} for item in value if not isinstance(item, (dict, list))]
    return [item for item in value if isinstance(item, dict) and "from" not in item]


def _table(cells: _Cells, table: Table, entries: list[dict]) -> Sheet:
    """Return the table sheet of ``table``: key names in row 1, one entry per row."""
    kinds = [kind_of_field(table.model, c) for c in table.columns]
    if table.key == "sources":
        kinds[0] = Kind("choice", LISTS_FROM_SOURCES)
    rows = [row_xml(1, [cells.text(f"{column_letter(i)}1", c, cells.head) for i, c in enumerate(table.columns, 1)])]
    for number, entry in enumerate(entries, 2):
        row = []
        for index, (column, kind) in enumerate(zip(table.columns, kinds), 1):
            cell = cells.value(f"{column_letter(index)}{number}", entry.get(column), kind)
            if cell:
                row.append(cell)
        rows.append(row_xml(number, row))
    last = column_letter(len(table.columns))
    validations = [(f"{column_letter(i)}2:{column_letter(i)}{VALIDATED_ROWS}", list(kind.choices))
                   for i, kind in enumerate(kinds, 1) if kind.choices]
    widths: list[float] = [_WIDE.get(c, 12 if k.name in ("date", "choice", "number") else 18)
                           for c, k in zip(table.columns, kinds)]
    return Sheet(table.sheet, rows, widths, freeze="A2", validations=validations,
                 auto_filter=f"A1:{last}{max(len(entries) + 1, 2)}")
