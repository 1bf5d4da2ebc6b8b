"""Word specifications (.docx): the requirements the Markdown reader finds in the same text.

The document is turned into Markdown (:mod:`docgen.readers.docx_markdown`) and read by the
Markdown specification reader's own extraction (``--mode id`` or ``keyword``, BCP 14 levels,
boilerplate, lead-ins), so a Word specification gives the requirements of the same text in
Markdown. Requirement tables (an ID and a Requirement column) are read by their columns in
either mode and keep their ids. Places are "paragraph N" or "table T, row R".
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.readers.docx_markdown import WordMarkdown, to_markdown
from docgen.readers.matrix_columns import matrix_requirements
from docgen.readers.office_open import OfficeSource, open_checked
from docgen.readers.table import ReadOptions

_NOTHING = {
    "id": "no requirement found in id mode (no identifier like ABC-001 at the start of a paragraph, "
          "list item or table row, and no table with ID and Requirement columns); try --mode keyword",
    "keyword": "no requirement found in keyword mode (no upper-case BCP 14 keyword in a paragraph, "
               "list item or table); try --mode id or --id-pattern",
}


def _section_before(parsed, line: int) -> str | None:
    """Return the section name of the last heading above Markdown ``line``, or None."""
    from docgen.readers.spec_markdown.sections import sections_of

    sections = sections_of(parsed.blocks, parsed.kramdown_rfc)
    name = None
    for index, block in enumerate(parsed.blocks):
        if block.kind == "heading" and block.line < line:
            name = sections[index].name
    return name


def _open(path: Path):
    """Return the python-docx Document of ``path`` after the package checks, or raise InputError."""
    import docx

    checked = open_checked(path, "docx")
    try:
        return docx.Document(checked.stream()), checked
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise InputError.single(path, f"is not a Word document python-docx can read ({exc})") from None


def _title(document, markdown: WordMarkdown, parsed, path: Path) -> tuple[dict, dict[str, int | str]]:
    """Return the specification block (title from the Title style, core properties, first heading)."""
    props = document.core_properties
    spec: dict = {}
    where: dict[str, int | str] = {}
    if markdown.title:
        spec["title"], where["specification.title"] = markdown.title
    elif (props.title or "").strip():
        spec["title"], where["specification.title"] = props.title.strip(), "document properties"
    else:
        heading = next((b for b in parsed.blocks if b.kind == "heading"), None)
        spec["title"] = heading.lines[0] if heading else path.stem
        if heading:
            where["specification.title"] = markdown.place_of(heading.line)
    for key, value in (("reference", props.identifier), ("version", props.version)):
        if (value or "").strip():
            spec[key] = value.strip()
            where[f"specification.{key}"] = "document properties"
    return spec, where


def read_spec_docx(path: Path, options: ReadOptions) -> OfficeSource:
    """Return the Source of a Word specification, shaped like requirements.yaml.

    Raise InputError for a refused or unreadable file and when no requirement is found.
    """
    from docgen.readers.spec_markdown import analyse

    path = Path(path)
    document, _ = _open(path)
    markdown = to_markdown(document)
    mode = options.mode
    if mode is None and markdown.tables:
        mode = "id"  # a requirement table is a series of identifiers, as a Markdown table would be
    used, found, parsed = analyse(markdown.text, mode, options.id_pattern)
    entries: list[tuple[int, dict, dict[str, str]]] = [
        (req.line, req.as_dict(), {"": markdown.place_of(req.line)}) for req in found]
    warnings: list[Problem] = []
    for table in markdown.tables:
        result = matrix_requirements(table.rows, table.columns, _section_before(parsed, table.line))
        entries += [(table.line, data, places) for data, places in zip(result.requirements, result.places)]
        warnings += [Problem(str(path), message, place) for place, message in result.warnings]
    if not entries:
        raise InputError.single(path, _NOTHING[used])
    entries.sort(key=lambda entry: entry[0])
    spec, lines = _title(document, markdown, parsed, path)
    lines["specification"] = lines.get("specification.title", "paragraph 1")
    requirements = []
    for index, (_, data, places) in enumerate(entries):
        requirements.append(data)
        for key, place in places.items():
            lines[f"requirements[{index}].{key}" if key else f"requirements[{index}]"] = place
    lines["requirements"] = entries[0][2][""]
    return OfficeSource(path=path, data={"specification": spec, "requirements": requirements},
                        lines=lines, format="docx", warnings=warnings)
