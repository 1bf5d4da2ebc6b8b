"""Batch scale: does `docgen build` stay linear in the number of inputs?

Builds N and 10 N meetings of one flat folder (independent meetings, and meetings of one series
whose open actions carry over), then no-op rebuilds of both 10 N folders (median of 3) and a
rebuild after editing one file, each as a fresh `python -m docgen build` process of this
checkout on 2 workers. Prints seconds and the 10x ratios (the bar: at most 12x; no-op rebuild of
1,000 inputs under 0.5 s; one edit rebuilds one input).

    python3 benchmarks/batch_scale.py [N]      # default N = 100
"""

from __future__ import annotations

import datetime
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from child_env import child_env

ROOT = Path(__file__).resolve().parents[1]
ENV = child_env()
NOOP_RUNS = 3
BASE = yaml.safe_load((ROOT / "docs" / "formats" / "meeting.yaml").read_text(encoding="utf-8"))


def write_meetings(folder: Path, count: int, one_series: bool) -> None:
    """Write ``count`` weekly meetings into ``folder`` (one series, or each its own)."""
    folder.mkdir(parents=True)
    for i in range(count):
        meeting = json.loads(json.dumps(BASE, default=str))
        meeting.pop("previous", None)
        meeting["meeting"].update(title=f"Meeting {i}", series="Weekly" if one_series else f"Series {i}",
                                  date=(datetime.date(2020, 1, 6) + datetime.timedelta(days=7 * i)).isoformat())
        for item in meeting["agenda"]:
            for action in item.get("actions", []):
                action["id"] = f"{action['id']}-{i}"
        if one_series and i:
            # As in a real series, the review closes last week's actions: what is open stays bounded.
            meeting["previous_actions"] = [{"id": f"{a['id']}-{i - 1}", "text": a["text"], "status": "done"}
                                           for item in BASE["agenda"] for a in item.get("actions", [])]
        (folder / f"m{i:04d}.yaml").write_text(yaml.safe_dump(meeting, allow_unicode=True), encoding="utf-8")


def build(folder: Path, out: Path) -> tuple[float, str]:
    """Return the wall time of one `docgen build` process and its last line of output."""
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "docgen", "build", str(folder), "-o", str(out), "-j", "2"],
                         capture_output=True, text=True, cwd=folder.parent, env=ENV)
    seconds = time.perf_counter() - start
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr[-2000:])
    lines = [line for line in run.stdout.splitlines() if line.startswith("built")]
    return seconds, lines[-1] if lines else ""


def main() -> None:
    """Print the timings and ratios of the batch-scale benchmark."""
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    with tempfile.TemporaryDirectory(prefix="docgen-scale-") as tmp:
        work = Path(tmp)
        rows = []
        for layout, one_series in (("independent meetings, one flat folder", False), ("meetings of one series", True)):
            times = {}
            for count in (n, 10 * n):
                folder = work / f"{'series' if one_series else 'flat'}-{count}"
                write_meetings(folder, count, one_series)
                times[count], _ = build(folder, work / f"out-{folder.name}")
            rows.append((layout, times[n], times[10 * n]))
        noops = {}
        for layout in ("flat", "series"):
            folder = work / f"{layout}-{10 * n}"
            noops[layout] = statistics.median(build(folder, work / f"out-{folder.name}")[0] for _ in range(NOOP_RUNS))
        flat = work / f"flat-{10 * n}"
        edited = flat / "m0003.yaml"
        edited.write_text(edited.read_text(encoding="utf-8").replace("Meeting 3", "Meeting 3b"), encoding="utf-8")
        one_edit, line = build(flat, work / f"out-{flat.name}")
    print(f"{'layout':40} {n:>6} inputs {10 * n:>6} inputs  ratio (bar: 12x)")
    for layout, small, large in rows:
        print(f"{layout:40} {small:>11.2f} s {large:>11.2f} s  {large / small:5.1f}x")
    for layout, noop in noops.items():
        print(f"no-op rebuild of {10 * n} inputs ({layout}, median of {NOOP_RUNS}): {noop:.2f} s (bar: 0.5 s)")
    print(f"rebuild after editing one input: {one_edit:.2f} s ({line})")


if __name__ == "__main__":
    main()
