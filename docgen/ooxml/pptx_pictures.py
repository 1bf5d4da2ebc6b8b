"""Where a template's own pictures (a logo on the master or a layout) sit on its slides.

A layout shows its master's shapes unless it says ``showMasterSp="0"`` (title slides often do):
only then are the master's pictures left off that layout's slides.
"""

from __future__ import annotations

EMU_PER_PT = 12700


def picture_boxes(shapes) -> list[tuple[float, float, float, float]]:
    """Return (x, y, w, h) in points of each picture of a python-pptx shape tree that is not a placeholder."""
    boxes = []
    for shape in shapes:
        if getattr(shape, "is_placeholder", False) or shape.left is None or shape.width is None:
            continue
        if shape.shape_type is not None and shape.shape_type.name in ("PICTURE", "LINKED_PICTURE"):
            boxes.append((shape.left / EMU_PER_PT, shape.top / EMU_PER_PT,
                          shape.width / EMU_PER_PT, shape.height / EMU_PER_PT))
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
