"""Topics written without Markdown headings at the top of a notes file.

Minutes exported from Confluence or Google Docs mark topics with a line in bold; plain-text
minutes number them (``1) Confirm quorum``, a paragraph, ``2) Secretary``...); others write one
bullet per topic with the discussion nested under it. Each becomes a section, so the topics are
read exactly as if they had been headings.
"""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes import items as it
from docgen.readers.markdown_minutes.blocks import Block, Item, Section
from docgen.readers.markdown_minutes.vocab import people_label, split_label

_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<title>[^*_\n]{2,120}?)\s*:?\s*\1\s*:?\s*$")


def split_topics(blocks: list[Block]) -> tuple[list[Block], list[Section]]:
    """Return the blocks before the first topic and one section per topic written without headings.

    Nothing is split (all blocks are returned as they are) unless at least two topics of the
    same kind are found.
    """
    for starts in (_bold_starts(blocks), _numbered_starts(blocks)):
        if len(starts) >= 2:
            return blocks[:starts[0][0]], _sections(blocks, starts)
    for index, block in enumerate(blocks):
        if _topic_list(block):
            head = blocks[:index]
            topics: list[Section] = []
            for item in block.items:
                if item.children:
                    topics.append(Section(" ".join(item.text.split()).rstrip(" :"), 2, item.line,
                                          item.children))
                else:  # a bare line between topics belongs with the topic above it
                    loose = Block("list", item.line, items=[item])
                    (topics[-1].blocks.append(loose) if topics else head.append(loose))
            return head + blocks[index + 1:], topics
    return blocks, []


def _sections(blocks: list[Block], starts: list[tuple[int, str]]) -> list[Section]:
    sections = []
    for n, (start, title) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        sections.append(Section(title, 2, blocks[start].line, blocks[start + 1:end]))
    return sections


def _bold_starts(blocks: list[Block]) -> list[tuple[int, str]]:
    """Return (index, title) of one-line bold paragraphs that head a list or table."""
    starts = []
    for index, block in enumerate(blocks):
        m = _BOLD_LINE.match(block.text) if block.kind == "para" else None
        if not m:
            continue
        after = blocks[index + 1:index + 3]
        heads = bool(after) and (after[0].kind in ("list", "table") or (
            len(after) == 2 and after[0].kind == "para" and "\n" not in after[0].text.strip()
            and after[1].kind in ("list", "table")))
        if heads:
            starts.append((index, m.group("title").strip()))
    return starts


def _numbered_starts(blocks: list[Block]) -> list[tuple[int, str]]:
    """Return (index, title) of ``1) Title`` lines each followed by their own paragraphs."""
    starts: list[tuple[int, str]] = []
    last = 0
    for index, block in enumerate(blocks):
        if block.kind != "list" or not block.ordered or len(block.items) != 1:
            continue
        item = block.items[0]
        text = " ".join(item.text.split())
        if item.children or not text or len(text) > 100 or block.start <= last:
            continue
        starts.append((index, text.rstrip(" :")))
        last = block.start
    return starts if len(starts) >= 3 else []


def _topic_list(block: Block) -> bool:
    """Return whether every item of a bullet list is a one-line topic with its notes nested."""
    if block.kind != "list" or block.ordered:
        return False
    headed = [item for item in block.items if item.children]
    if len(headed) < 2 or len(headed) * 2 < len(block.items):
        return False
    return all(_heads_topic(item) for item in headed)


def _heads_topic(item: Item) -> bool:
    """Return whether a list item with nested blocks is a topic: one short unlabelled line over a list."""
    text = item.text.strip()
    if not text or "\n" in text or len(text) > 120 or \
            not any(child.kind == "list" for child in item.children):
        return False
    pair = split_label(text)
    return not (it.action_label(text) is not None or it.decision_label(text) is not None or (
        pair and people_label(pair[0])))
