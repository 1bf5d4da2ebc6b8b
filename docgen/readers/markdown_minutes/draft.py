"""The Draft: what the passes over a notes file have read so far, in one typed home.

:class:`Draft` holds the shared records (meeting fields, attendees, agenda items, lists) and the
methods that add to them. :class:`Passes` declares, once, the passes one reader calls on another
(filling notes, reading a label, a table, sentences); the readers mixed into
``builder.Builder`` define them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from docgen.readers.markdown_minutes.blocks import Block, Item, Section
from docgen.readers.markdown_minutes.collect import Agenda, plain_title, split_title
from docgen.readers.markdown_minutes.sentence_rules import People
from docgen.readers.markdown_minutes.topic_index import TopicIndex, link_line, same_topic, topic_key, topic_key_cached
from docgen.readers.markdown_minutes.vocab import norm

#: What a labelled line consumed: an Agenda when it opens a topic, "list" when the label took the
#: list after it, True when only the line, False when it is a note (see label_rules.py).
Consumed = Agenda | str | bool


def _preamble() -> Agenda:
    """Return the item holding what the notes say before their first topic."""
    return Agenda("Discussion", 0)


@dataclass(eq=False)
class Draft:
    """The meeting, attendees, agenda and lists collected while sections are read in document order."""

    meeting: dict = field(default_factory=dict)
    meeting_lines: dict[str, int] = field(default_factory=dict)
    attendees: list[tuple[dict, int]] = field(default_factory=list)
    agenda: list[Agenda] = field(default_factory=list)
    previous: list[tuple[dict, int]] = field(default_factory=list)
    links: list[tuple[dict, int]] = field(default_factory=list)
    next: dict = field(default_factory=dict)
    next_line: int = 0
    notes: list[str] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    preamble: Agenda = field(default_factory=_preamble)
    year_hint: int | None = None
    nested: bool = False  # inside a subsection, whose "Liaison:"/"Owner:" lines stay notes
    people: People = field(default_factory=People)
    published: bool = False  # the front matter's date is a publication timestamp
    # kinds ("decisions", "actions") the notes record in sections or tables of their own
    explicit: set[str] = field(default_factory=set)
    # (role, name, line) of the chairs and secretaries prose names ("présidée par Ana Dubois")
    prose_roles: list[tuple[str, str, int]] = field(default_factory=list)
    _topics: TopicIndex | None = field(default=None, init=False, repr=False)
    # the attendees by normalised name and by handle, so that adding one is a lookup, not a scan
    _people_index: dict[str, dict] = field(default_factory=dict, init=False, repr=False)

    # -- collected records ------------------------------------------------------------------
    def set_meeting(self, key: str, value: object, line: int, override: bool = False) -> None:
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
        known = self._known_person(person)
        if known is not None:
            for key, value in person.items():
                if key == "attendance" and attendance and attendance != "present":
                    known[key] = value
                known.setdefault(key, value)
            person = known  # its handle may be new
        else:
            self._people_index["n:" + norm(person["name"])] = person
            self.attendees.append((person, line))
        if person.get("handle"):
            self._people_index.setdefault("h:" + person["handle"].lower(), person)

    def _known_person(self, person: dict) -> dict | None:
        """Return the attendee listed under ``person``'s name (or handle, when the name is the handle), else None."""
        name = norm(person["name"])
        known = self._people_index.get("n:" + name)
        if known is None and person.get("handle") and name == norm(person["handle"]):
            known = self._people_index.get("h:" + person["handle"].lower())  # "@kevkoy" after "Kevin Koy (@kevkoy)"
        return known

    def add_role(self, name: str, role: str) -> None:
        """Give the attendee called ``name`` the meeting role ``role`` when they have none."""
        titles = {"chair": "Chair", "facilitator": "Facilitator", "minute_taker": "Minute taker"}
        for person, _ in self.attendees:
            if norm(person["name"]) in (norm(name), norm(name).split(" ")[0]) or \
                    norm(person.get("handle") or "-") == norm(name).lstrip("@"):
                person.setdefault("role", titles[role])

    def item(self, title: str, line: int) -> Agenda:
        """Return the agenda item titled ``title``, created at the end unless one matches."""
        key = topic_key(title)
        index = self._topic_index()
        existing = self._matching_item(key, index)
        if existing is None:
            return self._new_item(title, line, index)
        self._merge_heading(existing, title)
        return existing

    def _topic_index(self) -> TopicIndex:
        """Return the index of the agenda's topic keys, rebuilt when items were added without it."""
        index = self._topics if self._topics is not None and self._topics.count == len(self.agenda) \
            else TopicIndex(self.agenda)
        self._topics = index
        return index

    def _matching_item(self, key: str, index: TopicIndex) -> Agenda | None:
        """Return the first agenda item naming the same topic as ``key`` (exact keys first), else None."""
        candidates = self.agenda if index.may_match(key) else ()
        exact = [existing for existing in candidates if topic_key_cached(existing.title) == key]
        return next((existing for existing in exact or candidates
                     if same_topic(key, topic_key_cached(existing.title))), None)

    def _merge_heading(self, existing: Agenda, title: str) -> None:
        """Give an agenda item met again the heading's well-formed link title and its presenter."""
        if "](" in title and "[" in existing.title:
            # the heading's link is well formed where the agenda line's was not
            existing.title, links = plain_title(split_title(title)[0])
            self._topics = None  # a title changed: the index is rebuilt
            existing.notes.insert(0, link_line(links))
        presenter = split_title(title)[1]
        if presenter and not existing.base.get("presenter"):
            existing.base["presenter"] = presenter

    def _new_item(self, title: str, line: int, index: TopicIndex) -> Agenda:
        """Return a new agenda item appended for ``title`` (its links, presenter and duration read)."""
        title, presenter, duration = split_title(title)
        title, links = plain_title(title)
        agenda = Agenda(title, line)
        if links:
            agenda.notes.append(link_line(links))
        if presenter:
            agenda.base["presenter"] = presenter
        if duration is not None:
            agenda.base["duration"] = duration
        self.agenda.append(agenda)
        index.add(agenda)
        return agenda


