"""Walks the sections of a notes file and collects the meeting, attendees, agenda and actions."""

from __future__ import annotations

import re
from collections.abc import Callable

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.attendees import AttendeeSections
from docgen.readers.markdown_minutes.blocks import Block, Section
from docgen.readers.markdown_minutes.collect import (
    Agenda,
    _group_name,
    _is_agenda,
    role_label,
)
from docgen.readers.markdown_minutes.dates import find_date
from docgen.readers.markdown_minutes.fill import NotesFill
from docgen.readers.markdown_minutes.meta import MetaLines
from docgen.readers.markdown_minutes.people import (
    clean,
    parse_person,
    split_names,
)
from docgen.readers.markdown_minutes.phrases import RELATIVE, words
from docgen.readers.markdown_minutes.resolutions import ResolutionSections, is_resolution
from docgen.readers.markdown_minutes.sentence_pass import SentencePass
from docgen.readers.markdown_minutes.special import SpecialSections
from docgen.readers.markdown_minutes.standups import plans, turn_person
from docgen.readers.markdown_minutes.topic_index import topic_key
from docgen.readers.markdown_minutes.vocab import (
    META_WORDS,
    NOTHING,
    norm,
    section_kind,
)

# what may stand beside the date in a heading that is only the date: "### Friday 11/4/2025"
_DAY_WORDS = frozenset(day for names in RELATIVE["weekdays"] for day in names) | {"the", "on", "le", "du"}

class Builder(NotesFill, AttendeeSections, SpecialSections, MetaLines, SentencePass, ResolutionSections):
    """Reads the sections of a notes file into its Draft (draft.py), in document order."""

    # -- sections -----------------------------------------------------------------------------
    def section(self, sec: Section, parent: Agenda | None = None) -> None:
        """Read one section (and its subsections) by what its heading says it holds.

        Headings of a special kind go to their reader in :data:`_KIND_READERS`; any other is a
        dated heading, an agenda, a subsection of ``parent``, a role holder or a new topic.
        """
        kind, detail = section_kind(sec.title)
        read = _KIND_READERS.get(kind)
        if is_resolution(sec.title):
            self.resolution(sec, parent)
        elif read is not None:
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
        if kind == "next" and parent is None and _holds_labelled_actions(sec):
            self._new_topic(sec)  # "Next meetings / - AI: Brian to create the event": a topic
            return
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
        elif _holds_resolutions(sec):
            self.fill(target, sec.blocks)  # "### Résolutions": its resolutions are the decisions
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
        resolutions = _holds_resolutions(sec)
        for child in sec.children:
            owner = self._person_title(child.title) if kind == "actions" else None
            if resolutions:
                self.section(child, target)  # a resolution, or notes beside them ("Signatures")
            elif owner:
                self.action_blocks(target, child.blocks, owner)
            elif section_kind(child.title)[0] == "general" and (child.blocks or child.children) \
                    and self._matching_item(topic_key(child.title), self._topic_index()) is None:
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
        rest = norm(sec.title.replace(dated[1].group(0), "")).strip(" -").split() if dated else []
        if not (dated and parent is None and kind == "general" and (
                " ".join(rest) in META_WORDS["date"] or set(rest) <= _DAY_WORDS)):
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
        count, team = len(parent.actions), self._team_title(sec.title)
        self.fill(parent, self._turn_blocks(sec, parent))
        self.nested = outer
        for child in sec.children:
            self.section(child, parent)
        for raw, _ in parent.actions[count:] if team else ():  # its own and its sub-sections'
            raw.setdefault("team", team)

    def _new_topic(self, sec: Section) -> None:
        """Read a top-level section as an agenda item, its subsections into it."""
        agenda = self.item(sec.title, sec.line)
        agenda.person = agenda.person or self._person_title(sec.title)  # a stand-up's "## Ian Rebmann"
        count = len(agenda.decisions)
        self.fill(agenda, self._turn_blocks(sec, agenda))
        _assented_topic(sec, agenda, count)
        for child in sec.children:
            if not self.person_plans(child, agenda):
                self.section(child, agenda)

    def _turn_blocks(self, sec: Section, target: Agenda) -> list[Block]:
        """Return the blocks of ``sec`` left for the notes, once a stand-up turn's plans are taken.

        When ``sec`` is one person's stand-up turn (standups.py), the person attended and owns
        each planned item; other sections are returned whole.
        """
        person = turn_person(sec, self._is_attendee)
        if person is None:
            return sec.blocks
        self.add_person(parse_person(person), sec.line, "present")
        tasks, kept = plans(sec.blocks)
        for task, due, line in tasks:
            if not NOTHING.match(task):
                target.actions.append(({"head": task, "owner": person, "labelled": True, "due": due}, line))
        return kept

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
        """Return the heading as its owner when it is an attendee's name ("### Owen"), else None."""
        return clean(title) if self._is_attendee(title) else None

    def _team_title(self, title: str) -> str | None:
        """Return the members a team's heading names ("Technical - Owen, Adam"), or the team it names, or None.

        Every name after the dash must be an attendee; they own the team's actions that name
        no owner of their own. A heading that is a team's name ("Login / Auth Team", "Équipe
        Front") gives that team those actions.
        """
        team = _TEAM_TITLE.match(title)
        names = split_names(team.group("names")) if team else []
        if len(names) > 1 and all(self._is_attendee(name) for name in names):
            return ", ".join(clean(name) for name in names)
        named = _NAMED_TEAM.match(clean(title))
        return named.group(0).strip() if named else None

    def _is_attendee(self, name: str) -> bool:
        """Return whether ``name`` is an attendee's name, first name or handle."""
        key = norm(name)
        for person, _ in self.attendees:
            names = {norm(person["name"]), norm(person["name"]).split(" ")[0],
                     norm(person.get("handle") or "")}
            if key in names or key.lstrip("@") in names:
                return True
        return False


