"""Markdown structure of a notes file: sections, paragraphs, lists, tables, re-serialised as Markdown.

markdown-it-py parses (CommonMark with tables); the tree is reduced to small dataclasses whose
list items and paragraphs keep their inline Markdown as written. Notes are re-serialised with
four-space list indentation so nesting survives Python-Markdown, which docgen's writers use.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from docgen.markdown_limits import cap_depth
from docgen.readers.markdown_minutes.entities import decode_entities
from docgen.readers.markdown_minutes.html_tables import html_table_rows
from docgen.readers.markdown_minutes.pandoc_tables import pandoc_tables


@dataclass
class Item:
    """One list item: its own inline text (lines joined) and the blocks nested under it."""

    text: str
    line: int
    children: list[Block] = field(default_factory=list)


@dataclass
class Block:
    """A top-level piece of a section: ``para``, ``list``, ``table`` or ``raw`` (kept verbatim)."""

    kind: str
    line: int
    text: str = ""
    items: list[Item] = field(default_factory=list)
    ordered: bool = False
    start: int = 1
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Section:
    """A heading with the blocks up to the next heading and its deeper subsections."""

    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)


_COMMENT = re.compile(r"\s*(?:<!--.*?-->\s*)+", re.DOTALL)
# Only the block structure is read (inline text is kept as written), so inline parsing, slow
# on runs of brackets, is off. Nesting is capped by cap_depth before parsing (80 columns, 20
# markers), far below this limit, beyond which markdown-it would drop the rest of the file.
_MD = MarkdownIt("commonmark", {"maxNesting": 400}).enable(["table", "strikethrough"]).disable("inline")


# A line that ends on a comma goes on in the next one: "Present: Ana Lopez, Bo Li,\nCy Wu", a
# task wrapped after "to Ana,". Markdown shows the two as one line; the next is left apart when it
# opens on a label of its own ("Regrets: ..."), which starts a new field.
_WRAPPED_AFTER_COMMA = re.compile(r",[ \t]*\n[ \t]*(?![^\n:：]{1,40}[:：])")


def _inline(node: SyntaxTreeNode) -> str:
    """Return a node's inline Markdown as written, its character references decoded (entities.py)."""
    inline = next((c for c in node.children if c.type == "inline"), None)
    return decode_entities(inline.content) if inline is not None else ""


def _joined_inline(node: SyntaxTreeNode) -> str:
    """Return a paragraph's inline Markdown, a line that ends on a comma joined to the next."""
    text = _inline(node)
    return _WRAPPED_AFTER_COMMA.sub(", ", text) if "\n" in text else text


def _block(node: SyntaxTreeNode, source: list[str]) -> Block:
    """Return the Block of one top-level node (a paragraph, list, table or raw block)."""
    line = node.map[0] + 1 if node.map else 0
    return _BLOCK_READERS.get(node.type, _raw_block)(node, source, line)


def _para_block(node: SyntaxTreeNode, source: list[str], line: int) -> Block:
    """Return a paragraph's Block, its inline Markdown as written."""
    return Block("para", line, text=_joined_inline(node))


def _list_block(node: SyntaxTreeNode, source: list[str], line: int) -> Block:
    """Return a bullet or ordered list's Block, each item's first paragraph as its text."""
    items = []
    for child in node.children:
        nested = [_block(n, source) for n in child.children]
        text = ""
        if nested and nested[0].kind == "para":
            text = nested.pop(0).text
        items.append(Item(text, child.map[0] + 1 if child.map else line, nested))
    start = int(node.attrs.get("start", 1)) if node.type == "ordered_list" else 1
    return Block("list", line, items=items, ordered=node.type == "ordered_list", start=start)


def _table_block(node: SyntaxTreeNode, source: list[str], line: int) -> Block:
    """Return a Markdown table's Block: its cells' text by row, the table as written."""
    trs = [tr for part in node.children for tr in part.children]
    rows = [[_inline(cell) for cell in tr.children] for tr in trs]
    lone = [tr.map is not None and source[tr.map[0]].strip() == "|" for tr in trs]
    return Block("table", line, rows=_rejoined_rows(rows, lone), text=_raw(node, source))


def _rejoined_rows(rows: list[list[str]], lone: list[bool]) -> list[list[str]]:
    """Return ``rows`` with each row broken after its first pipe put back together.

    Exported tables sometimes break a row after its opening ``|``: a line of a lone ``|`` (an
    empty row), then the rest of the row, every cell one column to the left. The two are one
    row; a spacer row written with all its pipes (``|  |  |``) stays a row.
    """
    out: list[list[str]] = []
    index = 0
    while index < len(rows):
        after = rows[index + 1] if index + 1 < len(rows) else None
        if after and lone[index] and any(after) and not after[-1].strip():
            out.append(["", *after[:-1]])
            index += 2
            continue
        out.append(rows[index])
        index += 1
    return out


