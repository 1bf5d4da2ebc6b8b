"""Word meeting notes (.docx): the minutes the Markdown notes reader finds in the same text.

The document is written out as the Markdown a minute-taker would have typed (headings as
``#``, bold runs as ``**..**``, list paragraphs as ``-``/``1.`` items indented four spaces per
level, ☐/☑/☒ as ``[ ]``/``[x]``, hyperlinks as ``[text](url)``, tables as pipe tables) and read
by :func:`docgen.readers.markdown_minutes.read_markdown_minutes`, so every convention of the
Markdown notes works in Word notes too. Each Markdown line remembers its Word place
("paragraph 12", "table 2, row 3"), so problems name the document's paragraph, not a Markdown
line. The core properties' title (and a date written in the title or subject) are used when
the body has none. Every file goes through :func:`docgen.ooxml.safe_zip.checked_package`.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.ooxml.docx_reading import (
    body_children,
    cell_paragraphs,
    continues_merge,
    first_outline_level,
    is_table,
    numbering,
    numbering_levels,
    style_bold,
)
from docgen.ooxml.docx_runs import Piece, paragraph_pieces
from docgen.readers.docx_markdown import PlacedLines
from docgen.readers.source import Source

# Heading styles in the languages Word localises their names into ("Titre 1", "Überschrift 1").
_HEADING = re.compile(r"(?i)^(?:heading|titre|[uü]berschrift|t[ií]tulo|titolo|kop|rubrik|otsikko|nagłówek)"
                      r"\s*([1-9])$")
_TITLE = re.compile(r"(?i)^(?:title|titre|titel|t[ií]tulo|titolo)$")
_LIST_STYLE = re.compile(r"(?i)^(?:list|liste)\s*(bullet|number|à puces|a puces|puce|numéro|numero|num)\s*(\d)?$")
_UNCHECKED = "☐□"
_CHECKED = "☑☒✅"
# A paragraph that is only a rule ("-----", "=====", "*****"): Markdown would read it as structure.
_RULE = re.compile(r"^\s*([-=*_~])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^(?:```|~~~)")
PROPERTIES = "document properties"


class NotesMarkdown(PlacedLines):
    """Word meeting notes as Markdown lines with the Word place of each line."""


# --- opening ------------------------------------------------------------------------------------

def open_document(path: Path):
    """Return the python-docx Document of ``path`` after the guarded opener's checks, or raise InputError."""
    import io

    import docx

    from docgen.readers.office_open import open_checked

    checked = open_checked(path, "docx")  # macros, encryption, bombs, DTDs refused in one line
    try:
        return docx.Document(io.BytesIO(checked.data))
    except Exception as exc:  # python-docx raises many kinds of error on a damaged package
        raise InputError.single(path, f"is not a Word document python-docx can read ({exc})") from None


# --- styles and numbering -----------------------------------------------------------------------

class _Styles:
    """What the notes need from the styles and numbering parts: heading levels, list kinds, bold."""

    def __init__(self, document) -> None:
        self.document = document
        self.formats: dict[tuple[str, int], str] = {
            key: fmt for key, (_, fmt) in numbering_levels(document).items()}
        self._bold: dict[str, bool] = {}
        self._chains: dict[str | None, list] = {}

    def chain(self, paragraph) -> list:
        """Return the paragraph's style and the styles it is based on (at most 10), looked up once per style."""
        key = paragraph._p.style  # the w:pStyle id, None for the default style
        if key not in self._chains:
            styles: list = []
            style = paragraph.style
            while style is not None and len(styles) < 10:
                styles.append(style)
                style = style.base_style
            self._chains[key] = styles
        return self._chains[key]

    def heading_level(self, paragraph, styles: list) -> int | None:
        """Return 0 for a Title paragraph, 1..9 for a heading, None for any other paragraph."""
        for style in styles:
            for name in (style.name or "", style.style_id or ""):
                name = name.strip()
                if _TITLE.match(name):
                    return 0
                match = _HEADING.match(name)
                if match:
                    return int(match.group(1))
        return first_outline_level([paragraph._p.pPr] + [s.element.pPr for s in styles])

    def list_kind(self, paragraph, styles: list) -> tuple[str, int] | None:
        """Return ("bullet" or "number", level) for a list paragraph, or None when it is not in a list.

        The paragraph's own numbering (w:numPr, level w:ilvl) comes first, then a List Bullet /
        List Number style (``List Bullet 2`` is level 1), then the numbering of its style.
        """
        own = self._numbering([paragraph._p.pPr])
        if own is not None:
            return own
        match = _LIST_STYLE.match((styles[0].name or "").strip()) if styles else None
        if match:
            kind = "bullet" if match.group(1).lower() in ("bullet", "à puces", "a puces", "puce") else "number"
            return kind, int(match.group(2)) - 1 if match.group(2) else 0
        return self._numbering([s.element.pPr for s in styles])

    def _numbering(self, nodes: list) -> tuple[str, int] | None:
        """Return (kind, level) of the first numbering found in the paragraph properties ``nodes``, or None."""
        num_id, ilvl = numbering(nodes)
        level = None
        if ilvl is not None:
            value = ilvl or "0"
            level = min(int(value), 8) if value.isdigit() else 0
        if num_id in (None, "0"):
            return None
        fmt = self.formats.get((num_id, level or 0), "bullet")
        return ("bullet" if fmt in ("bullet", "none") else "number"), level or 0

    def style_bold(self, style_id: str) -> bool:
        """Return whether the character style ``style_id`` (or one it is based on) is bold."""
        if style_id not in self._bold:
            self._bold[style_id] = style_bold(self.document, style_id)
        return self._bold[style_id]


