"""YAML front matter of a notes file: contract keys, or flat keys and people lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from docgen.readers.markdown_minutes.builder import Builder
from docgen.readers.markdown_minutes.collect import Agenda, normalise, parse_link
from docgen.readers.markdown_minutes.people import attendance_key, parse_person, role_key
from docgen.readers.source import Source
from docgen.readers.yaml_source import parse_yaml

_MEETING_KEYS = {
    "title": "title", "titre": "title", "name": "title", "series": "series", "project": "project",
    "projet": "project", "date": "date", "start": "start", "end": "end", "location": "location",
    "lieu": "location", "where": "location", "place": "location", "chair": "chair",
    "minute_taker": "minute_taker", "facilitator": "facilitator", "language": "language",
    "lang": "language", "langue": "language", "scribe": "minute_taker",
    "note_taker": "minute_taker", "notetaker": "minute_taker", "secretary": "minute_taker",
    "president": "chair", "président": "chair", "moderator": "facilitator",
}
_PEOPLE_KEYS = ("attendees", "participants", "present", "presents", "présents", "members",
                "membres", "observers", "guests", "invites", "invités", "regrets", "excused",
                "excusés", "apologies", "absent", "absents", "remote", "staff")
_PLAIN_PEOPLE = ("attendees", "participants", "present", "presents", "présents")

#: The front matter's line of each key path (Source.lines; the YAML reader gives numbers).
_Lines = Mapping[str, int | str]


def _line(lines: _Lines, key: str) -> int:
    """Return the line of ``key`` in the front matter, 1 when it has none."""
    return int(lines.get(key, 1))


def split_front_matter(text: str, path: Path) -> tuple[Source | None, str]:
    """Return (front matter Source or None, body) with the body's line numbers unchanged."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:end])
            body = "\n".join([""] * (end + 1) + lines[end + 1:])
            if not yaml_text.strip():
                return None, body
            return parse_yaml(yaml_text, path, start_line=1), body
    return None, text


_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d")


def _is_timestamp(value: object) -> bool:
    """Return whether a front-matter date is a timestamp (``2023-01-04T03:00:55.676Z``)."""
    if isinstance(value, datetime):
        return True
    return isinstance(value, str) and bool(_TIMESTAMP.match(value.strip()))


def _is_blog_post(data: dict) -> bool:
    """Return whether front matter is a blog post's (``layout: post``), whose ``date`` is the day it was posted."""
    return str(data.get("layout", "")).strip().lower() == "post"


def apply_front_matter(fm: Source, builder: Builder) -> None:
    """Record the front matter's meeting fields, people, agenda and lists in ``builder``.

    The passes of :data:`_PASSES` run in order: earlier meeting fields win over later ones.
    """
    for read in _PASSES:
        read(fm.data, fm.lines, builder)


