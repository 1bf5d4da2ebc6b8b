"""Running build jobs: in parallel over the cores, skipping fresh ones, reporting each result.

Workers die with the build: on Linux each asks the kernel for SIGTERM when its parent dies
(``prctl(PR_SET_PDEATHSIG)``), elsewhere a watchdog thread polls the parent. A SIGTERM or SIGHUP
to the build terminates the workers, saves the cache of what was built and raises
BuildInterrupted; Ctrl-C does the same and re-raises KeyboardInterrupt.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.build.cache import BuildCache
from docgen.build.failures import internal_message, output_error, resource_message, traceback_text
from docgen.build.jobs import Job, JobResult, office_for_pdf, run
from docgen.errors import DocgenError, GateFailed

if TYPE_CHECKING:  # the pool is imported when there is more than one job to run
    from concurrent.futures import ProcessPoolExecutor

PDF_SOURCES = (".docx", ".pptx")
PR_SET_PDEATHSIG = 1
WATCHDOG_EVERY_S = 0.5
WORKER_DIED = ("internal error: the worker process building this input died (killed by a signal, "
               "or out of memory); nothing of it was kept")


class BuildInterrupted(DocgenError):
    """The build got SIGTERM or SIGHUP; workers were stopped, finished outputs and the cache kept."""

    def __init__(self, signum: int):
        self.signum = signum
        self.exit_code = 128 + signum
        super().__init__(f"build interrupted by {signal.Signals(signum).name}; workers stopped, "
                         "inputs built so far are kept and will not be rebuilt")


def run_one(job: Job) -> JobResult:
    """Run ``job`` and return its result; errors become a failed result, never an exception.

    A DocgenError, a disk or permission error, or running out of memory or stack is an input
    error; any other exception is an internal error (``internal=True``, traceback kept).
    """
    started = time.perf_counter()
    warnings: list[str] = []
    internal, trace = False, None
    try:
        written = run(job)
        if isinstance(written, tuple):
            written, warnings = written
        status, error = "ok", None
    except GateFailed as exc:
        written, status, error = job.outputs, "failed", str(exc)
    except DocgenError as exc:
        written, status, error = [], "error", "; ".join(exc.lines())
    except Exception as exc:  # a bug must not stop the batch; it is reported with the input
        written, status = [], "error"
        mapped = output_error(exc) if isinstance(exc, OSError) else None
        error = "; ".join(mapped.lines()) if mapped else resource_message(exc)
        if error is None:
            error, internal = internal_message(exc), True
        trace = traceback_text(exc)
    return JobResult(input=str(job.input), kind=job.kind, outputs=[str(p) for p in written],
                     status=status, error=error, seconds=round(time.perf_counter() - started, 4),
                     warnings=list(warnings), internal=internal, traceback=trace)


def run_jobs(jobs: list[Job], outdir: Path, workers: int | None = None, force: bool = False,
             on_result: Callable[[JobResult], None] | None = None,
             on_warning: Callable[[str], None] | None = None) -> list[JobResult]:
    """Run ``jobs`` (fresh ones skipped unless ``force``) and return their results in job order.

    The cache is saved as jobs finish (at most every 0.5 s) and at the end, even when the build
    is interrupted (BuildInterrupted, KeyboardInterrupt). A cache that cannot be read or saved
    is a warning (``on_warning``), never a failure.
    """
    warn = on_warning or (lambda message: None)
    cache = BuildCache(outdir)
    for warning in cache.warnings:
        warn(warning)
    todo: list[tuple[int, Job, str]] = []
    results: dict[int, JobResult] = {}
    for index, job in enumerate(jobs):
        digest = cache.digest(job)
        if not force and cache.fresh(job, digest):
            results[index] = JobResult(str(job.input), job.kind, [str(o) for o in job.outputs],
                                       "skipped")
            if on_result:
                on_result(results[index])
        else:
            todo.append((index, job, digest))
    workers = max(1, workers or os.cpu_count() or 1)
    cache_failed: list[str] = []

    def save(final: bool) -> None:
        if cache_failed:
            return
        try:
            cache.save() if final else cache.save_soon()
        except (OSError, DocgenError) as exc:
            mapped = output_error(exc) if isinstance(exc, OSError) else exc
            reason = "; ".join(mapped.lines()) if mapped else f"{type(exc).__name__}: {exc}"
            cache_failed.append(reason)
            warn(f"{cache.path}: build cache not saved ({reason}); the next build redoes these inputs")

    def done(index: int, job: Job, digest: str, result: JobResult) -> None:
        results[index] = result
        if result.status == "ok":
            cache.record(job, digest)
            save(final=False)
        if on_result:
            on_result(result)

    try:
        with _signals_interrupt():
            if workers == 1 or len(todo) <= 1:
                for index, job, digest in todo:
                    done(index, job, digest, run_one(job))
            else:
                _run_pool(todo, min(workers, len(todo)), done)
    finally:
        if todo:
            save(final=True)
        with contextlib.suppress(OSError, DocgenError):  # only a hint: the next build reads the inputs
            cache.save_stamps()
    return [results[i] for i in range(len(jobs))]


def _run_pool(todo: list[tuple[int, Job, str]], workers: int,
              done: Callable[[int, Job, str, JobResult], None]) -> None:
    """Run ``todo`` on ``workers`` processes, calling ``done`` for each as it finishes."""
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_init, initargs=(os.getpid(),))
    clean = False
    try:
        futures = {pool.submit(run_one, job): (index, job, digest) for index, job, digest in todo}
        for future in as_completed(futures):
            index, job, digest = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                result = JobResult(str(job.input), job.kind, [], "error", WORKER_DIED, internal=True)
            done(index, job, digest, result)
        clean = True
    finally:
        if clean:
            pool.shutdown(wait=True)
        else:
            _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Terminate the workers of ``pool`` now (then kill those still alive after a second)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + 1.0
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1.0)


@contextlib.contextmanager
def _signals_interrupt() -> Iterator[None]:
    """Turn SIGTERM and SIGHUP into BuildInterrupted while the block runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    received: list[int] = []

    def interrupt(signum, frame):
        if not received:  # a second signal must not break off the clean-up of the first
            received.append(signum)
            raise BuildInterrupted(signum)

    wanted = [s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s is not None]
    previous = {}
    for signum in wanted:
        with contextlib.suppress(ValueError, OSError):
            previous[signum] = signal.signal(signum, interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, handler)


