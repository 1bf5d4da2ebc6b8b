"""Numbered resolutions of formal minutes: one decision for each resolution adopted.

A general meeting's procès-verbal ("#### Résolution 4 - Modification des statuts",
"## PREMIERE RESOLUTION") or a board's minutes ("### Resolution 3: 2026 budget") put each
resolution under a heading of its own, its text, then the vote ("Cette résolution a été
adoptée à l'unanimité", "Motion carried"). The resolution is the decision, once: its title,
with its first paragraph joined when short (or that paragraph alone under a title that only
numbers it). A resolution only presented, or rejected, decides nothing; its paragraphs stay
notes, where sentence rules may still find the actions they hold.
"""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.blocks import Block, Section
from docgen.readers.markdown_minutes.collect import Agenda, plain_title
from docgen.readers.markdown_minutes.draft import Passes

_ORDINAL = (r"premi[eè]re|1[eè]?re|\d{1,2}\s*(?:[eè]me|eme|e|nd|rd|th|st)|deuxi[eè]me|seconde?|"
            r"troisi[eè]me|quatri[eè]me|cinqui[eè]me|sixi[eè]me|septi[eè]me|huiti[eè]me|"
            r"neuvi[eè]me|dixi[eè]me|onzi[eè]me|douzi[eè]me|first|third|fourth|fifth|sixth|"
            r"seventh|eighth|ninth|tenth")
# "Résolution 4 - ...", "Résolution n°2 :", "Resolution No. 3", "Resolution 2026-04",
# "Première résolution", "3ème résolution : ...", "Second Resolution"
RESOLUTION_TITLE = re.compile(
    rf"(?i)^\s*(?:\d{{1,2}}[.)]\s*)?(?:r[ée]solution\s*(?:n\s*[°o]\.?\s*|no\.?\s*|#\s*)?"
    rf"(?:\d[\d.-]*|[ivxlc]+\b)|(?:{_ORDINAL})\s+r[ée]solution\b)\s*(?P<rest>.*)$")
# the vote's outcome; a refusal is written first so that "not adopted" is one
_OUTCOME = re.compile(
    r"(?i)(?<!\w)(?:(?P<no>rejet[ée]e?s?|refus[ée]e?s?|repouss[ée]e?s?|rejected|defeated|failed|"
    r"not\s+(?:been\s+)?(?:adopted|approved|carried|passed)|non\s+adopt[ée]e?s?|"
    r"n['’](?:est|a|ont|sont)\s+pas\s+(?:été\s+)?(?:adopt|approuv|accept)\w*)|"
    r"(?P<yes>adopt[ée]e?s?|approuv[ée]e?s?|accept[ée]e?s?|ratifi[ée]e?s?|vot[ée]e?s?\s+(?:à|par)|"
    r"adopted|approved|carried|passed|ratified))(?!\w)")
# "Cette résolution a été adoptée ...", "Motion carried.": the vote alone, not the resolution's text
_VOTE_ONLY = re.compile(r"(?i)^\s*(?:(?:cette|la|this|the)\s+)?(?:r[ée]solution|motion|proposition)\b")
_SHORT = 25  # words of a first paragraph joined to the resolution's title


def is_resolution(title: str) -> bool:
    """Return whether a heading numbers a resolution ("Résolution 4 - ...", "Première résolution")."""
    return RESOLUTION_TITLE.match(title) is not None


def _texts(sec: Section) -> list[str]:
    """Return the text of every paragraph and list item of a resolution and its subsections."""
    texts: list[str] = []
    stack: list[Section] = [sec]
    while stack:
        section = stack.pop()
        blocks: list[Block] = list(section.blocks)
        while blocks:
            block = blocks.pop()
            texts.append(block.text)
            for item in block.items:
                texts.append(item.text)
                blocks.extend(item.children)
        stack.extend(section.children)
    return texts


def adopted(sec: Section) -> bool:
    """Return whether a resolution's text records its adoption (the last outcome it names decides)."""
    last = None
    for text in _texts(sec):
        for match in _OUTCOME.finditer(" ".join(text.split())):
            last = match
    return last is not None and last.group("yes") is not None


def _body(blocks: list[Block], named: bool) -> str:
    """Return a resolution's text: its first paragraph (not the vote), or the list it introduces.

    Under a title that names the resolution, a paragraph ending in ":" over a list introduces
    the list ("il est proposé de nommer : - Ana, présidente"), whose items are the text.
    """
    blocks = [b for b in blocks if b.text.strip() or b.items]
    index = next((i for i, b in enumerate(blocks) if b.kind == "para" and not _VOTE_ONLY.match(b.text)),
                 None)
    if index is None:
        return ""
    first = " ".join(blocks[index].text.split())
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if named and first.endswith(":") and following is not None and following.kind == "list":
        first = " ; ".join(" ".join(item.text.split()) for item in following.items)
    return first.rstrip(" :.")


def resolution_text(sec: Section) -> str:
    """Return the decision a resolution states: its title, its text joined when short.

    A title that only numbers the resolution ("PREMIERE RESOLUTION") gives way to its text.
    """
    title = plain_title(sec.title)[0].strip()
    subject = RESOLUTION_TITLE.match(title)
    named = subject is not None and bool(subject.group("rest").strip(" -–—:."))
    body = _body(sec.blocks, named)
    if not named:
        return body or title
    if body and len(re.findall(r"\w+", body)) <= _SHORT:
        return f"{title.rstrip(' .:')} : {body}"
    return title


class ResolutionSections(Passes):
    """Builder methods reading the numbered resolutions of formal minutes."""

    def resolution(self, sec: Section, parent: Agenda | None) -> None:
        """Read a resolution's section: its text as notes, one decision when it was adopted.

        Under ``parent`` (a "Résolutions" section, a topic) its title is a bold line of the
        parent's notes; at the top it is an agenda item of its own.
        """
        target = parent if parent is not None else self.item(sec.title, sec.line)
        if parent is not None:
            target.notes.append(f"**{sec.title}**")
        count = len(target.decisions)
        self.fill(target, sec.blocks)
        del target.decisions[count:]  # the paragraphs of a resolution are not decisions each
        for child in sec.children:
            self.section(child, target)
        if adopted(sec):
            target.decisions.insert(count, ({"text": resolution_text(sec)}, sec.line))
