"""Run docgen on hostile input in a child process with time and memory limits.

Each hostile-input test calls :func:`run_docgen` and then :func:`assert_clean_failure` (or checks
the outputs itself). A child process is used so that a bomb cannot take the test run down with
it: its address space is capped (``RLIMIT_AS``) and it is killed after ``timeout`` seconds.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT_S = 10.0
MEMORY_LIMIT_MB = 500


@dataclass
class Run:
    """What one docgen process did: exit code, output streams and wall time in seconds."""

    code: int
    stdout: str
    stderr: str
    seconds: float


def _limits(memory_mb: int):
    def apply() -> None:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_docgen(*args: object, cwd: Path, timeout: float = TIME_LIMIT_S, memory_mb: int = MEMORY_LIMIT_MB,
               env: dict[str, str] | None = None) -> Run:
    """Return the Run of ``python -m docgen ARGS`` in ``cwd``, killed after ``timeout`` seconds.

    A process that runs out of time is reported as exit code -9 with ``seconds`` >= ``timeout``.
    """
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    start = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-m", "docgen", *map(str, args)], cwd=cwd, env=full_env,
                              capture_output=True, text=True, timeout=timeout, preexec_fn=_limits(memory_mb),
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        err = exc.stderr.decode() if isinstance(exc.stderr, bytes) else (exc.stderr or "")
        return Run(-9, out, err, time.perf_counter() - start)
    return Run(proc.returncode, proc.stdout, proc.stderr, time.perf_counter() - start)


def assert_clean_failure(run: Run, *expect_in_message: str, code: int = 2) -> None:
    """Assert the run ended in time with ``code``, no traceback, and one error naming what is expected."""
    assert run.code != -9, f"ran past {TIME_LIMIT_S} s"
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    assert run.code == code, (run.code, run.stderr[-2000:])
    assert run.stderr.startswith("error: ") or "\nerror: " in run.stderr, run.stderr[-2000:]
    for text in expect_in_message:
        assert text in run.stderr, (text, run.stderr[-2000:])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under ``folder`` (relative path -> bytes), to check nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
