"""Reading a specification's requirements and an assessment through the reader table."""

from __future__ import annotations

from pathlib import Path

from docgen.readers.source import Source
from docgen.readers.table import ReadOptions, extensions, read

SPEC_EXTENSIONS = extensions("requirements")
ASSESSMENT_EXTENSIONS = extensions("assessment")


def read_requirements(path: Path, mode: str | None = None, id_pattern: str | None = None) -> Source:
    """Return the Source of a specification (any format of the reader table), in requirements.yaml's shape.

    A CSV holds only requirements (columns ``id``, ``text`` required; ``section``, ``level``,
    ``category``, ``keywords`` optional); its file name becomes the specification's title.
    ``mode`` (``id`` or ``keyword``) and ``id_pattern`` apply to Markdown only.
    """
    return read(Path(path), "requirements", ReadOptions(mode=mode, id_pattern=id_pattern))


def read_assessment(path: Path) -> Source:
    """Return the Source of an assessment (any format of the reader table), in compliance.yaml's shape.

    A CSV holds only entries (columns ``id``, ``status`` required; ``evidence``, ``owner``,
    ``comment`` optional); the column headings of the Excel checklist (English or French) work
    too, so a checklist filled in by reviewers and saved as CSV reads back.
    """
    return read(Path(path), "assessment")
