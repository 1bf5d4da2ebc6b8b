"""Benchmark of `docgen checklist` rendering: 1,000 / 5,000 / 10,000 requirements.

Run with ``python benchmarks/checklist_bench.py [--runs N] [--rows 1000,5000,10000]``. Prints,
per row count and writer: seconds (median of N runs, rendering only: the checklist is built
once), peak Python memory (tracemalloc) and the ratio against python-docx's table API.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docgen.labels import load_labels  # noqa: E402
from docgen.model.checklist import merge  # noqa: E402
from docgen.model.requirements import AssessmentSet, RequirementSet  # noqa: E402
from docgen.readers.source import Source  # noqa: E402

STATUSES = ["compliant", "compliant", "compliant", "partial", "non_compliant", "not_applicable",
            "not_verified"]
LEVELS = ["must", "must", "should", "may"]
VERBS = ["export", "encrypt", "log", "validate", "archive", "notify", "reconcile", "retry"]


def make_checklist(rows: int):
    """Return a synthetic Checklist of ``rows`` requirements in 40 sections."""
    reqs, entries = [], []
    for i in range(rows):
        ident = f"REQ-{i + 1:05d}"
        verb = VERBS[i % len(VERBS)]
        keyword = {"must": "**shall**", "should": "should", "may": "may"}[LEVELS[i % 4]]
        reqs.append({
            "id": ident, "section": f"{i // 125 + 1}. Area {i // 125 + 1}",
            "text": f"The payroll interface {keyword} {verb} record {i} of the batch "
                    f"(rule {i % 97}) within the agreed window of {i % 30 + 1} minutes.",
            "level": LEVELS[i % 4], "category": "functional"})
        status = STATUSES[i % len(STATUSES)]
        if status == "not_verified":
            continue
        entry = {"id": ident, "status": status, "owner": f"Owner {i % 12}",
                 "evidence": (f"[Test report {i}](https://example.com/tests/{i})" if i % 3 == 0
                              else f"Test case TC-{i:05d} passed")}
        if status != "compliant":
            entry["comment"] = f"Gap found in run {i % 50}; fix planned for sprint {i % 9 + 1}."
        entries.append(entry)
    spec = RequirementSet.model_validate(
        {"specification": {"title": "Synthetic specification", "reference": "SPEC-BENCH",
                           "version": "1.0", "date": "2026-09-15"}, "requirements": reqs})
    assessment = AssessmentSet.model_validate(
        {"assessment": {"title": "Benchmark", "assessor": "Bench", "date": "2026-11-20"},
         "compliance": entries})
    return merge(spec, Source(Path("spec.yaml"), {}), assessment,
                 Source(Path("assessment.yaml"), {}))


def python_docx_table(checklist, dest: Path) -> None:
    """Write the checklist table with python-docx's table API (the comparison baseline)."""
    import docx

    document = docx.Document()
    document.add_heading(checklist.specification.title, 0)
    table = document.add_table(rows=1, cols=7)
    for cell, text in zip(table.rows[0].cells, ["ID", "Level", "Requirement", "Status",
                                                "Evidence", "Owner", "Comment"]):
        cell.text = text
    for item in checklist.items:
        cells = table.add_row().cells
        values = [item.id, item.level, item.requirement.text, item.status, item.evidence or "",
                  item.owner or "", item.comment or ""]
        for cell, text in zip(cells, values):
            cell.text = text
    document.save(dest)


def docxtpl_table(checklist, dest: Path, template: Path) -> None:
    """Write the checklist table with docxtpl (a Jinja loop over a table row)."""
    from docxtpl import DocxTemplate

    doc = DocxTemplate(template)
    doc.render({"title": checklist.specification.title, "items": [
        {"id": i.id, "level": i.level, "text": i.requirement.text, "status": i.status,
         "evidence": i.evidence or "", "owner": i.owner or "", "comment": i.comment or ""}
        for i in checklist.items]})
    doc.save(dest)


def docxtpl_template(folder: Path) -> Path:
    """Return a docxtpl template with a one-row table looped over ``items``."""
    import docx

    document = docx.Document()
    document.add_paragraph("{{ title }}")
    table = document.add_table(rows=3, cols=7)
    table.rows[0].cells[0].text = "{%tr for i in items %}"
    for cell, key in zip(table.rows[1].cells, ["id", "level", "text", "status", "evidence",
                                               "owner", "comment"]):
        cell.text = "{{ i." + key + " }}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    path = folder / "tpl.docx"
    document.save(path)
    return path


def measure(function, runs: int) -> tuple[float, float]:
    """Return (median seconds, peak MiB) of ``function()`` over ``runs`` runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", default="1000,5000,10000")
    parser.add_argument("--no-baseline", action="store_true", help="skip python-docx/docxtpl")
    args = parser.parse_args()
    from docgen.renderers import checklist_docx, checklist_xlsx

    labels = load_labels("en")
    folder = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    template = docxtpl_template(folder)
    print(f"{'rows':>6}  {'writer':<28} {'seconds':>8} {'peak MiB':>9} {'vs python-docx':>15}")
    for rows in [int(r) for r in args.rows.split(",")]:
        checklist = make_checklist(rows)
        results = {
            "docgen .docx": measure(lambda c=checklist: checklist_docx.render(
                c, folder / "c.docx", labels), args.runs),
            "docgen .xlsx": measure(lambda c=checklist: checklist_xlsx.render(
                c, folder / "c.xlsx", labels), args.runs),
        }
        if not args.no_baseline:
            slow_runs = max(1, min(args.runs, 3))
            results["python-docx table API"] = measure(
                lambda c=checklist: python_docx_table(c, folder / "p.docx"), slow_runs)
            results["docxtpl"] = measure(
                lambda c=checklist: docxtpl_table(c, folder / "t.docx", template), slow_runs)
        base = results.get("python-docx table API", (None,))[0]
        for name, (seconds, peak) in results.items():
            ratio = f"{base / seconds:.1f}x faster" if base and name.startswith("docgen") else ""
            print(f"{rows:>6}  {name:<28} {seconds:>8.3f} {peak:>9.1f} {ratio:>15}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
