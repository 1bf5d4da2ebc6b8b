"""Opening a user's Office file for reading: through the guarded opener, errors as InputError."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import InputError, Problem, TemplateError
from docgen.readers.source import Source


def open_checked(path: Path, kind: str):
    """Return the CheckedPackage of the input ``path`` ("docx" or "xlsx"), or raise InputError.

    Every file goes through :func:`docgen.ooxml.safe_zip.checked_package`, so macro-enabled
    files (``.docm``, ``.xlsm``, a ``vbaProject.bin``), password-protected (OLE) files, zip
    bombs and XML with a DTD or entities are refused before python-docx or openpyxl sees them.
    The opener's TemplateError becomes an InputError naming the file, one line.
    """
    from docgen.ooxml.safe_zip import checked_package

    path = Path(path)
    if not path.exists():
        raise InputError.single(path, "file not found")
    if path.is_dir():
        raise InputError.single(path, "is a folder, not a file")
    try:
        return checked_package(path, kind)
    except TemplateError as exc:
        message = str(exc)
        prefix = f"{path}: "
        raise InputError.single(path, message[len(prefix):] if message.startswith(prefix) else message) from None


@dataclass
class OfficeSource(Source):
    """A Source read from an Office or ReqIF file, with the reader's warnings (file and place each)."""

    warnings: list[Problem] = field(default_factory=list)
