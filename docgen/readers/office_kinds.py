"""What kind of build input a Word document or an Excel workbook is, told from its content; never raises."""

from __future__ import annotations

import re
from pathlib import Path

_KEYWORDS = re.compile(r"\b(MUST|SHALL|SHOULD|REQUIRED|RECOMMENDED)\b")
_TAG = re.compile(r"<[^>]+>")


def workbook_kind(path: Path) -> str | None:
    """Return "assessment" for a checklist (ID and Status columns), "spec" for a requirement matrix, else None."""
    from docgen.readers.checklist_xlsx import checklist_header
    from docgen.readers.matrix_columns import header_columns
    from docgen.readers.office_open import open_checked

    try:
        import openpyxl

        book = openpyxl.load_workbook(open_checked(path, "xlsx").stream(), read_only=True, data_only=True)
        try:
            for sheet in book.worksheets:
                for row in sheet.iter_rows(max_row=30, values_only=True):
                    if checklist_header(row):
                        return "assessment"
                    if header_columns(row):
                        return "spec"
        finally:
            book.close()
    except Exception:  # kind_of never raises: a refused or unreadable file is not an input
        return None
    return None


def document_kind(path: Path) -> str | None:
    """Return "spec" for a Word document holding BCP 14 keywords or a requirement table, else None."""
    from docgen.readers.office_open import open_checked

    try:
        xml = open_checked(path, "docx").parts["word/document.xml"].decode("utf-8", "replace")
    except Exception:  # kind_of never raises: a refused or unreadable file is not an input
        return None
    text = _TAG.sub(" ", xml)
    return "spec" if len(_KEYWORDS.findall(text)) >= 3 else None
