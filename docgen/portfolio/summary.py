"""The portfolio's figures: a row per project, budget totals per currency and the cross-project lists.

Pure: statuses in, plain dataclasses out; every renderer (deck, workbook, Markdown) reads these.
Projects are ordered by severity: red first, then amber, then green; within one RAG a worsening
trend first, then stable (or none), then improving; then by code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from docgen.model.status import DIMENSIONS, DecisionRequired, Milestone, Risk, Status
from docgen.portfolio.collect import Collection, Project
from docgen.portfolio.rules import DEFAULT_RULES, RANK, Flag, Rules, budget_totals, flags, open_milestones

TOP_SCORE = 12  # "top risks": open risks in the heat map's high zone (12-25)
TOP_SLIPS = 10
TREND_ORDER = {"down": 0, "stable": 1, None: 1, "up": 2}


@dataclass(frozen=True)
class Row:
    """One project on the dashboard and in the workbook (``key`` matches it to its Project)."""

    key: str
    code: str
    name: str
    manager: str
    phase: str
    currency: str
    report_date: date
    overall: str
    trend: str | None
    dims: dict[str, tuple[str, str | None] | None]  # dimension -> (rag, trend), None when absent
    budget: float | None
    actual: float | None
    forecast: float | None
    spi: float | None
    cpi: float | None
    next_milestone: Milestone | None
    high_risks: int
    decisions: int
    flags: list[Flag]

    @property
    def variance(self) -> float | None:
        """Return forecast - budget (positive = overrun), or None without budget lines."""
        return None if self.budget is None or self.forecast is None else self.forecast - self.budget

    @property
    def variance_pct(self) -> float | None:
        """Return the variance as a percentage of the budget, or None without a budget."""
        variance = self.variance
        return variance / self.budget * 100 if variance is not None and self.budget else None

    @property
    def amounts(self) -> tuple[float, float, float]:
        """Return (budget, actual, forecast) of a row with budget lines; raise ValueError for one without."""
        if self.budget is None or self.actual is None or self.forecast is None:
            raise ValueError(f"project {self.key} has no budget lines")
        return self.budget, self.actual, self.forecast


@dataclass(frozen=True)
class CurrencyTotal:
    """The budget roll-up of the projects reporting in one currency (never added across currencies)."""

    currency: str
    rows: list[Row]
    budget: float
    actual: float
    forecast: float

    @property
    def variance(self) -> float:
        """Return forecast - budget of the currency's projects."""
        return self.forecast - self.budget


@dataclass(frozen=True)
class Slip:
    """An open milestone of a project forecast after its baseline."""

    row: Row
    milestone: Milestone
    days: int


@dataclass(frozen=True)
class TopRisk:
    """An open risk scored 12 or more, named with its project (``HRIS-26/R-004``)."""

    row: Row
    risk: Risk
    qualified_id: str


@dataclass(frozen=True)
class Asked:
    """A decision a project asks of its committee."""

    row: Row
    decision: DecisionRequired


@dataclass
class Portfolio:
    """Everything the portfolio outputs show, in presentation order."""

    as_of: date
    rows: list[Row]
    totals: list[CurrencyTotal]
    slips: list[Slip]
    risks: list[TopRisk]
    decisions: list[Asked]
    all_slips: list[Slip] = field(default_factory=list)


def row_of(project: Project, rules: Rules) -> Row:
    """Return the dashboard Row of one project."""
    s: Status = project.status
    p = s.project
    dims: dict[str, tuple[str, str | None] | None] = {}
    for name in DIMENSIONS:
        dim = getattr(s.dimensions, name) if s.dimensions else None
        dims[name] = (dim.status, dim.trend) if dim else None
    totals = budget_totals(s) if s.budget else None
    ev = s.earned_value
    upcoming = sorted((m for m in open_milestones(s) if m.forecast or m.baseline),
                      key=lambda m: (m.forecast or m.baseline, m.name))
    return Row(
        key=project.key, code=p.code or "", name=p.name, manager=p.manager or "", phase=p.phase or "",
        currency=p.currency, report_date=p.report_date, overall=s.overall.status,
        trend=s.overall.trend, dims=dims,
        budget=totals[0] if totals else None, actual=totals[1] if totals else None,
        forecast=totals[2] if totals else None,
        spi=ev.schedule_index if ev else None, cpi=ev.cost_index if ev else None,
        next_milestone=upcoming[0] if upcoming else None,
        high_risks=sum(1 for r in s.risks if r.status == "open" and r.score >= TOP_SCORE),
        decisions=len(s.decisions_required),
        flags=flags(s, rules),
    )


def severity_key(row: Row) -> tuple:
    """Return the sort key putting the most severe project first (red, worsening, then by code)."""
    return (RANK[row.overall], TREND_ORDER.get(row.trend, 1), (row.code or row.name).casefold(), row.name)


def summarise(collection: Collection, rules: Rules = DEFAULT_RULES) -> Portfolio:
    """Return the Portfolio of ``collection``: rows by severity, totals, slips, top risks, decisions."""
    pairs = sorted(((row_of(p, rules), p.status) for p in collection.projects), key=lambda rs: severity_key(rs[0]))
    rows = [row for row, _ in pairs]
    totals = []
    for currency in sorted({r.currency for r in rows if r.budget is not None}):
        mine = [r for r in rows if r.currency == currency and r.budget is not None]
        totals.append(CurrencyTotal(currency, mine, sum(r.amounts[0] for r in mine),
                                    sum(r.amounts[1] for r in mine), sum(r.amounts[2] for r in mine)))
    slips, risks, asked = [], [], []
    for row, status in pairs:
        for m in open_milestones(status):
            if m.slip_days is not None and m.slip_days > 0:
                slips.append(Slip(row, m, m.slip_days))
        for n, risk in enumerate(status.risks, 1):
            if risk.status == "open" and risk.score >= TOP_SCORE:
                risks.append(TopRisk(row, risk, f"{row.code or row.name}/{risk.id or f'#{n}'}"))
        asked += [Asked(row, d) for d in status.decisions_required]
    order = {id(r): i for i, r in enumerate(rows)}
    slips.sort(key=lambda s: (-s.days, order[id(s.row)]))
    risks.sort(key=lambda t: (-t.risk.score, order[id(t.row)]))
    asked.sort(key=lambda a: (a.decision.deadline is None, a.decision.deadline or date.max, order[id(a.row)]))
    return Portfolio(collection.as_of, rows, totals, slips[:TOP_SLIPS], risks, asked, slips)
