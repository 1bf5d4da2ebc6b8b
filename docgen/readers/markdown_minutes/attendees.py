"""Attendee sections and lines: people, groups, roles written as phrases."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.blocks import Block, Item
from docgen.readers.markdown_minutes.collect import (
    _ALL_ATTENDANCE,
    _NOBODY,
    _ROLE_KEYS,
    _attendance_cell,
    _group_name,
    role_label,
)
from docgen.readers.markdown_minutes.draft import Passes
from docgen.readers.markdown_minutes.people import (
    attendance_key,
    clean,
    parse_person,
    split_names,
)
from docgen.readers.markdown_minutes.tables import table_kind, table_records
from docgen.readers.markdown_minutes.vocab import norm, people_label, split_label

_HANDLE_ONLY = re.compile(r"^\(?\s*@[\w/-]+\s*\)?$")
_ROLE_PHRASE = re.compile(
    r"(?P<who>@[\w-]+|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\s+(?:has\s+)?(?P<what>moderated|facilitated|"
    r"chaired|hosted|scribed|took (?:the )?(?:notes|minutes)|wrote (?:the )?(?:notes|minutes))\b")


_BOLD_NAME_ROLE = re.compile(r"^(\*\*|__)(?P<name>[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,2})\1"
                             r"\s*[:：—–-]\s*(?P<role>\S.*)$")
_NAME_CELL = re.compile(r"^@?[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de |van |von |le |la |du )?[A-ZÀ-Ý@][\w'’.-]*){0,3}$")


_MARKS = {"yes", "no", "oui", "non", "present", "absent", "x", "excused", "excuse", "remote", "n/a"}


def _looks_like_name(cell: str) -> bool:
    """Return whether a table cell reads as a person's name (1-4 capitalised words, no digits).

    A closing parenthesis (the organisation) is allowed; attendance marks ("Yes") are not names.
    """
    text = re.sub(r"\s*\([^()]*\)\s*$", "", clean(cell))
    return bool(_NAME_CELL.match(text)) and not any(ch.isdigit() for ch in text) and \
        text.lower() not in _MARKS


def split_label_raw(line: str) -> str:
    """Return the label of a ``Label: value`` line as written (Markdown kept)."""
    return line.split(":", 1)[0].strip().lstrip("-*+ ").strip()


def _name_column(body: list[list[str]]) -> int | None:
    """Return the index of the column whose cells are mostly names (at least half the rows), else None."""
    width = max((len(row) for row in body), default=0)
    scores = [sum(_looks_like_name(row[c]) for row in body if c < len(row)) for c in range(width)]
    if not scores or max(scores) < max(1, len(body) // 2):
        return None
    return scores.index(max(scores))


def _row_person(row: list[str], column: int) -> dict | None:
    """Return the person named in ``row[column]``, the row's first other cell as their role."""
    person = parse_person(row[column])
    others = [cell for c, cell in enumerate(row) if c != column and cell.strip()]
    if person and others and "role" not in person:
        person["role"] = clean(others[0])
    return person


