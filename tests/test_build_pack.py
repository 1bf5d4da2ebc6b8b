"""docgen build with committee packs (``kind: pack``): the manifest, the runner, the batch PDF split, the cache."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from office import needs_office
from pypdf import PdfReader, PdfWriter

SAMPLES = ROOT / "samples"
MEETING = "meetings/weekly-2026-11-24.yaml"
PACK_PDF = "meetings/weekly-2026-11-24-pack.pdf"  # the default output: the input's name with -pack.pdf
PACK = ("jobs:\n"
        f"  - input: {MEETING}\n"
        "    kind: pack\n"
        "    status: status.yaml\n"
        "    checklist: spec.yaml\n"
        "    assessment: assessment.yaml\n"
        "    previous_minutes: earlier/minutes.yaml\n")
TITLES = ["Agenda", "Minutes of the previous meeting", "Project status", "Compliance checklist summary"]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Return a working folder holding a series of meetings, a status, a specification and its assessment."""
    (tmp_path / "meetings").mkdir()
    for meeting in (SAMPLES / "series").iterdir():
        shutil.copy(meeting, tmp_path / "meetings" / meeting.name)
    # The previous minutes outside the series' folder: their hash must come from previous_minutes: itself.
    (tmp_path / "earlier").mkdir()
    shutil.copy(SAMPLES / "series" / "weekly-2026-11-17.yaml", tmp_path / "earlier" / "minutes.yaml")
    shutil.copy(SAMPLES / "status.yaml", tmp_path / "status.yaml")
    shutil.copy(SAMPLES / "payroll-interface-spec.yaml", tmp_path / "spec.yaml")
    shutil.copy(SAMPLES / "payroll-interface-assessment.yaml", tmp_path / "assessment.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _manifest(folder: Path, text: str) -> None:
    (folder / "docgen.yaml").write_text(text, encoding="utf-8")


def _one_page_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def fake_office(monkeypatch):
    """Fake LibreOffice: return the list of conversion runs, each the Office files it converted (one page each)."""
    from docgen import pdf

    runs: list[list[Path]] = []
    page = _one_page_pdf()

    def convert_many(pairs, timeout=600):
        if not pairs:
            return []
        runs.append([Path(source) for source, _ in pairs])
        for source, _ in pairs:
            assert Path(source).is_file(), source
        return [pdf.atomic_write_bytes(Path(dest), page) for _, dest in pairs]

    monkeypatch.setattr(pdf, "convert_many", convert_many)
    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    return runs


def _outputs(out: Path) -> list[str]:
    """Return the files of ``out`` (POSIX paths), without the build's own cache files."""
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*")
                  if p.is_file() and not p.name.startswith(".docgen-"))


