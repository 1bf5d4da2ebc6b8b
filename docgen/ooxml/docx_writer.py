"""A fast Word writer: document.xml is built as text on a reference document's styles.

python-docx's object API costs milliseconds per table row; building WordprocessingML directly
costs microseconds, which batch runs and 5,000-row checklists need. Everything that knows the
XML of paragraphs, runs, tables, lists, hyperlinks and sections lives here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docgen.ooxml.docx_package import BULLET_NUM_ID, NS, assemble
from docgen.ooxml.package import core_properties_xml, deflate_stream
from docgen.ooxml.reference import ReferenceDocx, section_text_width
from docgen.ooxml.xmltext import esc
from docgen.output import atomic_write_bytes
from docgen.richtext import Block, Run, parse

Content = str | list[Run] | list[Block] | None


@dataclass(frozen=True)
class Cell:
    """A table cell: its content, and optional shading, bold text, font colour and alignment."""

    content: Content = ""
    fill: str | None = None
    bold: bool = False
    color: str | None = None
    align: str | None = None
    markdown: bool = False


def run_xml(run: Run, extra_rpr: str = "") -> str:
    """Return the w:r XML of ``run`` (hyperlinks are wrapped by the caller)."""
    props = extra_rpr
    if run.href:
        props = '<w:rStyle w:val="Hyperlink"/>' + props
    elif run.code:
        props = '<w:rStyle w:val="CodeChar"/>' + props
    if run.bold:
        props += "<w:b/><w:bCs/>"
    if run.italic:
        props += "<w:i/><w:iCs/>"
    if run.strike:
        props += "<w:strike/>"
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    if "\n" in run.text:
        pieces = [f'<w:t xml:space="preserve">{esc(p)}</w:t>' for p in run.text.split("\n")]
        return f"<w:r>{rpr}{'<w:br/>'.join(pieces)}</w:r>"
    return f'<w:r>{rpr}<w:t xml:space="preserve">{esc(run.text)}</w:t></w:r>'


# A paragraph's style, after which w:keepNext goes (the order of w:pPr's children).
KEEP_NEXT = re.compile(r'(<w:pPr><w:pStyle w:val="[^"]*"/>)(?!<w:keepNext/>)')  # once: a heading has its own
# Fewer rows than this are kept on one page whole.
WHOLE_TABLE_ROWS = 5


def column_alignments(rows: Sequence[Sequence[Cell | Content]], count: int) -> list[str | None]:
    """Return each column's alignment when all its filled cells share it (numbers right: their heading too)."""
    found: list[set[str | None]] = [set() for _ in range(count)]
    for row in rows:
        for index, cell in enumerate(row[:count]):
            if isinstance(cell, Cell):
                if cell.content not in ("", None):
                    found[index].add(cell.align)
            elif cell not in ("", None):
                found[index].add(None)
    return [next(iter(aligns)) if len(aligns) == 1 else None for aligns in found]


def kept_with_next(count: int) -> set[int]:
    """Return the indexes of the body rows kept on the page of the row after them.

    No page holds only one or two rows of a table: the first three rows stay together, and the
    last three; a table of fewer than :data:`WHOLE_TABLE_ROWS` rows stays whole. (The header row
    repeats on every page.)
    """
    if count < WHOLE_TABLE_ROWS:
        return set(range(count - 1))
    return {0, 1, count - 3, count - 2}


