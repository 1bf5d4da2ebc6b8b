"""Turning inputs and a manifest into jobs: output paths mirrored under OUTDIR, never outside it."""

from __future__ import annotations

from pathlib import Path

from docgen.build.discover import find_inputs, kind_of, pair_assessment
from docgen.build.jobs import DEFAULT_FORMATS, KINDS, Job
from docgen.build.manifest import Manifest
from docgen.errors import ConfigError, OutputError


def inside(outdir: Path, relative: str | Path) -> Path:
    """Return ``outdir / relative``, refusing any path that would leave ``outdir``."""
    base = Path(outdir).resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise OutputError(f"output '{relative}' would be written outside {outdir}; refused")
    return base / Path(relative)


def discover_jobs(paths: list[Path], outdir: Path, defaults: dict) -> list[Job]:
    """Return one job per input found under ``paths``, outputs mirroring the input folders."""
    pairs = find_inputs(paths)
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
    """Return the jobs a docgen.yaml manifest lists, with its defaults applied."""
    jobs = []
    for index, entry in enumerate(manifest.jobs):
        where = f"{manifest.path}: jobs[{index}]"
        source = manifest.folder / entry["input"]
        kind = entry.get("kind") or kind_of(source)
        if kind not in KINDS:
            raise ConfigError(f"{where}: cannot tell the kind of {entry['input']}; add kind: "
                              f"{' | '.join(KINDS)}")
        outputs = entry.get("outputs")
        if not outputs:
            stem = Path(entry["input"]).with_suffix("")
            formats = entry.get("formats") or manifest.defaults.get("formats", {}).get(kind) \
                or DEFAULT_FORMATS[kind]
            outputs = [f"{stem}.{fmt}" for fmt in formats]
        templates = [manifest.folder / t for t in entry.get("templates", [])] + \
            list(manifest.defaults.get("templates", []))
        assessment = entry.get("assessment")
        previous = entry.get("previous") or entry.get("previous_assessment")
        jobs.append(Job(
            input=source, kind=kind, outputs=[inside(outdir, o) for o in outputs],
            templates=templates, language=entry.get("language") or manifest.defaults.get("language"),
            assessment=manifest.folder / assessment if assessment else None,
            previous=manifest.folder / previous if previous else None,
            fail_on=entry.get("fail_on", manifest.defaults.get("fail_on"))))
    return jobs


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


def shard(jobs: list[Job], spec: str | None) -> list[Job]:
    """Return the K-th of N slices of ``jobs`` for ``spec`` "K/N" (all jobs when None)."""
    if not spec:
        return jobs
    try:
        k, n = (int(x) for x in spec.split("/"))
    except ValueError:
        raise ConfigError(f"--shard {spec}: expected K/N, e.g. 1/4") from None
    if not 1 <= k <= n:
        raise ConfigError(f"--shard {spec}: K must be between 1 and N")
    ordered = sorted(jobs, key=lambda j: str(j.input))
    return [job for index, job in enumerate(ordered) if index % n == k - 1]
