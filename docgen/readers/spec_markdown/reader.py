"""Reading a Markdown specification file into a Source shaped like requirements.yaml."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path

from docgen.errors import InputError, Problem
from docgen.readers.source import Source, read_text
from docgen.readers.spec_markdown.extract import analyse
from docgen.readers.spec_markdown.ids import left_out, left_out_message
from docgen.readers.spec_markdown.keywords import find_keywords
from docgen.readers.yaml_source import parse_yaml

_DAY = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_KEY_LINE = re.compile(r"^([A-Za-z_]+)[ \t]*:[ \t]*(\S.*)$")
_TOML_TABLE = re.compile(r"^\[+([\w.]+)\]+$")
_TOML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(\S.*)$")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)(?:[ \t]+\w+)?[ \t]*$")
# "#### Version 3.1.0" near the top of a specification (OpenAPI, many corporate specs).
_VERSION = re.compile(r"^ {0,3}#{1,6}[ \t]+Version[ \t]+v?(\d+(?:\.\d+)*)[ \t]*$",
                      re.MULTILINE | re.IGNORECASE)
# Keywords that sit only where the rules say no requirement is (OpenFeature writes each
# requirement as a block quote): say so rather than "no keyword found".
_ONLY_OUTSIDE = ("no requirement found in keyword mode: its upper-case BCP 14 keywords are all in "
                 "code blocks, block quotes, comments, front matter, headings or the "
                 "boilerplate, which hold no requirement; try --mode id or --id-pattern")
_NO_REQUIREMENT = {
    "id": "no requirement found in id mode (no identifier like ABC-001 at the start of a "
          "line); try --mode keyword",
    "keyword": "no requirement found in keyword mode (no upper-case BCP 14 keyword found); "
               "try --mode id or --id-pattern",
}


@dataclass
class MarkdownSource(Source):
    """A Source read from a Markdown specification, with the reader's warnings."""

    warnings: list[Problem] = dataclass_field(default_factory=list)


def _scalar(value: object) -> str | None:
    """Return a front-matter value as text, or None for lists, mappings and placeholders."""
    if value is None or isinstance(value, (list, dict)):
        return None
    return str(value).strip() or None


def _front_matter(text: str, path: Path) -> tuple[dict, dict[str, int | str]]:
    """Return the front matter's specification fields and their lines ({} if there is none)."""
    lines = text.splitlines()
    if lines and lines[0].rstrip() == "%%%":
        return _specification_fields(*_toml_title_block(lines))
    if not lines or lines[0].rstrip() != "---":
        return {}, {}
    end = next((i for i in range(1, len(lines)) if _FRONT_END.match(lines[i].rstrip())), None)
    if end is None or end == 1:
        return {}, {}
    try:
        source = parse_yaml("\n".join(lines[1:end]), path, start_line=1)
        data, key_lines = source.data, source.lines
    except InputError:
        # Front matter that is not YAML (Jekyll/Liquid placeholders, tabs): the requirements
        # are still readable, so take the simple "key: value" lines and carry on.
        data, key_lines = {}, {}
        for index in range(1, end):
            match = _KEY_LINE.match(lines[index])
            if match and match.group(1) not in data:
                data[match.group(1)] = match.group(2).strip().strip("\"'")
                key_lines[match.group(1)] = index + 1
    return _specification_fields(data, key_lines)


def _toml_title_block(lines: list[str]) -> tuple[dict, dict[str, int]]:
    """Return the fields of mmark's ``%%%`` TOML title block, named as kramdown-rfc names them.

    Only ``key = value`` lines of the top level and of ``[seriesInfo]`` are read (enough for a
    title, a reference and a date; Python 3.10 has no TOML parser).
    """
    fields: dict = {}
    key_lines: dict[str, int] = {}
    table = ""
    for index in range(1, len(lines)):
        line = lines[index].strip()
        if line == "%%%":
            break
        header = _TOML_TABLE.match(line)
        if header:
            table = header.group(1)
            continue
        match = _TOML_KEY.match(line)
        if not match or table not in ("", "seriesInfo"):
            continue
        key, value = match.group(1), match.group(2).strip().strip("\"'")
        name = {"docName": "docname", "value": "series"}.get(key, key)
        if table == "seriesInfo" and key == "name":
            name = "series_name"
        fields.setdefault(name, value)
        key_lines.setdefault(name, index + 1)
    series = fields.pop("series", None)
    if series:
        name = "number" if fields.get("series_name", "").upper() == "RFC" else "docname"
        fields[name] = series
        key_lines[name] = key_lines["series"]
    if fields.get("date"):
        fields["date"] = fields["date"][:10]
    return fields, key_lines