class DocxBuilder:
    """Accumulates a document body on a reference document, then writes a reproducible .docx."""

    def __init__(self, reference: ReferenceDocx, landscape: bool = False):
        self.ref = reference
        # XML strings, or iterables of them consumed only when the document is written (stream).
        self.body: list[str | Iterable[str]] = []
        self._links: dict[str, str] = {}
        self._numbered_lists: dict[tuple, int] = {}
        self._sect_pr = reference.landscape_sect_pr() if landscape else reference.sect_pr
        self._list_scope = 0

    # -- inline ---------------------------------------------------------------------------
    def runs(self, content: Content, extra_rpr: str = "") -> str:
        """Return the XML of ``content`` (text or runs) as runs, hyperlinks registered."""
        if content is None:
            return ""
        if isinstance(content, str):
            return run_xml(Run(content), extra_rpr) if content else ""
        out = []
        for run in content:
            if isinstance(run, Block):
                out.append(self.runs(run.runs, extra_rpr))
            elif run.href:
                out.append(f'<w:hyperlink r:id="{self._link(run.href)}" w:history="1">'
                           f"{run_xml(run, extra_rpr)}</w:hyperlink>")
            else:
                out.append(run_xml(run, extra_rpr))
        return "".join(out)

    def _link(self, url: str) -> str:
        rid = self._links.get(url)
        if rid is None:
            rid = self._links[url] = f"rIdL{len(self._links) + 1}"
        return rid

    # -- paragraphs -----------------------------------------------------------------------
    def paragraph_xml(self, content: Content, style: str | None = None, *, align: str | None = None,
                      keep_next: bool = False, num: tuple[int, int] | None = None,
                      extra_rpr: str = "", indent: int | None = None) -> str:
        """Return the XML of one paragraph with ``content`` in paragraph style ``style``."""
        ppr = f'<w:pStyle w:val="{self.ref.style_id(style)}"/>' if style else ""
        if keep_next:
            ppr += "<w:keepNext/>"
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if indent is not None:
            ppr += f'<w:ind w:left="{indent}"/>'
        if align:
            ppr += f'<w:jc w:val="{align}"/>'
        ppr = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
        return f"<w:p>{ppr}{self.runs(content, extra_rpr)}</w:p>"

    def paragraph(self, content: Content, style: str | None = None, **kwargs) -> None:
        """Append a paragraph (see :meth:`paragraph_xml`)."""
        self.body.append(self.paragraph_xml(content, style, **kwargs))

    def heading(self, content: Content, level: int = 1) -> None:
        """Append a heading in the style "Heading <level>"."""
        self.body.append(self.paragraph_xml(content, f"Heading {level}"))

    def bullet(self, content: Content, level: int = 0) -> None:
        """Append a bulleted paragraph at list ``level`` (0 = top)."""
        self.body.append(self.paragraph_xml(content, "List Paragraph", num=(BULLET_NUM_ID, level)))

    def stream(self, chunks: Iterable[str]) -> None:
        """Append the XML strings ``chunks`` will produce, read only when the document is written.

        A long table is then never held whole: its rows go to the compressor as they are made.
        Hyperlinks and numbered lists it registers are numbered when it is read, so nothing
        appended after it should register any (a stream is the end of a document).
        """
        self.body.append(chunks)

    def page_break(self) -> None:
        """Append a page break."""
        self.body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def markdown(self, text: str | None, indent_level: int = 0) -> None:
        """Append Markdown ``text`` as paragraphs, nested lists, quotes and code."""
        self.body.extend(self.markdown_xml(text, indent_level))

    def markdown_xml(self, text: str | list[Block] | None, indent_level: int = 0,
                     style: str | None = None) -> list[str]:
        """Return the paragraphs of Markdown ``text`` (or parsed blocks) as XML strings."""
        blocks = parse(text) if isinstance(text, str) or text is None else text
        self._list_scope += 1
        out = []
        for block in blocks:
            level = min(block.level + indent_level, 8)
            if block.kind in ("bullet", "number"):
                num = self._num_id(block)
                out.append(self.paragraph_xml(block.runs, "List Paragraph", num=(num, level)))
            elif block.kind == "quote":
                out.append(self.paragraph_xml(block.runs, "Quote"))
            elif block.kind == "code":
                out.append(self.paragraph_xml(block.runs[0].text if block.runs else "", "Code"))
            elif block.kind == "heading":
                out.append(self.paragraph_xml(block.runs, style, keep_next=True,
                                              extra_rpr="<w:b/><w:bCs/>"))
            else:
                indent = 360 * level + 360 if level else None
                out.append(self.paragraph_xml(block.runs, style, indent=indent))
        return out

    def _num_id(self, block: Block) -> int:
        if block.kind == "bullet":
            return BULLET_NUM_ID
        key = (self._list_scope, block.list_id)
        if key not in self._numbered_lists:
            self._numbered_lists[key] = BULLET_NUM_ID + 1 + len(self._numbered_lists)
        return self._numbered_lists[key]

    # -- tables ---------------------------------------------------------------------------
    def table(self, header: list[str] | None, rows: Sequence[Sequence[Cell | Content]],
              widths: list[float], style: str = "docgen Table", header_fill: str | None = "style",
              text_style: str = "Table Text", header_style: str = "Table Heading",
              width: int | None = None) -> None:
        """Append a table; ``widths`` are relative column weights; the header row repeats on each page.

        The header fill comes from the table style's first-row shading unless ``header_fill``
        names a colour (or None for none).
        """
        self.body.append(self.table_xml(header, rows, widths, style, header_fill, text_style,
                                        header_style, width))

    def table_xml(self, header, rows, widths, style="docgen Table", header_fill="style",
                  text_style="Table Text", header_style="Table Heading", width=None) -> str:
        """Return the w:tbl XML of a table (see :meth:`table`)."""
        total = width or self.text_width
        weight = sum(widths) or 1
        cols = [int(total * w / weight) for w in widths]
        text_sid = self.ref.style_id(text_style)
        parts = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.ref.style_id(style)}"/>'
                 f'<w:tblW w:w="{sum(cols)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                 '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
                 'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
        parts.extend(f'<w:gridCol w:w="{c}"/>' for c in cols)
        parts.append("</w:tblGrid>")
        if header:
            if header_fill == "style":
                header_fill = self.ref.header_fill(style)
            head_sid = self.ref.style_id(header_style)
            fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/>' if header_fill else ""
            parts.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>")
            for text, col, align in zip(header, cols, column_alignments(rows, len(cols))):
                jc = f'<w:jc w:val="{align}"/>' if align else ""
                parts.append(f'<w:tc><w:tcPr><w:tcW w:w="{col}" w:type="dxa"/>{fill}</w:tcPr>'
                             f'<w:p><w:pPr><w:pStyle w:val="{head_sid}"/>{jc}</w:pPr>'
                             f"{self.runs(text)}</w:p></w:tc>")
            parts.append("</w:tr>")
        kept = kept_with_next(len(rows))
        for index, row in enumerate(rows):
            parts.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            cells = "".join(self._cell_xml(cell, col, text_sid) for cell, col in zip(row, cols))
            parts.append(KEEP_NEXT.sub(r"\1<w:keepNext/>", cells) if index in kept else cells)
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        # Word needs a paragraph between two consecutive tables and after a final table.
        parts.append('<w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>')
        return "".join(parts)

    def _cell_xml(self, cell: Cell | Content, width: int, text_sid: str) -> str:
        if not isinstance(cell, Cell):
            cell = Cell(cell)
        tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
        if cell.fill:
            tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>'
        extra = ("<w:b/><w:bCs/>" if cell.bold else "") + (
            f'<w:color w:val="{cell.color}"/>' if cell.color else "")
        jc = f'<w:jc w:val="{cell.align}"/>' if cell.align else ""
        content = cell.content
        if cell.markdown and isinstance(content, str):
            content = parse(content)
        if isinstance(content, list) and content and isinstance(content[0], Block):
            paras = self.markdown_xml(content, style="Table Text")
            body = "".join(paras) or f'<w:p><w:pPr><w:pStyle w:val="{text_sid}"/></w:pPr></w:p>'
        else:
            body = (f'<w:p><w:pPr><w:pStyle w:val="{text_sid}"/>{jc}</w:pPr>'
                    f"{self.runs(content, extra)}</w:p>")
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"

    def info_table(self, pairs: list[tuple[str, Content]]) -> None:
        """Append a two-column label/value block (the title block of a document)."""
        rows = [[Cell(label, bold=True, color="595959"), value] for label, value in pairs if value]
        if rows:
            self.table(None, rows, [1, 3], style="docgen Info Table", header_fill=None)

    @property
    def text_width(self) -> int:
        """Return the width between margins of the current section, in twips."""
        return section_text_width(self._sect_pr)

    def section(self, landscape: bool) -> None:
        """End the current section and start a new one in portrait or landscape."""
        self.body.append(f"<w:p><w:pPr>{self._sect_pr}</w:pPr></w:p>")
        self._sect_pr = self.ref.landscape_sect_pr() if landscape else self.ref.sect_pr

    # -- package --------------------------------------------------------------------------
    def document_chunks(self) -> Iterator[str]:
        """Return (as a generator) the text of word/document.xml, piece by piece, streams read."""
        yield f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {NS}><w:body>'
        for part in self.body:
            if isinstance(part, str):
                yield part
            else:
                yield from part
        yield f"{self._sect_pr}</w:body></w:document>"

    def to_bytes(self, title: str, tokens: dict[str, str], when: datetime,
                 subject: str = "") -> bytes:
        """Return the finished .docx as bytes; ``tokens`` fill {title}, {date}... in header/footer.

        word/document.xml is compressed as it is produced (never held whole); the relationships
        and numbering follow once it is done, with every hyperlink and list it registered.
        """
        document = deflate_stream(self.document_chunks())
        return assemble(self.ref.parts, document, self._links, sorted(self._numbered_lists.values()),
                        tokens, core_properties_xml(title, subject, when=when))

    def save(self, dest: Path, title: str, tokens: dict[str, str], when: datetime,
             subject: str = "") -> Path:
        """Write the .docx to ``dest`` atomically and return ``dest``."""
        return atomic_write_bytes(dest, self.to_bytes(title, tokens, when, subject))
