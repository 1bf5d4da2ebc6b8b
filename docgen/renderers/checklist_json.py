"""JSON checklist for other tools: specification, assessment, summary and items.

Compared with a previous assessment, the document also holds ``previous_assessment``,
``must_regressions``, ``changes`` counts in every tally and ``previous_status``/``change`` per item.
"""

from __future__ import annotations

import json
from pathlib import Path

from docgen.labels import Labels
from docgen.model.checklist import Checklist, Tally
from docgen.output import atomic_write_text
from docgen.renderers.checklist_common import change_row, item_row


def _tally(tally: Tally) -> dict:
    data = {
        "total": tally.total,
        "counts": dict(tally.counts),
        "percent": {status: round(tally.percent(status), 2) for status in tally.counts},
        "compliance_rate": None if tally.compliance_rate is None else round(tally.compliance_rate, 2),
    }
    if tally.changes:
        data["changes"] = dict(tally.changes)
    return data


def as_dict(checklist: Checklist) -> dict:
    """Return the checklist as plain JSON-ready data (dates as ISO text, statuses as codes)."""
    summary = checklist.summary
    items = []
    for item in checklist.items:
        row: dict[str, object] = {**item_row(item), "category": item.requirement.category,
                                  "keywords": list(item.requirement.keywords), "assessed": item.assessed,
                                  "passed": item.passed}
        if checklist.compared:
            row.update(change_row(item))
        items.append(row)
    data: dict[str, object] = {
        "specification": checklist.specification.model_dump(mode="json"),
        "assessment": checklist.assessment.model_dump(mode="json"),
    }
    if checklist.compared:
        previous = checklist.previous.model_dump(mode="json") if checklist.previous else {}
        data["previous_assessment"] = {**previous, "file": checklist.previous_file}
        data["must_regressions"] = [
            {"id": item.id, "previous_status": item.previous_status, "status": item.status}
            for item in checklist.must_regressions()]
    return {
        **data,
        "summary": {
            **_tally(summary.overall),
            "by_level": {t.name: _tally(t) for t in summary.by_level},
            "by_section": [{"section": t.name, **_tally(t)} for t in summary.by_section],
        },
        "items": items,
    }


def render(checklist: Checklist, dest: Path, labels: Labels, dirs: tuple[Path, ...] = ()) -> Path:
    """Return ``dest`` after writing the checklist as indented UTF-8 JSON."""
    text = json.dumps(as_dict(checklist), ensure_ascii=False, indent=2) + "\n"
    return atomic_write_text(dest, text)
