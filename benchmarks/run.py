"""One command for docgen's speed against the alternatives: ``python benchmarks/run.py``.

Builds equivalent documents with docgen, docxtpl, python-docx's object API and pandoc
(pypandoc-binary) in one run and prints medians and ratios:

- minutes .docx, warm (ms per document, in one process);
- committee deck .pptx, warm (ms per deck) for the contract status and samples/status.yaml,
  against the 20 ms target and a naive python-pptx script;
- one document from a fresh process (ms), against the pandoc CLI and a docxtpl script;
- ``docgen build`` of 1,000 minutes and 100 decks on all cores (s);
- peak memory of a worker (MiB).

Options: ``--quick`` (fewer runs), ``--skip-batch``, ``--fresh-only`` (only the fresh-process
comparison, ``--runs`` times each, interleaved). Needs ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import equivalents  # noqa: E402
from child_env import child_env  # noqa: E402

from docgen import jobs  # noqa: E402


def load_minutes(path: Path):
    """Return the validated minutes of ``path`` (no carry-over)."""
    return jobs.job("minutes").load(path, carry=False)[0]


def load_status(path: Path):
    """Return the deck job's model of the status at ``path``."""
    return jobs.job("deck").load(path)[0]

MEETING = ROOT / "samples" / "steering-committee.yaml"
STATUS = ROOT / "samples" / "status.yaml"
CONTRACT_STATUS = ROOT / "docs" / "formats" / "status.yaml"
DECK_TARGET_MS = 20.0


def median_ms(fn, runs: int) -> float:
    """Return the median wall time of ``fn()`` over ``runs`` calls, in milliseconds (one warm-up)."""
    fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


# Children import this checkout's docgen (an installed copy elsewhere would be measured otherwise).
CHILD_ENV = child_env()


def line(name: str, value: float, unit: str, note: str = "") -> None:
    print(f"  {name:38} {value:9.1f} {unit:3}  {note}")


