"""The sentence rule inside table cells, for keyword mode.

A table row is read like prose: each keyword sentence of each cell is one requirement. A cell
is cut into sentences at ``<br>`` line breaks, around an italic note (``*Note: ...*``, a
sentence of its own whatever it holds) and by the prose sentence rule; a cell that is only a
level word (``OPTIONAL``) is a sentence. A row holding one keyword sentence is one requirement,
its text the whole row; a row holding several gives one requirement per keyword sentence,
suffixed ``a``, ``b``... from the row's id, each showing the row's keyword-free cells and
sentences as context with its own sentence in its place, so no keyword is repeated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docgen.readers.spec_markdown.ids import table_cells
from docgen.readers.spec_markdown.keywords import find_keywords
from docgen.readers.spec_markdown.sentences import split_sentences

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# *Note: ...* or _Note, ..._ (italic, not bold): the closing mark is not followed by a word.
_NOTE = re.compile(r"(?<![\w*_])([*_])(?:Note|NOTE|note)\b(?:(?!\1).)*\1(?![\w*])")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cell: its text and whether it holds a keyword."""

    text: str
    keyword: bool


def _prose(part: str) -> list[str]:
    """Return the sentences of a cell part without italic notes."""
    return [part[start:end] for start, end in split_sentences(part)]


def cell_sentences(cell: str) -> list[Sentence]:
    """Return the sentences of table ``cell`` in order (see the module for where it is cut)."""
    if not find_keywords(cell):  # its sentences are context only: no need to cut it
        return [Sentence(cell, False)] if cell else []
    texts: list[str] = []
    for part in _BREAK.split(cell):
        position = 0
        for note in _NOTE.finditer(part):
            texts += _prose(part[position:note.start()])
            texts.append(note.group(0))
            position = note.end()
        texts += _prose(part[position:])
    return [Sentence(text, bool(find_keywords(text))) for text in texts]


def _shown(sentences: list[Sentence], keep: Sentence | None) -> str:
    """Return a cell as the keyword-free sentences and ``keep``, in their order."""
    return " ".join(s.text for s in sentences if not s.keyword or s is keep)


def row_pieces(row: str) -> list[str]:
    """Return the texts of the requirements of a table row: one, or one per keyword sentence."""
    texts = table_cells(row)
    cells = [cell_sentences(cell) for cell in texts]
    keyed = [(index, s) for index, cell in enumerate(cells) for s in cell if s.keyword]
    if len(keyed) <= 1:
        return [" | ".join(text for text in texts if text)] if keyed else []
    pieces = []
    for where, sentence in keyed:
        shown = [_shown(cell, sentence if index == where else None)
                 for index, cell in enumerate(cells)]
        pieces.append(" | ".join(text for text in shown if text))
    return pieces


def suffix(number: int) -> str:
    """Return the letter suffix of the ``number``-th piece of a row: a, b, ..., z, aa, ab..."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
