"""Benchmark of `docgen checklist` rendering: 1,000 / 5,000 / 10,000 requirements.

Run with ``python benchmarks/checklist_bench.py [--runs N] [--rows 1000,5000,10000] [--previous]``
(``--previous``: the checklist is compared with an earlier assessment, as with
``--previous-assessment``: two more columns and the change counts). ``--fresh 50000`` instead
writes a specification and an assessment of that many requirements as YAML files and times
``docgen checklist spec.yaml -a assessment.yaml -o c.docx -o c.xlsx`` in fresh processes
(median of ``--runs``: wall and CPU seconds, each child's own peak RSS, from ``os.wait4``; the
inputs are written by another child, so that this process stays small: a child's peak counts its
parent's memory at the fork). Otherwise it prints,
per row count and writer: seconds (median and best of N runs, rendering only: the checklist is
built once), peak Python memory (tracemalloc, which does not see lxml's C allocations), the
growth of the process's peak resident memory while rendering once in a fresh process (which
does), and the speed-up against python-docx's table API.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from child_env import child_env  # noqa: E402

from docgen.labels import load_labels  # noqa: E402
from docgen.model.checklist import merge  # noqa: E402
from docgen.model.requirements import AssessmentSet, RequirementSet  # noqa: E402
from docgen.readers.source import Source  # noqa: E402

STATUSES = ["compliant", "compliant", "compliant", "partial", "non_compliant", "not_applicable",
            "not_verified"]
LEVELS = ["must", "must", "should", "may"]
VERBS = ["export", "encrypt", "log", "validate", "archive", "notify", "reconcile", "retry"]


def synthetic_rows(rows: int) -> tuple[list[dict], list[dict]]:
    """Return the requirements (125 per section) and assessment entries of a synthetic checklist."""
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
    return reqs, entries


SPEC_HEADER = {"title": "Synthetic specification", "reference": "SPEC-BENCH", "version": "1.0", "date": "2026-09-15"}
ASSESSMENT_HEADER = {"title": "Benchmark", "assessor": "Bench", "date": "2026-11-20"}


def make_checklist(rows: int, previous: bool = False):
    """Return a synthetic Checklist of ``rows`` requirements in 40 sections.

    With ``previous``, it is compared with an earlier assessment whose statuses are shifted.
    """
    reqs, entries = synthetic_rows(rows)
    spec = RequirementSet.model_validate(
        {"specification": SPEC_HEADER, "requirements": reqs})
    assessment = AssessmentSet.model_validate({"assessment": ASSESSMENT_HEADER, "compliance": entries})
    checklist = merge(spec, Source(Path("spec.yaml"), {}), assessment,
                      Source(Path("assessment.yaml"), {}))
    if not previous:
        return checklist
    from docgen.model.checklist_changes import compare

    before = AssessmentSet.model_validate({"assessment": {"title": "Earlier", "date": "2026-10-01"},
                                           "compliance": [{"id": f"REQ-{i + 1:05d}",
                                                           "status": STATUSES[(i + 3) % 7]}
                                                          for i in range(rows)]})
    return compare(checklist, before, Source(Path("previous.yaml"), {}))


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


def measure(function, runs: int) -> tuple[float, float, float]:
    """Return (median seconds, best seconds, tracemalloc peak MiB) of ``function()``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    function()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(times), min(times), peak


def writers(folder: Path, template: Path, labels) -> dict:
    """Return the benchmarked writers by name: functions of a checklist."""
    from docgen.renderers import checklist_docx, checklist_xlsx

    return {
        "docgen .docx": lambda c: checklist_docx.render(c, folder / "c.docx", labels),
        "docgen .xlsx": lambda c: checklist_xlsx.render(c, folder / "c.xlsx", labels),
        "python-docx table API": lambda c: python_docx_table(c, folder / "p.docx"),
        "docxtpl": lambda c: docxtpl_table(c, folder / "t.docx", template),
    }


