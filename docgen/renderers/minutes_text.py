"""Markdown and HTML minutes, rendered from the Jinja templates minutes.md.j2 / minutes.html.j2.

HTML is autoescaped; free text goes through :func:`docgen.richtext.markdown_html` (raw HTML
escaped, unsafe link targets dropped) and link addresses through :func:`docgen.safety.safe_url`.
Markdown output keeps free text as written, but no link target other than http(s), mailto or
relative ones (:func:`docgen.safety.neutralise_markdown_links`).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from docgen.jinja_env import environment, render_template
from docgen.labels import Labels
from docgen.model.common import Action
from docgen.model.meeting import Link, Minutes
from docgen.output import atomic_write_text
from docgen.renderers.minutes_docx import time_span
from docgen.renderers.palette import ACTION_STATUS_FILL
from docgen.richtext import markdown_html
from docgen.safety import neutralise_markdown_links, safe_url
from docgen.template_path import along


def md_cell(value: object) -> str:
    """Return ``value`` as text safe inside a Markdown table cell (pipes escaped, one line)."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\r", "").replace("\n", "<br>").strip()


def safe_markdown(text: str | None) -> Markup:
    """Return Markdown ``text`` as HTML markup safe in a page (the ``markdown`` filter of HTML templates)."""
    return Markup(markdown_html(text))


def safe_links(links: list[Link]) -> list[Link]:
    """Return ``links`` with every address that is not http(s), mailto or relative replaced by ``#``."""
    return [link if safe_url(link.url) is not None else link.model_copy(update={"url": "#"})
            for link in links]


def text_environment(dirs: tuple[Path, ...], fmt: str):
    """Return the Jinja environment of the ``fmt`` ("md" or "html") templates, with docgen's filters.

    The ``markdown`` filter is :func:`safe_markdown` (the sandbox's own filter passes raw HTML).
    """
    env = environment(along(dirs), fmt == "html")
    env.filters.setdefault("cell", md_cell)
    env.filters["markdown"] = safe_markdown
    return env


def finish(text: str, fmt: str) -> str:
    """Return rendered template ``text`` tidied, and for Markdown with unsafe link targets replaced."""
    text = _tidy(text)
    return neutralise_markdown_links(text) if fmt == "md" else text


def context(minutes: Minutes, labels: Labels) -> dict:
    """Return the template context of the minutes: contract keys, derived lists and helpers."""
    m = minutes.meeting
    L = labels
    on = m.date

    def md_action_table(items: list[Action], with_comment: bool) -> str:
        head = [L["common.id"], L["minutes.action"], L["common.owner"], L["common.due"],
                L["common.status"]] + ([L["common.comment"]] if with_comment else [])
        lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for index, a in enumerate(items, 1):
            status = L[f"action_status.{a.status}"]
            late = a.overdue_days(on)
            if late:
                status += f" – **{L['common.overdue']} ({late} {L['common.days']})**"
            cells = [f"**{a.id or '#' + str(index)}**", md_cell(a.text), md_cell(a.owner),
                     L.format_date(a.due, short=True) if a.due else "", status]
            if with_comment:
                cells.append(md_cell(a.comment))
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)

    info = [(L["minutes.project"], m.project), (L["minutes.series"], m.series),
            (L["minutes.date"], L.format_date(m.date)), (L["minutes.time"], time_span(m.start, m.end)),
            (L["minutes.location"], m.location), (L["minutes.chair"], m.chair),
            (L["minutes.facilitator"], m.facilitator), (L["minutes.minute_taker"], m.minute_taker)]
    return {
        "meeting": m, "attendees": minutes.attendees, "distribution": minutes.distribution,
        "previous_actions": minutes.previous_actions, "agenda": minutes.agenda,
        "next_meeting": minutes.next_meeting, "links": safe_links(minutes.links), "notes": minutes.notes,
        "actions": minutes.actions, "decisions": minutes.decisions, "language": L.language,
        "L": L, "info": [(k, v) for k, v in info if v], "time_span": time_span(m.start, m.end),
        "date": L.format_date, "short_date": lambda d: L.format_date(d, short=True),
        "span": time_span, "overdue": lambda a: a.overdue_days(on),
        "action_table": md_action_table, "status_fill": ACTION_STATUS_FILL,
    }


def render(minutes: Minutes, labels: Labels, dest: Path, fmt: str,
           dirs: tuple[Path, ...] = ()) -> Path:
    """Write the minutes as Markdown (``fmt="md"``) or HTML (``"html"``) to ``dest``; return it."""
    text_environment(dirs, fmt)
    ctx = context(minutes, labels)
    if fmt == "md":  # an unsafe <address> shows as plain text there (see finish), not as "#"
        ctx["links"] = minutes.links
    text = render_template(f"minutes.{fmt}.j2", ctx, along(dirs), autoescape=fmt == "html")
    return atomic_write_text(dest, finish(text, fmt))


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    return "\n".join(out).strip() + "\n"