def _contract_meeting(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the fields of a contract-shaped ``meeting:`` mapping (they override anything before)."""
    meeting = data.get("meeting")
    if isinstance(meeting, dict):
        for key, value in meeting.items():
            builder.set_meeting(str(key), normalise(value) if key == "date" else value,
                                _line(lines, f"meeting.{key}"), override=True)


def _flat_meeting(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the flat meeting keys (``title:``, ``date:``, ``lieu:``...) the contract's ``meeting`` left unset."""
    for key, value in data.items():
        field = _MEETING_KEYS.get(str(key).lower())
        if field == "date" and (_is_timestamp(value) or _is_blog_post(data)):
            builder.published = True  # a time of day to the second, or a blog's post: when it was posted
        if field and not isinstance(value, (dict, list)):
            builder.set_meeting(field, normalise(value) if field == "date" else value,
                                _line(lines, str(key)))


def _time(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the start and end of a ``time: 14:00-15:00`` key."""
    if isinstance(data.get("time"), str):
        builder.times(data["time"], _line(lines, "time"))


def _people(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the people of every people list (``attendees:``, ``regrets:``, ``guests:``...)."""
    people_keys = [k for k in data if str(k).lower() in _PEOPLE_KEYS and isinstance(data[k], list)]
    grouping = [k for k in people_keys if attendance_key(str(k)) in (None, "present")]
    for key in people_keys:
        name = str(key).lower()
        attendance = attendance_key(name) if name not in _PLAIN_PEOPLE else "present"
        # a list of people who attended is a group, unless it is the one plain attendee list
        group = None if attendance and attendance != "present" or (
            name in _PLAIN_PEOPLE and len(grouping) == 1) else name
        _people_list(key, data[key], lines, builder, attendance, group)


def _people_list(key: object, entries: list, lines: _Lines, builder: Builder, attendance: str | None,
                 group: str | None) -> None:
    """Record the people of one list: mappings as written, strings read as attendee entries."""
    for index, entry in enumerate(entries):
        line = _line(lines, f"{key}[{index}]")
        if isinstance(entry, dict):
            builder.add_person(dict(entry), line, attendance, group)
        elif entry is not None:
            person = parse_person(str(entry))
            builder.add_person(person, line, attendance or "present", group)


def _roles(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record who holds the meeting's chair, facilitator and minute-taker roles."""
    for key, role in (("chair", "chair"), ("facilitator", "facilitator"),
                      ("minute_taker", "minute_taker")):
        if isinstance(builder.meeting.get(key), str) and role_key(role):
            builder.add_role(builder.meeting[key], role)


def _distribution(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the distribution list (one string or a list)."""
    distribution = data.get("distribution")
    if isinstance(distribution, (list, str)):
        builder.distribution.extend([distribution] if isinstance(distribution, str)
                                    else [str(d) for d in distribution])


def _previous_actions(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the previous actions as written."""
    for index, action in enumerate(data.get("previous_actions") or []):
        builder.previous.append((action, _line(lines, f"previous_actions[{index}]")))


def _agenda(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the agenda: contract-shaped items as they are, a plain title as a new item."""
    for index, item in enumerate(data.get("agenda") or []):
        line = _line(lines, f"agenda[{index}]")
        if isinstance(item, dict):
            builder.agenda.append(_contract_item(item, line))
        elif item is not None:
            builder.item(str(item), line)


def _contract_item(item: dict, line: int) -> Agenda:
    """Return the agenda item of a contract-shaped mapping, its actions already parsed."""
    agenda = Agenda(str(item.get("title", "")), line, base=dict(item))
    agenda.notes = [item["notes"]] if item.get("notes") else []
    agenda.decisions = [(d, line) for d in item.get("decisions") or []]
    agenda.actions = [({"ready": a}, line) for a in item.get("actions") or []]
    return agenda


def _links(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record the links: a mapping of label to URL, or a list of mappings or Markdown links."""
    links = data.get("links")
    if isinstance(links, dict):
        links = [{"label": k, "url": v} for k, v in links.items()]
    for index, link in enumerate(links or []):
        line = _line(lines, f"links[{index}]")
        if isinstance(link, str):
            link = parse_link(link) or {"label": link, "url": link}
        builder.links.append((link, line))


def _next_meeting(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record a contract-shaped ``next_meeting:`` mapping."""
    if isinstance(data.get("next_meeting"), dict):
        builder.next.update(data["next_meeting"])
        builder.next_line = _line(lines, "next_meeting")


def _notes(data: dict, lines: _Lines, builder: Builder) -> None:
    """Record general ``notes:`` text."""
    if isinstance(data.get("notes"), str):
        builder.notes.append(data["notes"])


#: The passes over the front matter, in order: meeting fields, people and roles, then the lists.
_PASSES: tuple[Callable[[dict, _Lines, Builder], None], ...] = (
    _contract_meeting, _flat_meeting, _time, _people, _roles, _distribution, _previous_actions,
    _agenda, _links, _next_meeting, _notes,
)
