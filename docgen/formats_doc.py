"""The key tables of docs/formats/, generated from the JSON Schemas of the input models.

``python -m docgen.formats_doc`` rewrites ``docs/formats/<kind>.md``; a test checks that the
committed pages equal what this module generates, and that each example file holds every key.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docgen.schema import EXAMPLES, KINDS, schema_of

__all__ = ["EXAMPLES", "KeyRow", "example_values", "generated_files", "key_rows", "page"]


@dataclass(frozen=True)
class KeyRow:
    """One line of a key table: key path, type, whether required, meaning."""

    key: str
    type: str
    required: bool
    meaning: str


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _branches(schema: dict[str, Any], node: dict[str, Any]) -> list[dict[str, Any]]:
    node = _resolve(schema, node)
    options = node.get("anyOf") or node.get("oneOf")
    if not options:
        return [node]
    return [b for option in options for b in _branches(schema, option) if b.get("type") != "null"]


def _type_name(schema: dict[str, Any], node: dict[str, Any]) -> str:
    names = []
    for branch in _branches(schema, node):
        if "enum" in branch or "const" in branch:
            values = branch.get("enum", [branch.get("const")])
            names.append(" \\| ".join(f"`{v}`" for v in values))
        elif branch.get("format") == "date":
            names.append("date")
        elif "pattern" in branch and branch.get("type") == "string":
            names.append("time")
        elif branch.get("type") == "array":
            names.append(f"list of {_type_name(schema, branch.get('items', {}))}")
        elif branch.get("type") == "object" or "properties" in branch:
            names.append("mapping")
        elif branch.get("type") in ("integer", "number"):
            names.append("whole number" if branch["type"] == "integer" else "number")
        else:
            names.append("text")
    unique = list(dict.fromkeys(names))
    return " or ".join(unique)


def _object_of(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any] | None:
    for branch in _branches(schema, node):
        if branch.get("type") == "array":
            inner = _object_of(schema, branch.get("items", {}))
            if inner:
                return inner
        elif "properties" in branch:
            return branch
    return None


WILDCARD = "<name>"


def _shared_record(schema: dict[str, Any], properties: dict[str, Any]) -> dict[str, Any] | None:
    refs = {str(_branches_refs(node)) for node in properties.values()}
    if len(properties) < 3 or len(refs) != 1:
        return None
    return _object_of(schema, next(iter(properties.values())))


def _branches_refs(node: dict[str, Any]) -> list[str]:
    options = node.get("anyOf") or [node]
    return sorted(option["$ref"] for option in options if "$ref" in option) or ["-"]


def key_rows(kind: str) -> list[KeyRow]:
    """Return the key table of input ``kind``: every key path, in model order, nested keys after their parent."""
    schema = schema_of(kind)
    rows: list[KeyRow] = []

    def walk(obj: dict[str, Any], prefix: str) -> None:
        required = set(obj.get("required", []))
        properties = obj.get("properties", {})
        shared = _shared_record(schema, properties)
        for name, node in properties.items():
            path = f"{prefix}{name}"
            is_list = any(b.get("type") == "array" for b in _branches(schema, node))
            meaning = node.get("description") or _resolve(schema, node).get("description", "")
            if node.get("default") not in (None, [], {}, ""):
                meaning += f" Default `{node['default']}`."
            rows.append(KeyRow(path, _type_name(schema, node), name in required, meaning))
            inner = _object_of(schema, node)
            if inner is not None and shared is None:
                walk(inner, f"{path}[]." if is_list else f"{path}.")
        if shared is not None:
            # Keys that all hold the same record (the six dimensions): its keys are listed once.
            walk(shared, f"{prefix}{WILDCARD}.")

    walk(schema, "")
    return rows


def example_values(data: Any, prefix: str = "") -> dict[str, Any]:
    """Return the first value of every key path in ``data`` (list items written ``key[].sub``)."""
    found: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            path = f"{prefix}{key}"
            found.setdefault(path, value)
            inner_prefix = f"{path}[]." if isinstance(value, list) else f"{path}."
            for sub, sub_value in example_values(value, inner_prefix).items():
                found.setdefault(sub, sub_value)
    elif isinstance(data, list):
        for item in data:
            for sub, sub_value in example_values(item, prefix).items():
                found.setdefault(sub, sub_value)
    return found


def _example_cell(value: Any) -> str:
    if isinstance(value, list) and value and not isinstance(value[0], (dict, list)):
        value = value[0]
    if isinstance(value, (dict, list)):
        return ""
    text = " ".join(str(value).split())
    if len(text) > 40:
        text = text[:39] + "…"
    return f"`{text}`".replace("|", "\\|") if text else ""


def page(kind: str, formats_dir: Path) -> str:
    """Return the Markdown page of input ``kind``: its example file and key table."""
    from docgen.readers.yaml_source import read_yaml

    example = EXAMPLES[kind]
    values = example_values(read_yaml(formats_dir / example).data)
    title = KINDS[kind][2].removeprefix("docgen ")
    lines = [
        f"# Input format: {title}",
        "",
        f"Example with every key: [`{example}`]({example}). JSON Schema: [`{kind}.schema.json`]({kind}.schema.json)",
        f"(also printed by `docgen schema {kind}`).",
        "",
        "Generated from the models by `python -m docgen.formats_doc`; a test fails when this page,",
        "the schema or the example drift apart. Keys not listed here are ignored.",
        "",
        "| key | type | required | meaning | example |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in key_rows(kind):
        if WILDCARD in row.key and row.key not in values:
            head, tail = row.key.split(WILDCARD, 1)
            values[row.key] = next((v for k, v in values.items() if k.startswith(head) and k.endswith(tail)
                                    and k.count(".") == row.key.count(".")), None)
        lines.append(f"| `{row.key}` | {row.type} | {'yes' if row.required else ''} | {row.meaning} | "
                     f"{_example_cell(values.get(row.key))} |")
    return "\n".join(lines) + "\n"


def generated_files(formats_dir: Path) -> dict[Path, str]:
    """Return every generated file of ``formats_dir`` (pages and schemas) with its text."""
    from docgen.schema import schema_text

    files: dict[Path, str] = {}
    for kind in EXAMPLES:
        files[formats_dir / f"{kind}.md"] = page(kind, formats_dir)
        files[formats_dir / f"{kind}.schema.json"] = schema_text(kind)
    return files


def main(argv: list[str]) -> int:
    """Rewrite the generated files of docs/formats/ (or the folder given); return the exit status."""
    formats_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "docs" / "formats"
    for path, text in generated_files(formats_dir).items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
