"""``docgen build``: every input under the given folders, in parallel, with a report."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from docgen.cli.options import lang_option, templates_option


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=Path("out"),
              show_default=True, help="Folder receiving the outputs (mirrors the input folders).")
@click.option("-j", "--jobs", "workers", type=int, default=None,
              help="Parallel workers (default: the number of cores).")
@click.option("--shard", default=None,
              help="Build only slice K of N (e.g. 2/4) for CI matrices; default from GitLab's CI_NODE_INDEX/"
                   "CI_NODE_TOTAL or a Kubernetes Indexed Job's JOB_COMPLETION_INDEX (with DOCGEN_SHARD_TOTAL).")
@click.option("--force", is_flag=True, help="Rebuild outputs even when they are up to date.")
@click.option("--pdf", is_flag=True, help="Also convert .docx/.pptx outputs to PDF (LibreOffice).")
@click.option("--report", type=click.Path(path_type=Path), default=None,
              help="Write a JSON report of every input, its outputs, status, error and time.")
@click.option("--junit", type=click.Path(path_type=Path), default=None,
              help="Write a JUnit XML report for CI dashboards.")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="docgen.yaml listing jobs (default: ./docgen.yaml when no PATH is given).")
@click.option("--fail-on", type=click.Choice(["must", "should", "may"], case_sensitive=False), default=None,
              help="Compliance gate for every specification built.")
@templates_option
@lang_option
def build(paths: tuple[Path, ...], outdir: Path, workers: int | None, shard: str | None, force: bool,
          pdf: bool, report: Path | None, junit: Path | None, manifest: Path | None,
          fail_on: str | None, template_dirs: tuple[Path, ...], language: str | None) -> None:
    """Build minutes, decks and checklists for every input under PATHS (folders or files), and every manifest job."""
    from docgen.build import targets as planning
    from docgen.build.manifest import find_manifest, load_manifest
    from docgen.cli.options import effective_language, effective_templates
    from docgen.errors import ConfigError

    started = time.perf_counter()
    if workers is not None and workers < 1:
        raise ConfigError(f"-j {workers}: expected a number of parallel workers of 1 or more")
    if shard is None:
        import os

        shard = planning.shard_from_environment(dict(os.environ))
    planning.parse_shard(shard)
    _check_report_paths(report=report, junit=junit)
    template_dirs, language = effective_templates(template_dirs), effective_language(language)
    manifest_path = manifest or (find_manifest(Path.cwd()) if not paths else None)
    defaults: dict = {"templates": list(template_dirs), "language": language, "fail_on": fail_on}
    if manifest_path:
        loaded = load_manifest(manifest_path)
        for key, value in loaded.defaults.items():
            if key == "templates":
                defaults["templates"] = list(template_dirs) + value
            elif defaults.get(key) is None:
                defaults[key] = value
        loaded.defaults = defaults
        jobs = planning.manifest_jobs(loaded, outdir)
        if paths:
            jobs += planning.discover_jobs(list(paths), outdir, defaults)
        elif loaded.jobs is None:  # a docgen.yaml without jobs: every input of its folder
            jobs += planning.discover_jobs([loaded.folder], outdir, defaults)
    else:
        jobs = planning.discover_jobs(list(paths) or [Path(".")], outdir, defaults)
    import shutil
    import tempfile

    scratch = Path(tempfile.mkdtemp(prefix="docgen-build-pdf-"))  # Office files of the batch's PDFs
    try:
        _build(jobs, scratch, outdir, workers, force, pdf, shard, report, junit, started)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _build(jobs, scratch: Path, outdir: Path, workers: int | None, force: bool, pdf: bool, shard: str | None,
           report: Path | None, junit: Path | None, started: float) -> None:
    from docgen.build import targets as planning
    from docgen.build.results import counts, write_json, write_junit
    from docgen.build.runner import convert_pdfs
    from docgen.errors import BuildFailed

    jobs = planning.split_pdf_outputs(jobs, pdf, scratch)
    planning.check_outputs(jobs)  # before the shard, so no two shards write one file either
    jobs = planning.shard(jobs, shard)
    if any(job.pdf for job in jobs):
        from docgen.pdf import soffice

        soffice()  # fail early, with install advice, before building anything

    results = _run_with_progress(jobs, outdir, workers, force)
    if any(job.pdf for job in jobs):
        convert_pdfs(jobs, results)
    seconds = time.perf_counter() - started
    if report:
        write_json(results, report, seconds)
    if junit:
        write_junit(results, junit, seconds)
    _summary(results, seconds)
    _debug_tracebacks(results)
    tally = counts(results)
    if tally["error"] or tally["failed"]:
        bad = [r.input for r in results if r.status in ("error", "failed")]
        internal = sum(r.internal for r in results)
        code = 3 if internal else 2 if tally["error"] else 1
        note = f" ({internal} internal error{'s' if internal > 1 else ''}: please report)" if internal else ""
        raise BuildFailed(f"{len(bad)} of {len(results)} inputs failed{note}: {', '.join(bad)}", exit_code=code)


def _check_report_paths(**paths: Path | None) -> None:
    """Raise OutputError, before anything is built, when a --report/--junit file cannot be written."""
    from docgen.errors import OutputError

    for option, path in paths.items():
        if path is None:
            continue
        if path.is_dir():
            example = path / ("junit.xml" if option == "junit" else "report.json")
            raise OutputError(f"--{option} {path}: is a folder; give a file name such as {example}")
        if path.exists() and not path.is_file():
            raise OutputError(f"--{option} {path}: is not a regular file")
        parent = path.parent
        while not parent.exists() and parent != parent.parent:
            parent = parent.parent
        if not parent.is_dir():
            raise OutputError(f"--{option} {path}: {parent} is a file, not a folder")


def _debug_tracebacks(results) -> None:
    """Print the traceback of every internal error when DOCGEN_DEBUG=1."""
    import os

    if os.environ.get("DOCGEN_DEBUG", "").strip() in ("", "0"):
        return
    for result in results:
        if result.traceback:
            click.echo(f"traceback of {result.input}:\n{result.traceback.rstrip()}", err=True)


def _run_with_progress(jobs, outdir, workers, force):
    from docgen.build.runner import run_jobs

    if not sys.stderr.isatty():
        def plain(result):
            line = f"{result.status:7} {result.input}"
            if result.error:
                line += f": {result.error}"
            click.echo(line, err=True)
            for warning in result.warnings:
                click.echo(f"warning: {warning}", err=True)

        return run_jobs(jobs, outdir, workers, force, plain, _warn)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("[bold]docgen build"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task("build", total=len(jobs))

        def advance(result):
            progress.advance(task)
            if result.error:
                progress.console.print(f"[red]{result.status}[/red] {result.input}: {result.error}")
            for warning in result.warnings:
                progress.console.print(f"[yellow]warning[/yellow] {warning}")

        def warn(message: str) -> None:
            progress.console.print(f"[yellow]warning[/yellow] {message}")

        return run_jobs(jobs, outdir, workers, force, advance, warn)


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


def _summary(results, seconds: float) -> None:
    from docgen.build.results import counts

    tally = counts(results)
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title="docgen build")
        for column in ("input", "kind", "status", "outputs", "seconds"):
            table.add_column(column)
        for r in results:
            colour = {"ok": "green", "skipped": "dim", "failed": "yellow", "error": "red"}[r.status]
            table.add_row(r.input, r.kind, f"[{colour}]{r.status}[/{colour}]", str(len(r.outputs)),
                          f"{r.seconds:.2f}")
        Console().print(table)
    click.echo(f"built {tally['ok']}, up to date {tally['skipped']}, gate failed {tally['failed']}, "
               f"errors {tally['error']} of {len(results)} inputs in {seconds:.2f} s")
