"""Markdown free text as a format-neutral list of blocks and runs, for the Office writers.

Python-Markdown parses; a tree processor hands us its element tree, which is walked into
:class:`Block` objects (paragraphs, nested bullet/numbered list items, quotes, code) holding
:class:`Run` objects (bold, italic, code, hyperlinks). Only safe link targets are kept
(:func:`docgen.safety.safe_url`): a ``javascript:`` link is plain text in every output.

:func:`markdown_html` is the Markdown-to-HTML rendering of the HTML outputs: raw HTML in the
text is escaped (shown, never run) and unsafe link and image targets are dropped.
"""

from __future__ import annotations

import html
import re
import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache

import markdown
from markdown.treeprocessors import Treeprocessor

from docgen.markdown_limits import cap_depth, fast_links, too_costly
from docgen.safety import safe_url


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph-level piece: ``para``, ``bullet``, ``number``, ``quote``, ``code`` or ``heading``.

    ``level`` is the list nesting depth (0 = top) or the heading level; ``list_id`` tells list
    items of one list from those of the next, so numbering restarts for each list.
    """

    kind: str
    runs: list[Run] = field(default_factory=list)
    level: int = 0
    list_id: int = 0

    @property
    def text(self) -> str:
        """Return the block's plain text."""
        return "".join(run.text for run in self.runs)


