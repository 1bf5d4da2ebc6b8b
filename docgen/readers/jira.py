"""The built-in mapping of a Jira CSV export (Issues > Export > CSV) to status actions or issues.

Standard columns: ``Issue key`` -> id, ``Summary`` -> text (actions) or title (issues),
``Assignee`` -> owner, ``Due date`` -> due, ``Status`` and ``Priority`` mapped to the format's
values (To Do -> open, In Progress -> in_progress, Done -> done or resolved; Highest/High ->
high, Medium -> medium, Low/Lowest -> low; for issues Highest -> critical). Values Jira does not
define (a custom workflow status) are kept as written, and validation names their cell.
"""

from __future__ import annotations

from datetime import date, datetime

from docgen.readers.status_layout import norm

# heading (normalised) -> key, per list
_COLUMNS = {
    "actions": {"issuekey": "id", "summary": "text", "assignee": "owner", "duedate": "due", "status": "status",
                "priority": "priority"},
    "issues": {"issuekey": "id", "summary": "title", "assignee": "owner", "duedate": "due", "status": "status",
               "priority": "severity"},
}
_STATUS = {
    "actions": {"todo": "open", "open": "open", "backlog": "open", "selectedfordevelopment": "open",
                "reopened": "open", "inprogress": "in_progress", "inreview": "in_progress", "review": "in_progress",
                "blocked": "in_progress", "done": "done", "closed": "done", "resolved": "done",
                "wontdo": "cancelled", "cancelled": "cancelled", "canceled": "cancelled"},
    "issues": {"todo": "open", "open": "open", "backlog": "open", "selectedfordevelopment": "open",
               "reopened": "open", "inprogress": "in_progress", "inreview": "in_progress", "review": "in_progress",
               "blocked": "in_progress", "done": "resolved", "closed": "resolved", "resolved": "resolved",
               "wontdo": "resolved", "cancelled": "resolved", "canceled": "resolved"},
}
_PRIORITY = {
    "priority": {"highest": "high", "blocker": "high", "critical": "high", "high": "high", "major": "medium",
                 "medium": "medium", "low": "low", "minor": "low", "lowest": "low", "trivial": "low"},
    "severity": {"highest": "critical", "blocker": "critical", "critical": "critical", "high": "high",
                 "major": "medium", "medium": "medium", "low": "low", "minor": "low", "lowest": "low",
                 "trivial": "low"},
}
# Date formats of Jira exports: "23/Nov/26 5:00 PM" (the default), ISO, and day-first numeric.
_DATE_FORMATS = ("%d/%b/%y %I:%M %p", "%d/%b/%y", "%d/%b/%Y %I:%M %p", "%d/%b/%Y", "%Y-%m-%d %H:%M",
                 "%Y-%m-%d %H:%M:%S", "%Y-%m-%d", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d.%m.%Y")
LISTS = tuple(_COLUMNS)


def looks_like_jira(headings: list[object]) -> bool:
    """Return True when ``headings`` are those of a Jira export (``Issue key`` and ``Summary`` among them)."""
    found = {norm(h) for h in headings if h is not None}
    return "issuekey" in found and "summary" in found


def jira_columns(key: str) -> dict[str, str]:
    """Return the built-in mapping (normalised heading -> status key) of a Jira export feeding list ``key``."""
    return dict(_COLUMNS.get(key, _COLUMNS["actions"]))


def jira_value(key: str, column: str, value: object) -> object:
    """Return the Jira cell ``value`` of status key ``column`` in the format's terms (status, priority, date)."""
    if not isinstance(value, str):
        return value
    if column == "status":
        return _STATUS.get(key, _STATUS["actions"]).get(norm(value), value)
    if column in _PRIORITY:
        return _PRIORITY[column].get(norm(value), value)
    if column == "due":
        return parse_jira_date(value)
    return value


def parse_jira_date(text: str) -> date | str:
    """Return the date of a Jira date text (``23/Nov/26 5:00 PM``, ``2026-11-23``...), or the text unchanged."""
    cleaned = " ".join(text.split())
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, pattern).date()
        except ValueError:
            continue
    return text
