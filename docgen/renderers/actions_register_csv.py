"""CSV action register: one row per action; columns start with id,text,owner,due,status.

Text cells a spreadsheet would run as a formula get a leading ``'`` (:func:`docgen.safety.csv_cell`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docgen.actions_register import Register
from docgen.output import atomic_write_text
from docgen.safety import csv_cell

COLUMNS = ["id", "text", "owner", "due", "status", "priority", "comment", "origin_meeting",
           "origin_date", "last_meeting", "last_date", "overdue_days"]


def render(register: Register, dest: Path) -> Path:
    """Return ``dest`` after writing the register as UTF-8 CSV (status codes, ISO dates)."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in register.rows:
        a = row.action
        writer.writerow([csv_cell(cell) for cell in (
            a.id or "", a.text, a.owner or "", a.due.isoformat() if a.due else "", a.status,
            a.priority or "", a.comment or "", row.origin.title, row.origin.date.isoformat(),
            row.last.title, row.last.date.isoformat(), row.overdue)])
    return atomic_write_text(dest, buf.getvalue())
