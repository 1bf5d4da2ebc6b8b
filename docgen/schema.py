"""JSON Schemas of the YAML input kinds, generated from the pydantic models.

Editors (VS Code's YAML extension, JetBrains IDEs) read them through a
``# yaml-language-server: $schema=...`` comment and then complete keys and flag errors as a
PMO types; ``docgen schema KIND`` prints them.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

# kind -> (module, model class, title of the schema)
KINDS: dict[str, tuple[str, str, str]] = {
    "meeting": ("docgen.model.meeting", "Minutes", "docgen meeting (minutes and agenda)"),
    "status": ("docgen.model.status", "Status", "docgen project status (committee deck)"),
    "requirements": ("docgen.model.requirements", "RequirementSet", "docgen requirements (specification)"),
    "assessment": ("docgen.model.requirements", "AssessmentSet", "docgen compliance assessment"),
}
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
# kind -> its example with every key, in docs/formats/ (shipped in the wheel as docgen/_formats)
EXAMPLES: dict[str, str] = {
    "meeting": "meeting.yaml",
    "status": "status.yaml",
    "requirements": "requirements.yaml",
    "assessment": "compliance.yaml",
}


def formats_dir() -> Path:
    """Return the folder of the format examples (inside the wheel, or the source checkout's docs/formats)."""
    here = Path(__file__).resolve().parent
    installed = here / "_formats"
    return installed if installed.is_dir() else here.parent / "docs" / "formats"


def example_text(kind: str) -> str:
    """Return the example file of input ``kind``, with every key, as text."""
    return (formats_dir() / EXAMPLES[kind]).read_text(encoding="utf-8")


def model_of(kind: str) -> type[BaseModel]:
    """Return the pydantic model class of input ``kind``; raise KeyError for an unknown kind."""
    module, name, _ = KINDS[kind]
    return getattr(importlib.import_module(module), name)


def schema_of(kind: str) -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of input ``kind`` as a dict."""
    schema = model_of(kind).model_json_schema(mode="validation")
    _WIDEN.get(kind, lambda _: None)(schema)
    return {"$schema": SCHEMA_DIALECT, "title": KINDS[kind][2], **{k: v for k, v in schema.items() if k != "title"}}


def _meeting(schema: dict[str, Any]) -> None:
    # YAML meetings must list attendees and agenda (Markdown notes may lack them: see minutes.load).
    schema["required"] = sorted({*schema.get("required", []), "attendees", "agenda"})
    for key in ("attendees", "agenda"):
        schema["properties"][key]["minItems"] = 1
    documents = schema["properties"]["documents"]
    documents["items"] = {"anyOf": [documents["items"], {"type": "string"}]}


def _status(schema: dict[str, Any]) -> None:
    # A section's list may also be a mapping {headline: ..., items: [...]} (budget: {headline:,
    # lines: [...], earned_value: {...}}): see model.status.SECTION_LISTS.
    from docgen.model.status import SECTION_LISTS

    for section, key in SECTION_LISTS.items():
        prop = schema["properties"][section]
        listed = {name: prop.pop(name) for name in ("type", "items") if name in prop}
        mapping: dict[str, Any] = {"headline": {"type": "string"}, key: listed}
        if section == "budget":
            mapping["earned_value"] = {"$ref": "#/$defs/EarnedValue"}
        prop["anyOf"] = [listed, {"type": "object", "properties": mapping, "additionalProperties": False}]


_WIDEN = {"meeting": _meeting, "status": _status}


def schema_text(kind: str) -> str:
    """Return the JSON Schema of input ``kind`` as indented JSON text ending with a newline."""
    return json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"
