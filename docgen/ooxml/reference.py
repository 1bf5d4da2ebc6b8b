"""A Word reference document: the styles, page set-up, header and footer generated files reuse."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from docgen.errors import TemplateError
from docgen.ooxml.safe_zip import checked_package, xml_text
from docgen.ooxml.theme import BUILTIN_THEME

_STYLE = re.compile(r"<w:style\b[^>]*?\bw:styleId=\"([^\"]+)\"[^>]*>(.*?)</w:style>", re.S)
_NAME = re.compile(r"<w:name\b[^>]*?\bw:val=\"([^\"]*)\"")
# The parts a document built on a reference reads or rewrites.
REQUIRED_PARTS = ("word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels")


@dataclass(frozen=True)
class ReferenceDocx:
    """The parsed parts of a reference .docx that a builder copies into every document.

    ``styles`` maps a style's display name (and its id) to its style id, so styles are
    addressed by name as a user sees them in Word.
    """

    path: Path
    parts: dict[str, bytes]
    styles: dict[str, str]
    sect_pr: str

    def style_id(self, name: str) -> str:
        """Return the style id of the style called ``name`` (display name or id)."""
        try:
            return self.styles[name.lower()]
        except KeyError:
            raise TemplateError(f"{self.path}: style '{name}' is missing") from None

    def require(self, names: list[str]) -> None:
        """Raise TemplateError listing every style of ``names`` the document lacks."""
        missing = [n for n in names if n.lower() not in self.styles]
        if missing:
            raise TemplateError(
                f"{self.path}: the reference document lacks the style(s) {', '.join(missing)} "
                "(add them in Word, or start again from `docgen templates init`)"
            )

    @property
    def text_width(self) -> int:
        """Return the width between the page margins, in twentieths of a point (twips)."""
        return section_text_width(self.sect_pr)

    def header_fill(self, table_style: str, default: str = BUILTIN_THEME["accent1"]) -> str:
        """Return the header-row shading of ``table_style``: its first-row fill, else the theme's accent1.

        A first-row shading given as a theme colour (``w:themeFill="accent1"``) is read from the
        document's theme; with neither a first-row fill nor a theme, ``default`` (the built-in
        accent1). Header cells carry this fill directly, so every office suite shows it, while a
        PMO still changes it by editing the table style or the theme's colours in Word.
        """
        sid = self.styles.get(table_style.lower())
        styles_xml = self.parts["word/styles.xml"].decode("utf-8")
        block = re.search(rf'<w:style\b[^>]*w:styleId="{re.escape(sid or "")}".*?</w:style>', styles_xml, re.S)
        first = re.search(r'<w:tblStylePr w:type="firstRow">.*?(<w:shd\b[^>]*>)', block.group(0), re.S) \
            if block else None
        shd = first.group(1) if first else ""
        theme_fill = re.search(r'w:themeFill="(\w+)"', shd)
        fill = re.search(r'w:fill="([0-9A-Fa-f]{6})"', shd)
        if theme_fill and self.theme_colours.get(theme_fill.group(1)):
            return self.theme_colours[theme_fill.group(1)]
        if fill:
            return fill.group(1).upper()
        return self.theme_colours.get("accent1", default)

    @property
    def theme_colours(self) -> dict[str, str]:
        """Return the RGB hex of each colour of the document's theme (``word/theme/theme1.xml``), {} without one."""
        rels = self.parts["word/_rels/document.xml.rels"].decode("utf-8")
        target = re.search(r'Type="[^"]*/theme"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*/theme"', rels)
        name = "word/" + (target.group(1) or target.group(2)).lstrip("/").removeprefix("word/") if target else ""
        blob = self.parts.get(name)
        if not blob:
            return {}
        scheme = re.search(r"<a:clrScheme\b.*?</a:clrScheme>", blob.decode("utf-8"), re.S)
        found = re.findall(r'<a:(\w+)>\s*<a:(?:srgbClr val|sysClr [^>]*?lastClr)="([0-9A-Fa-f]{6})"',
                           scheme.group(0)) if scheme else []
        return {slot: value.upper() for slot, value in found}

    def without_footers(self) -> ReferenceDocx:
        """Return this reference with no footer on its pages (a part of a pack, numbered by the pack itself).

        Headers are kept: the draft watermark of minutes lives in the header.
        """
        return replace(self, sect_pr=re.sub(r"<w:footerReference\b[^>]*/>", "", self.sect_pr))

    def landscape_sect_pr(self) -> str:
        """Return the section properties turned to landscape (width and height swapped)."""
        width, height = _dimension(self.sect_pr, "pgSz", "w"), _dimension(self.sect_pr, "pgSz", "h")
        if width > height:
            return self.sect_pr
        new = f'<w:pgSz w:w="{height}" w:h="{width}" w:orient="landscape"/>'
        return re.sub(r"<w:pgSz\b[^>]*/>", new, self.sect_pr, count=1)


def section_text_width(sect_pr: str) -> int:
    """Return the width between the margins of the section properties ``sect_pr``, in twips."""
    return _dimension(sect_pr, "pgSz", "w") - _dimension(sect_pr, "pgMar", "left") - \
        _dimension(sect_pr, "pgMar", "right")


def _dimension(sect_pr: str, element: str, attr: str) -> int:
    match = re.search(rf'<w:{element}\b[^>]*\bw:{attr}="(\d+)"', sect_pr)
    defaults = {("pgSz", "w"): 11906, ("pgSz", "h"): 16838}
    return int(match.group(1)) if match else defaults.get((element, attr), 1134)


def load_reference(path: Path) -> ReferenceDocx:
    """Return the ReferenceDocx at ``path`` (parsed once per file version, then cached)."""
    path = Path(path)
    try:
        stat = path.stat()
    except OSError:
        raise TemplateError(f"{path}: reference document not found") from None
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _load(path: Path, _mtime: int, _size: int) -> ReferenceDocx:
    parts = read_docx_parts(path)
    missing = [name for name in REQUIRED_PARTS if name not in parts]
    if missing:
        raise TemplateError(f"{path}: not a Word reference document (no {', '.join(missing)}); "
                            "save it again in Word or start from `docgen templates init`")
    where = f"{path}: "
    for name, blob in parts.items():  # every XML part a builder edits as text must decode
        if name.endswith((".xml", ".rels")):
            xml_text(blob, name, where)
    styles: dict[str, str] = {}
    styles_xml = parts["word/styles.xml"].decode("utf-8")
    # A regular expression, not an XML parser: styles.xml is machine-written (and was checked
    # well-formed, free of DTDs and entities by the package guard); this keeps lxml out of the
    # start-up of a one-document run.
    for sid, inner in _STYLE.findall(styles_xml):
        styles.setdefault(sid.lower(), sid)
        named = _NAME.search(inner)
        if named:
            styles[named.group(1).lower()] = sid
    document = parts["word/document.xml"].decode("utf-8")
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>", document, flags=re.S)
    sect_pr = sections[-1] if sections else (
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" '
        'w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    return ReferenceDocx(path, parts, styles, sect_pr)


def read_docx_parts(path: Path) -> dict[str, bytes]:
    """Return the parts of the .docx at ``path``, checked by the package guard (:mod:`docgen.ooxml.safe_zip`).

    Raises TemplateError for macro files, corrupt or encrypted packages, zip bombs, unsafe
    member names and XML parts that are malformed or declare a DTD or entities.
    """
    return checked_package(Path(path), "docx").parts
