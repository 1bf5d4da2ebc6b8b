"""Reading notes blocks: labelled lines, list items, actions and decisions taken out of notes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item, Section, expand_quotes, to_markdown
from docgen.readers.markdown_minutes.collect import (
    _IRC,
    Agenda,
    _group_name,
    role_label,
)
from docgen.readers.markdown_minutes.draft import Passes
from docgen.readers.markdown_minutes.label_rules import Line, read_label
from docgen.readers.markdown_minutes.people import clean, parse_person, split_names
from docgen.readers.markdown_minutes.phrases import words
from docgen.readers.markdown_minutes.prose_people import excused_names, present_names, prose_roles
from docgen.readers.markdown_minutes.records import decision, flush, raw_action
from docgen.readers.markdown_minutes.sentence_pass import is_deferral
from docgen.readers.markdown_minutes.sentence_rules import TASK_AFTER_NAME
from docgen.readers.markdown_minutes.tallies import tally_decision
from docgen.readers.markdown_minutes.vocab import (
    EVERYONE_WORDS,
    META_WORDS,
    NOTHING,
    PLAN_WORDS,
    norm,
    people_label,
    section_kind,
    split_label,
)

# "- Approved for beta backport" under a nominated item records the outcome for that item
_VERDICT = re.compile(r"^\s*(?:\*\*)?(?:Approved|Accepted|Declined|Rejected|Agreed|Adopted|Refused|"
                      r"Approuvée?|Refusée?|Validée?)\b(?!:)[^\n]{0,100}$")
# "[rob] I will create an issue", "Anne: I'll file a bug": a speaker taking an action
_SPEAKER = re.compile(r"^\s*(?:\[(?P<a>[^\]\n]{1,30})\]|(?P<b>@[\w.-]+|@?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)?)\s*:)"
                      r"\s*(?P<rest>.*)$", re.DOTALL)
_COMMIT = re.compile(r"(?:^|[.!?]\s+)I(?:'ll|’ll| will| shall)\s+(?P<task>[^.!?]+)", re.DOTALL)
# a transcript's "I will discuss with the team", "I'll see", "I'll think about it": talk, not a task
_ONLY_TALK = re.compile(r"(?i)(?:discuss|see|think|try)\b")
_ACTION_IS = re.compile(r"(?i)^(?:another |the |an |one )?(?:action(?: item)?|todo|next step) "
                        r"(?:is|was|would be) (?:to )?")
# "Greg to take a look at the design doc": an attendee named before "to" and a verb
_NAMED_TASK = re.compile(r"^\s*(?P<who>@?[A-ZÀ-Ý][\w'’.-]*(?: [A-ZÀ-Ý][\w'’.-]*)?) to [a-z]\w+ ")


_CHECKBOX = re.compile(r"^\s*\[[ xX~-]?\]\s")
_TICKED = re.compile(r"^\s*\[[xX]\]\s")
# "... - **Robin**", "... — Luca & Nicolas": the attendees who own a task, after a closing dash
_TRAILING_OWNER = re.compile(r"\s\\?[-–—]\s*(?:\*\*|__)?(?P<who>[A-ZÀ-Ý][\w'’-]+"
                             r"(?:\s*(?:&|,|\+|\bet\b|\band\b)\s*[A-ZÀ-Ý][\w'’-]+)*)(?:\*\*|__)?\s*$")
# a verb of doing followed by these is a noun ("Review of the budget", "Update from last week")
_NOT_AN_OBJECT = {"of", "from", "on", "about", "with", "results", "du", "de", "des", "sur"}
# a statement, not a task: "... were good", "... look right"
_STATED = re.compile(r"\b(?:were|was|is|are|went|looks?|looked|seems?|étai(?:en)?t|est|sont|a été)\b")
# "Add filtering options by role (**Alex**)", "Set up Docker (Patryk?)": names closing a task in
# parentheses, after a task in the imperative ("(Alex)" alone also credits a remark)
_TRAILING_PARENS = re.compile(r"\s\((?:\*\*|__)?(?P<who>[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?"
                              r"(?:\s*(?:&|,|\+|\bet\b|\band\b)\s*[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)*)"
                              r"\??(?:\*\*|__)?\)\s*\.?$")

# a stand-up's sub-heading that is a person: "### Noé", "### AXELLE", "### Jean-Marc Roux"
_PERSON_HEADING = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2}$")

# the mark of a definition list's entry (Pandoc): ":   Léa Martin"
_DEFINITION = re.compile(r"^:\s+")

_ONLY_LINK = re.compile(r"^\s*\[[^\]]+\]\([^)\s]+\)\s*$")

_CHORUS = re.compile(rf"^\s*(?:{'|'.join(words('chorus'))})\s*:\s*(?:{'|'.join(words('chorus_assent'))})"
                     r"\s*[.!]*\s*$", re.IGNORECASE)


# "**Date :** 2026-10-02 · **Participants :** Ana, Bo": the next field of a line of fields
# (from the first blank of a run only: started inside a long run it rescanned the run each time)
_FIELD_SEPARATOR = re.compile(r"(?<!\s)\s+[·•|]\s+"
                              r"(?=(?:\*\*|__)[^*_\n]{1,30}?(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：]))")


def _definition_term(lines: list[tuple[int, str]], index: int) -> str | None:
    """Return the normalised term of a definition list opening at ``lines[index]``, else None.

    Pandoc writes one as a line without a colon over entries marked ":   ".
    """
    line = lines[index][1]
    if ":" in line or index + 1 >= len(lines) or not _DEFINITION.match(lines[index + 1][1]):
        return None
    return norm(line)


def _list_head(lines: list[tuple[int, str]], index: int) -> tuple[str | None, bool]:
    """Return the normalised label that ``lines[index]`` opens a list of lines with (else None), and
    whether it is a definition list's term."""
    term = _definition_term(lines, index)
    if term:
        return term, True
    pair = split_label(lines[index][1])
    return (pair[0] if pair and not pair[1] else None), False


