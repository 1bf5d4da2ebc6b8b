"""A portfolio of 10 statuses (5 projects, EUR and USD, several periods) built from docs/formats/status.yaml.

Every figure the portfolio tests expect is worked out by hand from the values here.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path

import yaml

from tests.deck_data import CONTRACT

EXAMPLE = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
AS_OF = date(2026, 11, 30)


def status(code: str, report_date: date, overall: str, dims: dict[str, str] | None = None, *,
           name: str | None = None, manager: str | None = None, phase: str | None = None,
           currency: str = "EUR", budget: list[tuple[str, float, float, float]] | None = None,
           earned_value: dict | None = None, milestones: list[dict] | None = None,
           risks: list[dict] | None = None, decisions: list[dict] | None = None) -> dict:
    """Return a status dict: the example with every key, its values replaced by these (no typed trends)."""
    data = copy.deepcopy(EXAMPLE)
    project = data["project"]
    project.update(code=code, report_date=report_date, currency=currency, period=report_date.strftime("%B %Y"))
    for key, value in (("name", name), ("manager", manager), ("phase", phase)):
        if value:
            project[key] = value
    data["overall"] = {"status": overall, "summary": f"{code} status of {report_date.isoformat()}."}
    if dims is not None:
        data["dimensions"] = {k: {"status": v, "comment": f"{k} is {v}."} for k, v in dims.items()}
    if budget is not None:
        data["budget"] = [{"category": c, "budget": b, "actual": a, "forecast": f} for c, b, a, f in budget]
    if earned_value is not None:
        data["earned_value"] = earned_value
    elif budget is not None:
        data.pop("earned_value")
    for key, value in (("milestones", milestones), ("risks", risks), ("decisions_required", decisions)):
        if value is not None:
            data[key] = value
    return data


def risk(rid: str, title: str, p: int, i: int, state: str = "open") -> dict:
    """Return a risk entry."""
    return {"id": rid, "title": title, "probability": p, "impact": i, "owner": "PMO", "status": state,
            "mitigation": f"Mitigation of {rid}."}


def milestone(name: str, baseline: date, forecast: date, state: str = "on_track", **extra) -> dict:
    """Return a milestone entry."""
    return {"name": name, "baseline": baseline, "forecast": forecast, "status": state, **extra}


D = date
HRIS_DIMS = {"scope": "green", "schedule": "amber", "budget": "green", "quality": "amber",
             "resources": "green", "risks": "amber"}
CRM_NOV = {"scope": "amber", "schedule": "red", "budget": "red", "quality": "amber", "resources": "amber",
           "risks": "red"}
CRM_BUDGET = [("Licences", 200000, 150000, 220000), ("Services", 300000, 210000, 320000)]
CRM_MILESTONES = [milestone("UAT complete", D(2026, 11, 15), D(2026, 12, 10), "at_risk", id="M-01"),
                  milestone("Cut-over", D(2027, 2, 1), D(2027, 2, 15), "late", id="M-02")] + [
    milestone(f"Wave {k}", D(2027, 3, 1), D(2027, 3, 1) + timedelta(days=k)) for k in range(1, 7)]
CRM_RISKS = [risk("R-001", "Data migration quality too low", 5, 5), risk("R-002", "Vendor capacity", 3, 4),
             risk("R-003", "Licence audit", 4, 4, "closed")]
CRM_DECISION = [{"id": "DR-01", "title": "Approve a budget increase of $40k", "recommendation": "Approve",
                 "deadline": D(2026, 12, 2)}]
CRM = dict(name="CRM Replacement", manager="Ana Lopez", phase="Test", currency="USD", budget=CRM_BUDGET,
           earned_value={"spi": 0.85, "cpi": 0.92}, milestones=CRM_MILESTONES, risks=CRM_RISKS,
           decisions=CRM_DECISION)
SEC = dict(name="Security Operations Centre", manager="Nora Haddad", phase="Build",
           budget=[("Tools", 400000, 250400, 412000)],
           milestones=[milestone("SOC live", D(2026, 12, 1), D(2026, 12, 12), "at_risk")],
           risks=[risk("R-002", "Analyst hiring delays", 4, 4)],
           decisions=[{"id": "DR-02", "title": "Approve the 24/7 coverage model", "recommendation": "Follow-the-sun",
                       "deadline": D(2026, 12, 1)}])

STATUSES: dict[str, dict] = {
    "hris/2026-10.yaml": status("HRIS-26", D(2026, 10, 26), "green", {**HRIS_DIMS, "schedule": "green"}),
    "hris/2026-11.yaml": status("HRIS-26", D(2026, 11, 23), "amber", HRIS_DIMS),
    "hris/2026-12.yaml": status("HRIS-26", D(2026, 12, 21), "red", HRIS_DIMS),  # after the as-of date
    "crm/sept.yaml": status("CRM-27", D(2026, 9, 28), "amber", {**CRM_NOV, "schedule": "amber"}, **CRM),
    "crm/oct.yaml": status("CRM-27", D(2026, 10, 26), "amber", {**CRM_NOV, "schedule": "amber"}, **CRM),
    "crm/nov.yaml": status("CRM-27", D(2026, 11, 20), "red", CRM_NOV, **CRM),
    "erp/status.yaml": {**status(
        "ERP-25", D(2026, 11, 16), "green", dict.fromkeys(HRIS_DIMS, "green"), name="ERP Finance Upgrade",
        manager="Marc Petit", phase="Design",
        budget=[("Licences", 100000, 40000, 100000), ("Services", 150000, 60000, 153000)],
        earned_value={"spi": 0.97, "cpi": 1.0},
        milestones=[milestone("Design sign-off", D(2026, 11, 2), D(2026, 11, 2), "done", actual=D(2026, 11, 5)),
                    milestone("Parallel run 2 complete", D(2026, 11, 30), D(2026, 12, 30), "at_risk")],
        risks=[risk("R-001", "Chart of accounts redesign late", 2, 4)], decisions=[])},
    "dwh/status.yaml": status(
        "DWH-24", D(2026, 11, 10), "green", {"scope": "green", "schedule": "green", "budget": "green"},
        name="Data Warehouse", manager="Li Wei", phase="Deploy", currency="USD",
        budget=[("Platform", 120000, 90000, 118000)],
        milestones=[milestone("Go-live", D(2026, 12, 1), D(2026, 12, 1))],
        risks=[risk("R-001", "Source system freeze", 2, 3)],
        decisions=[{"id": "DR-07", "title": "Choose the archive retention period", "recommendation": "Seven years",
                    "deadline": D(2026, 12, 15)}]),
    "sec/2026-10.yaml": status("SEC-26", D(2026, 10, 20), "red",
                               {"scope": "green", "schedule": "red", "budget": "amber", "quality": "green",
                                "resources": "green", "risks": "amber"}, **SEC),
    "sec/2026-11.yaml": status("SEC-26", D(2026, 11, 18), "amber",
                               {"scope": "green", "schedule": "amber", "budget": "amber", "quality": "green",
                                "resources": "green", "risks": "amber"}, **SEC),
}
STATUSES["erp/status.yaml"]["overall"]["trend"] = "up"  # typed: wins (no previous period anyway)


def write_portfolio(folder: Path, statuses: dict[str, dict] | None = None) -> Path:
    """Write the statuses under ``folder`` (sub-folders per project) and return ``folder``."""
    for rel, data in (statuses or STATUSES).items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder
