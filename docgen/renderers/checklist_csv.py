"""CSV checklist: one row per requirement, columns id,section,level,text,status,evidence,owner,comment.

Compared with a previous assessment, two columns follow: previous_status,change (codes).
A text cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading ``'``
(:func:`docgen.safety.csv_cell`), so a spreadsheet never runs it as a formula; the CSV reader
takes it off again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from docgen.labels import Labels
from docgen.model.checklist import Checklist
from docgen.output import atomic_write_text
from docgen.renderers.checklist_common import CHANGE_COLUMNS, CSV_COLUMNS, change_row, item_row
from docgen.safety import csv_cell


def render(checklist: Checklist, dest: Path, labels: Labels, dirs: tuple[Path, ...] = ()) -> Path:
    """Return ``dest`` after writing the checklist as UTF-8 CSV (codes, not worded statuses).

    Texts and evidence stay Markdown, so the file can be edited and read back as an assessment.
    """
    buf = io.StringIO(newline="")
    columns = CSV_COLUMNS + CHANGE_COLUMNS if checklist.compared else CSV_COLUMNS
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for item in checklist.items:
        row = item_row(item)
        if checklist.compared:
            row.update(change_row(item))
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return atomic_write_text(dest, buf.getvalue())
