"""mypy finds no error in the packages and modules typed so far (issue #11), with pyproject.toml's [tool.mypy]."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "docgen"
# Not checked yet: none; the whole package type-checks (issue #11). A module added here is skipped
# while its errors are fixed, and the test goes back to checking the whole package once this is empty.
NOT_YET: set[str] = set()
# Folders that hold both checked and not-yet-checked modules: their children are listed one by one.
MIXED = ("docgen", "docgen/readers", "docgen/renderers")


def typed_paths() -> list[str]:
    """Return the paths (relative to the repository) that mypy checks: the package less NOT_YET."""
    if not NOT_YET:
        return ["docgen"]
    paths = []
    for folder in MIXED:
        for child in sorted((ROOT / folder).iterdir()):
            path = child.relative_to(ROOT).as_posix()
            is_module = child.suffix == ".py" or (child / "__init__.py").is_file()
            if is_module and path not in NOT_YET and path not in MIXED:
                paths.append(path)
    return paths


def test_typed_paths_name_existing_modules():
    assert all((ROOT / path).exists() for path in NOT_YET), sorted(p for p in NOT_YET if not (ROOT / p).exists())
    assert typed_paths() == ["docgen"] if not NOT_YET else "docgen/model" in typed_paths()


def test_mypy_finds_no_error_in_the_typed_modules(tmp_path):
    pytest.importorskip("mypy", reason="mypy is not installed (pip install -e '.[test]')")
    # pyproject.toml is found from ROOT; the modules the typed ones import are read, not reported on.
    run = subprocess.run([sys.executable, "-m", "mypy", "--follow-imports", "silent", "--cache-dir",
                          str(tmp_path / "cache"), *typed_paths()], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
