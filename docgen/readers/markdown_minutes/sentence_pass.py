"""Builder methods applying the sentence rules to what would otherwise stay a note."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.blocks import Block, Item, Section, to_markdown
from docgen.readers.markdown_minutes.collect import Agenda
from docgen.readers.markdown_minutes.dates import find_date
from docgen.readers.markdown_minutes.draft import Passes
from docgen.readers.markdown_minutes.entities import decode_entities
from docgen.readers.markdown_minutes.phrases import words
from docgen.readers.markdown_minutes.repeats import WordIndex, content_words
from docgen.readers.markdown_minutes.sentence_rules import DEFERRAL, Finding, findings, sentences
from docgen.readers.markdown_minutes.tables import table_kind
from docgen.readers.markdown_minutes.vocab import section_kind

#: The key marking a decision or action found by a sentence rule (dropped when assembling).
SENTENCE = "_sentence"

# "> [!INFO]", "> **Note**": the marker line of a callout box holds no sentence
_CALLOUT = re.compile(r"^\s*\[!\w+\]\s*$|^\s*\*\*\w+\*\*\s*$")


class SentencePass(Passes):
    """Decisions and actions found in note sentences ("The board agreed ...", "Tom will ...")."""

    def add_finding(self, target: Agenda, found: Finding, line: int, body: str = "") -> None:
        """Record one finding on ``target``: a decision, or an action parsed with the others."""
        if found.kind == "decision":
            text = f"{found.text}\n\n{body}" if body else found.text
            target.decisions.append(({"text": text, SENTENCE: found.rule}, line))
        else:
            target.actions.append(({"head": found.text, "owner": found.owner, "body": body,
                                    "labelled": True, SENTENCE: found.rule}, line))

    def sentence_item(self, target: Agenda, entry: Item) -> bool:
        """Take decisions and actions out of a list item; return whether the item is used up.

        An item that is one such sentence becomes that decision or action (its nested items
        as its text); an item holding other sentences too stays a note as well.
        """
        found = self._findings(entry.text)
        if not found:
            return False
        whole = len(found) == len(sentences(entry.text))
        body = to_markdown(entry.children) if whole and len(found) == 1 else ""
        for finding in found:
            self.add_finding(target, finding, entry.line, body)
        return whole and len(found) == 1

    def sentence_lines(self, target: Agenda, lines: list[str], line: int) -> bool:
        """Take decisions and actions out of paragraph lines; return whether all were used up."""
        text = "\n".join(lines)
        found = self._findings(text)
        for finding in found:
            self.add_finding(target, finding, line)
        return bool(found) and len(found) == len(sentences(text))

    def sentence_cells(self, target: Agenda, block: Block) -> None:
        """Read the sentences in the cells of a table of notes ("Discussion | Notes | Actions").

        The table stays in the notes as written; its decisions and actions are taken as well.
        """
        for offset, row in enumerate(block.rows[1:], start=1):
            for cell in row:
                lines = [line for line in cell.split("\n") if line.strip()]
                if lines:
                    self.sentence_lines(target, lines, block.line + offset)

    def _findings(self, text: str) -> list[Finding]:
        """Return the findings of ``text`` whose kind the notes do not record on their own."""
        return [f for f in findings(text, self.people) if f.kind + "s" not in self.explicit]

    def sentence_quote(self, target: Agenda, block: Block) -> bool:
        """Read a block quote or callout box (``> [!INFO]``) like a paragraph of its lines."""
        if not block.text.lstrip().startswith(">"):
            return False
        lines = [decode_entities(re.sub(r"^\s*>\s?", "", line)) for line in block.text.split("\n")]
        lines = [line for line in lines if line.strip() and not _CALLOUT.match(line)]
        return bool(lines) and self.sentence_lines(target, lines, block.line)


def is_deferral(text: str) -> bool:
    """Return whether an ACTION line only moves the topic ("Revisit next week", "Punt")."""
    return bool(DEFERRAL.match(text.strip()))


# "made the pipeline wiki", "Peer review completed (link evidence)": what is already done
# (not a participle that names a kind of thing: "Detailed budget", "Shared drive clean-up")
_DONE_VERB = re.compile(r"^(?!\w*eed\b|(?:detailed|automated|shared|advanced|limited|combined|"
                        r"estimated|proposed|suggested|planned|expected|required|related|embed|"
                        r"focused|dedicated|based|supported|unused|unsolved)\b)"
                        r"(?:\w{3,}ed|made|did|wrote|sent|built|got|took|began|ran|found|held|met|"
                        r"gave)\b(?!\s+(?:to|by|for|on)\b)", re.IGNORECASE)
_DONE_STATE = re.compile(r"^[^.:;]{3,60}?\s+(?:completed|done|finished|terminée?s?)\s*(?:\([^)]*\))?\s*\.?$",
                         re.IGNORECASE)
# "needs to be done", "devront être terminés": still to do
_TO_DO = re.compile(r"(?i)\b(?:be|been|being|être|été|is|are|was|were|est|sont|sera|seront)\s+"
                    r"(?:\w+\s+)?(?:completed|done|finished|terminée?s?)\b")


def reports_done(text: str) -> bool:
    """Return whether an action's text only reports what was done ("made pipeline wiki").

    A task in the past tense, or a thing said to be completed, is progress for the notes.
    """
    first = text.strip().split("\n")[0]
    return bool(_DONE_VERB.match(first) or _DONE_STATE.match(first) and not _TO_DO.search(first))


def not_a_task(text: str, owner: str | None = None) -> bool:
    """Return whether an action's text is no task: it reports what was done, or only asks.

    An entry whose first line is a question ("What needs work?", "And member list?") asks
    what to do; the answer, not the question, would be the task. One in the imperative ("Ask
    the hosts: can we stay later?") is a task. An open question put back to a later meeting,
    no one named ("Discuss whether to ...", "Revisit the possibility of ..."), is no task.
    """
    first = text.strip().split("\n")[0].rstrip()
    return first.endswith("?") and not _IMPERATIVE.match(first) or reports_done(text) or \
        names_an_event(first) or (not owner and bool(_OPEN_QUESTION.match(first)))


# "Discuss whether to ...", "Revisit the possibility of ...", "Rediscuter de l'opportunité de ...":
# the meeting will talk about it again, no one is to do anything
_OPEN_QUESTION = re.compile(rf"(?i)^\W*(?:{'|'.join(words('talk_again'))})\s+(?:{'|'.join(words('open_question'))})\b")


_NEXT_EVENT = re.compile(rf"(?i)^\W*(?:{'|'.join(words('next_event'))})\b")
# what may follow the date of an event: its time and part of the day ("à 15h", "2pm", "matin")
_ONLY_WHEN = re.compile(rf"(?i)^(?:[\s,.:;()–—-]|\b(?:à|at|from|de|to)\b|\d{{1,2}}\s*(?:h|:)\s*\d{{0,2}}|"
                        rf"\d{{1,2}}\s*(?:am|pm)\b|\b(?:{'|'.join(words('day_parts'))})\b)*$")


def names_an_event(first: str) -> bool:
    """Return whether an entry only says when an event is ("Prochain GT 9 février 2023 à 15h").

    The date ends the entry (a time or "matin" may follow), after "Next ..." or a colon, and
    no task verb opens it: "Organise the meetup 20/12/2022" is a task.
    """
    found = find_date(first)
    if found is None or _IMPERATIVE.match(first):
        return False
    before, after = first[: found[1].start()], first[found[1].end():]
    return len(before.split()) <= 8 and len(after) <= 40 and bool(_ONLY_WHEN.match(after)) and \
        bool(_NEXT_EVENT.match(before) or re.search(r"[:–—-]\s*$", before))


# "Talk to Felt folks; can we ...?", "Ask at the hackathon: what can we do?": a task that asks
_IMPERATIVE = re.compile(rf"(?i)^\W*(?:{'|'.join(sorted(words('task_verbs'), key=len, reverse=True))})\b")


def explicit_kinds(preamble: list[Block], sections: list[Section]) -> set[str]:
    """Return the kinds ("decisions", "actions") the notes record in sections or tables of their own.

    Such notes keep their record there ("Relevé de décisions", an actions table, a
    ``### Decisions`` heading under each item): prose of that kind stays notes. This pass runs
    before any item is read.
    """
    found: set[str] = set()
    stack = list(sections)
    blocks = list(preamble)
    while stack:
        section = stack.pop()
        kind = section_kind(section.title)[0]
        if kind in ("decisions", "actions"):
            found.add(kind)
        if kind != "previous":  # the last meeting's actions under review record nothing new
            blocks.extend(section.blocks)
            stack.extend(section.children)
    for block in blocks:
        if block.kind == "table":
            table = table_kind(block.rows)
            if table in ("decisions", "actions"):
                found.add(table)
    return found


def settle_sentences(items: list[Agenda]) -> None:
    """Drop prose findings that repeat a listed one; unmark the others (in place).

    A prose action that repeats a labelled one ("Alice will chase the vendor", then "ACTION:
    Alice to chase the vendor") is the same action, kept once.
    """
    # a prose finding repeats a listed entry when 60 % of the shorter's words are in the other
    listed: dict[str, WordIndex[bool]] = {kind: WordIndex(share=0.6) for kind in ("decisions", "actions")}
    for item in items:
        for kind in ("decisions", "actions"):
            for raw, _ in getattr(item, kind):
                if SENTENCE not in raw:
                    listed[kind].add(content_words(_text(raw)), True)
    for item in items:
        for kind in ("decisions", "actions"):
            kept = []
            for raw, line in getattr(item, kind):
                if SENTENCE in raw:
                    if listed[kind].similar(content_words(_text(raw))):
                        continue
                    raw = {k: v for k, v in raw.items() if k != SENTENCE}
                kept.append((raw, line))
            setattr(item, kind, kept)


def _text(raw: dict) -> str:
    return str(raw.get("text") or raw.get("head") or (raw.get("ready") or {}).get("text") or "")
