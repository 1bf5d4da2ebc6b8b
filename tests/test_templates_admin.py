"""`docgen templates init/list/context` and docgen.yaml's templates/language."""

from __future__ import annotations

import ast
import os

import docx
import pytest
from conftest import CONTRACT, ROOT

from docgen.template_path import builtin_dir

MEETING = CONTRACT / "meeting.yaml"


def test_init_copies_builtins_and_a_readme(invoke, tmp_path):
    folder = tmp_path / "pmo"
    result = invoke("templates", "init", folder)
    assert result.exit_code == 0, result.output
    for name in ("minutes.docx", "report.docx", "checklist.docx", "labels/en.yaml", "labels/fr.yaml",
                 "minutes.md.j2", "minutes.html.j2"):
        assert (folder / name).read_bytes() == (builtin_dir() / name).read_bytes(), name
    if (builtin_dir() / "deck.pptx").exists():
        assert (folder / "deck.pptx").is_file()
    assert not (folder / "src").exists()
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "| `minutes.docx` | Word styles, page set-up, header and footer of the minutes" in readme
    assert f"--templates {folder.as_posix()}" in readme
    assert "DOCGEN_TEMPLATES" in readme and 'extends "builtin:minutes.md.j2"' in readme


def test_init_refuses_to_overwrite_without_force(invoke, tmp_path):
    folder = tmp_path / "pmo"
    folder.mkdir()
    (folder / "minutes.docx").write_bytes(b"mine")
    result = invoke("templates", "init", folder)
    assert result.exit_code == 2
    assert "would overwrite minutes.docx" in result.output and "--force" in result.output
    assert (folder / "minutes.docx").read_bytes() == b"mine"
    assert not (folder / "README.md").exists()  # nothing written at all
    assert invoke("templates", "init", folder, "--force").exit_code == 0
    assert (folder / "minutes.docx").read_bytes() == (builtin_dir() / "minutes.docx").read_bytes()


def test_list_shows_the_first_folder_supplying_each_name(invoke, tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    (first / "labels").mkdir(parents=True)
    second.mkdir()
    (first / "labels" / "en.yaml").write_text("x", encoding="utf-8")
    (second / "minutes.docx").write_bytes(b"x")
    (first / "minutes.docx").write_bytes(b"x")
    (second / "extra.docx").write_bytes(b"x")
    monkeypatch.setenv("DOCGEN_TEMPLATES", str(second))
    result = invoke("templates", "list", "--templates", first)
    assert result.exit_code == 0, result.output
    rows = dict(line.split(None, 1) for line in result.output.splitlines())
    assert rows["minutes.docx"] == str(first)
    assert rows["labels/en.yaml"] == str(first)
    assert rows["extra.docx"] == str(second)
    assert rows["labels/fr.yaml"] == "built-in"
    assert rows["report.docx"] == "built-in"


def test_context_lists_every_variable_of_the_real_minutes_context(invoke):
    from docgen.labels import load_labels
    from docgen.model.meeting import Minutes
    from docgen.renderers.minutes_docx_template import context

    result = invoke("templates", "context", "minutes")
    assert result.exit_code == 0, result.output
    out = result.output
    sample = Minutes.model_validate({"meeting": {"title": "t", "date": "2026-01-01"}})
    names = {line.split()[0].split("(")[0] for line in out.splitlines() if line.startswith("  ")
             and not line.startswith("    ")}
    assert set(context(sample, load_labels("en"))) | {"rich"} <= names
    for line in out.splitlines():
        if line.startswith("  ") and not line.startswith("    ") and ":" not in line.split()[0]:
            assert len(line.split(None, 2)) == 3, f"no type or description: {line!r}"
    assert "  actions           list of Action       Every new action of the meeting" in out
    assert "  previous_actions  list of Action" in out
    assert "Action: An action item: who does what by when." in out
    assert "    due               date or none" in out
    assert "open | in_progress | done | cancelled" in out
    assert "date(day, short=False)" in out and "rich(text)" in out


def test_context_of_the_deck_and_checklist(invoke):
    deck = invoke("templates", "context", "deck").output
    assert "  risks               list of Risk" in deck and "Risk: A risk of the register" in deck
    assert "score" in deck and "rag_colour(rag, strong=False)" in deck
    checklist = invoke("templates", "context", "checklist").output
    assert "Checklist: A specification, its assessment" in checklist and "compliance_rate" in checklist
    assert invoke("templates", "context", "nonsense").exit_code == 2


def test_checklist_context_keys_follow_the_renderer():
    from docgen.templates_admin.variables import CHECKLIST_KEYS

    source = (ROOT / "docgen" / "renderers" / "checklist_md.py").read_text(encoding="utf-8")
    keys = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict) and any(
                isinstance(k, ast.Constant) and k.value == "checklist" for k in node.keys):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
    assert keys == set(CHECKLIST_KEYS)


def test_docgen_yaml_templates_and_language(invoke, tmp_path, monkeypatch):
    pmo = tmp_path / "corp"
    (pmo / "labels").mkdir(parents=True)
    en = (builtin_dir() / "labels" / "en.yaml").read_text(encoding="utf-8")
    (pmo / "labels" / "fr.yaml").write_text(
        (builtin_dir() / "labels" / "fr.yaml").read_text(encoding="utf-8").replace(
            "all_actions: ", "all_actions: Actions décidées # ", 1), encoding="utf-8")
    assert "all_actions" in en
    (tmp_path / "docgen.yaml").write_text("templates: corp\nlanguage: fr\njobs: []\n"
                                          "defaults: {formats: {}}\noutput: out\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("minutes", MEETING, "-o", "m.docx")
    assert result.exit_code == 0, result.output
    texts = [p.text for p in docx.Document(str(tmp_path / "m.docx")).paragraphs]
    assert "Actions décidées" in texts
    listing = invoke("templates", "list").output
    assert f"labels/fr.yaml       {pmo}" in listing or any(
        line.split() == ["labels/fr.yaml", str(pmo)] for line in listing.splitlines())


def test_docgen_yaml_problems_are_reported_with_lines(invoke, tmp_path, monkeypatch):
    (tmp_path / "docgen.yaml").write_text("jobs: []\ntemplates:\n  - missing-folder\n  - 12\n",
                                          encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke("minutes", MEETING, "-o", "m.docx")
    assert result.exit_code == 2
    assert "docgen.yaml:3: templates[0]: template folder 'missing-folder' not found" in result.output
    assert "templates[1]: expected a folder path" in result.output
    assert not (tmp_path / "m.docx").exists()


def test_lang_option_beats_docgen_yaml(tmp_path):
    from docgen.cli.options import effective_language, effective_templates

    (tmp_path / "t").mkdir()
    (tmp_path / "docgen.yaml").write_text("defaults:\n  templates: [t]\n  language: fr\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert effective_language("en") == "en"
        assert effective_language(None) == "fr"
        assert effective_templates((tmp_path / "cli",)) == (tmp_path / "cli", tmp_path / "t")
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("kind", ["minutes", "deck", "checklist"])
def test_context_help(invoke, kind):
    assert invoke("templates", "context", "--help").exit_code == 0
    assert invoke("templates", "context", kind).output.startswith(f"Context of {kind} templates")
