"""Where a template's own pictures (a logo on the master or a layout) sit on its slides.

A layout shows its master's shapes unless it says ``showMasterSp="0"`` (title slides often do):
only then are the master's pictures left off that layout's slides.
"""

from __future__ import annotations

from pptx.shapes.group import GroupShape
from pptx.shapes.picture import Picture

from docgen.ooxml.drawingml.shape_xml import EMU


def picture_boxes(shapes) -> list[tuple[float, float, float, float]]:
    """Return (x, y, w, h) in points of each picture of a python-pptx shape tree that is not a placeholder.

    A group holding a picture (a logo drawn with its caption) counts as one picture: its own box.
    By class, not ``shape_type``: python-pptx raises on some shapes' type (no geometry).
    """
    boxes = []
    for shape in shapes:
        if getattr(shape, "is_placeholder", False) or shape.left is None or shape.width is None:
            continue
        if isinstance(shape, Picture) or (isinstance(shape, GroupShape)
                                          and any(isinstance(s, Picture) for s in shape.shapes)):
            boxes.append((shape.left / EMU, shape.top / EMU, shape.width / EMU, shape.height / EMU))
    return boxes


def shows_master_shapes(layout) -> bool:
    """Return True when the python-pptx slide ``layout`` shows its master's shapes (the default)."""
    return layout._element.get("showMasterSp") not in ("0", "false")


def layout_pictures(layout) -> list[tuple[float, float, float, float]]:
    """Return the boxes of the pictures a slide on ``layout`` shows: its own, and its master's unless hidden."""
    found = picture_boxes(layout.shapes)
    if shows_master_shapes(layout):
        found += picture_boxes(layout.slide_master.shapes)
    return found
