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
    queue = list(paras)
    while queue:
        para = queue.pop(0)
        need = para_height(para, width, font)
        if para.keep_next and queue and pages[-1]:
            need_next = queue[0].space_before + font.line_height(queue[0].size)
            if used + need + need_next > height:
                pages.append([])
                used = 0.0
                para = replace(para, space_before=0.0)
                need = para_height(para, width, font)
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
                queue.insert(0, tail)
                continue
        if pages[-1]:
            pages.append([])
            used = 0.0
            queue.insert(0, replace(para, space_before=0.0))
            continue
        para = fit_para(para, width, height, font)
        pages[-1].append(para)
        used += para_height(para, width, font)
    return [page for page in pages if page] or [[]]


def split_para(para: Para, width: float, room: float, font: Font) -> tuple[Para | None, Para]:
    """Return (head, tail): the most words of ``para`` that fit ``room``, and the rest.

    Returns (None, para) when fewer than two lines would fit or the paragraph is one word.
    The tail keeps the runs' formatting, starts a page (no space before) and has no bullet.
    """
    line = font.line_height(para.size)
    if room - para.space_before < 2 * line:
        return None, para
    words = [(word, run) for run in para.runs for word in run.text.split(" ") if word]
    if len(words) < 2:
        return None, para
    low, high = 1, len(words) - 1
    while low < high:  # the largest prefix of words whose paragraph fits the room
        mid = (low + high + 1) // 2
        if para_height(replace(para, runs=_runs(words[:mid])), width, font) <= room:
            low = mid
        else:
            high = mid - 1
    if para_height(replace(para, runs=_runs(words[:low])), width, font) > room:
        return None, para
    head = replace(para, runs=_runs(words[:low]))
    tail = replace(para, runs=_runs(words[low:]), space_before=0.0, bullet=None)
    return head, tail


def _runs(words: list[tuple[str, Run]]) -> list[Run]:
    """Return runs rebuilt from (word, run) pairs, consecutive words of one run joined."""
    runs: list[Run] = []
    for word, run in words:
        if runs and runs[-1].bold == run.bold and runs[-1].italic == run.italic \
                and runs[-1].color == run.color:
            runs[-1] = replace(runs[-1], text=runs[-1].text + " " + word)
        else:
            text = (" " + word) if runs else word
            runs.append(replace(run, text=text))
    return runs


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
