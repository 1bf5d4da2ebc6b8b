"""A minimal, fast Excel writer: worksheet XML built as text and zipped reproducibly.

openpyxl builds one Python object per cell and serialises it through an XML library; for
tens of thousands of cells that takes seconds. Here each row is one f-string. Supported:
shared-string, number and formula cells, cell styles (font, fill, border, wrap, number
format), column widths, frozen panes, auto filter, list data validation, conditional
formatting on cell values, and external hyperlinks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from docgen.ooxml.package import Deflated, core_properties_xml, deflate_stream, package_bytes
from docgen.ooxml.theme import SPREADSHEET_INDEX
from docgen.ooxml.xlsx_theme import THEME_XML
from docgen.ooxml.xmltext import esc

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_LETTERS: list[str] = []


def column_letter(index: int) -> str:
    """Return the letters of the 1-based column ``index`` (1 -> A, 27 -> AA)."""
    while len(_LETTERS) < index:
        n, name = len(_LETTERS) + 1, ""
        while n:
            n, rem = divmod(n - 1, 26)
            name = chr(65 + rem) + name
        _LETTERS.append(name)
    return _LETTERS[index - 1]


class SharedStrings:
    """The workbook's table of distinct texts; cells refer to texts by index, as Excel expects."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def cell(self, ref: str, text: str, style: int = 0) -> str:
        """Return the XML of a cell holding ``text`` (added to the table when new)."""
        index = self._index.get(text)
        if index is None:
            index = self._index[text] = len(self._index)
        return f'<c r="{ref}" s="{style}" t="s"><v>{index}</v></c>'

    def xml(self) -> bytes:
        """Return the xl/sharedStrings.xml part."""
        return "".join(self.chunks()).encode("utf-8")

    def chunks(self) -> Iterator[str]:
        """Return (as a generator) the text of the xl/sharedStrings.xml part, text by text."""
        count = len(self._index)
        yield f'{_XML}<sst xmlns="{_MAIN}" count="{count}" uniqueCount="{count}">'
        for text in self._index:
            yield f'<si><t xml:space="preserve">{esc(text)}</t></si>'
        yield "</sst>"


def empty_cell(ref: str, style: int = 0) -> str:
    """Return the XML of a cell holding nothing, drawn in ``style`` (borders, fill)."""
    return f'<c r="{ref}" s="{style}"/>'


def number_cell(ref: str, value: float, style: int = 0) -> str:
    """Return the XML of a cell holding the number ``value``."""
    return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'


def formula_cell(ref: str, formula: str, cached: float, style: int = 0) -> str:
    """Return the XML of a formula cell with its ``cached`` value (shown before recalculation)."""
    return f'<c r="{ref}" s="{style}"><f>{esc(formula)}</f><v>{cached}</v></c>'


def row_xml(number: int, cells: list[str]) -> str:
    """Return the XML of row ``number`` holding the cell XML strings ``cells``."""
    return f'<row r="{number}">{"".join(cells)}</row>'


class Styles:
    """The cell formats (xf) and differential formats (dxf, for conditional formatting) in use."""

    def __init__(self) -> None:
        self._fonts = ['<font><sz val="10"/><name val="Calibri"/><family val="2"/></font>']
        self._fills = ['<fill><patternFill patternType="none"/></fill>',
                       '<fill><patternFill patternType="gray125"/></fill>']
        self._borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"]
        self._xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        self._dxfs: list[str] = []
        self._index: dict[tuple, int] = {}

    @staticmethod
    def _add(table: list[str], xml: str) -> int:
        if xml not in table:
            table.append(xml)
        return table.index(xml)

    def xf(self, bold: bool = False, color: str | None = None, fill: str | None = None,
           wrap: bool = False, border: bool = False, num_fmt: int = 0, size: float = 10,
           halign: str | None = None, underline: bool = False) -> int:
        """Return the index of the cell format with these properties.

        Colours are RGB hex, or theme colours of the workbook (``"accent1"``, ``"lt1"``) that follow
        its theme part (the header rows: :mod:`docgen.ooxml.xlsx_theme`).
        """
        key = (bold, color, fill, wrap, border, num_fmt, size, halign, underline)
        if key in self._index:
            return self._index[key]
        colour = _colour("color", color) if color else ""
        font = (f"<font>{'<b/>' if bold else ''}{'<u/>' if underline else ''}"
                f'<sz val="{size}"/>{colour}<name val="Calibri"/><family val="2"/></font>')
        font_id = self._add(self._fonts, font)
        fill_id = self._add(self._fills, _fill(fill)) if fill else 0
        edge = '<{0} style="thin"><color rgb="FFBFBFBF"/></{0}>'
        border_id = self._add(self._borders, "<border>" + "".join(
            edge.format(side) for side in ("left", "right", "top", "bottom")
        ) + "<diagonal/></border>") if border else 0
        align = f' horizontal="{halign}"' if halign else ""
        align += ' wrapText="1"' if wrap else ""
        apply_fmt = ' applyNumberFormat="1"' if num_fmt else ""
        xml = (f'<xf numFmtId="{num_fmt}" fontId="{font_id}" fillId="{fill_id}" '
               f'borderId="{border_id}" xfId="0" applyFont="1" applyFill="1" applyBorder="1" '
               f'applyAlignment="1"{apply_fmt}><alignment vertical="top"{align}/></xf>')
        self._xfs.append(xml)
        self._index[key] = len(self._xfs) - 1
        return self._index[key]

    def dxf(self, fill: str, color: str | None = None) -> int:
        """Return the index of a differential format (font colour and fill) for conditional rules."""
        font = f'<font>{_colour("color", color)}</font>' if color else ""
        return self._add(self._dxfs, f"<dxf>{font}{_fill(fill, dxf=True)}</dxf>")

    def xml(self) -> bytes:
        """Return the xl/styles.xml part."""
        def table(tag: str, items: list[str]) -> str:
            return f'<{tag} count="{len(items)}">{"".join(items)}</{tag}>'

        return (_XML + f'<styleSheet xmlns="{_MAIN}">' + table("fonts", self._fonts)
                + table("fills", self._fills) + table("borders", self._borders)
                + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
                "</cellStyleXfs>" + table("cellXfs", self._xfs)
                + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
                "</cellStyles>" + table("dxfs", self._dxfs) + "</styleSheet>").encode("utf-8")


