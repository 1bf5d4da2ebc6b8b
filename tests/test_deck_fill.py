"""The slides that were half empty fill their body with what a committee reads (issue 17).

The milestone timeline carries a key (marker colours, the report date, the schedule's RAG and
comment) and labels that grow to 16 pt; three issues get figure tiles over their table; a
continued executive summary spreads its lists evenly; text under 12 pt is said in the notes.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from docgen.deck.slides_timeline import _chunks
from docgen.ooxml.drawingml.shapes import TableShape, TextShape
from tests.deck_layout import plan_file

ROOT = Path(__file__).resolve().parents[1]
STATUS = ROOT / "samples" / "status.yaml"
LARGE = ROOT / "samples" / "status-large.yaml"


def _slides(plan, planner: str) -> list:
    return [s for s in plan.slides if s.planner == planner]


def _texts(slide, name: str) -> list[str]:
    return [" ".join(" ".join(p.text for p in s.paras).split()) for s in slide.shapes
            if isinstance(s, TextShape) and getattr(s, "name", "") == name]


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(STATUS.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "status.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_timeline_key_names_the_colours_present_the_report_date_and_the_schedule():
    plan, _ = plan_file(STATUS)
    [slide] = _slides(plan, "timeline")
    statuses = {m["status"] for m in yaml.safe_load(STATUS.read_text(encoding="utf-8"))["milestones"]}
    assert statuses == {"done", "on_track", "at_risk"}
    assert _texts(slide, "Legend") == ["Done", "On track", "At risk"]
    assert len([s for s in slide.shapes if getattr(s, "name", "") == "Key"]) == 3
    assert _texts(slide, "Report date") == ["Report date 23 Nov 2026"]  # once, in the key: no strip over the lanes
    assert _texts(slide, "Schedule RAG") == ["Schedule AMBER ↓"]
    assert _texts(slide, "Schedule comment") == [
        "Second parallel run adds 3 weeks of test; go-live date kept by reducing the buffer."]
    key_top = min(s.box.y for s in slide.shapes if getattr(s, "name", "") in ("Legend", "Schedule comment"))
    labels = [s for s in slide.shapes if getattr(s, "name", "").startswith("Milestone ")]
    assert labels and all(s.box.bottom < key_top for s in labels)


def test_timeline_without_a_schedule_comment_keeps_the_legend_alone(tmp_path):
    plan, _ = plan_file(_write(tmp_path, lambda d: d["dimensions"].pop("schedule")))
    [slide] = _slides(plan, "timeline")
    assert _texts(slide, "Schedule comment") == [] and _texts(slide, "Schedule RAG") == []
    assert _texts(slide, "Legend")[:3] == ["Done", "On track", "At risk"]


def test_timeline_labels_grow_when_the_milestones_are_few(tmp_path):
    plan, _ = plan_file(_write(tmp_path, lambda d: d.update(milestones=d["milestones"][:3])))
    [slide] = _slides(plan, "timeline")
    labels = [s for s in slide.shapes if getattr(s, "name", "").startswith("Milestone ")]
    assert len(labels) == 3 and {s.paras[0].size for s in labels} == {16.0}
    assert all(p.size >= 12 for s in labels for p in s.paras)


def test_timeline_slides_share_the_milestones_evenly():
    assert [len(c) for c in _chunks(list(range(22)), 3)] == [8, 7, 7]
    assert [len(c) for c in _chunks(list(range(6)), 5)] == [2, 1, 1, 1, 1]
    assert _chunks(list(range(2)), 5) == [[0], [1]]


def test_three_issues_get_figure_tiles_over_their_table():
    plan, _ = plan_file(STATUS)
    [slide] = _slides(plan, "issues")
    tiles = [s for s in slide.shapes if getattr(s, "name", "").startswith("Figure ")]
    assert [" ".join(p.text for p in t.paras) for t in tiles] == ["3 open", "1 high or critical", "1 overdue",
                                                                   "0 resolved"]
    overdue = tiles[2].paras[0].runs[0]
    assert overdue.color == "late" and tiles[0].paras[0].runs[0].color is None
    [table] = [s for s in slide.shapes if isinstance(s, TableShape)]
    assert len(table.rows) == 4 and table.box.y > max(t.box.bottom for t in tiles)


def test_issue_tiles_agree_in_french():
    plan, _ = plan_file(STATUS, lang="fr")
    [slide] = _slides(plan, "issues")
    tiles = [" ".join(p.text for p in s.paras) for s in slide.shapes if getattr(s, "name", "").startswith("Figure ")]
    assert tiles == ["3 ouverts", "1 élevé ou critique", "1 en retard", "0 résolu"]


def test_a_long_issue_table_has_no_tiles():
    plan, _ = plan_file(LARGE)
    assert not [s for slide in _slides(plan, "issues") for s in slide.shapes
                if getattr(s, "name", "").startswith("Figure ")]


def test_a_continued_summary_spreads_its_lists_evenly():
    plan, _ = plan_file(LARGE)
    pages = _slides(plan, "summary")
    assert len(pages) == 2
    for head in ("Achievements this period", "Next steps"):
        counts = [sum(1 for s in page.shapes if getattr(s, "name", "") == head for p in s.paras if p.bullet)
                  for page in pages]
        assert sum(counts) in (10, 12) and min(counts) * 2 >= max(counts), (head, counts)


def test_no_sample_slide_sets_text_under_12_pt():
    plan, _ = plan_file(STATUS)
    small = [(n, s.planner) for n, s in enumerate(plan.slides, 1) if _smallest(s) < 12]
    assert not small, small
    assert not [s for s in plan.slides if any("pt on this slide" in line for line in s.notes)]


def test_a_slide_with_text_under_12_pt_says_so_in_its_notes():
    plan, _ = plan_file(LARGE)
    small = [s for s in plan.slides if _smallest(s) < 12]
    assert small  # the 40-risk register is set at 10 pt to hold on four slides
    for slide in plan.slides:
        said = [line for line in slide.notes if "pt on this slide" in line]
        assert bool(said) == (slide in small), slide.title
        if said:
            assert said[0].startswith(f"Text down to {_smallest(slide):g} pt")


def _smallest(slide) -> float:
    sizes = [s.size for s in slide.shapes if isinstance(s, TableShape)]
    sizes += [p.size for s in slide.shapes if isinstance(s, TextShape) for p in s.paras if p.text.strip()]
    return min(sizes, default=99.0)
