"""Excel action register: a filtered sheet of actions and a summary sheet of counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from docgen.actions_register import STATUSES, Register
from docgen.labels import Labels
from docgen.ooxml.package import document_time
from docgen.ooxml.xlsx_writer import (
    SharedStrings,
    Sheet,
    Styles,
    column_letter,
    empty_cell,
    number_cell,
    row_xml,
    sheet_title,
    workbook_bytes,
)
from docgen.output import atomic_write_bytes
from docgen.renderers.palette import ACTION_STATUS_FILL, OVERDUE_FILL, OVERDUE_TEXT
from docgen.richtext import plain

R = "actions_register."
HEADER_FILL = "accent1"  # the workbook theme's accent1 (docgen.ooxml.xlsx_theme)
HEADER_TEXT = "lt1"
DATE_FORMAT = 14  # Excel's built-in short date
_EPOCH = date(1899, 12, 30)


def serial(day: date) -> int:
    """Return ``day`` as an Excel date serial number."""
    return (day - _EPOCH).days


def render(register: Register, L: Labels, dest: Path) -> Path:
    """Write the register as .xlsx (reproducible bytes) to ``dest`` and return ``dest``."""
    styles, strings = Styles(), SharedStrings()
    sheets = [_actions(register, L, styles, strings), _summary(register, L, styles, strings)]
    title = f"{L[R + 'kind']}: {register.title}" if register.title else L[R + "kind"]
    data = workbook_bytes(sheets, styles, strings, title, document_time(register.as_of))
    return atomic_write_bytes(dest, data)


def _actions(register: Register, L: Labels, styles: Styles, strings: SharedStrings) -> Sheet:
    head = styles.xf(bold=True, color=HEADER_TEXT, fill=HEADER_FILL, wrap=True, border=True)
    body = styles.xf(wrap=True, border=True)
    strong = styles.xf(bold=True, border=True)
    day = styles.xf(border=True, num_fmt=DATE_FORMAT, halign="left")
    late = styles.xf(bold=True, color=OVERDUE_TEXT, border=True)
    status_xf = {s: styles.xf(fill=ACTION_STATUS_FILL[s], border=True) for s in STATUSES}
    overdue_status = styles.xf(bold=True, color=OVERDUE_TEXT, fill=OVERDUE_FILL, border=True)
    header = [L["common.id"], L[R + "text"], L["common.owner"], L["common.due"],
              L["common.status"], L[R + "origin"], L[R + "last"], L[R + "overdue_days"],
              L["minutes.priority"], L["common.comment"]]
    rows = [row_xml(1, [strings.cell(f"{column_letter(i)}1", h, head)
                        for i, h in enumerate(header, 1)])]
    for number, row in enumerate(register.rows, 2):
        a, n = row.action, str(number)
        cells = [strings.cell("A" + n, a.id or "", strong), strings.cell("B" + n, plain(a.text), body)]
        cells.append(strings.cell("C" + n, a.owner, body) if a.owner else empty_cell("C" + n, body))
        cells.append(number_cell("D" + n, serial(a.due), day) if a.due
                     else empty_cell("D" + n, body))
        cells.append(strings.cell("E" + n, L[f"action_status.{a.status}"],
                                  overdue_status if row.overdue else status_xf[a.status]))
        cells.append(number_cell("F" + n, serial(row.origin.date), day))
        cells.append(number_cell("G" + n, serial(row.last.date), day))
        cells.append(number_cell("H" + n, row.overdue, late) if row.overdue
                     else empty_cell("H" + n, body))
        cells.append(strings.cell("I" + n, L[f"priority.{a.priority}"], body) if a.priority
                     else empty_cell("I" + n, body))
        cells.append(strings.cell("J" + n, plain(a.comment), body) if a.comment
                     else empty_cell("J" + n, body))
        rows.append(row_xml(number, cells))
    last = len(register.rows) + 1
    return Sheet(sheet_title(L[R + "kind"]), rows, [10, 50, 18, 12, 14, 12, 14, 10, 10, 40],
                 freeze="A2", auto_filter=f"A1:J{last}" if register.rows else None)


def _summary(register: Register, L: Labels, styles: Styles, strings: SharedStrings) -> Sheet:
    head = styles.xf(bold=True, color=HEADER_TEXT, fill=HEADER_FILL, border=True)
    body = styles.xf(border=True)
    bold = styles.xf(bold=True, border=True)
    title = styles.xf(bold=True, size=12)
    rows = [row_xml(1, [strings.cell("A1", L[R + "by_status"], title)]),
            row_xml(2, [strings.cell("A2", L["common.status"], head),
                        strings.cell("B2", L[R + "count"], head)])]
    number = 3
    for status, count in register.by_status.items():
        rows.append(row_xml(number, [strings.cell(f"A{number}", L[f"action_status.{status}"], body),
                                     number_cell(f"B{number}", count, body)]))
        number += 1
    rows.append(row_xml(number, [strings.cell(f"A{number}", L[R + "total"], bold),
                                 number_cell(f"B{number}", len(register.rows), bold)]))
    number += 2
    rows.append(row_xml(number, [strings.cell(f"A{number}", L[R + "by_owner"], title)]))
    number += 1
    header = [L["common.owner"]] + [L[f"action_status.{s}"] for s in STATUSES] + [
        L["common.overdue"], L[R + "total"]]
    rows.append(row_xml(number, [strings.cell(f"{column_letter(i)}{number}", h, head)
                                 for i, h in enumerate(header, 1)]))
    for owner, counts in register.by_owner:
        number += 1
        values = [counts[s] for s in STATUSES] + [counts["overdue"],
                                                  sum(counts[s] for s in STATUSES)]
        cells = [strings.cell(f"A{number}", owner or L[R + "unassigned"], body)]
        cells += [number_cell(f"{column_letter(i)}{number}", v, bold if i == len(values) + 1 else body)
                  for i, v in enumerate(values, 2)]
        rows.append(row_xml(number, cells))
    return Sheet(sheet_title(L[R + "summary"]), rows, [28, 12, 12, 12, 12, 12, 12])
