"""CSV reader: a table whose header names the contract's keys, one record per row, with lines.

Comma or semicolon separated (Excel saves ``;`` in many locales), UTF-8 with or without BOM.
Column names are matched without regard to case or surrounding spaces; empty cells are left
out so the model's defaults apply. A cell docgen's CSV writers protected against formula
injection (``'=SUM(1)``, ``'-2``: a quote before ``=``, ``+``, ``-``, ``@``, tab or carriage
return) is read without that quote, so a checklist written as CSV reads back as its text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docgen.errors import InputError
from docgen.readers.source import Source, read_text
from docgen.safety import csv_unquote


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") > header_line.count(",") else ","


def read_csv_table(path: Path, key: str, required: tuple[str, ...],
                   aliases: dict[str, str] | None = None) -> Source:
    """Return a Source whose data is ``{key: [row, ...]}`` for the CSV file at ``path``.

    ``required`` columns must all be in the header, otherwise InputError names the missing
    ones. Line numbers are recorded per row and per cell (``key[3].status``). Other columns are
    kept, like extra YAML keys, and ignored by the model. ``aliases`` maps other header words
    (lower case) to column names.
    """
    path = Path(path)
    text = read_text(path)
    if not text.strip():
        raise InputError.single(path, "is empty (expected a header row and one row per record)")
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first_line))
        header = next(reader)
        columns = [name.strip().lower() for name in header]
        columns = [(aliases or {}).get(name, name) for name in columns]
        missing = [name for name in required if name not in columns]
        if missing:
            plural = "s" if len(missing) > 1 else ""
            found = ", ".join(c for c in columns if c) or "none"
            raise InputError.single(
                path, f"missing column{plural} {', '.join(missing)} (found: {found})", line=1)
        rows: list[dict] = []
        lines: dict[str, int | str] = {key: 2}
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                row_path = f"{key}[{len(rows)}]"
                lines[row_path] = start
                row = {}
                for name, cell in zip(columns, cells):
                    if name and cell.strip():
                        row[name] = csv_unquote(cell.strip())
                        lines[f"{row_path}.{name}"] = start
                rows.append(row)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError.single(path, f"CSV error: {exc}", line=reader.line_num) from None
    return Source(path=path, data={key: rows}, lines=lines, format="csv")
