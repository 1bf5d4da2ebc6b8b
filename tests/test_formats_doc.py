"""docs/formats/: examples with every key, key tables and JSON Schemas that cannot drift from the models.

Regenerate the pages and schemas with ``python -m docgen.formats_doc`` after changing a model.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT

from docgen.formats_doc import EXAMPLES, WILDCARD, example_values, generated_files, key_rows
from docgen.readers.yaml_source import read_yaml
from docgen.schema import KINDS, schema_of, schema_text

FORMATS = ROOT / "docs" / "formats"
SAMPLE_KINDS = {
    "steering-committee.yaml": "meeting", "comite-pilotage.yaml": "meeting",
    "series/weekly-2026-11-17.yaml": "meeting", "series/weekly-2026-11-24.yaml": "meeting",
    "status.yaml": "status", "status-previous.yaml": "status", "status-large.yaml": "status",
    "payroll-interface-spec.yaml": "requirements", "payroll-interface-assessment.yaml": "assessment",
    "payroll-interface-assessment-previous.yaml": "assessment",
}


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = schema_of(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def errors(kind: str, data: dict) -> list[str]:
    """Return the schema's errors on ``data`` as "key.path: message", those inside anyOf included.

    A status list may also be a {headline:, items:} mapping (anyOf): an editor shows the errors
    of the branch that fits, so the test reads them too.
    """
    found: list[str] = []
    pending = list(validator(kind).iter_errors(data))
    while pending:
        error = pending.pop(0)
        found.append(f"{'.'.join(map(str, error.absolute_path))}: {error.message}")
        pending.extend(error.context or [])
    return found


@pytest.mark.parametrize("path", sorted(generated_files(FORMATS)), ids=lambda p: p.name)
def test_generated_pages_and_schemas_are_up_to_date(path):
    expected = generated_files(FORMATS)[path]
    assert path.exists(), f"{path.name} is missing: run python -m docgen.formats_doc"
    assert path.read_text(encoding="utf-8") == expected, f"{path.name} is stale: run python -m docgen.formats_doc"


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_example_holds_every_key_of_the_model(kind):
    values = example_values(read_yaml(FORMATS / EXAMPLES[kind]).data)
    missing = []
    for row in key_rows(kind):
        if WILDCARD in row.key:
            head, tail = row.key.split(WILDCARD)
            if not any(k.startswith(head) and k.endswith(tail) and k.count(".") == row.key.count(".")
                       for k in values):
                missing.append(row.key)
        elif row.key not in values:
            missing.append(row.key)
    assert missing == [], f"{EXAMPLES[kind]} lacks {missing}"
    known = {row.key for row in key_rows(kind)}
    unknown = [k for k in values if k not in known and not any(
        k.startswith(r.split(WILDCARD)[0]) for r in known if WILDCARD in r)]
    assert unknown == [], f"{EXAMPLES[kind]} holds keys the model ignores: {unknown}"


@pytest.mark.parametrize("kind", sorted(EXAMPLES))
def test_example_is_valid_for_docgen_and_for_its_schema(invoke, kind):
    path = FORMATS / EXAMPLES[kind]
    result = invoke("validate", path)
    assert result.exit_code == 0 and result.output.startswith("ok: "), result.output
    assert errors(kind, read_yaml(path).data) == []
    assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema={kind}.schema.json\n")


@pytest.mark.parametrize("name", sorted(SAMPLE_KINDS))
def test_samples_name_their_schema_and_are_valid(name):
    path = ROOT / "samples" / name
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    schema_path = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema_path == (FORMATS / f"{SAMPLE_KINDS[name]}.schema.json").resolve()
    assert errors(SAMPLE_KINDS[name], read_yaml(path).data) == []


@pytest.mark.parametrize("edit, where", [
    ({"overall": {"status": "purple"}}, "overall.status"),
    ({"project": {"report_date": "23/11/2026"}}, "project.report_date"),
    ({"risks": [{"title": "x", "probability": 7, "impact": 2}]}, "risks.0.probability"),
    ({"risks": [{"title": "x", "impact": 2}]}, "risks.0"),
    ({"milestones": [{"name": "x", "baseline": "2026-02-30"}]}, "milestones.0.baseline"),
])
def test_status_schema_flags_what_docgen_refuses(edit, where):
    data = read_yaml(FORMATS / "status.yaml").data
    for key, value in edit.items():
        data[key] = {**data[key], **value} if isinstance(value, dict) else value
    found = errors("status", data)
    assert any(e.startswith(where) for e in found), found


def test_meeting_schema_requires_attendees_and_agenda():
    data = read_yaml(FORMATS / "meeting.yaml").data
    del data["attendees"]
    data["agenda"] = []
    found = errors("meeting", data)
    assert any("'attendees' is a required property" in e for e in found), found
    assert any(e.startswith("agenda:") for e in found), found


def test_schemas_accept_what_docgen_accepts():
    status = read_yaml(FORMATS / "status.yaml").data
    status["budget"] = {"lines": status["budget"], "earned_value": {"spi": 0.9}}
    status["achievements"] = "One achievement as a single text"
    status["project"]["code"] = 2026
    assert errors("status", status) == []
    meeting = read_yaml(FORMATS / "meeting.yaml").data
    meeting["documents"] = ["A plain title", {"title": "With an address", "url": "https://example.com"}]
    meeting["meeting"]["start"] = "9h30"
    assert errors("meeting", meeting) == []


def test_schema_command_prints_and_writes(invoke, tmp_path):
    result = invoke("schema", "status")
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(schema_text("status"))
    assert json.loads(result.output)["properties"]["project"]["description"] == "Who and what the status is about."
    dest = tmp_path / "status.schema.json"
    result = invoke("schema", "meeting", "-o", dest)
    assert result.exit_code == 0 and dest.read_text(encoding="utf-8") == schema_text("meeting")
    assert invoke("schema", "minutes").exit_code == 2


def test_every_kind_has_a_page_linked_from_the_index():
    index = (FORMATS / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"]({kind}.md)" in index and f"({kind}.schema.json)" in index
    for page in ("markdown-spec.md", "markdown-notes.md", "spec.md", "compliance.yaml"):
        assert (FORMATS / page).exists() and f"({page})" in index


def test_markdown_spec_example_reads_as_its_page_says(invoke, tmp_path):
    dest = tmp_path / "c.json"
    assert invoke("checklist", FORMATS / "spec.md", "-o", dest).exit_code == 0
    ids = [item["id"] for item in json.loads(dest.read_text(encoding="utf-8"))["items"]]
    assert ids == [f"ESS-00{n}" for n in range(1, 7)]


def test_nothing_in_the_repository_names_the_shared_folder():
    needle = "../" + "shared"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode != 0:
        pytest.skip("not a git checkout")
    offenders = []
    for name in tracked.stdout.splitlines():
        path = ROOT / name
        if path.suffix in (".docx", ".pptx", ".xlsx", ".png", ".pdf") or not path.is_file():
            continue
        if needle in path.read_text(encoding="utf-8", errors="replace"):
            offenders.append(name)
    assert offenders == []


def test_readme_links_the_formats_not_the_shared_folder():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/formats/" in readme
    for path in Path(ROOT / "docs" / "formats").glob("*.yaml"):
        assert f"docs/formats/{path.name}" in readme, path.name


def test_schema_example_starts_a_status_that_validates(invoke, tmp_path):
    dest = tmp_path / "my-status.yaml"
    result = invoke("schema", "status", "--example", "-o", dest)
    assert result.exit_code == 0, result.output
    text = dest.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=my-status.schema.json\n")
    assert json.loads((tmp_path / "my-status.schema.json").read_text(encoding="utf-8")) == schema_of("status")
    assert invoke("validate", dest).exit_code == 0
    deck = tmp_path / "deck.pptx"
    assert invoke("deck", dest, "-o", deck).exit_code == 0 and deck.stat().st_size > 10_000
