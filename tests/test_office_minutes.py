"""Minutes opened in a real office suite (LibreOffice, through shared/tools/office-check)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import CONTRACT, OFFICE_CHECK, ROOT, soffice_available

from docgen import minutes as job

pytestmark = [pytest.mark.office,
              pytest.mark.skipif(not soffice_available(), reason="LibreOffice is not installed")]


@pytest.mark.parametrize("source", [CONTRACT / "meeting.yaml", ROOT / "samples" / "comite-pilotage.yaml"])
def test_minutes_open_cleanly_in_libreoffice(tmp_path, source):
    dest = job.write(job.load(source), tmp_path / "minutes.docx")
    out = tmp_path / "check"
    result = subprocess.run([sys.executable, str(OFFICE_CHECK), "-o", str(out), str(dest)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (out / "minutes.docx" / "text.txt").read_text(encoding="utf-8")
    words = " ".join(text.split())
    minutes = job.load(source)
    for action in minutes.actions:
        assert action.id in words
    assert minutes.meeting.title in words
    assert "Page 1" in words
    fonts = (out / "minutes.docx" / "fonts.txt").read_text(encoding="utf-8")
    assert "Carlito" in fonts or "Calibri" in fonts
