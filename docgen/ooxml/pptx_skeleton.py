"""What every deck on one template shares, read once with python-pptx and kept as text and bytes.

The template's parts are serialised once, as python-pptx would save them; a deck only adds
slides, charts and their workbooks, and rewrites the few parts that list them (presentation,
its relationships, content types, core properties). See :mod:`docgen.ooxml.pptx_deck`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from lxml import etree

from docgen.ooxml.opc import Rel
from docgen.ooxml.xmltext import esc

FOOTER_KINDS = {"ftr": "footer", "dt": "date", "sldNum": "number"}
TEXT_MARK = "@@TEXT@@"
NOTES_MARK = "@@NOTES@@"
CORE_MARKS = {"title": "@@DOCGEN-TITLE@@", "subject": "@@DOCGEN-SUBJECT@@",
              "language": "@@DOCGEN-LANGUAGE@@"}
_SLIDE_MARK = "rIdDOCGENMARK"
# Namespaces every slide root declares: copies of layout elements need not repeat them.
SLIDE_NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
_REWRITTEN = ("[Content_Types].xml", "ppt/presentation.xml", "ppt/_rels/presentation.xml.rels",
              "docProps/core.xml")


@dataclass
class LayoutInfo:
    """What a slide on one layout needs: its target, title/subtitle ph tags, footer templates."""

    target: str  # relative reference from a slide part, e.g. "../slideLayouts/slideLayout6.xml"
    title_ph: str | None
    subtitle_ph: str | None
    footers: list[tuple[str, str, float, int]]  # (kind, xml with TEXT_MARK, width pt, shape id)
    # (top, left) in EMU of the subtitle and footer placeholders ("subtitle", "footer", "date", "number"):
    # where they fall in the reading order of a slide
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Skeleton:
    """A template ready for decks: static parts as bytes, the rewritten parts as text pieces."""

    parts: dict[str, bytes]
    layouts: dict[str, LayoutInfo]
    presentation: tuple[str, str, str]  # head, sldId entry with {id}/{rid} fields, tail
    first_slide_id: int
    slide_count: int
    rels: list[Rel]
    defaults: dict[str, str]
    overrides: dict[str, str]
    core: str
    used_names: set[str] = field(default_factory=set)
    data: bytes = b""  # the template, for :meth:`with_notes`
    notes_master: str | None = None  # zip member name of the notes master, when there is one
    notes_xml: str = ""  # a notes slide with NOTES_MARK where its paragraphs go
    _with_notes: Skeleton | None = field(default=None, repr=False)

    def with_notes(self) -> Skeleton:
        """Return the skeleton of the same template with a notes master (built once, on first use).

        Decks whose slides have no notes keep using this skeleton, so their bytes do not change.
        """
        if self.notes_master:
            return self
        if self._with_notes is None:
            self._with_notes = build_skeleton(self.data, notes=True)
        return self._with_notes

    def core_xml(self, title: str, subject: str, language: str) -> str:
        """Return the core properties with ``title``, ``subject`` and ``language`` filled in."""
        values = {"title": title, "subject": subject, "language": language}
        text = self.core
        for key, mark in CORE_MARKS.items():
            text = text.replace(mark, esc(values[key]))
        return text


def build_skeleton(data: bytes, notes: bool = False) -> Skeleton:
    """Return the Skeleton of the .pptx template ``data`` (python-pptx opened once, here).

    With ``notes``, a notes master is added when the template has none (python-pptx's default
    one) and listed in the presentation, so slides can carry speaker notes.
    """
    from pptx import Presentation

    prs = Presentation(io.BytesIO(data))
    notes_master = notes_xml = None
    if notes:
        notes_master, notes_xml = _notes_parts(prs, data)
    existing = len(prs.slides._sldIdLst)
    marker = prs.slides._sldIdLst.add_sldId(_SLIDE_MARK)
    props = prs.core_properties
    props.title, props.subject = CORE_MARKS["title"], CORE_MARKS["subject"]
    props.author = props.last_modified_by = "docgen"
    props.revision = 1
    props.language = CORE_MARKS["language"]
    parts, package_parts = _serialised(prs)
    defaults, overrides = _content_types(package_parts)
    rels = [Rel(r.rId, r.reltype, r.target_ref, r.is_external) for r in prs.part.rels.values()]
    return Skeleton(
        parts={k: v for k, v in parts.items() if k not in _REWRITTEN},
        layouts={layout.name: _layout_info(layout) for layout in prs.slide_layouts},
        presentation=_split_presentation(parts["ppt/presentation.xml"].decode("utf-8"),
                                         marker.get("id")),
        first_slide_id=int(marker.get("id")),
        slide_count=existing,
        rels=rels,
        defaults=defaults,
        overrides=overrides,
        core=parts["docProps/core.xml"].decode("utf-8"),
        used_names=set(parts),
        data=data,
        notes_master=notes_master,
        notes_xml=notes_xml or "",
    )


def _notes_parts(prs, data: bytes) -> tuple[str, str]:
    """Return the notes master's member name in ``prs`` (added when missing) and a notes slide template.

    The notes slide is the one python-pptx makes for a slide (placeholders cloned from the
    master), its body paragraphs replaced by NOTES_MARK. The master is listed in the
    presentation's ``notesMasterIdLst``, which PowerPoint expects.
    """
    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT_
    from pptx.oxml.ns import qn

    master = prs.part.notes_master_part
    root = prs.part._element
    if root.find(qn("p:notesMasterIdLst")) is None:
        rid = prs.part.relate_to(master, RT_.NOTES_MASTER)
        lst = etree.SubElement(root, qn("p:notesMasterIdLst"))
        etree.SubElement(lst, qn("p:notesMasterId")).set(qn("r:id"), rid)
        root.find(qn("p:sldMasterIdLst")).addnext(lst)
    scratch = Presentation(io.BytesIO(data))  # a throwaway slide, to get python-pptx's notes slide
    slide = scratch.slides.add_slide(scratch.slide_layouts[0])
    body = slide.notes_slide.notes_text_frame._txBody
    for p in body.findall(qn("a:p")):
        body.remove(p)
    body.append(etree.Comment(NOTES_MARK))  # where the paragraphs go
    xml = etree.tostring(slide.notes_slide._element, xml_declaration=True, encoding="UTF-8",
                         standalone=True).decode("utf-8")
    return master.partname.membername, xml.replace(f"<!--{NOTES_MARK}-->", NOTES_MARK)


def _split_presentation(xml: str, marker_id: str) -> tuple[str, str, str]:
    found = re.search(rf'<[^<>]*"{_SLIDE_MARK}"[^<>]*/>', xml)
    if found is None:
        raise ValueError("the marker slide is missing from presentation.xml")
    entry = found.group(0).replace(f' id="{marker_id}"', ' id="{id}"')
    entry = entry.replace(_SLIDE_MARK, "{rid}")
    return xml[:found.start()], entry, xml[found.end():]


def _serialised(prs) -> tuple[dict[str, bytes], list]:
    """Return the package's parts by zip member name as python-pptx writes them, and the parts."""
    from pptx.opc.oxml import serialize_part_xml
    from pptx.opc.serialized import _ContentTypesItem

    package = prs.part.package
    parts = list(package.iter_parts())
    out = {
        "[Content_Types].xml": serialize_part_xml(_ContentTypesItem.xml_for(parts)),
        "_rels/.rels": package._rels.xml,
    }
    for part in parts:
        out[part.partname.membername] = part.blob
        if part._rels:
            out[part.partname.rels_uri.membername] = part.rels.xml
    return out, parts


