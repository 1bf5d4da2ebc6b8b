"""Requirement extraction from Markdown text, by identifier or by BCP 14 keyword."""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from docgen.errors import ConfigError
from docgen.readers.spec_markdown.blocks import Block, Scan, scan
from docgen.readers.spec_markdown.cells import row_pieces, suffix
from docgen.readers.spec_markdown.ids import (
    DEFAULT_ID_PATTERN,
    compile_id_pattern,
    detect_scheme,
    match_id,
    table_cells,
)
from docgen.readers.spec_markdown.inline import clean_text, leading_markup_removed
from docgen.readers.spec_markdown.keywords import (
    find_keywords,
    is_boilerplate,
    is_mention,
    lower_case_level,
    strongest,
)
from docgen.readers.spec_markdown.leadin import Context, announced, joined
from docgen.readers.spec_markdown.sections import PREAMBLE, Section, sections_of
from docgen.readers.spec_markdown.sentences import split_sentences

__all__ = ["DEFAULT_ID_PATTERN", "ExtractedRequirement", "analyse", "compile_id_pattern",
           "extract", "extract_id", "extract_keyword"]
MODES = ("id", "keyword")
_LEVEL_CELL = re.compile(r"^(must|shall|should|may|could|optional|required|recommended)"
                         r"(?:\s+have)?$", re.IGNORECASE)
_LEVEL_WORD = {"must": "must", "shall": "must", "required": "must", "should": "should",
               "recommended": "should", "may": "may", "could": "may", "optional": "may"}


@dataclass
class ExtractedRequirement:
    """One requirement found in a specification, with the line where it starts."""

    id: str
    section: str
    text: str
    level: str
    keywords: list[str] = field(default_factory=list)
    line: int = 0

    def as_dict(self) -> dict:
        """Return the requirement in the shape of requirements.yaml."""
        return {"id": self.id, "section": self.section, "text": self.text, "level": self.level,
                "keywords": list(self.keywords)}


def _walk(parsed: Scan):
    """Yield ``(section, block)`` for every non-heading block, headings resolved to sections."""
    if parsed.sections is None:  # once per document, though id and keyword mode both walk it
        parsed.sections = sections_of(parsed.blocks, parsed.kramdown_rfc)
    sections = parsed.sections
    section = PREAMBLE
    for index, block in enumerate(parsed.blocks):
        if block.kind == "heading":
            section = sections[index]
        yield section, block


