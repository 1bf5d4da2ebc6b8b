"""The deck template: a .pptx whose slide layouts are found by name, read once and cached.

A PMO's corporate template works as is when its layouts carry the names docgen uses ("Title
Slide", "Title Only"); otherwise ``deck-layouts.yaml`` next to it maps a slide kind (cover,
summary, risks, ...) or a docgen layout name to one of the template's layouts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from docgen.deck.shapes import Frame
from docgen.errors import DocgenError, TemplateError
from docgen.ooxml.drawingml.shapes import Box
from docgen.template_path import along, find_template

TEMPLATE_NAME = "deck.pptx"
MAPPING_NAME = "deck-layouts.yaml"
EMU_PER_PT = 12700
MAX_MAPPING_BYTES = 64 * 1024  # a mapping is a dozen lines


@dataclass
class DeckTemplate:
    """A deck template: its bytes, its layout names, the layout mapping and the frame to plan for."""

    path: Path
    data: bytes
    layout_names: list[str]
    mapping: dict[str, str] = field(default_factory=dict)
    frame: Frame = field(default_factory=Frame)
    # Placeholder boxes moved off the template's logo ("title", "cover_title", "cover_subtitle"): written
    # on the slide, as the layout's own placeholder would run under the logo.
    moved: dict[str, Box] = field(default_factory=dict)

    @cached_property
    def skeleton(self):
        """Return the template's :class:`~docgen.ooxml.pptx_skeleton.Skeleton` (built once, kept).

        Raises TemplateError when python-pptx cannot make sense of the (already checked) package.
        """
        from docgen.ooxml.pptx_skeleton import build_skeleton

        try:
            return build_skeleton(self.data)
        except DocgenError:
            raise
        except Exception as exc:  # python-pptx/lxml raise many kinds on a damaged package
            raise _damaged(self.path, exc) from None

    def layout_for(self, kind: str, layout: str) -> str:
        """Return the template layout name used for a slide of ``kind`` planned on ``layout``."""
        return self.mapping.get(kind) or self.mapping.get(layout) or layout

    def check(self, needs: list[tuple[str, str]]) -> None:
        """Raise TemplateError listing every (kind, layout) whose layout the template lacks."""
        missing = sorted({self.layout_for(k, lay) for k, lay in needs} - set(self.layout_names))
        if missing:
            raise TemplateError(
                f"{self.path}: slide layout(s) missing: {', '.join(repr(m) for m in missing)}; "
                f"the template has: {', '.join(repr(n) for n in self.layout_names)}. Rename its "
                f"layouts or map slide kinds to them in {MAPPING_NAME} next to the template"
            )


def load_template(dirs: tuple[Path, ...] = ()) -> DeckTemplate:
    """Return the deck template found along the search path ``dirs`` (cached while the file is unchanged)."""
    path = find_template(TEMPLATE_NAME, list(along(dirs)))
    try:
        stat = path.stat()
        mapping = path.parent / MAPPING_NAME
        mapping_stat = mapping.stat() if mapping.is_file() else None
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read ({exc.strerror or exc})") from None
    mapping_stamp = (mapping_stat.st_mtime_ns, mapping_stat.st_size) if mapping_stat else (0, 0)
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size, mapping_stamp)


@lru_cache(maxsize=8)
def _load(path: Path, mtime: int, size: int, mapping_stamp: tuple[int, int]) -> DeckTemplate:
    from pptx import Presentation

    from docgen.ooxml.safe_zip import checked_package

    checked = checked_package(path, "pptx")  # bombs, macros, XXE, corrupt zips: TemplateError
    mapping = _mapping(path.parent / MAPPING_NAME)
    try:
        prs = Presentation(checked.stream())
        names = [layout.name for layout in prs.slide_layouts]
        template = DeckTemplate(path, checked.data, names, mapping)
        template.frame, template.moved = _frame(prs, template)
    except DocgenError:
        raise
    except Exception as exc:  # python-pptx/lxml raise many kinds on a damaged package
        raise _damaged(path, exc) from None
    return template


def _damaged(path: Path, exc: Exception) -> TemplateError:
    """Return the TemplateError for a package python-pptx could not read (``exc`` named in one line)."""
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    kind = type(exc).__name__
    return TemplateError(f"{path}: not a usable PowerPoint template ({kind}{': ' + detail if detail else ''}); "
                         "open and save it again in PowerPoint, or start from `docgen templates init`")


def _mapping(path: Path) -> dict[str, str]:
    """Return the layout mapping in ``path`` ({} when there is none); raise TemplateError when it is unreadable."""
    if not path.is_file():
        return {}
    from docgen.deck.settings_file import read_settings

    data = read_settings(path, "layout mapping", MAX_MAPPING_BYTES)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise TemplateError(f"{path}: expected a mapping of slide kind -> layout name")
    return {str(k): v for k, v in data.items()}


def _box(shape) -> Box | None:
    if shape is None or shape.left is None or shape.width is None:
        return None
    return Box(shape.left / EMU_PER_PT, shape.top / EMU_PER_PT,
               shape.width / EMU_PER_PT, shape.height / EMU_PER_PT)


def _placeholder(layout, types: tuple[str, ...]):
    for ph in layout.placeholders:
        if ph.placeholder_format.type is not None and ph.placeholder_format.type.name in types:
            return ph
    return None


GAP = 6.0  # points kept between a logo and the text planned beside it
KEPT = 0.5  # a picture that would leave less of a box than this share is a background, not a logo


def clear_of(box: Box, obstacles: list[Box], gap: float = GAP) -> Box:
    """Return the largest part of ``box`` that keeps ``gap`` from each obstacle (a logo) it overlaps.

    Each overlapping obstacle is cut away from one side: above, below, left or right of it,
    whichever leaves the most area; ``box`` itself when it overlaps none. A picture that would
    leave less than :data:`KEPT` of the box (a full-slide image, a band behind the text) is a
    background and cuts nothing.
    """
    for ob in obstacles:
        if not box.overlaps(ob):
            continue
        sides = [Box(box.x, box.y, box.w, ob.y - gap - box.y),
                 Box(box.x, ob.bottom + gap, box.w, box.bottom - ob.bottom - gap),
                 Box(box.x, box.y, ob.x - gap - box.x, box.h),
                 Box(ob.right + gap, box.y, box.right - ob.right - gap, box.h)]
        room = [side for side in sides if side.w > 0 and side.h > 0]
        best = max(room, key=lambda side: side.w * side.h, default=None)
        if best is not None and best.w * best.h >= KEPT * box.w * box.h:
            box = best
    return box


def _logos(layout) -> list[Box]:
    """Return the boxes of the pictures (logos) a slide on ``layout`` shows; [] without a layout."""
    from docgen.ooxml.pptx_pictures import layout_pictures

    return [Box(*box) for box in layout_pictures(layout)] if layout is not None else []


def _frame(prs, template: DeckTemplate) -> tuple[Frame, dict[str, Box]]:
    """Return the frame to plan for (title, body, cover boxes clear of footers and logos) and the moved titles."""
    frame = _placeholder_frame(prs, template)
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    page = _logos(by_name.get(template.layout_for("risks", "Title Only")))
    cover = _logos(by_name.get(template.layout_for("cover", "Title Slide")))
    title, cover_title = clear_of(frame.title, page), clear_of(frame.cover_title, cover)
    subtitle = clear_of(frame.cover_subtitle, cover)
    moved = {name: box for name, box, was in (("title", title, frame.title), ("cover_title", cover_title,
                                                                             frame.cover_title),
                                              ("cover_subtitle", subtitle, frame.cover_subtitle)) if box != was}
    return Frame(frame.width, frame.height, title, clear_of(frame.body, page), cover_title, subtitle,
                 frame.title_size, frame.font_name), moved


def _placeholder_frame(prs, template: DeckTemplate) -> Frame:
    by_name = {layout.name: layout for layout in prs.slide_layouts}
    width, height = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    default = Frame()
    only = by_name.get(template.layout_for("risks", "Title Only"))
    title = _box(_placeholder(only, ("TITLE", "CENTER_TITLE"))) if only else None
    title = title or Box(width * 0.04, height * 0.03, width * 0.92, height * 0.12)
    content = by_name.get(template.layout_for("content", "Title and Content"))
    body = _box(_placeholder(content, ("OBJECT", "BODY"))) if content else None
    if body is None:
        top = title.bottom + height * 0.03
        body = Box(title.x, top, title.w, height * 0.9 - top)
    if only is not None:
        feet = [_box(ph) for ph in only.placeholders
                if ph.placeholder_format.type is not None
                and ph.placeholder_format.type.name in ("FOOTER", "SLIDE_NUMBER", "DATE")]
        tops = [f.y for f in feet if f and f.y > body.y]
        if tops and body.bottom > min(tops) - 6:
            body = Box(body.x, body.y, body.w, min(tops) - 6 - body.y)
    cover = by_name.get(template.layout_for("cover", "Title Slide"))
    ctitle = _box(_placeholder(cover, ("CENTER_TITLE", "TITLE"))) if cover else None
    csub = _box(_placeholder(cover, ("SUBTITLE", "BODY"))) if cover else None
    return Frame(width, height, title, body, ctitle or default.cover_title,
                 csub or default.cover_subtitle, default.title_size, _body_font(prs))


def _body_font(prs) -> str:
    """Return the theme's body (minor) Latin typeface, e.g. "Calibri"."""
    from docgen.ooxml.theme import minor_latin_font

    master = prs.slide_master
    for rel in master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            found = minor_latin_font(rel.target_part.blob)
            if found:
                return found
    return "Calibri"