def _colour(tag: str, value: str) -> str:
    """Return a colour element: ``theme="n"`` for a theme colour name, else ``rgb`` (opaque)."""
    index = SPREADSHEET_INDEX.get(value)
    return f'<{tag} theme="{index}"/>' if index is not None else f'<{tag} rgb="FF{value}"/>'


def _fill(rgb: str, dxf: bool = False) -> str:
    colour = _colour("fgColor", rgb) + _colour("bgColor", rgb)
    return f'<fill><patternFill patternType="solid">{colour}</patternFill></fill>' if not dxf \
        else f'<fill><patternFill patternType="solid">{_colour("bgColor", rgb)}</patternFill></fill>'


@dataclass
class Sheet:
    """One worksheet: its rows (XML strings from :func:`row_xml`) and sheet-level settings.

    ``rows`` may be a generator: it is read once, when the workbook is written, so a long
    sheet is never held whole (hyperlinks it collects are written after its rows).
    ``conditional`` holds ``(range, [(value, dxf index), ...])``: a cell equal to a value takes
    that format. ``validations`` holds ``(range, [allowed values])`` shown as a drop-down.
    """

    name: str
    rows: Iterable[str] = field(default_factory=list)
    widths: Sequence[float] = field(default_factory=list)
    freeze: str | None = None
    auto_filter: str | None = None
    validations: list[tuple[str, list[str]]] = field(default_factory=list)
    conditional: list[tuple[str, list[tuple[str, int]]]] = field(default_factory=list)
    hyperlinks: list[tuple[str, str]] = field(default_factory=list)

    def xml(self, selected: bool) -> bytes:
        """Return the xl/worksheets/sheetN.xml part of this sheet."""
        return "".join(self.chunks(selected)).encode("utf-8")

    def chunks(self, selected: bool) -> Iterator[str]:
        """Return (as a generator) the text of the sheet's part, its rows one by one."""
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(self.widths, 1))
        yield (f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetViews>{self._view(selected)}'
               f'</sheetViews><sheetFormatPr defaultRowHeight="15"/>{f"<cols>{cols}</cols>" if cols else ""}'
               "<sheetData>")
        yield from self.rows
        yield "</sheetData>"
        yield self._tail()

    def _view(self, selected: bool) -> str:
        """Return the sheetView element: selected tab, frozen panes."""
        view = '<sheetView workbookViewId="0"' + (' tabSelected="1"' if selected else "")
        if not self.freeze:
            return view + "/>"
        row = int("".join(ch for ch in self.freeze if ch.isdigit())) - 1
        return (f'{view}><pane ySplit="{row}" topLeftCell="{self.freeze}" activePane="bottomLeft" '
                f'state="frozen"/><selection pane="bottomLeft" activeCell="{self.freeze}" '
                f'sqref="{self.freeze}"/></sheetView>')

    def _tail(self) -> str:
        """Return what follows the rows: filter, conditional formats, validations, links, page."""
        parts = [f'<autoFilter ref="{self.auto_filter}"/>'] if self.auto_filter else []
        for priority, (sqref, rules) in enumerate(self.conditional):
            first = sqref.split(":")[0]
            parts.append(f'<conditionalFormatting sqref="{sqref}">')
            for offset, (value, dxf) in enumerate(rules):
                formula = f'{first}="{value}"'
                parts.append(f'<cfRule type="expression" dxfId="{dxf}" '
                             f'priority="{priority * 100 + offset + 1}">'
                             f"<formula>{esc(formula)}</formula></cfRule>")
            parts.append("</conditionalFormatting>")
        if self.validations:
            parts.append(f'<dataValidations count="{len(self.validations)}">')
            for sqref, values in self.validations:
                listed = esc('"' + ",".join(values) + '"')
                parts.append(f'<dataValidation type="list" allowBlank="1" showInputMessage="1" '
                             f'showErrorMessage="1" sqref="{sqref}"><formula1>{listed}</formula1>'
                             "</dataValidation>")
            parts.append("</dataValidations>")
        if self.hyperlinks:
            parts.append("<hyperlinks>")
            parts.extend(f'<hyperlink ref="{ref}" r:id="rIdH{i}"/>'
                         for i, (ref, _) in enumerate(self.hyperlinks, 1))
            parts.append("</hyperlinks>")
        parts.append('<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" '
                     'footer="0.3"/><pageSetup orientation="landscape" paperSize="9" '
                     'fitToHeight="0"/></worksheet>')
        return "".join(parts)

    def rels(self) -> bytes | None:
        """Return the sheet's relationships part (its hyperlinks), or None when it has none."""
        if not self.hyperlinks:
            return None
        links = "".join(
            f'<Relationship Id="rIdH{i}" Type="{_REL}/hyperlink" Target="{esc(url)}" '
            'TargetMode="External"/>' for i, (_, url) in enumerate(self.hyperlinks, 1))
        return (_XML + f'<Relationships xmlns="{_PKG_REL}">{links}</Relationships>').encode()


