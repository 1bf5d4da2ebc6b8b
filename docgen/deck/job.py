"""The deck job: read a status, validate it, write the deck (.pptx) or status report (.md/.docx)."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import OutputError
from docgen.labels import Labels, load_labels
from docgen.model.status import Status
from docgen.model.validate import build
from docgen.ooxml.package import document_time

FORMATS = ("pptx", "md", "docx")


def load(path: Path) -> Status:
    """Return the validated Status read from the YAML file ``path``; raise InputError otherwise."""
    from docgen.readers.yaml_source import read_yaml

    return build(Status, read_yaml(Path(path)))


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
          template_dirs: tuple[Path, ...] = ()) -> Path:
    """Write ``status`` to ``dest`` in the format its extension names; return ``dest``."""
    fmt = output_format(dest)
    labels = labels_for(status, language, template_dirs)
    when = document_time(status.report_date)
    if fmt == "md":
        from docgen.deck.report import write_markdown

        return write_markdown(status, labels, dest, template_dirs)
    if fmt == "docx":
        from docgen.deck.report_docx import write_docx

        return write_docx(status, labels, dest, template_dirs, when)
    from docgen.deck.plan import plan_deck
    from docgen.deck.template import load_template
    from docgen.deck.writer import write_deck

    template = load_template(tuple(template_dirs))
    plan = plan_deck(status, labels, template.frame)
    return write_deck(plan, template, dest, when)
