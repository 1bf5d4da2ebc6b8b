"""Plain YAML is built from the parser's events (docgen.readers.yaml_events) exactly as the node path builds it.

Same data (types included), same warnings in the same order, and the same line for every key path,
found only when asked for; whatever the events cannot build goes the node path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.readers import yaml_source

PLAIN = [
    "a: 1\nb: yes\nc: No\nd: ~\ne: null\nf: 0x1F\ng: 1_000\nh: 0o17\ni: 017\nj: 14:00\nk: 1:30:00\n"
    "l: .inf\nm: -.NaN\nn: 1e3\no: 2026-02-30\np: '14:00'\nq: 3.5\nr: +12\ns: 0b101\n",
    "a:\n  - x #1\nb: y #2\nc:\n  d: z #3\n  e: [p #4\n    , q]\n",
    "a: b #c\nlist:\n  - one #two\n  - 'q' #x\n  - {k: v #w\n    }\n",
    "1: a\n'1': b\n", "1: a\n01: b\n", "yes: 1\nYes: 2\n", "null: 1\n~: 2\n",
    "a.b: 1\na:\n  b: 2\n", "a:\n  b: 2\na.b: 1\n", "x[0]: 1\nx:\n  - 5\n", "x:\n  - 5\nx[0]: 1\n",
    "t: |\n  line1\n  line2 #no\nu: >\n  folded\n  text\n", "k: 'it''s'\nv: \"a\\tb\"\n", "é: ü\n",
    "a: [1, [2, [3, {b: c}]]]\n", "a: {}\nb: []\nc: ''\n", "---\n...\n", "", "# only\n", "hello", "- a\n- b\n",
    "a:\n- 1\n- 2\nb:\n  - c: 1\n    d: 2\n  - e: 3 #f\n", "a: 1 # comment\nb: x#y\nc: x #y\n",
]
NOT_PLAIN = ["a: 1\na: 2\n", "x: &a [1, 2]\ny: *a\n", "base: &b {k: 1}\nd:\n  <<: *b\n", "? [a, b]\n: c\n",
             "a: !!str 12\n", "--- \na: 1\n--- \nb: 2\n", "<<: 1\n", "a: [unclosed\n", "a: b: c\n",
             "a: " + "[" * 101 + "]" * 101 + "\n"]


def _typed(value: object) -> object:
    if isinstance(value, dict):
        return ("map", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(v) for v in value])
    return (type(value).__name__, value)


def _node_path(text: str) -> tuple[object, yaml_source._Walk]:
    """Return the data and the walk of ``text`` read by composing its node graph (the reference)."""
    walk = yaml_source._Walk("t.yaml", text, 0)
    loader = yaml_source._Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, walk
        walk.run(node)
        return loader.construct_document(node), walk
    finally:
        loader.dispose()


@pytest.mark.parametrize("text", PLAIN)
def test_plain_yaml_from_events_is_what_the_node_path_builds(text):
    expected, reference = _node_path(text)
    walk = yaml_source._Walk("t.yaml", text, 0)
    plain, data = yaml_source._load_plain(text, walk)
    assert plain
    assert _typed(data) == _typed(expected)
    assert [str(w) for w in walk.warnings] == [str(w) for w in reference.warnings]
    assert dict(yaml_source.KeyLines(text, Path("t.yaml"), 0)) == reference.lines


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_what_events_cannot_build_goes_the_node_path(text):
    assert yaml_source._load_plain(text, yaml_source._Walk("t.yaml", text, 0)) == (False, None)


def test_lines_are_found_only_when_asked_for(monkeypatch):
    text = "meeting:\n  title: Weekly\nagenda:\n  - title: Budget\n    duration: 10\n"
    composed = []
    real = yaml_source._lines_of
    monkeypatch.setattr(yaml_source, "_lines_of", lambda *args: composed.append(1) or real(*args))
    source = yaml_source.parse_yaml(text, Path("m.yaml"))
    assert source.data["agenda"][0]["duration"] == 10 and composed == []
    assert source.line_of("agenda[0].duration") == 5 and source.line_of("agenda[0].missing") == 4
    source.lines["extra"] = 9  # readers may add and move lines
    assert source.line_of("extra") == 9 and len(composed) == 1


def test_a_problem_of_a_plain_file_still_names_its_line(tmp_path):
    from docgen.errors import InputError
    from docgen.minutes import load

    meeting = tmp_path / "m.yaml"
    meeting.write_text("meeting:\n  title: Weekly\n  date: 2026-02-30\nagenda: []\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load(meeting)
    assert any(":3:" in line and "meeting.date" in line for line in raised.value.lines())
