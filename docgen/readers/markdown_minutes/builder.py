"""Walks the sections of a notes file and collects the meeting, attendees, agenda and actions."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item, Section, to_markdown
from docgen.readers.markdown_minutes.collect import (
    _DURATION,
    _IRC,
    _NOBODY,
    _ROLE_KEYS,
    Agenda,
    _group_name,
    _is_agenda,
    split_title,
)
from docgen.readers.markdown_minutes.dates import find_date
from docgen.readers.markdown_minutes.meta import MetaLines
from docgen.readers.markdown_minutes.people import (
    clean,
    parse_person,
    role_key,
    split_names,
)
from docgen.readers.markdown_minutes.special import SpecialSections
from docgen.readers.markdown_minutes.vocab import (
    ATTENDANCE_WORDS,
    GROUP_WORDS,
    META_WORDS,
    norm,
    section_kind,
    split_label,
)


class Builder(SpecialSections, MetaLines):
    """Collects contract-shaped data while sections are read in document order."""

    def __init__(self) -> None:
        self.meeting: dict = {}
        self.meeting_lines: dict[str, int] = {}
        self.attendees: list[tuple[dict, int]] = []
        self.agenda: list[Agenda] = []
        self.previous: list[tuple[dict, int]] = []
        self.links: list[tuple[dict, int]] = []
        self.next: dict = {}
        self.next_line = 0
        self.notes: list[str] = []
        self.distribution: list[str] = []
        self.preamble = Agenda("Discussion", 0)

    # -- collected records ------------------------------------------------------------------
    def set_meeting(self, key: str, value, line: int, override: bool = False) -> None:
        """Record a meeting field unless an earlier source already gave it."""
        if value in (None, "") or (key in self.meeting and not override):
            return
        self.meeting[key] = value
        self.meeting_lines[key] = line

    def add_person(self, person: dict | None, line: int, attendance: str | None = None,
                   group: str | None = None) -> None:
        """Add an attendee, merging with an earlier entry of the same name."""
        if not person:
            return
        if attendance and "attendance" not in person:
            person["attendance"] = attendance
        if group and "group" not in person:
            person["group"] = group
        for known, _ in self.attendees:
            if norm(known["name"]) == norm(person["name"]):
                for key, value in person.items():
                    if key == "attendance" and attendance and attendance != "present":
                        known[key] = value
                    known.setdefault(key, value)
                return
        self.attendees.append((person, line))

    def item(self, title: str, line: int) -> Agenda:
        """Return the agenda item titled ``title``, created at the end unless one matches."""
        key = norm(title)
        for existing in self.agenda:
            other = norm(existing.title)
            short, long_ = sorted((key, other), key=len)
            if key == other or (len(short) >= 8 and short in long_):
                return existing
        title, presenter, duration = split_title(title)
        agenda = Agenda(title, line)
        if presenter:
            agenda.base["presenter"] = presenter
        if duration is not None:
            agenda.base["duration"] = duration
        self.agenda.append(agenda)
        return agenda

    # -- sections -----------------------------------------------------------------------------
    def section(self, sec: Section, parent: Agenda | None = None) -> None:
        """Read one section (and its subsections) by what its heading says it holds."""
        kind, detail = section_kind(sec.title)
        if kind == "attendees":
            group = None if detail else _group_name(sec.title)
            self.people_blocks(sec.blocks, detail or "present", group)
            for child in sec.children:
                child_kind, child_detail = section_kind(child.title)
                if child_kind == "attendees":
                    self.section(child)
                else:
                    self.people_blocks(child.blocks, detail or "present", child.title.strip())
            return
        if kind in ("info", "links", "next", "previous"):
            {"info": self.info_blocks, "links": self.link_blocks, "next": self.next_blocks,
             "previous": self.previous_blocks}[kind](sec)
            for child in sec.children:
                self.section(child, parent)
            return
        if kind in ("actions", "decisions"):
            target = parent or self.item(sec.title, sec.line)
            loose: list[Section] = []
            for child in sec.children:
                owner = self._person_title(child.title) if kind == "actions" else None
                if owner:
                    self.action_blocks(target, child.blocks, owner)
                elif section_kind(child.title)[0] == "general":
                    loose.append(child)
                else:
                    self.section(child, parent)
            if kind == "actions":
                self.action_blocks(target, sec.blocks)
            else:
                self.decision_blocks(target, sec.blocks)
            for child in loose:
                self.section(child, None)
            return
        dated = find_date(sec.title)
        if dated and parent is None and kind == "general" and not norm(
                sec.title.replace(dated[1].group(0), "")).strip(" -"):
            self.set_meeting("date", dated[0], sec.line)
            self.fill(self.preamble, sec.blocks, meta=True)
            for child in sec.children:
                self.section(child, None)
            return
        if kind == "agenda" and parent is None and (sec.children or _is_agenda(sec.title)):
            if _is_agenda(sec.title):
                self.agenda_list(sec.blocks)
            else:
                self.fill(self.preamble, sec.blocks, meta=False)
            for child in sec.children:
                self.section(child, None)
            return
        if parent is not None:
            parent.notes.append(f"**{sec.title}**")
            self.fill(parent, sec.blocks)
            for child in sec.children:
                self.section(child, parent)
            return
        agenda = self.item(sec.title, sec.line)
        self.fill(agenda, sec.blocks)
        for child in sec.children:
            self.section(child, agenda)

    def _person_title(self, title: str) -> str | None:
        key = norm(title)
        for person, _ in self.attendees:
            names = {norm(person["name"]), norm(person["name"]).split(" ")[0],
                     norm(person.get("handle") or "")}
            if key in names or key.lstrip("@") in names:
                return clean(title)
        return None

    # -- block readers --------------------------------------------------------------------------
    def fill(self, target: Agenda, blocks: list[Block], meta: bool = False) -> None:
        """Read notes blocks into ``target``: labelled lines and items are taken out of the notes."""
        kept: list[Block] = []
        index = 0
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.kind == "para":
                lines = block.text.split("\n")
                keep: list[str] = []
                for offset, line in enumerate(lines):
                    last = offset == len(lines) - 1
                    items = following.items if last and following and following.kind == "list" \
                        else None
                    result = self.label(line, block.line + offset, target, meta, items)
                    if isinstance(result, Agenda):
                        if keep:
                            kept.append(Block("para", block.line, text="\n".join(keep)))
                        self._flush(target, kept)
                        kept, keep, target = [], [], result
                    elif result == "list":
                        index += 1
                    elif not result:
                        irc = _IRC.match(line)
                        keep.append(f"**{irc.group(1)}:** {irc.group(2)}  " if irc else line)
                if keep:
                    kept.append(Block("para", block.line, text="\n".join(keep)))
            elif block.kind == "list":
                block.items = self.walk(block.items, target, meta, depth=0)
                kept.append(block)
            elif block.kind == "table":
                if not self.table(block, target, None):
                    kept.append(block)
            else:
                kept.append(block)
            index += 1
        self._flush(target, kept)

    def _flush(self, target: Agenda, kept: list[Block]) -> None:
        text = to_markdown(kept)
        if text:
            target.notes.append(text)

    def walk(self, entries: list[Item], target: Agenda, meta: bool, depth: int) -> list[Item]:
        """Return the list items that stay notes, taking out actions, decisions and labels."""
        kept = []
        for entry in entries:
            nested = [c for c in entry.children if c.kind == "list"]
            sub_items = nested[0].items if nested else None
            if re.match(r"^\s*\[[ xX~-]\]\s", entry.text):
                self.raw_action(target, entry, labelled=False)
                continue
            label = it.action_label(entry.text)
            if label is not None:
                if not label[1].strip() and sub_items:
                    for sub in sub_items:
                        self.raw_action(target, sub, labelled=True, owner=label[0])
                else:
                    self.raw_action(target, entry, labelled=True)
                continue
            decided = it.decision_label(entry.text)
            if decided is not None:
                if not decided.strip() and sub_items:
                    for sub in sub_items:
                        self.decision(target, sub)
                else:
                    self.decision(target, entry)
                continue
            if depth == 0 and self.label(entry.text, entry.line, target, meta, sub_items,
                                         in_list=True):
                continue
            for child in nested:
                child.items = self.walk(child.items, target, meta, depth + 1)
            kept.append(entry)
        return kept

    def label(self, line: str, number: int, target: Agenda, meta: bool,
              following: list[Item] | None, in_list: bool = False):
        """Handle one ``Label: value`` line; return what it consumed (falsy when it is a note).

        Returns an Agenda when the line opens a new topic, "list" when the label also took the
        list that follows, True when only the line was consumed.
        """
        if not in_list:
            label = it.action_label(line)
            if label is not None:
                if not label[1].strip() and following:
                    for entry in following:
                        self.raw_action(target, entry, labelled=True, owner=label[0])
                    return "list"
                target.actions.append(({"head": line, "labelled": True}, number))
                return True
            decided = it.decision_label(line)
            if decided is not None:
                if not decided.strip() and following:
                    for entry in following:
                        self.decision(target, entry)
                    return "list"
                if decided.strip():
                    target.decisions.append((it.parse_decision(line), number))
                    return True
        pair = split_label(line)
        if pair is None:
            return False
        key, value = pair
        attendance = next((a for a, words in ATTENDANCE_WORDS.items() if key in words), None)
        if attendance or (meta and key in GROUP_WORDS):
            group = None if attendance else _group_name(key)
            if value and _NOBODY.match(value):
                return True
            if value:
                for name in split_names(value):
                    self.add_person(parse_person(name), number, attendance or "present", group)
                return True
            if following:
                for entry in following:
                    self.add_person(parse_person(entry.text), entry.line,
                                    attendance or "present", group)
                return "list"
            return bool(meta)
        role = role_key(key) if key in _ROLE_KEYS else None
        if role and value and all(len(n.split()) <= 5 for n in split_names(value)):
            self.set_meeting(role, ", ".join(clean(n) for n in split_names(value)), number)
            for name in split_names(value):
                self.add_role(clean(name), role)
            return True
        if key in META_WORDS["next"] and value:
            self.next_meeting(value, number)
            return True
        if key in META_WORDS["topic"] and value and not in_list:
            return self.item(clean(value), number)
        if key in META_WORDS["agenda"] and not value and following:
            self.agenda_list([Block("list", number, items=following)])
            return "list"
        if meta:
            return self.meta_label(key, value, number)
        if key in META_WORDS["presenter"] and value and not target.base.get("presenter"):
            target.base["presenter"] = clean(value)
            return True
        if key in META_WORDS["duration"] and _DURATION.search(" " + value):
            target.base["duration"] = int(_DURATION.search(" " + value).group(1))
            return True
        return False
