"""The committee pack as one PDF: a contents page, then each part, numbered "Page X of Y" throughout.

The parts arrive as PDFs (LibreOffice's conversions of the agenda, the minutes, the deck and the
checklist summary). A deck's slides are set two per portrait page. Each part gets a bookmark and
a contents entry that links to its first page; every page is stamped with the pack's page number.
The result is reproducible: no time stamp and no random identifier are written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.annotations import Link
from pypdf.generic import DictionaryObject

from docgen.renderers.pdf_text import Rule, Text, drawn_page, fitted, fonts_of, lines, width

A4 = (595.28, 841.89)  # points, portrait
MARGIN = 56.0
SLIDE_GAP = 24.0


@dataclass(frozen=True)
class Part:
    """One part of the pack: its ``title`` (bookmark and contents entry), an optional ``detail`` line, its PDF.

    ``slides``: the PDF is a deck, set two slides per page.
    """

    title: str
    pdf: bytes
    detail: str = ""
    slides: bool = False


@dataclass(frozen=True)
class Cover:
    """The words of the contents page and of the page stamps, in the meeting's language."""

    kind: str  # "Committee pack"
    title: str  # the meeting's title
    details: list[str] = field(default_factory=list)  # date and time, place
    contents: str = "Contents"
    page: str = "Page"
    of: str = "of"


def assemble(parts: list[Part], cover: Cover) -> bytes:
    """Return the pack's PDF bytes: contents page, then ``parts`` in order, bookmarked and page-numbered."""
    writer = PdfWriter()
    fonts = fonts_of(writer)
    pages = [_pages_of(part, fonts) for part in parts]
    starts, total = [], 1
    for part_pages in pages:
        starts.append(total)
        total += len(part_pages)
    contents, links = _contents_page(parts, starts, cover, fonts)
    for page in [contents] + [p for part_pages in pages for p in part_pages]:
        added = writer.add_page(page)
        if added.rotation:  # turned in its content (pypdf does it on the writer's copy), so the stamp sits upright
            added.transfer_rotation_to_content()
        _stamp(added, len(writer.pages), total, cover, fonts)
    for part, start in zip(parts, starts):
        writer.add_outline_item(title=part.title, page_number=start)
    for rect, start in links:
        writer.add_annotation(page_number=0, annotation=Link(rect=rect, target_page_index=start))
    writer.add_metadata({"/Title": f"{cover.kind}: {cover.title}", "/Producer": "docgen", "/Creator": "docgen"})
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _pages_of(part: Part, fonts: DictionaryObject) -> list[PageObject]:
    """Return the pages ``part`` adds to the pack (a deck's slides two per page)."""
    reader = PdfReader(io.BytesIO(part.pdf))
    pages = list(reader.pages)
    if not part.slides:
        return pages
    return [_two_up(pages[i:i + 2], fonts) for i in range(0, len(pages), 2)]


def _size(page: PageObject) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width), float(box.height)


def _two_up(slides: list[PageObject], fonts: DictionaryObject) -> PageObject:
    """Return a portrait A4 page holding ``slides`` (one or two) stacked, scaled to the text width, framed."""
    page_w, page_h = A4
    slide_w, slide_h = _size(slides[0])
    room_w = page_w - 2 * MARGIN
    room_h = (page_h - 2 * MARGIN - SLIDE_GAP) / 2
    scale = min(room_w / slide_w, room_h / slide_h)
    w, h = slide_w * scale, slide_h * scale
    x = (page_w - w) / 2
    base = PageObject.create_blank_page(width=page_w, height=page_h)
    frames: list[Text | Rule] = []
    for index, slide in enumerate(slides):
        slot_top = page_h - MARGIN - index * (room_h + SLIDE_GAP)
        y = slot_top - (room_h - h) / 2 - h  # centred in its half of the page
        origin = slide.mediabox  # a slide's box need not start at (0, 0)
        base.merge_transformed_page(slide, Transformation().translate(-float(origin.left), -float(origin.bottom))
                                    .scale(scale, scale).translate(x, y))
        frames += [Rule(x, y, x + w, y), Rule(x + w, y, x + w, y + h), Rule(x + w, y + h, x, y + h),
                   Rule(x, y + h, x, y)]
    base.merge_page(drawn_page(page_w, page_h, frames, fonts))
    return base


def _stamp(page: PageObject, number: int, total: int, cover: Cover, fonts: DictionaryObject) -> None:
    """Write "Page X of Y" at the foot of ``page``, right, and the pack's title at the left."""
    page_w, page_h = _size(page)
    y = 24.0
    marks: list[Text | Rule] = [
        Text(page_w - 40, y, f"{cover.page} {number} {cover.of} {total}", 8, align="right", gray=0.3),
        Text(40, y, fitted(f"{cover.kind} \u00b7 {cover.title}", page_w / 2, 8), 8, gray=0.3),
    ]
    page.merge_page(drawn_page(page_w, page_h, marks, fonts))


def _contents_page(parts: list[Part], starts: list[int], cover: Cover, fonts: DictionaryObject
                   ) -> tuple[PageObject, list[tuple[tuple[float, float, float, float], int]]]:
    """Return the contents page and its links: (rectangle, target page index) per part.

    Every text is fitted to the page: the title on at most 3 lines, each other line cut with "...".
    """
    page_w, page_h = A4
    left, right = MARGIN + 16, page_w - MARGIN - 16
    y = page_h - 110
    items: list[Text | Rule] = [Text(left, y, fitted(cover.kind.upper(), right - left, 10, True), 10, bold=True,
                                     gray=0.4)]
    for line in lines(cover.title, right - left, 22, bold=True, max_lines=3):
        y -= 28
        items.append(Text(left, y, line, 22, bold=True))
    for detail in cover.details:
        y -= 16
        items.append(Text(left, y, fitted(detail, right - left, 11), 11, gray=0.3))
    y -= 48
    items += [Text(left, y, cover.contents, 14, bold=True), Rule(left, y - 8, right, y - 8, 0.75, 0.5)]
    y -= 34
    links = []
    for number, (part, start) in enumerate(zip(parts, starts), start=1):
        page_no = str(start + 1)
        entry = fitted(f"{number}.  {part.title}", right - left - width(page_no, 12) - 30, 12)
        room = right - left - width(entry, 12) - width(page_no, 12) - 12
        items += [Text(left, y, entry, 12),  # drawn in reading order: entry, leader, page
                  Text(right - width(page_no, 12) - 6, y, _leader(room), 12, align="right", gray=0.55),
                  Text(right, y, page_no, 12, align="right")]
        bottom = y - 4
        if part.detail:
            y -= 14
            indent = width(f"{number}.  ", 12)
            items.append(Text(left + indent, y, fitted(part.detail, right - left - indent, 9), 9, gray=0.4))
        links.append(((left - 2, y - 4, right + 2, bottom + 18), start))
        y -= 26
    return drawn_page(page_w, page_h, items, fonts), links


def _leader(room: float) -> str:
    """Return the dots filling ``room`` points between a contents entry and its page number."""
    dot = width(". ", 12)
    return ". " * max(0, int(room / dot))
