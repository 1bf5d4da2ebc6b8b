"""Status workbook reader: ``status.xlsx`` (as ``docgen templates init`` writes it) -> status.yaml's shape.

Sheets and headings follow docgen.readers.status_layout and are matched without regard to case,
spaces or accents (French names accepted: ``Risques``, ``probabilité``, ``échéance``). Empty
rows are skipped; a date cell gives a date and a text ``2026-11-23`` is left for the model to
parse; the ``options`` of a decision are split on new lines and ``;``. Every value's cell is
recorded in the Source's ``lines`` (``risks[2].probability`` -> ``"Risks!C4"``), so validation
errors read ``status.xlsx: Risks!C4: risks[2].probability: 7 is out of range (...)``.

The file goes through the package guard (docgen.ooxml.safe_zip) before openpyxl opens it in
read-only mode: macro-enabled, password-protected (OLE) and zip-bomb files are refused.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from docgen.errors import InputError, Problem, TemplateError
from docgen.ooxml.xlsx_writer import column_letter
from docgen.readers.source import Source
from docgen.readers.status_layout import (
    DIMENSION_NAMES,
    EARNED_VALUE,
    KEY_ALIASES,
    KEY_VALUE_SHEETS,
    TEXT_LISTS,
    TOP_LEVEL_PROJECT_KEYS,
    Table,
    column_for,
    key_value_sheet,
    norm,
    table_for,
)

_SHEET_NAME = re.compile(rb'<sheet\b[^>]*\bname="([^"]*)"')
_SPLIT_OPTIONS = re.compile(r"\s*(?:\r?\n|;)\s*")
LISTS_FROM_SOURCES = ("risks", "issues", "actions")
MAX_WORKBOOK_XML = 4 * 1024 * 1024  # xl/workbook.xml read to tell a status workbook (a real one is a few KB)


def open_workbook(path: Path):
    """Return the openpyxl workbook (read-only, values) of ``path`` once the package guard passed it.

    Raises InputError for a missing file, a macro-enabled or password-protected file, a zip bomb
    or anything else docgen.ooxml.safe_zip refuses, naming the file.
    """
    from docgen.ooxml.safe_zip import checked_package

    path = Path(path)
    if not path.is_file():
        raise InputError.single(path, "file not found" if not path.exists() else "is not a regular file")
    try:
        checked = checked_package(path, "xlsx")
    except TemplateError as exc:
        message = str(exc)
        prefix = f"{path}: "
        raise InputError.single(path, message[len(prefix):] if message.startswith(prefix) else message) from None
    import openpyxl

    try:
        return openpyxl.load_workbook(io.BytesIO(checked.data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
        raise InputError.single(path, f"is not a workbook Excel can open ({type(exc).__name__}: {exc})") from None


def looks_like_status(path: Path) -> bool:
    """Return True when the .xlsx at ``path`` has a ``Project`` (or ``Projet``) sheet; never raises."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > MAX_WORKBOOK_XML:
                return False
            names = _SHEET_NAME.findall(archive.read(info))
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, NotImplementedError):
        return False
    return any(key_value_sheet(n.decode("utf-8", "replace")) == "Project" for n in names)