class Passes(Draft, ABC):
    """The Draft with the passes its readers call on one another, each defined by one mixin."""

    @abstractmethod
    def section(self, sec: Section, parent: Agenda | None = None) -> None:
        """Read one section and its subsections by what its heading says it holds (builder.Builder)."""

    @abstractmethod
    def fill(self, target: Agenda, blocks: list[Block], meta: bool = False) -> None:
        """Read notes blocks into ``target`` (fill.NotesFill)."""

    @abstractmethod
    def label(self, line: str, number: int, target: Agenda, meta: bool,
              following: list[Item] | None, in_list: bool = False) -> Consumed:
        """Handle one ``Label: value`` line; return what it consumed (fill.NotesFill)."""

    @abstractmethod
    def people_columns(self, block: Block) -> bool:
        """Read a table whose column headings are people labels; return whether it was one (attendees)."""

    @abstractmethod
    def table(self, block: Block, target: Agenda, hint: str | None) -> bool:
        """Read an actions, decisions or attendees table; return whether it was one (special)."""

    @abstractmethod
    def not_a_decision(self, target: Agenda, text: str, line: int) -> bool:
        """Read an entry of a decisions list that is not one; return whether it was (special)."""

    @abstractmethod
    def sentence_item(self, target: Agenda, entry: Item) -> bool:
        """Take decisions and actions out of a list item; return whether it is used up (sentence_pass)."""

    @abstractmethod
    def sentence_lines(self, target: Agenda, lines: list[str], line: int) -> bool:
        """Take decisions and actions out of paragraph lines; return whether all were used up (sentence_pass)."""

    @abstractmethod
    def sentence_cells(self, target: Agenda, block: Block) -> None:
        """Read the sentences in the cells of a table of notes (sentence_pass)."""

    @abstractmethod
    def sentence_quote(self, target: Agenda, block: Block) -> bool:
        """Read a block quote or callout box like a paragraph of its lines; return whether it did (sentence_pass)."""

    @abstractmethod
    def date_line(self, line: str, number: int) -> bool:
        """Record a line that starts with the meeting's date; return whether it was one (meta)."""

    @abstractmethod
    def meta_label(self, key: str, value: str, number: int) -> bool:
        """Record ``Date:``, ``Time:``, ``Location:``... of the meeting; return whether it did (meta)."""

    @abstractmethod
    def person_entry(self, entry: Item, attendance: str, group: str | None) -> None:
        """Read one list item of an attendee section (attendees)."""

    @abstractmethod
    def agenda_list(self, blocks: list[Block]) -> None:
        """Make each top-level item of an agenda list an agenda item (special)."""

    @abstractmethod
    def next_meeting(self, value: str, number: int, guess_place: bool = True) -> None:
        """Record the next meeting's date, times and place from one written value (special)."""