# --- runs -------------------------------------------------------------------------------------------

def _markdown(pieces: list[Piece]) -> str:
    """Return a paragraph's pieces as Markdown (``**bold**``, ``~~struck~~``, ``[text](url)``)."""
    groups: list[Piece] = []
    for piece in pieces:
        last = groups[-1] if groups else None
        if last is not None and (last.bold, last.strike, last.url) == (piece.bold, piece.strike, piece.url):
            last.text += piece.text
        else:
            groups.append(Piece(piece.text, piece.bold, piece.strike, piece.url))
    out: list[str] = []
    index = 0
    while index < len(groups):
        url = groups[index].url
        end = index
        while end < len(groups) and groups[end].url == url:
            end += 1
        inner = "".join(_marked(g, first=not "".join(out).strip() and g is groups[index])
                        for g in groups[index:end])
        out.append(_link(inner, url) if url else inner)
        index = end
    return "".join(out)


def _marked(piece: Piece, first: bool) -> str:
    """Return one piece with its emphasis markers, blanks kept outside them (``**Label:** text``).

    A bold label inside a line (``... **Responsable :** Ana``) is written plain, as the notes
    conventions read it (``Responsable : Ana``); only the paragraph's ``first`` piece is a bold label.
    """
    text = piece.text
    core = text.strip()
    if not core or "\n" in core or not (piece.bold or piece.strike):
        return text
    if piece.bold and not first and core.endswith(":") and not piece.strike:
        return text
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    if piece.strike:
        core = f"~~{core}~~"
    if piece.bold:
        core = f"**{core}**"
    return lead + core + trail


def _link(text: str, url: str) -> str:
    """Return ``[text](url)``, or the bare address when the text is the address itself."""
    if not text.strip():
        return text
    if text.strip() in (url, url.removeprefix("mailto:")):
        return text
    target = f"<{url}>" if re.search(r"[\s()<>]", url) else url
    return f"[{text.strip()}]({target})"


# --- the document -------------------------------------------------------------------------------

def _paragraph_markdown(paragraph, styles: _Styles, part) -> str:
    return _markdown(paragraph_pieces(paragraph._p, part, styles.style_bold))


def _checkbox(text: str) -> tuple[str | None, str]:
    """Return ("[ ]" or "[x]", the rest) for a paragraph opening with a checkbox, else (None, text)."""
    stripped = text.lstrip()
    if stripped[:1] and stripped[0] in _UNCHECKED + _CHECKED:
        return ("[ ]" if stripped[0] in _UNCHECKED else "[x]"), stripped[1:].lstrip()
    return None, text


def _text_lines(text: str) -> list[str]:
    """Return the lines of a paragraph's Markdown text, a rule or a code fence kept from being structure."""
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        if _RULE.match(line):
            continue  # a typed separator line, not content
        lines.append("\\" + line if _FENCE.match(line) else line)
    return [line for line in lines if line]


class _Lists:
    """The depth and numbers of the list being written, so Word's levels become valid Markdown nesting."""

    def __init__(self) -> None:
        self.depth = -1
        self.numbers: list[int] = []

    def end(self) -> None:
        """Close the current list."""
        self.depth, self.numbers = -1, []

    def marker(self, kind: str, level: int) -> tuple[str, int]:
        """Return the item's marker (``-``, ``3.``) and its depth, at most one deeper than the item above."""
        depth = min(level, self.depth + 1)
        self.depth = depth
        del self.numbers[depth + 1:]
        self.numbers.extend([0] * (depth + 1 - len(self.numbers)))
        self.numbers[depth] += 1
        return ("-" if kind == "bullet" else f"{self.numbers[depth]}."), depth


