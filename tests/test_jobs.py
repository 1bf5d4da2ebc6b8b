"""The one job protocol: every job's writers, PDF for every job, every job in a build, the layers."""

from __future__ import annotations

import inspect
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from office import needs_office

from docgen.jobs import JOBS, KINDS, job

SAMPLES = ROOT / "samples"
# job -> the command line of one run on the samples, without its -o.
RUNS = {
    "minutes": ["minutes", SAMPLES / "steering-committee.yaml", "--no-previous"],
    "agenda": ["agenda", SAMPLES / "steering-committee.yaml", "--no-previous"],
    "deck": ["deck", SAMPLES / "status.yaml"],
    "checklist": ["checklist", SAMPLES / "payroll-interface-spec.yaml", "--assessment",
                  SAMPLES / "payroll-interface-assessment.yaml"],
    "actions": ["actions", SAMPLES / "series"],
    "portfolio": ["portfolio", SAMPLES / "status.yaml", SAMPLES / "status-previous.yaml"],
    "pack": ["pack", SAMPLES / "series" / "weekly-2026-11-24.yaml", "--status", SAMPLES / "status.yaml",
             "--checklist", SAMPLES / "payroll-interface-spec.yaml", "--assessment",
             SAMPLES / "payroll-interface-assessment.yaml", "--previous-minutes",
             SAMPLES / "series" / "weekly-2026-11-17.yaml", "--no-previous"],
}
# The pack's PDF writer is no wrapper around one Office writer: it writes its parts as .docx and .pptx
# files and converts them all in one LibreOffice run.
PACK_PARTS = (".docx", ".pptx")


def _office_suffixes(name: str) -> tuple[str, ...]:
    """Return the Office extensions the PDF writer of job ``name`` writes before converting them."""
    writer = job(name).WRITERS[".pdf"]
    if hasattr(writer, "office_suffix"):
        return (writer.office_suffix,)
    assert name == "pack" and not hasattr(writer, "office"), "only the pack's PDF writer converts its own parts"
    return PACK_PARTS


@pytest.mark.parametrize("name", sorted(JOBS))
def test_every_writer_has_the_one_signature(name):
    module = job(name)
    assert module.NAME == name and KINDS[module.KIND] == name
    assert module.INPUTS and callable(module.load)
    assert ".pdf" in module.WRITERS, "every job writes PDF"
    for suffix, writer in module.WRITERS.items():
        params = list(inspect.signature(writer).parameters.values())
        assert [p.name for p in params[1:]] == ["ctx", "dest"], (suffix, writer)
        assert len(params) == 3 and all(p.default is inspect.Parameter.empty for p in params), (suffix, writer)
        assert writer.__doc__, (suffix, writer)


def test_every_job_is_a_command_and_a_build_kind():
    from docgen.build.jobs import KINDS as BUILD_KINDS
    from docgen.cli import COMMANDS

    assert set(JOBS) <= set(COMMANDS)
    assert set(BUILD_KINDS) == set(KINDS)


