"""Turning inputs and a manifest into jobs: output paths mirrored under OUTDIR, never outside it."""

from __future__ import annotations

from pathlib import Path

from docgen.build.discover import find_inputs, kind_of, pair_assessment
from docgen.build.jobs import DEFAULT_FORMATS, KINDS, Job
from docgen.build.manifest import Manifest, display_path
from docgen.errors import ConfigError, OutputError


def inside(outdir: Path, relative: str | Path) -> Path:
    """Return ``outdir / relative``, refusing any path that would leave ``outdir``."""
    base = Path(outdir).resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise OutputError(f"output '{relative}' would be written outside {outdir}; refused")
    return base / Path(relative)


def discover_jobs(paths: list[Path], outdir: Path, defaults: dict) -> list[Job]:
    """Return one job per input found under ``paths``, outputs mirroring the input folders.

    Nothing under ``outdir`` is taken for an input (the outputs of an earlier build).
    """
    pairs = find_inputs(paths, exclude=[outdir])
    kinds = {file: kind_of(file) for file, _ in pairs}
    assessments = [f for f, k in kinds.items() if k == "assessment"]
    jobs = []
    for file, root in pairs:
        kind = kinds[file]
        if kind not in KINDS:
            continue
        rel = file.relative_to(root).with_suffix("")
        formats = defaults.get("formats", {}).get(kind) or DEFAULT_FORMATS[kind]
        outputs = [inside(outdir, f"{rel}.{fmt}") for fmt in formats]
        jobs.append(Job(
            input=file, kind=kind, outputs=outputs, templates=list(defaults.get("templates", [])),
            language=defaults.get("language"), fail_on=defaults.get("fail_on"),
            assessment=pair_assessment(file, assessments) if kind == "spec" else None))
    return jobs


def manifest_jobs(manifest: Manifest, outdir: Path) -> list[Job]:
    """Return the jobs a docgen.yaml manifest lists, with its defaults applied.

    Entries were checked by load_manifest; a job whose kind cannot be told raises ConfigError.
    """
    jobs = []
    defaults = manifest.defaults
    for index, entry in enumerate(manifest.jobs or []):
        source = manifest.folder / entry["input"]
        kind = entry.get("kind") or kind_of(source)
        if kind not in KINDS:
            raise ConfigError(f"{manifest.where(index)}.input: cannot tell the kind of {entry['input']}; "
                              f"add kind: {' | '.join(KINDS)}")
        outputs = entry.get("outputs")
        if not outputs:
            stem = Path(entry["input"]).with_suffix("")
            formats = entry.get("formats") or defaults.get("formats", {}).get(kind) or DEFAULT_FORMATS[kind]
            outputs = [f"{stem}.{fmt}" for fmt in formats]
        templates = [manifest.folder / t for t in entry.get("templates", [])] + \
            list(defaults.get("templates", []))
        assessment = entry.get("assessment")
        previous = entry.get("previous") or entry.get("previous_assessment")
        jobs.append(Job(
            input=source, kind=kind, outputs=[inside(outdir, o) for o in outputs],
            templates=templates, language=entry.get("language") or defaults.get("language"),
            assessment=manifest.folder / assessment if assessment else None,
            previous=manifest.folder / previous if previous else None,
            fail_on=entry.get("fail_on", defaults.get("fail_on")),
            origin=f"{manifest.where(index)} ({entry['input']})"))
    return jobs


def check_outputs(jobs: list[Job]) -> None:
    """Raise OutputError when two jobs would write the same file, or a job would overwrite an input.

    Every clash is one line naming both jobs; called before anything is built.
    """
    writers: dict[Path, Job] = {}
    sources: dict[Path, Job] = {}
    for job in jobs:
        for path in (job.input, job.assessment, job.previous):
            if path is not None:
                sources.setdefault(Path(path).resolve(), job)
    problems = []
    for job in jobs:
        for output in job.outputs:
            target = Path(output).resolve()
            other = writers.setdefault(target, job)
            if other is not job:
                problems.append(f"{display_path(output)}: written by both {other.describe()} and "
                                f"{job.describe()}; give them different outputs")
            if target in sources:
                problems.append(f"{display_path(output)}: output of {job.describe()} would overwrite the "
                                f"input {display_path(sources[target].input)}; refused")
    if problems:
        raise OutputProblems(problems)


class OutputProblems(OutputError):
    """Several output clashes, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


OFFICE_FOR_PDF = {"meeting": ".docx", "status": ".pptx", "spec": ".docx"}


def split_pdf_outputs(jobs: list[Job], all_pdf: bool) -> list[Job]:
    """Return ``jobs`` with each ``.pdf`` output replaced by the Office file it is converted from.

    Marks those jobs ``pdf=True`` so one LibreOffice run converts them after the build; with
    ``all_pdf`` every Office output is converted.
    """
    for job in jobs:
        office = OFFICE_FOR_PDF[job.kind]
        wanted = [o for o in job.outputs if o.suffix.lower() == ".pdf"]
        if wanted:
            kept = [o for o in job.outputs if o.suffix.lower() != ".pdf"]
            for pdf in wanted:
                if pdf.with_suffix(office) not in kept:
                    kept.append(pdf.with_suffix(office))
            job.outputs = kept
        job.pdf = all_pdf or bool(wanted) or job.pdf
    return jobs


def parse_shard(spec: str | None) -> tuple[int, int] | None:
    """Return (K, N) for a ``--shard K/N`` value (None when not given); raise ConfigError if invalid."""
    if spec is None:
        return None
    try:
        k, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise ConfigError(f"--shard {spec}: expected K/N, e.g. 1/4") from None
    if n < 1 or not 1 <= k <= n:
        raise ConfigError(f"--shard {spec}: K must be between 1 and N (N at least 1)")
    return k, n


def shard(jobs: list[Job], spec: str | None) -> list[Job]:
    """Return the K-th of N slices of ``jobs`` for ``spec`` "K/N" (all jobs when None)."""
    parsed = parse_shard(spec)
    if parsed is None:
        return jobs
    k, n = parsed
    ordered = sorted(jobs, key=lambda j: str(j.input))
    return [job for index, job in enumerate(ordered) if index % n == k - 1]
