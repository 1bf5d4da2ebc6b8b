"""A line-based Markdown block scanner: headings, paragraphs, list items and table rows.

It keeps only what can hold a requirement and drops the rest (front matter, fenced and indented
code, block quotes, HTML and kramdown comments, <pre> blocks, kramdown attribute lines, link and
abbreviation definitions without a keyword). It follows CommonMark closely enough for real
specifications (lists nested by indentation, code fences inside list items, lazy continuation
lines, GFM pipe tables with or without outer pipes) without being a full parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docgen.readers.spec_markdown.frontmatter import KRAMDOWN_PART as _KRAMDOWN_PART
from docgen.readers.spec_markdown.frontmatter import front_matter_end
from docgen.readers.spec_markdown.inline import heading_title
from docgen.readers.spec_markdown.keywords import KEYWORD_RE

_FENCE = re.compile(r"^(`{3,}|~{3,})([^`]*)$")
_ATX = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
# mmark's document divisions and its unnumbered special sections (".# Abstract").
_MMARK_PART = re.compile(r"^\{(front|main|back)matter\}[ \t]*$")
_MMARK_SPECIAL = re.compile(r"^\.#[ \t]+(.*?)[ \t]*$")
_SETEXT = re.compile(r"^(=+|-+)[ \t]*$")
_BREAK = re.compile(r"^([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# List markers; ":" opens a kramdown / PHP Markdown Extra / pandoc definition (or a Bikeshed term)
# and "::" a Bikeshed definition, read like list items: prose, never code.
_ITEM = re.compile(r"^([-*+]|\d{1,9}[.)]|::?)([ \t]+|$)")
_RAW_HTML = re.compile(r"^<(pre|script|style|textarea|xmp)(?:[\s>]|$)", re.IGNORECASE)
# Bikeshed's source starts with its metadata block; Bikeshed-flavoured Markdown has no indented
# code blocks (indentation nests HTML), so indented text there is prose.
_BIKESHED = re.compile(r"\A\s*<pre\s+class\s*=\s*[\"']?metadata\b", re.IGNORECASE)
# Block-level HTML tags opening a line (<dt>term, <dd>definition, <p>, <li>): a renderer shows
# the text after them as a block of its own.
_BLOCK_TAGS = re.compile(r"^(?:</?(?:dl|dt|dd|p|li|ul|ol|div|section|aside|details|summary|"
                         r"figure|figcaption|main|article|header|footer|nav)\b[^<>]*>[ \t]*)+",
                         re.IGNORECASE)
# Markup alone on a line: kramdown and mmark attribute lists, Hugo shortcodes ({{% note %}}),
# Docusaurus and markdown-it containers (:::note ... :::).
_IAL = re.compile(r"^(?:\{(?::|[#.][\w-]|[A-Za-z_-]+=)[^{}]*\}|\{\{%.*%\}\}|\{\{<.*>\}\}"
                  r"|:{3,}[ \t]*[\w-]*)[ \t]*$")
# MkDocs and Python-Markdown admonitions (!!! note "Title", ??? tip): a body indented by four.
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+")
_LINK_DEF = re.compile(r"^(?:\[(?!\^)[^\]]+\]:[ \t]|\*\[[^\]]+\]:)")  # not footnotes
_DELIMITER = re.compile(r"^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


@dataclass
class Block:
    """One block that may hold a requirement.

    ``kind`` is heading, para, item or row; ``lines`` are the block's text lines (list markers,
    heading hashes and indentation removed) and ``linenos`` their 1-based line numbers.
    ``items`` is the chain of list-item numbers the block sits in (an item block's own number
    last), so a requirement opened by an item can take in the item's later paragraphs.
    """

    kind: str
    lines: list[str] = field(default_factory=list)
    linenos: list[int] = field(default_factory=list)
    level: int = 0
    numbered: bool = True
    items: tuple[int, ...] = ()
    header: bool = False  # a table's header row: column titles

    @property
    def line(self) -> int:
        """Return the 1-based line where the block starts."""
        return self.linenos[0]

    @property
    def text(self) -> str:
        """Return the block's lines joined with newlines."""
        return "\n".join(self.lines)


@dataclass
class Scan:
    """What the scanner found: the blocks, the front matter and the kramdown-rfc markers."""

    blocks: list[Block]
    front_matter: tuple[int, int] | None = None  # 0-based [start, end) of the YAML lines
    kramdown_rfc: bool = False
    sections: dict | None = None  # heading index -> Section, computed once by the extractor


