"""Inputs of the deck tests: the contract status and a large generated one."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import yaml

CONTRACT = Path(__file__).resolve().parents[1] / "docs" / "formats" / "status.yaml"
LONG = ("The supplier confirmed the revised plan but asks for two more weeks of integration "
        "testing on the payroll interfaces, which overlaps the year-end freeze and the "
        "works council consultation window; the team proposes to split the release in two.")
WORDS = ["payroll", "interface", "migration", "training", "security", "vendor", "budget",
         "reporting", "absence", "onboarding"]


def large_status() -> dict:
    """Return a status with 40 risks, 25 milestones, 30 actions, 12 workstreams, long texts."""
    start = date(2026, 3, 2)
    return {
        "project": {"name": "Group HRIS Transformation Programme — Wave 2 (Europe and Americas)",
                    "code": "HRIS-W2", "sponsor": "Claire Martin", "manager": "Hugo Bernard",
                    "phase": "Build", "period": "November 2026", "report_date": "2026-11-23",
                    "committee": "Programme Board n°12", "currency": "EUR"},
        "overall": {"status": "red", "trend": "down", "summary": LONG + " " + LONG},
        "dimensions": {k: {"status": s, "trend": "down", "comment": LONG}
                       for k, s in zip(["scope", "schedule", "budget", "quality", "resources",
                                        "risks"], ["green", "red", "amber", "amber", "green",
                                                   "red"])},
        "workstreams": [{"name": f"Workstream {n:02d} {WORDS[n % 10]}", "lead": f"Lead Person {n}",
                         "status": ["green", "amber", "red"][n % 3], "progress": (n * 9) % 101,
                         "comment": LONG if n % 2 else "On plan."} for n in range(1, 13)],
        "achievements": [f"Achievement {n}: {WORDS[n % 10]} delivered" for n in range(1, 13)],
        "next_steps": [f"Next step {n}: {LONG[:90]}" for n in range(1, 11)],
        "milestones": [{"id": f"M{n:02d}", "name": f"Milestone {n:02d} {WORDS[n % 10]} sign-off",
                        "baseline": str(start + timedelta(days=14 * n)),
                        "forecast": str(start + timedelta(days=14 * n + (n % 4) * 5)),
                        **({"actual": str(start + timedelta(days=14 * n + 2))} if n < 12 else {}),
                        "status": ["done", "on_track", "at_risk", "late"][n % 4]}
                       for n in range(1, 26)],
        "budget": [{"category": f"Category {n} {WORDS[n % 10]}", "budget": 100000 + 7000 * n,
                    "actual": 50000 + 5000 * n, "forecast": 98000 + 7600 * n}
                   for n in range(1, 15)],
        "earned_value": {"spi": 0.92, "cpi": 0.97},
        "risks": [{"id": f"R-{n:03d}", "title": f"Risk {n} on {WORDS[n % 10]}: {LONG[:70]}",
                   "probability": n % 5 + 1, "impact": (n * 3) % 5 + 1,
                   "owner": f"Owner {n % 7}", "mitigation": LONG if n % 3 == 0 else "Weekly review.",
                   "trend": ["up", "stable", "down"][n % 3]} for n in range(1, 41)],
        "issues": [{"id": f"I-{n:03d}", "title": f"Issue {n}: {LONG[: 40 + n * 5]}",
                    "severity": ["low", "medium", "high", "critical"][n % 4],
                    "owner": f"Owner {n}", "due": str(date(2026, 11, 1) + timedelta(days=3 * n)),
                    "status": "open"} for n in range(1, 16)],
        "decisions_required": [{"id": f"DR-{n:02d}", "title": f"Decision {n} on {WORDS[n]}",
                                "context": LONG * (n + 1),
                                "options": [f"Option {k}: {LONG[:60]}" for k in range(1, 4)],
                                "recommendation": "Option 2", "deadline": "2026-12-01"}
                               for n in range(1, 4)],
        "actions": [{"id": f"A-{n:03d}", "text": f"Action {n}: {LONG[: 30 + n * 4]}",
                     "owner": f"Owner {n % 9}", "due": str(date(2026, 11, 1) + timedelta(days=2 * n)),
                     "status": ["open", "in_progress", "done"][n % 3]} for n in range(1, 31)],
    }


def write_large(dest: Path) -> Path:
    """Write the large status as YAML to ``dest`` and return ``dest``."""
    dest.write_text(yaml.safe_dump(large_status(), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return dest
