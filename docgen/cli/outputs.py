"""What the commands say about a run: its warnings, and each file written (all staged, none on a failure)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import click


def warn(warnings: Iterable[object]) -> None:
    """Print each warning on stderr as ``warning: ...``."""
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def write_and_report(writers: Mapping, model: object, ctx, targets: list[Path]) -> list[Path]:
    """Write ``model`` to every target with ``writers`` (all rendered before any is written); say each; return them."""
    from docgen.jobs.protocol import write_all
    from docgen.output import staged_outputs

    with staged_outputs():
        written = write_all(writers, model, ctx, targets)
    for path in written:
        click.echo(f"wrote {path}")
    return written