def cell_value(value: object) -> object:
    """Return a cell's value as a status value: None for blanks, dates for date cells, whole numbers as int."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def read_status_workbook(path: Path, options: object = None) -> Source:
    """Return the Source of the status workbook at ``path``, as its sheets hold it.

    RAID sources and the plan are merged in by docgen.readers.status_inputs, the table's reader.
    Raises InputError naming the sheet and cell of every problem the sheets hold (unknown
    dimension, a mapping that is not one); values themselves are checked by the model.
    """
    path = Path(path)
    book = open_workbook(path)
    reader = _Reader(path)
    try:
        for sheet in book.worksheets:
            reader.sheet(sheet.title, sheet.iter_rows(values_only=True))
    finally:
        book.close()
    reader.finish()
    if "Project" not in reader.seen:
        found = ", ".join(s.title for s in book.worksheets) or "none"
        reader.problems.append(Problem(str(path), f"no Project sheet (found: {found}); is this a status workbook?"))
    if reader.problems:
        raise InputError(reader.problems)
    return Source(path=path, data=reader.data, lines=reader.lines, format="xlsx")


class _Reader:
    """Collects the data, cell places and problems of the sheets of one workbook."""

    def __init__(self, path: Path):
        self.path = path
        self.data: dict = {}
        self.lines: dict[str, int | str] = {}
        self.problems: list[Problem] = []
        self.seen: set[str] = set()
        self.pending: list[tuple[str, dict, dict[str, int | str]]] = []

    def problem(self, place: int | str, message: str, key_path: str | None = None) -> None:
        """Record a problem at ``place`` (``Sheet!A1``)."""
        self.problems.append(Problem(str(self.path), message, place, key_path))

    def sheet(self, title: str, rows) -> None:
        """Read one sheet into the data, by its name; sheets docgen does not know are skipped."""
        kind = key_value_sheet(title)
        if kind is not None:
            self.seen.add(kind)
            self.key_values(title, kind, rows)
            return
        table = table_for(title)
        if table is not None:
            self.table(title, table, rows)

    def key_values(self, title: str, kind: str, rows) -> None:
        """Read a key/value sheet (key in column A, value in column B) into ``project`` or ``overall``."""
        key, model = KEY_VALUE_SHEETS[kind]
        section = self.data.setdefault(key, {})
        self.lines.setdefault(key, f"{title}!A1")
        for number, row in enumerate(rows, 1):
            if not row or cell_value(row[0]) is None:
                continue
            name = norm(row[0])
            value = cell_value(row[1]) if len(row) > 1 else None
            if number == 1 and name in ("key", "cle"):
                continue
            place = f"{title}!B{number}"
            if name.startswith("earnedvalue.") or (kind == "Overall" and name in EARNED_VALUE):
                field = name.split(".", 1)[-1]
                if value is not None:
                    self.data.setdefault("earned_value", {})[field] = value
                    self.lines[f"earned_value.{field}"] = place
                continue
            known = next((f for f in model.model_fields if norm(f) == name), None) or KEY_ALIASES.get(name)
            if kind == "Project" and (name in TOP_LEVEL_PROJECT_KEYS or known in TOP_LEVEL_PROJECT_KEYS):
                if value is not None:
                    self.data[name] = value
                    self.lines[name] = place
                continue
            field = known or str(row[0]).strip()
            if value is None:
                self.lines.setdefault(f"{key}.{field}", place)
                continue
            section[field] = value
            self.lines[f"{key}.{field}"] = place

    def table(self, title: str, table: Table, rows) -> None:
        """Read a table sheet (headings in its first non-empty row) into the list ``table.key``."""
        columns: list[str | None] | None = None
        entries: list[tuple[int, dict]] = []
        for number, row in enumerate(rows, 1):
            values = [cell_value(v) for v in row] if row else []
            if not any(v is not None for v in values):
                continue
            if columns is None:
                columns = [column_for(table, v) if v is not None else None for v in values]
                self.lines.setdefault(table.key, f"{title}!A{number}")
                continue
            entries.append((number, self._entry(title, table, columns, values, number, len(entries))))
        if table.key == "dimensions":
            self._dimensions(title, entries)
        elif table.key == "sources":
            self._sources(title, entries)
        elif table.columns == ("text",):
            self.data[table.key] = [e["text"] for _, e in entries if e.get("text") is not None]
        else:
            self.data[table.key] = [e for _, e in entries]

    def _entry(self, title: str, table: Table, columns: list[str | None], values: list, number: int,
               index: int) -> dict:
        """Return one row as an entry, recording the cell of each column (empty cells too)."""
        entry: dict = {}
        row_path = f"{table.key}[{index}]"
        self.lines[row_path] = f"{title}!A{number}"
        for position, column in enumerate(columns):
            if column is None or column in entry:
                continue
            value = values[position] if position < len(values) else None
            self.lines[f"{row_path}.{column}"] = f"{title}!{column_letter(position + 1)}{number}"
            if value is None:
                continue
            if column in TEXT_LISTS and isinstance(value, str):
                value = [part for part in _SPLIT_OPTIONS.split(value) if part]
            entry[column] = value
        return entry

    def _dimensions(self, title: str, entries: list[tuple[int, dict]]) -> None:
        """Turn the Dimensions rows into the ``dimensions`` mapping; a row giving only its name is skipped."""
        found: dict[str, dict] = {}
        allowed = ", ".join(dict.fromkeys(DIMENSION_NAMES.values()))
        for index, (number, entry) in enumerate(entries):
            raw = entry.pop("dimension", None)
            if not entry:
                continue
            name = DIMENSION_NAMES.get(norm(raw)) if raw is not None else None
            if name is None or name in found:
                message = ("dimension is missing" if raw is None else f"{name} is given twice" if name
                           else f"{raw!r} is not one of {allowed}")
                self.problem(f"{title}!A{number}", message, "dimensions")
                continue
            found[name] = entry
            for key in ("", *entry):
                old = self.lines.pop(f"dimensions[{index}]" + (f".{key}" if key else ""), None)
                if old is not None:
                    self.lines[f"dimensions.{name}" + (f".{key}" if key else "")] = old
        if found:
            self.data["dimensions"] = found

    def _sources(self, title: str, entries: list[tuple[int, dict]]) -> None:
        """Keep the Sources rows as ``from:`` blocks, added to the lists they feed by finish()."""
        from docgen.readers.yaml_source import load_yaml_data

        for index, (number, entry) in enumerate(entries):
            target = norm(entry.pop("list", "") or "")
            target = {"risques": "risks", "problemes": "issues", "plandactions": "actions"}.get(target, target)
            if target not in LISTS_FROM_SOURCES:
                self.problem(f"{title}!A{number}", "list must be one of " + ", ".join(LISTS_FROM_SOURCES),
                             f"sources[{index}].list")
                continue
            block: dict = {}
            places: dict[str, int | str] = {"": f"{title}!A{number}"}
            for key in ("from", "sheet", "columns", "values", "where"):
                value = entry.get(key)
                if value is None:
                    continue
                places[key] = self.lines[f"sources[{index}].{key}"]
                if key in ("columns", "values", "where") and isinstance(value, str) and norm(value) != "jira":
                    text = value if value.lstrip().startswith("{") else "{" + value + "}"
                    try:
                        value = load_yaml_data(text, self.path)
                    except InputError:
                        value = None
                    if not isinstance(value, dict):
                        self.problem(places[key], f"expected a mapping such as \"Risk description\": title, "
                                                  f"got {entry[key]!r}", f"sources[{index}].{key}")
                        continue
                block[key] = value
            self.pending.append((target, block, places))

    def finish(self) -> None:
        """Add the Sources' ``from:`` blocks to the end of the lists they feed, with their cells."""
        for target, block, places in self.pending:
            items = self.data.setdefault(target, [])
            where = f"{target}[{len(items)}]"
            for key, place in places.items():
                self.lines[f"{where}.{key}" if key else where] = place
            items.append(block)
