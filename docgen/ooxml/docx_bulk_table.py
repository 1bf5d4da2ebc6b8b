"""Long Word tables written row by row from pre-built cell XML: the fast path for big tables.

:meth:`DocxBuilder.table` handles any cell content through one generic path; a table of
thousands of rows spends most of its time there. :class:`BulkTable` computes every cell's
properties once per column, lets callers reuse a finished cell (a status cell is the same for
every row with that status), and writes plain text without building run objects.
"""

from __future__ import annotations

from docgen.ooxml.docx_writer import KEEP_NEXT, DocxBuilder
from docgen.ooxml.xmltext import esc
from docgen.richtext import Run

_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"


class BulkTable:
    """A table on ``doc`` with fixed column ``widths`` (relative weights) and a repeated header."""

    def __init__(self, doc: DocxBuilder, widths: list[float], style: str = "docgen Table",
                 text_style: str = "Table Text", header_style: str = "Table Heading",
                 header_fill: str | None = None):
        self.doc = doc
        total = doc.text_width
        weight = sum(widths) or 1
        self.cols = [int(total * w / weight) for w in widths]
        self.style_id = doc.ref.style_id(style)
        self.text_sid = doc.ref.style_id(text_style)
        self.head_sid = doc.ref.style_id(header_style)
        self.header_fill = header_fill or doc.ref.header_fill(style)
        # The opening of each column's cell up to the paragraph's runs.
        self._open = [f'<w:tc><w:tcPr><w:tcW w:w="{c}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                      f'<w:pStyle w:val="{self.text_sid}"/></w:pPr>' for c in self.cols]

    def start(self, header: list[str]) -> str:
        """Return the table's opening XML: properties, grid and the repeated header row."""
        grid = "".join(f'<w:gridCol w:w="{c}"/>' for c in self.cols)
        fill = f'<w:shd w:val="clear" w:color="auto" w:fill="{self.header_fill}"/>'
        head = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{c}" w:type="dxa"/>{fill}</w:tcPr><w:p><w:pPr>'
            f'<w:pStyle w:val="{self.head_sid}"/></w:pPr><w:r><w:t xml:space="preserve">'
            f"{esc(text)}</w:t></w:r></w:p></w:tc>" for text, c in zip(header, self.cols))
        return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id}"/>'
                f'<w:tblW w:w="{sum(self.cols)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
                f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}'
                f"</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{head}</w:tr>")

    @staticmethod
    def end() -> str:
        """Return the table's closing XML (and the paragraph Word needs after a table)."""
        return '</w:tbl><w:p><w:pPr><w:spacing w:after="0"/></w:pPr></w:p>'

    def text(self, column: int, text: str | None, bold: bool = False) -> str:
        """Return the cell XML of plain ``text`` in ``column`` (0-based)."""
        if not text:
            return self._open[column] + "</w:p></w:tc>"
        return (f'{self._open[column]}<w:r>{_BOLD if bold else ""}<w:t xml:space="preserve">'
                f"{esc(text)}</w:t></w:r></w:p></w:tc>")

    def runs(self, column: int, runs: list[Run]) -> str:
        """Return the cell XML of formatted ``runs`` (hyperlinks registered) in ``column``."""
        if not runs:
            return self._open[column] + "</w:p></w:tc>"
        if len(runs) == 1:
            run = runs[0]
            if not (run.href or run.bold or run.italic or run.code or run.strike
                    or "\n" in run.text):
                return self.text(column, run.text)
        return f"{self._open[column]}{self.doc.runs(runs)}</w:p></w:tc>"

    def shaded(self, column: int, text: str, fill: str, color: str | None = None,
               bold: bool = True, align: str = "center") -> str:
        """Return the cell XML of ``text`` on a ``fill`` background (to reuse across rows)."""
        rpr = ("<w:b/><w:bCs/>" if bold else "") + (f'<w:color w:val="{color}"/>' if color else "")
        return (f'<w:tc><w:tcPr><w:tcW w:w="{self.cols[column]}" w:type="dxa"/>'
                f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/></w:tcPr><w:p><w:pPr>'
                f'<w:pStyle w:val="{self.text_sid}"/><w:jc w:val="{align}"/></w:pPr><w:r>'
                f'<w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{esc(text)}</w:t></w:r></w:p></w:tc>')

    @staticmethod
    def row(cells: list[str], keep_next: bool = False) -> str:
        """Return the XML of one body row made of cell XML strings (kept on the next row's page: ``keep_next``)."""
        body = "".join(cells)
        if keep_next:
            body = KEEP_NEXT.sub(r"\1<w:keepNext/>", body)
        return f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{body}</w:tr>'
