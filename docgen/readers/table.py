"""The one table of readers: (input kind, file extension) -> the function that reads it.

As pandoc's ``readers`` list: every reader takes the path and the :class:`ReadOptions` and
returns the raw :class:`Source` (data in the format's shape, and the line or place of every
value), which the model then validates. Adding a format is one module and one line here.
Readers are named as ``module:function`` and imported on first use, so starting docgen does not
load openpyxl or python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docgen.errors import InputError
from docgen.readers.source import Source


@dataclass(frozen=True)
class ReadOptions:
    """What a command may tell a reader: the extraction mode and id pattern of a specification."""

    mode: str | None = None
    id_pattern: str | None = None


# (kind, extension) -> "module:function"; the function is ``read(path, options) -> Source``.
READERS: dict[tuple[str, str], str] = {
    ("meeting", ".yaml"): "docgen.readers.table:read_yaml_file",
    ("meeting", ".yml"): "docgen.readers.table:read_yaml_file",
    ("meeting", ".md"): "docgen.readers.table:read_markdown_notes",
    ("meeting", ".markdown"): "docgen.readers.table:read_markdown_notes",
    ("meeting", ".txt"): "docgen.readers.table:read_markdown_notes",
    ("meeting", ".docx"): "docgen.readers.notes_docx:read_notes_docx",
    ("meeting", ".docm"): "docgen.readers.notes_docx:read_notes_docx",  # refused: macros
    ("status", ".yaml"): "docgen.readers.status_inputs:read_status_yaml",
    ("status", ".yml"): "docgen.readers.status_inputs:read_status_yaml",
    ("status", ".xlsx"): "docgen.readers.status_inputs:read_status_xlsx",
    ("status", ".xlsm"): "docgen.readers.status_inputs:read_status_xlsx",  # refused: macros
    ("requirements", ".yaml"): "docgen.readers.table:read_yaml_file",
    ("requirements", ".yml"): "docgen.readers.table:read_yaml_file",
    ("requirements", ".csv"): "docgen.readers.table:read_requirements_csv",
    ("requirements", ".md"): "docgen.readers.table:read_markdown_spec",
    ("requirements", ".markdown"): "docgen.readers.table:read_markdown_spec",
    ("requirements", ".docx"): "docgen.readers.spec_docx:read_spec_docx",
    ("requirements", ".docm"): "docgen.readers.spec_docx:read_spec_docx",  # refused: macros
    ("requirements", ".xlsx"): "docgen.readers.spec_xlsx:read_spec_xlsx",
    ("requirements", ".xlsm"): "docgen.readers.spec_xlsx:read_spec_xlsx",  # refused: macros
    ("requirements", ".reqif"): "docgen.readers.reqif_spec:read_reqif",
    ("requirements", ".reqifz"): "docgen.readers.reqif_spec:read_reqif",
    ("assessment", ".yaml"): "docgen.readers.table:read_yaml_file",
    ("assessment", ".yml"): "docgen.readers.table:read_yaml_file",
    ("assessment", ".csv"): "docgen.readers.table:read_assessment_csv",
    ("assessment", ".xlsx"): "docgen.readers.checklist_xlsx:read_checklist_xlsx",
    ("assessment", ".xlsm"): "docgen.readers.checklist_xlsx:read_checklist_xlsx",  # refused: macros
}
# What each kind is called in messages.
KIND_WORDS = {"meeting": "meeting", "status": "status", "requirements": "specification",
              "assessment": "assessment"}
# Headers of the French Excel checklist, so a sheet filled in and saved as CSV reads back.
ASSESSMENT_ALIASES = {"réf.": "id", "statut": "status", "preuve": "evidence",
                      "responsable": "owner", "commentaire": "comment"}


def extensions(kind: str) -> tuple[str, ...]:
    """Return the file extensions docgen reads for input ``kind``, in table order."""
    return tuple(ext for k, ext in READERS if k == kind)


def reader_for(path: Path, kind: str) -> Callable[[Path, ReadOptions], Source]:
    """Return the reader of ``path`` as input ``kind``; raise InputError for an unknown extension."""
    suffix = Path(path).suffix.lower()
    target = READERS.get((kind, suffix))
    if target is None:
        allowed = ", ".join(extensions(kind))
        raise InputError.single(
            path, f"unknown {KIND_WORDS.get(kind, kind)} format '{suffix or '(none)'}' (expected {allowed})")
    module, name = target.split(":")
    return getattr(importlib.import_module(module), name)


def read(path: Path, kind: str, options: ReadOptions | None = None) -> Source:
    """Return the Source of ``path`` read as input ``kind`` by the reader its extension names."""
    return reader_for(Path(path), kind)(Path(path), options or ReadOptions())


# --- the built-in text readers, as functions of the table's one signature ---------------------

def read_yaml_file(path: Path, options: ReadOptions) -> Source:
    """Return the Source of a YAML input (any kind)."""
    from docgen.readers.yaml_source import read_yaml

    return read_yaml(path)


def read_markdown_notes(path: Path, options: ReadOptions) -> Source:
    """Return the Source of Markdown meeting notes, in meeting.yaml's shape."""
    from docgen.readers.markdown_minutes import read_markdown_minutes

    return read_markdown_minutes(path)


def read_requirements_csv(path: Path, options: ReadOptions) -> Source:
    """Return the Source of a requirements CSV (``id``, ``text`` required); its file name is the title."""
    from docgen.readers.csv_table import read_csv_table

    source = read_csv_table(path, "requirements", ("id", "text"))
    source.data["specification"] = {"title": path.stem}
    return source


def read_markdown_spec(path: Path, options: ReadOptions) -> Source:
    """Return the Source of a Markdown specification, requirements found by id or by keyword."""
    from docgen.readers.spec_markdown import read_spec_markdown

    source = read_spec_markdown(path, mode=options.mode, id_pattern=options.id_pattern)
    if not source.data.get("requirements"):
        other = "keyword" if options.mode == "id" else "id"
        raise InputError.single(
            path, f"no requirement found (mode {options.mode or 'auto'}); try --mode {other}"
            + (" or another --id-pattern" if other == "keyword" else ""))
    return source


def read_assessment_csv(path: Path, options: ReadOptions) -> Source:
    """Return the Source of an assessment CSV (``id``, ``status`` required; checklist headings accepted)."""
    from docgen.readers.csv_table import read_csv_table

    return read_csv_table(path, "compliance", ("id", "status"), ASSESSMENT_ALIASES)
