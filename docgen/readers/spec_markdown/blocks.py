"""A line-based Markdown block scanner: headings, paragraphs, list items and table rows.

It keeps only what can hold a requirement and drops the rest (front matter, fenced and indented
code, block quotes, HTML and kramdown comments, <pre> blocks, kramdown attribute lines, link and
abbreviation definitions without a keyword). It follows CommonMark closely enough for real
specifications (lists nested by indentation, code fences inside list items, lazy continuation
lines, GFM pipe tables with or without outer pipes) without being a full parser. Each kind of
line is one rule of an ordered table (``_RULE_TABLE``), offered only the lines whose first
character it can take; a line no rule takes is paragraph text.

It stays hand-written rather than built on markdown-it-py's token stream for speed: markdown-it-py
alone takes about 2 s of CPU for the block tokens of a 200,000-line specification, this scanner
0.6 s, and the extractor's budget for such a file is 3 s.
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


@dataclass(slots=True)
class _Line:
    """One source line as the scanner reads it: text without indentation, indentation, number."""

    raw: str
    stripped: str
    indent: int
    lineno: int
    was_blank: bool = False  # the line before was blank
    lazy: bool = False  # it may continue the open paragraph or item


class _Scanner:
    """Reads lines into blocks: raw regions first, then the ordered rules of ``_RULE_TABLE``.

    Each rule is a method taking a ``_Line`` that returns True if the line was its kind (the
    line is then handled) and False to let the next rule try; a line no rule takes is text.
    """

    def __init__(self, lines: list[str], indented_code: bool = True):
        self.lines = lines
        self.indented_code = indented_code
        self.blocks: list[Block] = []
        self.current: Block | None = None
        self.stack: list[tuple[int, int]] = []  # (content indent, item number) of open items
        self.item_count = 0
        self.kramdown_rfc = False
        self.front = False  # inside mmark's {frontmatter}: headings are not numbered
        self.index = 0  # the next line to read
        self.fence: tuple[str, int] | None = None  # an open fence's character and length
        self.comment = False  # inside an HTML comment
        self.raw_block: str | None = None  # closing tag of a <pre>, <script>... block
        self.blank, self.quote, self.table = True, False, False

    def flush(self) -> None:
        if self.current is not None and any(part.strip() for part in self.current.lines):
            self.blocks.append(self.current)
        self.current = None

    def start(self, kind: str, text: str, lineno: int, **extra) -> None:
        self.flush()
        items = tuple(number for _, number in self.stack) if self.stack else ()
        self.current = Block(kind, [text], [lineno], items=items, **extra)

    def add(self, block: Block, new_section: bool = False) -> None:
        """Close the open block and append ``block``; a new section closes every open list."""
        self.flush()
        if new_section:
            self.stack.clear()
        self.blocks.append(block)

    def pop_to(self, indent: int) -> None:
        while self.stack and indent < self.stack[-1][0]:
            self.stack.pop()

    def run(self, first: int) -> None:
        """Read the lines from index ``first`` on into ``self.blocks``."""
        self.index = first
        lines = self.lines
        while self.index < len(lines):
            raw = lines[self.index]
            raw = (raw.expandtabs(4) if "\t" in raw else raw).rstrip()
            self.index += 1
            stripped = raw.lstrip()
            line = _Line(raw, stripped, len(raw) - len(stripped), self.index)
            if not self.in_raw_region(line):
                self.read(line)
        self.flush()

    def in_raw_region(self, line: _Line) -> bool:
        """Return True if the line is inside a fence, an HTML comment or a raw HTML block."""
        if self.fence is not None:
            match = _FENCE.match(line.stripped)
            if match and match.group(1)[0] == self.fence[0] and \
                    len(match.group(1)) >= self.fence[1] and not match.group(2).strip():
                self.fence = None
            return True
        if self.comment:
            self.comment = "-->" not in line.raw
            return True
        if self.raw_block is not None:
            if self.raw_block in line.raw.lower():
                self.raw_block = None
            return True
        return False

    def read(self, line: _Line) -> None:
        """Read one line outside raw regions: a blank, a skipped line, a rule's kind or text."""
        if not line.stripped:
            self.flush()
            self.blank, self.quote, self.table = True, False, False
            return
        line.was_blank, self.blank = self.blank, False
        line.lazy = self.current is not None and self.current.kind in ("para", "item") \
            and not line.was_blank
        # Outside lists and quotes, a line indented by less than four is never skipped.
        if (self.stack or self.quote or line.indent >= 4) and self.skipped(line):
            return
        self.quote = False
        first = line.stripped[0]
        # The table rules take only a line with a pipe, or any line while a table is open.
        rules = _RULES_FOR.get(first, _ANY_LINE) if self.table or "|" in line.stripped \
            else _RULES_OUTSIDE_TABLES.get(first, ())
        for rule in rules:
            if rule(self, line):
                return
        self.text(line)

    def skipped(self, line: _Line) -> bool:
        """Return True for indented code and a block quote's lazy line; close ended items."""
        if self.stack and line.indent < self.stack[-1][0] and (
                not line.lazy or _starts_block(line.stripped)):
            self.pop_to(line.indent)
        base = self.stack[-1][0] if self.stack else 0
        if line.indent - base >= 4 and not line.lazy and self.indented_code:
            return True  # indented code block
        return self.quote and not line.was_blank and not _starts_block(line.stripped)

    def text(self, line: _Line) -> None:
        """Continue the open block with the line, or start a paragraph."""
        current = self.current  # a lazy line was read with a paragraph or item open
        if current is not None and (line.lazy or not line.was_blank):
            current.lines.append(line.stripped)
            current.linenos.append(line.lineno)
        else:
            self.start("para", line.stripped, line.lineno)

    # --- the rules, in the order of _RULE_TABLE -------------------------------------------

    def fence_opens(self, line: _Line) -> bool:
        """A ``` or ~~~ fence (a backtick fence has no backtick in its info string)."""
        match = _FENCE.match(line.stripped)
        if not match or (match.group(1)[0] == "`" and "`" in match.group(2)):
            return False
        self.flush()
        self.fence = (match.group(1)[0], len(match.group(1)))
        return True

    def comment_opens(self, line: _Line) -> bool:
        """An HTML comment, maybe over several lines."""
        if not line.stripped.startswith("<!--"):
            return False
        self.flush()
        self.comment = "-->" not in line.stripped
        return True

    def kramdown_comment_opens(self, line: _Line) -> bool:
        """A kramdown ``{::comment}`` ... ``{:/comment}`` region."""
        if not line.stripped.startswith("{::comment}"):
            return False
        self.flush()
        self.raw_block = None if "{:/" in line.stripped else "{:/"
        return True

    def raw_html_opens(self, line: _Line) -> bool:
        """A ``<pre>``, ``<script>``, ``<style>``, ``<textarea>`` or ``<xmp>`` block."""
        raw_tag = _RAW_HTML.match(line.stripped)
        if not raw_tag:
            return False
        self.flush()
        closing = f"</{raw_tag.group(1).lower()}>"
        self.raw_block = None if closing in line.stripped.lower() else closing
        return True

    def quote_opens(self, line: _Line) -> bool:
        """A block quote (its lazy lines are skipped by :meth:`skipped`)."""
        if not line.stripped.startswith(">"):
            return False
        self.flush()
        self.quote = True
        return True

    def html_line(self, line: _Line) -> bool:
        """Block-level HTML tags opening the line; the text after them starts a block."""
        tags = _BLOCK_TAGS.match(line.stripped) if line.stripped[:1] == "<" else None
        if not tags:
            return False
        self.flush()
        rest = line.stripped[tags.end():].strip()
        if rest:
            self.start("para", rest, line.lineno)
        return True

    def table_row(self, line: _Line) -> bool:
        """A body row of the open table; a line without a pipe ends the table."""
        if not self.table:
            return False
        if "|" not in line.stripped:
            self.table = False
            return False
        self.start("row", line.stripped, line.lineno)
        self.flush()
        return True

    def table_opens(self, line: _Line) -> bool:
        """A table's header row, its delimiter row skipped."""
        if "|" not in line.stripped or not self.table_starts(self.index - 1):
            return False
        self.start("row", line.stripped, line.lineno, header=True)
        self.flush()
        self.table = True
        self.index += 1  # the delimiter row
        return True

    def table_starts(self, index: int) -> bool:
        """Return True if line ``index`` is a table header: it has a pipe, the next a delimiter."""
        if index + 1 >= len(self.lines) or "|" not in self.lines[index]:
            return False
        following = self.lines[index + 1].strip()
        return "-" in following and bool(_DELIMITER.match(following)) and (
            "|" in following or self.lines[index].strip().startswith("|"))

    def kramdown_part(self, line: _Line) -> bool:
        """kramdown-rfc's ``--- middle``: a part, the abstract and note parts titled."""
        part = _KRAMDOWN_PART.match(line.stripped) if line.indent == 0 else None
        if not part:
            return False
        self.kramdown_rfc = True
        name = part.group(1)
        if name not in ("middle", "back"):
            title = name.replace("_", " ").capitalize()
            self.add(Block("heading", [title], [line.lineno], level=1, numbered=False), True)
        self.add(Block("part", [name], [line.lineno]), True)
        return True

    def mmark_part(self, line: _Line) -> bool:
        """mmark's ``{mainmatter}``: numbered as the RFC will be, like kramdown-rfc."""
        mmark = _MMARK_PART.match(line.stripped) if line.indent == 0 else None
        if not mmark:
            return False
        self.kramdown_rfc = True
        self.front = mmark.group(1) == "front"
        name = {"main": "middle"}.get(mmark.group(1), mmark.group(1))
        self.add(Block("part", [name], [line.lineno]), True)
        return True

    def mmark_special(self, line: _Line) -> bool:
        """mmark's unnumbered ``.# Abstract``."""
        special = _MMARK_SPECIAL.match(line.stripped) if line.indent == 0 else None
        if not special:
            return False
        self.add(Block("heading", [heading_title(special.group(1))], [line.lineno], level=1,
                       numbered=False), True)
        return True

    def atx_heading(self, line: _Line) -> bool:
        """A ``#`` heading."""
        atx = _ATX.match(line.stripped) if line.stripped[:1] == "#" else None
        if not atx:
            return False
        self.add(Block("heading", [heading_title(atx.group(2))], [line.lineno],
                       level=len(atx.group(1)), numbered=not self.front), True)
        return True

    def attribute_line(self, line: _Line) -> bool:
        """Markup alone on a line (kramdown attributes, shortcodes, containers)."""
        stripped = line.stripped
        if not _IAL.match(stripped):
            return False
        if stripped.startswith("{::boilerplate"):
            self.kramdown_rfc = True
        if "numbered" in stripped and "false" in stripped and self.current is None \
                and self.blocks and self.blocks[-1].kind == "heading":
            self.blocks[-1].numbered = False
        self.flush()
        return True

    def link_definition(self, line: _Line) -> bool:
        """A link or abbreviation definition (kept as text if it holds a keyword)."""
        return bool(_LINK_DEF.match(line.stripped)) and self.current is None \
            and not KEYWORD_RE.search(line.stripped)

    def setext_underline(self, line: _Line) -> bool:
        """``===`` or ``---`` under a paragraph outside lists: the paragraph is a heading."""
        current = self.current
        if current is None or current.kind != "para" or line.was_blank or self.stack \
                or line.indent >= 4 or not _SETEXT.match(line.stripped):
            return False
        self.current = None
        self.blocks.append(Block("heading", [heading_title(" ".join(current.lines))],
                                 current.linenos[:1], level=1 if line.stripped[0] == "=" else 2))
        return True

    def thematic_break(self, line: _Line) -> bool:
        """A ``---``, ``***`` or ``___`` rule."""
        if not _BREAK.match(line.stripped):
            return False
        self.flush()
        return True

    def admonition(self, line: _Line) -> bool:
        """``!!! note``: its body is read like a list item's, not as code."""
        if not _ADMONITION.match(line.stripped):
            return False
        self.flush()
        self.pop_to(line.indent)
        self.item_count += 1
        self.stack.append((line.indent + 4, self.item_count))
        return True

    def list_item(self, line: _Line) -> bool:
        """A list item (or a definition), unless it may not interrupt the open paragraph."""
        item = _ITEM.match(line.stripped)
        if not item:
            return False
        marker, rest = item.group(1), line.stripped[item.end():]
        current = self.current
        # Only a bullet or "1." with text interrupts a paragraph outside lists (CommonMark).
        if current is not None and current.kind == "para" and not line.was_blank \
                and not self.stack and ((marker[0].isdigit() and marker[:-1] != "1") or not rest):
            return False
        if marker[0] in "-*" and _BREAK.match(line.stripped):
            return False
        self.pop_to(line.indent)
        spaces = len(item.group(2))
        width = len(marker) + (spaces if 0 < spaces <= 4 and rest else 1)
        self.item_count += 1
        self.stack.append((line.indent + width, self.item_count))
        self.start("item", rest, line.lineno)
        return True


