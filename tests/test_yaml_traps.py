"""Silent traps of hand-written YAML: duplicate keys, values cut by ' #', budgets in thousands, missing templates."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from docgen.errors import InputError
from docgen.readers.source import join_path
from docgen.readers.yaml_source import parse_yaml, read_yaml
from tests.conftest import CONTRACT, ROOT

MEETING = """\
meeting:
  title: Steering committee
  date: 2026-11-24
  location: Room 4
attendees:
  - name: Claire Martin
meeting:
  date: 2026-11-25
agenda:
  - title: Budget
"""

STATUS = """\
project:
  name: CRM replacement
  report_date: 2026-11-23
  currency: EUR
  committee: CRM Steering Committee #4
  sponsor: Claire Martin   # business sponsor
overall:
  status: amber
budget:
  - {category: Licences, budget: 180, actual: 120, forecast: 180}
  - {category: Services, budget: 420, actual: 301.5, forecast: 431}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# --- duplicate keys -----------------------------------------------------------------------

def test_duplicate_key_in_a_mapping_is_an_error_naming_both_lines(invoke, tmp_path):
    path = _write(tmp_path, "meeting.yaml", "meeting:\n  title: Steering committee\n  date: 2026-11-24\n"
                  "  location: Room 4\n  chair: Claire Martin\n  minute_taker: Hugo Bernard\n  date: 2026-11-25\n"
                  "attendees:\n  - name: Claire Martin\nagenda:\n  - title: Budget\n")
    result = invoke("minutes", path, "-o", tmp_path / "out.md")
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}:7: meeting.date: duplicate key (first at line 3)\n"
    assert not (tmp_path / "out.md").exists()


def test_duplicate_top_level_key_is_an_error(invoke, tmp_path):
    path = _write(tmp_path, "meeting.yaml", MEETING)
    result = invoke("minutes", path, "-o", tmp_path / "out.md")
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}:7: meeting: duplicate key (first at line 1)\n"
    assert list(tmp_path.iterdir()) == [path]


def test_every_duplicate_of_a_file_is_reported_at_once():
    text = "a: 1\nb: 2\na: 3\nc:\n  - {x: 1, x: 2}\n  - {x: 1}\n"
    with pytest.raises(InputError) as caught:
        parse_yaml(text, Path("s.yaml"))
    assert caught.value.lines() == ["s.yaml:3: a: duplicate key (first at line 1)",
                                    "s.yaml:5: c[0].x: duplicate key (first at line 5)"]


def test_same_key_in_different_mappings_and_merge_keys_are_not_duplicates():
    text = ("base: &base {owner: Ann, due: 2026-12-01}\n"
            "actions:\n  - {<<: *base, id: A-1}\n  - {<<: *base, id: A-2, owner: Bob}\n")
    source = parse_yaml(text, Path("s.yaml"))
    assert source.data["actions"] == [{"owner": "Ann", "due": "2026-12-01", "id": "A-1"},
                                      {"owner": "Bob", "due": "2026-12-01", "id": "A-2"}]
    # a quoted "1" and a number 1 are different keys
    assert parse_yaml('m: {1: a, "1": b}\n', Path("s.yaml")).data == {"m": {1: "a", "1": "b"}}


def test_duplicate_key_in_markdown_front_matter_names_the_line_of_the_file(invoke, tmp_path):
    path = _write(tmp_path, "notes.md", "---\ntitle: Weekly\ndate: 2026-03-04\ndate: 2026-03-05\n---\n\n# Weekly\n")
    result = invoke("minutes", path, "-o", tmp_path / "out.md")
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}:4: date: duplicate key (first at line 3)\n"


def test_duplicate_key_in_status_and_specification(invoke, tmp_path):
    status = _write(tmp_path, "status.yaml", STATUS.replace("overall:\n", "overall:\n  status: green\n"))
    result = invoke("validate", status)
    assert result.exit_code == 2
    assert f"error: {status}:9: overall.status: duplicate key (first at line 8)" in result.stderr
    spec = _write(tmp_path, "spec.yaml", "specification:\n  title: S\nrequirements:\n"
                                         "  - {id: R-1, text: The system shall log., text: again}\n")
    result = invoke("checklist", spec, "-o", tmp_path / "c.md")
    assert result.exit_code == 2
    assert result.stderr == f"error: {spec}:4: requirements[0].text: duplicate key (first at line 4)\n"
    assert not (tmp_path / "c.md").exists()


def test_duplicate_key_in_docgen_yaml_is_refused_by_every_command(invoke, tmp_path, monkeypatch):
    (tmp_path / "corp").mkdir()
    _write(tmp_path, "docgen.yaml", "language: en\ntemplates: corp\nlanguage: fr\n")
    status = _write(tmp_path, "status.yaml", STATUS)
    monkeypatch.chdir(tmp_path)
    for args in (("deck", status, "-o", "deck.md"), ("build", "-o", "out")):
        result = invoke(*args)
        assert result.exit_code == 2, args
        assert "docgen.yaml:3: language: duplicate key (first at line 1)" in result.stderr, args
    assert not (tmp_path / "deck.md").exists() and not (tmp_path / "out").exists()


