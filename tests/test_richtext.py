"""Markdown free text into blocks and runs: what every Office writer relies on."""

from __future__ import annotations

from docgen.richtext import inline_runs, parse, plain


def test_inline_formatting_and_links():
    (block,) = parse("Some **bold**, *italic*, `code` and a [link](https://x.org/a?b=1&c=2).")
    styles = {(r.text, r.bold, r.italic, r.code, r.href) for r in block.runs}
    assert ("bold", True, False, False, None) in styles
    assert ("italic", False, True, False, None) in styles
    assert ("code", False, False, True, None) in styles
    assert ("link", False, False, False, "https://x.org/a?b=1&c=2") in styles


def test_nested_lists_levels_and_restart_ids():
    blocks = parse("1. one\n2. two\n    - sub\n        - subsub\n\ntext\n\n1. again\n")
    kinds = [(b.kind, b.level, b.text) for b in blocks]
    assert kinds == [("number", 0, "one"), ("number", 0, "two"), ("bullet", 1, "sub"),
                     ("bullet", 2, "subsub"), ("para", 0, "text"), ("number", 0, "again")]
    assert blocks[0].list_id == blocks[1].list_id != blocks[5].list_id


def test_loose_list_items_keep_their_text():
    blocks = parse("- a\n\n    more of a\n\n- b\n")
    assert [(b.kind, b.text) for b in blocks][:2] == [("bullet", "a"), ("para", "more of a")]
    blocks = parse("- 0016 first\n- 0015 second\n\n- loose third\n")
    assert [(b.kind, b.text) for b in blocks] == [("bullet", "0016 first"), ("bullet", "0015 second"),
                                                  ("bullet", "loose third")]


def test_quotes_and_code():
    blocks = parse("> quoted *line*\n\n```\ncode block\n```\n")
    assert [b.kind for b in blocks] == ["quote", "code"]
    assert blocks[1].text == "code block"


def test_plain_and_inline():
    assert plain("- a\n- b") == "• a\n• b"
    assert "".join(r.text for r in inline_runs("one\n\ntwo")) == "one two"
    assert parse(None) == [] and parse("  ") == []
