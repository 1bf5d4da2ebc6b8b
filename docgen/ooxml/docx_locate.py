"""Where a line of a Word part's XML falls: the paragraph holding it, and whether it sits in a table cell."""

from __future__ import annotations

import re
from html import unescape


def paragraph_at(xml: str, lineno: int) -> tuple[str, bool] | None:
    """Return (text, in a table cell) of the paragraph on line ``lineno`` of ``xml``, one paragraph a line.

    ``xml`` is a WordprocessingML part as Jinja saw it (docxtpl's patched XML), its lines counted as
    if each ``<w:p>`` started one; the text is cut to 120 characters. None when ``lineno`` is past the end.
    """
    lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml).split("\n")
    if lineno > len(lines):
        return None
    before = "\n".join(lines[: lineno - 1])
    in_cell = len(re.findall(r"<w:tc[ >]", before)) > before.count("</w:tc>")
    paragraph = lines[lineno - 1].split("</w:p>")[0]
    text = unescape(re.sub(r"<[^>]+>", "", paragraph)).strip()
    if len(text) > 120:
        text = text[:117] + "..."
    return text, in_cell
