"""Build the built-in Word reference documents (minutes.docx, report.docx, checklist.docx).

Run ``python templates/src/build_reference_docx.py`` after changing a style here. A reference
document is an ordinary .docx that a PMO may open and restyle in Word: docgen uses its styles
(by name), page set-up, header and footer; its body text is only a specimen and is ignored.
In header and footer text, {title}, {project}, {date} and {kind} are replaced per document.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from docgen.ooxml.package import core_properties_xml, write_package  # noqa: E402

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
FONT = "Calibri"
NAVY = "1F3864"
ACCENT = "2E75B6"
GREY = "595959"
LIGHT = "D9E2F3"


def rpr(size=None, bold=False, italic=False, color=None, font=None, caps=False):
    parts = []
    if font:
        parts.append(f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if italic:
        parts.append("<w:i/><w:iCs/>")
    if caps:
        parts.append("<w:caps/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def pstyle(sid, name, ppr="", run="", based="Normal", next_="Normal", extra=""):
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'{based_xml}<w:next w:val="{next_}"/>{extra}<w:qFormat/>'
            f"<w:pPr>{ppr}</w:pPr>{run}</w:style>")


def heading(level, size, color, before, after, border=False):
    bdr = (f'<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="2" w:color="{ACCENT}"/></w:pBdr>'
           if border else "")
    return pstyle(
        f"Heading{level}", f"heading {level}",
        f'<w:keepNext/><w:keepLines/>{bdr}<w:spacing w:before="{before}" w:after="{after}"/>'
        f'<w:outlineLvl w:val="{level - 1}"/>',
        rpr(size, bold=True, color=color),
    )


def styles_xml() -> str:
    doc_defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:eastAsia="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="100" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    styles = [
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"<w:qFormat/>{rpr(color='262626')}</w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/>'
        "<w:semiHidden/></w:style>",
        pstyle("Title", "Title", '<w:spacing w:before="0" w:after="60"/><w:contextualSpacing/>',
               rpr(24, bold=True, color=NAVY)),
        pstyle("Subtitle", "Subtitle",
               f'<w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="{ACCENT}"/></w:pBdr>'
               '<w:spacing w:before="0" w:after="240"/>', rpr(13, color=ACCENT)),
        heading(1, 15, NAVY, 360, 120, border=True),
        heading(2, 12.5, ACCENT, 240, 80),
        heading(3, 11, NAVY, 180, 60),
        pstyle("ListParagraph", "List Paragraph", '<w:spacing w:after="40"/><w:ind w:left="720"/>'
               "<w:contextualSpacing/>"),
        pstyle("Quote", "Quote", f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="8" w:color="{LIGHT}"/>'
               '</w:pBdr><w:ind w:left="360" w:right="360"/>', rpr(italic=True, color=GREY)),
        pstyle("Code", "Code", '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
               '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>', rpr(9, font="Courier New")),
        pstyle("TableText", "Table Text", '<w:spacing w:before="20" w:after="20" w:line="240" '
               'w:lineRule="auto"/>', rpr(9.5)),
        pstyle("TableHeading", "Table Heading", '<w:keepNext/><w:spacing w:before="20" w:after="20" '
               'w:line="240" w:lineRule="auto"/>', rpr(9.5, bold=True, color="FFFFFF")),
        pstyle("InfoLabel", "Info Label", '<w:spacing w:before="10" w:after="10"/>',
               rpr(9.5, bold=True, color=GREY)),
        pstyle("Header", "header", '<w:spacing w:after="0"/>', rpr(8.5, color=GREY)),
        pstyle("Footer", "footer", '<w:spacing w:after="0"/>', rpr(8.5, color=GREY)),
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        f'<w:basedOn w:val="DefaultParagraphFont"/>{rpr(color="0563C1")[:-8]}'
        '<w:u w:val="single"/></w:rPr></w:style>',
        '<w:style w:type="character" w:customStyle="1" w:styleId="CodeChar"><w:name w:val="Code Char"/>'
        '<w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:rFonts w:ascii="Courier New" '
        'w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="19"/><w:shd w:val="clear" '
        'w:color="auto" w:fill="F2F2F2"/></w:rPr></w:style>',
        '<w:style w:type="table" w:customStyle="1" w:styleId="DocgenTable"><w:name w:val="docgen Table"/>'
        '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="19"/>'
        '</w:rPr><w:tblPr><w:tblBorders>'
        f'<w:top w:val="single" w:sz="4" w:space="0" w:color="{NAVY}"/>'
        f'<w:bottom w:val="single" w:sz="4" w:space="0" w:color="{NAVY}"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>'
        '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="90" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:color w:val="FFFFFF"/></w:rPr><w:tcPr>'
        f'<w:shd w:val="clear" w:color="auto" w:fill="{NAVY}"/></w:tcPr></w:tblStylePr>'
        '<w:tblStylePr w:type="band2Horz"><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F5FB"/>'
        "</w:tcPr></w:tblStylePr></w:style>",
        '<w:style w:type="table" w:customStyle="1" w:styleId="DocgenInfoTable">'
        '<w:name w:val="docgen Info Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        f'<w:left w:val="single" w:sz="18" w:space="0" w:color="{ACCENT}"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="140" w:type="dxa"/>'
        '<w:bottom w:w="20" w:type="dxa"/><w:right w:w="90" w:type="dxa"/></w:tblCellMar></w:tblPr>'
        '<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F5FB"/></w:tcPr></w:style>',
    ]
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f"<w:styles {W}>{doc_defaults}{''.join(styles)}</w:styles>")


def para(style, text):
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def field(instr, shown):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instr} '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _two_cells(left: str, right: str, border: str = "") -> str:
    """Return a borderless full-width table: ``left`` text on the left, ``right`` on the right.

    A table rather than a right tab stop, so the right part follows the margin in portrait and
    landscape sections alike.
    """
    cell = ('<w:tc><w:tcPr><w:tcW w:w="2500" w:type="pct"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>'
            '{jc}</w:pPr>{runs}</w:p></w:tc>')
    return ('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>' + border
            + '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/>'
            '<w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="4819"/>'
            '<w:gridCol w:w="4819"/></w:tblGrid><w:tr>'
            + cell.format(style="{style}", jc="", runs=left)
            + cell.format(style="{style}", jc='<w:jc w:val="right"/>', runs=right)
            + "</w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val=\"{style}\"/><w:spacing w:after=\"0\" w:line=\"20\" "
            'w:lineRule="exact"/></w:pPr></w:p>')


def header_xml():
    body = _two_cells('<w:r><w:t xml:space="preserve">{title}</w:t></w:r>',
                      '<w:r><w:t xml:space="preserve">{date}</w:t></w:r>').replace("{style}", "Header")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W} {R}>{body}</w:hdr>'


def footer_xml():
    page = ('<w:r><w:t xml:space="preserve">{page} </w:t></w:r>' + field("PAGE", "1")
            + '<w:r><w:t xml:space="preserve"> {of} </w:t></w:r>' + field("NUMPAGES", "1"))
    border = f'<w:top w:val="single" w:sz="4" w:space="0" w:color="{LIGHT}"/>'
    body = _two_cells('<w:r><w:t xml:space="preserve">{project}</w:t></w:r>', page, border)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W} {R}>'
            + body.replace("{style}", "Footer") + "</w:ftr>")


SECT = ('<w:sectPr><w:headerReference w:type="default" r:id="rId10"/>'
        '<w:footerReference w:type="default" r:id="rId11"/>'
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:right="1134" w:bottom="1134" '
        'w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>')


def document_xml(kind):
    body = "".join([
        para("Title", f"{kind} title"), para("Subtitle", "Subtitle: project, date"),
        para("Heading1", "Heading 1"), para("Normal", "Body text in the Normal style."),
        para("Heading2", "Heading 2"), para("ListParagraph", "List Paragraph (bullets, numbers)"),
        para("Quote", "Quote"), para("Code", "Code"), para("Heading3", "Heading 3"),
        para("TableText", "Table Text"), para("InfoLabel", "Info Label"),
    ])
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W} {R}>'
            f"<w:body>{body}{SECT}</w:body></w:document>")


CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Default Extension="png" ContentType="image/png"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.styles+xml"/>'
      '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.settings+xml"/>'
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.header+xml"/>'
      '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'wordprocessingml.footer+xml"/>'
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
      'core-properties+xml"/>'
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.'
      'extended-properties+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'extended-properties" Target="docProps/app.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/settings" Target="settings.xml"/>'
            '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/header" Target="header1.xml"/>'
            '<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/footer" Target="footer1.xml"/></Relationships>')
SETTINGS = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings {W}>'
            '<w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/'
            'office/word" w:val="15"/></w:compat></w:settings>')
APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.'
       'openxmlformats.org/officeDocument/2006/extended-properties"><Application>docgen</Application>'
       "</Properties>")


def build(kind: str, dest: Path) -> None:
    parts = {
        "[Content_Types].xml": CT, "_rels/.rels": RELS, "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document_xml(kind), "word/styles.xml": styles_xml(),
        "word/settings.xml": SETTINGS, "word/header1.xml": header_xml(),
        "word/footer1.xml": footer_xml(), "docProps/app.xml": APP,
    }
    data = {name: text.encode("utf-8") for name, text in parts.items()}
    data["docProps/core.xml"] = core_properties_xml(f"docgen reference document: {kind}")
    write_package(data, dest)


if __name__ == "__main__":
    out = ROOT / "templates"
    for name, kind in (("minutes.docx", "Minutes"), ("report.docx", "Status report"),
                       ("checklist.docx", "Compliance checklist"), ("agenda.docx", "Agenda")):
        build(kind, out / name)
        print("wrote", out / name)