class _Scanner:
    def __init__(self, lines: list[str], indented_code: bool = True):
        self.lines = lines
        self.indented_code = indented_code
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.stack: list[tuple[int, int]] = []  # (content indent, item number) of open items
        self.item_count = 0
        self.kramdown_rfc = False
        self.front = False  # inside mmark's {frontmatter}: headings are not numbered

    def flush(self) -> None:
        if self.current is not None and any(part.strip() for part in self.current.lines):
            self.blocks.append(self.current)
        self.current = None

    def start(self, kind: str, text: str, lineno: int, **extra) -> None:
        self.flush()
        items = tuple(number for _, number in self.stack)
        self.current = Block(kind, [text], [lineno], items=items, **extra)

    def pop_to(self, indent: int) -> None:
        while self.stack and indent < self.stack[-1][0]:
            self.stack.pop()

    def run(self, first: int) -> None:
        lines = self.lines
        fence: tuple[str, int] | None = None  # fence character and length
        blank, quote, comment, table = True, False, False, False
        raw_block: str | None = None  # closing tag of a <pre>, <script> or <style> block
        index = first
        while index < len(lines):
            raw = lines[index].expandtabs(4).rstrip()
            lineno = index + 1
            index += 1
            stripped = raw.lstrip()
            indent = len(raw) - len(stripped)
            if fence is not None:
                match = _FENCE.match(stripped)
                if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= fence[1] \
                        and not match.group(2).strip():
                    fence = None
                continue
            if comment:
                comment = "-->" not in raw
                continue
            if raw_block is not None:
                raw_block = None if raw_block in raw.lower() else raw_block
                continue
            if not stripped:
                self.flush()
                blank, quote, table = True, False, False
                continue
            was_blank, blank = blank, False
            lazy = (self.current is not None and self.current.kind in ("para", "item")
                    and not was_blank)
            starts = _starts_block(stripped)
            if self.stack and indent < self.stack[-1][0] and (not lazy or starts):
                self.pop_to(indent)
            base = self.stack[-1][0] if self.stack else 0
            if indent - base >= 4 and not lazy and self.indented_code:
                continue  # indented code block
            if quote and not was_blank and not starts:
                continue  # lazy continuation of a block quote
            quote = False
            match = _FENCE.match(stripped)
            if match and not (match.group(1)[0] == "`" and "`" in match.group(2)):
                self.flush()
                fence = (match.group(1)[0], len(match.group(1)))
                continue
            if stripped.startswith("<!--"):
                self.flush()
                comment = "-->" not in stripped
                continue
            if stripped.startswith("{::comment}"):
                self.flush()
                raw_block = None if "{:/" in stripped else "{:/"
                continue
            raw_tag = _RAW_HTML.match(stripped)
            if raw_tag:
                self.flush()
                closing = f"</{raw_tag.group(1).lower()}>"
                raw_block = None if closing in stripped.lower() else closing
                continue
            if stripped.startswith(">"):
                self.flush()
                quote = True
                continue
            if self.html_line(stripped, lineno):
                continue
            if table:
                if "|" in stripped:
                    self.start("row", stripped, lineno)
                    self.flush()
                    continue
                table = False
            if "|" in stripped and self.table_starts(index - 1):
                self.start("row", stripped, lineno, header=True)
                self.flush()
                table = True
                index += 1  # the delimiter row
                continue
            if self.handle_structure(stripped, indent, lineno, was_blank):
                continue
            if lazy or (self.current is not None and not was_blank):
                self.current.lines.append(stripped)
                self.current.linenos.append(lineno)
            else:
                self.start("para", stripped, lineno)
        self.flush()

    def html_line(self, stripped: str, lineno: int) -> bool:
        """Return True if the line opens with block-level HTML tags; its text starts a block."""
        tags = _BLOCK_TAGS.match(stripped)
        if not tags:
            return False
        self.flush()
        rest = stripped[tags.end():].strip()
        if rest:
            self.start("para", rest, lineno)
        return True

    def table_starts(self, index: int) -> bool:
        """Return True if line ``index`` is a table header: it has a pipe, the next a delimiter."""
        if index + 1 >= len(self.lines) or "|" not in self.lines[index]:
            return False
        following = self.lines[index + 1].strip()
        return "-" in following and bool(_DELIMITER.match(following)) and (
            "|" in following or self.lines[index].strip().startswith("|"))

    def handle_structure(self, stripped: str, indent: int, lineno: int, was_blank: bool) -> bool:
        """Return True if the line was a structural line (heading, item, rule...) now handled."""
        part = _KRAMDOWN_PART.match(stripped) if indent == 0 else None
        if part:
            self.flush()
            self.stack.clear()
            self.kramdown_rfc = True
            name = part.group(1)
            if name not in ("middle", "back"):
                title = name.replace("_", " ").capitalize()
                self.blocks.append(Block("heading", [title], [lineno], level=1, numbered=False))
            self.blocks.append(Block("part", [name], [lineno]))
            return True
        mmark = _MMARK_PART.match(stripped) if indent == 0 else None
        if mmark:
            self.flush()
            self.stack.clear()
            self.kramdown_rfc = True  # numbered as the RFC will be, like kramdown-rfc
            self.front = mmark.group(1) == "front"
            self.blocks.append(Block("part", [{"main": "middle"}.get(mmark.group(1),
                                                                    mmark.group(1))], [lineno]))
            return True
        special = _MMARK_SPECIAL.match(stripped) if indent == 0 else None
        if special:
            self.stack.clear()
            self.flush()
            self.blocks.append(Block("heading", [heading_title(special.group(1))], [lineno],
                                     level=1, numbered=False))
            return True
        atx = _ATX.match(stripped)
        if atx:
            self.stack.clear()
            self.flush()
            self.blocks.append(Block("heading", [heading_title(atx.group(2))], [lineno],
                                     level=len(atx.group(1)), numbered=not self.front))
            return True
        if _IAL.match(stripped):
            if stripped.startswith("{::boilerplate"):
                self.kramdown_rfc = True
            if "numbered" in stripped and "false" in stripped and self.current is None \
                    and self.blocks and self.blocks[-1].kind == "heading":
                self.blocks[-1].numbered = False
            self.flush()
            return True
        if _LINK_DEF.match(stripped) and self.current is None and not KEYWORD_RE.search(stripped):
            return True  # a link or abbreviation definition (kept if it holds a keyword)
        current = self.current
        if current is not None and current.kind == "para" and not was_blank and not self.stack \
                and _SETEXT.match(stripped) and indent < 4:
            level = 1 if stripped[0] == "=" else 2
            self.current = None
            self.blocks.append(Block("heading", [heading_title(" ".join(current.lines))],
                                     current.linenos[:1], level=level))
            return True
        if _BREAK.match(stripped):
            self.flush()
            return True
        if _ADMONITION.match(stripped):  # its body is read like a list item's, not as code
            self.flush()
            self.pop_to(indent)
            self.item_count += 1
            self.stack.append((indent + 4, self.item_count))
            return True
        item = _ITEM.match(stripped)
        if item:
            marker = item.group(1)
            rest = stripped[item.end():]
            interrupts = not (current is not None and current.kind == "para" and not was_blank
                              and not self.stack and ((marker[0].isdigit()
                                                       and marker[:-1] != "1") or not rest))
            if interrupts and not (marker[0] in "-*" and _BREAK.match(stripped)):
                self.pop_to(indent)
                spaces = len(item.group(2))
                width = len(marker) + (spaces if 0 < spaces <= 4 and rest else 1)
                self.item_count += 1
                self.stack.append((indent + width, self.item_count))
                self.start("item", rest, lineno)
                return True
        return False


