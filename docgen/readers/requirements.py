"""Reading a specification's requirements and an assessment: the reader is chosen by extension."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import InputError
from docgen.readers.source import Source

SPEC_EXTENSIONS = (".yaml", ".yml", ".csv", ".md", ".markdown")
ASSESSMENT_EXTENSIONS = (".yaml", ".yml", ".csv")
# Headers of the French Excel checklist, so a sheet filled in and saved as CSV reads back.
_ASSESSMENT_ALIASES = {"réf.": "id", "statut": "status", "preuve": "evidence",
                       "responsable": "owner", "commentaire": "comment"}


def _suffix(path: Path, allowed: tuple[str, ...], what: str) -> str:
    suffix = path.suffix.lower()
    if suffix not in allowed:
        raise InputError.single(
            path, f"unknown {what} format '{suffix or '(none)'}' (expected {', '.join(allowed)})")
    return suffix


def read_requirements(path: Path, mode: str | None = None, id_pattern: str | None = None) -> Source:
    """Return the Source of a specification in YAML, CSV or Markdown, in requirements.yaml's shape.

    A CSV holds only requirements (columns ``id``, ``text`` required; ``section``, ``level``,
    ``category``, ``keywords`` optional); its file name becomes the specification's title.
    ``mode`` (``id`` or ``keyword``) and ``id_pattern`` apply to Markdown only.
    """
    path = Path(path)
    suffix = _suffix(path, SPEC_EXTENSIONS, "specification")
    if suffix == ".csv":
        from docgen.readers.csv_table import read_csv_table

        source = read_csv_table(path, "requirements", ("id", "text"))
        source.data["specification"] = {"title": path.stem}
        return source
    if suffix in (".md", ".markdown"):
        from docgen.readers.spec_markdown import read_spec_markdown

        source = read_spec_markdown(path, mode=mode, id_pattern=id_pattern)
        if not source.data.get("requirements"):
            other = "keyword" if mode == "id" else "id"
            raise InputError.single(
                path, f"no requirement found (mode {mode or 'auto'}); try --mode {other}"
                + (" or another --id-pattern" if other == "keyword" else ""))
        return source
    from docgen.readers.yaml_source import read_yaml

    return read_yaml(path)


def read_assessment(path: Path) -> Source:
    """Return the Source of an assessment in YAML or CSV, in compliance.yaml's shape.

    A CSV holds only entries (columns ``id``, ``status`` required; ``evidence``, ``owner``,
    ``comment`` optional); the column headings of the Excel checklist (English or French) work
    too, so a checklist filled in by reviewers and saved as CSV reads back.
    """
    path = Path(path)
    suffix = _suffix(path, ASSESSMENT_EXTENSIONS, "assessment")
    if suffix == ".csv":
        from docgen.readers.csv_table import read_csv_table

        return read_csv_table(path, "compliance", ("id", "status"), _ASSESSMENT_ALIASES)
    from docgen.readers.yaml_source import read_yaml

    return read_yaml(path)
