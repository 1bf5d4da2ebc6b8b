"""One action written twice (where it came up, then in the closing list) is one action.

Minute-takers often note an action where it came up and list it again at the end ("ACTION: Tom
to send the forecast by Friday" ... "## Action items / - Tom: send the forecast (due 6 March)").
Two actions are the same when one of them sits in a section that collects actions (an Action
items list, a Next steps section), their owners agree (or one has none), they hold the same
numbers, and most words of the shorter are in the longer; the first one stays, completed with
the fields only the repeat gives (due date, owner, priority, status). The same task under two
ordinary topics ("Review the plan" under Budget and under Hiring) is two actions.

Candidates are found through an index of words, each word keeping its latest few actions, so
this is linear in the number of actions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

_WORD = re.compile(r"\w{3,}")
_NUMBER = re.compile(r"\d+")
_OWNERS_SPLIT = re.compile(r"\s*(?:,|&|\+|/|\band\b|\bet\b)\s*")
_STOP = frozenset("the and for with from that this les des pour avec dans une sur aux par".split())
_SAME = 0.8
_PER_WORD = 16  # actions kept per word: a word in every action does not make this quadratic

V = TypeVar("V")


def content_words(text: str) -> frozenset[str]:
    """Return the words of ``text`` that say what it is about (3 letters or more, no stop words)."""
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def same_words(a: frozenset[str], b: frozenset[str], share: float = _SAME) -> bool:
    """Return whether ``share`` of the words of the shorter of ``a`` and ``b`` are in the other."""
    shorter = min(len(a), len(b))
    return shorter >= 2 and len(a & b) >= share * shorter


@dataclass
class WordIndex(Generic[V]):
    """Texts indexed by their words, to find the ones that may say the same in constant time."""

    share: float = _SAME  # the share of the shorter text's words the other must hold
    entries: list[tuple[frozenset[str], V]] = field(default_factory=list)
    by_word: dict[str, list[int]] = field(default_factory=dict)

    def add(self, words: frozenset[str], value: V) -> None:
        """Index ``value`` under ``words``."""
        position = len(self.entries)
        self.entries.append((words, value))
        for word in words:
            slot = self.by_word.setdefault(word, [])
            slot.append(position)
            if len(slot) > _PER_WORD:
                del slot[0]

    def similar(self, words: frozenset[str]) -> list[V]:
        """Return the indexed values whose words say the same as ``words``, first indexed first."""
        positions = sorted({p for word in words for p in self.by_word.get(word, ())})
        return [self.entries[p][1] for p in positions
                if same_words(words, self.entries[p][0], self.share)]


def _owners(owner: str) -> frozenset[str]:
    """Return the people an owner field names, folded: "@Ilhan, @Raphael" and "Ilhan et Raphael" are one pair."""
    return frozenset(name.lstrip("@") for name in _OWNERS_SPLIT.split(owner.lower().strip()) if name)


def _same(a: dict, b: dict) -> bool:
    """Return whether two parsed actions with similar words are one action written twice."""
    if a.get("owner") and b.get("owner") and _owners(a["owner"]) != _owners(b["owner"]):
        return False
    return set(_NUMBER.findall(a["text"])) == set(_NUMBER.findall(b["text"]))


def merge_repeated_actions(agenda: list[dict], collects: list[bool], lines: dict[str, int]) -> None:
    """Drop actions of ``agenda`` that repeat an earlier one (in place), completing the earlier.

    ``collects`` says, per agenda item, whether it is a section that collects actions; a repeat
    counts only when one of the two actions is in such an item. The line map is re-keyed.
    """
    index: WordIndex[tuple[dict, bool]] = WordIndex()
    for position, item in enumerate(agenda):
        kept: list[dict] = []
        key = f"agenda[{position}].actions"
        moved: dict[str, str] = {}
        for number, action in enumerate(item.get("actions", [])):
            words = content_words(action.get("text", ""))
            first = next((earlier for earlier, in_list in index.similar(words)
                          if (in_list or collects[position]) and _same(earlier, action)), None)
            if first is not None:
                for name, value in action.items():
                    first.setdefault(name, value)
                continue
            moved[f"{key}[{number}]"] = f"{key}[{len(kept)}]"
            kept.append(action)
            index.add(words, (action, collects[position]))
        if len(kept) != len(item.get("actions", [])):
            _rekey(lines, key, moved, len(item["actions"]))
            item["actions"] = kept


def _rekey(lines: dict[str, int], key: str, moved: dict[str, str], count: int) -> None:
    """Move the lines of one item's actions (``key[n]``) to their new positions; dropped ones go."""
    old = {f"{key}[{n}]": lines.pop(f"{key}[{n}]") for n in range(count) if f"{key}[{n}]" in lines}
    lines.update({moved[k]: v for k, v in old.items() if k in moved})