class _Numberer:
    """Gives ids ``<prefix>-<n>``, counting per prefix so repeated headings stay unique."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = defaultdict(int)

    def next(self, section: Section) -> str:
        self.counts[section.prefix] += 1
        return f"{section.prefix}-{self.counts[section.prefix]}"


def _holds_requirements(block: Block) -> bool:
    """Return True if ``block`` may hold keyword requirements: a paragraph, item or body row
    with a keyword that is neither the key-words boilerplate nor a quoted list of the words."""
    if block.kind not in ("para", "item", "row") or block.header:
        return False
    text = block.text
    keywords = find_keywords(text)
    return bool(keywords) and not is_boilerplate(text, keywords) and not is_mention(text)


def _prose_pieces(blocks: list[Block], index: int, context: Context) -> list[tuple[str, int]]:
    """Return ``(sentence, line)`` for the sentences of a paragraph or item, lead-ins joined."""
    block = blocks[index]
    text = block.text
    offsets = _line_offsets(block)
    pieces = [(text[start:end], _line_at(offsets, block, start))
              for start, end in split_sentences(text)]
    if pieces[-1][0].rstrip().endswith(":"):
        more = announced(blocks, index)
        if more:
            pieces[-1] = (f"{pieces[-1][0]} {joined(more)}", pieces[-1][1])
    lead = context.of(index) if block.items else ""
    return [(f"{lead} {piece}", line) for piece, line in pieces] if lead else pieces


def _requirement(id_: str, section: Section, piece: str, line: int
                 ) -> ExtractedRequirement | None:
    """Return the requirement of one sentence as a renderer shows it, or None without keyword."""
    shown = clean_text(piece)  # a keyword in an inline comment is no keyword
    keywords = find_keywords(shown)
    level = strongest(keywords)
    if level is None:  # no keyword
        return None
    return ExtractedRequirement(id_, section.name, shown, level, keywords, line)


def _row_requirements(block: Block, section: Section, numberer: _Numberer
                      ) -> list[ExtractedRequirement]:
    """Return the requirements of a table row (see :mod:`docgen.readers.spec_markdown.cells`)."""
    pieces = row_pieces(block.text)
    if not pieces:
        return []
    row_id = numberer.next(section)
    ids = [row_id] if len(pieces) == 1 else [row_id + suffix(n)
                                             for n in range(1, len(pieces) + 1)]
    found = [_requirement(id_, section, piece, block.line) for id_, piece in zip(ids, pieces)]
    return [req for req in found if req is not None]


def extract_keyword(parsed: Scan) -> list[ExtractedRequirement]:
    """Return one requirement per sentence holding a BCP 14 keyword, table cells included.

    Headings are titles, never requirements (``### OPTIONAL Fields``), whether ATX, setext or
    the headings of kramdown-rfc and mmark divisions; a bold line alone is a paragraph. So is
    a table's header row. In a body row the sentence rule applies inside each cell (see
    :mod:`docgen.readers.spec_markdown.cells`).
    """
    found: list[ExtractedRequirement] = []
    numberer = _Numberer()
    walked = list(_walk(parsed))
    blocks = [block for _, block in walked]
    context = Context(blocks)
    for index, (section, block) in enumerate(walked):
        if not _holds_requirements(block):
            continue
        if block.kind == "row":
            found += _row_requirements(block, section, numberer)
            continue
        for piece, line in _prose_pieces(blocks, index, context):
            req = _requirement("", section, piece, line)
            if req is not None:
                req.id = numberer.next(section)
                found.append(req)
    return found


def _line_offsets(block: Block) -> list[int]:
    offsets, position = [], 0
    for part in block.lines:
        offsets.append(position)
        position += len(part) + 1
    return offsets


def _line_at(offsets: list[int], block: Block, offset: int) -> int:
    """Return the line number of ``offset`` in ``block`` (binary search: linear per block)."""
    return block.linenos[max(0, bisect_right(offsets, offset) - 1)]


@dataclass
class _Open:
    req: ExtractedRequirement
    parts: list[str]
    scope: int | None  # list item whose later blocks continue the requirement
    heading: bool = False


class _IdReader:
    """Reads requirements by identifier: each id opens one, which runs to the next id or to the
    end of its paragraph, its list item's blocks or, for an id in a heading, its section."""

    def __init__(self, regex: re.Pattern, default: bool):
        self.regex = regex
        self.default = default
        self.found: list[ExtractedRequirement] = []
        self.current: _Open | None = None
        self.section = PREAMBLE

    def close(self) -> None:
        """Finish the open requirement: its text, keywords and level (must when none is said)."""
        current, self.current = self.current, None
        if current is None:
            return
        req = current.req
        req.text = clean_text(" ".join(current.parts))
        req.keywords = find_keywords(req.text)
        if req.level == "":
            req.level = strongest(req.keywords) or lower_case_level(req.text) or "must"
        self.found.append(req)

    def open(self, match: re.Match, rest: str, line: int, scope: int | None,
             heading: bool = False) -> ExtractedRequirement:
        """Close the open requirement, open the one of identifier ``match`` and return it."""
        self.close()
        req = ExtractedRequirement(match.group("id"), self.section.name, "", "", [], line)
        self.current = _Open(req, [rest], scope, heading)
        return req

    def match(self, text: str, first: bool = True) -> re.Match | None:
        """Return the identifier at the start of ``text`` (see :func:`ids.match_id`), or None."""
        return match_id(self.regex, text, self.default, first)

    def heading(self, block: Block, section: Section) -> None:
        """A heading opens a requirement if it starts with an id, else a section."""
        match = self.match(block.lines[0])
        if match:
            title = block.lines[0][match.end():].strip()
            self.open(match, title + ":" if title else "", block.line, None, True)
        else:
            self.close()
            self.section = section

    def row(self, block: Block) -> None:
        """A table row whose first cell starts with an id is one requirement; a level cell
        (``MUST``, ``Should have``, ``OPTIONAL``) gives its level."""
        cells = table_cells(block.text)
        first = leading_markup_removed(cells[0]) if cells else ""
        match = self.match(first) if cells else None
        if not match:
            return
        rest = [c for c in [first[match.end():].strip(), *cells[1:]] if c]
        level = next((_LEVEL_WORD[m.group(1).lower()] for c in rest
                      if (m := _LEVEL_CELL.match(c))), "")
        req = self.open(match, " | ".join(c for c in rest if not _LEVEL_CELL.match(c)), block.line, None)
        req.level = level
        self.close()

    def text(self, block: Block) -> None:
        """A paragraph or item: an id at a line start opens a requirement; other lines continue
        the open one."""
        for position, (part, line) in enumerate(zip(block.lines, block.linenos)):
            start = leading_markup_removed(part.strip())
            match = self.match(start, position == 0)
            if match:
                scope = block.items[-1] if block.kind == "item" and position == 0 else None
                self.open(match, start[match.end():], line, scope)
            elif self.current is not None:
                self.current.parts.append(part)
        if self.current is not None and self.current.scope is None and not self.current.heading:
            self.close()

    def block(self, block: Block, section: Section) -> None:
        """Read one block of the document."""
        if block.kind == "heading":
            self.heading(block, section)
            return
        current = self.current
        if current is not None and not current.heading and (
                current.scope is None or current.scope not in block.items):
            self.close()
        if block.kind == "row":
            self.row(block)
        else:
            self.text(block)


