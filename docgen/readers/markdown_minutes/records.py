"""What the passes write on an agenda item: notes blocks, raw actions and decisions."""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item, to_markdown
from docgen.readers.markdown_minutes.collect import Agenda
from docgen.readers.markdown_minutes.people import clean


def flush(target: Agenda, kept: list[Block]) -> None:
    """Add the blocks that stayed notes to the notes of ``target`` (nothing when they are empty)."""
    text = to_markdown(kept)
    if text:
        target.notes.append(text)


# "- Create the page / - Task owner: Nidhi": the one nested item names the owner
_OWNER_ITEM = re.compile(r"(?i)^\s*(?:task\s+)?(?:owners?|assignees?|assigned to|responsable|porteur|pilote)"
                         r"\s*[:：]\s*(?P<who>[^:\n]{1,60})$")


def _owner_item(entry: Item) -> str | None:
    """Return the owner a task's only nested item names ("Task owner: Nidhi"), or None."""
    lists = [c for c in entry.children if c.kind == "list"]
    if len(entry.children) != 1 or len(lists) != 1 or len(lists[0].items) != 1 or \
            lists[0].items[0].children:
        return None
    m = _OWNER_ITEM.match(lists[0].items[0].text)
    return clean(m.group("who")) if m else None


def raw_action(target: Agenda, entry: Item, labelled: bool = False,
               owner: str | None = None, prefix: str | None = None, guess: str | None = None) -> None:
    """Queue a list item as an action; it is parsed once every attendee is known.

    ``guess`` is the owner the item's sentence names, kept for when parsing finds none. An
    empty item ("-" alone) is none.
    """
    if not entry.text.strip() and not entry.children:
        return
    named = None if owner else _owner_item(entry)
    owner = owner or named
    body = "" if named else to_markdown(entry.children)
    target.actions.append(({"head": " ".join(entry.text.split()), "body": body,
                            "labelled": labelled, "owner": owner, "prefix": prefix,
                            "guess": None if owner else guess},
                           entry.line))


def decision(target: Agenda, entry: Item, subject: str | None = None) -> None:
    """Add a list item as a decision; its nested items stay in its text.

    ``subject`` is the item the decision is nested under (``Verdict: Approved`` under a PR).
    An item that ends with a colon over a list ("Election of officers:" / "- Chair: Katy")
    introduces one decision per nested item, each prefixed by it.
    """
    lists = [c for c in entry.children if c.kind == "list"]
    if entry.text.rstrip().endswith(":") and len(entry.children) == 1 and lists:
        head = clean(entry.text.rstrip().rstrip(":"))
        for sub in lists[0].items:
            decision(target, sub, f"{subject} — {head}" if subject else head)
        return
    found = it.parse_decision(entry.text.replace("\n", " "))
    if subject:
        found["text"] = f"{subject} — {found['text']}"
    body = to_markdown(entry.children)
    if body:
        found["text"] = f"{found['text']}\n\n{body}"
    target.decisions.append((found, entry.line))
