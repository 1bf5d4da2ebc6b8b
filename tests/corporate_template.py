"""A corporate-style deck template for tests: 4:3, its own layout names, Arial, a logo on the master.

Built with python-pptx from its default (4:3) template, as a PMO's template would differ from
docgen's: the layouts are renamed (``deck-layouts.yaml`` maps docgen's names to them), the theme's
fonts are Arial, the heading placeholder sits lower, and a logo is on the master, top right,
where the default title placeholder reaches.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.shapes.picture import CT_Picture
from pptx.util import Pt

LOGO = (612.0, 14.0, 90.0, 40.0)  # x, y, w, h in points, on every slide (the master)
LAYOUTS = {"Title Slide": "Corporate Cover", "Title Only": "Corporate Heading",
           "Title and Content": "Corporate Text", "Section Header": "Corporate Divider"}


def _logo_png() -> bytes:
    image = Image.new("RGB", (180, 80), (128, 0, 32))  # a burgundy block standing for the logo
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _add_logo(master, logo: tuple[float, float, float, float]) -> None:
    _, rid = master.part.get_or_add_image_part(io.BytesIO(_logo_png()))
    x, y, w, h = (Pt(v) for v in logo)
    pic = CT_Picture.new_pic(900, "Company logo", "Company logo", rid, x, y, w, h)
    master.shapes._spTree.append(pic)


def _arial_theme(master) -> None:
    theme = master.part.part_related_by(RT.THEME)
    xml = theme.blob.decode("utf-8")
    xml = re.sub(r'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', r'\1Arial"', xml)
    theme._blob = xml.encode("utf-8")


def corporate_template(folder: Path, logo: tuple[float, float, float, float] = LOGO) -> Path:
    """Write ``deck.pptx`` and its ``deck-layouts.yaml`` into ``folder``; return the template's path.

    ``logo``: where the logo sits (x, y, w, h in points).
    """
    prs = Presentation()
    for layout in prs.slide_layouts:
        if layout.name in LAYOUTS:
            layout.name = LAYOUTS[layout.name]
    heading = next(lay for lay in prs.slide_layouts if lay.name == "Corporate Heading")
    title = heading.placeholders[0]
    title.left, title.top, title.width, title.height = Pt(30), Pt(40), Pt(660), Pt(56)
    _add_logo(prs.slide_master, logo)
    _arial_theme(prs.slide_master)
    path = Path(folder) / "deck.pptx"
    prs.save(str(path))
    lines = [f'"{ours}": "{theirs}"' for ours, theirs in LAYOUTS.items()]
    (Path(folder) / "deck-layouts.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
