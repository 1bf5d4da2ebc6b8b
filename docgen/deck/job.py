"""The deck job: read a status, validate it, write the deck (.pptx) or status report (.md/.docx)."""

from __future__ import annotations

from pathlib import Path

from docgen.deck.changes import Changes, compare, with_trends
from docgen.errors import InputError, OutputError, Problem
from docgen.labels import Labels, load_labels
from docgen.model.status import Status
from docgen.model.validate import build
from docgen.ooxml.package import document_time

FORMATS = ("pptx", "md", "docx")


def load(path: Path) -> Status:
    """Return the validated Status read from the YAML file ``path``; raise InputError otherwise."""
    return load_checked(path)[0]


def load_checked(path: Path) -> tuple[Status, list[Problem]]:
    """Return the validated Status of ``path`` and the warnings about it; raise InputError otherwise.

    Warnings (file, line, key path) come from the YAML reader (values cut by `` #``) and from
    docgen.readers.status_checks (amounts that look like thousands).
    """
    from docgen.readers.status_checks import status_warnings
    from docgen.readers.table import read

    source = read(Path(path), "status")
    return build(Status, source), status_warnings(source)


def load_pair(path: Path, previous: Path | None) -> tuple[Status, Changes | None]:
    """Return the status of ``path`` and, with ``previous``, its changes since that period.

    Trends the current status does not give are computed from the RAG moves. Problems of both
    files are reported together.
    """
    status, changes, _ = load_pair_checked(path, previous)
    return status, changes


def load_pair_checked(path: Path, previous: Path | None) -> tuple[Status, Changes | None, list[Problem]]:
    """Return what load_pair returns and the warnings about both files (see load_checked)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    status = before = None
    for file in (path, previous):
        if file is None:
            continue
        try:
            loaded, found = load_checked(file)
        except InputError as exc:
            problems += exc.problems
            continue
        warnings += found
        if file is path:
            status = loaded
        else:
            before = loaded
    if problems:
        raise InputError(problems)
    if before is None:
        return status, None, warnings
    changes = compare(status, before)
    return with_trends(status, changes), changes, warnings


def output_format(dest: Path) -> str:
    """Return the output format named by ``dest``'s extension, or raise OutputError."""
    fmt = dest.suffix.lower().lstrip(".")
    fmt = {"markdown": "md"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise OutputError(f"{dest}: unknown output format '.{fmt}' (use .pptx, .md or .docx)")
    return fmt


def labels_for(status: Status, language: str | None, template_dirs: tuple[Path, ...]) -> Labels:
    """Return the labels of ``language``, else of the project's language, else English."""
    return load_labels(language or status.project.language or "en", template_dirs)


def write(status: Status, dest: Path, language: str | None = None,
          template_dirs: tuple[Path, ...] = (), changes: Changes | None = None) -> Path:
    """Write ``status`` to ``dest`` in the format its extension names; return ``dest``.

    With ``changes`` the deck and the reports get a "Changes since <previous period>" section.
    """
    fmt = output_format(dest)
    labels = labels_for(status, language, template_dirs)
    when = document_time(status.report_date)
    if fmt == "md":
        from docgen.deck.report import write_markdown

        return write_markdown(status, labels, dest, template_dirs, changes)
    if fmt == "docx":
        from docgen.deck.report_docx import write_docx

        return write_docx(status, labels, dest, template_dirs, when, changes)
    from docgen.deck.plan import plan_deck
    from docgen.deck.template import load_template
    from docgen.deck.writer import write_deck

    template = load_template(tuple(template_dirs))
    plan = plan_deck(status, labels, template.frame, changes)
    return write_deck(plan, template, dest, when)
