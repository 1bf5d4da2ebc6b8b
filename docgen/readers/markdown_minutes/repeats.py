"""One action written several times (in a topic, in the discussion, in the closing list) is one.

Minute-takers often note an action where it came up and list it again at the end ("ACTION: Tom
to send the forecast by Friday" ... "## Action items / - Tom: send the forecast (due 6 March)").
Two actions are the same when their owners agree (or one has none), they hold the same numbers,
and most words of the shorter are in the longer; the first one stays, completed with the
fields only the repeat gives (due date, owner, priority, status).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w{3,}")
_NUMBER = re.compile(r"\d+")
_STOP = frozenset("the and for with from that this les des pour avec dans une sur aux par".split())
_SAME = 0.8


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def _same(a: dict, b: dict, a_words: frozenset[str], b_words: frozenset[str]) -> bool:
    """Return whether two parsed actions are one action written twice."""
    if a.get("owner") and b.get("owner") and a["owner"].lower() != b["owner"].lower():
        return False
    if set(_NUMBER.findall(a["text"])) != set(_NUMBER.findall(b["text"])):
        return False  # "Review PR 12" and "Review PR 13" are two actions
    shorter = min(len(a_words), len(b_words))
    return shorter >= 2 and len(a_words & b_words) >= _SAME * shorter


def merge_repeated_actions(agenda: list[dict], lines: dict[str, int]) -> None:
    """Drop actions that repeat an earlier one of ``agenda`` (in place), completing the earlier.

    The line map is re-keyed to the actions' new positions.
    """
    seen: list[tuple[dict, frozenset[str]]] = []
    for index, item in enumerate(agenda):
        key = f"agenda[{index}].actions"
        kept, moved = [], {}
        for position, action in enumerate(item.get("actions", [])):
            words = _words(action.get("text", ""))
            first = next((a for a, w in seen if _same(a, action, w, words)), None)
            if first is not None:
                for field, value in action.items():
                    first.setdefault(field, value)
                continue
            moved[f"{key}[{position}]"] = f"{key}[{len(kept)}]"
            kept.append(action)
            seen.append((action, words))
        if len(kept) != len(item.get("actions", [])):
            old = {k: lines.pop(k) for k in [k for k in lines if k.startswith(f"{key}[")]}
            lines.update({moved[k]: v for k, v in old.items() if k in moved})
            item["actions"] = kept
