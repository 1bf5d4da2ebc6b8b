"""Bold lines that minute-takers use as headings, made headings before anything else is read.

Notes exported from word processors or written quickly mark sections with a bold line instead
of ``##``: ``**Attending**``, ``**Actions/Resolutions**``, ``**1. Budget**``. A one-line bold
paragraph becomes a heading (one level below the section it stands in) when it names a kind of
section (attendees, actions, decisions, previous actions, next meeting, links, details,
minutes or agenda) or is
numbered like an agenda item, and something follows it; the other bold lines of the same
section are then headings too (the writer's style). Notes where no bold line names a heading
are left as they are: the topic rules read their bold lines later where they head a list.
"""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.blocks import Block, Section
from docgen.readers.markdown_minutes.vocab import section_kind

_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<title>[^*_\n]{2,100}?)\s*:?\s*\1\s*:?\s*$")
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s*\S")
_KINDS = {"attendees", "actions", "decisions", "previous", "next", "links", "info", "agenda"}


def _bold_title(block: Block) -> str | None:
    """Return the text of a one-line bold paragraph, or None."""
    if block.kind != "para" or "\n" in block.text.strip():
        return None
    m = _BOLD_LINE.match(block.text)
    return m.group("title").strip() if m else None


def _names_a_heading(title: str) -> bool:
    """Return whether a bold line's text names a section kind or is numbered like an agenda item."""
    return section_kind(title)[0] in _KINDS or bool(_NUMBERED.match(title))


def _bold_first_lines(blocks: list[Block]) -> list[Block]:
    """Return ``blocks``, a paragraph opening on a bold heading line ("**Attendees**" over names) cut after it."""
    out: list[Block] = []
    for block in blocks:
        first, _, rest = block.text.partition("\n") if block.kind == "para" else ("", "", "")
        m = _BOLD_LINE.match(first) if rest.strip() else None
        # a short title only: "**Le détail de la rubrique Autres :**" over figures is no heading
        if m and len(m.group("title").split()) <= 3 and section_kind(m.group("title").strip())[0] in _KINDS:
            out += [Block("para", block.line, text=first), Block("para", block.line + 1, text=rest)]
        else:
            out.append(block)
    return out


def _split(blocks: list[Block], level: int) -> tuple[list[Block], list[Section]]:
    """Return the blocks before the first bold heading and the sections the bold headings open.

    Bold lines followed by something are candidates; from the first that names a heading on,
    the writer uses bold lines as headings, so every later candidate is one too.
    """
    blocks = _bold_first_lines(blocks)
    titles = [_bold_title(b) if i + 1 < len(blocks) else None for i, b in enumerate(blocks)]
    first = next((i for i, t in enumerate(titles) if t is not None and _names_a_heading(t)), None)
    if first is None:
        return blocks, []
    kept: list[Block] = []
    opened: list[Section] = []
    for index, (block, title) in enumerate(zip(blocks, titles)):
        if title is not None and index >= first:  # bold lines before it are the details
            opened.append(Section(title, level, block.line))
        elif opened:
            opened[-1].blocks.append(block)
        else:
            kept.append(block)
    return kept, opened


def _promote(section: Section) -> None:
    """Promote the bold headings of ``section`` and of its subsections (in place)."""
    section.blocks, opened = _split(section.blocks, section.level + 1)
    section.children = opened + section.children
    for child in section.children:
        _promote(child)


def promote_bold_headings(preamble: list[Block],
                          sections: list[Section]) -> tuple[list[Block], list[Section]]:
    """Return the preamble and sections with bold-line headings made sections."""
    preamble, opened = _split(preamble, 2)
    for section in sections:
        _promote(section)
    return preamble, opened + sections
