"""Minutes opened in a real office suite (LibreOffice, through the tests/office.py helper)."""

from __future__ import annotations

import pytest
from conftest import CONTRACT, ROOT
from office import needs_office, render

from docgen.jobs import minutes as minutes_job
from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import writer_for
from docgen.minutes import load


def write(model, dest, language=None, template_dirs=()):
    """Write ``model`` with the minutes job's writer for ``dest`` (the job protocol)."""
    return writer_for(minutes_job.WRITERS, dest)(model, RenderContext.resolve(template_dirs, language), dest)

pytestmark = [pytest.mark.office, needs_office]


@pytest.mark.parametrize("source", [CONTRACT / "meeting.yaml", ROOT / "samples" / "comite-pilotage.yaml"])
def test_minutes_open_cleanly_in_libreoffice(tmp_path, source):
    dest = write(load(source), tmp_path / "minutes.docx")
    shown = render(dest, tmp_path / "check")
    assert shown.pages >= 1 and len(shown.texts) == len(shown.pngs) == shown.pages
    words = shown.words
    minutes = load(source)
    assert minutes.actions
    for action in minutes.actions:
        assert action.id in words
    assert minutes.meeting.title in words
    assert "Page 1" in " ".join(shown.texts[0].split())
    assert any("Carlito" in font or "Calibri" in font for font in shown.fonts), shown.fonts
