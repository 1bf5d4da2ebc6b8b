"""Fixtures shared by every test: paths to the format examples and real-world inputs, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
# The example of every input kind, with every key (docs/formats/, part of the project).
CONTRACT = ROOT / "docs" / "formats"
DATA = ROOT / "tests" / "data"
# Real inputs nobody here wrote: REALWORLD / "minutes" and REALWORLD / "specs".
REALWORLD_MINUTES = DATA / "realworld_minutes"
REALWORLD_SPECS = DATA / "realworld_specs_core"


@pytest.fixture
def runner() -> CliRunner:
    """Return a click CliRunner."""
    return CliRunner()


@pytest.fixture
def invoke(runner):
    """Return a function running the docgen CLI with arguments; stderr kept apart from stdout."""
    from docgen.cli import cli

    def run(*args: str):
        return runner.invoke(cli, [str(a) for a in args], catch_exceptions=False)

    return run


def soffice_available() -> bool:
    """Return True when LibreOffice and poppler-utils are installed (office tests run only then).

    The office tests use ``office.needs_office``, whose skip reason names what is missing.
    """
    from office import soffice_missing

    return soffice_missing() is None
