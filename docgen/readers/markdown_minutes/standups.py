"""Stand-ups written person first: each person's heading over what they did, will do, are blocked by.

"## Alice Martin / - Yesterday: fixed the login bug / - Today: write the tests / - Blockers: none",
"### Léa / Hier : ... / Aujourd'hui : ...", "**Bob** / - Done: ... / - Doing: ...": a heading that
is a person's name, over two or more of the stand-up's labels (what was done, what will be done,
what blocks), is that person's turn. The person attended; what they will do is their action
(due the meeting day for "today" / "doing"), what was done and what blocks stay in the notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from docgen.readers.markdown_minutes.blocks import Block, Item, Section
from docgen.readers.markdown_minutes.vocab import EVERYONE_WORDS, norm, section_kind

#: the labels of a stand-up turn, by what they hold; a plan's value is its due (None: no date)
PAST = frozenset(norm(w) for w in (
    "yesterday", "done", "did", "last week", "completed", "accomplished", "since last time",
    "since last meeting", "what i did", "what did you do", "hier", "fait", "réalisé", "réalisée",
    "semaine dernière", "la semaine dernière", "depuis la dernière fois", "ce qui a été fait"))
PLAN = {norm(w): due for w, due in (
    ("today", "today"), ("doing", "today"), ("today's plan", "today"), ("plan for today", "today"),
    ("aujourd'hui", "today"), ("aujourd hui", "today"), ("en cours", "today"),
    ("tomorrow", None), ("demain", None), ("next", None), ("next steps", None), ("next week", None),
    ("this week", None), ("plan", None), ("plans", None), ("planned", None), ("will do", None),
    ("to do", None), ("todo", None), ("what i will do", None), ("prochaines étapes", None),
    ("cette semaine", None), ("semaine prochaine", None), ("la semaine prochaine", None),
    ("à faire", None), ("a faire", None), ("prévu", None), ("ce qui sera fait", None))}
BLOCKERS = frozenset(norm(w) for w in (
    "blockers", "blocker", "blocked", "blocking", "impediments", "impediment", "obstacles",
    "blocked by", "issues", "help needed", "points bloquants", "point bloquant", "blocages",
    "blocage", "bloquants", "difficultés", "besoin d'aide"))
LABELS = PAST | PLAN.keys() | BLOCKERS

# one to three capitalised words, or a handle: "Alice Martin", "AXELLE", "@bob"
_PERSON = re.compile(r"^@?[A-ZÀ-Ý][\w'’-]*(?: [A-ZÀ-Ý][\w'’-]*){0,2}$")
_LABELLED = re.compile(r"^\s*(?:\*\*|__)?(?P<label>[^:：*_\n]{2,40}?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*"
                       r"(?P<value>.*?)\s*$")
_BOLD_ONLY = re.compile(r"^\s*(?:\*\*|__)(?P<label>[^*_\n]{2,40}?)\s*:?\s*(?:\*\*|__)\s*:?\s*$")


def turn_label(text: str) -> tuple[str, str] | None:
    """Return (normalised stand-up label, value) of ``Today: ...`` / ``**Done**`` text, else None."""
    # blanks collapsed: the optional marks between blanks would try each split of a long run
    first = " ".join(text.strip().split("\n", 1)[0].split())
    m = _LABELLED.match(first) or _BOLD_ONLY.match(first)
    if m is None and len(first) > 40:
        return None  # a label alone is short (and norm() of a long line is costly)
    if m is None:
        key = norm(first).rstrip(":")
        return (key, "") if key in LABELS else None
    key = norm(m.group("label"))
    return (key, m.groupdict().get("value") or "") if key in LABELS else None


def _labels_in(blocks: list[Block]) -> set[str]:
    """Return the stand-up labels that open the list items and paragraph lines of ``blocks``."""
    found = set()
    for block in blocks:
        lines = [i.text for i in block.items] if block.kind == "list" else \
            block.text.split("\n") if block.kind == "para" else []
        found |= {label[0] for line in lines if (label := turn_label(line))}
    return found


def is_person_title(title: str) -> bool:
    """Return whether a heading reads as one person's name (not a kind of section, not everyone)."""
    name = title.strip().strip("*_ ").rstrip(":")
    return bool(_PERSON.match(name)) and norm(name) not in EVERYONE_WORDS and \
        norm(name) not in LABELS and section_kind(name)[0] == "general"


#: the labels only a daily stand-up uses: "Done" / "Next steps" also report on a workstream
DAILY = frozenset(norm(w) for w in ("yesterday", "today", "tomorrow", "doing", "today's plan",
                                    "plan for today", "hier", "aujourd'hui", "aujourd hui", "demain"))


def turn_person(section: Section, is_attendee: Callable[[str], bool]) -> str | None:
    """Return the person whose stand-up turn ``section`` is, else None.

    Two stand-up labels of two kinds at least (done, planned, blocking) under a heading that
    reads as a name; with labels that also report on a workstream ("Done", "Next steps") the
    name must be an attendee's ("## Frontend / - Done / - Next" is a team's report).
    """
    if section.children or not is_person_title(section.title):
        return None
    labels = _labels_in(section.blocks)
    kinds = sum(bool(labels & group) for group in (PAST, PLAN.keys(), BLOCKERS))
    name = section.title.strip().strip("*_ ").rstrip(":")
    if len(labels) < 2 or kinds < 2:
        return None
    return name if is_attendee(name) or (labels & DAILY and not _WORKSTREAM.search(name)) else None


