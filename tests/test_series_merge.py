"""Carry-over of actions across a series (docgen.series, pure): updates by id, conflicts, empty cases."""

from __future__ import annotations

from docgen.model.meeting import Minutes
from docgen.series import carry_over, track, with_carry_over


def meeting(day: str, previous=(), actions=(), title: str | None = None) -> Minutes:
    return Minutes.model_validate({
        "meeting": {"title": title or f"Weekly {day}", "series": "Weekly", "date": day},
        "attendees": [{"name": "Ann"}],
        "previous_actions": list(previous),
        "agenda": [{"title": "Item", "actions": list(actions)}],
    })


def act(id_, text, status="open", **extra):
    return {"id": id_, "text": text, "status": status, **extra}


FIRST = meeting("2026-11-10", previous=[act("A-1", "Old done", "done"), act("A-2", "Old open")],
                actions=[act("A-3", "New one", owner="Bob", due="2026-11-12"),
                         act("A-4", "New closed", "cancelled")])


def ids(actions):
    return [a.id for a in actions]


def test_open_actions_are_carried_new_and_previous_alike():
    current = meeting("2026-11-17")
    carried, warnings = carry_over(("b.yaml", current), [("a.yaml", FIRST)])
    assert ids(carried) == ["A-2", "A-3"]
    assert carried[1].owner == "Bob" and carried[1].overdue_days(current.meeting.date) == 5
    assert warnings == []


def test_entry_with_same_id_updates_instead_of_duplicating():
    current = meeting("2026-11-17", previous=[
        {"id": "A-3", "text": "New one", "status": "done", "comment": "Finished."}])
    carried, warnings = carry_over(("b.yaml", current), [("a.yaml", FIRST)])
    assert ids(carried) == ["A-2", "A-3"]
    a3 = carried[1]
    assert (a3.status, a3.comment, a3.owner, str(a3.due)) == ("done", "Finished.", "Bob", "2026-11-12")
    assert a3.overdue_days(current.meeting.date) == 0


def test_unknown_entries_are_kept_and_closed_ones_stay_closed():
    current = meeting("2026-11-17", previous=[act("Z-9", "From elsewhere")])
    carried, _ = carry_over(("b.yaml", current), [("a.yaml", FIRST)])
    assert ids(carried) == ["A-2", "A-3", "Z-9"]
    assert "A-1" not in ids(carried) and "A-4" not in ids(carried)


def test_three_meetings_in_any_order_carry_the_latest_state():
    second = meeting("2026-11-17", previous=[act("A-2", "Old open", "done", comment="ok")],
                     actions=[act("A-5", "Second week")])
    third = meeting("2026-11-24")
    carried, warnings = carry_over(("c.yaml", third), [("b.yaml", second), ("a.yaml", FIRST)])
    assert ids(carried) == ["A-3", "A-5"]
    assert warnings == []


def test_two_different_actions_with_one_id_warn_naming_both_files():
    current = meeting("2026-11-17", previous=[act("A-3", "Something else entirely")])
    _, warnings = carry_over(("next.yaml", current), [("prev.yaml", FIRST)])
    assert len(warnings) == 1
    assert "A-3" in warnings[0] and "prev.yaml" in warnings[0] and "next.yaml" in warnings[0]
    assert "New one" in warnings[0] and "Something else entirely" in warnings[0]


def test_new_action_reusing_an_earlier_id_warns():
    current = meeting("2026-11-17", actions=[act("A-2", "A brand new task")])
    _, warnings = carry_over(("next.yaml", current), [("prev.yaml", FIRST)])
    assert any("A-2" in w and "prev.yaml" in w and "next.yaml" in w for w in warnings)


def test_done_action_reopened_without_comment_warns_with_comment_does_not():
    reopened = meeting("2026-11-17", previous=[act("A-1", "Old done", "open")])
    carried, warnings = carry_over(("next.yaml", reopened), [("prev.yaml", FIRST)])
    assert "A-1" in ids(carried)
    assert len(warnings) == 1 and "reopened" in warnings[0]
    assert "prev.yaml" in warnings[0] and "next.yaml" in warnings[0]
    explained = meeting("2026-11-17", previous=[
        act("A-1", "Old done", "in_progress", comment="Payroll found a gap")])
    assert carry_over(("next.yaml", explained), [("prev.yaml", FIRST)])[1] == []


def test_conflicts_between_earlier_meetings_name_both_files():
    second = meeting("2026-11-17", actions=[act("A-3", "Not the same action")])
    _, warnings = carry_over(("c.yaml", meeting("2026-11-24")), [("a.yaml", FIRST), ("b.yaml", second)])
    assert any("a.yaml" in w and "b.yaml" in w for w in warnings)


def test_no_previous_meeting_leaves_the_minutes_unchanged():
    current = meeting("2026-11-17", previous=[act("A-7", "Kept")])
    same, warnings = with_carry_over(("b.yaml", current), [])
    assert same is current and warnings == []


def test_no_open_action_gives_an_empty_review():
    closed = meeting("2026-11-10", actions=[act("A-1", "x", "done"), act("A-2", "y", "cancelled")])
    carried, warnings = carry_over(("b.yaml", meeting("2026-11-17")), [("a.yaml", closed)])
    assert carried == [] and warnings == []


def test_actions_without_id_match_by_text():
    first = meeting("2026-11-10", actions=[{"text": "Call the **vendor**"}])
    current = meeting("2026-11-17", previous=[{"text": "Call the vendor", "status": "done"}])
    carried, warnings = carry_over(("b.yaml", current), [("a.yaml", first)])
    assert len(carried) == 1 and carried[0].status == "done" and warnings == []


def test_track_records_origin_and_last_review_of_carried_actions():
    second = meeting("2026-11-17", actions=[act("A-5", "Second week")])
    series = track([("b.yaml", second), ("a.yaml", FIRST)])
    a3 = series.actions["id:A-3"]
    assert a3.origin.name == "a.yaml" and a3.last.name == "b.yaml" and a3.stated.name == "a.yaml"
    assert series.actions["id:A-1"].last.name == "a.yaml"
