"""Matching a title with the agenda items read so far: topic keys and their index."""

from __future__ import annotations

import re
from functools import lru_cache

from docgen.readers.markdown_minutes.collect import Agenda
from docgen.readers.markdown_minutes.vocab import norm


def same_topic(key: str, other: str) -> bool:
    """Return whether topic keys ``key`` (a new title) and ``other`` (an item's) name one topic.

    An agenda line and its heading name the same topic; "Next steps" is not "Follow up on next
    steps from last meeting" (lengths first: every pair is tried), and "Budget review" is not
    "Budget review 2027" (see _contains).
    """
    size = len(key)
    return key == other or (
        (8 <= size <= len(other) <= 2 * size and _contains(other, key)) or
        (8 <= len(other) < size <= 2 * len(other) and _contains(key, other)))


#: Longest new topic key compared part by part (a longer one is compared with every item).
_LONGEST_COMPARED = 120
#: Most whole-word parts indexed for one key; a key with more is searched as text.
_MOST_PARTS = 256


class TopicIndex:
    """The topic keys of the agenda items, to skip comparing a new title with every item.

    :meth:`may_match` is never False when an item matches (so results are unchanged); it is
    False for most new topics, and for titles of usual length (up to a dozen words) a call
    costs the same however many items are indexed: reading many topics is linear, not quadratic.
    """

    def __init__(self, agenda: list[Agenda]) -> None:
        self.count = 0
        self.keys: set[str] = set()
        self.parts: set[str] = set()  # whole-word parts of the keys that a new key may be
        self.unparted = bytearray(b"\x00")  # keys with too many parts, searched as text
        for item in agenda:
            self.add(item)

    def add(self, item: Agenda) -> None:
        """Index one more agenda item."""
        key = topic_key_cached(item.title)
        self.count += 1
        if key in self.keys:
            return
        self.keys.add(key)
        if len(key) > 2 * _LONGEST_COMPARED:
            return  # no key compared part by part is half of it: only its equal matches
        parts = whole_word_parts(key)
        if parts is None:
            self.unparted += key.encode() + b"\x00"
        else:
            self.parts.update(parts)

    def may_match(self, key: str) -> bool:
        """Return False only when no indexed key equals ``key``, holds it, or is held by it."""
        if key in self.keys or key in self.parts:
            return True  # equal to an indexed key, or a whole-word part of one at most twice as long
        if len(self.unparted) > 1 and key.encode() in self.unparted:
            return True
        size = len(key)
        if size > _LONGEST_COMPARED:
            return True  # long titles: compared one by one
        # an indexed key inside this one is at least 8 characters and half its length
        for length in range(max(8, (size + 1) // 2), size):
            if any(key[start:start + length] in self.keys for start in range(size - length + 1)):
                return True
        return False


def whole_word_parts(key: str) -> list[str] | None:
    """Return the parts of topic key ``key`` that a shorter key naming the same topic may be.

    Such a key stands in ``key`` as whole words (see _contains) and is at least 8 characters
    and half of ``key``. None when there are more than _MOST_PARTS of them (a long title).
    """
    size = len(key)
    # _contains wants no word character before the part and none after it
    starts = [0] + [i + 1 for i, ch in enumerate(key) if not _is_word(ch)]
    ends = [i for i, ch in enumerate(key) if not _is_word(ch)] + [size]
    if len(starts) * len(ends) > 4 * _MOST_PARTS:
        return None
    shortest = max(8, (size + 1) // 2)
    parts = [key[start:end] for start in starts for end in ends if end - start >= shortest]
    return parts if len(parts) <= _MOST_PARTS else None


def _is_word(ch: str) -> bool:
    """Return whether ``ch`` is a word character as ``\\w`` of the re module reads it."""
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=65536)
def topic_key_cached(title: str) -> str:
    """Return topic_key(title), computed once per title (every new item is compared to all)."""
    return topic_key(title)


def _contains(longer: str, shorter: str) -> bool:
    """Return True when topic key ``shorter`` names the same topic as ``longer``, which holds it.

    It must stand there as whole words, and what ``longer`` adds must hold no number: a year,
    a version or an index ("Budget review 2027", "Topic 10") makes another topic.
    """
    match = re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer)
    if match is None:
        return False
    rest = longer[:match.start()] + longer[match.end():]
    return not any(ch.isdigit() for ch in rest)


def topic_key(title: str) -> str:
    """Return a title reduced for matching an agenda line with its heading (addresses dropped)."""
    title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", title)
    return norm(re.sub(r"\(?<?https?://\S+", " ", title))


def link_line(links: list[tuple[str, str]]) -> str:
    """Return the links of an agenda title as one Markdown line kept at the top of its notes."""
    return " · ".join(f"[{label}]({url})" for label, url in links)

