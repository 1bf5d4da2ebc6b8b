# ruff: noqa: E501  (ReqIF XML written as an exporter writes it, one element a line)
"""A DOORS-like ReqIF export for the tests: two chapters, three requirements, XHTML text, a priority enumeration."""

from __future__ import annotations

REQIF = """<?xml version="1.0" encoding="UTF-8"?>
<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <THE-HEADER>
    <REQ-IF-HEADER IDENTIFIER="header-1">
      <CREATION-TIME>2026-09-15T10:00:00+02:00</CREATION-TIME>
      <REQ-IF-TOOL-ID>DOORS</REQ-IF-TOOL-ID>
      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>
      <SOURCE-TOOL-ID>DOORS</SOURCE-TOOL-ID>
      <TITLE>Payroll export</TITLE>
    </REQ-IF-HEADER>
  </THE-HEADER>
  <CORE-CONTENT>
    <REQ-IF-CONTENT>
      <DATATYPES>
        <DATATYPE-DEFINITION-STRING IDENTIFIER="DT-STRING" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="String" MAX-LENGTH="10000"/>
        <DATATYPE-DEFINITION-XHTML IDENTIFIER="DT-XHTML" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="XHTML"/>
        <DATATYPE-DEFINITION-ENUMERATION IDENTIFIER="DT-PRIORITY" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Priority">
          <SPECIFIED-VALUES>
            <ENUM-VALUE IDENTIFIER="EV-MANDATORY" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Mandatory">
              <PROPERTIES><EMBEDDED-VALUE KEY="1" OTHER-CONTENT=""/></PROPERTIES>
            </ENUM-VALUE>
            <ENUM-VALUE IDENTIFIER="EV-DESIRABLE" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Desirable">
              <PROPERTIES><EMBEDDED-VALUE KEY="2" OTHER-CONTENT=""/></PROPERTIES>
            </ENUM-VALUE>
          </SPECIFIED-VALUES>
        </DATATYPE-DEFINITION-ENUMERATION>
      </DATATYPES>
      <SPEC-TYPES>
        <SPEC-OBJECT-TYPE IDENTIFIER="T-REQ" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Requirement">
          <SPEC-ATTRIBUTES>
            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD-FOREIGN-ID" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="ReqIF.ForeignID">
              <TYPE><DATATYPE-DEFINITION-STRING-REF>DT-STRING</DATATYPE-DEFINITION-STRING-REF></TYPE>
            </ATTRIBUTE-DEFINITION-STRING>
            <ATTRIBUTE-DEFINITION-STRING IDENTIFIER="AD-CHAPTER" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="ReqIF.ChapterName">
              <TYPE><DATATYPE-DEFINITION-STRING-REF>DT-STRING</DATATYPE-DEFINITION-STRING-REF></TYPE>
            </ATTRIBUTE-DEFINITION-STRING>
            <ATTRIBUTE-DEFINITION-XHTML IDENTIFIER="AD-TEXT" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="ReqIF.Text">
              <TYPE><DATATYPE-DEFINITION-XHTML-REF>DT-XHTML</DATATYPE-DEFINITION-XHTML-REF></TYPE>
            </ATTRIBUTE-DEFINITION-XHTML>
            <ATTRIBUTE-DEFINITION-ENUMERATION IDENTIFIER="AD-PRIORITY" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Priority" MULTI-VALUED="false">
              <TYPE><DATATYPE-DEFINITION-ENUMERATION-REF>DT-PRIORITY</DATATYPE-DEFINITION-ENUMERATION-REF></TYPE>
            </ATTRIBUTE-DEFINITION-ENUMERATION>
          </SPEC-ATTRIBUTES>
        </SPEC-OBJECT-TYPE>
        <SPECIFICATION-TYPE IDENTIFIER="T-SPEC" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Specification"/>
      </SPEC-TYPES>
      <SPEC-OBJECTS>
{objects}
      </SPEC-OBJECTS>
      <SPECIFICATIONS>
        <SPECIFICATION IDENTIFIER="SPEC-1" LAST-CHANGE="2026-09-15T10:00:00+02:00" LONG-NAME="Payroll Interface Specification">
          <TYPE><SPECIFICATION-TYPE-REF>T-SPEC</SPECIFICATION-TYPE-REF></TYPE>
          <CHILDREN>
{hierarchy}
          </CHILDREN>
        </SPECIFICATION>
      </SPECIFICATIONS>
    </REQ-IF-CONTENT>
  </CORE-CONTENT>
</REQ-IF>
"""


