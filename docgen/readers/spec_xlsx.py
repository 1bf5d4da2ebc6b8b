"""Excel requirement matrices (.xlsx): one requirement per row under a header found by its words.

The header is the first row, within the first 30 of a sheet, holding an id-like and a
text-like heading (see :mod:`docgen.readers.matrix_columns`, English and French); the first
sheet that has one is read. The title comes from a cover sheet (Document, Cover, Couverture,
Page de garde...: a "Title"/"Titre" cell and the cell right of it, else its first text), else
from the text above the header, else the file name. Places are "Sheet!B7".
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.ooxml.xlsx_writer import column_letter
from docgen.readers.matrix_columns import MatrixRow, cell_text, header_columns, matrix_requirements, normalise
from docgen.readers.office_open import OfficeSource, open_checked
from docgen.readers.table import ReadOptions

HEADER_ROWS = 30
_COVER_SHEETS = {"document", "cover", "cover page", "couverture", "page de garde", "title", "titre",
                 "garde", "identification", "info", "infos", "informations", "about", "readme"}
_COVER_KEYS = {"title": "title", "titre": "title", "document": "title", "intitule": "title",
               "reference": "reference", "ref": "reference", "reference document": "reference",
               "version": "version", "date": "date", "date de version": "date"}


def _open(path: Path):
    """Return the openpyxl workbook of ``path`` (values, not formulas) after the package checks."""
    import openpyxl

    checked = open_checked(path, "xlsx")
    try:
        return openpyxl.load_workbook(checked.stream(), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged workbook
        raise InputError.single(path, f"is not an Excel workbook openpyxl can read ({exc})") from None


def _cover(sheet) -> tuple[dict, dict[str, int | str]]:
    """Return the title block written on a cover sheet ("Title" | value pairs, else its first text)."""
    spec: dict = {}
    where: dict[str, int | str] = {}
    first: tuple[str, str] | None = None
    for r, row in enumerate(sheet.iter_rows(max_row=60, values_only=True), 1):
        texts = [cell_text(v) for v in row]
        for c, text in enumerate(texts):
            if not text:
                continue
            first = first or (text, f"{sheet.title}!{column_letter(c + 1)}{r}")
            key = _COVER_KEYS.get(normalise(text))
            value = next((t for t in texts[c + 1:] if t), "")
            if key and value and key not in spec:
                spec[key] = value
                where[f"specification.{key}"] = f"{sheet.title}!{column_letter(texts.index(value, c + 1) + 1)}{r}"
            break
    if "title" not in spec and first:
        spec["title"], where["specification.title"] = first
    return spec, where


def read_spec_xlsx(path: Path, options: ReadOptions) -> OfficeSource:
    """Return the Source of an Excel requirement matrix, shaped like requirements.yaml.

    Raise InputError for a refused or unreadable file and when no sheet has a header row.
    """
    path = Path(path)
    book = _open(path)
    try:
        found = None
        for sheet in book.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            for r, row in enumerate(rows[:HEADER_ROWS]):
                columns = header_columns(row)
                if columns:
                    found = (sheet, rows, r, columns)
                    break
            if found:
                break
        if found is None:
            names = ", ".join(s.title for s in book.worksheets)
            raise InputError.single(path, f"no requirement matrix found in sheets {names}: no row among the "
                                          f"first {HEADER_ROWS} has an ID and a Requirement heading")
        sheet, rows, header, columns = found
        covers = [s for s in book.worksheets if normalise(s.title) in _COVER_SHEETS and s is not sheet]
        spec, lines = _cover(covers[0]) if covers else ({}, {})
    finally:
        book.close()
    if "title" not in spec:
        above = next(((cell_text(v), f"{sheet.title}!{column_letter(c + 1)}{r}")
                      for r, row in enumerate(rows[:header], 1) for c, v in enumerate(row) if cell_text(v)), None)
        spec["title"], lines["specification.title"] = above or (path.stem, f"{sheet.title}!A1")
    data_rows = [MatrixRow(list(row), f"{sheet.title}!{column_letter(columns['id'] + 1)}{r}",
                           [f"{sheet.title}!{column_letter(c + 1)}{r}" for c in range(len(row))])
                 for r, row in enumerate(rows[header + 1:], header + 2)]
    result = matrix_requirements(data_rows, columns)
    if not result.requirements:
        raise InputError.single(path, "the requirement matrix has a header but no requirement row",
                                f"{sheet.title}!{header + 1}")
    lines["specification"] = lines["specification.title"]
    lines["requirements"] = result.places[0]["id"] if "id" in result.places[0] else result.places[0][""]
    for index, places in enumerate(result.places):
        for key, place in places.items():
            lines[f"requirements[{index}].{key}" if key else f"requirements[{index}]"] = place
    warnings = [Problem(str(path), message, place) for place, message in result.warnings]
    return OfficeSource(path=path, data={"specification": spec, "requirements": result.requirements},
                        lines=lines, format="xlsx", warnings=warnings)
