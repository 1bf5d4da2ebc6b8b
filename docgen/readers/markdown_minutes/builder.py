"""Walks the sections of a notes file and collects the meeting, attendees, agenda and actions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item, Section, to_markdown
from docgen.readers.markdown_minutes.dates import find_date, find_times, normalise_date
from docgen.readers.markdown_minutes.people import (
    attendance_key,
    clean,
    parse_person,
    role_key,
    split_names,
)
from docgen.readers.markdown_minutes.tables import table_kind, table_records
from docgen.readers.markdown_minutes.vocab import (
    ATTENDANCE_WORDS,
    GROUP_WORDS,
    META_WORDS,
    NOTHING,
    ROLE_WORDS,
    norm,
    section_kind,
    split_label,
)

_DURATION = re.compile(r"[\s(\[—–-]*\b(\d{1,3})\s*(?:min|mins|minutes|mn|m|')(?![\w])[)\]]?",
                       re.IGNORECASE)
_PRESENTER = re.compile(r"(?:\s+[—–-]\s*|\s*[(\[]\s*)(?:presenter|presented by|led by|"
                        r"présenté par|presente par|intervenant|intervenante|par)\b\s*:?\s*"
                        r"(?P<who>[^)\]]+?)\s*[)\]]?\s*$", re.IGNORECASE)
_URL = re.compile(r"<?(https?://[^\s>)]+)>?")
_MDLINK = re.compile(r"\[([^\]]+)\]\((\S+?)\)")
_FILLER = re.compile(
    r"(?i)\b(?:le|the|on|at|à|a|de|du|from|in|en|next|meeting|prochaine|réunion|reunion|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche)\b")
_IRC = re.compile(r"^<([\w.|-]+)>\s*(.*)$")


@dataclass
class Agenda:
    """An agenda item being collected: its title, notes, decisions and raw actions."""

    title: str
    line: int
    base: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    decisions: list[tuple[dict, int]] = field(default_factory=list)
    actions: list[tuple[dict, int]] = field(default_factory=list)


class Builder:
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

    def meta_label(self, key: str, value: str, number: int) -> bool:
        """Record ``Date:``, ``Time:``, ``Location:``... of the meeting; return whether it did."""
        if not value:
            return False
        if key in META_WORDS["date"]:
            found = find_date(value)
            if found:
                self.set_meeting("date", found[0], number)
                self.times(value, number)
                return True
            return False
        if key in META_WORDS["time"]:
            return self.times(value, number)
        for field_name in ("location", "title", "project", "series"):
            if key in META_WORDS[field_name]:
                self.set_meeting(field_name, clean(value) if field_name != "location" else value,
                                 number)
                return True
        if key in META_WORDS["distribution"]:
            self.distribution.extend(clean(n) for n in split_names(value))
            return True
        return False

    def times(self, value: str, number: int) -> bool:
        """Record the start and end times written in ``value``; return whether there were any."""
        start, end, _ = find_times(value)
        self.set_meeting("start", start, number)
        self.set_meeting("end", end, number)
        return start is not None

    def add_role(self, name: str, role: str) -> None:
        """Give the attendee called ``name`` the meeting role ``role`` when they have none."""
        titles = {"chair": "Chair", "facilitator": "Facilitator", "minute_taker": "Minute taker"}
        for person, _ in self.attendees:
            if norm(person["name"]) in (norm(name), norm(name).split(" ")[0]) or \
                    norm(person.get("handle") or "-") == norm(name).lstrip("@"):
                person.setdefault("role", titles[role])

    # -- special sections -------------------------------------------------------------------------
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

    def person_line(self, line: str, number: int, attendance: str, group: str | None,
                    following: list[Item] | None) -> None:
        """Read one attendee-section line: ``Label: a, b`` or a comma-separated list of names."""
        pair = split_label(line)
        if pair:
            key, value = pair
            role = role_key(key) if key in _ROLE_KEYS else None
            if role:
                self.label(line, number, self.preamble, True, None)
                return
            sub = attendance_key(key) if key in _ALL_ATTENDANCE else None
            sub_group = None if sub else _group_name(pair[0])
            names = split_names(value) if value and not _NOBODY.match(value) else []
            for name in names:
                self.add_person(parse_person(name), number, sub or attendance,
                                sub_group or group)
            if not value:
                for entry in following or []:
                    self.person_entry(entry, sub or attendance, sub_group or group)
            return
        if len(line.split()) > 8 and "," not in line:
            return
        for name in split_names(line):
            self.add_person(parse_person(name), number, attendance, group)

    def person_entry(self, entry: Item, attendance: str, group: str | None) -> None:
        """Read one list item of an attendee section (a person, or a labelled group)."""
        nested = [c for c in entry.children if c.kind == "list"]
        following = nested[0].items if nested else None
        labelled = split_label(entry.text) is not None
        if labelled or (following and not (parse_person(entry.text) or {}).get("handle")):
            text = entry.text if labelled else entry.text.rstrip(": ") + ":"
            self.person_line(text, entry.line, attendance, group, following)
            return
        self.add_person(parse_person(entry.text), entry.line, attendance, group)

    def agenda_list(self, blocks: list[Block]) -> None:
        """Make each top-level item of an agenda list an agenda item; the rest become notes."""
        for block in blocks:
            if block.kind != "list":
                self.fill(self.preamble, [block])
                continue
            for entry in block.items:
                agenda = self.item(entry.text.replace("\n", " "), entry.line)
                self.fill(agenda, entry.children)

    def action_blocks(self, target: Agenda, blocks: list[Block], owner: str | None = None) -> None:
        """Read an actions section: every top-level list item is an action."""
        kept: list[Block] = []
        for block in blocks:
            if block.kind == "list":
                for entry in block.items:
                    if owner is None and self._group_of_owned(entry):
                        head = it.parse_action(entry.text)["text"]
                        for sub in entry.children[0].items:
                            self.raw_action(target, sub, prefix=head)
                    else:
                        self.raw_action(target, entry, owner=owner)
            elif block.kind == "para":
                keep = []
                for offset, line in enumerate(block.text.split("\n")):
                    number = block.line + offset
                    if it.decision_label(line):
                        target.decisions.append((it.parse_decision(line), number))
                    elif it.action_label(line) or it.owner_prefix(line) or owner:
                        target.actions.append(({"head": line, "owner": owner}, number))
                    elif not NOTHING.match(line):
                        keep.append(line)
                if keep:
                    kept.append(Block("para", block.line, text="\n".join(keep)))
            elif not (block.kind == "table" and self.table(block, target, "actions")):
                kept.append(block)
        self._flush(target, kept)

    def _group_of_owned(self, entry: Item) -> bool:
        lists = [c for c in entry.children if c.kind == "list"]
        if len(entry.children) != 1 or not lists or it.owner_prefix(entry.text):
            return False
        return all(it.owner_prefix(sub.text) or re.search(r"@\w", sub.text)
                   for sub in lists[0].items)

    def decision_blocks(self, target: Agenda, blocks: list[Block]) -> None:
        """Read a decisions section: list items and paragraphs are decisions."""
        kept: list[Block] = []
        for index, block in enumerate(blocks):
            if block.kind == "list":
                for entry in block.items:
                    if it.action_label(entry.text):
                        self.raw_action(target, entry, labelled=True)
                    else:
                        self.decision(target, entry)
            elif block.kind == "para":
                next_is_list = index + 1 < len(blocks) and blocks[index + 1].kind == "list"
                text = block.text.strip()
                if it.action_label(text):
                    target.actions.append(({"head": text, "labelled": True}, block.line))
                elif NOTHING.match(text) or (next_is_list and text.endswith(":")):
                    continue
                else:
                    target.decisions.append((it.parse_decision(text.replace("\n", " ")),
                                             block.line))
            elif not (block.kind == "table" and self.table(block, target, "decisions")):
                kept.append(block)
        self._flush(target, kept)

    def previous_blocks(self, sec: Section) -> None:
        """Read a review of previous actions: every list item or table row is one."""
        holder = Agenda(sec.title, sec.line)
        self.action_blocks(holder, sec.blocks)
        self.previous.extend(holder.actions)
        if holder.notes:
            self.notes.append(f"**{sec.title}**\n\n" + "\n\n".join(holder.notes))

    def info_blocks(self, sec: Section) -> None:
        """Read a meeting-details section: labelled lines; anything else becomes general notes."""
        holder = Agenda(sec.title, sec.line)
        self.fill(holder, sec.blocks, meta=True)
        self.preamble.decisions.extend(holder.decisions)
        self.preamble.actions.extend(holder.actions)
        self.notes.extend(holder.notes)

    def link_blocks(self, sec: Section) -> None:
        """Read a links section: ``**Label**: url``, ``[label](url)`` or bare URLs."""
        rest: list[str] = []
        for block in sec.blocks:
            entries = [(e.text, e.line) for e in block.items] if block.kind == "list" else \
                [(line, block.line + i) for i, line in enumerate(block.text.split("\n"))]
            for text, number in entries:
                link = parse_link(text)
                if link:
                    self.links.append((link, number))
                elif text.strip():
                    rest.append(text)
        if rest:
            self.notes.append("\n".join(rest))

    def next_blocks(self, sec: Section) -> None:
        """Read a next-meeting section: date, time, place; other content stays general notes."""
        text = "\n".join(b.text if b.kind != "list" else to_markdown([b]) for b in sec.blocks)
        if find_date(text):
            self.next_meeting(text, sec.line)
        else:
            body = to_markdown(sec.blocks)
            if body:
                self.notes.append(f"**{sec.title}**\n\n{body}")

    def next_meeting(self, value: str, number: int) -> None:
        """Record the next meeting's date, times and place from one written value."""
        found = find_date(value)
        if not found:
            return
        self.next_line = self.next_line or number
        self.next.setdefault("date", found[0])
        start, end, match = find_times(value)
        for key, val in (("start", start), ("end", end)):
            if val:
                self.next.setdefault(key, val)
        place = re.search(r"(?:location|where|lieu|salle|room)\s*[:：]\s*(.+)", value, re.I)
        if place is None:
            rest = value.replace(found[1].group(0), " ")
            if match:
                rest = rest.replace(match.group(0).strip(), " ")
            rest = _FILLER.sub(" ", rest.split("\n")[0])
            rest = re.sub(r"\s+", " ", re.sub(r"\s+([,;.])", r"\1", rest)).strip(" ,;.:-–—")
            place = re.match(r"(.+)", rest) if 2 < len(rest) < 80 and \
                re.search(r"[A-Za-z]", rest) else None
        if place:
            self.next.setdefault("location", clean(place.group(1)))

    def table(self, block: Block, target: Agenda, hint: str | None) -> bool:
        """Read an actions, decisions or attendees table; return whether it was one."""
        kind = table_kind(block.rows, hint)
        if kind is None:
            return False
        for record, row in table_records(block.rows, kind):
            number = block.line + row + 1
            if kind == "actions":
                record["head"] = record.pop("text")
                target.actions.append((record, number))
            elif kind == "decisions":
                target.decisions.append((record, number))
            else:
                record["attendance"] = _attendance_cell(record.pop("attendance", ""))
                self.add_person(record, number)
        return True

    def raw_action(self, target: Agenda, entry: Item, labelled: bool = False,
                   owner: str | None = None, prefix: str | None = None) -> None:
        """Queue a list item as an action; it is parsed once every attendee is known."""
        body = to_markdown(entry.children)
        target.actions.append(({"head": entry.text.replace("\n", " "), "body": body,
                                "labelled": labelled, "owner": owner, "prefix": prefix},
                               entry.line))

    def decision(self, target: Agenda, entry: Item) -> None:
        """Add a list item as a decision; its nested items stay in its text."""
        decision = it.parse_decision(entry.text.replace("\n", " "))
        body = to_markdown(entry.children)
        if body:
            decision["text"] = f"{decision['text']}\n\n{body}"
        target.decisions.append((decision, entry.line))


