"""The project status model: one reporting period of a project, input of ``docgen deck``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, model_validator

from docgen.model.common import (
    Action,
    Date,
    Language,
    Percent,
    Rag,
    Record,
    Text,
    TextList,
    Trend,
    _lower,
)

MilestoneStatus = Annotated[
    Literal["done", "on_track", "at_risk", "late"], BeforeValidator(_lower)
]
RiskStatus = Annotated[Literal["open", "closed"], BeforeValidator(_lower)]
Severity = Annotated[Literal["low", "medium", "high", "critical"], BeforeValidator(_lower)]
IssueStatus = Annotated[Literal["open", "in_progress", "resolved"], BeforeValidator(_lower)]
Scale = Annotated[int, Field(ge=1, le=5)]
Amount = Annotated[float, Field(allow_inf_nan=False)]

DIMENSIONS = ("scope", "schedule", "budget", "quality", "resources", "risks")


class Project(Record):
    """Who and what the status is about, shown on the cover."""

    name: Text
    code: Text | None = None
    sponsor: Text | None = None
    manager: Text | None = None
    phase: Text | None = None
    period: Text | None = None
    report_date: Date
    committee: Text | None = None
    currency: Annotated[str, BeforeValidator(lambda v: str(v).strip().upper())] = "EUR"
    language: Language | None = None


class Overall(Record):
    """The overall RAG status of the project with its trend and summary (Markdown)."""

    status: Rag
    trend: Trend | None = None
    summary: Text | None = None


class Dimension(Record):
    """The RAG status of one dimension (scope, schedule, ...)."""

    status: Rag
    trend: Trend | None = None
    comment: Text | None = None


class Dimensions(Record):
    """The RAG table: any subset of the six dimensions, kept in the contract's order."""

    scope: Dimension | None = None
    schedule: Dimension | None = None
    budget: Dimension | None = None
    quality: Dimension | None = None
    resources: Dimension | None = None
    risks: Dimension | None = None

    def items(self) -> list[tuple[str, Dimension]]:
        """Return (name, dimension) for every dimension given, in the contract's order."""
        return [(name, getattr(self, name)) for name in DIMENSIONS if getattr(self, name)]


class Workstream(Record):
    """One workstream: its lead, RAG, percent complete and comment."""

    name: Text
    lead: Text | None = None
    status: Rag | None = None
    trend: Trend | None = None
    progress: Percent | None = None
    comment: Text | None = None


class Milestone(Record):
    """A milestone with baseline, forecast and actual dates."""

    id: Text | None = None
    name: Text
    baseline: Date | None = None
    forecast: Date | None = None
    actual: Date | None = None
    status: MilestoneStatus | None = None
    comment: Text | None = None

    @property
    def slip_days(self) -> int | None:
        """Return (actual or forecast) - baseline in days, or None when a date is missing."""
        end = self.actual or self.forecast
        if end is None or self.baseline is None:
            return None
        return (end - self.baseline).days


class BudgetLine(Record):
    """One budget category: approved baseline, actual spent, forecast at completion."""

    category: Text
    budget: Amount = 0
    actual: Amount = 0
    forecast: Amount | None = None

    @property
    def variance(self) -> float:
        """Return forecast - budget (positive = overrun); forecast defaults to the budget."""
        return (self.budget if self.forecast is None else self.forecast) - self.budget


class EarnedValue(Record):
    """Earned value figures: planned value, earned value, actual cost, or SPI/CPI directly."""

    pv: Amount | None = None
    ev: Amount | None = None
    ac: Amount | None = None
    spi: Annotated[float, Field(ge=0)] | None = None
    cpi: Annotated[float, Field(ge=0)] | None = None

    @property
    def schedule_index(self) -> float | None:
        """Return SPI (given, or EV / PV)."""
        if self.spi is not None:
            return self.spi
        return self.ev / self.pv if self.ev is not None and self.pv else None

    @property
    def cost_index(self) -> float | None:
        """Return CPI (given, or EV / AC)."""
        if self.cpi is not None:
            return self.cpi
        return self.ev / self.ac if self.ev is not None and self.ac else None


class Risk(Record):
    """A risk of the register, scored probability x impact on 1..5 scales."""

    id: Text | None = None
    title: Text
    probability: Scale
    impact: Scale
    owner: Text | None = None
    mitigation: Text | None = None
    status: RiskStatus = "open"
    trend: Trend | None = None

    @property
    def score(self) -> int:
        """Return probability x impact (1..25)."""
        return self.probability * self.impact


class Issue(Record):
    """An open problem of the project."""

    id: Text | None = None
    title: Text
    severity: Severity | None = None
    owner: Text | None = None
    due: Date | None = None
    status: IssueStatus = "open"
    comment: Text | None = None


class DecisionRequired(Record):
    """What the committee is asked to decide."""

    id: Text | None = None
    title: Text
    context: Text | None = None
    options: TextList = []
    recommendation: Text | None = None
    deadline: Date | None = None


class Status(Record):
    """Everything a project status for one reporting period holds."""

    project: Project
    overall: Overall
    dimensions: Dimensions | None = None
    workstreams: list[Workstream] = []
    achievements: TextList = []
    next_steps: TextList = []
    milestones: list[Milestone] = []
    budget: list[BudgetLine] = []
    earned_value: EarnedValue | None = None
    risks: list[Risk] = []
    issues: list[Issue] = []
    decisions_required: list[DecisionRequired] = []
    actions: list[Action] = []

    @model_validator(mode="before")
    @classmethod
    def _budget_mapping(cls, data: object) -> object:
        # ``budget`` may also be a mapping {lines: [...], earned_value: {...}}.
        if isinstance(data, dict) and isinstance(data.get("budget"), dict):
            data = dict(data)
            block = data.pop("budget")
            data["budget"] = block.get("lines", [])
            if "earned_value" in block and "earned_value" not in data:
                data["earned_value"] = block["earned_value"]
        return data

    @property
    def report_date(self) -> date:
        """Return the report date of the period."""
        return self.project.report_date
