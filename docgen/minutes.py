"""The minutes job: read meeting notes (YAML or Markdown), validate them, write each output."""

from __future__ import annotations

import tempfile
from pathlib import Path

from docgen import output as formats
from docgen.errors import InputError, Problem
from docgen.labels import Labels, load_labels
from docgen.model.meeting import Minutes
from docgen.model.validate import build
from docgen.readers.source import Source

MARKDOWN_SUFFIXES = (".md", ".markdown", ".txt")
YAML_SUFFIXES = (".yaml", ".yml")
FORMATS = ("docx", "md", "html", "pdf")


def read_source(path: Path) -> Source:
    """Return the raw Source of meeting notes at ``path``, read by the reader table (YAML by default)."""
    from docgen.readers.table import READERS, read

    path = Path(path)
    if ("meeting", path.suffix.lower()) not in READERS:
        from docgen.readers.yaml_source import read_yaml

        return read_yaml(path)
    return read(path, "meeting")


def _contract_minimums(source: Source) -> list[Problem]:
    """Return problems for contract keys YAML input must hold (Markdown notes may lack them)."""
    problems = []
    for key in ("attendees", "agenda"):
        value = source.data.get(key)
        if key not in source.data:
            problems.append(Problem(str(source.path), "required key is missing", None, key))
        elif isinstance(value, list) and not value:
            problems.append(Problem(str(source.path), "must hold at least one entry",
                                    source.line_of(key), key))
    if "meeting" not in source.data:
        problems.append(Problem(str(source.path), "required key is missing", None, "meeting"))
    return problems


def load(path: Path) -> Minutes:
    """Return the validated Minutes read from ``path``; raise InputError listing every problem."""
    source = read_source(path)
    problems = _contract_minimums(source) if source.format == "yaml" else []
    try:
        minutes = build(Minutes, source)
    except InputError as exc:
        known = {(p.key_path, p.message) for p in problems}
        problems += [p for p in exc.problems if (p.key_path, p.message) not in known]
        raise InputError(problems) from None
    if problems:
        raise InputError(problems)
    return minutes


def output_format(dest: Path) -> str:
    """Return the output format named by ``dest``'s extension, or raise OutputError."""
    return formats.output_format(dest, FORMATS)


def labels_for(minutes: Minutes, language: str | None, template_dirs: tuple[Path, ...]) -> Labels:
    """Return the labels of ``language`` or else of the meeting's own language."""
    return load_labels(language or minutes.meeting.language, template_dirs)


def to_pdf(docx_dest: Path, dest: Path) -> Path:
    """Convert the Word file just written to ``docx_dest`` into the PDF ``dest``; return ``dest``.

    Inside :func:`docgen.output.staged_outputs` the Word file is still a temporary file; it is
    converted under its own name so LibreOffice knows its format.
    """
    from docgen.pdf import convert_to_pdf

    staged = formats.staged_path(docx_dest)
    if staged == Path(docx_dest):
        return convert_to_pdf(Path(docx_dest), dest)
    with tempfile.TemporaryDirectory(prefix="docgen-pdf-source-") as tmp:
        source = Path(tmp, Path(docx_dest).name)
        source.symlink_to(staged.resolve())
        return convert_to_pdf(source, dest)


def write(minutes: Minutes, dest: Path, language: str | None = None,
          template_dirs: tuple[Path, ...] = (), reference: Path | None = None) -> Path:
    """Write ``minutes`` to ``dest`` in the format its extension names; return ``dest``."""
    fmt = output_format(dest)
    labels = labels_for(minutes, language, template_dirs)
    if fmt in ("md", "html"):
        from docgen.renderers import minutes_text

        return minutes_text.render(minutes, labels, dest, fmt, template_dirs)
    from docgen.ooxml.reference import load_reference
    from docgen.renderers import minutes_docx
    from docgen.template_path import find_template, search_path

    ref_path = reference or find_template("minutes.docx", search_path(list(template_dirs)))
    if fmt == "pdf":
        docx_dest = dest.with_suffix(".docx")
        minutes_docx.render(minutes, labels, load_reference(ref_path), docx_dest)
        return to_pdf(docx_dest, dest)
    return minutes_docx.render(minutes, labels, load_reference(ref_path), dest)
