"""Lists of a status taken from the PMO's own RAID log or a Jira export: the ``from:`` blocks.

In a status, ``risks`` (or ``issues``, ``actions``) may be, or hold, a block::

    risks:
      from: raid.xlsx              # .xlsx or .csv, relative to the status file
      sheet: Risks                 # default: the sheet named like the list, else the first one
      columns: {"Risk description": title, "Likelihood": probability}
      values: {probability: {High: 4, Medium: 3, Low: 2}}
      where: {Type: Risk}          # optional: only the rows whose column holds that value

Headings that already name a key of the format (``Owner``, ``ID``, French ``Responsable``...)
need no mapping. The heading row is the first of the first 30 rows naming a mapped column. A
Jira CSV export (``columns: jira``, or detected from its ``Issue key`` and ``Summary`` columns)
is mapped by docgen.readers.jira. Each value's place is ``raid.xlsx: Risks!D7`` (``jira.csv:
line 5, Due date`` for CSV), so validation errors name the RAID file, sheet and cell.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, MutableMapping, Sequence
from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.ooxml.xlsx_writer import column_letter
from docgen.readers import jira
from docgen.readers.source import Source, read_text
from docgen.readers.status_layout import TABLES, column_for, norm, table_for
from docgen.readers.status_workbook import cell_value, open_workbook

LISTS = ("risks", "issues", "actions")
HEADER_SEARCH = 30  # rows looked at for the heading row (RAID logs often have a title block above it)
BLOCK_KEYS = ("from", "sheet", "columns", "values", "where")
_Rows = Sequence[tuple[int, Sequence[object]]]  # (line or row number, cells) of a CSV file or a sheet


def expand_sources(source: Source) -> None:
    """Replace every ``from:`` block of ``source``'s risks, issues and actions by the rows it names.

    Inline entries are kept in their order around the rows read; ``source.lines`` is updated so
    every value points at its cell. Raises InputError listing every block that cannot be read.
    """
    problems: list[Problem] = []
    for key in LISTS:
        value = source.data.get(key)
        if isinstance(value, dict) and "from" in value:
            items, single = [value], True
        elif isinstance(value, list) and any(isinstance(v, dict) and "from" in v for v in value):
            items, single = value, False
        else:
            continue
        try:
            _expand_list(source, key, items, single)
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)


def _expand_list(source: Source, key: str, items: list, single: bool) -> None:
    """Expand the blocks of the list ``key`` (``items``; ``single``: the key held one block) in ``source``."""
    old_lines = {k: v for k, v in source.lines.items() if k.startswith(f"{key}.") or k.startswith(f"{key}[")}
    for k in old_lines:
        del source.lines[k]
    result: list = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        prefix = key if single else f"{key}[{index}]"
        if not (isinstance(item, dict) and "from" in item):
            _move_lines(old_lines, prefix, f"{key}[{len(result)}]", source.lines)
            result.append(item)
            continue
        try:
            rows = read_block(source, key, item, prefix, old_lines)
        except InputError as exc:
            problems += exc.problems
            continue
        for entry, places in rows:
            where = f"{key}[{len(result)}]"
            for column, place in places.items():
                source.lines[f"{where}.{column}" if column else where] = place
            result.append(entry)
    if problems:
        raise InputError(problems)
    source.data[key] = result


def _move_lines(old: Mapping[str, int | str], prefix: str, new_prefix: str,
               lines: MutableMapping[str, int | str]) -> None:
    for k, v in old.items():
        if k == prefix or k.startswith((prefix + ".", prefix + "[")):
            lines[new_prefix + k[len(prefix):]] = v


def read_block(source: Source, key: str, block: dict, prefix: str,
               lines: Mapping[str, int | str]) -> list[tuple[dict, dict[str, str]]]:
    """Return (entry, {key: place}) for each row the ``from:`` block names; raise InputError if it cannot be read."""
    status = str(source.path)

    def fail(sub: str, message: str) -> InputError:
        return InputError.single(status, message, lines.get(f"{prefix}.{sub}", lines.get(prefix)), f"{prefix}.{sub}")

    written = block.get("from")
    if not isinstance(written, str) or not written.strip():
        raise fail("from", "expected the path of a RAID log or Jira export (.xlsx or .csv)")
    path = Path(source.path).parent / written.strip()
    columns = block.get("columns")
    if columns is not None and not isinstance(columns, dict) and norm(columns) != "jira":
        raise fail("columns", "expected a mapping {heading: key} or jira")
    if isinstance(columns, dict):
        table = next(t for t in TABLES if t.key == key)
        for heading, target in columns.items():
            if target not in table.columns:
                raise fail("columns", f"{str(heading if target is None else target)!r} does not name a key of {key} "
                                      f"({', '.join(table.columns)})")
    for sub in ("values", "where"):
        if block.get(sub) is not None and not isinstance(block[sub], dict):
            raise fail(sub, "expected a mapping")
    suffix = path.suffix.lower()
    rows: _Rows
    if suffix == ".csv":
        name, rows = f"{written.strip()}", _csv_rows(path)
    elif suffix in (".xlsx", ".xlsm"):
        name, rows = _sheet_rows(path, key, block.get("sheet"), fail)
        name = f"{written.strip()}: {name}"
    else:
        raise fail("from", f"{written}: unknown RAID format '{suffix or '(none)'}' (expected .xlsx or .csv)")
    return _Mapping(key, block, path).rows(name, rows, suffix == ".csv")


def _csv_rows(path: Path) -> list[tuple[int, list]]:
    """Return (line, cells) for every row of the CSV file at ``path`` (comma or semicolon separated)."""
    text = read_text(path)
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
    rows: list[tuple[int, list]] = []
    try:
        start = 1
        for cells in reader:
            rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError.single(path, f"CSV error: {exc}", line=reader.line_num) from None
    return rows


def _sheet_rows(path: Path, key: str, sheet: object, fail) -> tuple[str, list[tuple[int, tuple]]]:
    """Return the sheet name and (row number, values) of the sheet of ``path`` the block names."""
    book = open_workbook(path)
    try:
        titles = [ws.title for ws in book.worksheets]
        if sheet is not None:
            chosen = next((t for t in titles if norm(t) == norm(sheet)), None)
            if chosen is None:
                raise fail("sheet", f"{path.name} has no sheet {str(sheet)!r} (sheets: {', '.join(titles)})")
        else:
            named = [t for t in titles if getattr(table_for(t), "key", None) == key]
            chosen = (named or titles or [None])[0]
            if chosen is None:
                raise fail("from", f"{path.name} has no sheet")
        return chosen, list(enumerate(book[chosen].iter_rows(values_only=True), 1))
    finally:
        book.close()


class _Mapping:
    """How the headings and values of one RAID sheet become entries of the list ``key``."""

    def __init__(self, key: str, block: dict, path: Path):
        self.key, self.path = key, path
        columns = block.get("columns")
        self.jira = isinstance(columns, str)
        self.columns = {norm(h): str(k).strip() for h, k in columns.items()} if isinstance(columns, dict) else {}
        self.values = {str(k).strip(): {norm(raw): v for raw, v in (m or {}).items()}
                       for k, m in (block.get("values") or {}).items() if isinstance(m, dict)}
        self.where = {norm(h): norm(v) for h, v in (block.get("where") or {}).items()}
        self.table = next(t for t in TABLES if t.key == key)

    def heading_map(self, headings: list[object]) -> dict[int, str]:
        """Return {column index: status key} for a heading row (explicit mapping first, then known names)."""
        if not self.jira and not self.columns and jira.looks_like_jira(headings):
            self.jira = True
        explicit = jira.jira_columns(self.key) if self.jira else self.columns
        found: dict[int, str] = {}
        for index, heading in enumerate(headings):
            if heading is not None and norm(heading) in explicit and explicit[norm(heading)] not in found.values():
                found[index] = explicit[norm(heading)]
        for index, heading in enumerate(headings):
            column = column_for(self.table, heading) if heading is not None and index not in found else None
            if column is not None and column not in found.values():
                found[index] = column
        return found

    def rows(self, name: str, rows: _Rows, is_csv: bool) -> list[tuple[dict, dict[str, str]]]:
        """Return (entry, places) for the data rows under the heading row of ``rows``."""
        header_at, mapping = None, {}
        for position, (_, cells) in enumerate(rows[:HEADER_SEARCH]):
            headings = [cell_value(c) for c in cells]
            found = self.heading_map(headings)
            if found and (len(found) >= 2 or len(self.columns) <= 1):
                header_at, mapping, header = position, found, headings
                break
        if header_at is None:
            wanted = ", ".join(self.columns) if self.columns else "the format's key names"
            raise InputError.single(self.path, f"{name.split(': ')[-1]}: no heading row naming {wanted} "
                                               f"in the first {HEADER_SEARCH} rows")
        filters = {i: v for i, h in enumerate(header) if h is not None and norm(h) in self.where
                   for v in [self.where[norm(h)]]}
        result = []
        for number, cells in rows[header_at + 1:]:
            values = [cell_value(c) for c in cells]
            if not any(v is not None for v in values):
                continue
            if any(norm(values[i] if i < len(values) else "") != v for i, v in filters.items()):
                continue
            entry: dict = {}
            places = {"": self._place(name, number, 0, header, is_csv)}
            for index, column in mapping.items():
                places[column] = self._place(name, number, index, header, is_csv)
                value = values[index] if index < len(values) else None
                if value is None:
                    continue
                entry[column] = self._value(column, value)
            result.append((entry, places))
        return result

    def _value(self, column: str, value: object) -> object:
        table = self.values.get(column)
        if table is not None and norm(value) in table:
            return table[norm(value)]
        if self.jira:
            return jira.jira_value(self.key, column, value)
        if column == "options" and isinstance(value, str):
            return [p.strip() for p in value.replace(";", "\n").splitlines() if p.strip()]
        return value

    @staticmethod
    def _place(name: str, number: int, index: int, header: list, is_csv: bool) -> str:
        if is_csv:
            heading = header[index] if index < len(header) and header[index] is not None else f"column {index + 1}"
            return f"{name}: line {number}, {heading}"
        return f"{name}!{column_letter(index + 1)}{number}"
