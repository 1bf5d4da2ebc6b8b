"""Walks the sections of a notes file and collects the meeting, attendees, agenda and actions."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from docgen.readers.markdown_minutes.attendees import AttendeeSections
from docgen.readers.markdown_minutes.blocks import Section
from docgen.readers.markdown_minutes.collect import (
    Agenda,
    _group_name,
    _is_agenda,
    plain_title,
    role_label,
    split_title,
)
from docgen.readers.markdown_minutes.dates import find_date
from docgen.readers.markdown_minutes.fill import NotesFill
from docgen.readers.markdown_minutes.meta import MetaLines
from docgen.readers.markdown_minutes.people import (
    clean,
    split_names,
)
from docgen.readers.markdown_minutes.sentence_pass import SentencePass
from docgen.readers.markdown_minutes.sentence_rules import People
from docgen.readers.markdown_minutes.special import SpecialSections
from docgen.readers.markdown_minutes.vocab import (
    META_WORDS,
    norm,
    section_kind,
)


class Builder(NotesFill, AttendeeSections, SpecialSections, MetaLines, SentencePass):
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
        self.year_hint: int | None = None
        self.nested = False
        self._topics: _TopicIndex | None = None
        self.people = People()
        self.published = False  # the front matter's date is a publication timestamp
        # kinds ("decisions", "actions") the notes record in sections or tables of their own
        self.explicit: set[str] = set()

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
        self.people.add(person["name"], person.get("handle"))
        for known, _ in self.attendees:
            if norm(known["name"]) == norm(person["name"]) or (
                    person.get("handle") and known.get("handle", "").lower() ==
                    person["handle"].lower() and norm(person["name"]) == norm(person["handle"])):
                for key, value in person.items():
                    if key == "attendance" and attendance and attendance != "present":
                        known[key] = value
                    known.setdefault(key, value)
                return
        self.attendees.append((person, line))

    def item(self, title: str, line: int) -> Agenda:
        """Return the agenda item titled ``title``, created at the end unless one matches."""
        key = _topic_key(title)
        index = self._topic_index()
        existing = self._matching_item(key, index)
        if existing is None:
            return self._new_item(title, line, index)
        self._merge_heading(existing, title)
        return existing

    def _topic_index(self) -> _TopicIndex:
        """Return the index of the agenda's topic keys, rebuilt when items were added without it."""
        index = self._topics if self._topics is not None and self._topics.count == len(self.agenda) \
            else _TopicIndex(self.agenda)
        self._topics = index
        return index

    def _matching_item(self, key: str, index: _TopicIndex) -> Agenda | None:
        """Return the first agenda item naming the same topic as ``key`` (exact keys first), else None."""
        candidates = self.agenda if index.may_match(key) else ()
        exact = [existing for existing in candidates if _topic_key_cached(existing.title) == key]
        return next((existing for existing in exact or candidates
                     if _same_topic(key, _topic_key_cached(existing.title))), None)

    def _merge_heading(self, existing: Agenda, title: str) -> None:
        """Give an agenda item met again the heading's well-formed link title and its presenter."""
        if "](" in title and "[" in existing.title:
            # the heading's link is well formed where the agenda line's was not
            existing.title, links = plain_title(split_title(title)[0])
            self._topics = None  # a title changed: the index is rebuilt
            existing.notes.insert(0, _link_line(links))
        presenter = split_title(title)[1]
        if presenter and not existing.base.get("presenter"):
            existing.base["presenter"] = presenter

    def _new_item(self, title: str, line: int, index: _TopicIndex) -> Agenda:
        """Return a new agenda item appended for ``title`` (its links, presenter and duration read)."""
        title, presenter, duration = split_title(title)
        title, links = plain_title(title)
        agenda = Agenda(title, line)
        if links:
            agenda.notes.append(_link_line(links))
        if presenter:
            agenda.base["presenter"] = presenter
        if duration is not None:
            agenda.base["duration"] = duration
        self.agenda.append(agenda)
        index.add(agenda)
        return agenda

    # -- sections -----------------------------------------------------------------------------
    def section(self, sec: Section, parent: Agenda | None = None) -> None:
        """Read one section (and its subsections) by what its heading says it holds.

        Headings of a special kind go to their reader in :data:`_KIND_READERS`; any other is a
        dated heading, an agenda, a subsection of ``parent``, a role holder or a new topic.
        """
        kind, detail = section_kind(sec.title)
        read = _KIND_READERS.get(kind)
        if read is not None:
            read(self, sec, parent, kind, detail)
        elif self._dated_heading(sec, parent, kind) or self._agenda_heading(sec, parent, kind):
            return
        elif parent is not None:
            self._subsection(sec, parent)
        elif not self._role_topic(sec):
            self._new_topic(sec)

    def _attendee_section(self, sec: Section, parent: Agenda | None, kind: str, detail: str | None) -> None:
        """Read an attendee section; subsections listing people are groups, others are read as they are."""
        group = None if detail else _group_name(sec.title)
        self.people_blocks(sec.blocks, detail or "present", group)
        for child in sec.children:
            if section_kind(child.title)[0] == "attendees":
                self.section(child)
            elif _lists_people(child):
                self.people_blocks(child.blocks, detail or "present", child.title.strip())
            else:
                self.section(child)  # a topic written one level too deep

    def _details_section(self, sec: Section, parent: Agenda | None, kind: str, detail: str | None) -> None:
        """Read a meeting-details, links, next-meeting or previous-actions section, then its subsections."""
        read = {"info": self.info_blocks, "links": self.link_blocks, "next": self.next_blocks,
                "previous": self.previous_blocks}[kind]
        read(sec)
        for child in sec.children:
            self.section(child, parent)

    def _entries_section(self, sec: Section, parent: Agenda | None, kind: str, detail: str | None) -> None:
        """Read an actions or decisions section into ``parent`` (or an item of its own)."""
        if parent is None and not sec.blocks and not sec.children:
            return  # an empty "## Action items" heading holds no agenda item
        target = parent or self.item(sec.title, sec.line)
        target.collects = target.collects or (parent is None and kind == "actions")
        count = len(target.actions)
        loose = self._entries_children(sec, parent, kind, target)
        if kind == "actions":
            self.action_blocks(target, sec.blocks)
            _due_from_title(sec.title, target.actions[count:])
        else:
            self.decision_blocks(target, sec.blocks)
        for child in loose:
            self.section(child, None)

    def _entries_children(self, sec: Section, parent: Agenda | None, kind: str,
                          target: Agenda) -> list[Section]:
        """Read the subsections of an actions or decisions section; return the plain ones, read last.

        A subsection titled with an attendee's name holds that person's actions; one that
        names an agenda item is that topic (read last); any other groups more entries.
        """
        loose: list[Section] = []
        for child in sec.children:
            owner = self._person_title(child.title) if kind == "actions" else None
            if owner:
                self.action_blocks(target, child.blocks, owner)
            elif section_kind(child.title)[0] == "general" and (child.blocks or child.children) \
                    and self._matching_item(_topic_key(child.title), self._topic_index()) is None:
                # "## Action items / ### Website / - Fix the footer": the sub-heading groups
                # more entries of the same kind
                self._entries_section(child, target, kind, None)
            elif section_kind(child.title)[0] == "general":
                loose.append(child)
            else:
                self.section(child, parent)
        return loose

    def _dated_heading(self, sec: Section, parent: Agenda | None, kind: str) -> bool:
        """Read a top-level heading that is only the meeting's date as meeting details; return whether it was."""
        dated = find_date(sec.title, self.year_hint, short_year=True)
        if not (dated and parent is None and kind == "general" and norm(
                sec.title.replace(dated[1].group(0), "")).strip(" -") in META_WORDS["date"] | {""}):
            return False
        self.set_meeting("date", dated[0], sec.line)
        self.fill(self.preamble, sec.blocks, meta=True)
        for child in sec.children:
            self.section(child, None)
        return True

    def _agenda_heading(self, sec: Section, parent: Agenda | None, kind: str) -> bool:
        """Read a top-level agenda section (a list of items, or topics under it); return whether it was."""
        if kind != "agenda" or parent is not None:
            return False
        if not sec.children and not _is_agenda(sec.title):
            return self.topic_blocks(sec)
        if _is_agenda(sec.title):
            self.agenda_list(sec.blocks)
        else:
            self.fill(self.preamble, sec.blocks, meta=False)
        for child in sec.children:
            self.section(child, None)
        return True

    def _subsection(self, sec: Section, parent: Agenda) -> None:
        """Read a subsection into the notes of ``parent`` under its title in bold."""
        parent.notes.append(f"**{sec.title}**")
        # a subsection's "Liaison:"/"Owner:" lines belong to it, so they stay in the notes
        self.nested, outer = True, self.nested
        self.fill(parent, sec.blocks)
        self.nested = outer
        for child in sec.children:
            self.section(child, parent)

    def _new_topic(self, sec: Section) -> None:
        """Read a top-level section as an agenda item, its subsections into it."""
        agenda = self.item(sec.title, sec.line)
        agenda.person = agenda.person or self._person_title(sec.title)  # a stand-up's "## Ian Rebmann"
        self.fill(agenda, sec.blocks)
        for child in sec.children:
            self.section(child, agenda)

    def _role_topic(self, sec: Section) -> bool:
        """Read a topic that only names who holds a role (``2) Secretary`` / ``Jeff Lait``)."""
        role = role_label(norm(sec.title))
        blocks = sec.blocks
        if not role or sec.children or len(blocks) != 1 or blocks[0].kind != "para":
            return False
        names = split_names(blocks[0].text.replace("\n", ", "))
        if not names or len(names) > 3 or any(len(n.split()) > 4 or not n[:1].isupper()
                                              for n in names):
            return False
        self.set_meeting(role, ", ".join(clean(n) for n in names), blocks[0].line)
        for name in names:
            self.add_role(clean(name), role)
        return True

    def _person_title(self, title: str) -> str | None:
        key = norm(title)
        for person, _ in self.attendees:
            names = {norm(person["name"]), norm(person["name"]).split(" ")[0],
                     norm(person.get("handle") or "")}
            if key in names or key.lstrip("@") in names:
                return clean(title)
        return None