def _names_end(lines: list[tuple[int, str]], index: int, definition: bool) -> int:
    """Return the index after the short name lines that follow ``lines[index]``."""
    end = index + 1
    while end < len(lines) and _name_line(lines[end][1], definition):
        end += 1
    return end


def _name_line(line: str, definition: bool) -> bool:
    """Return whether a line under a people label is one short name (a definition entry's when ``definition``)."""
    if definition:
        if not _DEFINITION.match(line):
            return False
        line = _DEFINITION.sub("", line)
    # the name before its remarks: "Mark Wardle (MW) (Chair)\t-\tCardiff and Vale UHB"
    name = _NAME_REMARKS.split(line.strip(), maxsplit=1)[0]
    if name != line.strip() and not _PERSON_HEADING.match(name.strip()):
        return False  # "Apologies received from Carl (who is ill)": a sentence before the remarks
    return 0 < len(name.split()) <= 5 and len(line.split()) <= 16 and parse_person(line) is not None


_NAME_REMARKS = re.compile(r"(?<!\s)\s*\(|(?<!\s)\s+[-–—]\s|\t")  # from a run's first blank only
_FIELD_DOTS = re.compile(r"[·•|]")


def _field_lines(text: str) -> list[tuple[int, str]]:
    """Return (line offset, text) of each line of a paragraph, a line of fields split where the next opens.

    Bold fields split at their dots; plain ones where a people or role label follows a full stop or
    semicolon ("Present: Ana, Bo. Regrets: Cy", "Présents : Léa ; Excusé : Marc").
    """
    return [(offset, part) for offset, line in enumerate(text.split("\n"))
            for piece in (_FIELD_SEPARATOR.split(line) if _FIELD_DOTS.search(line) else [line])
            for part in _people_fields(_colon_label(piece))]


# a people or role label closed by a dash or by its bold marks instead of a colon:
# "Attendees - Ana, Bo", "Participants — Ana", "**Attendees** Ana, Bo", "Chair – Ana"
_DASH_LABEL = re.compile(r"^\s*(?P<label>[^\W\d_][\w'’·. ]{1,40}?)\s+[-–—]\s+(?P<rest>[^\s-].*)$")
_BOLD_LABEL = re.compile(r"^\s*(?:\*\*|__)(?P<label>[^*_:\n]{2,40}?)(?:\*\*|__)\s+(?P<rest>[^\s:-].*)$")


def _colon_label(line: str) -> str:
    """Return ``line`` as ``Label: value`` when a people or role label opens it with a dash or in bold."""
    if ":" in line[:45]:
        return line
    m = _DASH_LABEL.match(line) or _BOLD_LABEL.match(line)
    if m and (people_label(norm(m["label"])) or role_label(norm(m["label"]))) and \
            all(_NAME_ONLY.match(name.strip()) for name in split_names(m["rest"])):
        return f"{m['label'].strip()}: {m['rest']}"
    return line  # "Chair - thanked everyone for coming": the label word opens a sentence


