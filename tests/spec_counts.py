"""An independent BCP 14 keyword counter for the specification extractor's tests.

It is written apart from docgen's extractor on purpose: it counts keywords as the script behind
tests/data/realworld_specs_core/README.md does (a plain scan of the text), so the extractor can be
checked against it keyword by keyword. ``prose_only`` removes, by simple line rules, the
regions the issue says hold no requirement (front matter, fenced code, HTML comments, block
quotes), for specifications that have keywords there.
"""

from __future__ import annotations

import re
from collections import Counter

KEYWORDS = ["MUST", "MUST NOT", "SHALL", "SHALL NOT", "SHOULD", "SHOULD NOT", "REQUIRED",
            "RECOMMENDED", "NOT RECOMMENDED", "MAY", "OPTIONAL"]


def independent_count(text: str) -> Counter:
    """Count keywords as the README's script does, written apart from the extractor.

    Case-sensitive, two-word forms first, any whitespace (line breaks too) between the words,
    and ``_`` a word boundary only when it is Markdown emphasis (``_MUST_``).
    """
    counts: Counter = Counter()
    # Words are runs of letters and digits joined by `_`; outer underscores are emphasis.
    spans = [(m.start(), m.end(), m.group(0).strip("_")) for m in
             re.finditer(r"_*[A-Za-z0-9]+(?:_+[A-Za-z0-9]+)*_*", text)]
    index = 0
    while index < len(spans):
        start, end, word = spans[index]
        nxt = spans[index + 1] if index + 1 < len(spans) else None
        joined = nxt is not None and text[end:nxt[0]].strip() == "" and text[end:nxt[0]] != ""
        if word in ("MUST", "SHALL", "SHOULD") and joined and nxt[2] == "NOT":
            counts[f"{word} NOT"] += 1
            index += 2
            continue
        if word == "NOT" and joined and nxt[2] == "RECOMMENDED":
            counts["NOT RECOMMENDED"] += 1
            index += 2
            continue
        if word in KEYWORDS:
            counts[word] += 1
        index += 1
    return counts


def without_boilerplate(text: str) -> str:
    """Return ``text`` without paragraphs that define the key words (the README's rule).

    "keywords" written as one word (mmark's RFC 3514) is the same boilerplate.
    """
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(p for p in paragraphs
                       if not (re.search(r"key\s*words", p) and "interpreted" in p))


def excluded_lines(text: str) -> set[int]:
    """Return the 1-based lines of front matter, fenced code, HTML comments and block quotes."""
    lines = text.splitlines()
    excluded: set[int] = set()
    index = 0
    if lines and lines[0].strip() in ("---", "%%%"):
        close = lines[0].strip()
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == close
                    or (close == "---" and lines[i].startswith("--- "))), 0)
        index = end + (0 if lines[end].startswith("--- ") else 1)
        excluded.update(range(1, index + 1))
    fence = ""
    comment = False
    for number, line in enumerate(lines[index:], start=index + 1):
        stripped = line.strip()
        opening = re.match(r"(`{3,}|~{3,})", stripped)
        if fence:
            fence = "" if stripped.startswith(fence) and not stripped.strip(fence[0]) else fence
        elif comment:
            comment = "-->" not in line
        elif opening:
            fence = opening.group(1)
        elif stripped.startswith("<!--"):
            comment = "-->" not in stripped
        elif not stripped.startswith(">"):
            continue
        excluded.add(number)
    return excluded


def prose_only(text: str) -> str:
    """Return ``text`` with the lines of :func:`excluded_lines` blanked."""
    excluded = excluded_lines(text)
    return "\n".join("" if number in excluded else line
                     for number, line in enumerate(text.splitlines(), start=1))


def expected_counts(text: str) -> Counter:
    """Return the keywords a requirement should hold: outside boilerplate and excluded regions."""
    return +independent_count(without_boilerplate(prose_only(text)))
