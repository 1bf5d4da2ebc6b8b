"""The order of the deck's slides: the built-in order, or ``order:`` in ``deck.yaml`` beside the template.

Each name is one kind of slide (a planner of :mod:`docgen.deck.plan`)::

    order: [cover, dashboard, decisions, summary, milestones, timeline, budget, risks, actions]

The slides are made in that order; a kind not listed is left out of the deck. A name that is
no slide kind, a name given twice or a value that is not a list is refused with the file and key
path (``deck.yaml: order[3]``), every problem at once.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from docgen.deck.palette import MAX_PALETTE_BYTES, PALETTE_NAME
from docgen.errors import TemplateError

# Every slide kind in the built-in order: the dashboard and the decisions asked come before the detail.
DEFAULT_ORDER = ("cover", "dashboard", "summary", "changes", "decisions", "dimensions", "workstreams", "gantt",
                 "milestones", "timeline", "budget", "heatmap", "risks", "issues", "actions")
KNOWN = frozenset(DEFAULT_ORDER)


def order_for(template_path: Path | None) -> tuple[str, ...]:
    """Return the slide kinds in deck order: ``order:`` of the ``deck.yaml`` beside ``template_path``, else the default.

    Cached while the file is unchanged; raises TemplateError naming the file and key path of
    each problem.
    """
    if template_path is None:
        return DEFAULT_ORDER
    path = Path(template_path).parent / PALETTE_NAME
    try:
        stat = path.stat() if path.is_file() else None
    except OSError:
        stat = None
    if stat is None:
        return DEFAULT_ORDER
    return _load(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, _mtime: int, _size: int) -> tuple[str, ...]:
    from docgen.deck.settings_file import read_settings

    data = read_settings(path, "deck settings", MAX_PALETTE_BYTES)
    if not isinstance(data, dict) or data.get("order") is None:
        return DEFAULT_ORDER
    return checked_order(data["order"], path)


def checked_order(value: object, path: Path) -> tuple[str, ...]:
    """Return ``value`` (the ``order:`` of ``path``) as a tuple of slide kinds; raise TemplateError otherwise."""
    known = ", ".join(DEFAULT_ORDER)
    if not isinstance(value, list) or not value:
        raise TemplateError(f"{path}: order: expected a list of slide kinds ({known})")
    problems, seen = [], set()
    for n, item in enumerate(value):
        name = str(item).strip().lower() if isinstance(item, str) else None
        if name not in KNOWN:
            problems.append(f"{path}: order[{n}]: {item!r} is not a slide kind; known: {known}")
        elif name in seen:
            problems.append(f"{path}: order[{n}]: {name!r} is listed twice")
        else:
            seen.add(name)
    if problems:
        raise TemplateError("; ".join(problems))
    return tuple(str(item).strip().lower() for item in value)
