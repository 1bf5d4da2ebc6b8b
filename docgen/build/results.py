"""The build report: JSON for tools, JUnit XML for CI dashboards."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from docgen.build.jobs import JobResult
from docgen.output import atomic_write_text


def counts(results: list[JobResult]) -> dict[str, int]:
    """Return how many jobs ended in each status (ok, skipped, failed, error)."""
    out = {"ok": 0, "skipped": 0, "failed": 0, "error": 0}
    for result in results:
        out[result.status] = out.get(result.status, 0) + 1
    return out


def write_json(results: list[JobResult], dest: Path, seconds: float) -> Path:
    """Write the JSON report (every input, outputs, status, error, seconds); return ``dest``."""
    data = {"summary": {**counts(results), "total": len(results), "seconds": round(seconds, 3)},
            "jobs": [_public(r) for r in results]}
    return atomic_write_text(dest, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _public(result: JobResult) -> dict:
    """Return ``result`` as report data, without the traceback of an internal error."""
    data = asdict(result)
    data.pop("traceback", None)
    return data


def write_junit(results: list[JobResult], dest: Path, seconds: float) -> Path:
    """Write a JUnit XML report, one test case per input; return ``dest``."""
    from xml.sax.saxutils import escape, quoteattr  # imports urllib: not on a build without --junit

    c = counts(results)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f'<testsuites name="docgen build" tests="{len(results)}" failures="{c["failed"]}" '
             f'errors="{c["error"]}" time="{seconds:.3f}">',
             f'<testsuite name="docgen build" tests="{len(results)}" failures="{c["failed"]}" '
             f'errors="{c["error"]}" skipped="{c["skipped"]}" time="{seconds:.3f}">']
    for r in results:
        head = f'<testcase classname={quoteattr(r.kind)} name={quoteattr(r.input)} time="{r.seconds:.3f}"'
        if r.status == "error":
            lines.append(f"{head}><error message={quoteattr(r.error or '')}>{escape(r.error or '')}"
                         "</error></testcase>")
        elif r.status == "failed":
            lines.append(f"{head}><failure message={quoteattr(r.error or '')}>{escape(r.error or '')}"
                         "</failure></testcase>")
        elif r.status == "skipped":
            lines.append(f'{head}><skipped message="up to date"/></testcase>')
        else:
            lines.append(f"{head}/>")
    lines += ["</testsuite>", "</testsuites>"]
    return atomic_write_text(dest, "\n".join(lines) + "\n")
