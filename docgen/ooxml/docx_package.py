"""Assembling a .docx package: document parts, relationships, numbering, header/footer tokens."""

from __future__ import annotations

from docgen.ooxml.package import Deflated, package_bytes
from docgen.ooxml.xmltext import esc

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_NUMBERING_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
_BULLETS = ["\u2022", "\u2013", "\u25e6"]
_NUMBER_FORMATS = ["decimal", "lowerLetter", "lowerRoman"]
# Our numbering definitions use high ids so they never clash with a reference document's own.
_ABSTRACT_BULLET, _ABSTRACT_NUMBER = 9001, 9002
BULLET_NUM_ID = 9001  # every bulleted paragraph; numbered lists get 9002, 9003... (one per list)


def assemble(reference_parts: dict[str, bytes], document_xml: str | Deflated, links: dict[str, str],
             numbered_ids: list[int], tokens: dict[str, str], core_xml: bytes) -> bytes:
    """Return the .docx bytes: the reference's parts with this document's body and extras.

    ``document_xml`` is the text of word/document.xml, or that part already compressed;
    ``links`` maps hyperlink targets to relationship ids; ``numbered_ids`` are the numbering
    instances of the document's numbered lists; ``tokens`` fill {title}, {date}... in the
    header and footer parts.
    """
    parts = dict(reference_parts)
    for name in list(parts):
        if name.startswith(("word/header", "word/footer")) and name.endswith(".xml"):
            parts[name] = fill_tokens(parts[name], tokens)
    parts["word/_rels/document.xml.rels"] = document_rels(parts["word/_rels/document.xml.rels"], links)
    parts["word/numbering.xml"] = numbering_xml(parts.get("word/numbering.xml"), numbered_ids)
    parts["[Content_Types].xml"] = with_override(parts["[Content_Types].xml"], "/word/numbering.xml",
                                                 _NUMBERING_CT)
    parts["docProps/core.xml"] = core_xml
    document = document_xml if isinstance(document_xml, Deflated) else document_xml.encode("utf-8")
    return package_bytes({**parts, "word/document.xml": document})


def document_rels(rels_xml: bytes, links: dict[str, str]) -> bytes:
    """Return the document's relationships with numbering and the external hyperlinks added."""
    rels = rels_xml.decode("utf-8")
    extra = []
    if "numbering.xml" not in rels:
        extra.append(f'<Relationship Id="rIdNum1" Type="{_NUMBERING}" Target="numbering.xml"/>')
    for url, rid in links.items():
        extra.append(f'<Relationship Id="{rid}" Type="{_HYPERLINK}" Target="{esc(url)}" '
                     'TargetMode="External"/>')
    return rels.replace("</Relationships>", "".join(extra) + "</Relationships>").encode("utf-8")


def numbering_xml(existing: bytes | None, numbered_ids: list[int]) -> bytes:
    """Return numbering.xml with our bullet and numbered lists added to the reference's own.

    Each numbered list has its own instance restarting at 1, so lists restart where they should.
    """
    abstract = [_abstract(_ABSTRACT_BULLET, bullet=True), _abstract(_ABSTRACT_NUMBER, bullet=False)]
    nums = [f'<w:num w:numId="{BULLET_NUM_ID}"><w:abstractNumId w:val="{_ABSTRACT_BULLET}"/></w:num>']
    for num_id in numbered_ids:
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{_ABSTRACT_NUMBER}"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    if existing:
        text = existing.decode("utf-8")
        cut = text.find("<w:num ")
        cut = cut if cut >= 0 else text.rfind("</w:numbering>")
        text = text[:cut] + "".join(abstract) + text[cut:]
        return text.replace("</w:numbering>", "".join(nums) + "</w:numbering>").encode("utf-8")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {NS}>'
            f"{''.join(abstract)}{''.join(nums)}</w:numbering>").encode("utf-8")


def _abstract(abstract_id: int, bullet: bool) -> str:
    levels = []
    for ilvl in range(9):
        indent = 360 + 360 * ilvl
        if bullet:
            fmt, text = "bullet", _BULLETS[ilvl % 3]
            rpr = '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'
        else:
            fmt, text, rpr = _NUMBER_FORMATS[ilvl % 3], f"%{ilvl + 1}.", ""
        levels.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                      f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>'
                      f'<w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>')
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="hybridMultilevel"/>'
            f"{''.join(levels)}</w:abstractNum>")


def fill_tokens(xml: bytes, tokens: dict[str, str]) -> bytes:
    """Return header/footer ``xml`` with each {token} replaced by its escaped value."""
    text = xml.decode("utf-8")
    for key, value in tokens.items():
        text = text.replace("{" + key + "}", esc(value))
    return text.encode("utf-8")


def with_override(content_types: bytes, part: str, content_type: str) -> bytes:
    """Return [Content_Types].xml with an Override for ``part`` (unchanged if it has one)."""
    text = content_types.decode("utf-8")
    if f'PartName="{part}"' in text:
        return content_types
    override = f'<Override PartName="{part}" ContentType="{content_type}"/>'
    return text.replace("</Types>", override + "</Types>").encode("utf-8")
