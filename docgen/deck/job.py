"""The deck job: read a status, validate it, write the deck (.pptx) or status report (.md/.docx)."""

from __future__ import annotations

from pathlib import Path

from docgen.deck.changes import Changes, compare, with_trends
from docgen.errors import InputError, OutputError
from docgen.labels import Labels, load_labels
from docgen.model.status import Status
from docgen.model.validate import build
from docgen.ooxml.package import document_time

FORMATS = ("pptx", "md", "docx")


def load(path: Path) -> Status:
    """Return the validated Status read from the YAML file ``path``; raise InputError otherwise."""
    from docgen.readers.yaml_source import read_yaml

    return build(Status, read_yaml(Path(path)))


def load_pair(path: Path, previous: Path | None) -> tuple[Status, Changes | None]:
    """Return the status of ``path`` and, with ``previous``, its changes since that period.

    Trends the current status does not give are computed from the RAG moves. Problems of both
    files are reported together.
    """
    problems = []
    status = before = None
    for file in (path, previous):
        if file is None:
            continue
        try:
            loaded = load(file)
        except InputError as exc:
            problems += exc.problems
            continue
        if file is path:
            status = loaded
        else:
            before = loaded
    if problems:
        raise InputError(problems)
    if before is None:
        return status, None
    changes = compare(status, before)
    return with_trends(status, changes), changes


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
