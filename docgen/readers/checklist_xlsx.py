"""The Excel checklist docgen writes, filled in by reviewers, read back as an assessment.

The sheet read is the first whose header row (within the first 10) holds an id heading and a
status heading, English or French (ID / Réf., Status / Statut, Evidence / Preuve, Owner /
Responsable, Comment / Commentaire), so a checklist compared with a previous assessment (two
more columns) reads the same. Statuses are the drop-down's words, in either language; an
evidence cell with a hyperlink comes back as the Markdown link ``[text](url)``; a row whose
status was cleared is left out (not verified). The assessment's title, assessor and date come
from the summary sheet when they are there. Places are "Requirements!E7".
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from docgen.errors import InputError
from docgen.ooxml.xlsx_writer import column_letter
from docgen.readers.matrix_columns import cell_text, heading_columns, normalise
from docgen.readers.office_open import OfficeSource, open_checked
from docgen.readers.table import ReadOptions

HEADER_ROWS = 10
_HEADINGS = {"id": "id", "ref": "id", "status": "status", "statut": "status", "evidence": "evidence",
             "preuve": "evidence", "preuves": "evidence", "owner": "owner", "responsable": "owner",
             "comment": "comment", "commentaire": "comment", "commentaires": "comment"}
_SUMMARY = {"assessment": "title", "evaluation": "title", "assessor": "assessor", "evaluateur": "assessor",
            "assessment date": "date", "date de l'evaluation": "date"}
_MONTHS = {name: number for names in (
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"),
    ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
     "novembre", "decembre")) for number, name in enumerate(names, 1)}
_NOT_VERIFIED = {"not verified", "not_verified", "non verifie", "non verifiee"}
_WORDED_DATE = re.compile(r"^(\d{1,2})(?:er)? ([a-z]+) (\d{4})$")


def checklist_header(row: tuple) -> dict[str, int] | None:
    """Return {key: column index} when ``row`` holds an id and a status heading, else None."""
    return heading_columns(row, _HEADINGS, ("id", "status"))


def _date(value: object) -> str | None:
    """Return a summary date cell ("24 November 2026", "1er décembre 2026", a date) as YYYY-MM-DD."""
    if isinstance(value, date):  # a date cell (datetime is a date too)
        return value.isoformat()[:10]
    match = _WORDED_DATE.match(normalise(value))
    if match and match.group(2) in _MONTHS:
        try:
            return date(int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1))).isoformat()
        except ValueError:
            return None
    text = cell_text(value)
    return text if re.match(r"^\d{4}-\d{2}-\d{2}$", text) else None


def _summary(book, skip) -> tuple[dict, dict[str, str]]:
    """Return the assessment title block found on a sheet other than ``skip`` (label | value rows)."""
    found: dict = {}
    where: dict[str, str] = {}
    for sheet in book.worksheets:
        if sheet is skip:
            continue
        for row in sheet.iter_rows(max_row=20, max_col=2):
            if len(row) < 2 or row[1].value is None:
                continue
            key = _SUMMARY.get(normalise(row[0].value))
            value = _date(row[1].value) if key == "date" else cell_text(row[1].value)
            if key and value and key not in found:
                found[key] = value
                where[f"assessment.{key}"] = f"{sheet.title}!{row[1].coordinate}"
    return found, where


def _evidence(cell) -> str:
    """Return an evidence cell as Markdown: its text, as a link to the cell's hyperlink when it has one."""
    text = cell_text(cell.value)
    link = cell.hyperlink.target if cell.hyperlink is not None else None
    if not link or not text:
        return text
    label = text.replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({link.replace(')', '%29').replace(' ', '%20')})"


def read_checklist_xlsx(path: Path, options: ReadOptions) -> OfficeSource:
    """Return the Source of a filled-in Excel checklist, shaped like compliance.yaml.

    Raise InputError for a refused or unreadable workbook and when no sheet has ID and Status columns.
    """
    import openpyxl

    path = Path(path)
    checked = open_checked(path, "xlsx")
    try:
        book = openpyxl.load_workbook(checked.stream(), data_only=True)  # not read-only: hyperlinks
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise InputError.single(path, f"is not an Excel workbook openpyxl can read ({exc})") from None
    found = None
    for sheet in book.worksheets:
        for number, row in enumerate(sheet.iter_rows(max_row=HEADER_ROWS, values_only=True), 1):
            columns = checklist_header(row)
            if columns:
                found = (sheet, number, columns)
                break
        if found:
            break
    if found is None:
        raise InputError.single(path, "no checklist sheet found: no sheet has ID and Status columns "
                                      "(the Requirements sheet docgen writes, or Exigences in French)")
    sheet, header, columns = found
    entries: list[dict] = []
    lines: dict[str, int | str] = {"compliance": f"{sheet.title}!A{header + 1}"}
    for number, row in enumerate(sheet.iter_rows(min_row=header + 1), header + 1):
        cells = {key: row[index] for key, index in columns.items() if index < len(row)}
        ident = cell_text(cells["id"].value) if "id" in cells else ""
        status = cell_text(cells["status"].value) if "status" in cells else ""
        if not ident and not status:
            continue
        if ident and not status:
            continue  # the reviewer cleared the status: not verified
        index = len(entries)
        entry: dict = {}
        for key, cell in cells.items():
            value = _evidence(cell) if key == "evidence" else cell_text(cell.value)
            if value:
                entry[key] = value
                lines[f"compliance[{index}].{key}"] = f"{sheet.title}!{column_letter(columns[key] + 1)}{number}"
        if set(entry) <= {"id", "status"} and normalise(status) in _NOT_VERIFIED:
            continue  # "Not verified" and nothing else: no entry, as docgen wrote it
        lines[f"compliance[{index}]"] = f"{sheet.title}!{column_letter(columns['id'] + 1)}{number}"
        entries.append(entry)
    block, where = _summary(book, sheet)
    lines.update(where)
    lines["assessment"] = next(iter(where.values()), f"{sheet.title}!A1")
    return OfficeSource(path=path, data={"assessment": block, "compliance": entries}, lines=lines,
                        format="xlsx")
