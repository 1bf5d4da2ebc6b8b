"""Running build jobs: in parallel over the cores, skipping fresh ones, reporting each result."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from docgen.build.cache import BuildCache
from docgen.build.jobs import Job, JobResult, run
from docgen.errors import DocgenError, GateFailed

PDF_SOURCES = (".docx", ".pptx")


def run_one(job: Job) -> JobResult:
    """Run ``job`` and return its result; errors become a failed result, never an exception."""
    started = time.perf_counter()
    warnings: list[str] = []
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
        written, status, error = [], "error", f"internal error: {type(exc).__name__}: {exc}"
    return JobResult(input=str(job.input), kind=job.kind, outputs=[str(p) for p in written],
                     status=status, error=error, seconds=round(time.perf_counter() - started, 4),
                     warnings=list(warnings))


def run_jobs(jobs: list[Job], outdir: Path, workers: int | None = None, force: bool = False,
             on_result: Callable[[JobResult], None] | None = None) -> list[JobResult]:
    """Run ``jobs`` (fresh ones skipped unless ``force``) and return their results in job order."""
    cache = BuildCache(outdir)
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

    def done(index: int, job: Job, digest: str, result: JobResult) -> None:
        results[index] = result
        if result.status == "ok":
            cache.record(job, digest)
        if on_result:
            on_result(result)

    if workers == 1 or len(todo) <= 1:
        for index, job, digest in todo:
            done(index, job, digest, run_one(job))
    else:
        with ProcessPoolExecutor(max_workers=min(workers, len(todo))) as pool:
            futures = {pool.submit(run_one, job): (index, job, digest) for index, job, digest in todo}
            for future in as_completed(futures):
                done(*futures[future], future.result())
    if todo:
        cache.save()
    return [results[i] for i in range(len(jobs))]


def convert_pdfs(jobs: list[Job], results: list[JobResult]) -> list[str]:
    """Convert the Office outputs of the jobs that want PDF, with one LibreOffice run.

    Returns the PDF paths written. Raises OutputError (with install advice) without LibreOffice.
    """
    from docgen.pdf import convert_many

    sources = [Path(o) for job, r in zip(jobs, results) if job.pdf and r.status in ("ok", "failed")
               for o in r.outputs if Path(o).suffix.lower() in PDF_SOURCES]
    written = convert_many(sources)
    by_source = {str(s): str(s.with_suffix(".pdf")) for s in sources}
    for result in results:
        result.outputs += [by_source[o] for o in result.outputs if o in by_source]
    return [str(p) for p in written]
