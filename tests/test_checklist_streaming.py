"""Large checklists are written as streams: same bytes as whole parts, nothing written on error."""

from __future__ import annotations

import io
import random
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from conftest import ROOT

from docgen.labels import load_labels
from docgen.ooxml.package import Deflated, deflate_stream, package_bytes
from docgen.output import staged_outputs
from docgen.renderers import checklist_docx, checklist_xlsx
from docgen.renderers.checklist_text import cell_plain, cell_plain_link, cell_runs, first_link, plain_cell
from docgen.richtext import Run

sys.path.insert(0, str(ROOT / "benchmarks"))
from checklist_bench import make_checklist  # noqa: E402

ATOMS = ["*", "**", "_", "__", "`", "[", "]", "(", ")", "](", "<", ">", "<https://a.b/c>", "http://x", " ",
         "a", "word", "x_y", "1.", "- ", "#", "> ", "\\", "&", "~~", "\n", "|", "=", "javascript:x", "é", "\u2192"]


def _random_cells(count: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(ATOMS) for _ in range(rnd.randint(0, 10))) for _ in range(count)]


def test_deflate_stream_is_the_one_shot_stream():
    text = "".join(f"<w:p><w:r><w:t>row {i} \u00e9</w:t></w:r></w:p>" for i in range(120_000))
    pieces = [text[i:i + 997] for i in range(0, len(text), 997)]
    data = text.encode("utf-8")
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert deflate_stream(pieces) == Deflated(zlib.crc32(data), len(data), packer.compress(data) + packer.flush())
    streamed = package_bytes({"a.xml": deflate_stream(pieces)})
    assert streamed == package_bytes({"a.xml": data})


def test_deflate_stream_stops_on_error():
    def rows():
        yield "<x>" * 600_000
        raise RuntimeError("broken row")

    with pytest.raises(RuntimeError, match="broken row"):
        deflate_stream(rows())


def test_fast_cell_functions_agree_with_the_runs():
    for text in _random_cells(5000, 13):
        runs = cell_runs(text)
        assert cell_plain(text) == "".join(run.text for run in runs), text
        assert cell_plain_link(text) == (cell_plain(text), first_link(text)), text
        plain = plain_cell(text)
        if plain is not None:
            assert runs == ([Run(plain)] if plain else []), text


@pytest.mark.parametrize("compared", [False, True])
def test_streamed_outputs_match_parts_built_whole(tmp_path, compared):
    checklist = make_checklist(700, previous=compared)
    labels = load_labels("en")
    docx = checklist_docx.render(checklist, tmp_path / "c.docx", labels)
    with zipfile.ZipFile(docx) as package:
        document = package.read("word/document.xml").decode("utf-8")
        rels = package.read("word/_rels/document.xml.rels").decode("utf-8")
    assert all(f">REQ-{i:05d}<" in document for i in (1, 350, 700))
    assert document.endswith("</w:body></w:document>")
    assert rels.count("TargetMode=\"External\"") == document.count("<w:hyperlink ")
    again = checklist_docx.render(checklist, tmp_path / "d.docx", labels)
    assert again.read_bytes() == docx.read_bytes()
    xlsx = checklist_xlsx.render(checklist, tmp_path / "c.xlsx", labels)
    with zipfile.ZipFile(io.BytesIO(xlsx.read_bytes())) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert sheet.count("<row ") == 701 and "<hyperlinks>" in sheet
    assert strings.count("<si>") == int(strings.split('uniqueCount="')[1].split('"')[0])
    assert checklist_xlsx.workbook(checklist, labels) == xlsx.read_bytes()


def test_nothing_written_when_a_streamed_row_fails(tmp_path, monkeypatch):
    checklist = make_checklist(300)
    labels = load_labels("en")
    calls = {"n": 0}
    real = checklist_docx.cell_runs

    def failing(text):
        calls["n"] += 1
        if calls["n"] > 200:
            raise RuntimeError("row 200 fails")
        return real(text)

    monkeypatch.setattr(checklist_docx, "cell_runs", failing)
    with pytest.raises(RuntimeError), staged_outputs():
        checklist_xlsx.render(checklist, tmp_path / "c.xlsx", labels)
        checklist_docx.render(checklist, tmp_path / "c.docx", labels)
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == []


def test_fresh_process_benchmark_runs():
    import subprocess

    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "checklist_bench.py"), "--fresh", "300",
                             "--runs", "1"], capture_output=True, text=True, check=True, timeout=120)
    assert "300 requirements" in result.stdout and "peak RSS" in result.stdout