def sheet_title(name: str) -> str:
    """Return ``name`` made valid as an Excel sheet name (no []:*?/\\, at most 31 characters)."""
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name.strip()[:31] or "Sheet"


def workbook_bytes(sheets: Iterable[Sheet], styles: Styles, strings: SharedStrings, title: str,
                   when: datetime) -> bytes:
    """Return a reproducible .xlsx package holding ``sheets`` (the first one is selected).

    Sheets are taken one at a time and each is compressed as its rows come before the next
    is asked for (``sheets`` may be a generator whose next sheet adds shared strings only then);
    the shared strings follow, once every sheet has added its own.
    """
    parts: dict[str, bytes | Deflated] = {}
    sheet_entries, rels, overrides, names = [], [], [], []
    count = 0
    for count, sheet in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{count}.xml"] = deflate_stream(sheet.chunks(selected=count == 1))
        sheet_rels = sheet.rels()
        if sheet_rels:
            parts[f"xl/worksheets/_rels/sheet{count}.xml.rels"] = sheet_rels
        sheet_entries.append(f'<sheet name="{esc(sheet.name)}" sheetId="{count}" r:id="rId{count}"/>')
        rels.append(f'<Relationship Id="rId{count}" Type="{_REL}/worksheet" '
                    f'Target="worksheets/sheet{count}.xml"/>')
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{count}.xml" ContentType="'
                         'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        if sheet.auto_filter:
            quoted = sheet.name.replace("'", "''")
            ref = re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", sheet.auto_filter)
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{count - 1}" '
                         f"hidden=\"1\">'{esc(quoted)}'!{ref}</definedName>")
    parts["xl/workbook.xml"] = _workbook_xml(sheet_entries, names)
    parts["xl/_rels/workbook.xml.rels"] = _workbook_rels(rels, count)
    parts["xl/styles.xml"] = styles.xml()
    parts["xl/theme/theme1.xml"] = THEME_XML
    parts["xl/sharedStrings.xml"] = deflate_stream(strings.chunks())
    parts["_rels/.rels"] = (
        _XML + f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>").encode()
    parts["docProps/core.xml"] = core_properties_xml(title, when=when)
    parts["[Content_Types].xml"] = _content_types(overrides)
    return package_bytes(parts)


def _workbook_xml(sheet_entries: list[str], names: list[str]) -> bytes:
    """Return the xl/workbook.xml part: the sheets and their defined names (filter ranges)."""
    defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
    return (
        _XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews>'
        '<workbookView activeTab="0"/></bookViews>'
        f"<sheets>{''.join(sheet_entries)}</sheets>{defined}"
        '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>').encode("utf-8")


def _workbook_rels(rels: list[str], sheets: int) -> bytes:
    """Return the workbook's relationships: ``rels`` of the sheets, then styles, theme, strings."""
    rels = [*rels, f'<Relationship Id="rId{sheets + 1}" Type="{_REL}/styles" Target="styles.xml"/>',
            f'<Relationship Id="rId{sheets + 2}" Type="{_REL}/theme" Target="theme/theme1.xml"/>',
            f'<Relationship Id="rId{sheets + 3}" Type="{_REL}/sharedStrings" '
            'Target="sharedStrings.xml"/>']
    return (_XML + f'<Relationships xmlns="{_PKG_REL}">{"".join(rels)}</Relationships>').encode()


def _content_types(overrides: list[str]) -> bytes:
    """Return [Content_Types].xml with the sheets' ``overrides`` among the workbook's parts."""
    return (
        _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>' + "".join(overrides)
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>").encode()