# --- values cut by ' #' -------------------------------------------------------------------

def test_value_cut_by_hash_is_a_warning_with_the_quoted_fix(invoke, tmp_path):
    status = _write(tmp_path, "status.yaml", STATUS.replace("budget: 180,", "budget: 180000,")
                    .replace("budget: 420,", "budget: 420000,"))
    result = invoke("validate", status)
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {status}:5: project.committee: text after ' #' was read as a comment; "
                             "quote the value to keep it (\"CRM Steering Committee #4\")\n")


def test_hash_cut_cases_and_ordinary_comments():
    text = ("a: plain value   # an explanation\n"
            "b: Sprint #12\n"
            "c: 'quoted #1'\n"
            "d: \"double #2\"\n"
            "e: see http://x.org/page#anchor\n"
            "f: mock cut-over  #3 with full data\n"
            "g: value #\n"
            "h: rule ## heading\n"
            "l:\n  - item #7\n  - fine # note\n"
            "m: |\n  block #5 is text\n")
    warnings = parse_yaml(text, Path("s.yaml"), start_line=10).warnings
    assert [(w.line, w.key_path) for w in warnings] == [(12, "b"), (16, "f"), (20, "l[0]")]
    assert '("mock cut-over  #3 with full data")' in warnings[1].message
    assert str(warnings[0]) == ("s.yaml:12: b: text after ' #' was read as a comment; "
                                "quote the value to keep it (\"Sprint #12\")")


@pytest.mark.parametrize("example", sorted(CONTRACT.glob("*.yaml")), ids=lambda p: p.name)
def test_format_examples_give_no_warning(example):
    assert read_yaml(example).warnings == []


def test_format_example_status_validates_without_any_warning(invoke):
    result = invoke("validate", CONTRACT / "status.yaml")
    assert result.exit_code == 0
    assert result.stderr == ""


# --- budgets that look like thousands -----------------------------------------------------

BUDGET_WARNING = ("budget: amounts are in currency units (EUR), not thousands: every budget line is under 1,000 "
                  "(write 431000 for €431k)")


def test_budget_in_thousands_warns_in_deck_validate_and_build(invoke, tmp_path):
    status = _write(tmp_path, "status.yaml", STATUS.replace(" #4", ""))
    expected = f"warning: {status}:9: {BUDGET_WARNING}\n"
    result = invoke("deck", status, "-o", tmp_path / "deck.md")
    assert result.exit_code == 0 and result.stderr == expected
    assert (tmp_path / "deck.md").is_file()
    result = invoke("validate", status)
    assert result.exit_code == 0 and result.stderr == expected
    result = invoke("build", status, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert expected in result.stderr
    assert (tmp_path / "out" / "status.pptx").is_file()


def test_budget_check_reads_the_mapping_form_and_the_currency(invoke, tmp_path):
    text = STATUS.replace(" #4", "").replace("currency: EUR", "currency: usd").replace(
        "budget:\n", "budget:\n  earned_value: {pv: 100, ev: 90, ac: 95}\n  lines:\n")
    text = text.replace("\n  - {", "\n    - {")
    status = _write(tmp_path, "status.yaml", text)
    result = invoke("validate", status)
    assert result.exit_code == 0
    assert result.stderr == (f"warning: {status}:9: budget: amounts are in currency units (USD), not thousands: "
                             "every budget line is under 1,000 (write 431000 for $431k)\n")


@pytest.mark.parametrize("lines", [
    "  - {category: Licences, budget: 180000, actual: 120, forecast: 180}\n",  # one line in units
    "  - {category: Licences, budget: 0, actual: 0}\n",  # nothing planned yet
    "  - {category: Licences, budget: 999.5}\n  - {category: Services, budget: 1000}\n",
])
def test_budget_check_is_quiet_when_some_amount_is_in_units(tmp_path, lines):
    from docgen.readers.status_checks import budget_in_thousands

    text = STATUS.replace(" #4", "").split("budget:\n")[0] + "budget:\n" + lines
    assert budget_in_thousands(parse_yaml(text, tmp_path / "s.yaml")) == []


def test_samples_give_no_budget_warning():
    from docgen.readers.status_checks import status_warnings

    for name in ("status.yaml", "status-large.yaml", "status-previous.yaml"):
        assert status_warnings(read_yaml(ROOT / "samples" / name)) == [], name


# --- template folders that do not exist ---------------------------------------------------

@pytest.mark.parametrize("command", [
    ("minutes", CONTRACT / "meeting.yaml", "-o", "m.md"),
    ("deck", CONTRACT / "status.yaml", "-o", "d.md"),
    ("checklist", CONTRACT / "requirements.yaml", "-o", "c.md"),
    ("agenda", CONTRACT / "meeting.yaml", "-o", "a.md"),
    ("build", CONTRACT / "status.yaml", "-o", "out"),
    ("templates", "list"),
], ids=lambda c: c[0])
def test_missing_templates_folder_is_an_error(invoke, tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    result = invoke(*command, "--templates", "corp")
    assert result.exit_code == 2
    assert result.stderr == "error: --templates: folder 'corp' does not exist\n"
    assert list(tmp_path.iterdir()) == []


def test_missing_docgen_templates_folder_is_an_error(invoke, tmp_path, monkeypatch):
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(tmp_path / "nope"))
    result = invoke("deck", CONTRACT / "status.yaml", "-o", tmp_path / "d.md")
    assert result.exit_code == 2
    assert result.stderr == f"error: DOCGEN_TEMPLATES: folder '{tmp_path / 'nope'}' does not exist\n"
    assert not (tmp_path / "d.md").exists()


def test_missing_docgen_yaml_templates_folder_is_an_error(invoke, tmp_path, monkeypatch):
    _write(tmp_path, "docgen.yaml", "templates: corp\n")
    monkeypatch.chdir(tmp_path)
    result = invoke("deck", CONTRACT / "status.yaml", "-o", "d.md")
    assert result.exit_code == 2
    assert "docgen.yaml:1: templates[0]: template folder 'corp' not found" in result.stderr
    assert not (tmp_path / "d.md").exists()


def test_existing_templates_folder_still_works(invoke, tmp_path):
    shutil.copytree(ROOT / "samples" / "pmo-templates", tmp_path / "corp")
    result = invoke("minutes", CONTRACT / "meeting.yaml", "--templates", tmp_path / "corp", "-o", tmp_path / "m.md")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "m.md").read_text(encoding="utf-8").strip()


