"""The minutes job: a meeting (YAML, Markdown or Word notes) -> Word, Markdown, HTML or PDF minutes."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import pdf

if TYPE_CHECKING:  # the model is imported by load(): ``docgen build`` reads DEFAULT_FORMATS without it
    from docgen.model.meeting import Minutes

NAME = "minutes"
KIND = "meeting"  # the manifest's ``kind:`` of this job
INPUTS = ("meeting",)
DEFAULT_FORMATS = ("docx",)


def load(path: Path, previous: tuple[Path, ...] = (), carry: bool = True) -> tuple[Minutes, list[str]]:
    """Return the validated Minutes of ``path`` with actions carried from earlier meetings, and warnings.

    Earlier meetings are ``previous``, else the input's ``previous:``, else the same series in
    its folder; ``carry=False`` carries nothing.
    """
    from docgen import minutes as meetings
    from docgen.series_io import with_previous

    minutes, read = meetings.load_checked(Path(path))
    warnings = [str(w) for w in read]
    if not carry:
        return minutes, warnings
    minutes, carried = with_previous(Path(path), minutes, tuple(previous))
    return minutes, warnings + carried


def check(path: Path, kind: str = "meeting") -> list[str]:
    """Return the warnings about the meeting ``path`` read alone (no earlier meeting carried); raise InputError.

    What ``docgen validate`` asks of one file: its own problems, not those of its series.
    """
    return load(Path(path), carry=False)[1]


def approve(path: Path, by: str, on: str | None = None, previous: tuple[Path, ...] = (),
            carry: bool = True) -> tuple[Minutes, list[str], str]:
    """Return the approved Minutes of the meeting.yaml ``path``, the warnings, and the file's new text.

    The approval (``status: approved``, ``approved_by: by``, ``approved_on``: ``on`` or the
    meeting's date) is set in the model and, as text, in the file's ``meeting:`` block, keeping
    its comments and key order. Raises ConfigError for an input that is not YAML or a bad
    ``--on``, InputError when the file cannot hold the approval.
    """
    from docgen.errors import ConfigError
    from docgen.model.dates import parse_date
    from docgen.renderers.meeting_yaml import with_meeting_keys

    path = Path(path)
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise ConfigError(f"{path}: --approve records the approval in a meeting.yaml (this input is not YAML)")
    if not by.strip():
        raise ConfigError("--by: give the name of who approves the minutes")
    try:
        day = parse_date(on) if on else None
    except ValueError as exc:
        raise ConfigError(f"--on: {exc}") from None
    minutes, warnings = load(path, previous, carry)
    values: dict[str, str | date] = {"status": "approved", "approved_by": by.strip(),
                                     "approved_on": day or minutes.meeting.date}
    meeting = minutes.meeting.model_copy(update=values)
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: --approve rewrites the file, which is not UTF-8 (save it as UTF-8)") from None
    return minutes.model_copy(update={"meeting": meeting}), warnings, with_meeting_keys(text, values, str(path))


def write_docx(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the Word minutes (through the PMO's docxtpl ``ctx.template`` when given); return ``dest``."""
    labels = ctx.labels(minutes.meeting.language)
    if ctx.template is not None:
        from docgen.renderers import minutes_docx_template

        return minutes_docx_template.render(minutes, labels, ctx.template, dest)
    from docgen.renderers import minutes_docx

    return minutes_docx.render(minutes, labels, ctx.reference("minutes.docx"), dest)


def write_md(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the Markdown minutes; return ``dest``."""
    from docgen.renderers import minutes_text

    return minutes_text.render(minutes, ctx.labels(minutes.meeting.language), dest, "md", ctx.dirs)


def write_html(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the HTML minutes (an e-mail-ready body with inline styles); return ``dest``."""
    from docgen.renderers import minutes_text

    return minutes_text.render(minutes, ctx.labels(minutes.meeting.language), dest, "html", ctx.dirs)


def write_draft(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the Markdown skeleton for taking notes live (``minutes --draft``); return ``dest``."""
    from docgen.renderers import minutes_draft

    return minutes_draft.render(minutes, ctx.labels(minutes.meeting.language), dest, ctx.dirs)


def write_next_ics(minutes: Minutes, ctx: RenderContext, dest: Path) -> Path:
    """Write the iCalendar invitation (.ics) of the next meeting (``next_meeting``); return ``dest``."""
    from docgen.renderers import meeting_ics

    return meeting_ics.render_next(minutes, ctx.labels(minutes.meeting.language), dest)


WRITERS = {".docx": write_docx, ".md": write_md, ".markdown": write_md, ".html": write_html,
           ".htm": write_html, ".pdf": pdf(write_docx, ".docx"), ".ics": write_next_ics}