def _starts_block(stripped: str) -> bool:
    """Return True if a line would start a new block rather than continue a quote."""
    return bool(_ATX.match(stripped) or _FENCE.match(stripped) or _ITEM.match(stripped)
                or stripped.startswith((">", "<!--")) or _BREAK.match(stripped))


def scan(text: str) -> Scan:
    """Return the requirement-bearing blocks of Markdown ``text`` and where its front matter is."""
    lines = text.splitlines()
    end = front_matter_end(lines)
    scanner = _Scanner(lines, indented_code=not _BIKESHED.match(text[:2000]))
    scanner.run(end + 1 if end is not None else 0)
    front = (1, end) if end is not None else None
    if end is not None and _KRAMDOWN_PART.match(lines[end].rstrip()):
        scanner.kramdown_rfc = True
        name = _KRAMDOWN_PART.match(lines[end].rstrip()).group(1)
        if name not in ("middle", "back"):
            scanner.blocks.insert(0, Block("heading", [name.capitalize()], [end + 1], level=1,
                                           numbered=False))
    _body_of_lone_headers(scanner.blocks)
    return Scan(scanner.blocks, front, scanner.kramdown_rfc)


def _body_of_lone_headers(blocks: list[Block]) -> None:
    """Make a table's header row a body row when no body row follows it.

    A one-row table (a Word call-out box turned into Markdown, a boxed note) holds content, not
    column titles.
    """
    for index, block in enumerate(blocks):
        if block.header:
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            block.header = after is not None and after.kind == "row" and not after.header
