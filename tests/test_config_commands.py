"""docgen.yaml in the working folder sets the language and template folders of every command."""

from __future__ import annotations

import docx
import pytest
from conftest import CONTRACT
from pptx import Presentation


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / "docgen.yaml").write_text("language: fr\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_language_for_minutes_deck_checklist_agenda(invoke, project):
    assert invoke("minutes", CONTRACT / "meeting.yaml", "-o", "m.docx").exit_code == 0
    assert "Ordre du jour" in "\n".join(p.text for p in docx.Document("m.docx").paragraphs)
    assert invoke("agenda", CONTRACT / "meeting.yaml", "-o", "a.md").exit_code == 0
    assert "Ordre du jour" in (project / "a.md").read_text(encoding="utf-8")
    assert invoke("deck", CONTRACT / "status.yaml", "-o", "d.pptx").exit_code == 0
    titles = [s.shapes.title.text for s in Presentation("d.pptx").slides if s.shapes.title is not None]
    assert "Synthèse" in " ".join(titles) or "Résumé" in " ".join(titles), titles
    result = invoke("checklist", CONTRACT / "requirements.yaml", "--assessment",
                    CONTRACT / "compliance.yaml", "-o", "c.md")
    assert result.exit_code == 0, result.output
    assert "Conforme" in (project / "c.md").read_text(encoding="utf-8")


def test_lang_option_beats_docgen_yaml(invoke, project):
    assert invoke("minutes", CONTRACT / "meeting.yaml", "-o", "m.md", "--lang", "en").exit_code == 0
    assert "## Agenda" in (project / "m.md").read_text(encoding="utf-8")
