"""The project status model: one reporting period of a project, input of ``docgen deck``."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, PrivateAttr, WithJsonSchema, model_validator

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
# Lists of the status that may also be written as a mapping {headline: ..., items: [...]} (the budget's
# list is ``lines``): the headline is the action title of the section's slide.
SECTION_LISTS = {"workstreams": "items", "milestones": "items", "budget": "lines", "risks": "items",
                 "issues": "items", "decisions_required": "items", "actions": "items"}
_HEADLINED = " Also a mapping {headline: ..., items: [...]}: the headline is the title of its slide."


class Project(Record):
    """Who and what the status is about, shown on the cover."""

    name: Text = Field(description="Name of the project, on the cover.")
    code: Text | None = Field(None, description="Short code of the project, e.g. HRIS-26.")
    sponsor: Text | None = Field(None, description="Business sponsor.")
    manager: Text | None = Field(None, description="Project manager.")
    phase: Text | None = Field(None, description="Current phase (free text: Design, Build, Test, Deploy...).")
    period: Text | None = Field(None, description="Reporting period as shown on the cover, e.g. November 2026.")
    report_date: Date = Field(description="Date of the report (YYYY-MM-DD); overdue items are counted from it.")
    committee: Text | None = Field(None, description="Committee the deck is presented to.")
    currency: Annotated[str, BeforeValidator(lambda v: str(v).strip().upper()),
                        WithJsonSchema({"type": "string", "examples": ["EUR", "USD"]})] = Field(
        "EUR", description="ISO 4217 code of every amount (EUR, USD, GBP...).")
    language: Language | None = Field(None, description="en or fr: labels, dates and amounts of the outputs.")


class Overall(Record):
    """The overall RAG status of the project with its trend and summary (Markdown)."""

    status: Rag = Field(description="Overall RAG: green, amber or red.")
    trend: Trend | None = Field(None, description="up, stable or down (computed from --previous when absent).")
    headline: Text | None = Field(None, description="Action title of the dashboard slide (the key message), "
                                                    "e.g. Go-live kept with a second parallel run.")
    summary: Text | None = Field(None, description="Executive summary (Markdown).")


class Dimension(Record):
    """The RAG status of one dimension (scope, schedule, ...)."""

    status: Rag = Field(description="RAG of the dimension: green, amber or red.")
    trend: Trend | None = Field(None, description="up, stable or down.")
    comment: Text | None = Field(None, description="Why (Markdown).")


class Dimensions(Record):
    """The RAG table: any subset of the six dimensions, kept in the contract's order."""

    scope: Dimension | None = Field(None, description="Scope RAG.")
    schedule: Dimension | None = Field(None, description="Schedule RAG.")
    budget: Dimension | None = Field(None, description="Budget RAG.")
    quality: Dimension | None = Field(None, description="Quality RAG.")
    resources: Dimension | None = Field(None, description="Resources RAG.")
    risks: Dimension | None = Field(None, description="Risks RAG.")

    def items(self) -> list[tuple[str, Dimension]]:
        """Return (name, dimension) for every dimension given, in the contract's order."""
        return [(name, getattr(self, name)) for name in DIMENSIONS if getattr(self, name)]


class Workstream(Record):
    """One workstream: its lead, RAG, percent complete, comment, and its forecast and baseline dates."""

    name: Text = Field(description="Name of the workstream.")
    lead: Text | None = Field(None, description="Who leads it.")
    status: Rag | None = Field(None, description="green, amber or red.")
    trend: Trend | None = Field(None, description="up, stable or down.")
    progress: Percent | None = Field(None, description="Percent complete, 0 to 100.")
    comment: Text | None = Field(None, description="Comment (Markdown).")
    start: Date | None = Field(None, description="Forecast start date: the Gantt bar begins here (from the plan's "
                                                 "summary task when absent).")
    end: Date | None = Field(None, description="Forecast end date: the Gantt bar ends here.")
    baseline_start: Date | None = Field(None, description="Baseline (planned) start date: the Gantt's baseline bar.")
    baseline_end: Date | None = Field(None, description="Baseline (planned) end date: the slip of the end is counted "
                                                        "from it.")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Workstream:
        for first, last in (("start", "end"), ("baseline_start", "baseline_end")):
            begin, finish = getattr(self, first), getattr(self, last)
            if begin is not None and finish is not None and finish < begin:
                raise ValueError(f"{last} {finish.isoformat()} is before {first} {begin.isoformat()}")
        return self


class Milestone(Record):
    """A milestone with baseline, forecast and actual dates."""

    id: Text | None = Field(None, description="Identifier, e.g. M-03.")
    name: Text = Field(description="Name of the milestone.")
    baseline: Date | None = Field(None, description="Baseline (planned) date.")
    forecast: Date | None = Field(None, description="Forecast date.")
    actual: Date | None = Field(None, description="Actual date, once reached.")
    status: MilestoneStatus | None = Field(None, description="done, on_track, at_risk or late.")
    comment: Text | None = Field(None, description="Comment (Markdown).")

    @property
    def slip_days(self) -> int | None:
        """Return (actual or forecast) - baseline in days, or None when a date is missing."""
        end = self.actual or self.forecast
        if end is None or self.baseline is None:
            return None
        return (end - self.baseline).days


