"""Markdown checklist, rendered from the Jinja template ``checklist.md.j2`` on the template path."""

from __future__ import annotations

from pathlib import Path

from docgen.jinja_env import render_template
from docgen.labels import Labels
from docgen.model.checklist import Checklist
from docgen.model.checklist_changes import CHANGES
from docgen.model.requirements import STATUSES
from docgen.output import atomic_write_text
from docgen.renderers.checklist_common import (
    change_marker,
    change_word,
    level_word,
    percent,
    regression_callout,
    section_name,
    since_text,
    status_word,
)
from docgen.safety import neutralise_markdown_links

TEMPLATE = "checklist.md.j2"


def _cell(value: object) -> str:
    """Return ``value`` fit for one Markdown table cell: pipes escaped, line breaks as <br>."""
    if value is None:
        return ""
    text = str(value).strip().replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.splitlines())


_FILTERS = (("cell", _cell),)


def markdown_text(checklist: Checklist, labels: Labels, dirs: tuple[Path, ...] = ()) -> str:
    """Return the checklist rendered as Markdown by the first ``checklist.md.j2`` on the path."""
    summary = checklist.summary
    context = {
        "checklist": checklist,
        "spec": checklist.specification,
        "assessment": checklist.assessment,
        "summary": summary,
        "sections": checklist.sections(),
        "statuses": STATUSES,
        "level_tallies": [(level_word(labels, t.name), t) for t in summary.by_level],
        "section_tallies": [(section_name(labels, t.name), t) for t in summary.by_section],
        "L": labels.__getitem__,
        "status_word": lambda status: status_word(labels, status),
        "level_word": lambda level: level_word(labels, level),
        "section_name": lambda section: section_name(labels, section),
        "format_date": labels.format_date,
        "pct": percent,
        "compared": checklist.compared,
        "changes": CHANGES,
        "since": since_text(checklist, labels) if checklist.compared else "",
        "callout": regression_callout(checklist, labels),
        "change_word": lambda change: change_word(labels, change),
        "change_marker": lambda change: change_marker(labels, change),
    }
    text = render_template(TEMPLATE, context, tuple(dirs), filters=_FILTERS)
    return text.rstrip("\n") + "\n"


def render(checklist: Checklist, dest: Path, labels: Labels, dirs: tuple[Path, ...] = ()) -> Path:
    """Return ``dest`` after writing the checklist as Markdown."""
    return atomic_write_text(dest, neutralise_markdown_links(markdown_text(checklist, labels, tuple(dirs))))