def rss_growth(name: str, rows: int, previous: bool = False) -> float:
    """Return how many MiB the peak RSS grows while ``name`` renders ``rows`` rows once."""
    extra = ["--previous"] if previous else []
    out = subprocess.run([sys.executable, __file__, "--child", name, "--rows", str(rows), *extra],
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def child(name: str, rows: int, previous: bool = False) -> None:
    """Render once in this fresh process and print the peak RSS growth in MiB."""
    folder = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    checklist = make_checklist(rows, previous)
    write = writers(folder, docxtpl_template(folder), load_labels("en"))[name]
    write(make_checklist(10))  # warm imports and caches
    # Building the checklist peaks higher than some writers: reset the peak (Linux) first.
    Path("/proc/self/clear_refs").write_text("5")
    before = _status_kib("VmRSS")
    write(checklist)
    print(f"{(_status_kib('VmHWM') - before) / 1024:.1f}")


def write_yaml_inputs(folder: Path, rows: int) -> tuple[Path, Path]:
    """Write ``spec.yaml`` and ``assessment.yaml`` of ``rows`` synthetic requirements; return both paths."""
    import yaml

    reqs, entries = synthetic_rows(rows)
    spec, assessment = folder / "spec.yaml", folder / "assessment.yaml"
    spec.write_text(yaml.safe_dump({"specification": SPEC_HEADER, "requirements": reqs}, allow_unicode=True,
                                   sort_keys=False, width=200), encoding="utf-8")
    assessment.write_text(yaml.safe_dump({"assessment": ASSESSMENT_HEADER, "compliance": entries},
                                         allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    return spec, assessment


def fresh_process(rows: int, runs: int) -> None:
    """Print the median seconds and peak RSS of `docgen checklist` on ``rows`` YAML requirements, fresh processes."""
    import os

    folder = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    # Written by a child: a child's peak RSS (wait4) includes its parent's at the fork, and
    # building 50,000 rows of YAML here would take this process past 200 MiB.
    subprocess.run([sys.executable, __file__, "--write-inputs", str(folder), "--rows", str(rows)], check=True)
    spec, assessment = folder / "spec.yaml", folder / "assessment.yaml"
    command = [sys.executable, "-m", "docgen", "checklist", str(spec), "-a", str(assessment),
               "-o", str(folder / "c.docx"), "-o", str(folder / "c.xlsx")]
    env = child_env()
    times, cpu, peaks = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak, not the largest child's so far
        times.append(time.perf_counter() - start)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            raise SystemExit(child.stderr.read().decode()[-2000:])
        cpu.append(usage.ru_utime + usage.ru_stime)  # less sensitive than wall time to a shared machine
        peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
    print(f"docgen checklist, {rows} requirements (YAML) -> .docx + .xlsx, fresh process, median of {runs}: "
          f"{statistics.median(times):.2f} s (runs {', '.join(f'{t:.2f}' for t in times)}; CPU "
          f"{statistics.median(cpu):.2f} s), "
          f"peak RSS {statistics.median(peaks):.0f} MiB (bar: 4 s, 200 MiB)")


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _one_shot(args: argparse.Namespace) -> bool:
    """Return True after running what ``--write-inputs``, ``--fresh`` or ``--child`` asks (False: none)."""
    if args.write_inputs:
        write_yaml_inputs(args.write_inputs, int(args.rows))
    elif args.fresh:
        fresh_process(args.fresh, args.runs)
    elif args.child:
        child(args.child, int(args.rows), args.previous)
    else:
        return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", default="1000,5000,10000")
    parser.add_argument("--no-baseline", action="store_true", help="skip python-docx/docxtpl")
    parser.add_argument("--previous", action="store_true",
                        help="compare with an earlier assessment (Previous status, Change columns)")
    parser.add_argument("--fresh", type=int, default=None, metavar="ROWS",
                        help="time `docgen checklist` on ROWS requirements read from YAML, fresh processes")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--write-inputs", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if _one_shot(args):
        return
    folder = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    functions = writers(folder, docxtpl_template(folder), load_labels("en"))
    if args.no_baseline:
        functions = {k: v for k, v in functions.items() if k.startswith("docgen")}
    print(f"{'rows':>6}  {'writer':<22} {'median s':>9} {'best s':>7} {'py MiB':>7} "
          f"{'RSS MiB':>8} {'vs python-docx':>15}")
    for rows in [int(r) for r in args.rows.split(",")]:
        checklist = make_checklist(rows, args.previous)
        results = {}
        for name, function in functions.items():
            runs = args.runs if name.startswith("docgen") else max(1, min(args.runs, 3))
            results[name] = measure(lambda f=function, c=checklist: f(c), runs)
        base = results.get("python-docx table API", (None,))[0]
        for name, (median, best, peak) in results.items():
            ratio = f"{base / median:.0f}x faster" if base and name.startswith("docgen") else ""
            rss = rss_growth(name, rows, args.previous)
            print(f"{rows:>6}  {name:<22} {median:>9.3f} {best:>7.3f} {peak:>7.1f} {rss:>8.1f} "
                  f"{ratio:>15}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
