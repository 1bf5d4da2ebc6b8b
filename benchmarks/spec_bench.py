"""Benchmark of the Markdown specification extractor: linear in the number of lines.

Run with ``python benchmarks/spec_bench.py [--lines 20000,200000] [--runs 3] [--limit 3.0]``.
A synthetic specification mixing what real ones hold (numbered and setext headings, the BCP 14
paragraph, hard-wrapped keyword prose with abbreviations and links, nested lists under
lead-ins, tables whose cells hold several keyword sentences and notes, definition lists,
fences, indented code, block quotes, HTML comments) is made at each size and read in auto mode
(``analyse``: id mode is tried, the id scheme looked for, then keyword mode), as the CLI does.
It prints the best wall and CPU times of ``--runs`` per size, the requirements found, the ratio
of the largest to the smallest time against the ratio of their sizes (10 for 20k and 200k lines:
linear), and exits 1 if the largest size takes ``--limit`` seconds of CPU or more.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from docgen.readers.spec_markdown import analyse  # noqa: E402

HEAD = ("# Widget Exchange Protocol\n\n"
        'The key words "MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD",\n'
        '"SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED", "MAY", and "OPTIONAL" in this\n'
        "document are to be interpreted as described in BCP 14 [RFC2119] [RFC8174] when,\n"
        "and only when, they appear in all capitals, as shown here.\n")


def _section(n: int) -> str:
    """Return one section of the synthetic specification (50 lines)."""
    return (
        f"\n## {n}. Exchange {n} <!-- section {n} --> {{#exchange-{n}}}\n\n"
        f"A sender MUST send message {n} within 30 s, e.g. over TLS 1.3 (see\n"
        f"[RFC 8446](https://www.rfc-editor.org/rfc/rfc8446)). A receiver SHOULD NOT wait\n"
        f"longer than 2.5 s for it; it MAY log the delay at https://example.org/log/{n}.\n"
        "Otherwise the exchange fails.\n\n"
        "The receiving node:\n"
        "  - upon an unknown type:\n"
        "    - MUST close the connection;\n"
        "    - MAY send a warning.\n"
        "  - SHOULD keep the session.\n\n"
        "| Field | Type | Rule | Applicability |\n| --- | --- | --- | --- |\n"
        f"| `id{n}` | string | It MUST be unique. It SHOULD be short. | REQUIRED |\n"
        f"| `tag{n}` | string | Tags MAY repeat.<br>*Note: tags are case-sensitive.* | OPTIONAL |\n"
        "| `size` | integer | The size in bytes. | - |\n\n"
        "`mode`\n:   The mode MUST be `fast` or `safe`.\n\n"
        "    A second paragraph of the definition MAY follow.\n\n"
        "```json\n{\"example\": \"MUST NOT count\", \"n\": 1}\n```\n\n"
        "    indented code: MUST NOT count\n\n"
        "> Quoted text: clients MUST NOT count this.\n\n"
        "<!-- An editor's note: MUST check. -->\n\n"
        f"Processing rules {n}\n-------------------\n\n"
        "1. Implementations MUST validate the input.\n"
        "2. Implementations SHOULD report errors\n"
        "   to the caller, i.e. with a code.\n\n"
        "   Errors MAY carry a message.\n"
        "3. Nothing else is required.\n\n"
        "**Security.** Secrets MUST NOT be logged. Keys SHALL rotate yearly.\n\n"
        "Some plain prose without any keyword at all, to make the text look real.\n"
        "More prose follows on this line, and the paragraph ends here.\n"
    )


def make_spec(lines: int) -> str:
    """Return a synthetic specification of about ``lines`` lines."""
    size = len(_section(1).splitlines())
    return HEAD + "".join(_section(n) for n in range(1, lines // size + 1))


def best_time(text: str, runs: int) -> tuple[float, float, int]:
    """Return the best wall and CPU times of ``runs`` auto-mode reads of ``text`` and the count.

    The CPU time (``time.process_time``) is this process's own: on a machine shared with other
    work, the wall time also measures the neighbours.
    """
    walls, cpus, count = [], [], 0
    for _ in range(runs):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        _, found, _ = analyse(text)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        count = len(found)
    return min(walls), min(cpus), count


def main(argv: list[str] | None = None) -> int:
    """Time the extractor at each size, print the figures and return 1 if over the limit."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", default="20000,200000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--limit", type=float, default=3.0)
    args = parser.parse_args(argv)
    sizes = [int(part) for part in args.lines.split(",")]
    analyse(make_spec(2000))  # warm-up: imports and compiled patterns
    results = []
    for lines in sizes:
        text = make_spec(lines)
        wall, cpu, count = best_time(text, args.runs)
        actual = text.count("\n") + 1
        results.append((actual, wall, cpu))
        print(f"{actual:>8,} lines  {len(text) / 1e6:5.1f} MB  wall {wall:6.3f} s  cpu {cpu:6.3f} s  "
              f"{count:>7,} requirements  {actual / cpu / 1000:5.0f}k lines/s")
    (small_lines, small_wall, small), (large_lines, large_wall, large) = results[0], results[-1]
    print(f"ratio {large_lines:,} vs {small_lines:,} lines: cpu x{large / small:.1f}, wall "
          f"x{large_wall / small_wall:.1f} for x{large_lines / small_lines:.1f} the lines "
          "(linear: equal)")
    over = large >= args.limit
    print(f"{large_lines:,} lines in {large:.2f} s of CPU ({large_wall:.2f} s wall): "
          f"{'over' if over else 'under'} the {args.limit:g} s limit")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
