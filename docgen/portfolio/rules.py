"""RAG rules: a suggested RAG per dimension computed from a status's own figures (pure, no I/O).

Defaults (each overridable under ``rules:`` in docgen.yaml, see :mod:`docgen.portfolio.rules_config`):

- schedule: the largest slip of an open milestone (not done, no actual date) - amber above
  10 days, red above 20 - and SPI - amber below 0.95, red below 0.90;
- budget: forecast at completion against budget - amber above 2 %, red above 5 % - and CPI -
  amber below 0.95, red below 0.90;
- risks: the highest score of an open risk - amber from 12, red from 20.

A dimension takes the worse of its two tests. A typed RAG better than its rule's is a
:class:`Flag`; the words of a flag are made by :func:`docgen.portfolio.words.flag_text`.
"""

from __future__ import annotations

from dataclasses import dataclass

from docgen.model.status import Milestone, Status

RANK = {"red": 0, "amber": 1, "green": 2}
RULED = ("schedule", "budget", "risks")


@dataclass(frozen=True)
class Rules:
    """The thresholds of the RAG rules (days, indices, percent, risk scores)."""

    slip_amber_days: float = 10
    slip_red_days: float = 20
    spi_amber: float = 0.95
    spi_red: float = 0.90
    overrun_amber_pct: float = 2.0
    overrun_red_pct: float = 5.0
    cpi_amber: float = 0.95
    cpi_red: float = 0.90
    score_amber: float = 12
    score_red: float = 20


DEFAULT_RULES = Rules()

# docgen.yaml keys of the thresholds: rules.<dimension>.<field of Rules>
KEYS: dict[str, tuple[str, ...]] = {
    "schedule": ("slip_amber_days", "slip_red_days", "spi_amber", "spi_red"),
    "budget": ("overrun_amber_pct", "overrun_red_pct", "cpi_amber", "cpi_red"),
    "risks": ("score_amber", "score_red"),
}


@dataclass(frozen=True)
class Reason:
    """Why a rule gave its RAG: ``kind`` (slip, spi, overrun, cpi, score), the item and the value."""

    kind: str
    value: float
    item: str = ""


@dataclass(frozen=True)
class Suggestion:
    """The RAG a dimension's rule gives and the figure that decided it (None when it is green)."""

    dimension: str
    rag: str
    reason: Reason | None = None


@dataclass(frozen=True)
class Flag:
    """A dimension whose typed RAG is better than its rule's suggestion."""

    dimension: str
    typed: str
    suggested: Suggestion


def open_milestones(status: Status) -> list[Milestone]:
    """Return the milestones not yet reached (no actual date, status other than done)."""
    return [m for m in status.milestones if m.actual is None and m.status != "done"]


def worst_slip(status: Status) -> tuple[Milestone, int] | None:
    """Return the open milestone with the largest positive slip and that slip, or None."""
    best: tuple[Milestone, int] | None = None
    for milestone in open_milestones(status):
        slip = milestone.slip_days
        if slip is not None and slip > 0 and (best is None or slip > best[1]):
            best = (milestone, slip)
    return best


def budget_totals(status: Status) -> tuple[float, float, float]:
    """Return the (budget, actual, forecast) totals of the status's lines (forecast defaults to budget)."""
    lines = status.budget
    return (sum(b.budget for b in lines), sum(b.actual for b in lines),
            sum(b.budget if b.forecast is None else b.forecast for b in lines))


def overrun_pct(status: Status) -> float | None:
    """Return (forecast - budget) / budget in percent, or None without a budget."""
    budget, _, forecast = budget_totals(status)
    return (forecast - budget) / budget * 100 if budget else None


def highest_risk(status: Status):
    """Return the open risk with the highest score (first on ties), or None."""
    risks = [r for r in status.risks if r.status == "open"]
    return max(risks, key=lambda r: r.score) if risks else None


def _above(value: float, amber: float, red: float) -> str:
    return "red" if value > red else "amber" if value > amber else "green"


def _below(value: float, amber: float, red: float) -> str:
    return "red" if value < red else "amber" if value < amber else "green"


def _worse(*found: tuple[str, Reason | None]) -> tuple[str, Reason | None]:
    """Return the worst (rag, reason) pair; the first one on ties."""
    return min(found, key=lambda item: RANK[item[0]])


def suggest(status: Status, rules: Rules = DEFAULT_RULES) -> dict[str, Suggestion]:
    """Return the suggestion of each ruled dimension (schedule, budget, risks) the data allows."""
    out: dict[str, Suggestion] = {}
    ev = status.earned_value
    tests: list[tuple[str, Reason | None]] = []
    slip = worst_slip(status)
    if slip:
        rag = _above(slip[1], rules.slip_amber_days, rules.slip_red_days)
        tests.append((rag, Reason("slip", slip[1], slip[0].name)))
    spi = ev.schedule_index if ev else None
    if spi is not None:
        tests.append((_below(spi, rules.spi_amber, rules.spi_red), Reason("spi", spi)))
    if tests or status.milestones:
        rag, reason = _worse(*tests) if tests else ("green", None)
        out["schedule"] = Suggestion("schedule", rag, reason if rag != "green" else None)
    tests = []
    pct = overrun_pct(status)
    if pct is not None:
        tests.append((_above(pct, rules.overrun_amber_pct, rules.overrun_red_pct), Reason("overrun", pct)))
    cpi = ev.cost_index if ev else None
    if cpi is not None:
        tests.append((_below(cpi, rules.cpi_amber, rules.cpi_red), Reason("cpi", cpi)))
    if tests:
        rag, reason = _worse(*tests)
        out["budget"] = Suggestion("budget", rag, reason if rag != "green" else None)
    if status.risks:
        risk = highest_risk(status)
        if risk is None:
            out["risks"] = Suggestion("risks", "green")
        else:
            score = risk.score
            rag = "red" if score >= rules.score_red else "amber" if score >= rules.score_amber else "green"
            out["risks"] = Suggestion("risks", rag, Reason("score", score, risk.id or risk.title)
                                      if rag != "green" else None)
    return out


def flags(status: Status, rules: Rules = DEFAULT_RULES) -> list[Flag]:
    """Return a Flag for each typed dimension RAG better than its rule's, in dimension order."""
    if status.dimensions is None:
        return []
    found = suggest(status, rules)
    out = []
    for name in RULED:
        dim = getattr(status.dimensions, name)
        rule = found.get(name)
        if dim is not None and rule is not None and RANK[dim.status] > RANK[rule.rag]:
            out.append(Flag(name, dim.status, rule))
    return out
