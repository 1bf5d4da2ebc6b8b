"""The project deck shows, on its dimension slide, the typed RAGs its RAG rules find too good."""

from __future__ import annotations

from pptx import Presentation

from docgen.deck.typography import plain
from tests.deck_data import CONTRACT


def dimension_rows(path) -> dict[str, list[str]]:
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_table and shape.table.cell(0, 0).text == "Dimension":
                return {row.cells[0].text: [c.text for c in row.cells] for row in list(shape.table.rows)[1:]}
    raise AssertionError("no dimension slide")


def test_typed_rag_better_than_the_rule_is_flagged(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "deck.pptx"
    assert invoke("deck", CONTRACT, "-o", out).exit_code == 0
    rows = dimension_rows(out)
    # Risks typed amber, but R-004 scores 4 x 5 = 20: the default rule says red from 20.
    assert plain(rows["Risks"][3]).endswith("\nRisks typed Amber; rule says Red: R-004 scores 20")
    assert "rule says" not in rows["Scope"][3] and "rule says" not in rows["Budget"][3]


def test_rules_of_docgen_yaml_apply_to_the_project_deck(invoke, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docgen.yaml").write_text("rules:\n  risks: {score_amber: 12, score_red: 25}\n", encoding="utf-8")
    out = tmp_path / "deck.pptx"
    assert invoke("deck", CONTRACT, "-o", out).exit_code == 0
    assert "rule says" not in dimension_rows(out)["Risks"][3]
