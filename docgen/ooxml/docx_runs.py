"""The text of a Word paragraph as pieces of one formatting: bold, struck through, linked.

Runs are read in document order, inserted text kept and deleted or moved-away text left out;
hyperlinks (w:hyperlink with an external target, HYPERLINK fields simple or complex) give
their pieces an address; a field's instructions are not text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from docgen.ooxml.docx_reading import W, flag_on

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


@dataclass
class Piece:
    """A piece of a paragraph's text in one formatting, with the address it links to (None: no link)."""

    text: str
    bold: bool
    strike: bool
    url: str | None


def paragraph_pieces(p, part, style_bold: Callable[[str], bool]) -> list[Piece]:
    """Return the text of the paragraph element ``p`` of ``part`` as pieces, in order.

    ``style_bold`` says whether a character style (by id) is bold; ``part`` resolves hyperlink targets.
    """
    runs = _Runs(part, style_bold)
    runs.walk(p)
    return runs.pieces


def field_url(instruction: str) -> str | None:
    """Return the address of a ``HYPERLINK "url"`` field instruction, or None."""
    match = re.match(r'\s*HYPERLINK\s+(?!\\l)"?([^"\s]+)"?', instruction)
    return match.group(1) if match else None


class _Runs:
    """The pieces of one paragraph being collected, hyperlinks and fields followed."""

    def __init__(self, part, style_bold: Callable[[str], bool]) -> None:
        self.part, self.style_bold = part, style_bold
        self.pieces: list[Piece] = []
        self.url: str | None = None
        self.field: list[str] | None = None  # instruction text of the complex field being read
        self.field_urls: list[str | None] = []

    def walk(self, element) -> None:
        """Collect the text under ``element`` in document order (deleted text and drawings left out)."""
        for child in element:
            tag = child.tag
            if tag == f"{W}r":
                self.run(child)
            elif tag == f"{W}hyperlink":
                outer, self.url = self.url, self.link_target(child) or self.url
                self.walk(child)
                self.url = outer
            elif tag == f"{W}fldSimple":
                outer = self.url
                self.url = field_url(child.get(f"{W}instr") or "") or self.url
                self.walk(child)
                self.url = outer
            elif tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr"):
                continue
            elif isinstance(tag, str):
                self.walk(child)  # w:ins, w:sdt/w:sdtContent, w:smartTag, w:customXml...

    def link_target(self, link) -> str | None:
        """Return the external address of a w:hyperlink, or None (an anchor inside the document)."""
        rid = link.get(f"{R}id")
        if not rid:
            return None
        rel = self.part.rels.get(rid)
        return rel.target_ref if rel is not None and rel.is_external else None

    def run(self, run) -> None:
        """Add the text of one w:r with its bold and strike-through formatting."""
        props = run.find(f"{W}rPr")
        bold = strike = False
        if props is not None:
            style = props.find(f"{W}rStyle")
            if style is not None:
                bold = self.style_bold(style.get(f"{W}val") or "")
            flag = props.find(f"{W}b")
            if flag is not None:
                bold = flag_on(flag)
            flag = props.find(f"{W}strike")
            strike = flag is not None and flag_on(flag)
        for child in run:
            tag = child.tag
            if tag == f"{W}fldChar":
                self.field_char(child.get(f"{W}fldCharType"))
            elif tag == f"{W}instrText":
                if self.field is not None:
                    self.field.append(child.text or "")
            elif self.field is not None and self.field_urls and self.field_urls[-1] == "":
                continue  # inside a field's instructions
            elif tag == f"{W}t":
                self.add(child.text or "", bold, strike)
            elif tag in (f"{W}tab", f"{W}ptab"):
                self.add(" ", bold, strike)
            elif tag in (f"{W}br", f"{W}cr"):
                kind = child.get(f"{W}type")
                self.add("\n" if kind in (None, "textWrapping") else "", False, False)
            elif tag == f"{W}noBreakHyphen":
                self.add("-", bold, strike)

    def field_char(self, kind: str | None) -> None:
        """Follow a complex field: its instructions are not text, a HYPERLINK's result is a link."""
        if kind == "begin":
            self.field = []
            self.field_urls.append("")  # "" while the instructions are read
        elif kind == "separate" and self.field_urls:
            url = field_url("".join(self.field or []))
            self.field_urls[-1] = url
            self.field = None
            if url:
                self.url = url
        elif kind == "end" and self.field_urls:
            if self.field_urls.pop():
                self.url = next((u for u in reversed(self.field_urls) if u), None)
            self.field = None

    def add(self, text: str, bold: bool, strike: bool) -> None:
        """Append ``text`` with its formatting to the pieces."""
        if text:
            self.pieces.append(Piece(text, bold, strike, self.url))