def extract_id(parsed: Scan, id_pattern: str | None = None, default: bool | None = None
               ) -> list[ExtractedRequirement]:
    """Return one requirement per identifier found at the start of a line, list item or row.

    ``default`` (None: whether ``id_pattern`` is None) leaves out names of standards such as
    ``UTF-8``, which the default pattern would take for identifiers.
    """
    reader = _IdReader(compile_id_pattern(id_pattern),
                       id_pattern is None if default is None else default)
    for section, block in _walk(parsed):
        if block.kind != "part":
            reader.block(block, section)
    reader.close()
    return reader.found


def _a_series(found: list[ExtractedRequirement]) -> bool:
    """Return True if two distinct identifiers share a prefix (ESS-001, ESS-002)."""
    prefixes = Counter(req.id.rsplit("-", 1)[0] for req in {r.id: r for r in found}.values())
    return any(count >= 2 for count in prefixes.values())


def analyse(text: str, mode: str | None = None, id_pattern: str | None = None
            ) -> tuple[str, list[ExtractedRequirement], Scan]:
    """Return the mode used, the requirements of Markdown ``text`` and its scanned blocks.

    ``mode`` None reads by identifier when the default pattern finds a series of identifiers
    (two sharing a prefix, so a lone "HMAC-SHA-256" at a line start does not count), when the
    document's own identifier scheme is found (see :mod:`docgen.readers.spec_markdown.ids`:
    three or more different ids of one prefix and separator, such as ``SEC_04``, ``REQ.3.2``,
    ``eID_07``, at starting positions) or when a custom ``id_pattern`` finds one; otherwise by
    keyword, and by identifier only if no keyword is found either. Without ``id_pattern``,
    ``mode`` "id" reads by the document's scheme too when the default pattern finds no series.
    """
    if mode not in (None, *MODES):
        raise ConfigError(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    # The blocks and requirements built here all stay alive to the end: collecting garbage
    # while building them only costs time (a sixth of reading a 200,000-line specification).
    collecting = gc.isenabled()
    gc.disable()
    try:
        parsed = scan(text)
        used, found = _by_mode(parsed, mode, id_pattern)
    finally:
        if collecting:
            gc.enable()
    return used, found, parsed


def _by_mode(parsed: Scan, mode: str | None, id_pattern: str | None
             ) -> tuple[str, list[ExtractedRequirement]]:
    """Return the mode used and the requirements of ``parsed`` (see :func:`analyse`)."""
    if mode == "keyword":
        return "keyword", extract_keyword(parsed)
    by_id = extract_id(parsed, id_pattern)
    scheme = None
    if id_pattern is None and not _a_series(by_id):
        scheme = detect_scheme(parsed)
        if scheme is not None:
            by_id = extract_id(parsed, scheme, default=False)
    if mode == "id" or (by_id and (id_pattern is not None or scheme or _a_series(by_id))):
        return "id", by_id
    by_keyword = extract_keyword(parsed)
    if by_keyword or not by_id:
        return "keyword", by_keyword
    return "id", by_id


def extract(text: str, mode: str | None = None, id_pattern: str | None = None
            ) -> list[ExtractedRequirement]:
    """Return the requirements of Markdown ``text`` read by ``mode`` (see :func:`analyse`)."""
    return analyse(text, mode, id_pattern)[1]
