"""Turning inputs and a manifest into jobs: output paths mirrored under OUTDIR, never outside it."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

from docgen.build.discover import find_inputs, kind_of, pair_assessment
from docgen.build.jobs import DISCOVERED, KINDS, MULTI_INPUT, Job, default_formats, office_for_pdf
from docgen.build.manifest import Manifest, display_path
from docgen.build.stamps import stamps_for
from docgen.errors import ConfigError, OutputError


class RealPaths:
    """``Path.resolve()`` for many paths of few folders: each folder is resolved once, then each name checked."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: Path | str) -> Path:
        """Return the absolute path of ``path`` with every symbolic link resolved, as Path.resolve() does."""
        if ".." in Path(path).parts:
            return Path(os.path.realpath(path))  # ".." after a link is not the lexical parent
        folder, name = os.path.split(os.path.abspath(path))
        if not name:
            return Path(folder)
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder)
        joined = os.path.join(real, name)
        return Path(os.path.realpath(joined) if os.path.islink(joined) else joined)


def inside(outdir: Path, relative: str | Path, real: RealPaths | None = None) -> Path:
    """Return ``outdir / relative``, refusing any path that would leave ``outdir``.

    ``real`` resolves paths (share one across the outputs of a build to resolve each folder once).
    """
    real = real or RealPaths()
    base = real(outdir)
    target = real(base / relative)
    if target != base and base not in target.parents:
        raise OutputError(f"output '{relative}' would be written outside {outdir}; refused")
    return base / Path(relative)


def discover_jobs(paths: list[Path], outdir: Path, defaults: dict) -> list[Job]:
    """Return one job per input found under ``paths``, outputs mirroring the input folders.

    Nothing under ``outdir`` is taken for an input (the outputs of an earlier build). Each
    file's kind is remembered by its stamp in ``outdir`` (:mod:`docgen.build.stamps`).
    """
    pairs = find_inputs(paths, exclude=[outdir])
    stamps = stamps_for(outdir)
    kinds = {file: stamps.fact(file, "kind", partial(kind_of, file)) for file, _ in pairs}
    assessments = [f for f, k in kinds.items() if k == "assessment"]
    earlier = previous_statuses([f for f, k in kinds.items() if k == "status"])
    jobs = []
    real = RealPaths()
    for file, root in pairs:
        kind = kinds[file]
        if kind not in DISCOVERED:
            continue
        rel = file.relative_to(root).with_suffix("")
        formats = defaults.get("formats", {}).get(kind) or default_formats(kind)
        outputs = [inside(outdir, f"{rel}.{fmt}", real) for fmt in formats]
        jobs.append(Job(
            input=file, kind=kind, outputs=outputs, templates=list(defaults.get("templates", [])),
            language=defaults.get("language"), fail_on=defaults.get("fail_on"),
            assessment=pair_assessment(file, assessments) if kind == "spec" else None,
            previous=earlier.get(file)))
    return jobs


def previous_statuses(statuses: list[Path]) -> dict[Path, Path]:
    """Return, for each status of ``statuses``, the status of the period before it, when there is one.

    Statuses of one project (same ``project.code``, else name; case and spaces ignored) in one
    folder are ordered by ``report_date``, as meetings of a series are; each is built against the
    one before it (its "Changes since" slide). A status that cannot be read is left alone: its own
    job reports the problem.
    """
    if not statuses:
        return {}  # no need to load the status model
    from docgen.errors import DocgenError
    from docgen.jobs.deck import identity

    groups: dict[tuple[Path, str], list[tuple[object, Path]]] = {}
    for file in statuses:
        try:
            key, when = identity(file)
        except DocgenError:
            continue
        groups.setdefault((file.parent, key), []).append((when, file))
    earlier: dict[Path, Path] = {}
    for periods in groups.values():
        periods.sort(key=lambda p: (p[0], str(p[1])))
        for (when_before, before), (when, file) in zip(periods, periods[1:]):
            if when != when_before:
                earlier[file] = before
    return earlier


def manifest_jobs(manifest: Manifest, outdir: Path) -> list[Job]:
    """Return the jobs a docgen.yaml manifest lists, with its defaults applied.

    Entries were checked by load_manifest; a job whose kind cannot be told raises ConfigError.
    """
    jobs = []
    defaults = manifest.defaults
    for index, entry in enumerate(manifest.jobs or []):
        source = manifest.folder / entry["input"]
        kind = entry.get("kind") or (kind_of(source) if source.is_file() else None)
        if kind not in KINDS:
            raise ConfigError(f"{manifest.where(index)}.input: cannot tell the kind of {entry['input']}; "
                              f"add kind: {' | '.join(KINDS)}")
        outputs = entry.get("outputs")
        if not outputs:
            stem = Path(entry["input"]).with_suffix("")
            if kind in MULTI_INPUT:
                from docgen.jobs import job_of_kind

                stem = Path(entry["input"]).parent / job_of_kind(kind).DEFAULT_NAME
            elif kind in ("agenda", "pack"):
                stem = stem.with_name(f"{stem.name}-{kind}")
            formats = entry.get("formats") or defaults.get("formats", {}).get(kind) or default_formats(kind)
            outputs = [f"{stem}.{fmt}" for fmt in formats]
        templates = [manifest.folder / t for t in entry.get("templates", [])] + \
            list(defaults.get("templates", []))
        assessment = entry.get("assessment")
        previous = entry.get("previous") or entry.get("previous_assessment")
        if kind in MULTI_INPUT:
            inputs = [manifest.folder / i for i in entry.get("inputs") or [entry["input"]]]
        elif not source.is_file():
            raise ConfigError(f"{manifest.where(index)}.input: {entry['input']} is a folder; a {kind} job "
                              f"reads one file (folders are inputs of {' and '.join(MULTI_INPUT)} jobs)")
        else:
            inputs = []
        template = entry.get("template")
        if template and Path(template).suffix.lower() in (".docx", ".pptx") and (manifest.folder / template).is_file():
            template = manifest.folder / template
        jobs.append(Job(
            input=source, kind=kind, outputs=[inside(outdir, o) for o in outputs], inputs=inputs,
            template=Path(template) if template else None,
            templates=templates, language=entry.get("language") or defaults.get("language"),
            assessment=manifest.folder / assessment if assessment else None,
            previous=manifest.folder / previous if previous else None,
            fail_on=entry.get("fail_on", defaults.get("fail_on")),
            status=manifest.folder / entry["status"] if entry.get("status") else None,
            checklist=manifest.folder / entry["checklist"] if entry.get("checklist") else None,
            previous_minutes=manifest.folder / entry["previous_minutes"] if entry.get("previous_minutes") else None,
            origin=f"{manifest.where(index)} ({entry['input']})"))
    return jobs