_NOBODY = re.compile(r"(?i)^\s*(?:none|no one|nobody|n/a|-|personne|aucun|aucune|néant)\b")
_ROLE_KEYS = {w for words in ROLE_WORDS.values() for w in words}
_ALL_ATTENDANCE = {w for words in ATTENDANCE_WORDS.values() for w in words}


def _is_agenda(title: str) -> bool:
    return norm(title).rstrip(":") in META_WORDS["agenda"] | {"agenda items", "topics"}


def _group_name(label: str) -> str:
    label = clean(label).rstrip(":").strip()
    return label.lower() if label[:1].isupper() and label[1:].islower() else label


def _attendance_cell(value: str) -> str:
    value = clean(value)
    if not value or norm(value) in ("x", "yes", "oui", "y", "v", "ok") or value in "✓✔✅":
        return "present"
    if norm(value) in ("no", "non", "n", "-") or value in ("✗", "❌"):
        return "absent"
    return attendance_key(value) or "present"


def parse_link(text: str) -> dict | None:
    """Return {label, url} for a written link entry, or None when it holds no URL."""
    md = _MDLINK.search(text)
    if md:
        before = clean(text[: md.start()]).rstrip(":： -–—").strip()
        return {"label": before or clean(md.group(1)), "url": md.group(2)}
    url = _URL.search(text)
    if not url:
        return None
    before = clean(text[: url.start()]).rstrip(":： -–—").strip()
    return {"label": before or url.group(1), "url": url.group(1)}


def split_title(title: str) -> tuple[str, str | None, int | None]:
    """Return (title, presenter, duration in minutes) for an agenda heading or agenda line."""
    presenter = duration = None
    m = _PRESENTER.search(title)
    if m:
        presenter, title = clean(m.group("who")), title[: m.start()]
    m = _DURATION.search(title)
    if m and m.end() >= len(title.rstrip()) - 1:
        duration, title = int(m.group(1)), title[: m.start()]
    title = re.sub(r"^\s*(?:\d+(?:\.\d+)*[.)]|[IVX]+[.)])\s+", "", title).strip(" :—–-")
    return title or "Untitled", presenter, duration


def normalise(value):
    """Return a front-matter scalar as the reader would write it (dates as ISO text)."""
    return normalise_date(value)
