"""Lead-in sentences: a requirement ending with ":" takes in the list or paragraph it announces.

"Implementations MUST support at least the following media types:" means nothing without the
list under it, nor "REQUIRED parameters:" without the parameter that follows; a reviewer needs
both in one checklist row.
"""

from __future__ import annotations

from docgen.readers.spec_markdown.blocks import Block
from docgen.readers.spec_markdown.keywords import find_keywords

_GAP = 2  # lines from one block's end to the next's start: a blank line, no code block between


def _adjacent(before: Block, after: Block) -> bool:
    return after.line - before.linenos[-1] <= _GAP


def announced(blocks: list[Block], index: int) -> list[Block]:
    """Return the blocks that the lead-in ending ``blocks[index]`` announces, maybe none.

    That is the list items right below it (nested ones too), or else the one paragraph right
    below it; any block holding a keyword of its own, a heading or a table row stops the run,
    so every keyword stays in exactly one requirement.
    """
    lead = blocks[index]
    taken: list[Block] = []
    for block in blocks[index + 1:]:
        previous = taken[-1] if taken else lead
        if block.kind not in ("para", "item") or not _adjacent(previous, block) \
                or find_keywords(block.text):
            break
        if block.kind == "para":
            inside_item = taken and set(taken[-1].items) & set(block.items)
            if taken and not inside_item:
                break
            taken.append(block)
            if not block.items or lead.kind == "para" and not taken[:-1]:
                break
            continue
        if lead.kind == "item" and block.items[:len(lead.items)] != lead.items:
            break  # a sibling item of the lead-in, not one of its sub-items
        taken.append(block)
    return taken


def joined(blocks: list[Block]) -> str:
    """Return the announced blocks as one line, "; " after a list item without end punctuation."""
    texts = [" ".join(block.text.split()) for block in blocks]
    return "".join(text + ("" if last else " " if text[-1] in ".;:!?" else "; ")
                   for last, text in ((i == len(texts) - 1, t) for i, t in enumerate(texts)))
