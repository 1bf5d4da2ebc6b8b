"""Readers of special sections: attendees, agenda lists, actions, decisions, links, next meeting."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item, Section, expand_quotes, item_markdown, to_markdown
from docgen.readers.markdown_minutes.collect import (
    _FILLER,
    Agenda,
    _attendance_cell,
    parse_link,
)
from docgen.readers.markdown_minutes.dates import MONTHS, find_date, find_times
from docgen.readers.markdown_minutes.draft import Passes
from docgen.readers.markdown_minutes.people import (
    clean,
    parse_person,
)
from docgen.readers.markdown_minutes.records import decision, flush, raw_action
from docgen.readers.markdown_minutes.sentence_rules import FORMALITY, REPORTED_DONE, classify
from docgen.readers.markdown_minutes.standups import turn_rows
from docgen.readers.markdown_minutes.tables import ROW_TYPES, table_kind, table_records
from docgen.readers.markdown_minutes.vocab import (
    DEADLINE_LABELS,
    META_WORDS,
    NEXT_SENTENCE,
    NOTHING,
    norm,
    split_label,
)

# time zones after a time are not places: "2pm-3pm EDT (GMT-4)"
_ZONE = re.compile(r"\(?\b(?:UTC|GMT|[ECMP][SD]?T|CES?T|BST|IST|JST|AES?T)(?:\s*[+−-]\s*\d{1,2}"
                   r"(?::?\d\d)?)?\b\)?")
# a line that only names someone, over their list: "***Nick***", "**Léa Roux** :", "Marc:"
_OWNER_LINE = re.compile(r"^\s*(?:\*{1,3}|_{1,3})?(?P<who>@?[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*){0,2})"
                         r"(?:\*{1,3}|_{1,3})?\s*:?\s*(?:\*{1,3}|_{1,3})?\s*$")
_LONGEST_OWNER_LINE = 200  # characters: three words of a name with their marks fit many times over
_CATEGORY = re.compile(r"^\s*(\*\*|__)[^*_\n]+\1\s*:?\s*$")
_TICK = re.compile(r"^\s*\[[xX]\]\s*")


def _words_only(block: Block) -> bool:
    """Return whether a list is of ticked words: two entries or more, each a ticked box of one or two words."""
    return len(block.items) >= 2 and all(
        not e.children and _TICK.match(e.text) and 0 < len(_TICK.sub("", e.text).split()) <= 2
        for e in block.items)


def _assigns(text: str, draft: Passes) -> bool:
    """Return whether a list item assigns a task to someone ("Totay will contact Deepak")."""
    found = classify(" ".join(text.split()), draft.people)
    return found is not None and found.kind == "action" and found.owner is not None


def _deadline_only(text: str) -> bool:
    """Return whether an entry only gives a deadline: a deadline label, then six words at most
    naming a time ("Target completion: Q1 2026", "Échéance : fin mars"; not "Due: the board approves")."""
    label, colon, rest = clean(text).partition(":")
    return bool(colon) and norm(label) in DEADLINE_LABELS and 0 < len(rest.split()) <= 6 and (
        any(ch.isdigit() for ch in rest) or bool(_MONTH_WORD.search(rest)))


_MONTH_WORD = re.compile(rf"(?i)(?<!\w)(?:{'|'.join(sorted(MONTHS, key=len, reverse=True))})(?!\w)")


class SpecialSections(Passes):
    """Builder methods reading the sections whose heading names what they hold."""

    def agenda_list(self, blocks: list[Block]) -> None:
        """Make each top-level item of an agenda list an agenda item; the rest become notes."""
        for block in blocks:
            if block.kind != "list":
                self.fill(self.preamble, [block])
                continue
            for entry in block.items:
                lists = [c for c in entry.children if c.kind == "list"]
                if _CATEGORY.match(entry.text) and len(entry.children) == 1 and lists:
                    # "**Check in on PRs**" heading a list: its items are the agenda items
                    for sub in lists[0].items:
                        if not NOTHING.match(clean(sub.text)):
                            self.fill(self.item(sub.text.replace("\n", " "), sub.line),
                                      sub.children)
                    continue
                # "OKRs:\n Objective: ..." is a title line followed by its notes
                title, _, rest = entry.text.partition("\n")
                agenda = self.item(title.rstrip(" :") if rest else title, entry.line)
                extra = [Block("para", entry.line + 1, text=rest)] if rest.strip() else []
                self.fill(agenda, extra + entry.children)

    def action_blocks(self, target: Agenda, blocks: list[Block], owner: str | None = None) -> None:
        """Read an actions section: every top-level list item is an action.

        A line that only names an attendee ("***Nick***", "Léa :") over a list gives that
        person the list's items.
        """
        kept: list[Block] = []
        named: str | None = None  # the attendee the line before a list named
        for block in expand_quotes(blocks):
            if block.kind == "list":
                self._action_entries(target, block.items, named or owner)
            elif block.kind == "para" and (found := self._owner_line(block)):
                named = found
                continue
            elif block.kind == "para":
                kept.extend(self._action_para(target, block, owner))
            elif not (block.kind == "table" and self.table(block, target, "actions")):
                kept.append(block)
            named = None
        flush(target, kept)

    def _owner_line(self, block: Block) -> str | None:
        """Return the attendee a one-line paragraph only names ("**Nick**", "Léa :"), else None."""
        # blanks collapsed first: the pattern's optional marks and blanks would try every split
        # of a long run of them (a 9 KB line of no-break spaces took 88 s)
        m = _OWNER_LINE.match(" ".join(block.text.split())) if len(block.text) <= _LONGEST_OWNER_LINE else None
        return self.people.resolve(m.group("who")) if m else None

    def _action_entries(self, target: Agenda, entries: list[Item], owner: str | None) -> None:
        """Queue the items of an actions list; a heading over owned items prefixes each of them."""
        for entry in entries:
            if owner is None and self._group_of_owned(entry):
                head = it.parse_action(entry.text)["text"]
                for sub in entry.children[0].items:
                    raw_action(target, sub, prefix=head)
            else:
                raw_action(target, entry, owner=owner, labelled=True,
                           guess=None if owner else self._sentence_owner(entry))

    def _sentence_owner(self, entry: Item) -> str | None:
        """Return who an actions entry written as a sentence gives the task to, or None.

        "Le président et le trésorier doivent ouvrir un compte": the officers; an entry that
        names no one by a sentence rule keeps the owner its own marks give.
        """
        found = classify(" ".join(it.without_id(entry.text).split()), self.people)
        return found.owner if found is not None and found.kind == "action" else None

    def _action_para(self, target: Agenda, block: Block, owner: str | None) -> list[Block]:
        """Read a paragraph of an actions section line by line; return the paragraph of lines left as notes."""
        keep = [line for offset, line in enumerate(block.text.split("\n"))
                if not self._action_line(target, line, block.line + offset, owner)]
        return [Block("para", block.line, text="\n".join(keep))] if keep else []

    def _action_line(self, target: Agenda, line: str, number: int, owner: str | None) -> bool:
        """Read one line of an actions section; return whether it leaves the notes.

        A ``Next meeting:`` line, a decision, an action (labelled, ``Name: task``, or any line
        under an owner's heading); an empty-value line ("None") is dropped.
        """
        pair = split_label(line)
        if pair and pair[0] in META_WORDS["next"] and pair[1]:
            self.next_meeting(pair[1], number)
        elif it.decision_label(line):
            target.decisions.append((it.parse_decision(line), number))
        elif it.action_label(line) or it.owner_prefix(line) or owner:
            target.actions.append(({"head": line, "owner": owner}, number))
        else:
            return bool(NOTHING.match(line))
        return True

    def _group_of_owned(self, entry: Item) -> bool:
        lists = [c for c in entry.children if c.kind == "list"]
        if len(entry.children) != 1 or not lists or it.owner_prefix(entry.text):
            return False
        return all(it.owner_prefix(sub.text) or re.search(r"@\w", sub.text)
                   for sub in lists[0].items)

    def decision_blocks(self, target: Agenda, blocks: list[Block]) -> None:
        """Read a decisions section: list items and paragraphs are decisions."""
        kept: list[Block] = []
        blocks = expand_quotes(blocks)
        for index, block in enumerate(blocks):
            if block.kind == "list":
                self._decision_list(target, block, index + 1 < len(blocks) and blocks[index + 1].kind == "list")
            elif block.kind == "para":
                next_is_list = index + 1 < len(blocks) and blocks[index + 1].kind == "list"
                text = block.text.strip()
                if it.action_label(text):
                    target.actions.append(({"head": text, "labelled": True}, block.line))
                elif NOTHING.match(text) or (next_is_list and text.endswith(":")) or \
                        self.not_a_decision(target, text, block.line):
                    continue
                else:
                    target.decisions.append((it.parse_decision(text.replace("\n", " ")),
                                             block.line))
            elif not (block.kind == "table" and self.table(block, target, "decisions")):
                kept.append(block)
        flush(target, kept)

    def _decision_list(self, target: Agenda, block: Block, lead_in: bool) -> None:
        """Read a list of a decisions section, ``lead_in`` when another list follows it.

        "- [x] feat: / - [x] fix: / - [x] chore:": ticked words are one choice, one decision.
        """
        if _words_only(block):
            target.decisions.append((it.parse_decision(", ".join(
                clean(_TICK.sub("", e.text)).rstrip(" :") for e in block.items)), block.line))
            return
        for position, entry in enumerate(block.items):
            self._decision_entry(target, entry, lead_in and position == len(block.items) - 1)

    def _decision_entry(self, target: Agenda, entry: Item, before_list: bool) -> None:
        """Read one item of a decisions list: a decision, or what it holds when it is none.

        A last item ending in ":" over the next list introduces that list ("Decisions about
        the contract include the following:"); a topic whose nested items all assign tasks
        ("Headcount" / "- Tom will ask Ana") is a note: no decision, its tasks the actions list's.
        """
        subs = [sub for child in entry.children if child.kind == "list" for sub in child.items]
        if it.action_label(entry.text):
            raw_action(target, entry, labelled=True)
        elif before_list and entry.text.rstrip().endswith(":") and not entry.children:
            target.notes.append(" ".join(entry.text.split()))
        elif subs and len(entry.children) == 1 and all(_assigns(sub.text, self) for sub in subs):
            target.notes.append(item_markdown(entry))  # the tasks are the actions list's to record
        elif not self.not_a_decision(target, entry.text, entry.line):
            decision(target, entry)

    def not_a_decision(self, target: Agenda, text: str, line: int) -> bool:
        """Read an entry of a decisions list that is not one; return whether it was.

        "Kai will set up the pages" is an assignment (an action) and "Next meeting will be on
        16 April" the next meeting, wherever the minute-taker listed them; a plan in the future
        passive ("Le wiki sera mis à jour") listed there is what was decided. A formality
        ("La séance est levée à 18 h", "Fait à Lyon, le 3 mars") stays a note, as does a task
        reported done ("Le mail a été envoyé à la mairie", "The invoice was sent").
        """
        flat = " ".join(text.split())
        if FORMALITY.search(flat) or REPORTED_DONE.search(flat.split(";")[0]) or _deadline_only(flat):
            # "Fait à Paris, le 9 février": the minutes' formalities; "Le mail a été envoyé": news;
            # "Target completion: 8 weeks": when the decision is to be carried out
            target.notes.append(flat)
            return True
        if NEXT_SENTENCE.search(flat) and find_date(flat, self.year_hint):
            self.next_meeting(flat, line, guess_place=False)
            return True
        found = classify(flat, self.people)
        if found is None or found.kind != "action" or found.rule in ("will be done", "must be done"):
            # "Un compte-rendu sera rédigé", "Expectations must be taken more seriously", listed
            # as decided: what was decided, a plan or a rule without an owner
            return False
        target.actions.append(({"head": found.text, "owner": found.owner, "labelled": True},
                               line))
        return True

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
        if find_date(text, self.year_hint):
            self.next_meeting(text, sec.line)
        else:
            body = to_markdown(sec.blocks)
            if body:
                self.notes.append(f"**{sec.title}**\n\n{body}")

    def next_meeting(self, value: str, number: int, guess_place: bool = True) -> None:
        """Record the next meeting's date, times and place from one written value.

        ``guess_place`` takes what is left of a short value as the place (``Next: 3 May, Room 4``).
        """
        found = find_date(value, self.year_hint)
        if not found:
            return
        self.next_line = self.next_line or number
        self.next.setdefault("date", found[0])
        start, end, match = find_times(value)
        for key, val in (("start", start), ("end", end)):
            if val:
                self.next.setdefault(key, val)
        place = re.search(r"(?:location|where|lieu|salle|room)\s*[:：]\s*(.+)", value, re.I)
        if place is None and guess_place:
            rest = value.replace(found[1].group(0), " ")
            if match:
                rest = rest.replace(match.group(0).strip(), " ")
            rest = _FILLER.sub(" ", _ZONE.sub(" ", rest.split("\n")[0]))
            rest = re.sub(r"\s+", " ", re.sub(r"\s+([,;.])", r"\1", rest)).strip(" ,;.:-–—")
            place = re.match(r"(.+)", rest) if 2 < len(rest) < 80 and \
                re.search(r"[A-Za-z]", rest) else None
        if place:
            self.next.setdefault("location", clean(place.group(1)))

    def _mixed_row(self, record: dict, number: int, target: Agenda) -> None:
        """Read a row of a "Decision/Action | Who" table: a decision when it reads as one or names no
        owner and gives no order, else an action."""
        text = record["text"]
        found = classify(text, self.people)
        imperative = norm(text).startswith(it.TASK_VERBS)
        if (found is not None and found.kind == "decision") or not (record.get("owner") or imperative):
            target.decisions.append(({"text": text}, number))
        else:
            record["head"] = record.pop("text")
            target.actions.append((record, number))

    def table(self, block: Block, target: Agenda, hint: str | None) -> bool:
        """Read a stand-up, actions, decisions or attendees table; return whether it was one."""
        turns = turn_rows(block.rows)
        if turns:  # "| Who | Yesterday | Today | Blockers |": each person attended, owns today's plan
            for person, task, due, row in turns:
                self.add_person(parse_person(person), block.line + row + 1, "present")
                if task and not NOTHING.match(task):
                    target.actions.append(({"head": task, "owner": person, "labelled": True, "due": due},
                                           block.line + row + 1))
            return True
        kind = table_kind(block.rows, hint)
        if kind is None:
            return False
        for record, row in table_records(block.rows, kind):
            number = block.line + row + 1
            row_type = ROW_TYPES.get(norm(record.pop("type", "")))
            if kind == "mixed":
                self._mixed_row(record, number, target)
            elif kind == "actions" and row_type == "info":
                target.notes.append(f"- {record['text']}")  # "| I | Discussed the transfer of code | - |"
            elif kind == "actions" and row_type == "decision":
                target.decisions.append(({"text": record["text"]}, number))
            elif kind == "actions":
                record["head"] = record.pop("text")
                target.actions.append((record, number))
            elif kind == "decisions":
                target.decisions.append((record, number))
            else:
                record["attendance"] = _attendance_cell(record.pop("attendance", ""))
                self.add_person(record, number)
        return True