@pytest.mark.office
@needs_office
@pytest.mark.parametrize("name", sorted(RUNS))
def test_pdf_for_every_job_never_touches_an_office_file_beside_it(invoke, tmp_path, name):
    beside = [tmp_path / f"x{office}" for office in _office_suffixes(name)]
    for path in beside:
        path.write_bytes(b"mine")
    result = invoke(*RUNS[name], "-o", tmp_path / "x.pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert [path.read_bytes() for path in beside] == [b"mine"] * len(beside)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["x.pdf", *(path.name for path in beside)])


@pytest.mark.parametrize("name", sorted(RUNS))
def test_an_office_file_is_never_created_for_a_pdf(invoke, tmp_path, name, monkeypatch):
    """Without LibreOffice too: the PDF writer converts from temporary files, never from one beside it.

    Every job converts in one LibreOffice run: one file, or the pack's parts all together.
    """
    import io

    from pypdf import PdfWriter

    from docgen import pdf

    runs: list[list[Path]] = []
    page = PdfWriter()
    page.add_blank_page(595, 842)
    one_page = io.BytesIO()
    page.write(one_page)  # the pack merges its parts' PDFs: they must be real ones

    def fake(source: Path, dest: Path, timeout: int = 180) -> Path:
        return fake_many([(source, dest)])[0]

    def fake_many(pairs: list[tuple[Path, Path]], timeout: int = 600) -> list[Path]:
        runs.append([Path(source) for source, _ in pairs])
        for source, _ in pairs:
            assert Path(source).is_file() and Path(source).parent != tmp_path
        return [pdf.atomic_write_bytes(Path(dest), one_page.getvalue()) for _, dest in pairs]

    monkeypatch.setattr(pdf, "convert_to_pdf", fake)
    monkeypatch.setattr(pdf, "convert_many", fake_many)
    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    result = invoke(*RUNS[name], "-o", tmp_path / "x.pdf")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["x.pdf"] and len(runs) == 1
    assert {source.suffix for source in runs[0]} <= set(_office_suffixes(name))


def _manifest(folder: Path) -> None:
    (folder / "meetings").mkdir(parents=True)
    for meeting in (SAMPLES / "series").iterdir():
        shutil.copy(meeting, folder / "meetings" / meeting.name)
    (folder / "statuses").mkdir()
    for name in ("status.yaml", "status-previous.yaml"):
        shutil.copy(SAMPLES / name, folder / "statuses" / name)
    shutil.copy(SAMPLES / "steering-committee.yaml", folder / "meeting.yaml")
    shutil.copytree(SAMPLES / "pmo-templates", folder / "pmo")
    shutil.copy(ROOT / "docs" / "formats" / "status.yaml", folder / "status-full.yaml")
    (folder / "docgen.yaml").write_text(
        "jobs:\n"
        "  - {input: meeting.yaml, kind: agenda, outputs: [agenda.docx, agenda.md]}\n"
        "  - {input: meetings, kind: actions, outputs: [register.xlsx, register.md]}\n"
        "  - {inputs: [statuses], kind: portfolio, outputs: [portfolio.pptx, portfolio.md]}\n"
        "  - {input: meeting.yaml, templates: [pmo], template: minutes-onepage.docx, outputs: [onepage.docx]}\n"
        "  - {input: status-full.yaml, templates: [pmo], template: deck-onepage.pptx, outputs: [onepage.pptx]}\n",
        encoding="utf-8")


def test_a_manifest_builds_agenda_actions_portfolio_and_template_jobs(invoke, tmp_path, monkeypatch):
    _manifest(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = invoke("build", "-o", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    for name in ("agenda.docx", "agenda.md", "register.xlsx", "register.md", "portfolio.pptx", "portfolio.md",
                 "onepage.docx", "onepage.pptx"):
        assert (out / name).is_file(), name
    assert "Sarah Cohen" in (out / "register.md").read_text(encoding="utf-8")
    assert "HRIS" in (out / "portfolio.md").read_text(encoding="utf-8")
    again = invoke("build", "-o", "out", "-j", "1")
    assert "up to date 5" in again.output
    (tmp_path / "meetings" / "weekly-2026-11-24.yaml").write_text(
        (SAMPLES / "series" / "weekly-2026-11-24.yaml").read_text(encoding="utf-8") + "\n# edited\n",
        encoding="utf-8")
    third = invoke("build", "-o", "out", "-j", "1")
    assert "built 1, up to date 4" in third.output, third.output


def _slide_texts(pptx: Path) -> str:
    with zipfile.ZipFile(pptx) as package:
        return " ".join(package.read(n).decode() for n in package.namelist() if n.startswith("ppt/slides/slide"))


def test_a_folder_of_two_periods_builds_the_later_deck_with_its_changes(invoke, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("status.yaml", "status-previous.yaml"):
        shutil.copy(SAMPLES / name, folder / name)
    result = invoke("build", folder, "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 0, result.output
    later = _slide_texts(tmp_path / "out" / "status.pptx")
    earlier = _slide_texts(tmp_path / "out" / "status-previous.pptx")
    assert "Changes since" in later and "Changes since" not in earlier
    expected = tmp_path / "expected.pptx"
    assert invoke("deck", folder / "status.yaml", "--previous", folder / "status-previous.yaml",
                  "-o", expected).exit_code == 0
    assert _slide_texts(expected) == later


def test_lint_imports_keeps_every_layer_contract():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    # --no-cache: a cache left by an earlier run can hide an import added since.
    run = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "broken" not in run.stdout.split("Contracts:")[-1].split("\n")[0].replace("0 broken", "")