_TITLE_DUE = re.compile(r"(?i)\b(?:before|by|until|avant|pour|d['’]ici)\b.*$")


def _due_from_title(title: str, actions: list[tuple[dict, int]]) -> None:
    """Give the actions of "À réaliser avant la prochaine réunion" the due date the title names.

    The words are kept and counted from the meeting date when the minutes are assembled; an
    action's own due date comes first.
    """
    m = _TITLE_DUE.search(title)
    if m:
        for raw, _ in actions:
            raw.setdefault("due", m.group(0))


_PERSON_ENTRY = re.compile(r"^\s*(?:\[[ xX]\]\s*)?@?[A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý@(][\w'’.()@-]*){0,4}"
                           r"\s*(?:[,(/—–-].{0,80})?$")


def _lists_people(sec: Section) -> bool:
    """Return whether a subsection of an attendee section lists people (a group such as "TSC").

    Most of its list entries must read as names; a subsection of topics ("Standing items")
    put one level too deep under "Attendees" is read as a topic instead.
    """
    # an entry heading a nested list ("[ ] Events" over its items) is a topic, not a person
    entries = [item.text if not item.children else "-" for block in sec.blocks
               if block.kind == "list" for item in block.items]
    entries += [line for block in sec.blocks if block.kind == "para"
                for line in block.text.split("\n") for line in split_names(line)]
    if sec.children or not entries:
        return not sec.children and not sec.blocks
    named = sum(bool(_PERSON_ENTRY.match(clean(text))) and len(text.split()) <= 8 for text in entries)
    return named * 2 >= len(entries)


