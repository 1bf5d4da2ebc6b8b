"""Finding build inputs in folders and telling their kind from their content."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from docgen.errors import InputError

INPUT_SUFFIXES = (".yaml", ".yml", ".md", ".markdown", ".csv", ".xlsx", ".docx", ".reqif", ".reqifz")
IGNORED_NAMES = {"docgen.yaml", "docgen.yml", "readme.md", "changelog.md", "license.md"}
_KEYWORDS = re.compile(r"\b(MUST|SHALL|SHOULD|REQUIRED|RECOMMENDED)\b")
_TOP_KEY = re.compile(r"^([A-Za-z_]+)\s*:", re.M)


def find_inputs(paths: list[Path], exclude: list[Path] | None = None) -> list[tuple[Path, Path]]:
    """Return (file, root) pairs for every candidate input under ``paths``, sorted by path.

    ``root`` is the folder outputs are mirrored from (the given folder, or the file's own). Only
    regular files are inputs: folders, FIFOs, sockets and dangling symlinks named ``*.yaml`` are
    skipped when found in a folder and refused when named; nothing under ``exclude`` is taken.
    """
    excluded = [Path(e).resolve() for e in exclude or []]
    found: dict[Path, Path] = {}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                if _candidate(file, path) and is_regular(file) and not _under(file, excluded):
                    found.setdefault(file, path)
        elif is_regular(path):
            found.setdefault(path, path.parent)
        elif path.exists() or path.is_symlink():
            raise InputError.single(path, "is not a regular file (a named pipe, device or broken link?)")
        else:
            raise InputError.single(path, "file not found")
    return sorted(found.items())


def is_regular(path: Path) -> bool:
    """Return True when ``path`` is a regular file (following symlinks); never opens it."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _under(file: Path, folders: list[Path]) -> bool:
    if not folders:
        return False
    resolved = file.resolve()
    return any(resolved == f or f in resolved.parents for f in folders)


def _candidate(file: Path, root: Path) -> bool:
    rel = file.relative_to(root)
    if any(part.startswith((".", "_")) for part in rel.parts):
        return False
    return file.suffix.lower() in INPUT_SUFFIXES and file.name.lower() not in IGNORED_NAMES


def kind_of(file: Path) -> str | None:
    """Return the kind of input ``file`` holds (meeting, status, spec, assessment) or None.

    Looked at from the content: top-level YAML keys, CSV columns, workbook sheets, or Markdown shape.
    """
    if not is_regular(file):
        return None  # a FIFO would block the read
    if file.suffix.lower() == ".xlsx":  # a status workbook has a Project sheet
        from docgen.readers.status_workbook import looks_like_status

        if looks_like_status(file):
            return "status"
        from docgen.readers.office_kinds import workbook_kind

        return workbook_kind(file)  # a requirement matrix (spec) or a filled checklist (assessment)
    if file.suffix.lower() in (".reqif", ".reqifz"):
        return "spec"
    if file.suffix.lower() == ".docx":
        from docgen.readers.office_kinds import document_kind

        return document_kind(file)  # a Word specification, else not an input of docgen build
    try:
        with open(file, "rb") as fh:
            head = fh.read(80000).decode("utf-8", errors="replace")
    except OSError:
        return None
    head = head.replace("\r\n", "\n").replace("\r", "\n")[:20000]  # as text mode reads it
    suffix = file.suffix.lower()
    if suffix == ".csv":
        first = head.splitlines()[0].lower() if head else ""
        cols = {c.strip().strip('"') for c in first.split(",")}
        if "status" in cols and "text" not in cols:
            return "assessment"
        return "spec" if "text" in cols and "id" in cols else None
    if suffix in (".yaml", ".yml"):
        keys = set(_TOP_KEY.findall(head))
        if "meeting" in keys:
            return "meeting"
        if "project" in keys and "overall" in keys:
            return "status"
        if "requirements" in keys:
            return "spec"
        if "compliance" in keys:
            return "assessment"
        return None
    front = head.split("\n---", 1)[0] if head.startswith("---") else ""
    if re.search(r"^(reference|specification)\s*:", front, re.M):
        return "spec"
    if len(_KEYWORDS.findall(head)) >= 3:
        return "spec"
    return "meeting"


def pair_assessment(spec: Path, assessments: list[Path]) -> Path | None:
    """Return the assessment of ``spec`` among ``assessments`` in its folder, or None.

    A file named like the spec (``payroll-spec.yaml`` / ``payroll-assessment.yaml``, or
    ``X.yaml`` / ``X.assessment.yaml``) wins; otherwise the folder's only assessment.
    """
    same_folder = [a for a in assessments if a.parent == spec.parent]
    stem = re.sub(r"[-_.](spec|specification|requirements)$", "", spec.stem, flags=re.I)
    for candidate in same_folder:
        other = re.sub(r"[-_.](assessment|compliance)$", "", candidate.stem, flags=re.I)
        if other == stem:
            return candidate
    return same_folder[0] if len(same_folder) == 1 else None
