"""Check-in rounds: the people who speak in turn in a meeting's opening round are its attendees.

"**Checkins**" over "- April: worked on the inbox", "## Tour de table" over "* Léa : ça va":
each entry of the round's list opens on the name of the person speaking.
"""

from __future__ import annotations

from collections.abc import Iterable

from docgen.readers.markdown_minutes.attendees import split_label_raw
from docgen.readers.markdown_minutes.blocks import Block, Section
from docgen.readers.markdown_minutes.collect import role_label
from docgen.readers.markdown_minutes.draft import Draft
from docgen.readers.markdown_minutes.people import clean, parse_person
from docgen.readers.markdown_minutes.vocab import CHECKIN_TITLE, META_WORDS, norm, people_label, split_label

_META_KEYS = frozenset().union(*META_WORDS.values())


def _is_round(title: str) -> bool:
    """Return whether a heading or a line alone names a check-in round (a short one: norm is slow on long lines)."""
    return len(title) <= 60 and bool(CHECKIN_TITLE.match(norm(title)))


def _speaker(text: str) -> str | None:
    """Return the name a round's entry opens on ("April: worked on ..."), else None."""
    pair = split_label(text)
    label = clean(split_label_raw(text)) if pair else ""
    if not pair or not label or len(label.split()) > 3 or pair[0] in _META_KEYS or \
            people_label(pair[0]) or role_label(pair[0]):
        return None
    return label


def _read_round(draft: Draft, block: Block) -> None:
    """Add the speakers of a round's list as attendees when every entry opens on one (two at least)."""
    names = [_speaker(entry.text) for entry in block.items]
    if len(names) < 2 or None in names:
        return
    for name, entry in zip(names, block.items):
        draft.add_person(parse_person(name or ""), entry.line, "present")


def _read_blocks(draft: Draft, blocks: Iterable[Block], in_round: bool) -> None:
    """Read the round lists among ``blocks``: the first list of a round's section or after a round's line."""
    for block in blocks:
        if block.kind == "list" and in_round:
            _read_round(draft, block)
        in_round = (in_round and block.kind != "list") or \
            (block.kind == "para" and "\n" not in block.text and _is_round(block.text))


def checkin_people(draft: Draft, preamble: list[Block], sections: list[Section]) -> None:
    """Add the people speaking in the check-in rounds of the notes as attendees."""
    _read_blocks(draft, preamble, False)
    stack = list(reversed(sections))
    while stack:
        section = stack.pop()
        _read_blocks(draft, section.blocks, _is_round(section.title))
        stack.extend(reversed(section.children))
