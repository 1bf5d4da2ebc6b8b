"""Text flow across slides: long paragraphs continue instead of being cut, headings stay with their text."""

from __future__ import annotations

from docgen.deck import text as tx
from docgen.deck.measure import font_for
from docgen.ooxml.drawingml.shapes import Para, Run

FONT = font_for("Calibri")
LONG = " ".join(f"word{i}" for i in range(600))


def test_long_paragraph_continues_on_next_pages_without_ellipsis():
    pages = tx.paginate([Para([Run(LONG)], 12)], 300, 200, FONT, split=True)
    assert len(pages) > 2
    joined = " ".join(p.text for page in pages for p in page)
    assert joined == LONG and "…" not in joined
    for page in pages:
        assert tx.paras_height(page, 300, FONT) <= 200


def test_without_split_a_too_long_paragraph_is_shortened_visibly():
    pages = tx.paginate([Para([Run(LONG)], 12)], 300, 200, FONT)
    assert len(pages) == 1 and pages[0][0].text.endswith("…")


def test_heading_moves_with_the_paragraph_it_introduces():
    filler = Para([Run(" ".join(["fill"] * 200))], 12)
    heading = Para([Run("Options", bold=True)], 12, space_before=10, keep_next=True)
    body = Para([Run("1. An option")], 12)
    height = tx.para_height(filler, 300, FONT) + tx.para_height(heading, 300, FONT) + 2
    pages = tx.paginate([filler, heading, body], 300, height, FONT, split=True)
    assert [p.text for p in pages[0]] == [filler.text]
    assert [p.text for p in pages[1]] == ["Options", "1. An option"]


def test_split_keeps_run_formatting():
    para = Para([Run("Bold start " * 40, bold=True), Run("plain end " * 40)], 12)
    head, tail = tx.split_para(para, 200, 80, FONT)
    assert head is not None and head.runs[0].bold
    assert head.text.split() + tail.text.split() == para.text.split()
    assert not tail.runs[-1].bold


def test_very_long_summary_continues_on_summary_slides():
    import yaml
    from conftest import CONTRACT

    from docgen.deck.plan import plan_deck
    from docgen.labels import load_labels
    from docgen.model.status import Status

    data = yaml.safe_load((CONTRACT / "status.yaml").read_text(encoding="utf-8"))
    data["overall"]["summary"] = " ".join(f"point{i}" for i in range(700))
    plan = plan_deck(Status.model_validate(data), load_labels("en"))
    summaries = [s for s in plan.slides if s.kind == "summary"]
    assert len(summaries) >= 2 and summaries[0].title.startswith("Executive summary (1/")
    words = " ".join(p.text for s in summaries for shape in s.shapes if hasattr(shape, "paras")
                     for p in shape.paras)
    assert all(f"point{i}" in words.split() for i in range(700))
    assert "…" not in words
