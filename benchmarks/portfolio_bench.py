"""Speed of ``docgen portfolio``: 100 statuses (50 projects x 2 periods) -> the deck and the workbook.

``python3 benchmarks/portfolio_bench.py [--statuses N] [--runs R]`` writes the statuses (from
docs/formats/status.yaml) to a temporary folder, then times, in one process, reading and
validating them, summarising, and writing portfolio.pptx and portfolio.xlsx. It prints the
median of R warm runs and the first (cold: template read once) run, against the 2 s target.
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

TARGET_S = 2.0


def write_statuses(folder: Path, count: int) -> None:
    """Write ``count`` statuses: count/2 projects (EUR and USD alternating), two periods each."""
    from tests.portfolio_data import status, write_portfolio

    statuses = {}
    for n in range(count):
        project, period = divmod(n, 2)
        day = date(2026, 10 + period, 1 + project % 28)
        statuses[f"p{project:03d}/{period}.yaml"] = status(
            f"P-{project:03d}", day, ("red", "amber", "green")[(project + period) % 3],
            {"scope": "green", "schedule": ("amber", "green")[period], "budget": "green", "risks": "amber"},
            currency=("EUR", "USD")[project % 2], name=f"Project number {project}")
    write_portfolio(folder, statuses)


def run_once(folder: Path, out: Path) -> float:
    """Return the seconds one portfolio takes: read, validate, summarise, write .pptx and .xlsx."""
    from docgen.output import staged_outputs
    from docgen.portfolio import job

    started = time.perf_counter()
    collection, portfolio = job.load([folder])
    with staged_outputs():
        for name in ("portfolio.pptx", "portfolio.xlsx"):
            job.write(portfolio, collection, out / name)
    assert not collection.problems and len(collection.projects) == len({p.key for p in collection.projects})
    return time.perf_counter() - started


def main() -> int:
    """Print the timings; return 0 when the median meets the target, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statuses", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-portfolio-bench-") as tmp:
        folder, out = Path(tmp, "in"), Path(tmp, "out")
        write_statuses(folder, args.statuses)
        out.mkdir()
        cold = run_once(folder, out)
        warm = [run_once(folder, out) for _ in range(args.runs)]
        slides = _slides(out / "portfolio.pptx")
    median = statistics.median(warm)
    verdict = "met" if median < TARGET_S else "MISSED"
    print(f"portfolio of {args.statuses} statuses ({args.statuses // 2} projects), deck ({slides} slides) + workbook: "
          f"{median:.3f} s median of {args.runs} warm runs, {cold:.3f} s first run; target < {TARGET_S:g} s: {verdict}")
    return 0 if median < TARGET_S else 1


def _slides(path: Path) -> int:
    from pptx import Presentation

    return len(Presentation(path).slides)


if __name__ == "__main__":
    sys.exit(main())
