"""Computed start times of agenda items (docgen.agenda.schedule, pure)."""

from __future__ import annotations

from docgen.agenda import schedule, total_duration
from docgen.model.meeting import Minutes


def minutes(start, durations):
    return Minutes.model_validate({
        "meeting": {"title": "M", "date": "2026-11-24", "start": start},
        "attendees": [{"name": "Ann"}],
        "agenda": [{"title": f"Item {i}", "duration": d} for i, d in enumerate(durations, 1)],
    })


def test_start_times_follow_durations():
    slots = schedule(minutes("14:00", [5, 30, 20]))
    assert [(s.number, s.start, s.end) for s in slots] == [
        (1, "14:00", "14:05"), (2, "14:05", "14:35"), (3, "14:35", "14:55")]
    assert total_duration(minutes("14:00", [5, 30, 20])) == 55


def test_unquoted_yaml_time_and_hour_rollover():
    slots = schedule(minutes(840, [45, 30]))  # 14:00 read as minutes by a YAML 1.1 loader
    assert [s.start for s in slots] == ["14:00", "14:45"]
    assert [s.start for s in schedule(minutes("23:30", [45, 10]))] == ["23:30", "00:15"]


def test_times_stop_after_an_item_without_duration():
    slots = schedule(minutes("09:30", [10, None, 15]))
    assert [(s.start, s.end) for s in slots] == [("09:30", "09:40"), ("09:40", None), (None, None)]


def test_no_start_time_gives_no_times():
    assert all(s.start is None and s.end is None for s in schedule(minutes(None, [5, 10])))