class _Capture(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        self.md.captured_root = root  # type: ignore[attr-defined]


_local = threading.local()


def _extensions(fenced: bool) -> list:
    """Return the Python-Markdown extensions used: objects, not names (a name is looked up among
    every installed package's entry points, ~8 ms per process)."""
    from markdown.extensions.sane_lists import SaneListExtension

    if not fenced:
        return [SaneListExtension()]
    from markdown.extensions.fenced_code import FencedCodeExtension

    return [SaneListExtension(), FencedCodeExtension()]


def _parser(fenced: bool) -> markdown.Markdown:
    # fenced_code pulls in codehilite and Pygments; load it only for text that has a fence.
    key = "md_fenced" if fenced else "md"
    md = getattr(_local, key, None)
    if md is None:
        md = markdown.Markdown(extensions=_extensions(fenced))
        md.treeprocessors.register(_Capture(md), "docgen_capture", 1)
        fast_links(md)
        setattr(_local, key, md)
    return md


class _SafeTargets(Treeprocessor):
    """Turns links and images whose target is not http(s), mailto or relative into plain text."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.tag == "a" and safe_url(element.get("href")) is None:
                element.tag = "span"
                element.attrib.clear()
            elif element.tag == "img" and safe_url(element.get("src")) is None:
                alt = element.get("alt") or ""
                element.tag = "span"
                element.attrib.clear()
                element.text = alt


def _html_parser(fenced: bool) -> markdown.Markdown:
    key = "html_fenced" if fenced else "html"
    md = getattr(_local, key, None)
    if md is None:
        md = markdown.Markdown(extensions=_extensions(fenced))
        # Raw HTML is text like any other: escaped on output, so <script> shows and never runs.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeTargets(md), "docgen_safe_targets", 0)
        fast_links(md)
        setattr(_local, key, md)
    return md


def markdown_html(text: str | None) -> str:
    """Return Markdown ``text`` as an HTML fragment safe to embed in a page ("" for blank text).

    Raw HTML is escaped, and link or image targets other than http(s), mailto and relative
    ones become plain text; everything else renders as Python-Markdown renders it.
    """
    if not text:
        return ""
    text = cap_depth(text)
    if too_costly(text):
        return "".join(f"<p>{html.escape(' '.join(chunk.split()))}</p>\n"
                       for chunk in _BLANK_LINE.split(text) if chunk.strip())
    md = _html_parser("```" in text or "~~~" in text)
    md.reset()
    return md.convert(text)


_STASH = re.compile("\x02wzxhzdk:(\\d+)\x03")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> tuple[Block, ...]:
    text = cap_depth(text)  # 400 nested levels would exhaust Python-Markdown's recursion
    if too_costly(text):
        # beyond the work budget (megabytes, runs of brackets): plain paragraphs, in linear time
        return tuple(Block("para", [Run(" ".join(chunk.split()))])
                     for chunk in _BLANK_LINE.split(text) if chunk.strip())
    md = _parser("```" in text or "~~~" in text)
    md.reset()
    md.convert(text)
    root = md.captured_root  # type: ignore[attr-defined]
    walker = _Walker(list(md.htmlStash.rawHtmlBlocks))
    walker.blocks_of(root, quote=False)
    return tuple(walker.blocks)


def parse(text: str | None) -> list[Block]:
    """Return the blocks of Markdown ``text`` (empty for None or blank text)."""
    if not text or not text.strip():
        return []
    return list(_parse_cached(text))


def plain(text: str | None) -> str:
    """Return Markdown ``text`` as plain text, blocks joined by newlines, list items with bullets."""
    lines = []
    for block in parse(text):
        prefix = "  " * block.level + ("• " if block.kind in ("bullet", "number") else "")
        lines.append(prefix + block.text)
    return "\n".join(lines)


def inline_runs(text: str | None) -> list[Run]:
    """Return the runs of ``text`` as one paragraph (blocks joined by spaces)."""
    runs: list[Run] = []
    for index, block in enumerate(parse(text)):
        if index:
            runs.append(Run(" "))
        runs.extend(block.runs)
    return runs


_INLINE = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code",
           "del": "strike", "s": "strike"}


class _Walker:
    def __init__(self, stash: list) -> None:
        self.blocks: list[Block] = []
        self.list_counter = 0
        self.stash = stash

    def _stashed(self, element: ET.Element) -> str | None:
        """Return the raw HTML a paragraph stands for (fenced code, HTML blocks), if it does."""
        match = _STASH.fullmatch((element.text or "").strip()) if len(element) == 0 else None
        if not match:
            return None
        index = int(match.group(1))
        raw = self.stash[index] if index < len(self.stash) else ""
        return raw if isinstance(raw, str) else str(raw)

    def blocks_of(self, element: ET.Element, quote: bool, level: int = 0) -> None:
        for child in element:
            tag = child.tag
            raw = self._stashed(child) if tag == "p" else None
            if raw is not None:
                code = raw.strip().startswith("<pre")
                text = html.unescape(re.sub(r"<[^>]+>", "", raw)).strip("\n")
                self._add("code" if code else "para", [Run(text, code=code)] if text else [])
            elif tag == "p":
                self._add("quote" if quote else "para", self.runs_of(child))
            elif tag in ("ul", "ol"):
                self.list_of(child, "number" if tag == "ol" else "bullet", level)
            elif tag == "blockquote":
                self.blocks_of(child, quote=True, level=level)
            elif tag == "pre":
                self._add("code", [Run("".join(child.itertext()).rstrip("\n"), code=True)])
            elif re.fullmatch(r"h[1-6]", tag):
                self._add("heading", self.runs_of(child), level=int(tag[1]))
            elif tag == "hr":
                continue
            else:
                self._add("quote" if quote else "para", self.runs_of(child))

    def list_of(self, element: ET.Element, kind: str, level: int) -> None:
        self.list_counter += 1
        list_id = self.list_counter
        for item in element:
            if item.tag != "li":
                continue
            head = ET.Element("span")
            head.text = item.text
            nested: list[ET.Element] = []
            for child in item:
                if child.tag in ("ul", "ol", "p", "blockquote", "pre") or nested:
                    nested.append(child)
                else:
                    head.append(child)
            runs = _strip(self.runs_of(head))
            if not runs and nested and nested[0].tag == "p":
                runs = self.runs_of(nested.pop(0))
            self._add(kind, runs, level=level, list_id=list_id)
            for child in nested:
                if child.tag in ("ul", "ol"):
                    self.list_of(child, "number" if child.tag == "ol" else "bullet", level + 1)
                elif child.tag == "p":
                    self._add("para", self.runs_of(child), level=level + 1)
                else:
                    wrapper = ET.Element("div")
                    wrapper.append(child)
                    self.blocks_of(wrapper, quote=child.tag == "blockquote", level=level + 1)

    def runs_of(self, element: ET.Element, style: dict | None = None) -> list[Run]:
        style = dict(style or {})
        runs: list[Run] = []
        if element.text:
            runs.append(Run(_clean(element.text), **style))
        for child in element:
            child_style = dict(style)
            if child.tag in _INLINE:
                child_style[_INLINE[child.tag]] = True
            if child.tag == "a":
                child_style["href"] = safe_url(child.get("href"))
            if child.tag == "br":
                runs.append(Run("\n", **style))
            elif child.tag == "img":
                src = safe_url(child.get("src"))
                runs.append(Run(child.get("alt") or src or "", **style))
            else:
                runs.extend(self.runs_of(child, child_style))
            if child.tail:
                runs.append(Run(_clean(child.tail), **style))
        return _merge([r for r in runs if r.text])

    def _add(self, kind: str, runs: list[Run], level: int = 0, list_id: int = 0) -> None:
        runs = _strip(runs)
        if runs or kind in ("bullet", "number"):
            self.blocks.append(Block(kind, runs, level, list_id))


def _clean(text: str) -> str:
    """Return inline text without stash markers, each line break and its blanks one space."""
    text = _STASH.sub("", text) if "\x02" in text else text
    if "\n" not in text:
        return text
    # linear: a regex [ \t]*\n would rescan a long run of blanks from each of its positions
    pieces = text.split("\n")
    last = len(pieces) - 1
    return " ".join(piece.lstrip(" \t") if index == last else
                    (piece if index == 0 else piece.lstrip(" \t")).rstrip(" \t")
                    for index, piece in enumerate(pieces))


def _merge(runs: list[Run]) -> list[Run]:
    """Return ``runs`` with neighbours of the same style joined (texts joined once, linear)."""
    merged: list[Run] = []
    texts: list[list[str]] = []
    for run in runs:
        if merged and _same_style(merged[-1], run):
            texts[-1].append(run.text)
            continue
        merged.append(run)
        texts.append([run.text])
    return [run if len(parts) == 1 else
            Run("".join(parts), run.bold, run.italic, run.code, run.strike, run.href)
            for run, parts in zip(merged, texts)]


def _same_style(a: Run, b: Run) -> bool:
    return (a.bold, a.italic, a.code, a.strike, a.href) == (b.bold, b.italic, b.code, b.strike, b.href)


def _strip(runs: list[Run]) -> list[Run]:
    if runs and runs[0].text != runs[0].text.lstrip():
        first = runs[0]
        runs[0] = Run(first.text.lstrip(), first.bold, first.italic, first.code, first.strike, first.href)
    if runs and runs[-1].text != runs[-1].text.rstrip():
        last = runs[-1]
        runs[-1] = Run(last.text.rstrip(), last.bold, last.italic, last.code, last.strike, last.href)
    return [r for r in runs if r.text]