# what follows such a label: names only ("Ana Lopez (Acme)", "@bo"), not a sentence
_NAME_ONLY = re.compile(r"^@?[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:de\s+|van\s+|von\s+|le\s+)?[A-ZÀ-Ý][\w'’.-]*){0,3}"
                        r"(?:\s*\([^()]*\))?\.?$")


# a label after a full stop or semicolon, from the first blank of a run only
_NEXT_LABEL = re.compile(r"(?<=[.;])\s+(?P<label>[^\W\d_][\w'’·. -]{0,30}?)\s*[:：]")


def _people_fields(line: str) -> list[str]:
    """Return ``line`` cut before each people or role label that follows a full stop or semicolon."""
    if line.count(":") + line.count("：") < 2:
        return [line]
    cuts = [m.start("label") for m in _NEXT_LABEL.finditer(line)
            if people_label(norm(m.group("label"))) or role_label(norm(m.group("label")))]
    return [line[a:b].strip(" ;") for a, b in zip([0, *cuts], [*cuts, len(line)])] if cuts else [line]


def _chorus(entry: Item, kept: list[Item], target: Agenda) -> bool:
    """Take "All: Good idea." as the decision of the speaker's turn just before it; return whether it was.

    "Troy: Could do the work in the wiki to start." then "All: Good idea.": the proposal is decided.
    """
    if not _CHORUS.match(entry.text) or not kept or not _SPEAKER.match(kept[-1].text) or \
            kept[-1].children:
        return False
    proposal = " ".join(_speaker_text(kept.pop().text).split())
    target.decisions.append((it.parse_decision(proposal), entry.line))
    return True


def _speaker_text(text: str) -> str:
    """Return an item's text without its ``[speaker]``/``Name:`` prefix and Markdown."""
    m = _SPEAKER.match(text)
    return clean((m.group("rest") if m else text).replace("\n", " "))


def _labelled_quotes(blocks: list[Block]) -> Iterator[Block]:
    """Return (as a generator) ``blocks``, each quote opening on an actions or decisions label expanded."""
    for block in blocks:
        first = block.text.lstrip().split("\n", 1)[0].lstrip("> \t") if block.kind == "raw" else ""
        pair = split_label(first) if block.text.lstrip().startswith(">") else None
        if pair and not pair[1] and section_kind(pair[0])[0] in ("actions", "decisions"):
            yield from expand_quotes([block])
        else:
            yield block


# a sentence that says what the list after it holds: "nous avons convenu des actions suivantes :",
# "The following actions were agreed:"; "Nous avons validé les éléments suivants :", "The board
# decided the following:" (not "We discussed the following points:")
_FOLLOWING = r"(?:suivant(?:e|s|es)?|following|ci-dessous|below|as follows|ce qui suit)"
_LEAD_IN_ACTIONS = re.compile(
    rf"(?i)(?:\b(?:actions?|action items?|tâches?|tasks?|next steps?|prochaines? étapes?)\b.{{0,40}}"
    rf"\b{_FOLLOWING}\b|\b{_FOLLOWING}\s+(?:actions?|action items?|tâches?|tasks?|next steps?)\b)[^:]{{0,60}}:\s*$")
_LEAD_IN_DECISIONS = re.compile(
    rf"(?i)\b(?:decided|agreed|approved|adopted|resolved|validated|décidé|convenu|validé|validés|adopté|"
    rf"adoptés|retenu|retenus|acté|actés|arrêté)\b.{{0,60}}\b{_FOLLOWING}\b[^:]{{0,40}}:\s*$|"
    rf"\b{_FOLLOWING}\b.{{0,60}}\b(?:decided|agreed|approved|adopted|décidé|convenu|validé|validés|"
    rf"adopté|adoptés|retenu|retenus|acté|actés)(?:e|es|s)?\b[^:]{{0,40}}:\s*$")


# what makes such a sentence say the list was not agreed, or is done or past: "The following
# actions from the last meeting were completed:", "Nothing was decided on the following points:"
_LEAD_IN_REFUSED = re.compile(
    r"(?i)\b(?:not|no|nothing|nobody|none|never|rien|pas|aucune?|personne|completed|done|finished|closed|"
    r"reviewed|previous|last|précédente?s?|dernière|terminée?s?|réalisée?s?|faites|suspens|suggested|"
    r"proposed|proposée?s?|suggérée?s?|options?|possibles?|open|ouverte?s?|pending|en attente)\b")


