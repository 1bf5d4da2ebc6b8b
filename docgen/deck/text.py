"""Paragraph measurement and flow for text boxes: heights, the largest size that fits, pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from docgen import richtext
from docgen.deck.measure import Font, shorten, wrap
from docgen.deck.shapes import Para, Run

BULLET_INDENT = 14.0


def para_lines(para: Para, width: float, font: Font) -> int:
    """Return how many lines ``para`` wraps to in a box ``width`` points wide (inside insets)."""
    bold = any(r.bold for r in para.runs)
    inner = width - (BULLET_INDENT if para.bullet else 0)
    return len(wrap(para.text, inner, para.size, bold, font))


def para_height(para: Para, width: float, font: Font) -> float:
    """Return the height of ``para`` in points including its space before."""
    return para.space_before + para_lines(para, width, font) * font.line_height(para.size)


def paras_height(paras: list[Para], width: float, font: Font) -> float:
    """Return the total height of ``paras`` stacked in one text box."""
    return sum(para_height(p, width, font) for p in paras)


def largest_fit(build: Callable[[float], list[Para]], width: float, height: float,
                font: Font, top: float, floor: float) -> tuple[float, list[Para]] | None:
    """Return (size, paras) for the largest size from ``top`` down to ``floor`` that fits, or None."""
    size = top
    while size >= floor - 1e-6:
        paras = build(size)
        if paras_height(paras, width, font) <= height:
            return size, paras
        size -= 1
    return None


def paginate(paras: list[Para], width: float, height: float, font: Font) -> list[list[Para]]:
    """Return ``paras`` split into pages that each fit ``height``; a paragraph is never split.

    A paragraph taller than a whole page is shortened with a visible "…".
    """
    pages: list[list[Para]] = [[]]
    used = 0.0
    for para in paras:
        para = fit_para(para, width, height, font)
        need = para_height(para, width, font)
        if pages[-1] and used + need > height:
            pages.append([])
            used = 0.0
            para = replace(para, space_before=0.0)
            need = para_height(para, width, font)
        pages[-1].append(para)
        used += need
    return pages


def fit_para(para: Para, width: float, height: float, font: Font) -> Para:
    """Return ``para``, shortened with "…" to fit ``height`` when it is taller (last resort)."""
    if para_height(para, width, font) <= height:
        return para
    lines = max(1, int((height - para.space_before) // font.line_height(para.size)))
    inner = width - (BULLET_INDENT if para.bullet else 0)
    bold = any(r.bold for r in para.runs)
    text = shorten(para.text, inner, para.size, lines, bold, font)
    return replace(para, runs=[Run(text, bold=bold)])


def markdown_paras(text: str | None, size: float, space: float = 4.0) -> list[Para]:
    """Return the Markdown ``text`` as paragraphs (bullets kept, bold/italic runs kept)."""
    paras = []
    for block in richtext.parse(text or ""):
        runs = [Run(r.text, bold=r.bold, italic=r.italic) for r in block.runs if r.text]
        if not runs:
            continue
        bullet = "•" if block.kind == "bullet" else None
        if block.kind == "number":
            bullet = "1."
        paras.append(Para(runs, size, bullet=bullet, space_before=space if paras else 0.0))
    return paras


def bullets(items: list[str], size: float, space: float = 4.0) -> list[Para]:
    """Return one bullet paragraph per item (inline Markdown kept as runs)."""
    paras = []
    for item in items:
        runs = [Run(r.text, bold=r.bold, italic=r.italic) for r in richtext.inline_runs(item)]
        paras.append(Para(runs or [Run(item)], size, bullet="•",
                          space_before=space if paras else 0.0))
    return paras
