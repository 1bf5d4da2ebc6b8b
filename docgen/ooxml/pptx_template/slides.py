"""Slides of a PowerPoint template: repeated per item (``{%slide for %}``), rendered shape by shape.

A slide is repeated when one of its text boxes holds exactly ``{%slide for d in
decisions_required %}`` (nothing else in that box), or when its speaker notes start with that
marker. The marker box (or the marker text of the notes) is removed; the slide is copied once
per item, in place, with ``d`` and ``loop`` bound on each copy; an empty list removes the
slide. ``{%slide if cond %}`` keeps the slide only when the condition holds.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from docgen.errors import TemplateError
from docgen.ooxml.pptx_template.blocks import render_table, render_text_body
from docgen.ooxml.pptx_template.paragraphs import A, P, paragraph_text, remove_tag, straighten
from docgen.ooxml.pptx_template.where import Engine, Where

PML = "http://schemas.openxmlformats.org/presentationml/2006/main"
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SP, TXBODY, FRAME = f"{{{PML}}}sp", f"{{{PML}}}txBody", f"{{{PML}}}graphicFrame"
TBL, TR, XFRM, EXT = f"{{{A}}}tbl", f"{{{A}}}tr", f"{{{PML}}}xfrm", f"{{{A}}}ext"
_SLIDE = re.compile(r"^\s*\{%-?\s*slide\s+(for|if)\b\s*(.*?)\s*-?%\}")


def take_marker(slide, where: Where) -> tuple[str, str, str] | None:
    """Return (verb, expression, marker text) of the slide's ``{%slide %}`` marker, removing it; or None."""
    found: list[tuple[str, str, str]] = []
    for sp in list(slide._element.iter(SP)):
        body = sp.find(TXBODY)
        text = _body_text(body)
        if not text.lstrip().startswith("{%") or "slide" not in text[:12]:
            continue
        match = _SLIDE.match(straighten(text))
        if match is None or text[match.end():].strip():
            raise TemplateError(f"{where.template}: template syntax error{where.text(text)}: "
                                "a {%slide for x in items %} or {%slide if cond %} marker must "
                                "be alone in its text box")
        found.append((match.group(1), match.group(2), text.strip()))
        sp.getparent().remove(sp)
    if slide.has_notes_slide:
        found.extend(_notes_marker(slide.notes_slide))
    if len(found) > 1:
        raise TemplateError(f"{where.template}: template syntax error{where.text(found[1][2])}: "
                            "a slide holds one {%slide %} marker at most")
    return found[0] if found else None


def _notes_marker(notes) -> list[tuple[str, str, str]]:
    frame = notes.notes_text_frame
    if frame is None:
        return []
    body = frame._txBody
    paragraphs = [p for p in body.iter(P)]
    text = "\n".join(paragraph_text(p) for p in paragraphs)
    match = _SLIDE.match(straighten(text))
    if match is None:
        return []
    first = next(p for p in paragraphs if paragraph_text(p).strip())
    remove_tag(first, match.group(0).strip())
    if not paragraph_text(first).strip() and len(paragraphs) > 1:
        body.remove(first)
    return [(match.group(1), match.group(2), match.group(0).strip())]


def _body_text(body) -> str:
    if body is None:
        return ""
    return "\n".join(paragraph_text(p) for p in body.iter(P))


def render_slide(slide, engine: Engine, context: dict, template, number: int) -> None:
    """Render every table, text frame and the notes of ``slide`` with ``context``, in place."""
    root = slide._element
    for frame in list(root.iter(FRAME)):
        tbl = frame.find(f".//{TBL}")
        if tbl is None:
            continue
        where = Where(template, number, f'table "{_name(frame)}"')
        if render_table(tbl, engine, context, where) == 0:
            frame.getparent().remove(frame)
        else:
            _fit_frame(frame, tbl)
    for body in list(root.iter(TXBODY)):
        where = Where(template, number, f'shape "{_name(body.getparent())}"')
        render_text_body(body, engine, context, where)
    if slide.has_notes_slide:
        for body in list(slide.notes_slide._element.iter(TXBODY)):
            render_text_body(body, engine, context, Where(template, number, "the notes"))


def _name(shape) -> str:
    for element in shape.iter():
        if element.tag.endswith("}cNvPr"):
            return element.get("name", "")
    return ""


def _fit_frame(frame, tbl) -> None:
    """Set the table frame's height to the sum of its rows (rows were added or removed)."""
    ext = frame.find(f"{XFRM}/{EXT}")
    heights = [int(tr.get("h", "0")) for tr in tbl.iter(TR)]
    if ext is not None and all(heights):
        ext.set("cy", str(sum(heights)))


def duplicate(prs, slide, after):
    """Return a copy of ``slide`` (shapes, pictures, links, notes) placed right after ``after``."""
    new = prs.slides.add_slide(slide.slide_layout)
    source, target = slide._element, new._element
    for child in list(target):
        target.remove(child)
    for child in source:
        target.append(deepcopy(child))
    target.attrib.update(source.attrib)
    mapping = {}
    for rid, rel in slide.part.rels.items():
        if rel.reltype in (RT.SLIDE_LAYOUT, RT.NOTES_SLIDE):
            continue
        if rel.is_external:
            mapping[rid] = new.part.relate_to(rel.target_ref, rel.reltype, is_external=True)
        else:
            mapping[rid] = new.part.relate_to(rel.target_part, rel.reltype)
    for element in target.iter():
        for attr, value in element.attrib.items():
            if attr.startswith(f"{{{RNS}}}") and value in mapping:
                element.set(attr, mapping[value])
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        frame = new.notes_slide.notes_text_frame
        if frame is not None:
            old_body = slide.notes_slide.notes_text_frame._txBody
            new_body = frame._txBody
            for child in list(new_body):
                new_body.remove(child)
            for child in old_body:
                new_body.append(deepcopy(child))
    ids = prs.slides._sldIdLst
    new_id = ids[-1]
    ids.remove(new_id)
    _id_of(prs, after).addnext(new_id)
    return new


def delete(prs, slide) -> None:
    """Remove ``slide`` from the presentation (its part is then not saved)."""
    ids = prs.slides._sldIdLst
    sld_id = _id_of(prs, slide)
    ids.remove(sld_id)
    prs.part.drop_rel(sld_id.rId)


def _id_of(prs, slide) -> etree._Element:
    for sld_id in prs.slides._sldIdLst:
        if prs.part.related_part(sld_id.rId) is slide.part:
            return sld_id
    raise LookupError("slide not in the presentation")