#: Readers of the sections whose heading names their kind: (builder, section, parent, kind, detail).
_KIND_READERS: dict[str, Callable[[Builder, Section, Agenda | None, str, str | None], None]] = {
    "attendees": Builder._attendee_section,
    "info": Builder._details_section,
    "links": Builder._details_section,
    "next": Builder._details_section,
    "previous": Builder._details_section,
    "actions": Builder._entries_section,
    "decisions": Builder._entries_section,
}


def _same_topic(key: str, other: str) -> bool:
    """Return whether topic keys ``key`` (a new title) and ``other`` (an item's) name one topic.

    An agenda line and its heading name the same topic; "Next steps" is not "Follow up on next
    steps from last meeting" (lengths first: every pair is tried), and "Budget review" is not
    "Budget review 2027" (see _contains).
    """
    size = len(key)
    return key == other or (
        (8 <= size <= len(other) <= 2 * size and _contains(other, key)) or
        (8 <= len(other) < size <= 2 * len(other) and _contains(key, other)))


class _TopicIndex:
    """The topic keys of the agenda items, to skip comparing a new title with every item.

    :meth:`may_match` is never False when an item matches (so results are unchanged); it is
    False for most new topics, which makes reading many topics linear instead of quadratic.
    """

    def __init__(self, agenda: list[Agenda]) -> None:
        self.count = 0
        self.joined = bytearray(b"\x00")
        self.keys: set[str] = set()
        for item in agenda:
            self.add(item)

    def add(self, item: Agenda) -> None:
        """Index one more agenda item."""
        key = _topic_key_cached(item.title)
        self.joined += key.encode() + b"\x00"
        self.keys.add(key)
        self.count += 1

    def may_match(self, key: str) -> bool:
        """Return False only when no indexed key equals ``key``, holds it, or is held by it."""
        if key.encode() in self.joined:
            return True  # equal to, or inside, an indexed key
        size = len(key)
        if size > 120:
            return True  # long titles: compared one by one
        # an indexed key inside this one is at least 8 characters and half its length
        for length in range(max(8, (size + 1) // 2), size):
            if any(key[start:start + length] in self.keys for start in range(size - length + 1)):
                return True
        return False


@lru_cache(maxsize=65536)
def _topic_key_cached(title: str) -> str:
    """Return _topic_key(title), computed once per title (every new item is compared to all)."""
    return _topic_key(title)


def _contains(longer: str, shorter: str) -> bool:
    """Return True when topic key ``shorter`` names the same topic as ``longer``, which holds it.

    It must stand there as whole words, and what ``longer`` adds must hold no number: a year,
    a version or an index ("Budget review 2027", "Topic 10") makes another topic.
    """
    match = re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer)
    if match is None:
        return False
    rest = longer[:match.start()] + longer[match.end():]
    return not any(ch.isdigit() for ch in rest)


def _topic_key(title: str) -> str:
    """Return a title reduced for matching an agenda line with its heading (addresses dropped)."""
    title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title)
    return norm(re.sub(r"\(?<?https?://\S+", " ", title))


def _link_line(links: list[tuple[str, str]]) -> str:
    """Return the links of an agenda title as one Markdown line kept at the top of its notes."""
    return " · ".join(f"[{label}]({url})" for label, url in links)