def _content_types(parts: list) -> tuple[dict[str, str], dict[str, str]]:
    from pptx.opc.serialized import _ContentTypesItem

    defaults, overrides = _ContentTypesItem(parts)._defaults_and_overrides
    return dict(defaults.items()), {name.membername: ct for name, ct in overrides.items()}


def _bare(element) -> str:
    """Return ``element`` as text without the namespace declarations a slide root makes."""
    text = etree.tostring(element).decode("utf-8")
    for prefix, uri in SLIDE_NS.items():
        text = text.replace(f' xmlns:{prefix}="{uri}"', "")
    return text


def _footer_template(element) -> str | None:
    """Return the footer placeholder ``element`` emptied, TEXT_MARK where its run goes; None without a text body."""
    from pptx.oxml.ns import qn

    copy = etree.fromstring(etree.tostring(element))
    sp_pr = copy.find(qn("p:spPr"))
    for child in list(sp_pr):
        sp_pr.remove(child)
    body = copy.find(qn("p:txBody"))
    for p in body.findall(qn("a:p")) if body is not None else ():
        body.remove(p)
    text = _bare(copy).replace("</p:txBody>", f"<a:p>{TEXT_MARK}</a:p></p:txBody>")
    return None if "<p:txBody/>" in text or "</p:txBody>" not in text else text


def _layout_info(layout) -> LayoutInfo:
    """Return what slides on ``layout`` need: its target, title/subtitle placeholders, footers and their places."""
    title = subtitle = None
    footers = []
    positions = {}
    for ph in layout.placeholders:
        el = ph._element
        kind = el.ph.get("type", "obj")
        if kind in ("title", "ctrTitle") and title is None:
            title = _bare(el.ph)
        elif kind in ("subTitle", "body", "obj") and subtitle is None:
            subtitle = _bare(el.ph)
            positions["subtitle"] = (int(ph.top or 0), int(ph.left or 0))
        elif kind in FOOTER_KINDS:
            text = _footer_template(el)
            if text is None:
                continue
            footers.append((FOOTER_KINDS[kind], text, (ph.width or 0) / 12700, ph.shape_id))
            positions[FOOTER_KINDS[kind]] = (int(ph.top or 0), int(ph.left or 0))
    target = layout.part.partname.relative_ref("/ppt/slides")
    return LayoutInfo(target, title, subtitle, footers, positions)
