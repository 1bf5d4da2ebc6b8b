"""The written status report in Markdown: the deck's tables, rendered from a Jinja template."""

from __future__ import annotations

from pathlib import Path

from docgen.deck import changes_text
from docgen.deck.changes import Changes
from docgen.deck.context import Ctx
from docgen.deck.plan import PLANNERS
from docgen.deck.shapes import Box, Frame, TableShape
from docgen.jinja_env import render_template
from docgen.labels import Labels
from docgen.model.status import Status
from docgen.output import atomic_write_text
from docgen.safety import neutralise_markdown_links

TEMPLATE = "status-report.md.j2"
# The deck's table slides the report shows, in its order (decisions and changes have sections of their own).
REPORT_TABLES = ("dimensions", "workstreams", "milestones", "budget", "risks", "issues", "actions")


def table_shapes(status: Status, labels: Labels,
                 width: float = 888) -> list[tuple[str, TableShape]]:
    """Return (title, table) for each of the deck's tables, unpaginated (decisions excepted).

    ``width`` is the table width in points at the deck's 14 pt body size.
    """
    huge = Frame(body=Box(0, 0, width, 1e9))
    ctx = Ctx.make(status, labels, huge)
    ctx.headlines = False  # the report's sections keep their names
    out = []
    for kind in REPORT_TABLES:
        for slide in PLANNERS[kind](ctx):
            out += [(slide.title, s) for s in slide.shapes if isinstance(s, TableShape)]
    return out


def tables(status: Status, labels: Labels) -> list[dict]:
    """Return the deck's tables as text (title, header, rows) for the Markdown report."""
    return [{"title": title,
             "header": [_md(c.text) for c in shape.rows[0]],
             "rows": [[_md(c.text) for c in row] for row in shape.rows[1:]]}
            for title, shape in table_shapes(status, labels)]


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def changes_section(changes: Changes | None, labels: Labels, currency: str) -> dict | None:
    """Return the changes since the previous period for the reports (None without one).

    Keys: ``title``, ``none`` (the "No change since" line) and ``groups`` (see
    :func:`docgen.deck.changes_text.grouped`), empty when nothing changed.
    """
    if changes is None:
        return None
    return {"title": changes_text.title(changes, labels),
            "none": changes_text.none_text(changes, labels),
            "groups": changes_text.grouped(changes, labels, currency)}


def render_markdown(status: Status, labels: Labels, dirs: tuple[Path, ...] = (),
                    changes: Changes | None = None) -> str:
    """Return the status report as Markdown text (with the changes section given ``changes``)."""
    p = status.project
    cover_keys = labels.section("deck")["cover"]
    text = render_template(TEMPLATE, dict(
            s=status, p=p, L=labels.section("deck"),
            cover=[(labels.get("deck.committee", "Committee"), p.committee),
                   (labels.get("deck.period", "Period"), p.period),
                   (cover_keys["sponsor"], p.sponsor), (cover_keys["manager"], p.manager),
                   (cover_keys["phase"], p.phase),
                   (cover_keys["report_date"], labels.format_date(p.report_date))],
            tables=tables(status, labels),
            changes=changes_section(changes, labels, p.currency),
            rag=lambda r: labels.get(f"deck.rag.{r}", r),
            trend=lambda t: labels.get(f"deck.trend.{t}", t),
            day=lambda d: labels.format_date(d),
        ), dirs, trim=False)
    return "\n".join(line.rstrip() for line in text.splitlines()).strip() + "\n"


def write_markdown(status: Status, labels: Labels, dest: Path,
                   dirs: tuple[Path, ...] = (), changes: Changes | None = None) -> Path:
    """Write the Markdown status report to ``dest`` atomically (templates along ``dirs``); return ``dest``."""
    return atomic_write_text(dest, neutralise_markdown_links(render_markdown(status, labels, dirs, changes)))