def _specification_fields(data: dict, key_lines: Mapping[str, int | str]) -> tuple[dict, dict[str, int | str]]:
    """Return title, reference, version and date from front-matter ``data`` and their lines."""
    spec: dict = {}
    where: dict[str, int | str] = {}
    number = _scalar(data.get("number"))
    candidates = {
        "title": ["title"],
        "reference": ["reference", "docname"],
        "version": ["version"],
        "date": ["date"],
    }
    for field, keys in candidates.items():
        for key in keys:
            value = _scalar(data.get(key))
            if value:
                spec[field] = value
                where[f"specification.{field}"] = key_lines.get(key, 1)
                break
    # kramdown-rfc writes partial dates ("2022-06") or placeholders; only a day is a date here.
    if "date" in spec and not _DAY.match(spec["date"]):
        del spec["date"]
        del where["specification.date"]
    if number and number.isdigit():
        spec["reference"] = f"RFC {number}"
        where["specification.reference"] = key_lines.get("number", 1)
    return spec, where


def read_spec_markdown(path: Path, mode: str | None = None, id_pattern: str | None = None
                       ) -> Source:
    """Return the Source of a Markdown specification, shaped like requirements.yaml.

    ``mode`` is "id", "keyword" or None (by identifier when one is found, else by keyword);
    ``id_pattern`` is a regular expression for identifiers (default like ``ABC-001``, or the
    document's own scheme, see :mod:`docgen.readers.spec_markdown.ids`); when it leaves out
    tokens that look like identifiers at starting positions, the Source's ``warnings`` name up
    to three. Raise InputError if the file is empty or holds no requirement.
    """
    path = Path(path)
    text = read_text(path)
    if not text.strip():
        raise InputError.single(path, "is empty (expected a Markdown specification)")
    spec, lines = _front_matter(text, path)
    used, found, parsed = analyse(text, mode, id_pattern)
    if not found:
        elsewhere = used == "keyword" and find_keywords(text)
        raise InputError.single(path, _ONLY_OUTSIDE if elsewhere else _NO_REQUIREMENT[used])
    _complete_specification(spec, lines, parsed, text, path)
    data = {
        "specification": {key: spec.get(key) for key in ("title", "reference", "version", "date")
                          if spec.get(key) is not None},
        "requirements": [req.as_dict() for req in found],
    }
    lines.setdefault("specification", 1)
    lines["requirements"] = found[0].line
    for index, req in enumerate(found):
        lines[f"requirements[{index}]"] = req.line
    warnings = []
    if id_pattern is not None and used == "id":
        missed = left_out(parsed, id_pattern)
        if missed:
            warnings.append(Problem(str(path), left_out_message(id_pattern, [t for t, _ in missed]),
                                    missed[0][1]))
    return MarkdownSource(path=path, data=data, lines=lines, format="markdown", warnings=warnings)


def _complete_specification(spec: dict, lines: dict, parsed, text: str, path: Path) -> None:
    """Fill in a title (the first numbered heading, else the file name) and a version ("####
    Version 3.1.0" near the top) the front matter did not give, with their lines."""
    if "title" not in spec:
        heading = next((b for b in parsed.blocks if b.kind == "heading" and b.numbered), None)
        spec["title"] = heading.lines[0] if heading else path.stem
        if heading:
            lines["specification.title"] = heading.line
    if "version" not in spec:
        version = _VERSION.search("\n".join(text.splitlines()[:30]))
        if version:
            spec["version"] = version.group(1)
            lines["specification.version"] = text[: version.start(1)].count("\n") + 1
