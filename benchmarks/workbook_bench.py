"""Speed of the status workbook reader: a status.xlsx holding 5,000 risks, read and validated.

``python3 benchmarks/workbook_bench.py [--risks N] [--runs R]`` writes the workbook with openpyxl
as Excel would save it (Project and Overall sheets, a Risks sheet of N rows), then times, in one
process, the reader (package guard, openpyxl in read-only mode, ``iter_rows(values_only=True)``)
and the model's validation. It prints the median of R runs (wall clock and CPU time: on a busy
machine the CPU figure is the one to trust) and the first run, against the 1 s target.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_S = 1.0


def write_workbook(path: Path, risks: int) -> Path:
    """Write a status workbook holding ``risks`` risks to ``path``; return ``path``."""
    import openpyxl

    book = openpyxl.Workbook()  # not write-only: like Excel, it records each sheet's extent (<dimension>)
    project = book.active
    project.title = "Project"
    for row in (("key", "value"), ("name", "Benchmark programme"), ("report_date", date(2026, 11, 23))):
        project.append(row)
    book.create_sheet("Overall").append(("status", "amber"))
    sheet = book.create_sheet("Risks")
    sheet.append(("id", "title", "probability", "impact", "owner", "mitigation", "status", "trend"))
    for n in range(risks):
        sheet.append((f"R-{n:05d}", f"Risk number {n}: supplier may deliver the interface late",
                      1 + n % 5, 1 + (n * 3) % 5, f"Owner {n % 40}", "Weekly review with the supplier; escalate.",
                      "open" if n % 7 else "closed", ("up", "stable", "down")[n % 3]))
    book.save(path)
    return path


def read_once(path: Path) -> tuple[float, float, int]:
    """Return the wall and CPU seconds taken to read and validate the workbook at ``path``, and the risks read."""
    from docgen.model.status import Status
    from docgen.model.validate import validated
    from docgen.readers.table import read

    start, cpu = time.perf_counter(), time.process_time()
    status = validated(Status, read(path, "status"))
    return time.perf_counter() - start, time.process_time() - cpu, len(status.risks)


def main() -> int:
    """Run the benchmark; return 0 when the median is under the target, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--risks", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "status.xlsx", args.risks)
        size = path.stat().st_size
        times, cpu_times = [], []
        for _ in range(args.runs):
            seconds, cpu, count = read_once(path)
            assert count == args.risks, count
            times.append(seconds)
            cpu_times.append(cpu)
    median = statistics.median(times)
    print(f"status.xlsx with {args.risks} risks ({size // 1024} KB): read + validated in "
          f"{median:.3f} s median of {args.runs} (CPU {statistics.median(cpu_times):.3f} s; first run "
          f"{times[0]:.3f} s); target {TARGET_S:.0f} s")
    return 0 if median < TARGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main())
