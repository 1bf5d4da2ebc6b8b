"""What the Word readers read from a document's WordprocessingML, as plain values.

Numbering (numId, level) and outline levels of paragraph properties, the numbering part's level
formats, the bold of character styles, the body's paragraphs and tables in order (content
controls opened), vertically merged cells. Elements are python-docx's (lxml) ones.
"""

from __future__ import annotations

from collections.abc import Iterator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFF = ("0", "false", "off", "none")  # w:val of an on/off property that turns it off


def flag_on(flag) -> bool:
    """Return whether the on/off property element ``flag`` (w:b, w:strike...) is on (no w:val means on)."""
    return flag.get(f"{W}val", "1").lower() not in OFF


def numbering(nodes: list) -> tuple[str | None, str | None]:
    """Return (numId, ilvl) of the first numbering found along the paragraph properties ``nodes`` (w:pPr or None).

    Each value is taken from the first node that has it; ilvl is "" when its element has no value,
    None when no node has one; numId is None when none has one.
    """
    num_id, level = None, None
    for node in nodes:
        num_pr = node.find(f"{W}numPr") if node is not None else None
        if num_pr is None:
            continue
        if num_id is None and num_pr.find(f"{W}numId") is not None:
            num_id = num_pr.find(f"{W}numId").get(f"{W}val")
        if level is None and num_pr.find(f"{W}ilvl") is not None:
            level = num_pr.find(f"{W}ilvl").get(f"{W}val") or ""
    return num_id, level


def outline_level(ppr) -> int | None:
    """Return the heading level (1..9) of the paragraph properties ``ppr``'s outline level, None without one.

    An outline level of 9 (body text) is None; a value that is no number raises ValueError.
    """
    node = ppr.find(f"{W}outlineLvl") if ppr is not None else None
    if node is None:
        return None
    value = int(node.get(f"{W}val") or 9)
    return value + 1 if value < 9 else None


def first_outline_level(nodes: list) -> int | None:
    """Return the heading level (1..9) of the first of ``nodes`` (w:pPr or None) with an outline level 0..8, or None."""
    for node in nodes:
        level = node.find(f"{W}outlineLvl") if node is not None else None
        if level is not None and (level.get(f"{W}val") or "9").isdigit() and int(level.get(f"{W}val")) < 9:
            return int(level.get(f"{W}val")) + 1
    return None


def numbering_levels(document) -> dict[tuple[str, int], tuple[str, str]]:
    """Return (level text, number format) of each (numId, level) of a document's numbering part.

    ``("%1.", "decimal")`` for a numbered list, ``("", "bullet")``...; empty without a numbering part.
    """
    levels: dict[tuple[str, int], tuple[str, str]] = {}
    try:
        root = document.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return levels
    abstract = {a.get(f"{W}abstractNumId"): a for a in root.findall(f"{W}abstractNum")}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        node = abstract.get(ref.get(f"{W}val")) if ref is not None else None
        for lvl in node.findall(f"{W}lvl") if node is not None else ():
            text, fmt = lvl.find(f"{W}lvlText"), lvl.find(f"{W}numFmt")
            levels[(num.get(f"{W}numId"), int(lvl.get(f"{W}ilvl") or 0))] = (
                text.get(f"{W}val") if text is not None else "",
                fmt.get(f"{W}val") if fmt is not None else "decimal")
    return levels


def style_bold(document, style_id: str) -> bool:
    """Return whether the style ``style_id`` of ``document`` (or one it is based on, 10 at most) is bold."""
    bold, seen = False, 0
    current: str | None = style_id
    while current and seen < 10:
        element = document.styles.element.get_by_id(current)
        if element is None:
            break
        flag = element.find(f"{W}rPr/{W}b")
        if flag is not None:
            bold = flag_on(flag)
            break
        based = element.find(f"{W}basedOn")
        current, seen = (based.get(f"{W}val") if based is not None else None), seen + 1
    return bold


def body_children(body) -> Iterator:
    """Yield the body's paragraphs and tables in order, content controls opened."""
    for child in body.iterchildren():
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from body_children(content)


def is_table(element) -> bool:
    """Return whether ``element`` (one of :func:`body_children`) is a table, not a paragraph."""
    return element.tag == f"{W}tbl"


def cell_paragraphs(tc) -> Iterator:
    """Yield every paragraph (w:p) inside the table cell ``tc``, those of nested tables too."""
    return tc.iter(f"{W}p")


def continues_merge(tc) -> bool:
    """Return whether the table cell ``tc`` continues a vertical merge (its text is the cell's above)."""
    return tc.tcPr is not None and tc.tcPr.find(f"{W}vMerge") is not None \
        and tc.tcPr.find(f"{W}vMerge").get(f"{W}val") != "restart"