def bench_minutes(tmp: Path, runs: int) -> dict:
    print("minutes .docx, warm, per document (YAML read + validation + rendering):")
    dest = tmp / "m.docx"
    results = {"docgen": median_ms(lambda: jobs.write("minutes", load_minutes(MEETING), dest), runs)}
    template = equivalents.build_docxtpl_template(tmp / "tpl.docx")
    results["docxtpl"] = median_ms(
        lambda: equivalents.render_docxtpl(template, load_minutes(MEETING), tmp / "t.docx"), runs)
    results["python-docx naive"] = median_ms(
        lambda: equivalents.render_python_docx(load_minutes(MEETING), tmp / "p.docx"), runs)
    pandoc = equivalents.pandoc_path()
    md = jobs.write("minutes", load_minutes(MEETING), tmp / "m.md")
    if pandoc:
        results["pandoc (Markdown -> docx)"] = median_ms(
            lambda: equivalents.render_pandoc(pandoc, md, tmp / "pd.docx"), max(5, runs // 3))
    base = results["docgen"]
    for name, value in results.items():
        line(name, value, "ms", "" if name == "docgen" else f"docgen is {value / base:.1f}x faster")
    return results


def bench_deck(tmp: Path, runs: int) -> dict:
    print("committee deck .pptx, warm, per deck (YAML read + validation + plan + writing):")
    results = {}
    for name, path in ((f"docgen contract status ({_slides(CONTRACT_STATUS)} slides)",
                        CONTRACT_STATUS),
                       (f"docgen samples/status ({_slides(STATUS)} slides)", STATUS)):
        if path.exists():
            results[name] = median_ms(
                lambda p=path: jobs.write("deck", load_status(p), tmp / "d.pptx"), runs)
    results["python-pptx naive (10 slides)"] = median_ms(lambda: naive_pptx(tmp / "n.pptx"), runs)
    base = next(iter(results.values()))
    for name, value in results.items():
        if name.startswith("docgen"):
            verdict = "meets" if value <= DECK_TARGET_MS else "misses"
            line(name, value, "ms", f"{verdict} the {DECK_TARGET_MS:.0f} ms target")
        else:
            line(name, value, "ms", f"docgen (contract) is {value / base:.1f}x faster")
    return results


def _slides(path: Path) -> int | str:
    """Return the slide count of the deck docgen makes from ``path`` ("?" if it is missing)."""
    if not path.exists():
        return "?"
    from docgen.deck.plan import plan_deck
    from docgen.deck.template import load_template
    from docgen.jobs.context import RenderContext

    status = load_status(path).status
    labels = RenderContext.resolve().labels(status.project.language)
    return len(plan_deck(status, labels, load_template(RenderContext.resolve().dirs).frame).slides)


def naive_pptx(dest: Path) -> None:
    """Write a 10-slide status deck with python-pptx's default template, as a script would."""
    from pptx import Presentation

    from docgen.inputs import load

    status = load(STATUS, "status")
    prs = Presentation()
    cover = prs.slides.add_slide(prs.slide_layouts[0])
    cover.shapes.title.text = status.project.name
    for title, rows in (("Risks", [[r.id, r.title, r.owner or ""] for r in status.risks]),
                        ("Milestones", [[m.name, str(m.baseline), m.status] for m in status.milestones]),
                        ("Actions", [[a.id or "", a.text, a.owner or ""] for a in status.actions]),
                        ("Issues", [[i.id, i.title, i.severity] for i in status.issues]),
                        ("Workstreams", [[w.name, w.lead or "", w.status] for w in status.workstreams]),
                        ("Budget", [[b.category, str(b.budget), str(b.actual)] for b in status.budget]),
                        ("Decisions", [[d.id, d.title, ""] for d in status.decisions_required]),
                        ("Summary", [["", status.overall.status, ""]]),
                        ("Next steps", [[s, "", ""] for s in status.next_steps])):
        slide = prs.slides.add_slide(prs.slide_layouts[5])
        slide.shapes.title.text = title
        table = slide.shapes.add_table(len(rows) + 1, 3, 457200, 1371600, 8229600, 400000).table
        for r, values in enumerate(rows, 1):
            for c, value in enumerate(values):
                table.cell(r, c).text = value
    prs.save(str(dest))


def run_child(cmd: list[str]) -> tuple[float, float]:
    """Return the wall and CPU (user + system) milliseconds of running ``cmd`` as a new process."""
    started = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    _, status, usage = os.wait4(child.pid, 0)
    wall = (time.perf_counter() - started) * 1000
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise subprocess.CalledProcessError(child.returncode, cmd)
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def bench_fresh(tmp: Path, runs: int) -> dict:
    """Print and return the median wall ms of one document from a fresh process, docgen and the others.

    The commands take turns in each round (one warm-up round first), so a load on a shared machine
    weighs on all of them alike; the CPU time of each child is printed too.
    """
    print("one document from a fresh process (wall ms, CPU ms; commands take turns):")
    exe = sys.executable
    commands = {"docgen minutes": [exe, "-m", "docgen", "minutes", str(MEETING), "-o", str(tmp / "f.docx")]}
    md = jobs.write("minutes", load_minutes(MEETING), tmp / "f.md")
    pandoc = equivalents.pandoc_path()
    if pandoc:
        commands["pandoc CLI"] = [pandoc, str(md), "-o", str(tmp / "pf.docx")]
    template = equivalents.build_docxtpl_template(tmp / "tpl.docx")
    # What a docxtpl user runs: read the YAML, derive the action list, render the template.
    script = ("import yaml; from docxtpl import DocxTemplate\n"
              f"data = yaml.safe_load(open({str(MEETING)!r}, encoding='utf-8'))\n"
              "data['actions'] = [a for item in data['agenda'] for a in item.get('actions', [])]\n"
              f"tpl = DocxTemplate({str(template)!r}); tpl.render(data); tpl.save({str(tmp / 'tf.docx')!r})\n")
    commands["docxtpl script"] = [exe, "-c", script]
    # What the libraries docgen stands on cost before any of its own code runs.
    libraries = "from pydantic import BaseModel; import click, yaml, markdown"
    commands["import pydantic+click+yaml+md"] = [exe, "-c", libraries]
    commands["python start (floor)"] = [exe, "-c", "pass"]
    measured: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, cmd in commands.items():
            result = run_child(cmd)
            if round_:
                measured[name].append(result)
    results = {name: statistics.median(w for w, _ in values) for name, values in measured.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in measured.items()}
    base = results["docgen minutes"]
    for name, value in results.items():
        note = f"CPU {cpu[name]:6.1f} ms"
        if name != "docgen minutes":
            note += f"  docgen / this = {base / value:.2f}"
        line(name, value, "ms", note)
    return results


def bench_batch(tmp: Path) -> dict:
    print("docgen build: 1,000 minutes + 100 decks, all cores:")
    src = tmp / "portfolio"
    text = MEETING.read_text(encoding="utf-8")
    for i in range(1000):
        folder = src / f"project-{i // 10:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"meeting-{i:04d}.yaml").write_text(text.replace("n°7", f"n°{i}"), encoding="utf-8")
    if STATUS.exists():
        status = STATUS.read_text(encoding="utf-8")
        for i in range(100):
            (src / f"project-{i:03d}" / "status.yaml").write_text(status, encoding="utf-8")
    out = tmp / "out"
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "docgen", "build", str(src), "-o", str(out),
                           "--force", "--report", str(tmp / "report.json")], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    print(f"  {'docgen build -j ' + str(os.cpu_count()):38} {seconds:9.2f} s    "
          f"({proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-300:]})")
    return {"batch_seconds": seconds}


def bench_memory(tmp: Path) -> dict:
    """Return the peak resident memory of one worker-like process, which reports it itself."""
    code = (f"import sys, resource; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom docgen import jobs\n"
            f"[jobs.write('minutes', jobs.job('minutes').load(Path({str(MEETING)!r}), carry=False)[0], "
            f"Path({str(tmp / 'mem.docx')!r})) for _ in range(200)]\n"
            f"[jobs.write('deck', jobs.job('deck').load(Path({str(STATUS)!r}))[0], "
            f"Path({str(tmp / 'mem.pptx')!r})) for _ in range(20)]\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    peak = int(out.stdout.strip().splitlines()[-1]) / 1024
    print(f"peak memory of one process writing 200 minutes + 20 decks: {peak:.0f} MiB (target < 100)")
    return {"peak_mib": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    parser.add_argument("--skip-batch", action="store_true", help="skip the 1,100-document build")
    parser.add_argument("--fresh-only", action="store_true", help="only one document from a fresh process")
    parser.add_argument("--runs", type=int, default=None, help="runs per measure (default 30, 10 with --quick)")
    args = parser.parse_args()
    runs = args.runs or (10 if args.quick else 30)
    if args.fresh_only:
        with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp_name:
            bench_fresh(Path(tmp_name), runs)
        return
    print(f"docgen benchmarks on {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
          "medians; ratio = alternative / docgen\n")
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as tmp_name:
        tmp = Path(tmp_name)
        # First, while this process is small: a child's peak RSS counts the parent it was forked from.
        bench_memory(tmp)
        print()
        bench_minutes(tmp, runs)
        print()
        bench_deck(tmp, runs)
        print()
        bench_fresh(tmp, max(5, runs // 3))
        print()
        if not args.skip_batch:
            bench_batch(tmp)
    checklist = ROOT / "benchmarks" / "checklist_bench.py"
    if checklist.exists() and shutil.which(sys.executable):
        print("\ncompliance checklist (benchmarks/checklist_bench.py):")
        subprocess.run([sys.executable, str(checklist), "--rows", "5000", "--runs", "3"], check=False)


if __name__ == "__main__":
    main()