def check_outputs(jobs: list[Job]) -> None:
    """Raise OutputError when two jobs would write the same file, or a job would overwrite an input.

    Every clash is one line naming both jobs; called before anything is built.
    """
    writers: dict[Path, Job] = {}
    sources: dict[Path, Path] = {}  # what a job reads, resolved -> as the manifest or folder named it
    real = RealPaths()
    for job in jobs:
        for path in job.reads():
            sources.setdefault(real(path), path)
    problems = []
    for job in jobs:
        for output in job.outputs:
            target = real(output)
            other = writers.setdefault(target, job)
            if other is not job:
                problems.append(f"{display_path(output)}: written by both {other.describe()} and "
                                f"{job.describe()}; give them different outputs")
            if target in sources:
                problems.append(f"{display_path(output)}: output of {job.describe()} would overwrite the "
                                f"input {display_path(sources[target])}; refused")
    if problems:
        raise OutputProblems(problems)


class OutputProblems(OutputError):
    """Several output clashes, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


def split_pdf_outputs(jobs: list[Job], all_pdf: bool, scratch: Path | None = None) -> list[Job]:
    """Return ``jobs`` with each ``.pdf`` output to be written first as an Office file under ``scratch``.

    One LibreOffice run converts those after the build (``job.scratch`` maps each PDF to its
    Office file), so no .docx/.pptx is ever written beside a PDF unless it is an output too. With
    ``all_pdf`` (``--pdf``) every .docx/.pptx output also gets its PDF beside it. ``scratch`` is
    the folder of the batch's Office files (removed after the conversion). A job whose PDF writer
    is not an Office writer's wrapper (a pack) writes its PDF itself: it gets no scratch file.
    """
    for index, job in enumerate(jobs):
        wanted = [o for o in job.outputs if o.suffix.lower() == ".pdf"]
        office = office_for_pdf(job.kind) if wanted else None
        if office is not None:
            if scratch is None:
                raise ValueError("a PDF output needs the batch's scratch folder")
            job.scratch = {str(pdf): str(scratch / f"{index:05d}" / pdf.with_suffix(office).name) for pdf in wanted}
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
    """Return the K-th of N slices of ``jobs`` for ``spec`` "K/N" (all jobs when None).

    A job's slice is a stable hash of its input path (relative to the working folder when
    inside it), so adding or removing one input moves no other input to another slice and a
    per-slice cache stays valid.
    """
    parsed = parse_shard(spec)
    if parsed is None:
        return jobs
    k, n = parsed
    return [job for job in jobs if shard_of(job.input, n) == k]


def shard_of(path: Path, total: int) -> int:
    """Return the slice (1..total) of the input at ``path``: a hash of its path, not its rank."""
    import hashlib
    import os

    try:
        name = Path(os.path.relpath(Path(path).resolve(), Path.cwd().resolve())).as_posix()
    except ValueError:  # another drive on Windows
        name = Path(path).resolve().as_posix()
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % total + 1


def shard_from_environment(environ: dict[str, str]) -> str | None:
    """Return the ``K/N`` slice a CI runner asks for, or None.

    GitLab CI's ``parallel:`` sets CI_NODE_INDEX (1-based) and CI_NODE_TOTAL; a Kubernetes
    Indexed Job sets JOB_COMPLETION_INDEX (0-based), with the number of completions given to
    docgen as DOCGEN_SHARD_TOTAL. Raises ConfigError when they are not whole numbers.
    """
    if environ.get("CI_NODE_INDEX") and environ.get("CI_NODE_TOTAL"):
        index, total, names = environ["CI_NODE_INDEX"], environ["CI_NODE_TOTAL"], "CI_NODE_INDEX/CI_NODE_TOTAL"
        offset = 0
    elif environ.get("JOB_COMPLETION_INDEX") is not None and environ.get("JOB_COMPLETION_INDEX") != "":
        if not environ.get("DOCGEN_SHARD_TOTAL"):
            raise ConfigError("JOB_COMPLETION_INDEX is set: set DOCGEN_SHARD_TOTAL to the Job's completions "
                              "(or give --shard K/N)")
        index, total, names = environ["JOB_COMPLETION_INDEX"], environ["DOCGEN_SHARD_TOTAL"], \
            "JOB_COMPLETION_INDEX/DOCGEN_SHARD_TOTAL"
        offset = 1
    else:
        return None
    try:
        spec = f"{int(index) + offset}/{int(total)}"
    except ValueError:
        raise ConfigError(f"{names}: expected whole numbers, got {index!r} and {total!r}") from None
    parse_shard(spec)
    return spec