def to_markdown(document) -> NotesMarkdown:
    """Return the Word ``document`` (python-docx) as Markdown notes with the Word place of every line."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    styles = _Styles(document)
    part = document.part
    out = NotesMarkdown()
    lists = _Lists()
    children = list(body_children(document.element.body))
    paragraphs = [Paragraph(c, document) for c in children if not is_table(c)]
    shift = int(any(styles.heading_level(p, styles.chain(p)) == 0 for p in paragraphs))
    paragraph_no = table_no = 0
    for child in children:
        if is_table(child):
            table_no += 1
            lists.end()
            out.blank()
            _add_table(out, Table(child, document), table_no, styles, part)
            out.blank()
            continue
        paragraph_no += 1
        paragraph = Paragraph(child, document)
        text = _paragraph_markdown(paragraph, styles, part)
        if not text.strip():
            continue
        place = f"paragraph {paragraph_no}"
        chain = styles.chain(paragraph)
        level = styles.heading_level(paragraph, chain)
        if level is not None:
            lists.end()
            out.blank()
            title = " ".join(text.replace("**", "").split())
            out.add(["#" * min(level + shift, 6) + " " + title], place)
            out.blank()
            continue
        box, text = _checkbox(text)
        lines = _text_lines(text)
        if not lines:
            continue
        kind = styles.list_kind(paragraph, chain) or (("bullet", 0) if box else None)
        if kind is None:
            lists.end()
            out.blank()
            out.add(lines, place)
            out.blank()
            continue
        if lists.depth < 0:
            out.blank()
        marker, depth = lists.marker(*kind)
        indent = "    " * depth
        head = f"{indent}{marker} " + (f"{box} " if box else "")
        continuation = indent + " " * (len(marker) + 1)
        out.add([head + lines[0], *(continuation + line for line in lines[1:])], place)
    out.blank()
    return out


def _cell_text(cell, styles: _Styles, part) -> str:
    """Return a table cell's text on one line, its paragraphs joined by ``<br>``."""
    from docx.text.paragraph import Paragraph

    texts = []
    for p in cell_paragraphs(cell._tc):
        text = " ".join(_paragraph_markdown(Paragraph(p, cell), styles, part).split())
        if text:
            texts.append(text)
    return " <br> ".join(texts).replace("|", "\\|")


def _add_table(out: NotesMarkdown, table, number: int, styles: _Styles, part) -> None:
    """Add ``table`` as a pipe table, its first non-empty row as header; each line at its row's place."""
    rows: list[tuple[int, list[str]]] = []
    for index, row in enumerate(table.rows, 1):
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is previous:  # python-docx repeats a cell merged across columns
                continue
            previous = cell._tc
            merged = continues_merge(cell._tc)
            cells.append("" if merged else _cell_text(cell, styles, part))
        if any(cells):
            rows.append((index, cells))
    if not rows:
        return
    width = max(len(cells) for _, cells in rows)
    for index, (row_no, cells) in enumerate(rows):
        cells = cells + [""] * (width - len(cells))
        out.add(["| " + " | ".join(cells) + " |"], f"table {number}, row {row_no}")
        if index == 0:
            out.add(["| " + " | ".join(["---"] * width) + " |"], f"table {number}, row {row_no}")


# --- the reader ---------------------------------------------------------------------------------

def _core_date(document) -> str | None:
    """Return the ISO date written in the core properties' title or subject, or None.

    The creation and modification dates are not the meeting's: a note is often started from
    last week's file or a template.
    """
    from docgen.readers.markdown_minutes.dates import find_date

    props = document.core_properties
    for text in (props.title or "", props.subject or ""):
        found = find_date(text, short_year=False) if text.strip() else None
        if found:
            return found[0]
    return None


def _read_text(text: str, path: Path) -> Source:
    """Return the Source of the Markdown notes ``text`` read as if it were the file named like ``path``."""
    from docgen.readers.markdown_minutes import read_markdown_minutes

    with tempfile.TemporaryDirectory(prefix="docgen-word-notes-") as tmp:
        markdown = Path(tmp, path.stem + ".md")
        markdown.write_text(text, encoding="utf-8")
        try:
            return read_markdown_minutes(markdown)
        except InputError as exc:
            raise InputError([Problem(str(path), p.message.replace(str(markdown), str(path)), p.line, p.key_path)
                              for p in exc.problems]) from None


def read_notes_docx(path: Path, options: object = None) -> Source:
    """Return the Source of Word meeting notes at ``path``, in meeting.yaml's shape, places as "paragraph N".

    Raise InputError for a refused or unreadable file, a document with no text, and whatever
    the Markdown notes reader refuses (no meeting date found...), named at the Word place.
    """
    path = Path(path)
    document = open_document(path)
    markdown = to_markdown(document)
    if not "".join(markdown.lines).strip():
        raise InputError.single(path, "holds no text (expected Word meeting notes)")
    try:
        try:
            source = _read_text(markdown.text, path)
        except InputError as exc:
            date = _core_date(document)
            if date is None or not any(p.message.startswith("no meeting date found") for p in exc.problems):
                raise
            # no date in the body nor the file name: the one written in the document properties
            markdown.lines[:0] = ["---", f"date: {date}", "---"]
            markdown.places = {line + 3: place for line, place in markdown.places.items()}
            markdown.places.update({1: PROPERTIES, 2: PROPERTIES, 3: PROPERTIES})
            source = _read_text(markdown.text, path)
    except InputError as exc:
        raise InputError([Problem(p.file, p.message, markdown.place_of(p.line) if isinstance(p.line, int) and p.line
                                  else p.line, p.key_path) for p in exc.problems]) from None
    lines: dict[str, int | str] = {key: markdown.place_of(line) if isinstance(line, int) else line
                                   for key, line in source.lines.items()}
    title = (document.core_properties.title or "").strip()
    if "meeting.title" not in lines and title:
        source.data["meeting"]["title"] = " ".join(title.split())
        lines["meeting.title"] = PROPERTIES
    return Source(path=path, data=source.data, lines=lines, format="docx")