class NotesFill(Passes):
    """Builder methods reading paragraphs and lists into an agenda item."""

    def fill(self, target: Agenda, blocks: list[Block], meta: bool = False) -> None:
        """Read notes blocks into ``target``: labelled lines and items are taken out of the notes.

        In the meeting details (``meta``) a block quote is read as the blocks it holds: quoting
        there is layout ("> Présents :" over a quoted list), as under a Decisions heading. In a
        topic, so is a quote that opens on an actions or decisions label ("> Actions :").
        """
        kept: list[Block] = []
        blocks = expand_quotes(blocks) if meta else [*_labelled_quotes(blocks)]
        index = 0
        caption: Block | None = None  # the caption the last vote tally took
        while index < len(blocks):
            block = blocks[index]
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.kind == "para" and self._lead_in(block, following, target):
                kept.append(block)
                index += 1  # the list it introduces is read: skipped with it
            elif block.kind == "para":
                target, kept, taken = self._fill_para(block, following, target, meta, kept)
                index += taken
            else:
                voted = tally_decision(blocks, index, caption)
                if voted:  # "Table: Vote du PV du 22 mars" over the votes for and against
                    target.decisions.append((it.parse_decision(voted[0]), block.line))
                    caption = voted[1]
                self._fill_block(block, target, meta, kept)
            index += 1
        flush(target, kept)

    def _lead_in(self, block: Block, following: Block | None, target: Agenda) -> bool:
        """Read the list after a one-line paragraph saying it holds actions or decisions; return whether it did.

        "Nous avons convenu des actions suivantes :" gives one action per item; "Nous avons
        également validé les éléments suivants :" one decision per item. The sentence stays a note.
        """
        text = " ".join(block.text.split())
        if following is None or following.kind != "list" or "\n" in block.text.strip() or len(text) > 300 \
                or _LEAD_IN_REFUSED.search(text):
            return False
        if _LEAD_IN_ACTIONS.search(text):
            for entry in following.items:
                raw_action(target, entry, labelled=True)
        elif _LEAD_IN_DECISIONS.search(text):
            for entry in following.items:
                if not self.not_a_decision(target, entry.text, entry.line):
                    decision(target, entry)
        else:
            return False
        return True

    def _fill_block(self, block: Block, target: Agenda, meta: bool, kept: list[Block]) -> None:
        """Read a list, table or other block into ``target``, adding what stays notes to ``kept``."""
        if block.kind == "list":
            block.items = self.walk(block.items, target, meta, depth=0)
            kept.append(block)
        elif block.kind == "table":
            if not self.label_table(block, target) and not self.people_columns(block) and \
                    not self.table(block, target, None):
                self.sentence_cells(target, block)
                kept.append(block)
        elif not self.sentence_quote(target, block):
            kept.append(block)

    def _fill_para(self, block: Block, following: Block | None, target: Agenda, meta: bool,
                   kept: list[Block]) -> tuple[Agenda, list[Block], int]:
        """Read a paragraph line by line; return (target, kept, blocks after it it used up).

        A ``Topic:`` line opens a new target (the notes so far go to the previous one); a
        label may take the list or the paragraph that follows (then 1 block is used up).
        """
        self._turn_commitments(block, target)
        self._present_in_prose(block)
        lines = self._people_lines(_field_lines(block.text), block.line, meta)
        keep: list[str] = []
        taken = 0
        opened: dict | None = None  # the action the previous line opened, which may wrap
        for index, (offset, line) in enumerate(lines):
            last = index == len(lines) - 1
            if last and self._people_para_after(line, following, meta):
                taken = 1
                continue
            if opened is not None and _wraps(opened["head"], line):
                opened["head"] += " " + line.strip()
                continue
            items = following.items if last and following and following.kind == "list" else None
            count = len(target.actions)
            result = self.label(line, block.line + offset, target, meta, items)
            opened = _opened_action(target, count) if result is True else None
            if isinstance(result, Agenda):
                self._close_para(target, kept, keep, block.line)
                kept, keep, target = [], [], result
            elif result == "list":
                taken = 1
            elif not result:
                keep.append(_note_line(line))
        if keep and not self.sentence_lines(target, keep, block.line):
            kept.append(Block("para", block.line, text="\n".join(keep)))
        return target, kept, taken

    def _people_lines(self, lines: list[tuple[int, str]], first: int, meta: bool) -> list[tuple[int, str]]:
        """Read "Attendees:" over one name a line in the same paragraph; return the other lines.

        Two names at least must follow the label, each a short line that reads as a name; a
        definition list ("Présents" over ":   Léa Martin") needs one, its marks saying they are entries.
        """
        rest: list[tuple[int, str]] = []
        index = 0
        while index < len(lines):
            key, term = _list_head(lines, index)
            people = people_label(key) if key else None
            end = _names_end(lines, index, term) if people else index + 1
            if people is None or end - index < (2 if term else 3) or not (meta or not people[1]):
                rest.append(lines[index])
                index += 1
                continue
            group = _group_name(key) if key and people[1] else None
            for offset, name in lines[index + 1:end]:
                self.add_person(parse_person(_DEFINITION.sub("", name)), first + offset, people[0], group)
            index = end
        return rest

    def _turn_commitments(self, block: Block, target: Agenda) -> None:
        """Queue the actions speakers take in a paragraph of turns ("Yves: I'll contact you about this.")."""
        for turn in _turns(block.text):
            self.commitment(Item(turn, block.line), target, None, alone=True)

    def _present_in_prose(self, block: Block) -> None:
        """Add the people a sentence says were present ("... with the following present: A, B and C").

        The chair and secretary a sentence names are kept aside for notes that list nobody.
        """
        for name in present_names(block.text):
            self.add_person(parse_person(name), block.line, "present")
        for name in excused_names(block.text):
            self.add_person(parse_person(name), block.line, "excused")
        self.prose_roles.extend((role, name, block.line) for role, name in prose_roles(block.text))

    def _people_para_after(self, line: str, following: Block | None, meta: bool) -> bool:
        """Return whether ``line`` is a people label that took the paragraph of names after it."""
        return following is not None and following.kind == "para" and \
            self.people_para(line, following, meta)

    def _close_para(self, target: Agenda, kept: list[Block], keep: list[str], line: int) -> None:
        """Add the notes read so far (``kept`` and the lines in ``keep``) to ``target`` before a new topic."""
        if keep:
            kept.append(Block("para", line, text="\n".join(keep)))
        flush(target, kept)

    def walk(self, entries: list[Item], target: Agenda, meta: bool, depth: int,
             parent: Item | None = None) -> list[Item]:
        """Return the list items that stay notes, taking out actions, decisions and labels."""
        kept: list[Item] = []
        choices = self._ticked_choices(entries)
        for entry in entries:
            if self._take_item(entry, target, meta, depth, parent, choices) or \
                    _chorus(entry, kept, target):
                continue
            for child in entry.children:
                if child.kind == "list":
                    child.items = self.walk(child.items, target, meta, depth + 1, entry)
            if not self.sentence_item(target, entry):
                kept.append(entry)
        return kept

    def _ticked_choices(self, entries: list[Item]) -> bool:
        """Return whether a list records choices made: every item a ticked box, none naming an attendee.

        "[x] Gitflow / [x] GitKraken ou Sourcetree", "[x] Tout le monde est en copie des mails":
        a checklist ticked as it was agreed, not tasks done ("[x] @bob: close stale PRs").
        """
        if len(entries) < 2 or not all(_TICKED.match(e.text) for e in entries):
            return False
        return not any(self._names_owner(_CHECKBOX.sub("", e.text)) for e in entries)

    def _names_owner(self, text: str) -> bool:
        """Return whether a task names its owner: an @handle, or an attendee before a colon or "to"."""
        prefix, named = it.owner_prefix(text), _NAMED_TASK.match(text)
        who = [prefix[0] if prefix else "", named.group("who") if named else ""]
        return "@" in text or any(name and self.people.resolve(name) for name in who)

    def _take_item(self, entry: Item, target: Agenda, meta: bool, depth: int,
                   parent: Item | None, choices: bool = False) -> bool:
        """Return whether a marked or labelled list item was taken out of the notes.

        In order: a verdict under an item ("Approved"), a checkbox (not in a list of ticked
        ``choices``, which stays notes), "Greg to ...", an ``ACTION:`` or ``Decision:`` label
        (which may head a list of them), then at the top level any other label (``Present:``,
        ``Chair:``...).
        """
        if parent is not None and _VERDICT.match(entry.text):
            subject = _speaker_text(parent.text)
            target.decisions.append(({"text": f"{subject} — {clean(entry.text)}"}, entry.line))
            return True
        self.commitment(entry, target, parent)
        nested = [c for c in entry.children if c.kind == "list"]
        sub_items = nested[0].items if nested else None
        if self._owned_at_end(entry, target) or self._plans_of_the_day(entry, target) or \
                self._task_after_name(entry, target, meta, depth):
            return True
        if self._marked_task(entry.text, choices):
            raw_action(target, entry, labelled=not _CHECKBOX.match(entry.text))
            return True
        if self._action_item(entry, target, sub_items) or \
                self._decision_item(entry, target, sub_items, parent):
            return True
        return depth == 0 and bool(self.label(entry.text, entry.line, target, meta, sub_items,
                                              in_list=True))

    def _action_item(self, entry: Item, target: Agenda, sub_items: list[Item] | None) -> bool:
        """Take an ``ACTION:`` item (or the items under an empty ``Actions:``); return whether it was."""
        label = it.action_label(entry.text)
        if label is None or (not label[0] and is_deferral(label[1])):
            return False  # "ACTION: Revisit next week" moves the topic: a note
        if not label[1].strip() and sub_items:
            for sub in sub_items:
                raw_action(target, sub, labelled=True, owner=label[0])
        else:
            raw_action(target, entry, labelled=True)
        return True

    def _decision_item(self, entry: Item, target: Agenda, sub_items: list[Item] | None,
                       parent: Item | None) -> bool:
        """Take a ``Decision:`` item (or the items under an empty one); return whether it was."""
        if it.action_label(entry.text) is not None:
            return False  # a deferred "ACTION:" line stays a note
        decided = it.decision_label(entry.text)
        if decided is None:
            return False
        if not decided.strip() and sub_items:
            for sub in sub_items:
                decision(target, sub)
        elif not self.not_a_decision(target, decided, entry.line):
            decision(target, entry, _speaker_text(parent.text) if parent else None)
        return True

    def label(self, line: str, number: int, target: Agenda, meta: bool,
              following: list[Item] | None, in_list: bool = False):
        """Handle one ``Label: value`` line; return what it consumed (falsy when it is a note).

        Returns an Agenda when the line opens a new topic, "list" when the label also took the
        list that follows, True when only the line was consumed (see label_rules.LABEL_RULES).
        """
        return read_label(self, Line(line, number, target, meta, following, in_list))

    def label_table(self, block: Block, target: Agenda) -> bool:
        """Read a two-column table of labels and values as labelled lines; return whether it was.

        ``| Date | 03.06.2025 |``, ``| Chair | Adam |``, ``| Attendees : | Kelvin, Omer |``:
        meeting details in a table (its header row may be a pair too, or "Key | Value").
        """
        if not _is_label_table(block.rows):
            return False
        for offset, row in enumerate(block.rows):
            if len(row) >= 2 and _known_label(row[0]) and row[1].strip():
                line = f"{row[0].strip().rstrip(':： ')}: {row[1].strip()}"
                self.label(line, block.line + offset, target, True, None)
        return True

    def _task_after_name(self, entry: Item, target: Agenda, meta: bool, depth: int) -> bool:
        """Take "Thierry: prepare post(s) for the website" (a name, then a verb in lower case) as an action.

        A speaker's statement ("Dan: The new API ...", "Anne: I think ...") stays a note.
        """
        m = TASK_AFTER_NAME.match(" ".join(entry.text.split()))
        if not m or norm(m.group("who")) in it.NOT_OWNERS or not m.group("task")[:1].islower() or \
                it.decision_label(entry.text) is not None:
            return False  # "Consensus: open self-nomination": a decision label, not a name
        first = len(target.actions)
        for child in entry.children:  # the items under it are read as notes of their own
            if child.kind == "list":
                child.items = self.walk(child.items, target, meta, depth + 1, entry)
        raw_action(target, entry, labelled=True)
        target.actions.insert(first, target.actions.pop())  # before what its items gave
        return True

    def _plans_of_the_day(self, entry: Item, target: Agenda) -> bool:
        """Take a stand-up's "today" / "next" list under a person's heading as that person's actions.

        "## Ian Rebmann / - today / - research pipeline": due the meeting day ("next": no date);
        "yesterday", "done" and "blockers" lists stay notes.
        """
        lists = [c for c in entry.children if c.kind == "list"]
        plan = PLAN_WORDS.get(norm(entry.text).rstrip(":"))
        if target.person is None or plan is None or not lists:
            return False
        for sub in lists[0].items:
            head = " ".join(sub.text.split())
            if head and not NOTHING.match(head):
                target.actions.append(({"head": head, "owner": target.person, "labelled": True,
                                        "due": plan or None}, sub.line))
        return True

    def person_plans(self, sec: Section, target: Agenda) -> bool:
        """Take a person's sub-heading under a stand-up's plan heading as that person's actions.

        "## Ce qui sera fait aujourd'hui / ### Noé / - Finir le mini-jeu": Noé attended and
        owns each item (due the meeting day under "today"); return whether it was read so.
        "### Tous", a heading over text or subsections, or one under "yesterday" is not.
        """
        plan = PLAN_WORDS.get(norm(target.title).rstrip(":"))
        name = clean(sec.title)
        if plan is None or sec.children or not sec.blocks or \
                any(b.kind != "list" for b in sec.blocks) or not _PERSON_HEADING.match(name) or \
                norm(name) in it.NOT_OWNERS or norm(name) in EVERYONE_WORDS:
            return False
        self.add_person(parse_person(name), sec.line, "present")
        for block in sec.blocks:
            for sub in block.items:
                head = " ".join(sub.text.split())
                if head and not NOTHING.match(head):
                    target.actions.append(({"head": head, "owner": name, "labelled": True,
                                            "due": plan or None}, sub.line))
        return True

    def _owned_at_end(self, entry: Item, target: Agenda) -> bool:
        """Take "Créer l'interface d'ajout. - **Robin**" (attendees after a closing dash) as their action."""
        flat = " ".join(entry.text.split())
        m = _TRAILING_OWNER.search(flat) or self._owned_in_parens(flat)
        if not m or not flat[: m.start()].strip() or _ONLY_LINK.match(flat[: m.start()]):
            return False  # "[Web Speech API](url) - Hadley": a review and its reviewers, not a task
        names = [n for n in re.split(r"\s*(?:&|,|\+|\bet\b|\band\b)\s*", m.group("who")) if n]
        if not all(self.people.resolve(name) for name in names):
            return False
        target.actions.append(({"head": flat[: m.start()].rstrip(" .\\"), "owner": ", ".join(names),
                                "body": to_markdown(entry.children), "labelled": True}, entry.line))
        return True

    def _owned_in_parens(self, flat: str) -> re.Match | None:
        """Return the match of attendees closing a task in parentheses, the task opening on a verb of doing.

        "Add filtering by role (**Alex**)", "Set up Docker (Patryk?)"; not "Review of the budget went
        well (Alice)" nor "Great demo (**Alice**)": a name in parentheses also credits a remark.
        """
        m = _TRAILING_PARENS.search(flat)
        head = norm(flat[: m.start()]) + " " if m else ""
        if not m or _STATED.search(head):
            return None  # "Test results were good (Alice)", "Check: the numbers look right (Bob)"
        return m if any(head.startswith(verb + " ") and head[len(verb):].split(" ", 2)[1] not in _NOT_AN_OBJECT
                        for verb in it.TASK_VERBS) else None

    def _marked_task(self, text: str, choices: bool) -> bool:
        """Return whether an item is a task by its mark (a checkbox, "Greg to ...", "[PK]").

        A box in a list of ticked ``choices`` is not one.
        """
        return (bool(_CHECKBOX.match(text)) and not choices) or self._named_task(text) or \
            self._initialled_task(text)

    def _initialled_task(self, text: str) -> bool:
        """Return whether a note ends with an attendee's initials in brackets ("... [PK]")."""
        m = it.INITIALS_TAIL.search(text)
        return m is not None and all(self.people.resolve(who) for who in
                               re.split(r"\s*[,/&+]\s*", m.group("who")))

    def _named_task(self, text: str) -> bool:
        """Return whether a note reads ``Greg to take a look at ...`` with Greg an attendee."""
        m = _NAMED_TASK.match(text)
        if not m:
            return False
        who = norm(m.group("who"))
        return any(who in (norm(p["name"]), norm(p["name"]).split(" ")[0],
                           norm(p.get("handle") or "-")) for p, _ in self.attendees)

    def people_para(self, line: str, following: Block, meta: bool) -> bool:
        """Read ``Additional attendees:`` followed by a paragraph of names; return whether it did."""
        pair = split_label(line)
        if not pair or pair[1]:
            return False
        people = people_label(pair[0])
        if not people or not (meta or not people[1]) or len(following.text) > 600:
            return False
        group = _group_name(pair[0]) if people[1] else None
        for offset, text in enumerate(following.text.split("\n")):
            for name in split_names(text):
                self.add_person(parse_person(name), following.line + offset, people[0], group)
        return True

    def commitment(self, entry: Item, target: Agenda, parent: Item | None, alone: bool = False) -> None:
        """Queue ``[speaker] I will ...`` as an action owned by the speaker (the note stays).

        ``alone``: a turn of a transcript paragraph ("Yves: I'll contact you about this."), where
        no item above is what a short "I will do that" answers, and where talking about a
        topic again ("I will discuss with the team") is conversation.
        """
        m = _SPEAKER.match(entry.text)
        commit = _COMMIT.search(m.group("rest").strip()) if m else None
        if m is None or not commit:
            return
        owner = clean(m.group("a") or m.group("b"))
        task = clean(commit.group("task").replace("\n", " ")).rstrip(".")
        if norm(owner) in it.NOT_OWNERS or re.match(r"(?i)(?:be|not|have|need)\b", task) or \
                (alone and (len(task.split()) <= 3 or _ONLY_TALK.match(task))):
            return  # "Note: I will be away"; in a transcript, "I will discuss with the team"
        if len(task.split()) <= 3 and parent is not None:
            # "I will do that." answers the item above: its text is the action
            task = _ACTION_IS.sub("", _speaker_text(parent.text)).rstrip(".")
            task = task[:1].upper() + task[1:]
        elif len(task.split()) <= 3 and target is not self.preamble:
            task = f"{target.title} — {task}"  # "Michael: I will review today." under PR #1011
        target.actions.append(({"head": task, "owner": owner, "speaker": True}, entry.line))

    def topic_blocks(self, sec: Section) -> bool:
        """Split a notes section into topics at one-line paragraphs that head a list."""
        blocks = sec.blocks
        starts = [i for i, b in enumerate(blocks) if _pseudo_heading(b, blocks[i + 1:i + 2])]
        if not starts:
            return False
        if blocks[:starts[0]]:
            self.fill(self.item(sec.title, sec.line), blocks[:starts[0]])
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
            block = blocks[start]
            self.fill(self.item(block.text.strip(), block.line), blocks[start + 1:end])
        return True


