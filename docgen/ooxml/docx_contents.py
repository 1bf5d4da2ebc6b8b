"""A contents list in Word: bookmarks where parts start, entries linking to them with their page number.

Each entry is a hyperlink to a bookmark followed by a dotted tab and a PAGEREF field: Word and
LibreOffice compute the page when they lay the document out (Word when fields are updated,
which the document asks for on opening), so the numbers are right whatever the parts' lengths.
"""

from __future__ import annotations

import re
from dataclasses import replace

from docgen.ooxml.reference import ReferenceDocx
from docgen.ooxml.xmltext import esc

# Elements of w:settings that come after w:updateFields (ECMA-376 CT_Settings order).
_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids",
                        "attachedSchema", "themeFontLang", "clrSchemeMapping",
                        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
                        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults",
                        "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def page_break_with_bookmark(name: str, index: int) -> str:
    """Return a new page starting with the bookmark ``name`` (number ``index``).

    The bookmark is a one-point paragraph with a page break before it, not a break inside a
    paragraph: a bookmark behind a break is laid out on the page before it by LibreOffice.
    """
    return (f'<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            f'</w:pPr><w:bookmarkStart w:id="{index}" w:name="{esc(name)}"/><w:bookmarkEnd w:id="{index}"/></w:p>')


def contents_entry(text: str, bookmark: str, tab_position: int, detail: str = "") -> str:
    """Return a contents paragraph: ``text`` linking to ``bookmark``, dot leader, its page (PAGEREF).

    ``tab_position`` is the right edge in twips; ``detail`` a smaller grey line under the entry.
    """
    name = esc(bookmark)
    field = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGEREF {name} \\h '
             '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t></w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    under = (f'<w:r><w:br/></w:r><w:r><w:rPr><w:color w:val="595959"/><w:sz w:val="18"/></w:rPr>'
             f'<w:t xml:space="preserve">{esc(detail)}</w:t></w:r>') if detail else ""
    return (f'<w:p><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab_position}"/></w:tabs>'
            f'<w:spacing w:before="120" w:after="120"/></w:pPr>'
            f'<w:hyperlink w:anchor="{name}" w:history="1"><w:r><w:t xml:space="preserve">{esc(text)}</w:t></w:r>'
            f'</w:hyperlink><w:r><w:tab/></w:r>{field}{under}</w:p>')


def updating_fields(reference: ReferenceDocx) -> ReferenceDocx:
    """Return ``reference`` whose documents ask Word to update their fields (the contents' pages) on opening."""
    name = "word/settings.xml"
    settings = reference.parts.get(name, b"").decode("utf-8")
    if not settings:
        return reference
    mark = '<w:updateFields w:val="true"/>'
    settings = re.sub(r"<w:updateFields\b[^>]*/>", "", settings)  # the reference's own, "false" included
    later = re.search(r"<w:(?:" + "|".join(map(re.escape, _AFTER_UPDATE_FIELDS)) + r")\b", settings)
    if later:
        settings = settings[:later.start()] + mark + settings[later.start():]
    else:
        settings = settings.replace("</w:settings>", mark + "</w:settings>")
    return replace(reference, parts={**reference.parts, name: settings.encode("utf-8")})
