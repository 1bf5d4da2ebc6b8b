"""The written status report in Markdown: the status's tables (docgen.deck.report_tables) in a Jinja template."""

from __future__ import annotations

from pathlib import Path

from docgen.deck import changes_text
from docgen.deck.changes import Changes
from docgen.deck.report_tables import status_tables
from docgen.jinja_env import render_template
from docgen.labels import Labels
from docgen.model.status import Status
from docgen.output import atomic_write_text
from docgen.safety import neutralise_markdown_links

TEMPLATE = "status-report.md.j2"
# The sections shown as tables, in the report's order (decisions and changes have sections of their own).
REPORT_TABLES = ("dimensions", "workstreams", "milestones", "budget", "risks", "issues", "actions")


def tables(status: Status, labels: Labels) -> list[dict]:
    """Return the status's tables as text (title, header, rows) for the Markdown report."""
    return [{"title": table.title,
             "header": [_md(h) for h in table.header],
             "rows": [[_md(c.text) for c in row] for row in table.rows]}
            for table in status_tables(status, labels, REPORT_TABLES)]


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