def _worker_init(parent: int) -> None:
    """Set up a worker process: default SIGTERM, no SIGINT (the parent handles Ctrl-C), die with ``parent``."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(parent, os.getppid()), daemon=True,
                         name="docgen-parent-watchdog").start()
    if not _alive(parent):  # the parent died before the worker asked to die with it
        os._exit(1)


def _die_with_parent() -> bool:
    """Return True when the kernel will send this process SIGTERM as its parent dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _alive(pid: int) -> bool:
    """Return True when process ``pid`` exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch_parent(parent: int, ppid: int) -> None:
    """Exit this worker as soon as its parent (``ppid``) or the build (``parent``) is gone."""
    while True:
        time.sleep(WATCHDOG_EVERY_S)
        if os.getppid() != ppid or not _alive(parent):
            os._exit(1)


def convert_pdfs(jobs: list[Job], results: list[JobResult]) -> list[str]:
    """Convert the Office outputs of the jobs that want PDF, with one LibreOffice run for the batch.

    A ``.pdf`` output is converted from its scratch Office file (``job.scratch``, then removed);
    with ``--pdf`` each .docx/.pptx output also gets its PDF beside it. A job whose PDF writer
    writes the PDF itself (a pack) is left alone: its PDF is an output of its own, and a PDF of its
    Word file would not be that PDF. Returns the PDF paths written. Raises OutputError (with
    install advice) without LibreOffice.
    """
    from docgen.pdf import convert_many

    pairs: list[tuple[Path, Path]] = []
    renamed: dict[str, str] = {}
    for job, result in zip(jobs, results):
        if not job.pdf or result.status not in ("ok", "failed") or office_for_pdf(job.kind) is None:
            continue
        office_of = {office: pdf for pdf, office in job.scratch.items()}
        for output in result.outputs:
            if output in office_of:
                pairs.append((Path(output), Path(office_of[output])))
                renamed[output] = office_of[output]
            elif Path(output).suffix.lower() in PDF_SOURCES:
                pairs.append((Path(output), Path(output).with_suffix(".pdf")))
    written = convert_many(pairs)
    for result in results:
        outputs = [renamed.get(o, o) for o in result.outputs]
        extra = [str(pdf) for office, pdf in pairs if str(office) in result.outputs and str(office) not in renamed]
        result.outputs = outputs + extra
    return [str(p) for p in written]
