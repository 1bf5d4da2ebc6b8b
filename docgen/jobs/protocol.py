"""What every job shares: picking a writer by the output's extension, and PDF through LibreOffice.

A writer is ``write(model, ctx, dest) -> Path``. PDF is one wrapper around any .docx/.pptx writer:
the Office file is written to a temporary folder and converted from there, so no Office file of
the same name is created or touched beside the PDF.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from docgen.errors import OutputError
from docgen.jobs.context import RenderContext

# The model is the job's own (Minutes, Period, Checklist...): Any, as each writer names its type.
Writer = Callable[[Any, RenderContext, Path], Path]


def writer_for(writers: Mapping[str, Writer], dest: Path) -> Writer:
    """Return the writer of ``dest``'s extension among ``writers``; raise OutputError naming the others."""
    suffix = Path(dest).suffix.lower()
    if suffix not in writers:
        known = ", ".join(sorted(writers))
        raise OutputError(f"{dest}: unknown output format '{suffix or '(none)'}' (use {known})")
    return writers[suffix]


def check_outputs(writers: Mapping[str, Writer], outputs: list[Path] | tuple[Path, ...]) -> None:
    """Raise OutputError, before anything is read, when an output's extension has no writer."""
    for dest in outputs:
        writer_for(writers, dest)
    if any(Path(d).suffix.lower() == ".pdf" for d in outputs):
        from docgen.pdf import soffice

        soffice()  # install advice before any work


def write_all(writers: Mapping[str, Writer], model: object, ctx: RenderContext, outputs: list[Path]) -> list[Path]:
    """Write ``model`` to every output with the writer its extension names; return the outputs."""
    written = []
    for dest in outputs:  # a loop, not a comprehension: one frame less under a recursing template
        written.append(writer_for(writers, dest)(model, ctx, Path(dest)))
    return written


def pdf(office: Writer, suffix: str) -> Writer:
    """Return a writer of PDF converting what ``office`` writes as a ``suffix`` (.docx/.pptx) file."""

    def write_pdf(model: object, ctx: RenderContext, dest: Path) -> Path:
        from docgen.output import unstaged
        from docgen.pdf import convert_to_pdf

        with tempfile.TemporaryDirectory(prefix="docgen-pdf-") as tmp:
            scratch = Path(tmp, Path(dest).with_suffix(suffix).name)
            with unstaged():  # a scratch file: never staged, removed with the folder
                office(model, ctx, scratch)
            return convert_to_pdf(scratch, Path(dest))

    write_pdf.__doc__ = f"Write ``model`` as PDF to ``dest``, converted from a temporary {suffix} file."
    write_pdf.office = office  # type: ignore[attr-defined]
    write_pdf.office_suffix = suffix  # type: ignore[attr-defined]
    return write_pdf
