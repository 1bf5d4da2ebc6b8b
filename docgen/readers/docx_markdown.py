"""A Word document as the Markdown the specification reader reads, with the place of every line.

Headings (Heading 1..9, localised "Titre 1", or an outline level) become ``#`` headings, with
the number Word shows when the heading style is auto-numbered; list paragraphs (numbering or a
List style) become ``-`` items indented by their level; other paragraphs stay paragraphs, and
tables become pipe tables. Title, subtitle, table-of-contents, quote and code paragraphs hold
no requirement and are left out, as block quotes and code are in Markdown. A table whose
header names an id and a text column is a requirement matrix: it is kept apart and read by its
columns. Each Markdown line maps to "paragraph N" or "table T, row R" for messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.ooxml.docx_reading import body_children, is_table, numbering, numbering_levels, outline_level
from docgen.readers.matrix_columns import MatrixRow, header_columns

_HEADING = re.compile(r"^(?:heading|titre|uberschrift|titulo|titolo|kop|rubrik|otsikko)\s*([1-9])$")
_SKIPPED = re.compile(r"^(?:title|titre|subtitle|sous-titre|toc.*|table des matieres.*|header|footer|"
                      r"en-tete|pied de page|quote|intense quote|citation|citation intense|macro|"
                      r".*\bcode\b.*|html preformatted)$")
_LIST_STYLE = re.compile(r"^(?:list|liste)\b.*?(\d)?$")
# A line the Markdown scanner would read as structure: escaped so it stays text.
_STRUCTURE = re.compile(r"^(?:[#>*+=|<{:!%~`\[\\_-]|\d{1,9}[.)](?:\s|$))")


@dataclass
class WordTable:
    """A requirement matrix found in the document: its header columns, rows and Markdown line."""

    number: int
    line: int
    columns: dict[str, int]
    rows: list[MatrixRow]


@dataclass
class PlacedLines:
    """A Word document as Markdown lines with the Word place of each line (1-based line -> place).

    Shared by the Word readers (specifications here, meeting notes in notes_docx), so errors
    found in the Markdown name the paragraph or table row of the Word file.
    """

    lines: list[str] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """Return the Markdown text."""
        return "\n".join(self.lines) + "\n"

    def add(self, lines: list[str], place: str) -> None:
        """Append ``lines``, each at ``place``."""
        for line in lines:
            self.lines.append(line)
            self.places[len(self.lines)] = place

    def blank(self) -> None:
        """End the current block with a blank line (once)."""
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def place_of(self, line: int) -> str:
        """Return the Word place of Markdown ``line`` (that of the nearest line above it with one)."""
        while line > 0 and line not in self.places:
            line -= 1
        return self.places.get(line, "paragraph 1")


@dataclass
class WordMarkdown(PlacedLines):
    """A Word specification as Markdown lines and places, its title and its requirement tables."""

    title: tuple[str, str] | None = None  # (text, place)
    tables: list[WordTable] = field(default_factory=list)

    def add(self, block: list[str], place: str) -> None:
        """Append one block of lines (and a blank line after it), every line at ``place``."""
        super().add(block, place)
        self.lines.append("")


def _names(style) -> list[str]:
    """Return the normalised names and ids of ``style`` and of the styles it is based on."""
    from docgen.readers.matrix_columns import normalise

    names: list[str] = []
    seen = 0
    while style is not None and seen < 10:
        names += [normalise(style.name), normalise(style.style_id)]
        style, seen = style.base_style, seen + 1
    return names


def _num_pr(paragraph) -> tuple[str, int] | None:
    """Return (numId, level) of the numbering of ``paragraph`` (its own or its style's), or None."""
    nodes = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None and len(nodes) < 10:
        nodes.append(style.element.pPr)
        style = style.base_style
    num_id, ilvl = numbering(nodes)
    level = int(ilvl or 0) if ilvl is not None else None
    return (num_id, level or 0) if num_id not in (None, "0") else None


def escape_line(line: str) -> str:
    """Return one line of Word text that the Markdown scanner reads as text, not as structure."""
    line = line.strip()
    return "\\" + line if _STRUCTURE.match(line) else line


def paragraph_text(paragraph) -> str:
    """Return a paragraph's text, its hyperlinks written as Markdown links."""
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        text = item.text
        url = getattr(item, "url", None)
        parts.append(f"[{text}]({url})" if url and text.strip() else text)
    return "".join(parts).replace("\t", " ")


class _HeadingNumbers:
    """Numbers of auto-numbered headings, as Word shows them from the numbering definitions."""

    def __init__(self, document) -> None:
        self.counters: dict[str, list[int]] = {}
        self.formats: dict[tuple[str, int], tuple[str, str]] = numbering_levels(document)

    def number(self, num: tuple[str, int]) -> str:
        """Return the number Word shows for a heading numbered ``num`` (numId, level), or ""."""
        num_id, level = num
        counters = self.counters.setdefault(num_id, [])
        del counters[level + 1:]
        counters.extend([0] * (level + 1 - len(counters)))
        counters[level] += 1
        pattern, fmt = self.formats.get(num, ("", "none"))
        if fmt != "decimal" or not pattern:
            return ""
        return re.sub(r"%(\d)", lambda m: str(counters[int(m.group(1)) - 1])
                      if int(m.group(1)) - 1 < len(counters) else "", pattern).strip()


def _cells(row) -> list[str]:
    """Return the texts of a table row's cells, a cell merged across columns once."""
    texts, previous = [], None
    for cell in row.cells:
        if cell._tc is previous:  # python-docx repeats a cell merged across columns
            continue
        previous = cell._tc
        texts.append(" ".join(paragraph_text(p).strip() for p in cell.paragraphs if p.text.strip()))
    return texts


def _pipe_row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def to_markdown(document) -> WordMarkdown:
    """Return the Word ``document`` (python-docx) as Markdown with the place of every line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = WordMarkdown()
    numbers = _HeadingNumbers(document)
    paragraph_no = table_no = 0
    for child in body_children(document.element.body):
        if is_table(child):
            table_no += 1
            _add_table(out, Table(child, document), table_no)
            continue
        paragraph_no += 1
        paragraph = Paragraph(child, document)
        text = paragraph_text(paragraph).strip()
        if not text:
            continue
        place = f"paragraph {paragraph_no}"
        names = _names(paragraph.style)
        level = next((int(m.group(1)) for n in names if (m := _HEADING.match(n))), None)
        level = outline_level(paragraph._p.pPr) or level
        if level is None and any(n in ("title", "titre") for n in names[:2]):
            out.title = out.title or (" ".join(text.split()), place)
            continue
        if level is None and any(_SKIPPED.match(n) for n in names[:2]):
            continue
        num = _num_pr(paragraph)
        if level is not None:
            number = numbers.number(num) if num else ""
            title = " ".join(text.split())
            if number and not title.startswith(number):
                title = f"{number} {title}"
            out.add(["#" * min(level, 6) + " " + escape_line(title)], place)
            continue
        depth = _list_depth(names, num)
        lines = [escape_line(part) for part in text.split("\n") if part.strip()]
        if depth is None:
            out.add(lines, place)
        else:
            indent = "  " * depth
            out.add([indent + "- " + lines[0], *(indent + "  " + line for line in lines[1:])], place)
    return out


def _list_depth(names: list[str], num: tuple[str, int] | None) -> int | None:
    """Return the nesting depth (0 = top) of a list paragraph, or None when it is not in a list."""
    match = next((m for n in names[:2] if (m := _LIST_STYLE.match(n))), None)
    styled = None
    if match is not None and "continue" not in names[0]:
        styled = int(match.group(1)) - 1 if match.group(1) else 0  # "List Number 2": level 2
    if num is not None:
        return max(num[1], styled or 0)
    return None if styled is None or "paragraph" in names[0] else styled


def _add_table(out: WordMarkdown, table, number: int) -> None:
    """Add a table: a requirement matrix is kept for reading by columns, any other as a pipe table."""
    numbered = [(r, cells) for r, cells in enumerate((_cells(row) for row in table.rows), 1) if any(cells)]
    for index, (_, cells) in enumerate(numbered[:3]):
        columns = header_columns(cells)
        if columns:
            data = [MatrixRow(list[object](cells), f"table {number}, row {r}",
                              [f"table {number}, row {r}"] * len(cells))
                    for r, cells in numbered[index + 1:]]
            out.tables.append(WordTable(number, len(out.lines) + 1, columns, data))
            out.add([], f"table {number}")
            return
    if not numbered:
        return
    width = max(len(cells) for _, cells in numbered)
    rows = [cells + [""] * (width - len(cells)) for _, cells in numbered]
    block = [_pipe_row(rows[0]), _pipe_row(["---"] * width), *(_pipe_row(c) for c in rows[1:])]
    out.add(block, f"table {number}, row {numbered[0][0]}")
    first = len(out.lines) - len(block)  # 1-based line of the header row
    for offset, (r, _) in enumerate(numbered[1:], 2):
        out.places[first + offset] = f"table {number}, row {r}"
