"""The deck job: a project status -> the committee deck (.pptx, .pdf) or the written status report (.md, .docx).

With the status of the previous period the deck and the report get a "Changes since" section.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docgen.deck.changes import Changes
from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import pdf
from docgen.model.status import Status

NAME = "deck"
KIND = "status"
INPUTS = ("status",)
DEFAULT_FORMATS = ("pptx",)


@dataclass(frozen=True)
class Period:
    """What the deck job writes: one period's status and its changes since the previous one (or None)."""

    status: Status
    changes: Changes | None = None
    source: str | None = None  # file names, for the speaker notes
    previous: str | None = None


def load(path: Path, previous: Path | None = None, plan: Path | None = None) -> tuple[Period, list[str]]:
    """Return the Period of the status ``path`` (against ``previous``) and the warnings about both files.

    ``plan`` (an MS Project XML plan) supplies milestones and workstreams. Raises InputError
    listing the problems of both files together.
    """
    from docgen.readers.mspdi import plan_for
    from docgen.statuses import load_pair_checked

    with plan_for(Path(path), plan):
        status, changes, warnings = load_pair_checked(Path(path), previous)
    return Period(status, changes, Path(path).name, Path(previous).name if previous else None), \
        [str(w) for w in warnings]


def _labels(period: Period, ctx: RenderContext):
    return ctx.labels(period.status.project.language)


def write_pptx(period: Period, ctx: RenderContext, dest: Path) -> Path:
    """Write the deck (through the PMO's .pptx ``ctx.template`` when given); return ``dest``."""
    from docgen.ooxml.package import document_time
    from docgen.output import atomic_write_bytes

    status, labels = period.status, _labels(period, ctx)
    if ctx.template is not None:
        from docgen.renderers import deck_pptx_template

        return atomic_write_bytes(dest, deck_pptx_template.fill(status, ctx.template, labels))
    from docgen.deck.order import order_for
    from docgen.deck.plan import plan_deck
    from docgen.deck.template import load_template
    from docgen.deck.writer import write_deck

    template = load_template(ctx.dirs)
    plan = plan_deck(status, labels, template.frame, period.changes, rule_flags(status, labels),
                     order_for(template.path), period.source, period.previous)
    return write_deck(plan, template, dest, document_time(status.report_date))


def rule_flags(status, labels) -> dict[str, str]:
    """Return dimension -> the sentence of each typed RAG better than its rule's (docgen.yaml ``rules:``)."""
    from docgen.portfolio.rules import flags
    from docgen.portfolio.rules_config import load_rules
    from docgen.portfolio.words import Words

    words = Words(labels)
    return {flag.dimension: words.flag_text(flag) for flag in flags(status, load_rules())}


def write_md(period: Period, ctx: RenderContext, dest: Path) -> Path:
    """Write the status report as Markdown (``status-report.md.j2``); return ``dest``."""
    from docgen.deck.report import write_markdown

    return write_markdown(period.status, _labels(period, ctx), dest, ctx.dirs, period.changes)


def write_docx(period: Period, ctx: RenderContext, dest: Path) -> Path:
    """Write the status report as Word (``report.docx`` reference document); return ``dest``."""
    from docgen.deck.report_docx import write_docx as write_report
    from docgen.ooxml.package import document_time

    return write_report(period.status, _labels(period, ctx), dest, ctx.dirs,
                        document_time(period.status.report_date), period.changes)


WRITERS = {".pptx": write_pptx, ".md": write_md, ".markdown": write_md, ".docx": write_docx,
           ".pdf": pdf(write_pptx, ".pptx")}


def identity(path: Path) -> tuple[str, object]:
    """Return the project key (``project.code``, else its name; case and spaces ignored) and report date of a status.

    Read through the reader table without validation, to order a folder's statuses into periods;
    raises DocgenError when the file cannot be read or names no project.
    """
    from docgen.errors import InputError
    from docgen.readers.table import read

    data = read(Path(path), "status").data
    project = data.get("project") if isinstance(data, dict) else None
    if not isinstance(project, dict):
        raise InputError.single(path, "no project")
    name = project.get("code") or project.get("name")
    when = project.get("report_date")
    if not name or when is None:
        raise InputError.single(path, "no project name or report date")
    return " ".join(str(name).split()).casefold(), str(when)
