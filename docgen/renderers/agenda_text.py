"""Markdown and HTML agenda, rendered from the Jinja templates agenda.md.j2 / agenda.html.j2."""

from __future__ import annotations

from pathlib import Path

from docgen.agenda import schedule, total_duration
from docgen.jinja_env import render_template
from docgen.labels import Labels
from docgen.model.meeting import Document, Minutes
from docgen.output import atomic_write_text
from docgen.renderers.minutes_text import context as minutes_context
from docgen.renderers.minutes_text import finish, text_environment
from docgen.safety import safe_url
from docgen.series import open_actions
from docgen.template_path import along


def safe_documents(documents: list[Document]) -> list[Document]:
    """Return ``documents`` with every address that is not http(s), mailto or relative removed."""
    return [d if d.url is None or safe_url(d.url) is not None else d.model_copy(update={"url": None})
            for d in documents]


def context(minutes: Minutes, labels: Labels) -> dict:
    """Return the template context of the agenda: the minutes context plus slots and documents."""
    ctx = minutes_context(minutes, labels)
    slots = schedule(minutes)
    ctx.update({"slots": slots, "timed": any(s.start for s in slots),
                "total": total_duration(minutes), "end": slots[-1].end if slots else None,
                "open_actions": open_actions(minutes), "documents": safe_documents(minutes.documents)})
    return ctx


def render(minutes: Minutes, labels: Labels, dest: Path, fmt: str,
           dirs: tuple[Path, ...] = ()) -> Path:
    """Write the agenda as Markdown (``fmt="md"``) or HTML (``"html"``) to ``dest``; return it."""
    text_environment(dirs, fmt)
    text = render_template(f"agenda.{fmt}.j2", context(minutes, labels), along(dirs),
                           autoescape=fmt == "html")
    return atomic_write_text(dest, finish(text, fmt))