class AttendeeSections(Passes):
    """Builder methods reading attendee sections and lines."""

    def people_blocks(self, blocks: list[Block], attendance: str, group: str | None) -> None:
        """Read attendees from the blocks of an attendee section."""
        for index, block in enumerate(blocks):
            if block.kind == "para":
                following = blocks[index + 1].items if index + 1 < len(blocks) and \
                    blocks[index + 1].kind == "list" else None
                for offset, line in enumerate(block.text.split("\n")):
                    self.person_line(line, block.line + offset, attendance, group,
                                     following if offset == len(block.text.split("\n")) - 1
                                     else None)
            elif block.kind == "list":
                for entry in block.items:
                    self.person_entry(entry, attendance, group)
            elif block.kind == "table" and table_kind(block.rows, "attendees") == "attendees":
                for record, row in table_records(block.rows, "attendees"):
                    mark = record.pop("attendance", "")
                    record["attendance"] = _attendance_cell(mark)
                    self.add_person(record, block.line + row + (1 if row else 0), None, group)
            elif block.kind == "table":
                self.name_column(block, attendance, group)

    def name_column(self, block: Block, attendance: str, group: str | None) -> None:
        """Read an attendee table without a "Name" header: the column whose cells are names.

        ``| Position | POC |`` with ``| Chair | Samuel Leathers |``: the second column holds
        names (capitalised words, no digits), the other gives each person's role.
        """
        body = block.rows[1:]
        column = _name_column(body)
        if column is None:
            return
        for offset, row in enumerate(body, start=1):
            if column < len(row) and _looks_like_name(row[column]):
                self.add_person(_row_person(row, column), block.line + offset, attendance, group)

    def people_columns(self, block: Block) -> bool:
        """Read a table whose column headings are people labels ("Étudiants présents | Clients présents").

        Each cell below lists names (split at ``<br>``, line breaks and commas); the heading gives
        their attendance and, with several columns, their group. Returns whether it was one.
        """
        header = [re.sub(r"\s*\([^()]*\)\s*$", "", cell).strip() for cell in block.rows[0]]
        found = [people_label(norm(cell)) if cell else None for cell in header]
        labels = [label for label in found if label is not None]
        if not header or len(labels) < len(found) or len(block.rows) < 2:
            return False
        for offset, row in enumerate(block.rows[1:], start=1):
            for column, cell in enumerate(row[: len(header)]):
                group = header[column] if len(header) > 1 else None
                for name in split_names(re.sub(r"(?i)<br\s*/?>|\n", ",", cell)):
                    self.add_person(parse_person(name), block.line + offset, labels[column][0], group)
        return True

    def person_line(self, line: str, number: int, attendance: str, group: str | None,
                    following: list[Item] | None) -> None:
        """Read one attendee-section line: ``Label: a, b`` or a comma-separated list of names."""
        if self.role_phrases(line):
            return
        pair = split_label(line)
        if pair is None:
            self._names_line(line, number, attendance, group)
        elif _HANDLE_ONLY.match(pair[1]) and pair[0] not in _ALL_ATTENDANCE | _ROLE_KEYS:
            # "Rafael Gonzaga: (@RafaelGSS)" names a person, not a group
            name = clean(split_label_raw(line))
            self.add_person(parse_person(f"{name} {pair[1]}"), number, attendance, group)
        elif role_label(pair[0]):
            self.label(line, number, self.preamble, True, None)
        else:
            self._labelled_people(pair, number, attendance, group, following)

    def _labelled_people(self, pair: tuple[str, str], number: int, attendance: str, group: str | None,
                         following: list[Item] | None) -> None:
        """Read ``Label: a, b``: the label gives their attendance or group; an empty value takes the list after it."""
        key, value = pair
        sub = attendance_key(key) if key in _ALL_ATTENDANCE else None
        sub_group = None if sub else _group_name(key)
        names = split_names(value) if value and not _NOBODY.match(value) else []
        for name in names:
            self.add_person(parse_person(name), number, sub or attendance,
                            sub_group or group)
        if not value:
            for entry in following or []:
                self.person_entry(entry, sub or attendance, sub_group or group)

    def _names_line(self, line: str, number: int, attendance: str, group: str | None) -> None:
        """Read an unlabelled line as a list of names, unless it is a long sentence without commas."""
        if len(line.split()) > 8 and "," not in line:
            return
        for name in split_names(line):
            self.add_person(parse_person(name), number, attendance, group)

    def role_phrases(self, line: str) -> bool:
        """Record ``@nzakas moderated, and @btmills took notes``; return whether the line was one."""
        found = list(_ROLE_PHRASE.finditer(line))
        for m in found:
            role = "minute_taker" if re.match(r"(?i)took|scribed|wrote", m.group("what")) else \
                "chair" if m.group("what").lower().startswith("chair") else "facilitator"
            who = clean(m.group("who"))
            self.set_meeting(role, who, 0)
        return bool(found)

    def person_entry(self, entry: Item, attendance: str, group: str | None) -> None:
        """Read one list item of an attendee section (a person, or a labelled group)."""
        nested = [c for c in entry.children if c.kind == "list"]
        following = nested[0].items if nested else None
        named = _BOLD_NAME_ROLE.match(entry.text.strip())
        if named and not following:
            # "**Paul Bonneau** : Capture Vidéo & Intégration": a person and what they do
            person = parse_person(named.group("name"))
            if person:
                person.setdefault("role", clean(named.group("role")))
            self.add_person(person, entry.line, attendance, group)
            return
        labelled = split_label(entry.text) is not None
        if labelled or (following and not (parse_person(entry.text) or {}).get("handle")):
            text = entry.text if labelled else entry.text.rstrip(": ") + ":"
            self.person_line(text, entry.line, attendance, group, following)
            return
        self.add_person(parse_person(entry.text), entry.line, attendance, group)
