"""The plan of a status: milestones and workstreams read from an MS Project XML file (MSPDI).

MSPDI is what MS Project's "Save as XML" and ProjectLibre write (namespace
``http://schemas.microsoft.com/project``). It is parsed with defusedxml: no DTD, no entities,
no network access, and no Java. From the plan:

- **milestones** are the tasks with ``<Milestone>1</Milestone>``: baseline = the Finish of
  ``<Baseline>`` number 0, forecast = ``<Finish>``, actual = ``<ActualFinish>`` once
  ``<PercentComplete>`` is 100 (status ``done`` then); the deck computes the slip;
- **workstreams** are the summary tasks of ``<OutlineLevel>1</OutlineLevel>``: name,
  ``PercentComplete`` as progress, ``<Start>``/``<Finish>`` as ``start``/``end`` and the Start and
  Finish of ``<Baseline>`` number 0 as ``baseline_start``/``baseline_end`` (the deck's Gantt bars).

Entries of the status with the same name (case and spaces ignored) are merged into the plan's:
the status adds its keys (comment, status, lead...) and wins where both give one; its other
entries follow the plan's. The plan is the status's ``plan:`` key (relative to the status file)
or the one ``docgen deck --plan`` names (see :func:`plan_for`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.readers.source import Source
from docgen.readers.status_layout import norm

NAMESPACE = "http://schemas.microsoft.com/project"
MAX_PLAN_BYTES = 64 * 1024 * 1024  # a plan of 20,000 tasks is about 40 MB
_OVERRIDE: ContextVar[tuple[Path, Path] | None] = ContextVar("docgen_plan_override", default=None)


@contextlib.contextmanager
def plan_for(status: Path, plan: Path | None) -> Iterator[None]:
    """Within the block, read ``plan`` as the plan of the status file ``status`` (``docgen deck --plan``)."""
    if plan is None:
        yield
        return
    token = _OVERRIDE.set((Path(status).resolve(), Path(plan)))
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


@dataclass
class Plan:
    """What a plan gives a status: milestone and workstream entries, and the place of each (task UID)."""

    milestones: list[tuple[dict, str]]
    workstreams: list[tuple[dict, str]]


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _fields(task) -> dict[str, object]:
    """Return the direct children of a ``<Task>`` as {name: text}, baselines as {"Baseline": [{...}]}."""
    found: dict[str, object] = {}
    baselines: list[dict[str, str]] = []
    for child in task:
        name = _local(child.tag)
        if name == "Baseline":
            baselines.append({_local(c.tag): (c.text or "").strip() for c in child})
        else:
            found.setdefault(name, (child.text or "").strip())
    if baselines:
        found["Baseline"] = baselines
    return found


def read_plan(path: Path, shown: str | None = None) -> Plan:
    """Return the milestones and workstreams of the MSPDI file at ``path``; raise InputError naming it.

    ``shown`` is how places name the file (``plan.xml: task UID 12``); default its path.
    """
    import defusedxml
    from defusedxml import ElementTree

    path = Path(path)
    shown = shown or str(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_PLAN_BYTES else None
    except FileNotFoundError:
        raise InputError.single(path, "file not found") from None
    except OSError as exc:
        raise InputError.single(path, f"cannot read: {exc.strerror or exc}") from None
    if data is None:
        raise InputError.single(path, f"refused: a plan larger than {MAX_PLAN_BYTES // (1024 * 1024)} MB")
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise InputError.single(path, "refused: the XML declares a DTD or entities (not an MS Project plan)") from None
    except ElementTree.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise InputError.single(path, f"XML syntax error: {exc}", line=line) from None
    if root.tag != f"{{{NAMESPACE}}}Project":
        raise InputError.single(path, f"is not an MS Project XML plan (root <{_local(root.tag)}>, expected <Project> "
                                      f"in {NAMESPACE})")
    plan = Plan([], [])
    problems: list[Problem] = []
    for task in (t for tasks in root if _local(tasks.tag) == "Tasks" for t in tasks if _local(t.tag) == "Task"):
        _add_task(_fields(task), plan, problems, shown, path)
    if problems:
        raise InputError(problems)
    return plan


def _add_task(task: dict, plan: Plan, problems: list[Problem], shown: str, path: Path) -> None:
    """Add ``task`` to ``plan`` when it is a milestone or a top-level summary task."""
    name = task.get("Name") or ""
    if not name or task.get("IsNull") == "1" or task.get("Active") == "0":
        return
    place = f"{shown}: task UID {task.get('UID', '?')}"

    def day(key: str, value: object) -> date | None:
        text = str(value or "")
        if not text:
            return None
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            problems.append(Problem(str(path), f"{key} {text!r} is not a date", f"task UID {task.get('UID', '?')}",
                                    name))
            return None

    try:
        percent = int(float(task.get("PercentComplete") or 0))
    except ValueError:
        problems.append(Problem(str(path), f"PercentComplete {task.get('PercentComplete')!r} is not a number",
                                f"task UID {task.get('UID', '?')}", name))
        return
    baseline: dict[str, str] = next((b for b in task.get("Baseline", []) if b.get("Number", "0") == "0"), {})
    if task.get("Milestone") == "1" and task.get("Summary") != "1":
        entry = {"name": name, "baseline": day("Baseline Finish", baseline.get("Finish")),
                 "forecast": day("Finish", task.get("Finish"))}
        if percent >= 100:
            entry["actual"] = day("ActualFinish", task.get("ActualFinish")) or entry["forecast"]
            entry["status"] = "done"
        plan.milestones.append(({k: v for k, v in entry.items() if v is not None}, place))
    elif task.get("Summary") == "1" and task.get("OutlineLevel") == "1":
        entry = {"name": name, "progress": percent, "start": day("Start", task.get("Start")),
                 "end": day("Finish", task.get("Finish")),
                 "baseline_start": day("Baseline Start", baseline.get("Start")),
                 "baseline_end": day("Baseline Finish", baseline.get("Finish"))}
        plan.workstreams.append(({k: v for k, v in entry.items() if v is not None}, place))


def apply_plan(source: Source) -> None:
    """Merge the plan of ``source`` (its ``plan:`` key, or ``--plan``) into its milestones and workstreams.

    Does nothing without a plan; raises InputError naming the plan file and task otherwise.
    """
    override = _OVERRIDE.get()
    if override is not None and Path(source.path).resolve() == override[0]:
        plan_path, shown = override[1], str(override[1])
    else:
        written = source.data.get("plan")
        if written is None:
            return
        if not isinstance(written, str) or not written.strip():
            raise InputError.single(source.path, "expected the path of an MS Project XML file",
                                    source.line_of("plan"), "plan")
        plan_path, shown = Path(source.path).parent / written.strip(), written.strip()
        if not plan_path.is_file():
            raise InputError.single(source.path, f"{written}: plan not found", source.line_of("plan"), "plan")
    plan = read_plan(plan_path, shown)
    merge(source, "milestones", plan.milestones)
    merge(source, "workstreams", plan.workstreams)


def merge(source: Source, key: str, planned: list[tuple[dict, str]]) -> None:
    """Set ``source.data[key]`` to the plan's entries merged with the status's own (status wins), lines moved."""
    own = source.data.get(key)
    if not planned or (own is not None and not isinstance(own, list)):
        return
    own = own or []
    old = {k: v for k, v in source.lines.items() if k.startswith(f"{key}[")}
    for k in old:
        del source.lines[k]
    by_name = {norm(e.get("name")): i for i, e in enumerate(own) if isinstance(e, dict) and e.get("name")}
    used: set[int] = set()
    result: list = []

    def move(index: int, into: int) -> None:
        prefix = f"{key}[{index}]"
        for k, v in old.items():
            if k == prefix or k.startswith((prefix + ".", prefix + "[")):
                source.lines[f"{key}[{into}]{k[len(prefix):]}"] = v

    for entry, place in planned:
        where = len(result)
        source.lines[f"{key}[{where}]"] = place
        for column in entry:
            source.lines[f"{key}[{where}].{column}"] = place
        match = by_name.get(norm(entry["name"]))
        if match is not None and match not in used:
            used.add(match)
            entry = {**entry, **{k: v for k, v in own[match].items() if v is not None}}
            move(match, where)
        result.append(entry)
    for index, entry in enumerate(own):
        if index not in used:
            move(index, len(result))
            result.append(entry)
    source.data[key] = result