# The rules in order, each with the first characters of the lines it can take (None: any), so
# that a line of prose is offered to the two table rules only.
_RULE_TABLE = (
    (_Scanner.fence_opens, "`~"), (_Scanner.comment_opens, "<"),
    (_Scanner.kramdown_comment_opens, "{"), (_Scanner.raw_html_opens, "<"),
    (_Scanner.quote_opens, ">"), (_Scanner.html_line, "<"), (_Scanner.table_row, None),
    (_Scanner.table_opens, None), (_Scanner.kramdown_part, "-"), (_Scanner.mmark_part, "{"),
    (_Scanner.mmark_special, "."), (_Scanner.atx_heading, "#"),
    (_Scanner.attribute_line, "{:"), (_Scanner.link_definition, "[*"),
    (_Scanner.setext_underline, "=-"), (_Scanner.thematic_break, "-*_"),
    (_Scanner.admonition, "!?"), (_Scanner.list_item, "-*+:0123456789"),
)
_ANY_LINE = tuple(rule for rule, chars in _RULE_TABLE if chars is None)
_RULES_FOR = {char: tuple(rule for rule, chars in _RULE_TABLE if chars is None or char in chars)
              for char in "".join(chars for _, chars in _RULE_TABLE if chars)}
_RULES_OUTSIDE_TABLES = {char: tuple(rule for rule in rules if rule not in _ANY_LINE)
                         for char, rules in _RULES_FOR.items()}


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
    part = _KRAMDOWN_PART.match(lines[end].rstrip()) if end is not None else None
    if end is not None and part:
        scanner.kramdown_rfc = True
        name = part.group(1)
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