class BudgetLine(Record):
    """One budget category: approved baseline, actual spent, forecast at completion."""

    category: Text = Field(description="Budget category, e.g. Licences.")
    budget: Amount = Field(0, description="Approved baseline, in currency units (250000, not 250).")
    actual: Amount = Field(0, description="Spent to date, in currency units.")
    forecast: Amount | None = Field(None, description="Forecast at completion, in currency units (default the budget).")

    @property
    def variance(self) -> float:
        """Return forecast - budget (positive = overrun); forecast defaults to the budget."""
        return (self.budget if self.forecast is None else self.forecast) - self.budget


class EarnedValue(Record):
    """Earned value figures: planned value, earned value, actual cost, or SPI/CPI directly."""

    pv: Amount | None = Field(None, description="Planned value to date.")
    ev: Amount | None = Field(None, description="Earned value to date.")
    ac: Amount | None = Field(None, description="Actual cost to date.")
    spi: Annotated[float, Field(ge=0)] | None = Field(None, description="Schedule performance index (else EV / PV).")
    cpi: Annotated[float, Field(ge=0)] | None = Field(None, description="Cost performance index (else EV / AC).")

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

    id: Text | None = Field(None, description="Identifier, e.g. R-004.")
    title: Text = Field(description="What may happen.")
    probability: Scale = Field(description="1 (rare) to 5 (almost certain).")
    impact: Scale = Field(description="1 (minor) to 5 (severe).")
    owner: Text | None = Field(None, description="Who owns the risk.")
    mitigation: Text | None = Field(None, description="What is done about it (Markdown).")
    status: RiskStatus = Field("open", description="open or closed.")
    trend: Trend | None = Field(None, description="up, stable or down.")

    @property
    def score(self) -> int:
        """Return probability x impact (1..25)."""
        return self.probability * self.impact


class Issue(Record):
    """An open problem of the project."""

    id: Text | None = Field(None, description="Identifier, e.g. I-009.")
    title: Text = Field(description="What is wrong.")
    severity: Severity | None = Field(None, description="low, medium, high or critical.")
    owner: Text | None = Field(None, description="Who resolves it.")
    due: Date | None = Field(None, description="Resolution due date.")
    status: IssueStatus = Field("open", description="open, in_progress or resolved.")
    comment: Text | None = Field(None, description="Comment (Markdown).")


class DecisionRequired(Record):
    """What the committee is asked to decide."""

    id: Text | None = Field(None, description="Identifier, e.g. DR-03.")
    title: Text = Field(description="The decision asked of the committee.")
    context: Text | None = Field(None, description="Background (Markdown).")
    options: TextList = Field([], description="The options to choose from.")
    recommendation: Text | None = Field(None, description="The option the project recommends.")
    deadline: Date | None = Field(None, description="When the decision is needed.")


class Status(Record):
    """Everything a project status for one reporting period holds."""

    project: Project = Field(description="Who and what the status is about.")
    overall: Overall = Field(description="Overall RAG, trend and executive summary.")
    dimensions: Dimensions | None = Field(None, description="The RAG table: any of the six dimensions.")
    workstreams: list[Workstream] = Field([], description="Workstreams with lead, RAG and progress." + _HEADLINED)
    achievements: TextList = Field([], description="Achievements of the period (Markdown).")
    next_steps: TextList = Field([], description="Next steps for the next period (Markdown).")
    milestones: list[Milestone] = Field(
        [], description="Milestones with baseline, forecast and actual dates." + _HEADLINED)
    budget: list[BudgetLine] = Field(
        [], description="Budget lines (a list, or {headline: ..., lines: [...], earned_value: {...}}, the headline "
                        "being the budget slide's title); amounts in currency units.")
    earned_value: EarnedValue | None = Field(None, description="Earned value: pv, ev, ac, or spi/cpi directly.")
    risks: list[Risk] = Field([], description="The risk register." + _HEADLINED)
    issues: list[Issue] = Field([], description="Open problems." + _HEADLINED)
    decisions_required: list[DecisionRequired] = Field(
        [], description="What the committee is asked to decide." + _HEADLINED)
    actions: list[Action] = Field([], description="Committee actions, as in meeting.yaml." + _HEADLINED)

    _headlines: dict[str, str] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _section_mappings(cls, data: object, handler):
        # A list may also be a mapping {headline: ..., items: [...]} (budget: {lines:, earned_value:}).
        headlines: dict[str, str] = {}
        if isinstance(data, dict) and any(isinstance(data.get(k), dict) for k in SECTION_LISTS):
            data = dict(data)
            for key, items in SECTION_LISTS.items():
                if isinstance(data.get(key), dict):
                    block = data.pop(key)
                    data[key] = block.get(items, [])
                    if block.get("headline") not in (None, ""):
                        headlines[key] = block["headline"]
                    if key == "budget" and "earned_value" in block and "earned_value" not in data:
                        data["earned_value"] = block["earned_value"]
        status = handler(data)
        status._headlines = {k: " ".join(str(v).split()) for k, v in headlines.items()}
        return status

    def headline(self, section: str) -> str | None:
        """Return the headline of ``section`` (``risks``, ``budget``..., ``overall``), or None when it has none."""
        if section == "overall":
            return " ".join(self.overall.headline.split()) if self.overall.headline else None
        return self._headlines.get(section) or None

    @property
    def report_date(self) -> date:
        """Return the report date of the period."""
        return self.project.report_date
