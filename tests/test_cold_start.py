"""What a fresh process imports and reads: one minutes document, and a no-op `docgen build`.

A cold `docgen minutes` imports no Office library other than its own writer, no Jinja, no rich,
no model of another kind; a no-op rebuild imports no model, YAML parser or writer at all; the
series lookup of a meeting parses no status or specification lying beside it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import CONTRACT, ROOT

NEVER_FOR_MINUTES = ["pptx", "openpyxl", "jinja2", "rich", "lxml", "docxtpl", "docx", "markdown_it", "reqif",
                     "defusedxml", "concurrent.futures.process", "docgen.deck", "docgen.portfolio",
                     "docgen.model.status", "docgen.model.requirements", "docgen.readers.markdown_minutes"]
NEVER_FOR_NO_OP = ["pydantic", "yaml", "markdown", "jinja2", "rich", "docx", "pptx", "openpyxl", "lxml",
                   "concurrent.futures.process", "urllib.request", "docgen.model", "docgen.renderers",
                   "docgen.readers.yaml_source", "docgen.series"]

PROBE = """
import json, runpy, sys
sys.argv = ["docgen", *json.loads(sys.argv[1])]
try:
    runpy.run_module("docgen", run_name="__main__")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def _fresh(args: list[str], cwd: Path) -> tuple[int, set[str]]:
    """Return the exit code of ``docgen ARGS`` in a fresh process and the modules it imported."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                         cwd=cwd, env=env, timeout=120)
    report = json.loads(run.stdout.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


def _imported(modules: set[str], names: list[str]) -> list[str]:
    return [name for name in names if any(m == name or m.startswith(name + ".") for m in modules)]


def test_one_minutes_document_imports_only_what_it_needs(tmp_path):
    shutil.copy(CONTRACT / "meeting.yaml", tmp_path / "meeting.yaml")
    code, modules = _fresh(["minutes", "meeting.yaml", "-o", "minutes.docx"], tmp_path)
    assert code == 0 and (tmp_path / "minutes.docx").is_file()
    assert _imported(modules, NEVER_FOR_MINUTES) == []


def test_a_no_op_rebuild_imports_no_model_reader_or_writer(tmp_path):
    for name in ("a", "b"):
        text = (CONTRACT / "meeting.yaml").read_text(encoding="utf-8").replace("previous:", "earlier:")
        (tmp_path / "src").mkdir(exist_ok=True)
        (tmp_path / "src" / f"{name}.yaml").write_text(text, encoding="utf-8")
    time.sleep(0.3)  # files changed within a clock tick of being read are read again (docgen.build.stamps)
    first, _ = _fresh(["build", "src", "-o", "out"], tmp_path)
    assert first == 0
    code, modules = _fresh(["build", "src", "-o", "out"], tmp_path)
    assert code == 0
    assert _imported(modules, NEVER_FOR_NO_OP) == []


def test_the_series_lookup_parses_no_status_or_specification_beside_the_meeting(tmp_path, monkeypatch):
    from docgen import series_io

    shutil.copy(CONTRACT / "meeting.yaml", tmp_path / "meeting.yaml")
    for name in ("status.yaml", "requirements.yaml", "compliance.yaml"):
        shutil.copy(CONTRACT / name, tmp_path / name)
    parsed = []
    real = series_io._meeting_header
    monkeypatch.setattr(series_io, "_meeting_header", lambda path: parsed.append(path.name) or real(path))
    index = series_io.series_index(tmp_path, series_io.series_date)
    assert [p.name for found in index.values() for p, _ in found] == ["meeting.yaml"]
    assert [name for name in parsed if name != "meeting.yaml"] == []


def test_a_backslash_outside_double_quotes_needs_no_parse_but_an_escaped_series_key_is_found(tmp_path, monkeypatch):
    from docgen import series_io

    # A specification whose comment shows the command line, continued with backslashes.
    (tmp_path / "spec.yaml").write_text(
        "# docgen checklist spec.yaml \\\n#   -o out.docx\nproject: X\nexport: C:\\exports\\x.xlsx\n", encoding="utf-8")
    # A meeting whose keys are written with escapes: only a YAML parse can tell.
    (tmp_path / "escaped.yaml").write_text(
        'meeting:\n  "ser\\x69es": Weekly\n  "d\\x61te": 2026-03-02\n  title: Weekly\n', encoding="utf-8")
    parsed = []
    real = series_io._meeting_header
    monkeypatch.setattr(series_io, "_meeting_header", lambda path: parsed.append(path.name) or real(path))
    index = series_io.series_index(tmp_path, series_io.series_date)
    assert parsed == ["escaped.yaml"]
    assert [p.name for p, _ in index["weekly"]] == ["escaped.yaml"]
