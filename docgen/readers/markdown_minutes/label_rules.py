"""Labelled lines of notes (``ACTION:``, ``Decision:``, ``Present:``, ``Chair:``...), one table of rules.

A line is offered to the rules of :data:`LABEL_RULES` in order; the first rule that takes it
decides what it was. A rule says where it applies (its scope: anywhere, not inside a list
item, only among the meeting details, or only inside a topic) and whether it needs the line
split as ``Label: value``. Its handler returns what the line consumed (True, "list" when the
list after the line went with it, an Agenda when the line opens a topic, False when the line
is a note after all), or None to let the next rule try. The next convention is a row here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item
from docgen.readers.markdown_minutes.collect import _DURATION, _NOBODY, Agenda, _group_name, role_label
from docgen.readers.markdown_minutes.dates import find_date
from docgen.readers.markdown_minutes.draft import Consumed, Passes
from docgen.readers.markdown_minutes.people import clean, parse_person, split_names
from docgen.readers.markdown_minutes.phrases import words
from docgen.readers.markdown_minutes.records import decision, raw_action
from docgen.readers.markdown_minutes.sentence_pass import is_deferral
from docgen.readers.markdown_minutes.vocab import META_WORDS, NEXT_SENTENCE, norm, people_label, split_label


@dataclass
class Line:
    """One line offered to the rules, with where it stands."""

    text: str
    number: int
    target: Agenda
    meta: bool  # among the meeting details (before the first topic)
    following: list[Item] | None  # the list right after the line, which a label may take
    in_list: bool  # the line is a list item
    key: str = ""  # the normalised label, when the line reads "Label: value"
    value: str = ""


# -- rules on the whole line -------------------------------------------------------------------
def _action(fill: Passes, line: Line) -> Consumed | None:
    label = it.action_label(line.text)
    if label is None:
        return None
    if not label[0] and is_deferral(label[1]):
        return False  # "ACTION: Revisit next week" moves the topic: a note
    if not label[1].strip() and line.following:
        for entry in line.following:
            raw_action(line.target, entry, labelled=True, owner=label[0])
        return "list"
    line.target.actions.append(({"head": line.text, "labelled": True}, line.number))
    return True


def _decision(fill: Passes, line: Line) -> Consumed | None:
    decided = it.decision_label(line.text)
    if decided is None:
        return None
    if not decided.strip() and line.following:
        for entry in line.following:
            if it.action_label(entry.text):  # "GP: Action item to ...", listed with the resolutions
                raw_action(line.target, entry, labelled=True)
            elif not fill.not_a_decision(line.target, entry.text, entry.line):
                decision(line.target, entry)
        return "list"
    if not decided.strip():
        return None
    if not fill.not_a_decision(line.target, decided, line.number):
        line.target.decisions.append((it.parse_decision(line.text), line.number))
    return True


def _next_sentence(fill: Passes, line: Line) -> Consumed | None:
    if NEXT_SENTENCE.search(line.text) and find_date(line.text, fill.year_hint):
        fill.next_meeting(line.text, line.number, guess_place=False)
        return True
    return None


def _alternatives(key: str) -> str:
    return "(?i:" + "|".join(sorted(words(key), key=len, reverse=True)) + ")"


_NAME_WORDS = r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}"
_CLOCK = r"(?:\d{1,2}\s*[h:.]\s*\d{0,2}\s*[:–—-]?\s*)?"
# "(Travis joins.)", "Ana joined at 10:15", "*19 h 22 : arrivée de Tarek*": a latecomer
_ARRIVAL = re.compile(
    rf"^[\s(*_]*{_CLOCK}(?:{_alternatives('arrival_of')})\s+(?P<after>{_NAME_WORDS})[\s.)*_]*$|"
    rf"^[\s(*_]*{_CLOCK}(?P<before>{_NAME_WORDS})\s+(?:{_alternatives('arrives')})"
    rf"(?:\s+(?i:at|à|late|en retard)\b[^()]{{0,12}})?[\s.)*_]*$")


def _arrival(fill: Passes, line: Line) -> Consumed | None:
    """Add a latecomer ("(Travis joins.)") as present; the line stays in the notes."""
    found = _ARRIVAL.match(line.text)
    who = found and (found.group("after") or found.group("before"))
    if not who or norm(who).split(" ")[0] in words("not_people"):
        return None
    if fill.people.resolve(who) is None:
        fill.add_person(parse_person(who), line.number, "present", None)
    return False


def _date_line(fill: Passes, line: Line) -> Consumed | None:
    return True if fill.date_line(line.text, line.number) else None


# -- rules on "Label: value" -------------------------------------------------------------------
def _people(fill: Passes, line: Line) -> Consumed | None:
    people = people_label(line.key)
    if not people or not (line.meta or not people[1]):
        return None
    attendance, group = people[0] or "present", _group_name(line.key) if people[1] else None
    if line.value and _NOBODY.match(line.value):
        return True
    if line.value:
        for name in split_names(line.value):
            fill.add_person(parse_person(name), line.number, attendance, group)
        return True
    if line.following:
        for entry in line.following:
            fill.person_entry(entry, attendance, group)
        return "list"
    return bool(line.meta)


def _people_line(fill: Passes, line: Line) -> Consumed | None:
    """Read "Là le samedi (pseudo@groupe)" / "Present" over a list: a people label without colon."""
    if line.key or not line.following or len(line.text) > 80:
        return None
    key = norm(_TRAILING_REMARK.sub("", line.text.strip().strip("*_ ")))
    people = people_label(key) if key else None
    if not people or people[1]:
        return None
    for entry in line.following:
        fill.person_entry(entry, people[0] or "present", None)
    return "list"


_TRAILING_REMARK = re.compile(r"\s*\([^()]*\)\s*$")


def _role(fill: Passes, line: Line) -> Consumed | None:
    role = role_label(line.key)
    names = split_names(line.value) if line.value else []
    if not role or not names or any(len(n.split()) > 5 for n in names):
        return None
    fill.set_meeting(role, ", ".join(clean(n) for n in names), line.number)
    for name in names:
        fill.add_role(clean(name), role)
    return True


def _next_label(fill: Passes, line: Line) -> Consumed | None:
    if line.key in META_WORDS["next"] and line.value:
        fill.next_meeting(line.value, line.number)
        return True
    return None


def _topic(fill: Passes, line: Line) -> Consumed | None:
    if line.key in META_WORDS["topic"] and line.value:
        return fill.item(clean(line.value), line.number)
    return None


def _agenda(fill: Passes, line: Line) -> Consumed | None:
    if line.key in META_WORDS["agenda"] and not line.value and line.following:
        fill.agenda_list([Block("list", line.number, items=line.following)])
        return "list"
    if line.meta and line.key.split("/")[0].strip() in META_WORDS["agenda"] and not line.value:
        return True  # "Agenda:" over topics that follow as numbered paragraphs
    return None


def _meta(fill: Passes, line: Line) -> Consumed | None:
    return fill.meta_label(line.key, line.value, line.number)


def _presenter(fill: Passes, line: Line) -> Consumed | None:
    target = line.target
    if line.key in META_WORDS["presenter"] and line.value and not target.base.get("presenter") \
            and not fill.nested:
        target.base["presenter"] = clean(line.value)
        return True
    return None


def _duration(fill: Passes, line: Line) -> Consumed | None:
    found = _DURATION.search(" " + line.value)
    if line.key in META_WORDS["duration"] and found:
        line.target.base["duration"] = int(found.group(1))
        return True
    return None


@dataclass(frozen=True)
class LabelRule:
    """One row of the table: its name, where it applies, whether it needs a label, its handler."""

    name: str
    scope: str  # "any", "line" (not a list item), "meta" (meeting details), "topic" (not meta)
    labelled: bool  # the handler needs the line split as "Label: value"
    handler: Callable[[Passes, Line], Consumed | None]


#: The rules, in the order they are tried.
LABEL_RULES: tuple[LabelRule, ...] = (
    LabelRule("action label", "line", False, _action),
    LabelRule("decision label", "line", False, _decision),
    LabelRule("next meeting sentence", "any", False, _next_sentence),
    LabelRule("date line", "meta", False, _date_line),
    LabelRule("latecomer", "any", False, _arrival),
    LabelRule("people", "any", True, _people),
    LabelRule("people line over a list", "line", False, _people_line),
    LabelRule("meeting role", "any", True, _role),
    LabelRule("next meeting label", "any", True, _next_label),
    LabelRule("topic label", "line", True, _topic),
    LabelRule("agenda label", "any", True, _agenda),
    LabelRule("meeting detail", "meta", True, _meta),
    LabelRule("presenter", "topic", True, _presenter),
    LabelRule("duration", "topic", True, _duration),
)


def _applies(rule: LabelRule, line: Line) -> bool:
    """Return whether ``rule`` may look at ``line`` (its scope, and a label when it needs one)."""
    if rule.scope == "line" and line.in_list or rule.scope == "meta" and not line.meta or \
            rule.scope == "topic" and line.meta:
        return False
    return not rule.labelled or bool(line.key)


def read_label(fill: Passes, line: Line) -> Consumed:
    """Return what the first rule taking ``line`` consumed, or False when it is a note."""
    pair = split_label(line.text)
    if pair is not None:
        line.key, line.value = pair
    for rule in LABEL_RULES:
        if _applies(rule, line):
            result = rule.handler(fill, line)
            if result is not None:
                return result
    return False
