"""The agenda job: a meeting -> the invitation sent before it (Word, Markdown, HTML or PDF)."""

from __future__ import annotations

from pathlib import Path

from docgen.jobs.context import RenderContext
from docgen.jobs.minutes import load
from docgen.jobs.protocol import pdf
from docgen.model.meeting import Minutes

NAME = "agenda"
KIND = "agenda"
INPUTS = ("meeting",)
DEFAULT_FORMATS = ("docx",)
__all__ = ["load", "WRITERS"]


def write_docx(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the Word agenda on the ``agenda.docx`` reference document; return ``dest``."""
    from docgen.renderers import agenda_docx

    return agenda_docx.render(minutes, ctx.labels(minutes.meeting.language), ctx.reference("agenda.docx"), dest)


def write_md(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the Markdown agenda; return ``dest``."""
    from docgen.renderers import agenda_text

    return agenda_text.render(minutes, ctx.labels(minutes.meeting.language), dest, "md", ctx.dirs)


def write_html(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the HTML agenda; return ``dest``."""
    from docgen.renderers import agenda_text

    return agenda_text.render(minutes, ctx.labels(minutes.meeting.language), dest, "html", ctx.dirs)


def write_ics(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the iCalendar invitation (.ics) of the meeting, its agenda as description; return ``dest``."""
    from docgen.renderers import meeting_ics

    return meeting_ics.render(minutes, ctx.labels(minutes.meeting.language), dest)


WRITERS = {".docx": write_docx, ".md": write_md, ".markdown": write_md, ".html": write_html,
           ".htm": write_html, ".pdf": pdf(write_docx, ".docx"), ".ics": write_ics}