# a heading that names work, not a person: "## Deployment", "## Infrastructure", "## Backend"
_WORKSTREAM = re.compile(r"(?i)(?:ment|tion|sion|ture|ing|ity|ship|ness|isme|ité|ogy|ogie|ware|ops|end|ique)$")


def is_turn_block(block: Block) -> bool:
    """Return whether ``block`` holds two stand-up labels or more (what a bold name heads in a stand-up)."""
    return len(_labels_in([block])) >= 2


def plans(blocks: list[Block]) -> tuple[list[tuple[str, str | None, int]], list[Block]]:
    """Return ((task, due, line) of each planned item, the blocks left for the notes) of one turn.

    ``Today: write the tests`` is one task; ``Today`` over a list, or a bold ``**This week**``
    paragraph before a list, makes each item one.
    """
    tasks: list[tuple[str, str | None, int]] = []
    kept: list[Block] = []
    pending: str | None | bool = False  # the due of a bold plan label waiting for its list
    for block in blocks:
        if block.kind == "list" and not isinstance(pending, bool):
            tasks += [(" ".join(i.text.split()), pending, i.line) for i in block.items if i.text.strip()]
            pending = False
            continue
        pending = _pending_plan(block)
        left = _list_left(block, tasks) if block.kind == "list" else \
            _para_left(block, tasks) if block.kind == "para" else block
        if left is not None:
            kept.append(left)
    return tasks, kept


def _pending_plan(block: Block) -> str | None | bool:
    """Return the due of a one-line bold plan label (``**This week**``) over the next list, else False."""
    label = turn_label(block.text) if block.kind == "para" and "\n" not in block.text.strip() else None
    return PLAN[label[0]] if label and label[0] in PLAN and not label[1] else False  # False: no plan


def _list_left(block: Block, tasks: list[tuple[str, str | None, int]]) -> Block | None:
    """Return the list without its plan items (their tasks added to ``tasks``), or None when none is left."""
    rest = [item for item in block.items if not _item_plans(item, tasks)]
    return Block("list", block.line, items=rest, ordered=block.ordered, start=block.start) if rest else None


def _para_left(block: Block, tasks: list[tuple[str, str | None, int]]) -> Block | None:
    """Return the paragraph without its plan lines (their tasks added to ``tasks``), or None when none is left."""
    lines = [line for line in block.text.split("\n") if not _line_plans(line, block.line, tasks)]
    return Block("para", block.line, text="\n".join(lines)) if any(line.strip() for line in lines) else None


def _item_plans(item: Item, tasks: list[tuple[str, str | None, int]]) -> bool:
    """Add the tasks of one list item that is a plan (``Today: X`` or ``Today`` over a list); return whether it was."""
    label = turn_label(item.text)
    if label is None or label[0] not in PLAN:
        return False
    due = PLAN[label[0]]
    if label[1]:
        tasks.append((" ".join(label[1].split()), due, item.line))
    for child in item.children:
        tasks += [(" ".join(i.text.split()), due, i.line) for i in child.items if i.text.strip()]
    return True


def _line_plans(line: str, first: int, tasks: list[tuple[str, str | None, int]]) -> bool:
    """Add the task of a paragraph line ``Aujourd'hui : X``; return whether the line was one."""
    label = turn_label(line)
    if label is None or label[0] not in PLAN or not label[1]:
        return False
    tasks.append((" ".join(label[1].split()), PLAN[label[0]], first))
    return True


_WHO_COLUMNS = frozenset(norm(w) for w in ("who", "name", "nom", "qui", "member", "team member", "person",
                                           "personne", "membre", "participant", "developer", "dev"))


def turn_rows(rows: list[list[str]]) -> list[tuple[str, str, str | None, int]] | None:
    """Return (person, planned task, due, row index) of a stand-up table, or None when it is not one.

    "| Who | Yesterday | Today | Blockers |": a column of people, a column of plans and one of
    what was done or what blocks; each row's plan is the person's action.
    """
    keys = [norm(cell).rstrip(":?") for cell in rows[0]] if len(rows) > 1 else []
    who = next((i for i, k in enumerate(keys) if k in _WHO_COLUMNS), None)
    plan = next((i for i, k in enumerate(keys) if k in PLAN), None)
    # a daily stand-up's columns: "| Name | Done | Next steps |" is a workstreams' report
    if who is None or plan is None or not any(k in PAST or k in BLOCKERS for k in keys) or \
            not set(keys) & DAILY:
        return None
    found = []
    for index, row in enumerate(rows[1:], start=1):
        person = _cell(row, who).strip("*_ ")
        if _PERSON.match(person):
            found.append((person, " ".join(_cell(row, plan).split()), PLAN[keys[plan]], index))
    return found


def _cell(row: list[str], index: int) -> str:
    """Return a row's cell at ``index`` (empty when the row is short)."""
    return row[index].strip() if index < len(row) else ""
