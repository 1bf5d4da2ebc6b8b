"""Live-notes skeleton: a Markdown file, from meeting.yaml, that the Markdown notes reader reads back.

The front matter holds the meeting data and attendees as contract keys; the body holds the
previous actions as a table (id, action, owner, due, status, comment: the note-taker updates
status and comment) and one section per agenda item with Decisions / Actions headings. Every
convention used here is one docgen.readers.markdown_minutes understands, so
``docgen minutes notes.md`` gives the minutes back with the ids kept.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from docgen.jinja_env import render_template
from docgen.labels import Labels
from docgen.model.common import Action
from docgen.model.meeting import Decision, Minutes
from docgen.output import atomic_write_text
from docgen.renderers.minutes_text import md_cell
from docgen.safety import neutralise_markdown_links

# Keywords the notes reader recognises in an action or decision line, per language.
_WORDS = {
    "en": {"owner": "owner", "due": "due", "priority": "priority", "approver": "approved by",
           "high": "high", "medium": "medium", "low": "low"},
    "fr": {"owner": "responsable", "due": "échéance", "priority": "priorité",
           "approver": "validée par", "high": "haute", "medium": "moyenne", "low": "basse"},
}


def front_matter(minutes: Minutes, hint: str) -> str:
    """Return the YAML front matter (without the ``---`` fences) of the draft of ``minutes``."""
    data: dict = {"meeting": _plain(minutes.meeting.model_dump(exclude_none=True))}
    data["attendees"] = [_plain(a.model_dump(exclude_none=True)) for a in minutes.attendees]
    if minutes.distribution:
        data["distribution"] = list(minutes.distribution)
    if minutes.links:
        data["links"] = [link.model_dump(exclude_none=True) for link in minutes.links]
    if minutes.next_meeting:
        data["next_meeting"] = _plain(minutes.next_meeting.model_dump(exclude_none=True))
    comment = "".join(f"# {line}\n" for line in _wrap(hint))
    return comment + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _plain(record: dict) -> dict:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in record.items()}


def _wrap(text: str, width: int = 96) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def action_line(action: Action, L: Labels) -> str:
    """Return ``action`` as one list-item line the notes reader parses back (id, owner, due...)."""
    words = _WORDS.get(L.language, _WORDS["en"])
    text = " ".join(action.text.split())
    fields = []
    if action.owner:
        fields.append(f"{words['owner']}: {action.owner}")
    if action.due:
        fields.append(f"{words['due']} {action.due.isoformat()}")
    if action.priority:
        fields.append(f"{words['priority']}: {words[action.priority]}")
    line = (f"{action.id}: " if action.id else "") + text
    if fields:
        line += " — " + ", ".join(fields)
    if action.status != "open":
        line += f" ({L['action_status.' + action.status].lower()})"
    return line


def decision_line(decision: Decision, L: Labels) -> str:
    """Return ``decision`` as one list-item line the notes reader parses back."""
    words = _WORDS.get(L.language, _WORDS["en"])
    line = (f"{decision.id}: " if decision.id else "") + " ".join(decision.text.split())
    if decision.approver:
        line += f" ({words['approver']} {decision.approver})"
    return line


def context(minutes: Minutes, labels: Labels) -> dict:
    """Return the template context of the draft notes."""
    def row(action: Action) -> str:
        cells = [action.id or "", action.text, action.owner,
                 action.due.isoformat() if action.due else "",
                 labels["action_status." + action.status],
                 labels["priority." + action.priority] if action.priority else "", action.comment]
        return "| " + " | ".join(md_cell(c) for c in cells) + " |"

    return {
        "front_matter": front_matter(minutes, labels["agenda.draft_hint"]),
        "meeting": minutes.meeting, "agenda": minutes.agenda, "L": labels,
        "previous_actions": minutes.previous_actions, "notes": minutes.notes,
        "action_row": row, "action_line": lambda a: action_line(a, labels),
        "decision_line": lambda d: decision_line(d, labels),
    }


def render(minutes: Minutes, labels: Labels, dest: Path,
           dirs: tuple[Path, ...] = ()) -> Path:
    """Write the live-notes skeleton of ``minutes`` to ``dest`` (Markdown) and return ``dest``."""
    text = render_template("minutes-draft.md.j2", context(minutes, labels), dirs)
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not (line == "" and out and out[-1] == ""):
            out.append(line)
    return atomic_write_text(dest, neutralise_markdown_links("\n".join(out).strip() + "\n"))
