"""Vote tallies: a table counting the votes for and against, captioned with what was voted.

Associations record a vote as a small table beside its caption (pandoc's ``Table: ...`` or
``: ...`` line, before or after the table)::

    Table: Procédure de vote pour l'adhésion à la fédération

    | Votent contre | 0 |
    | Votent pour | reste |

The caption is the decision, with the votes for and against as written; a tally without a
caption decides nothing that can be named, and stays in the notes only.
"""

from __future__ import annotations

import re

from docgen.readers.markdown_minutes.blocks import Block
from docgen.readers.markdown_minutes.people import clean

# the rows of a tally: the votes for, against, the abstentions and those not voting
_FOR_AGAINST = re.compile(r"(?i)^(?:votes?\s+|votent\s+|vote\s+)?(?:pour|contre|for|against|"
                          r"in favou?r|yes|no|oui|non)$")
_OTHER = re.compile(r"(?i)^(?:abstentions?|s['’]abstien(?:t|nent)|abstain\w*|blancs?|nuls?|"
                    r"ne prend(?:s|nent)? pas part(?: au vote)?|did not vote|not voting)$")
_CAPTION = re.compile(r"^\s*(?:Table\s*)?:\s+(?P<text>\S.*)$")


def _label(row: list[str]) -> str:
    return clean(row[0]) if row else ""


def tally_decision(blocks: list[Block], index: int, taken: Block | None) -> tuple[str, Block] | None:
    """Return the decision the vote tally ``blocks[index]`` records and the caption it took, or None.

    The decision is the caption (the block before the table, else the one after) and the votes
    for and against; ``taken`` is a caption the table before already took (between two tables,
    a caption is the first one's).
    """
    votes = _votes(blocks[index])
    if not votes:
        return None
    before = blocks[index - 1] if index and blocks[index - 1] is not taken else None
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    block = before if _caption(before) else after
    caption = _caption(block)
    if caption is None or block is None:
        return None
    counts = ", ".join(f"{_label(row)} : {clean(row[1])}" for row in votes if len(row) > 1)
    return (f"{caption} ({counts})" if counts else caption), block


def _votes(table: Block) -> list[list[str]]:
    """Return the rows for and against of a vote tally ([] when ``table`` is no tally)."""
    if table.kind != "table":
        return []
    votes = [row for row in table.rows if _FOR_AGAINST.match(_label(row))]
    others = [row for row in table.rows if _OTHER.match(_label(row))]
    return votes if votes and len(votes) + len(others) >= 2 else []


def _caption(block: Block | None) -> str | None:
    """Return the caption a one-line paragraph gives a table ("Table: X", ": X"), or None."""
    if block is None or block.kind != "para" or "\n" in block.text.strip():
        return None
    m = _CAPTION.match(block.text)
    return clean(m.group("text")).rstrip(" .") if m else None
