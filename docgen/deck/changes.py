"""What changed between two reporting periods of a project: a pure comparison of two statuses.

No I/O and no Office library here. Items are matched across periods by id, else by their name
or title (case and surrounding spaces ignored); budget lines by category.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from docgen.model.status import DIMENSIONS, BudgetLine, Issue, Milestone, Risk, Status

RAG_RANK = {"red": 0, "amber": 1, "green": 2}


@dataclass(frozen=True)
class RagChange:
    """The RAG of one dimension (or ``overall``) moved from ``before`` to ``after``."""

    name: str
    before: str
    after: str

    @property
    def better(self) -> bool:
        """Return True when the new RAG is better (green > amber > red)."""
        return RAG_RANK[self.after] > RAG_RANK[self.before]


@dataclass(frozen=True)
class ScoreChange:
    """An open risk whose score (probability x impact) moved."""

    risk: Risk
    before: int

    @property
    def after(self) -> int:
        """Return the current score."""
        return self.risk.score


@dataclass(frozen=True)
class DateChange:
    """A milestone whose expected date (actual when done, else forecast) moved by ``days``."""

    milestone: Milestone
    before: date
    after: date

    @property
    def days(self) -> int:
        """Return the move in days: positive when it slipped, negative when it improved."""
        return (self.after - self.before).days


@dataclass(frozen=True)
class BudgetChange:
    """A budget category (or the total, ``category`` None) whose forecast at completion moved."""

    category: str | None
    before: float | None
    after: float | None

    @property
    def delta(self) -> float:
        """Return after - before (positive = the forecast grew), a missing side counting 0."""
        return (self.after or 0.0) - (self.before or 0.0)


@dataclass
class Changes:
    """Everything that changed since the previous period, grouped by kind."""

    since_period: str | None
    since_date: date
    rag: list[RagChange] = field(default_factory=list)
    new_risks: list[Risk] = field(default_factory=list)
    closed_risks: list[tuple[Risk, bool]] = field(default_factory=list)  # (risk, gone from input)
    scores: list[ScoreChange] = field(default_factory=list)
    slipped: list[DateChange] = field(default_factory=list)
    improved: list[DateChange] = field(default_factory=list)
    budget: list[BudgetChange] = field(default_factory=list)
    opened_issues: list[Issue] = field(default_factory=list)
    resolved_issues: list[tuple[Issue, bool]] = field(default_factory=list)  # (issue, gone)
    trends: dict[str, str] = field(default_factory=dict)  # computed: overall / dimension -> trend

    @property
    def empty(self) -> bool:
        """Return True when nothing listed changed."""
        return not (self.rag or self.new_risks or self.closed_risks or self.scores
                    or self.slipped or self.improved or self.budget or self.opened_issues
                    or self.resolved_issues)


def compare(current: Status, previous: Status) -> Changes:
    """Return the Changes from ``previous`` to ``current``."""
    out = Changes(previous.project.period, previous.project.report_date)
    _rag(out, current, previous)
    _risks(out, current.risks, previous.risks)
    _milestones(out, current.milestones, previous.milestones)
    out.budget = _budget(current.budget, previous.budget)
    _issues(out, current.issues, previous.issues)
    return out


def _key(item_id: str | None, name: str) -> str:
    return (item_id or name).strip().casefold()


def _rags(status: Status) -> dict[str, str]:
    rags: dict[str, str] = {"overall": status.overall.status}
    if status.dimensions:
        rags.update({name: dim.status for name, dim in status.dimensions.items()})
    return rags


def _rag(out: Changes, current: Status, previous: Status) -> None:
    now, before = _rags(current), _rags(previous)
    for name in ("overall", *DIMENSIONS):
        if name not in now or name not in before:
            continue
        old, new = before[name], now[name]
        if old != new:
            out.rag.append(RagChange(name, old, new))
        diff = RAG_RANK[new] - RAG_RANK[old]
        out.trends[name] = "up" if diff > 0 else "down" if diff < 0 else "stable"


def _risks(out: Changes, current: list[Risk], previous: list[Risk]) -> None:
    before = {_key(r.id, r.title): r for r in previous}
    now_keys = set()
    for risk in current:
        key = _key(risk.id, risk.title)
        now_keys.add(key)
        old = before.get(key)
        if risk.status == "closed":
            if old is not None and old.status == "open":
                out.closed_risks.append((risk, False))
        elif old is None or old.status == "closed":
            out.new_risks.append(risk)
        elif old.score != risk.score:
            out.scores.append(ScoreChange(risk, old.score))
    out.closed_risks += [(r, True) for key, r in before.items()
                         if key not in now_keys and r.status == "open"]


def _end(milestone: Milestone) -> date | None:
    return milestone.actual or milestone.forecast


def _milestones(out: Changes, current: list[Milestone], previous: list[Milestone]) -> None:
    before = {_key(m.id, m.name): m for m in previous}
    for milestone in current:
        old = before.get(_key(milestone.id, milestone.name))
        was, now = (_end(old) if old is not None else None), _end(milestone)
        if was is None or now is None:
            continue
        change = DateChange(milestone, was, now)
        if change.days > 0:
            out.slipped.append(change)
        elif change.days < 0:
            out.improved.append(change)


def _forecast(line: BudgetLine) -> float:
    return line.budget if line.forecast is None else line.forecast


def _budget(current: list[BudgetLine], previous: list[BudgetLine]) -> list[BudgetChange]:
    before = {_key(None, b.category): b for b in previous}
    now_keys = {_key(None, b.category) for b in current}
    changes = []
    for line in current:
        old = before.get(_key(None, line.category))
        old_value = None if old is None else _forecast(old)
        if old_value is None or abs(_forecast(line) - old_value) >= 0.5:
            changes.append(BudgetChange(line.category, old_value, _forecast(line)))
    changes += [BudgetChange(b.category, _forecast(b), None)
                for key, b in before.items() if key not in now_keys]
    total_now = sum(_forecast(b) for b in current)
    total_before = sum(_forecast(b) for b in previous)
    if changes and current and previous and abs(total_now - total_before) >= 0.5:
        changes.append(BudgetChange(None, total_before, total_now))
    return changes


def _issues(out: Changes, current: list[Issue], previous: list[Issue]) -> None:
    before = {_key(i.id, i.title): i for i in previous}
    now_keys = set()
    for issue in current:
        key = _key(issue.id, issue.title)
        now_keys.add(key)
        old = before.get(key)
        if issue.status == "resolved":
            if old is not None and old.status != "resolved":
                out.resolved_issues.append((issue, False))
        elif old is None or old.status == "resolved":
            out.opened_issues.append(issue)
    out.resolved_issues += [(i, True) for key, i in before.items()
                            if key not in now_keys and i.status != "resolved"]


def with_trends(status: Status, changes: Changes) -> Status:
    """Return ``status`` with the computed RAG trends filled in where the input gave none."""
    trends = changes.trends
    overall = status.overall
    if overall.trend is None and "overall" in trends:
        overall = overall.model_copy(update={"trend": trends["overall"]})
    dimensions = status.dimensions
    if dimensions is not None:
        update = {name: dim.model_copy(update={"trend": trends[name]})
                  for name, dim in dimensions.items() if dim.trend is None and name in trends}
        dimensions = dimensions.model_copy(update=update)
    return status.model_copy(update={"overall": overall, "dimensions": dimensions})