def test_library_search_path_refuses_a_missing_folder(tmp_path):
    from docgen.errors import ConfigError
    from docgen.template_path import builtin_dir, search_path

    assert search_path([tmp_path]) == [tmp_path, builtin_dir()]
    with pytest.raises(ConfigError, match="template folder '.*missing' does not exist"):
        search_path([tmp_path / "missing"])


# --- what did not change ------------------------------------------------------------------

def _old_record_lines(node: yaml.Node, path: str, lines: dict[str, int]) -> None:
    """The line recording the reader used before the single walk (kept here as the reference)."""
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                child = join_path(path, key_node.value)
                lines[child] = key_node.start_mark.line + 1
                _old_record_lines(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _old_record_lines(item, join_path(path, index), lines)


@pytest.mark.parametrize("example", sorted(CONTRACT.glob("*.yaml")) + sorted((ROOT / "samples").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_lines_of_key_paths_are_those_of_before(example):
    text = example.read_text(encoding="utf-8")
    expected: dict[str, int] = {}
    _old_record_lines(yaml.compose(text, Loader=yaml.SafeLoader), "", expected)
    assert read_yaml(example).lines == expected


def test_small_anchors_and_aliases_keep_working():
    text = "team: &team [Ann, Bob]\na: {owners: *team}\nb: {owners: *team}\n" + "".join(
        f"k{i}: *team\n" for i in range(200))
    source = parse_yaml(text, Path("s.yaml"))
    assert source.data["a"]["owners"] == ["Ann", "Bob"] and source.data["k199"] == ["Ann", "Bob"]
    assert source.lines["b.owners"] == 3


def test_load_yaml_data_refuses_like_inputs_for_label_and_layout_files():
    from docgen.readers.yaml_source import load_yaml_data

    assert load_yaml_data("- a\n- b\n", Path("deck-layouts.yaml")) == ["a", "b"]
    assert load_yaml_data("", Path("en.yaml")) is None
    with pytest.raises(InputError) as caught:
        load_yaml_data("date:\n  long: x\ndate: y\n", Path("labels/en.yaml"))
    assert caught.value.lines() == ["labels/en.yaml:3: date: duplicate key (first at line 1)"]
    with pytest.raises(InputError, match="alias bomb"):
        load_yaml_data("a: &a [" + ", ".join(["x"] * 200) + "]\nb: [" + ", ".join(["*a"] * 200) + "]\n",
                       Path("deck-layouts.yaml"))


def test_value_cut_by_hash_is_warned_for_meetings_agendas_and_checklists(invoke, tmp_path):
    meeting = (CONTRACT / "meeting.yaml").read_text(encoding="utf-8").replace(
        "  location: Paris HQ, room 4.02 and Teams\n  chair:", "  location: Paris HQ #4.02\n  chair:", 1)
    meeting_file = _write(tmp_path, "meeting.yaml", meeting)
    for args in (("minutes", meeting_file, "-o", tmp_path / "m.md"), ("agenda", meeting_file, "-o", tmp_path / "a.md")):
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert f"warning: {meeting_file}:" in result.stderr and "meeting.location: text after ' #'" in result.stderr
    spec = (CONTRACT / "requirements.yaml").read_text(encoding="utf-8").replace(
        "  reference: SPEC-PAY-001", "  reference: SPEC #PAY-001", 1)
    spec_file = _write(tmp_path, "spec.yaml", spec)
    result = invoke("checklist", spec_file, "-o", tmp_path / "c.md")
    assert result.exit_code == 0, result.output
    assert "specification.reference: text after ' #' was read as a comment" in result.stderr
