"""What every checklist renderer shares: column order, status colours and worded cells."""

from __future__ import annotations

from pathlib import Path

from docgen.labels import Labels
from docgen.model.checklist import Checklist, Item
from docgen.richtext import plain

# The columns of the CSV output, fixed by the contract; other tabular outputs follow them.
CSV_COLUMNS = ("id", "section", "level", "text", "status", "evidence", "owner", "comment")

# Fill and text colours (RGB hex) of each status, like Excel's good/neutral/bad cell styles.
STATUS_FILL = {
    "compliant": "C6EFCE",
    "partial": "FFEB9C",
    "non_compliant": "FFC7CE",
    "not_applicable": "EDEDED",
    "not_verified": "DDEBF7",
}
STATUS_FONT = {
    "compliant": "006100",
    "partial": "9C5700",
    "non_compliant": "9C0006",
    "not_applicable": "595959",
    "not_verified": "1F4E79",
}

# Fill and text colours of the change markers (improved green, regressed red, unchanged grey).
CHANGE_FILL = {"improved": "C6EFCE", "regressed": "FFC7CE", "unchanged": "F2F2F2"}
CHANGE_FONT = {"improved": "006100", "regressed": "9C0006", "unchanged": "595959"}
# How many MUST regressions the callout names before "and N more".
CALLOUT_LIMIT = 10
# The two columns the CSV output appends when compared with a previous assessment.
CHANGE_COLUMNS = ("previous_status", "change")


def status_word(labels: Labels, status: str) -> str:
    """Return the worded status in the labels' language ("Non-compliant")."""
    return labels.get(f"checklist.status.{status}", status.replace("_", " "))


def level_word(labels: Labels, level: str) -> str:
    """Return the worded level in the labels' language ("Must")."""
    return labels.get(f"checklist.level.{level}", level)


def section_name(labels: Labels, section: str) -> str:
    """Return ``section`` or the label for requirements without one."""
    return section or labels.get("checklist.no_section", "(no section)")


def plain_text(markdown: str | None) -> str:
    """Return Markdown text as plain text ("" for None), for cells that hold no formatting."""
    if not markdown:
        return ""
    if not any(ch in markdown for ch in "*_`[<\n#>|~"):
        return markdown
    return plain(markdown)


def percent(value: float | None) -> str:
    """Return a percentage rounded to a whole number with a % sign ("" for None)."""
    return "" if value is None else f"{value:.0f}%"


def change_word(labels: Labels, change: str) -> str:
    """Return the worded change in the labels' language ("Regressed")."""
    return labels.get(f"checklist.change_word.{change}", change)


def change_marker(labels: Labels, change: str) -> str:
    """Return the change with its arrow ("\u2193 Regressed"), for change columns."""
    return labels.get(f"checklist.change_marker.{change}", change)


def since_text(checklist: Checklist, labels: Labels) -> str:
    """Return how the previous assessment is named: its title and date, or its file name."""
    previous = checklist.previous
    title = previous.title if previous else None
    day = labels.format_date(previous.date) if previous and previous.date else ""
    if title and day:
        return labels["checklist.since"].format(title=title, date=day)
    return title or day or Path(checklist.previous_file or "").name


def regression_callout(checklist: Checklist, labels: Labels) -> str | None:
    """Return the sentence naming the MUST requirements that regressed, or None when none did."""
    items = checklist.must_regressions()
    if not items:
        return None
    listed = ", ".join(f"{item.id} ({status_word(labels, item.previous_status or '')} \u2192 "
                       f"{status_word(labels, item.status)})" for item in items[:CALLOUT_LIMIT])
    if len(items) > CALLOUT_LIMIT:
        listed += " " + labels["checklist.and_more"].format(count=len(items) - CALLOUT_LIMIT)
    key = "checklist.must_regressed_one" if len(items) == 1 else "checklist.must_regressed_many"
    return labels[key].format(count=len(items), since=since_text(checklist, labels), items=listed)


def summary_line(checklist: Checklist, outputs: list[str]) -> str:
    """Return the one-line summary the CLI prints: counts by status, then the outputs."""
    counts = checklist.summary.overall.counts
    total = checklist.summary.overall.total
    parts = [f"{counts[s]} {s.replace('_', ' ')}" for s in counts]
    if checklist.compared:
        changes = checklist.summary.overall.changes
        parts += [f"{changes['improved']} improved", f"{changes['regressed']} regressed"]
    noun = "requirement" if total == 1 else "requirements"
    return f"checklist: {total} {noun}, {', '.join(parts)} -> {', '.join(outputs)}"


def item_row(item: Item) -> dict[str, str]:
    """Return the item as the CSV columns, status and level as their codes."""
    req = item.requirement
    return {
        "id": req.id,
        "section": req.section or "",
        "level": req.level,
        "text": req.text,
        "status": item.status,
        "evidence": item.evidence or "",
        "owner": item.owner or "",
        "comment": item.comment or "",
    }


def change_row(item: Item) -> dict[str, str]:
    """Return the item's previous status and change as the CSV columns appended on comparison."""
    return {"previous_status": item.previous_status or "", "change": item.change or ""}
