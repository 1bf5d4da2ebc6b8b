"""JUnit XML checklist: one test case per requirement, so CI dashboards show the gaps.

Compliant and not-applicable requirements pass; every other status is a failure whose
message is the status and the comment. The class name is the requirement's section.
Compared with a previous assessment, a failure that changed says so ("partial (regressed from
compliant): ..."), and the suite's properties give the counts and the MUST regression sentence.
"""

from __future__ import annotations

from pathlib import Path

from docgen.labels import Labels
from docgen.model.checklist import Checklist, Item
from docgen.ooxml.xmltext import esc
from docgen.output import atomic_write_text
from docgen.renderers.checklist_common import plain_text, regression_callout


def _case(item: Item, suite: str) -> str:
    req = item.requirement
    classname = esc(req.section or suite)
    head = f'    <testcase name="{esc(req.id)}" classname="{classname}" time="0"'
    if item.passed:
        out = f"{req.level}, {item.status}: {plain_text(req.text)}"
        return f"{head}>\n      <system-out>{esc(out)}</system-out>\n    </testcase>"
    reason = item.comment or ("no assessment entry" if not item.assessed else "no comment")
    moved = (f" ({item.change} from {item.previous_status})"
             if item.change in ("regressed", "improved") else "")
    message = f"{item.status}{moved}: {plain_text(reason)}"
    body = [f"{req.id} ({req.level}): {plain_text(req.text)}"]
    if item.evidence:
        body.append(f"Evidence: {plain_text(item.evidence)}")
    if item.owner:
        body.append(f"Owner: {item.owner}")
    return (f'{head}>\n      <failure message="{esc(message)}" type="{item.status}">'
            f"{esc(chr(10).join(body))}</failure>\n    </testcase>")


def _properties(checklist: Checklist, labels: Labels | None) -> str:
    if not checklist.compared:
        return ""
    changes = checklist.summary.overall.changes
    props = [("previous_assessment", checklist.previous_file or ""),
             ("improved", str(changes["improved"])), ("regressed", str(changes["regressed"]))]
    callout = regression_callout(checklist, labels) if labels is not None else None
    if callout:
        props.append(("must_regressions", callout))
    lines = "".join(f'      <property name="{name}" value="{esc(value)}"/>\n'
                    for name, value in props)
    return f"    <properties>\n{lines}    </properties>\n"


def junit_xml(checklist: Checklist, labels: Labels | None = None) -> str:
    """Return the JUnit XML text of the checklist (one testsuite, one testcase per item)."""
    spec = checklist.specification
    suite = spec.title + (f" ({spec.reference})" if spec.reference else "")
    failures = sum(1 for item in checklist.items if not item.passed)
    cases = "\n".join(_case(item, spec.title) for item in checklist.items)
    attrs = f'name="{esc(suite)}" tests="{len(checklist.items)}" failures="{failures}" errors="0"'
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<testsuites {attrs} skipped=\"0\" time=\"0\">\n"
        f"  <testsuite {attrs} skipped=\"0\" time=\"0\">\n{_properties(checklist, labels)}{cases}\n  </testsuite>\n"
        "</testsuites>\n"
    )


def render(checklist: Checklist, dest: Path, labels: Labels, dirs: tuple[Path, ...] = ()) -> Path:
    """Return ``dest`` after writing the checklist as JUnit XML."""
    return atomic_write_text(dest, junit_xml(checklist, labels))