def _turns(text: str) -> list[str]:
    """Return the speakers' turns of a paragraph of scribe notes ("Dan: ..." lines and what wraps them)."""
    turns: list[list[str]] = []  # the lines of each turn, joined once (linear on long paragraphs)
    for line in text.split("\n"):
        if _SPEAKER.match(line):
            turns.append([line])
        elif turns:
            turns[-1].append(line)
    return ["\n".join(turn) for turn in turns]


def _note_line(line: str) -> str:
    """Return a line kept as notes, an IRC ``<nick> text`` line written as ``**nick:** text``."""
    irc = _IRC.match(line)
    return f"**{irc.group(1)}:** {irc.group(2)}  " if irc else line


def _is_label_table(rows: list[list[str]]) -> bool:
    """Return whether a table is two columns of labels and values.

    Most first cells must be known labels, so a two-column table of notes is left alone.
    """
    rows = [row for row in rows if len(row) >= 2 and any(c.strip() for c in row)]
    if not rows or any(len(row) > 2 and any(c.strip() for c in row[2:]) for row in rows):
        return False
    known = [row for row in rows if _known_label(row[0])]
    return len(known) >= 2 and len(known) * 2 >= len(rows)


def _opened_action(target: Agenda, count: int) -> dict | None:
    """Return the action a line just added to ``target`` (which had ``count``), else None."""
    if len(target.actions) > count and "head" in target.actions[-1][0]:
        return target.actions[-1][0]
    return None


def _wraps(head: str, line: str) -> bool:
    """Return whether ``line`` continues an action line cut by the writer's line break.

    The action line ends without closing punctuation and the next line goes on in lower case
    ("ACTION: Tom to write the migration" / "guide for the new API.").
    """
    text = line.strip()
    return bool(text) and text[0].islower() and head.rstrip()[-1:] not in ".!?;:)]" and \
        not split_label(text)


def _known_label(cell: str) -> bool:
    """Return whether a table cell is a meeting-details label (date, place, chair, attendees...)."""
    key = norm(cell.strip().rstrip(":： "))
    return bool(key) and (any(key in words for words in META_WORDS.values())
                          or people_label(key) is not None or role_label(key) is not None)


def _pseudo_heading(block: Block, following: list[Block]) -> bool:
    text = block.text.strip()
    return (block.kind == "para" and "\n" not in text and 3 < len(text) <= 200
            and text[-1] not in ".:;,?!" and bool(following) and following[0].kind == "list"
            and split_label(text) is None)
