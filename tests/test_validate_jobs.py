"""`docgen validate` iterates over the job table: each input is loaded by the job that reads its kind."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from conftest import CONTRACT

import docgen.discover
from docgen import jobs
from docgen.errors import InputError, Problem

MEETING = ("meeting: {{title: {title}, date: {date}, series: weekly}}\n"
           "attendees: [{{name: a}}]\nagenda: [{{title: t}}]\n")


@pytest.mark.parametrize("kind, name", [("meeting", "minutes"), ("status", "deck"), ("spec", "checklist"),
                                        ("assessment", "checklist")])
def test_every_kind_build_tells_has_a_job_reading_it(kind, name):
    assert jobs.job_reading(kind).NAME == name


def test_a_kind_no_job_reads_is_a_key_error():
    with pytest.raises(KeyError):
        jobs.job_reading("recipe")


def test_a_job_added_to_the_table_is_validated_without_touching_validate(invoke, tmp_path, monkeypatch):
    loaded: list[Path] = []

    def load(path: Path) -> tuple[object, list[str]]:
        """Return a model of ``path`` and one warning; raise InputError for a file saying 'bad'."""
        loaded.append(path)
        if "bad" in path.read_text(encoding="utf-8"):
            raise InputError([Problem(str(path), "no recipe here", 1, "recipe")])
        return object(), ["salt is cut"]

    module = types.ModuleType("fake_recipe_job")
    module.NAME, module.KIND, module.INPUTS, module.load = "recipes", "recipe", ("recipe",), load
    monkeypatch.setitem(sys.modules, "fake_recipe_job", module)
    monkeypatch.setitem(jobs.JOBS, "recipes", "fake_recipe_job")
    monkeypatch.setitem(jobs.KINDS, "recipe", "recipes")
    monkeypatch.setattr(docgen.discover, "kind_of", lambda path: "recipe")
    good, bad = tmp_path / "soup.yaml", tmp_path / "cake.yaml"
    good.write_text("recipe: soup\n", encoding="utf-8")
    bad.write_text("bad\n", encoding="utf-8")
    result = invoke("validate", good)
    assert result.exit_code == 0, result.output
    assert f"ok: {good} (recipe)" in result.output and "warning: salt is cut" in result.output
    result = invoke("validate", good, bad)
    assert result.exit_code == 2 and "recipe: no recipe here" in result.output
    assert loaded == [good, good, bad]


def test_a_meeting_is_validated_alone_not_with_the_earlier_meetings_of_its_series(invoke, tmp_path):
    (tmp_path / "w0.yaml").write_text(MEETING.format(title="x", date="2026-01-02").replace(
        "[{name: a}]", "[]"), encoding="utf-8")  # broken: no attendee
    later = tmp_path / "w1.yaml"
    later.write_text(MEETING.format(title="Weekly", date="2026-01-09"), encoding="utf-8")
    result = invoke("validate", later)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"ok: {later} (meeting)"


def test_reader_warnings_of_a_meeting_are_printed_as_for_a_status(invoke, tmp_path):
    meeting = tmp_path / "m.yaml"
    meeting.write_text("meeting:\n  title: Weekly\n  date: 2026-01-09\n  location: Room 1 #see map\n"
                       "attendees: [{name: a}]\nagenda: [{title: t}]\n", encoding="utf-8")
    result = invoke("validate", meeting)
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "meeting.location: text after ' #'" in result.output


def test_an_assessment_is_validated_by_the_checklist_job(invoke, tmp_path):
    assert jobs.check(CONTRACT / "compliance.yaml", "assessment") == []
    bad = tmp_path / "compliance.csv"
    bad.write_text("id,status\nREQ-1,sort of\n", encoding="utf-8")
    result = invoke("validate", bad)
    assert result.exit_code == 2
    assert "compliance[0].status: 'sort_of' is not one of" in result.output


def test_a_specification_is_validated_by_the_checklist_job():
    assert jobs.check(CONTRACT / "requirements.yaml", "spec") == []
