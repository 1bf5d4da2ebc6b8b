"""Actions across the meetings of a series: carry-over of open actions and the action register.

Everything here is pure: meetings come in as ``(name, Minutes)`` pairs (``name`` is the file
the minutes were read from, used in warnings) and nothing is read or written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from docgen.model.common import Action
from docgen.model.meeting import Minutes

Named = tuple[str, Minutes]


@dataclass(frozen=True)
class MeetingRef:
    """Which meeting an action came from: the file name, the meeting title and its date."""

    name: str
    title: str
    date: date


@dataclass
class Tracked:
    """An action followed through a series: its latest state, where it began and was last seen.

    ``stated`` is the last meeting whose file wrote the action; ``last`` is the last meeting
    that reviewed it, which includes meetings it was carried into while open.
    """

    action: Action
    origin: MeetingRef
    stated: MeetingRef
    last: MeetingRef


@dataclass
class Series:
    """The actions of a series by key (id, or text for actions without one) and the conflicts found."""

    actions: dict[str, Tracked] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def key_of(action: Action) -> str:
    """Return the key matching ``action`` across meetings: its id, else its normalised text."""
    return f"id:{action.id.strip()}" if action.id else f"text:{_norm(action.text)}"


def _norm(text: str) -> str:
    text = re.sub(r"[*_`~]", "", text).lower()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def ref_of(name: str, minutes: Minutes) -> MeetingRef:
    """Return the MeetingRef of ``minutes`` read from ``name``."""
    return MeetingRef(name, minutes.meeting.title, minutes.meeting.date)


def chronological(meetings: list[Named]) -> list[Named]:
    """Return ``meetings`` sorted by date and start time (file name breaks ties)."""
    return sorted(meetings, key=lambda m: (m[1].meeting.date, m[1].meeting.start or "", m[0]))


def _conflicts(label: str, before: Tracked, action: Action, ref: MeetingRef) -> list[str]:
    warnings = []
    if action.id and _norm(before.action.text) != _norm(action.text):
        warnings.append(
            f"{label}: two different actions share this id: \"{before.action.text}\" in "
            f"{before.stated.name} and \"{action.text}\" in {ref.name}")
    if before.action.status == "done" and action.is_open and not action.comment:
        warnings.append(
            f"{label}: done in {before.stated.name} but reopened ({action.status}) in {ref.name} "
            "without a comment")
    return warnings


def update(before: Action, entry: Action) -> Action:
    """Return ``before`` updated with the keys ``entry`` states (status, comment, due...)."""
    given = {k: getattr(entry, k) for k in entry.model_fields_set if k != "id"}
    return before.model_copy(update=given)


def _see(series: Series, action: Action, ref: MeetingRef) -> None:
    key = key_of(action)
    before = series.actions.get(key)
    if before is None:
        series.actions[key] = Tracked(action, ref, ref, ref)
        return
    if before.stated == ref and before.action == action:
        return
    series.warnings += _conflicts(action.id or action.text, before, action, ref)
    before.action = update(before.action, action)
    before.stated = before.last = ref


def track(meetings: list[Named]) -> Series:
    """Return every action of ``meetings`` in its latest state (meetings taken in date order).

    In each meeting the review of previous actions is read before the new actions; an entry
    whose id is already known updates that action instead of adding one. Along a series (a
    batch builds meeting k after meeting k-1) the state after the longest prefix already
    tracked is reused, so carry-over is computed once along the series, not once per meeting.
    """
    ordered = chronological(meetings)
    series, start = _resume(ordered)
    for name, minutes in ordered[start:]:
        _step(series, name, minutes)
    _remember(ordered, series)
    return series


def _step(series: Series, name: str, minutes: Minutes) -> None:
    ref = ref_of(name, minutes)
    for tracked in series.actions.values():
        if tracked.action.is_open:
            tracked.last = ref  # carried into this meeting's review
    for action in minutes.previous_actions + minutes.actions:
        _see(series, action, ref)


# The last few tracked prefixes: (names, the minutes objects, the Series after them).
_TRACKED: list[tuple[tuple[str, ...], list[Minutes], Series]] = []
_TRACKED_KEEP = 4


def _resume(ordered: list[Named]) -> tuple[Series, int]:
    """Return a copy of the state after the longest remembered prefix of ``ordered``, and its length."""
    names = tuple(name for name, _ in ordered)
    best: tuple[int, Series] | None = None
    for known, minutes_list, series in _TRACKED:
        size = len(known)
        if size <= len(ordered) and known == names[:size] and (best is None or size > best[0]) \
                and all(a is b for a, (_, b) in zip(minutes_list, ordered)):
            best = (size, series)
    if best is None:
        return Series(), 0
    size, series = best
    copied = Series({key: Tracked(t.action, t.origin, t.stated, t.last) for key, t in series.actions.items()},
                    list(series.warnings))
    return copied, size


def _remember(ordered: list[Named], series: Series) -> None:
    if not ordered:
        return
    frozen = Series({key: Tracked(t.action, t.origin, t.stated, t.last) for key, t in series.actions.items()},
                    list(series.warnings))
    _TRACKED.append((tuple(name for name, _ in ordered), [m for _, m in ordered], frozen))
    del _TRACKED[:-_TRACKED_KEEP]


def carry_over(current: Named, earlier: list[Named]) -> tuple[list[Action], list[str]]:
    """Return the review of previous actions for ``current`` and the conflicts found, as warnings.

    Every action still open at the end of ``earlier`` is carried; an entry of the current
    meeting's own ``previous_actions`` with the same id updates it (status, comment) in place;
    entries matching nothing, or matching a closed action, are kept as written.
    """
    name, minutes = current
    series = track(earlier)
    ref = ref_of(name, minutes)
    carried = {key: t for key, t in series.actions.items() if t.action.is_open}
    result: dict[str, Action] = {key: t.action for key, t in carried.items()}
    warnings = list(series.warnings)
    for entry in minutes.previous_actions:
        key = key_of(entry)
        before = series.actions.get(key)
        if before is None:
            result[key] = entry
            continue
        warnings += _conflicts(entry.id or entry.text, before, entry, ref)
        result[key] = update(before.action, entry)
    for action in minutes.actions:
        before = series.actions.get(key_of(action))
        if before is not None and action.id:
            warnings += _conflicts(action.id, before, action, ref)
            result.pop(key_of(action), None)
    return list(result.values()), _unique(warnings)


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def with_carry_over(current: Named, earlier: list[Named]) -> tuple[Minutes, list[str]]:
    """Return the current minutes with previous_actions filled from ``earlier``, and warnings."""
    if not earlier:
        return current[1], []
    actions, warnings = carry_over(current, earlier)
    return current[1].model_copy(update={"previous_actions": actions}), warnings


def open_actions(minutes: Minutes) -> list[Action]:
    """Return the previous actions of ``minutes`` still open (the ones a meeting reviews)."""
    return [a for a in minutes.previous_actions if a.is_open]
