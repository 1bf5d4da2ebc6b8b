"""Every output of every job on the bundled samples, pinned by content hash.

A change to any output shows here first. When the change is intended, regenerate the hashes:
``DOCGEN_REGEN=1 python3 -m pytest tests/test_sample_outputs.py`` and commit
``tests/golden/sample_outputs.json`` with the change that explains it. Zip packages (.docx,
.pptx, .xlsx) are hashed entry by entry on their uncompressed content, so another zlib does not
count as a change.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "sample_outputs.json"

# name -> docgen arguments; {out} is the output file.
RUNS: dict[str, list[str]] = {}
for stem in ("steering-committee", "comite-pilotage"):
    for ext in ("docx", "md", "html"):
        RUNS[f"minutes/{stem}.{ext}"] = ["minutes", f"samples/{stem}.yaml", "--no-previous", "-o", "{out}"]
        RUNS[f"agenda/{stem}.{ext}"] = ["agenda", f"samples/{stem}.yaml", "--no-previous", "-o", "{out}"]
    RUNS[f"draft/{stem}.md"] = ["minutes", f"samples/{stem}.yaml", "--draft", "--no-previous", "-o", "{out}"]
for ext in ("docx", "md", "html"):
    RUNS[f"minutes/weekly-project-meeting.{ext}"] = ["minutes", "samples/weekly-project-meeting.md", "-o", "{out}"]
    RUNS[f"minutes/weekly-2026-11-24.{ext}"] = ["minutes", "samples/series/weekly-2026-11-24.yaml", "-o", "{out}"]
for ext in ("pptx", "md", "docx"):
    RUNS[f"deck/status.{ext}"] = ["deck", "samples/status.yaml", "-o", "{out}"]
    RUNS[f"deck/status-changes.{ext}"] = ["deck", "samples/status.yaml", "--previous", "samples/status-previous.yaml",
                                          "-o", "{out}"]
    RUNS[f"deck/status-fr.{ext}"] = ["deck", "samples/status.yaml", "--lang", "fr", "-o", "{out}"]
RUNS["deck/status-large.pptx"] = ["deck", "samples/status-large.yaml", "-o", "{out}"]
for ext in ("docx", "xlsx", "md", "csv", "xml", "json"):
    RUNS[f"checklist/payroll.{ext}"] = ["checklist", "samples/payroll-interface-spec.yaml", "--assessment",
                                        "samples/payroll-interface-assessment.yaml", "-o", "{out}"]
    RUNS[f"checklist/payroll-changes.{ext}"] = [
        "checklist", "samples/payroll-interface-spec.yaml", "--assessment", "samples/payroll-interface-assessment.yaml",
        "--previous-assessment", "samples/payroll-interface-assessment-previous.yaml", "-o", "{out}"]
for ext in ("xlsx", "docx", "md", "csv"):
    RUNS[f"actions/series.{ext}"] = ["actions", "samples/series", "-o", "{out}"]
PMO = ["--templates", "samples/pmo-templates"]
RUNS["templates/minutes-restyled.docx"] = ["minutes", "docs/formats/meeting.yaml", *PMO, "-o", "{out}"]
RUNS["templates/minutes-restyled.md"] = ["minutes", "docs/formats/meeting.yaml", *PMO, "-o", "{out}"]
RUNS["templates/minutes-onepage.docx"] = ["minutes", "docs/formats/meeting.yaml", *PMO,
                                          "--template", "minutes-onepage.docx", "-o", "{out}"]
RUNS["templates/deck-onepage.pptx"] = ["deck", "docs/formats/status.yaml", *PMO,
                                       "--template", "deck-onepage.pptx", "-o", "{out}"]


def content_hash(path: Path) -> str:
    """Return the sha256 of a text output, or of a zip package's entries (name and uncompressed bytes)."""
    data = path.read_bytes()
    if not data.startswith(b"PK"):
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():  # in written order: the order is part of the output
            digest.update(name.encode() + b"\0" + package.read(name) + b"\0")
    return digest.hexdigest()


def build_all(invoke, out: Path) -> dict[str, str]:
    """Return name -> content hash of every output of RUNS, built into ``out``."""
    hashes = {}
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        for name, args in RUNS.items():
            dest = out / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            result = invoke(*[str(dest) if a == "{out}" else a for a in args])
            assert result.exit_code == 0, (name, result.output)
            hashes[name] = content_hash(dest)
    finally:
        os.chdir(cwd)
    return hashes


def test_every_sample_output_is_unchanged(invoke, tmp_path):
    hashes = build_all(invoke, tmp_path)
    if os.environ.get("DOCGEN_REGEN"):
        GOLDEN.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        pytest.skip("regenerated tests/golden/sample_outputs.json")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(name for name in hashes if expected.get(name) != hashes[name])
    assert changed == [], f"outputs changed (DOCGEN_REGEN=1 to accept): {changed}"
    assert sorted(expected) == sorted(hashes)


def test_outputs_are_reproducible(invoke, tmp_path):
    first = build_all(invoke, tmp_path / "a")
    again = build_all(invoke, tmp_path / "b")
    assert first == again