def _html_block(node: SyntaxTreeNode, source: list[str], line: int) -> Block:
    """Return an HTML block's Block: a table when it holds one, else kept verbatim."""
    rows = html_table_rows(node.content)
    if rows:  # an HTML table is a table; its text stays as written for the notes
        return Block("table", line, rows=rows, text=_raw(node, source))
    return _raw_block(node, source, line)


def _raw_block(node: SyntaxTreeNode, source: list[str], line: int) -> Block:
    """Return any other node's Block, its source lines kept verbatim."""
    return Block("raw", line, text=_raw(node, source))


#: The reader of each node type markdown-it gives; other types are kept verbatim.
_BLOCK_READERS: dict[str, Callable[[SyntaxTreeNode, list[str], int], Block]] = {
    "paragraph": _para_block,
    "bullet_list": _list_block,
    "ordered_list": _list_block,
    "table": _table_block,
    "html_block": _html_block,
}


def _raw(node: SyntaxTreeNode, source: list[str]) -> str:
    if not node.map:
        return node.content if hasattr(node, "content") else ""
    return textwrap.dedent("\n".join(source[node.map[0]:node.map[1]])).strip("\n")


_FENCE = re.compile(r"^\s*(?:```|~~~)")
# "##Roles": a heading without its space, as GitHub showed it before CommonMark (a letter must
# follow, so "#123" and "#5/18/16" stay text)
_UNSPACED_HEADING = re.compile(r"^(#{1,6})(?=[A-Za-zÀ-ÿ])")


def spaced_headings(text: str) -> str:
    """Return ``text`` with a space put after the hashes of headings written without one.

    Lines inside fenced code are left alone.
    """
    if "#" not in text:
        return text
    lines, fenced = text.split("\n"), False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            lines[index] = _UNSPACED_HEADING.sub(r"\1 ", line)
    return "\n".join(lines)


def parse_sections(text: str) -> tuple[list[Block], list[Section]]:
    """Return the blocks before the first heading and the tree of headed sections of ``text``."""
    text = pandoc_tables(cap_depth(spaced_headings(text)))  # 400 nested levels: flattened at the limit
    source = text.split("\n")
    root = SyntaxTreeNode(_MD.parse(text))
    preamble: list[Block] = []
    top: list[Section] = []
    stack: list[Section] = []
    for node in root.children:
        if node.type == "heading":
            section = Section(_inline(node).strip(), int(node.tag[1]),
                              node.map[0] + 1 if node.map else 0)
            while stack and stack[-1].level >= section.level:
                stack.pop()
            (stack[-1].children if stack else top).append(section)
            stack.append(section)
        elif node.type == "hr" or (node.type == "html_block" and _COMMENT.fullmatch(node.content)):
            continue  # rules and HTML comments (licence headers) show nothing
        else:
            (stack[-1].blocks if stack else preamble).append(_block(node, source))
    return preamble, top


def to_markdown(blocks: list[Block], indent: str = "") -> str:
    """Return ``blocks`` as Markdown, lists indented four spaces per level, blocks blank-separated."""
    parts = []
    for block in blocks:
        if block.kind == "list":
            if block.items:
                parts.append(_list(block, indent))
        elif block.text.strip():
            parts.append(textwrap.indent(block.text.strip("\n"), indent))
    return "\n\n".join(parts)


def item_markdown(item: Item, indent: str = "", marker: str = "- ") -> str:
    """Return one list item (and its nested blocks) as a Markdown list entry."""
    line = indent + marker + " ".join(part.strip() for part in item.text.split("\n"))
    out = [line.rstrip()]
    inner = indent + "    "
    for child in item.children:
        if child.kind == "list":
            if child.items:
                out.append(_list(child, inner))
        elif child.text.strip():
            out.append("")
            out.append(textwrap.indent(child.text.strip("\n"), inner))
    return "\n".join(out)


def _list(block: Block, indent: str) -> str:
    entries = []
    for index, item in enumerate(block.items):
        marker = f"{block.start + index}. " if block.ordered else "- "
        entries.append(item_markdown(item, indent, marker))
    return "\n".join(entries)


def children_markdown(item: Item) -> str:
    """Return the blocks nested under ``item`` as Markdown at top level."""
    return to_markdown(item.children)


_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.MULTILINE)


def expand_quotes(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with each block quote replaced by the blocks it holds.

    A quote used as styling (``> * Create a channel ...`` under "Decisions made") holds the
    section's entries; their lines keep their place in the file.
    """
    expanded: list[Block] = []
    for block in blocks:
        if block.kind != "raw" or not block.text.lstrip().startswith(">"):
            expanded.append(block)
            continue
        inner, _ = parse_sections(_QUOTE_MARK.sub("", block.text))
        for piece in inner:
            _shift(piece, block.line - 1)
        expanded.extend(inner)
    return expanded


def _shift(block: Block, offset: int) -> None:
    """Move a block parsed from a quote (and its list items) to its line in the file."""
    block.line += offset
    for item in block.items:
        item.line += offset
        for child in item.children:
            _shift(child, offset)
