"""What every checklist renderer shares: column order, status colours and worded cells."""

from __future__ import annotations

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


def summary_line(checklist: Checklist, outputs: list[str]) -> str:
    """Return the one-line summary the CLI prints: counts by status, then the outputs."""
    counts = checklist.summary.overall.counts
    total = checklist.summary.overall.total
    parts = [f"{counts[s]} {s.replace('_', ' ')}" for s in counts]
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