def _error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def test_a_pack_job_writes_one_pdf_with_every_part_and_nothing_beside_it(invoke, folder, fake_office):
    _manifest(folder, PACK)
    result = invoke("build", "-o", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert _outputs(folder / "out") == [PACK_PDF]
    reader = PdfReader(folder / "out" / PACK_PDF)
    assert [item.title for item in reader.outline] == TITLES
    assert len(reader.pages) == 1 + 4  # contents page, then one (fake) page per part
    # One LibreOffice run, by the pack's own writer, for its four parts (written to a scratch folder).
    assert len(fake_office) == 1 and sorted(p.suffix for p in fake_office[0]) == [".docx", ".docx", ".docx", ".pptx"]
    assert all(folder not in p.parents for p in fake_office[0])


def test_the_batch_conversion_and_pdf_flag_leave_the_pack_alone(invoke, folder, fake_office):
    _manifest(folder, PACK + "  - {input: meetings/weekly-2026-11-17.yaml, outputs: [m.pdf]}\n"
                             "  - {input: status.yaml, outputs: [deck.pptx]}\n")
    result = invoke("build", "-o", "out", "-j", "1", "--pdf")
    assert result.exit_code == 0, result.output
    assert _outputs(folder / "out") == sorted(["deck.pdf", "deck.pptx", "m.pdf", PACK_PDF])
    pack_run, batch = fake_office
    assert len(pack_run) == 4
    # The batch converts the minutes' scratch .docx and the deck for --pdf; nothing of the pack.
    assert sorted(p.name for p in batch) == ["deck.pptx", "m.docx"]
    assert [item.title for item in PdfReader(folder / "out" / PACK_PDF).outline] == TITLES


def test_pdf_flag_converts_no_word_pack_over_the_packs_own_pdf(invoke, folder, fake_office):
    _manifest(folder, PACK + "    outputs: [pack.pdf, pack.docx]\n")
    result = invoke("build", "-o", "out", "-j", "1", "--pdf")
    assert result.exit_code == 0, result.output
    assert _outputs(folder / "out") == ["pack.docx", "pack.pdf"]
    assert len(fake_office) == 1  # the pack's own run; no batch run converting pack.docx to pack.pdf
    assert [item.title for item in PdfReader(folder / "out" / "pack.pdf").outline] == TITLES


def test_a_built_pack_is_the_pack_of_docgen_pack_and_takes_the_job_language(invoke, folder, fake_office):
    _manifest(folder, PACK + "    outputs: [en.pdf]\n" + PACK.split("\n", 1)[1] + "    outputs: [fr.pdf]\n"
              "    language: fr\n")
    result = invoke("build", "-o", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    alone = invoke("pack", MEETING, "--status", "status.yaml", "--checklist", "spec.yaml", "--assessment",
                   "assessment.yaml", "--previous-minutes", "earlier/minutes.yaml", "-o", folder / "alone.pdf")
    assert alone.exit_code == 0, alone.output
    assert (folder / "out" / "en.pdf").read_bytes() == (folder / "alone.pdf").read_bytes()
    french = [item.title for item in PdfReader(folder / "out" / "fr.pdf").outline]
    assert french == ["Ordre du jour", "Compte rendu de la séance précédente", "État d'avancement du projet",
                      "Synthèse de conformité"]


def test_a_pack_gets_no_scratch_file_and_is_converted_by_its_own_writer():
    from docgen.build.jobs import Job, office_for_pdf
    from docgen.build.targets import split_pdf_outputs

    assert office_for_pdf("pack") is None and office_for_pdf("meeting") == ".docx"
    jobs = [Job(Path("m.yaml"), "pack", [Path("out/p.pdf")]), Job(Path("m.yaml"), "meeting", [Path("out/m.pdf")])]
    pack, meeting = split_pdf_outputs(jobs, all_pdf=True, scratch=Path("/scratch"))
    assert pack.scratch == {} and pack.pdf  # it still needs LibreOffice: checked before anything is built
    assert meeting.scratch == {"out/m.pdf": "/scratch/00001/m.docx"}


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")


def _new_reference(path: Path) -> None:
    """Rewrite the .docx at ``path`` as another valid package (a zip comment), so its bytes change."""
    with zipfile.ZipFile(path, "a") as package:
        package.comment = b"edited"


def test_the_cache_rebuilds_a_pack_when_any_of_its_inputs_or_templates_change(invoke, folder, fake_office):
    (folder / "tpl").mkdir()  # searched before the built-ins: the agenda part's reference document
    shutil.copy(ROOT / "templates" / "agenda.docx", folder / "tpl" / "agenda.docx")
    _manifest(folder, PACK + "    templates: [tpl]\n")
    (folder / "unrelated.yaml").write_text("note: not read by the pack\n", encoding="utf-8")

    def build() -> str:
        result = invoke("build", "-o", "out", "-j", "1")
        assert result.exit_code == 0, result.output
        return result.output

    assert "built 1, up to date 0" in build()
    assert "built 0, up to date 1" in build() and len(fake_office) == 1  # a no-op rebuild runs no LibreOffice
    os.utime(folder / "status.yaml")  # touched, same bytes
    _edit(folder / "unrelated.yaml")
    assert "built 0, up to date 1" in build()
    edits = {"status": lambda: _edit(folder / "status.yaml"),
             "checklist": lambda: _edit(folder / "spec.yaml"),
             "assessment": lambda: _edit(folder / "assessment.yaml"),
             "previous_minutes": lambda: _edit(folder / "earlier" / "minutes.yaml"),
             "the meeting": lambda: _edit(folder / MEETING),
             "an earlier meeting of its series": lambda: _edit(folder / "meetings" / "weekly-2026-11-17.yaml"),
             "a template": lambda: _new_reference(folder / "tpl" / "agenda.docx")}
    for what, edit in edits.items():
        edit()
        assert "built 1, up to date 0" in build(), what
        assert "built 0, up to date 1" in build(), what
    assert len(fake_office) == 1 + len(edits)


@pytest.mark.parametrize("text, expected", [
    (PACK.replace("status: status.yaml", "status: missing-status.yaml"),
     "docgen.yaml:4: jobs[0].status: file not found: missing-status.yaml"),
    (PACK.replace("    checklist: spec.yaml\n", ""),
     "docgen.yaml:5: jobs[0].assessment: a pack's assessment needs the specification it assesses "
     "(add checklist: SPEC)"),
    (PACK.replace("previous_minutes: earlier/minutes.yaml", "previous_minutes: earlier"),
     "docgen.yaml:7: jobs[0].previous_minutes: earlier is a folder, not a file"),
    (f"jobs:\n  - input: {MEETING}\n    status: status.yaml\n",
     "docgen.yaml:3: jobs[0].status: only a pack job reads it (add kind: pack)"),
    (PACK + "    template: minutes-onepage.docx\n",
     "docgen.yaml:8: jobs[0].template: a pack job does not read it"),
])
def test_a_wrong_pack_job_is_one_line_naming_its_key_and_nothing_is_written(invoke, folder, text, expected):
    _manifest(folder, text)
    result = invoke("build", "-o", "out")
    assert result.exit_code == 2, result.output
    lines = _error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"error: {expected}"), result.stderr
    assert not (folder / "out").exists()


def test_a_pack_may_not_overwrite_one_of_its_parts(invoke, folder):
    _manifest(folder, PACK + "    outputs: [status.yaml]\n")
    result = invoke("build", "-o", ".")
    assert result.exit_code == 2, result.output
    assert "would overwrite the input status.yaml" in result.stderr
    assert (folder / "status.yaml").read_bytes() == (SAMPLES / "status.yaml").read_bytes()


@pytest.mark.office
@needs_office
def test_a_manifest_pack_builds_with_libreoffice(invoke, folder):
    _manifest(folder, PACK + "  - {input: meetings/weekly-2026-11-17.yaml, outputs: [m.pdf]}\n")
    result = invoke("build", "-o", "out", "--pdf")
    assert result.exit_code == 0, result.output
    assert _outputs(folder / "out") == sorted(["m.pdf", PACK_PDF])
    reader = PdfReader(folder / "out" / PACK_PDF)
    assert [item.title for item in reader.outline] == TITLES
    assert len(reader.pages) > 5
    assert f"Page 1 of {len(reader.pages)}" in reader.pages[0].extract_text()
    assert "built 0, up to date 2" in invoke("build", "-o", "out", "--pdf").output


def test_every_kind_of_the_table_has_a_build_runner():
    import importlib

    from docgen.build.jobs import KINDS, RUNNERS

    assert "pack" in KINDS
    for kind in KINDS:
        module, name = RUNNERS[kind].split(":")
        assert callable(getattr(importlib.import_module(module), name)), kind
