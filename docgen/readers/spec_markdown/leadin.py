"""Lead-ins: the sentences ending with ":" that announce a list or a paragraph.

Two directions. A requirement ending with ":" takes in the keyword-free list or paragraph it
announces ("Implementations MUST support at least the following media types:" means nothing
without the list under it). And a requirement in a list item is prefixed by the keyword-free
lead-ins it sits under, as in the Lightning BOLTs' "The sending node: / if ...: / - MUST ...",
so that "MUST close the connection." reads "A receiving node: upon receiving a message of
_even_, unknown type: MUST close the connection." A reviewer needs both in one checklist row.
Keywords never move: a lead-in holding one is a requirement of its own and is not repeated.
"""

from __future__ import annotations

from docgen.readers.spec_markdown.blocks import Block
from docgen.readers.spec_markdown.keywords import find_keywords
from docgen.readers.spec_markdown.sentences import split_sentences

_GAP = 2  # lines from one block's end to the next's start: a blank line, no code block between


def _adjacent(before: Block, after: Block) -> bool:
    return after.line - before.linenos[-1] <= _GAP


def _head(block: Block) -> Block | None:
    """Return a copy of ``block`` cut before its first keyword sentence, or None if empty."""
    text = block.text
    start = next(begin for begin, end in split_sentences(text) if find_keywords(text[begin:end]))
    head = text[:start].strip()
    return Block(block.kind, [head], block.linenos[:1], items=block.items) if head else None


def _sibling_head(block: Block, taken: list[Block]) -> Block | None:
    """Return the keyword-free head of ``block`` if it is a sibling of the items taken, else
    None (a block holding a keyword of its own then stops the run)."""
    sibling = block.kind == "item" and bool(taken) and taken[0].kind == "item" \
        and len(block.items) == len(taken[0].items)
    return _head(block) if sibling else None


def _paragraph_taken(lead: Block, block: Block, taken: list[Block]) -> tuple[bool, bool]:
    """Return whether a keyword-free paragraph is taken and whether the run goes on after it.

    The first paragraph is taken, and a later one inside the item just taken; the run goes on
    only inside a list, and never after the one paragraph a paragraph lead-in announces.
    """
    if taken and not set(taken[-1].items) & set(block.items):
        return False, False
    return True, bool(block.items) and not (lead.kind == "para" and not taken)


def announced(blocks: list[Block], index: int) -> list[Block]:
    """Return the blocks that the lead-in ending ``blocks[index]`` announces, maybe none.

    That is the list items right below it (nested ones too), or else the one paragraph right
    below it; a heading or a table row stops the run. A block holding a keyword of its own
    stops it too, except a sibling item that opens with keyword-free sentences: those are
    taken (the item's keyword sentences stay requirements of their own) and the run goes on,
    so "MUST be supported: `r`...; `a`...; `l`..." keeps every item the lead-in lists.
    """
    lead = blocks[index]
    taken: list[Block] = []
    last, skip = lead, None  # skip: an item whose own sub-blocks are passed over
    for block in blocks[index + 1:]:
        if block.kind not in ("para", "item") or not _adjacent(last, block):
            break
        if skip is not None and skip in block.items:
            last = block
            continue
        skip = None
        if find_keywords(block.text):
            head = _sibling_head(block, taken)
            if head is None:
                break
            taken.append(head)
            last, skip = block, block.items[-1]
            continue
        if block.kind == "para":
            take, go_on = _paragraph_taken(lead, block, taken)
            if take:
                taken.append(block)
                last = block
            if not go_on:
                break
            continue
        if lead.kind == "item" and block.items[:len(lead.items)] != lead.items:
            break  # a sibling item of the lead-in, not one of its sub-items
        taken.append(block)
        last = block
    return taken


def joined(blocks: list[Block]) -> str:
    """Return the announced blocks as one line, "; " after a list item without end punctuation."""
    texts = [" ".join(block.text.split()) for block in blocks]
    return "".join(text + ("" if last else " " if text[-1] in ".;:!?" else "; ")
                   for last, text in ((i == len(texts) - 1, t) for i, t in enumerate(texts)))


def _lead_in(block: Block) -> str | None:
    """Return the last sentence of a keyword-free ``block`` ending with ":", else None."""
    text = block.text.rstrip()
    if not text.endswith(":") or find_keywords(text):
        return None
    begin, end = split_sentences(text)[-1]
    return text[begin:end]


class Context:
    """Finds the lead-ins that list items and their paragraphs sit under, in one document."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.heads = {b.items[-1]: i for i, b in enumerate(blocks) if b.kind == "item"}
        self.intros: dict[int, str | None] = {}
        self.starts: dict[int, int] = {}  # outermost item -> first block of its list

    def of(self, index: int) -> str:
        """Return the lead-ins announcing ``blocks[index]``, outermost first, or "".

        They are the enclosing list items, nearest first, as long as each is keyword-free and
        ends with ":", then the paragraph ending with ":" right above the outermost list.
        """
        block = self.blocks[index]
        chain = block.items[:-1] if block.kind == "item" else block.items
        parts: list[str] = []
        for number in reversed(chain):
            head = self.heads.get(number)  # None for an admonition's body, which has no item
            lead = _lead_in(self.blocks[head]) if head is not None else None
            if lead is None:
                return " ".join(reversed(parts))
            parts.append(lead)
        if block.items and block.items[0] in self.heads:
            intro = self._intro(self.heads[block.items[0]])
            if intro:
                parts.append(intro)
        return " ".join(reversed(parts))

    def _intro(self, top: int) -> str | None:
        """Return the lead-in paragraph of the list holding the item ``blocks[top]``, if any."""
        start = top
        while start > 0 and self.blocks[start - 1].items and \
                self.blocks[start - 1].kind in ("para", "item"):
            start -= 1
            if start in self.starts:  # an earlier item of the same list: linear, not quadratic
                start = self.starts[start]
                break
        self.starts[top] = start
        if start not in self.intros:
            before = self.blocks[start - 1] if start > 0 else None
            if before is not None and before.kind == "para" and not before.items \
                    and _adjacent(before, self.blocks[start]):
                self.intros[start] = _lead_in(before)
            else:
                self.intros[start] = None
        return self.intros[start]