def _obj(ident, foreign=None, chapter=None, xhtml=None, priority=None):
    values = []
    if foreign:
        values.append(f'<ATTRIBUTE-VALUE-STRING THE-VALUE="{foreign}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD-FOREIGN-ID</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>')
    if chapter:
        values.append(f'<ATTRIBUTE-VALUE-STRING THE-VALUE="{chapter}"><DEFINITION><ATTRIBUTE-DEFINITION-STRING-REF>AD-CHAPTER</ATTRIBUTE-DEFINITION-STRING-REF></DEFINITION></ATTRIBUTE-VALUE-STRING>')
    if xhtml:
        values.append(f'<ATTRIBUTE-VALUE-XHTML><DEFINITION><ATTRIBUTE-DEFINITION-XHTML-REF>AD-TEXT</ATTRIBUTE-DEFINITION-XHTML-REF></DEFINITION><THE-VALUE><xhtml:div>{xhtml}</xhtml:div></THE-VALUE></ATTRIBUTE-VALUE-XHTML>')
    if priority:
        values.append(f'<ATTRIBUTE-VALUE-ENUMERATION><DEFINITION><ATTRIBUTE-DEFINITION-ENUMERATION-REF>AD-PRIORITY</ATTRIBUTE-DEFINITION-ENUMERATION-REF></DEFINITION><VALUES><ENUM-VALUE-REF>{priority}</ENUM-VALUE-REF></VALUES></ATTRIBUTE-VALUE-ENUMERATION>')
    return (f'        <SPEC-OBJECT IDENTIFIER="{ident}" LAST-CHANGE="2026-09-15T10:00:00+02:00">\n'
            f'          <TYPE><SPEC-OBJECT-TYPE-REF>T-REQ</SPEC-OBJECT-TYPE-REF></TYPE>\n'
            f'          <VALUES>{"".join(values)}</VALUES>\n        </SPEC-OBJECT>')


def _node(ident, ref, children=""):
    inner = f"<CHILDREN>{children}</CHILDREN>" if children else ""
    return (f'<SPEC-HIERARCHY IDENTIFIER="{ident}" LAST-CHANGE="2026-09-15T10:00:00+02:00">'
            f'<OBJECT><SPEC-OBJECT-REF>{ref}</SPEC-OBJECT-REF></OBJECT>{inner}</SPEC-HIERARCHY>')


def reqif_document() -> str:
    """Return the ReqIF XML: chapter Export (PAY-001, PAY-002, chapter Security (OBJ-5, no foreign id))."""
    objects = "\n".join([
        _obj("O-1", chapter="Export"),
        _obj("O-2", foreign="PAY-001", xhtml="<xhtml:p>The interface <xhtml:b>MUST</xhtml:b> export every active employee.</xhtml:p>", priority="EV-MANDATORY"),
        _obj("O-3", foreign="PAY-002", xhtml="<xhtml:p>The file SHOULD be encoded in UTF-8 &amp; signed.</xhtml:p>"),
        _obj("O-4", chapter="Security"),
        _obj("OBJ-5", xhtml="<xhtml:p>Keys are rotated yearly.</xhtml:p>", priority="EV-DESIRABLE"),
    ])
    hierarchy = _node("H-1", "O-1", _node("H-2", "O-2") + _node("H-3", "O-3") + _node("H-4", "O-4", _node("H-5", "OBJ-5")))
    return REQIF.replace("{objects}", objects).replace("{hierarchy}", hierarchy)
