"""Hostile YAML in a child process (10 s, 500 MB): alias bombs, deep nesting, tags, tabs, control characters.

Each case must end with exit 2, one clear ``error:`` line, no traceback, in time, and nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile import assert_clean_failure, run_docgen, snapshot

STATUS_HEAD = "project: {name: CRM, report_date: 2026-11-23}\noverall: {status: green}\n"
MEETING_HEAD = ("meeting: {title: Committee, date: 2026-11-24}\nattendees: [{name: Ann}]\n"
                "agenda: [{title: Budget}]\n")
BOMB = "YAML aliases expand too far (refused: possible alias bomb)"


def laughs(levels: int = 9, width: int = 9) -> str:
    """Return a flow-style "billion laughs" under the key ``lol``, one level per line (lines 1..levels+1)."""
    lines = ["a0: &a0 [" + ", ".join(['"lol"'] * width) + "]"]
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "lol:\n" + "".join(f"  {line}\n" for line in lines)


def laughs_block(levels: int = 9, width: int = 9) -> str:
    """Return the same bomb written in block style."""
    text = "lol:\n  a0: &a0\n" + "".join(f"    - lol{i}\n" for i in range(width))
    for level in range(1, levels + 1):
        text += f"  a{level}: &a{level}\n" + "".join(f"    - *a{level - 1}\n" for _ in range(width))
    return text


def _case(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _refused(tmp_path: Path, args: tuple, *expected: str) -> None:
    before = snapshot(tmp_path)
    run = run_docgen(*args, cwd=tmp_path)
    assert_clean_failure(run, *expected)
    assert run.seconds < 5, run.seconds
    assert snapshot(tmp_path) == before  # nothing written, not even a partial output


# --- alias bombs --------------------------------------------------------------------------

def test_billion_laughs_in_a_status_is_refused_fast(tmp_path):
    text = STATUS_HEAD + laughs()
    assert len(text) < 1500
    _case(tmp_path, "status.yaml", text)
    # the budget runs out at the fifth level (line 8): 9**5 nodes would be more than 10,000
    _refused(tmp_path, ("deck", "status.yaml", "-o", "deck.pptx"), f"error: status.yaml:8: {BOMB}\n")


def test_billion_laughs_through_validate(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + laughs())
    _refused(tmp_path, ("validate", "status.yaml"), BOMB)


def test_billion_laughs_in_block_style(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + laughs_block())
    _refused(tmp_path, ("validate", "status.yaml"), BOMB)


def test_billion_laughs_in_meeting_minutes(tmp_path):
    _case(tmp_path, "meeting.yaml", MEETING_HEAD + laughs())
    _refused(tmp_path, ("minutes", "meeting.yaml", "-o", "m.docx"), "meeting.yaml:", BOMB)


def test_billion_laughs_in_markdown_front_matter(tmp_path):
    _case(tmp_path, "notes.md", "---\ntitle: Weekly\ndate: 2026-03-04\n" + laughs() + "---\n\n# Weekly\n")
    _refused(tmp_path, ("minutes", "notes.md", "-o", "m.md"), "notes.md:", BOMB)


def test_billion_laughs_in_a_specification(tmp_path):
    _case(tmp_path, "spec.yaml", "specification: {title: S}\nrequirements: [{id: R-1, text: Log.}]\n" + laughs())
    _refused(tmp_path, ("checklist", "spec.yaml", "-o", "c.md"), BOMB)


def test_billion_laughs_in_docgen_yaml_stops_build(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD)
    _case(tmp_path, "docgen.yaml", "jobs:\n  - input: status.yaml\n" + laughs())
    _refused(tmp_path, ("build", "-o", "out"), "docgen.yaml:", BOMB)


def test_billion_laughs_in_docgen_yaml_stops_every_command(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD)
    _case(tmp_path, "docgen.yaml", "language: en\n" + laughs())
    _refused(tmp_path, ("deck", "status.yaml", "-o", "d.md"), "docgen.yaml:", BOMB)


def test_bomb_of_mappings_under_an_ignored_key(tmp_path):
    text = STATUS_HEAD + "x_extra:\n  m0: &m0 {a: 1, b: 2, c: 3, d: 4}\n" + "".join(
        f"  m{i}: &m{i} {{" + ", ".join(f"k{j}: *m{i - 1}" for j in range(8)) + "}\n" for i in range(1, 9))
    _case(tmp_path, "status.yaml", text)
    _refused(tmp_path, ("validate", "status.yaml"), BOMB)


def test_merge_key_bomb(tmp_path):
    text = STATUS_HEAD + "x_extra:\n  m0: &m0 {a: 1, b: 2}\n" + "".join(
        f"  m{i}: &m{i} {{<<: [" + ", ".join([f"*m{i - 1}"] * 8) + f"], own{i}: 1}}\n" for i in range(1, 10))
    _case(tmp_path, "status.yaml", text)
    _refused(tmp_path, ("validate", "status.yaml"), BOMB)


def test_wide_bomb_of_two_levels(tmp_path):
    # 2,000 references to a 2,000-item list: 4 million nodes from 30 KB
    text = (STATUS_HEAD + "x_extra:\n  a: &a [" + ", ".join(["x"] * 2000) + "]\n"
            "  b: [" + ", ".join(["*a"] * 2000) + "]\n")
    _case(tmp_path, "status.yaml", text)
    _refused(tmp_path, ("validate", "status.yaml"), "status.yaml:5: " + BOMB)


def test_alias_to_itself(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "x_extra: &r [1, *r]\n")
    _refused(tmp_path, ("validate", "status.yaml"), "status.yaml:3: " + BOMB)


def test_mappings_that_contain_each_other(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "x_extra: &a\n  b: &b\n    c: *a\n")
    _refused(tmp_path, ("validate", "status.yaml"), BOMB)


# --- deep nesting -------------------------------------------------------------------------

@pytest.mark.parametrize("depth", [990, 100_000])
def test_deep_flow_sequences(tmp_path, depth):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "x_extra: " + "[" * depth + "]" * depth + "\n")
    _refused(tmp_path, ("validate", "status.yaml"), "status.yaml:3: nesting deeper than 100 levels")


def test_deep_flow_mappings(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "x_extra: " + "{a: " * 990 + "1" + "}" * 990 + "\n")
    _refused(tmp_path, ("validate", "status.yaml"), "status.yaml:3: nesting deeper than 100 levels")


def test_deep_block_mappings(tmp_path):
    text = STATUS_HEAD + "".join(" " * i + f"k{i}:\n" for i in range(990)) + " " * 990 + "end\n"
    _case(tmp_path, "status.yaml", text)
    _refused(tmp_path, ("validate", "status.yaml"), "nesting deeper than 100 levels")


def test_deep_compact_block_sequences(tmp_path):
    _case(tmp_path, "meeting.yaml", MEETING_HEAD + "x_extra:\n  " + "- " * 5000 + "x\n")
    _refused(tmp_path, ("minutes", "meeting.yaml", "-o", "m.docx"), "meeting.yaml:5: nesting deeper than 100 levels")


def test_deep_nesting_in_docgen_yaml(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD)
    _case(tmp_path, "docgen.yaml", "defaults: " + "[" * 990 + "]" * 990 + "\n")
    _refused(tmp_path, ("build", "-o", "out"), "docgen.yaml:1: nesting deeper than 100 levels")


# --- other hostile YAML -------------------------------------------------------------------

def test_python_object_tag_is_refused_and_not_run(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "x: !!python/object/apply:os.system ['touch pwned']\n")
    _refused(tmp_path, ("validate", "status.yaml"),
             "status.yaml:3: YAML tag '!!python/object/apply:os.system' is not allowed")
    assert not (tmp_path / "pwned").exists()


def test_python_name_and_unknown_tags(tmp_path):
    _case(tmp_path, "meeting.yaml", MEETING_HEAD + "x: !!python/name:os.system\n")
    _refused(tmp_path, ("minutes", "meeting.yaml"), "meeting.yaml:4: YAML tag '!!python/name:os.system'")
    _case(tmp_path, "meeting.yaml", MEETING_HEAD + "notes: !include secrets.yaml\n")
    _refused(tmp_path, ("minutes", "meeting.yaml"), "meeting.yaml:4: YAML tag '!include' is not allowed")


def test_duplicate_keys(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "overall: {status: red}\n")
    _refused(tmp_path, ("deck", "status.yaml"), "status.yaml:3: overall: duplicate key (first at line 2)")


def test_duplicate_key_in_docgen_yaml(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD)
    _case(tmp_path, "docgen.yaml", "jobs:\n  - input: status.yaml\n    input: other.yaml\n")
    _refused(tmp_path, ("build", "-o", "out"), "docgen.yaml:3: jobs[0].input: duplicate key (first at line 2)")


def test_tab_indentation(tmp_path):
    _case(tmp_path, "meeting.yaml", MEETING_HEAD + "next_meeting:\n\tdate: 2026-12-01\n")
    _refused(tmp_path, ("minutes", "meeting.yaml"), "meeting.yaml:5: YAML syntax error: a tab is used for indentation")


def test_control_character(tmp_path):
    _case(tmp_path, "meeting.yaml", MEETING_HEAD + "notes: bell \x07 here\n")
    _refused(tmp_path, ("minutes", "meeting.yaml"), "meeting.yaml:4: YAML error: character #x0007 is not allowed")


def test_huge_plain_key(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "k" * 5000 + ": 1\n")
    _refused(tmp_path, ("validate", "status.yaml"), "status.yaml:3: YAML syntax error")


def test_huge_document_of_many_duplicates(tmp_path):
    # 20,000 keys, every one written twice: the first 20 duplicates named, the others counted
    text = STATUS_HEAD + "x_extra:\n" + "".join(f"  k{i}: 1\n  k{i}: 2\n" for i in range(10_000))
    _case(tmp_path, "status.yaml", text)
    run = run_docgen("validate", "status.yaml", cwd=tmp_path)
    assert_clean_failure(run, "error: status.yaml:5: x_extra.k0: duplicate key (first at line 4)\n",
                         "error: status.yaml:43: x_extra.k19: duplicate key (first at line 42)\n"
                         "error: status.yaml: and 9980 more duplicate keys\n")
    assert run.stderr.count("\n") == 21


def test_unclosed_flow_sequence(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "risks: [{id: R-1, title: x}\n" + "x: 1\n" * 100)
    _refused(tmp_path, ("validate", "status.yaml"),
             "status.yaml:4: YAML syntax error: did not find expected ',' or ']'")


def test_several_documents(tmp_path):
    _case(tmp_path, "status.yaml", STATUS_HEAD + "---\n" + STATUS_HEAD)
    _refused(tmp_path, ("validate", "status.yaml"), "status.yaml:", "YAML syntax error")


# --- what must keep working ---------------------------------------------------------------

def test_anchors_reused_within_budget_are_read(tmp_path):
    text = (STATUS_HEAD + "x_team: &team [Ann, Bob, Carl]\n" + "".join(f"x_{i}: *team\n" for i in range(300))
            + "risks:\n" + "".join(f"  - {{id: R-{i}, title: Risk {i}, probability: 2, impact: 3}}\n"
                                   for i in range(20)))
    _case(tmp_path, "status.yaml", text)
    run = run_docgen("deck", "status.yaml", "-o", "deck.pptx", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert (tmp_path / "deck.pptx").stat().st_size > 10_000