def _holds_resolutions(sec: Section) -> bool:
    """Return whether a section's subsections number resolutions ("#### Résolution 1 - ...")."""
    return any(is_resolution(child.title) for child in sec.children)


def _holds_labelled_actions(sec: Section) -> bool:
    """Return whether a section's lists hold an ``ACTION:``-labelled item (at any depth)."""
    stack = [item for block in sec.blocks if block.kind == "list" for item in block.items]
    while stack:
        entry = stack.pop()
        if it.action_label(entry.text) is not None:
            return True
        stack.extend(item for child in entry.children if child.kind == "list" for item in child.items)
    return False


# "Technical - Owen, Adam": a team's name, a dash, its members
_TEAM_TITLE = re.compile(r"^[^-–—:]{2,60}?\s+[-–—]\s+(?P<names>[^-–—]+)$")
# a team's name: "Login / Auth Team", "Backend squad", "Payroll workstream", "Équipe Front" (a few
# words; "Team Communication", "All Feature Teams", "Feedback from the design team" are topics)
_NAMED_TEAM = re.compile(r"^(?!(?i:from|with|for|feedback|meeting|questions?|updates?|notes?|news|report|"
                         r"discussion|retours?|avec|pour|de)\b)(?:(?:[\w'’&.+-]+|/)\s){1,4}"
                         r"(?i:team|squad|workstream|work stream)$|^(?i:équipe|equipe)(?:\s[\w'’&.+-]+){1,3}$")


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


# "**Consensus**", "- Reviewed, no objection": the last words of a topic, when they only assent
_ASSENT = re.compile(rf"(?i)^[\s*_>-]*(?:{'|'.join(words('topic_assent'))})[\s.!*_]*$")


def _assented_topic(sec: Section, agenda: Agenda, count: int) -> None:
    """Take a topic whose notes end on the room's assent alone as decided: its title, notes and assent.

    "## Adoption of the previous minutes / **Consensus**" decides the adoption; a topic of more
    than two blocks, with subsections, or that already holds a decision is left as it is.
    """
    blocks = sec.blocks
    if len(agenda.decisions) > count or not blocks or len(blocks) > 2 or sec.children:
        return
    last = blocks[-1]
    text = last.items[-1].text if last.kind == "list" and len(last.items) == 1 else last.text
    lines = (text or "").strip().split("\n")
    if last.kind not in ("para", "list") or not _ASSENT.match(lines[-1]):
        return
    said = [b.text for b in blocks[:-1] if b.kind == "para"] + lines[:-1] + [lines[-1].strip(" *_-.!")]
    agenda.decisions.append((it.parse_decision(f"{clean(sec.title)}: " + " ".join(said)), last.line))


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

