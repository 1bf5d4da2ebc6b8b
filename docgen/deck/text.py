"""Paragraph measurement and flow for text boxes: heights, the largest size that fits, pages."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import replace

from docgen import richtext
from docgen.deck.measure import Font, shorten, wrap
from docgen.ooxml.drawingml.shapes import Para, Run

BULLET_INDENT = 14.0


def para_lines(para: Para, width: float, font: Font, limit: int | None = None) -> int:
    """Return how many lines ``para`` wraps to in a box ``width`` points wide (inside insets).

    With ``limit``, counting stops past ``limit`` lines (the result is then ``limit + 1``).
    """
    bold = any(r.bold for r in para.runs)
    inner = width - (BULLET_INDENT if para.bullet else 0)
    return len(wrap(para.text, inner, para.size, bold, font, limit))


def para_height(para: Para, width: float, font: Font, cap: float | None = None) -> float:
    """Return the height of ``para`` in points including its space before.

    With ``cap``, measuring stops once the height is known to exceed ``cap``: the result is then
    some height above ``cap`` (cheap for a paragraph of 50,000 characters).
    """
    line = font.line_height(para.size)
    limit = None if cap is None else max(0, int((cap - para.space_before) // line))
    return para.space_before + para_lines(para, width, font, limit) * line


def paras_height(paras: list[Para], width: float, font: Font) -> float:
    """Return the total height of ``paras`` stacked in one text box."""
    return sum(para_height(p, width, font) for p in paras)


def paras_fit(paras: list[Para], width: float, height: float, font: Font) -> bool:
    """Return True when ``paras`` stacked fit ``height`` (stops measuring as soon as they do not)."""
    used = 0.0
    for para in paras:
        used += para_height(para, width, font, height - used)
        if used > height:
            return False
    return True


def largest_fit(build: Callable[[float], list[Para]], width: float, height: float,
                font: Font, top: float, floor: float) -> tuple[float, list[Para]] | None:
    """Return (size, paras) for the largest size from ``top`` down to ``floor`` that fits, or None."""
    size = top
    while size >= floor - 1e-6:
        paras = build(size)
        if paras_fit(paras, width, height, font):
            return size, paras
        size -= 1
    return None


def paginate(paras: list[Para], width: float, height: float, font: Font,
             split: bool = False) -> list[list[Para]]:
    """Return ``paras`` split into pages that each fit ``height``.

    A heading (``keep_next``) moves to the next page with the paragraph it introduces. With
    ``split``, a paragraph that does not fit continues on the next page (at a word boundary);
    otherwise paragraphs are never split. A paragraph taller than a whole page that cannot be
    split is shortened with a visible "…" (last resort).
    """
    pages: list[list[Para]] = [[]]
    used = 0.0
    queue = deque(paras)  # popped from the left: linear in the number of paragraphs
    while queue:
        para = queue.popleft()
        need = para_height(para, width, font, height - used)  # exact when it fits the page
        if para.keep_next and queue and pages[-1]:
            need_next = queue[0].space_before + font.line_height(queue[0].size)
            if used + need + need_next > height:
                pages.append([])
                used = 0.0
                para = replace(para, space_before=0.0)
                need = para_height(para, width, font, height)
        if used + need <= height:
            pages[-1].append(para)
            used += need
            continue
        if split:
            head, tail = split_para(para, width, height - used, font)
            if head is not None:
                pages[-1].append(head)
                pages.append([])
                used = 0.0
                queue.appendleft(tail)
                continue
        if pages[-1]:
            pages.append([])
            used = 0.0
            queue.appendleft(replace(para, space_before=0.0))
            continue
        para = fit_para(para, width, height, font)
        pages[-1].append(para)
        used += para_height(para, width, font)
    return [page for page in pages if page] or [[]]


def split_para(para: Para, width: float, room: float, font: Font) -> tuple[Para | None, Para]:
    """Return (head, tail): the lines of ``para`` that fit ``room``, and the rest.

    The cut falls where the wrapped lines break: between words, or inside a word too long for a
    line (a 10,000-character string without spaces). The text is kept exactly, with the runs'
    formatting; the tail starts a page (no space before) and has no bullet. Returns
    (None, para) when fewer than two lines would fit.
    """
    line = font.line_height(para.size)
    if room - para.space_before < 2 * line:
        return None, para
    return _split_chars(para, width, room, font)


def _inner_lines(para: Para, width: float, room: float, font: Font) -> tuple[list[str], int]:
    """Return the first lines ``para`` wraps to (one more than fit ``room``), and how many fit."""
    bold = any(r.bold for r in para.runs)
    inner = width - (BULLET_INDENT if para.bullet else 0)
    count = int((room - para.space_before) // font.line_height(para.size))
    return wrap(para.text, inner, para.size, bold, font, max(count, 0)), count


def _split_chars(para: Para, width: float, room: float, font: Font) -> tuple[Para | None, Para]:
    """Return (head, tail) of ``para`` cut after the lines that fit ``room``, inside a word if need be.

    Returns (None, para) when ``para`` does not need more lines than fit.
    """
    lines, count = _inner_lines(para, width, room, font)
    text = para.text
    while count >= 1 and len(lines) > count:
        cut = _offset_after(text, lines[:count])
        head = replace(para, runs=_cut_runs(para.runs, 0, cut))
        if cut > 0 and para_height(head, width, font) <= room:
            tail = replace(para, runs=_cut_runs(para.runs, cut, len(text)), space_before=0.0,
                           bullet=None)
            return head, tail
        count -= 1
    return None, para


def _offset_after(text: str, lines: list[str]) -> int:
    """Return the offset in ``text`` just after the characters of its wrapped ``lines``."""
    pos = 0
    for line in lines:
        for ch in line:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            if not ch.isspace():
                pos += 1
    return pos


def _cut_runs(runs: list[Run], start: int, end: int) -> list[Run]:
    """Return the runs covering characters ``start`` to ``end`` of their joined text, trimmed of spaces."""
    out: list[Run] = []
    at = 0
    for run in runs:
        lo, hi = max(start - at, 0), min(end - at, len(run.text))
        if lo < hi:
            out.append(replace(run, text=run.text[lo:hi]))
        at += len(run.text)
    if out:
        out[0] = replace(out[0], text=out[0].text.lstrip())
        out[-1] = replace(out[-1], text=out[-1].text.rstrip())
    return [r for r in out if r.text]


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
    paras: list[Para] = []
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
    paras: list[Para] = []
    for item in items:
        runs = [Run(r.text, bold=r.bold, italic=r.italic) for r in richtext.inline_runs(item)]
        paras.append(Para(runs or [Run(item)], size, bullet="•",
                          space_before=space if paras else 0.0))
    return paras
