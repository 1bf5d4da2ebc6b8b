"""Section names and id prefixes of headings: explicit numbers, kramdown-rfc numbering, slugs."""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass

from docgen.readers.spec_markdown.blocks import Block

_NUMBER = re.compile(
    r"^(?:(?:Section|Appendix|Annex|Chapter)\s+)?"
    r"(?P<n>\d+(?:\.\d+)*|[A-Z](?:\.\d+)+|(?<=Appendix )[A-Z]|(?<=Annex )[A-Z])"
    r"(?:\.|:)?(?:\s+|$)"
)
_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)
_SLUG_MARKUP = re.compile(r"`|\*\*|__|\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class Section:
    """Where a requirement sits: the section's display name and the prefix of its ids."""

    name: str
    prefix: str


PREAMBLE = Section("", "0")


def slug(title: str, limit: int = 30) -> str:
    """Return a short anchor-like slug of a heading title: lower case, hyphens, whole words.

    Words are kept while the slug stays within ``limit`` characters, so ids stay readable in a
    checklist table ("semantic-versioning-13", not the whole title).
    """
    text = _SLUG_MARKUP.sub(r"\1", title).lower()
    words = [w for w in _SLUG_DROP.sub("", text).replace("_", " ").split() if w.strip("-")]
    kept: list[str] = []
    length = -1  # of the hyphen-joined kept words
    for word in words:
        length += len(word) + 1
        if kept and length > limit:
            break
        kept.append(word)
    return "-".join(kept) or "section"


def _appendix_letter(number: int) -> str:
    letters = string.ascii_uppercase
    return letters[number - 1] if number <= 26 else letters[(number - 1) // 26 - 1] + \
        letters[(number - 1) % 26]


class _RfcNumbers:
    """Numbers headings as an RFC renders them: 1, 1.1, ... and A, A.1 after ``--- back``."""

    def __init__(self) -> None:
        self.counters: list[int] = []
        self.back = False

    def part(self, name: str) -> None:
        """Start a kramdown-rfc part (``middle``, ``back``...): numbering starts again."""
        self.back = name == "back"
        self.counters = []

    def next(self, level: int) -> str:
        """Return the number of the next heading of ``level``."""
        counters = self.counters
        del counters[level:]
        counters.extend([0] * (level - len(counters)))
        counters[level - 1] += 1
        parts = [str(n) for n in counters]
        if self.back:
            parts[0] = _appendix_letter(counters[0])
        return ".".join(parts)


def _slugs(blocks: list[Block]) -> dict[int, str]:
    """Return the slug of every heading's title, keyed by the heading block's index.

    Each distinct title is slugged once: a document may repeat one title thousands of times.
    """
    of_title: dict[str, str] = {}
    result: dict[int, str] = {}
    for index, block in enumerate(blocks):
        if block.kind == "heading":
            title = block.lines[0]
            found = of_title.get(title)
            if found is None:
                found = of_title[title] = slug(title)
            result[index] = found
    return result


def sections_of(blocks: list[Block], kramdown_rfc: bool) -> dict[int, Section]:
    """Return the Section of every heading, keyed by the heading block's index in ``blocks``.

    A number written in the heading ("4.2 Errors", "1. Access") is the id prefix; kramdown-rfc
    documents are numbered as the RFC renders them (1, 1.1, ... then A, A.1 after ``--- back``);
    any other heading uses its slug (``versions``). A title used by several headings (letter case
    aside) is shown after its parent's ("Info Object / Fixed Fields", slug
    ``info-object-fixed-fields``).
    """
    slugs = _slugs(blocks)
    titles = Counter(slugs.values())  # "Transfer" and "transfer" too
    numbers = _RfcNumbers()
    parents: list[tuple[int, str]] = []  # (level, title) of enclosing headings
    result: dict[int, Section] = {}
    # The Section of a heading not numbered by kramdown-rfc depends only on its title and
    # name: made once for headings repeated thousands of times.
    named: dict[tuple[str, str], Section] = {}
    for index, block in enumerate(blocks):
        if block.kind == "part":
            numbers.part(block.lines[0])
            continue
        if block.kind != "heading":
            continue
        title, level = block.lines[0], block.level
        while parents and parents[-1][0] >= level:
            parents.pop()
        name = f"{parents[-1][1]} / {title}" if titles[slugs[index]] > 1 and parents else title
        parents.append((level, title))
        if kramdown_rfc and block.numbered and not _NUMBER.match(title):
            number = numbers.next(level)
            result[index] = Section(f"{number}. {title}", number)
            continue
        section = named.get((title, name))
        if section is None:
            section = named[(title, name)] = _named_section(title, name, slugs[index])
        result[index] = section
    return result


def _named_section(title: str, name: str, title_slug: str) -> Section:
    """Return the Section of a heading by the number written in its title, else by its slug.

    ``name`` is the title, or the parent's title and the title for a title several headings
    share; ``title_slug`` is the title's slug.
    """
    explicit = _NUMBER.match(title)
    if explicit:
        return Section(title, explicit.group("n"))
    return Section(name, slug(name.replace(" / ", " ")) if name != title else title_slug)
