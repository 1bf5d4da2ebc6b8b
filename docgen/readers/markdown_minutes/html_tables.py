"""HTML tables written inside Markdown notes (GitBook, Notion and wiki exports), read as rows.

``<table><tr><td>Chair</td><td>Samuel Leathers</td></tr>...`` becomes the rows a Markdown
table gives: one list of cell texts per row, header first. Paragraphs and ``<br>`` inside a
cell become line breaks; entities are decoded; any other markup is dropped. The stdlib
parser reads the text once, so this is linear in its size.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_TABLE = re.compile(r"^\s*<table\b", re.IGNORECASE)


class _Rows(HTMLParser):
    """Collects the cell texts of every row of the tables in one HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag in ("br", "p", "li") and self._cell is not None and "".join(self._cell).strip():
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            text = "\n".join(" ".join(line.split()) for line in "".join(self._cell).split("\n"))
            self._row.append(text.strip("\n"))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if any(cell.strip() for cell in self._row):
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data.replace("\u200b", ""))


def html_table_rows(html: str) -> list[list[str]] | None:
    """Return the rows of the HTML table(s) in ``html``, or None when it holds no table."""
    if not _TABLE.match(html):
        return None
    parser = _Rows()
    parser.feed(html)
    parser.close()
    return parser.rows or None
