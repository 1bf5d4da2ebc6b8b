"""The smallest complete Office theme part, which Excel requires in every workbook.

Its colours are the built-in deck's (:data:`docgen.ooxml.theme.BUILTIN_THEME`): header rows are
filled with the theme's accent1 (``<fgColor theme="4"/>``), so a workbook restyled with another
theme in Excel (Page Layout > Colours) follows it.
"""

from __future__ import annotations

from docgen.ooxml.theme import BUILTIN_THEME

_COLOURS = [("dk1", f'<a:sysClr val="windowText" lastClr="{BUILTIN_THEME["dk1"]}"/>'),
            ("lt1", f'<a:sysClr val="window" lastClr="{BUILTIN_THEME["lt1"]}"/>')] + [
    (slot, f'<a:srgbClr val="{BUILTIN_THEME[slot]}"/>') for slot in list(BUILTIN_THEME)[2:]]
_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_LINE = f'<a:ln w="6350">{_SOLID}</a:ln>'


def _fonts(face: str) -> str:
    return f'<a:latin typeface="{face}"/><a:ea typeface=""/><a:cs typeface=""/>'


THEME_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office Theme">'
    '<a:themeElements><a:clrScheme name="docgen">'
    + "".join(f"<a:{name}>{value}</a:{name}>" for name, value in _COLOURS)
    + '</a:clrScheme><a:fontScheme name="Office">'
    f"<a:majorFont>{_fonts('Calibri Light')}</a:majorFont>"
    f"<a:minorFont>{_fonts('Calibri')}</a:minorFont></a:fontScheme>"
    f'<a:fmtScheme name="Office"><a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>'
    f"<a:lnStyleLst>{_LINE * 3}</a:lnStyleLst>"
    f"<a:effectStyleLst>{'<a:effectStyle><a:effectLst/></a:effectStyle>' * 3}</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
    "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
).encode("utf-8")
