"""docgen build: mixed folders, one broken file, reports, incremental runs, shards, safety."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from conftest import CONTRACT, ROOT


@pytest.fixture
def portfolio(tmp_path):
    src = tmp_path / "docs"
    (src / "hris" / "committees").mkdir(parents=True)
    (src / "crm").mkdir()
    shutil.copy(CONTRACT / "meeting.yaml", src / "hris" / "committees" / "copil-7.yaml")
    shutil.copy(ROOT / "samples" / "comite-pilotage.yaml", src / "crm" / "copil.yaml")
    shutil.copy(CONTRACT / "requirements.yaml", src / "hris" / "payroll-spec.yaml")
    shutil.copy(CONTRACT / "compliance.yaml", src / "hris" / "payroll-assessment.yaml")
    (src / "crm" / "broken.yaml").write_text("meeting:\n  title: [unclosed\n", encoding="utf-8")
    (src / "README.md").write_text("# Project docs\n", encoding="utf-8")
    return src


def test_one_bad_input_does_not_stop_the_others(invoke, portfolio, tmp_path):
    out, report = tmp_path / "out", tmp_path / "report.json"
    result = invoke("build", portfolio, "-o", out, "--report", report, "--junit", tmp_path / "j.xml",
                    "-j", "2")
    assert result.exit_code == 2
    assert "broken.yaml" in result.output
    assert (out / "hris" / "committees" / "copil-7.docx").is_file()
    assert (out / "crm" / "copil.docx").is_file()
    assert (out / "hris" / "payroll-spec.docx").is_file()
    assert (out / "hris" / "payroll-spec.xlsx").is_file()
    assert not (out / "crm" / "broken.docx").exists()
    data = json.loads(report.read_text(encoding="utf-8"))
    by_input = {j["input"].split("docs/")[-1]: j for j in data["jobs"]}
    assert by_input["crm/broken.yaml"]["status"] == "error"
    assert "YAML syntax error" in by_input["crm/broken.yaml"]["error"]
    assert by_input["hris/committees/copil-7.yaml"]["status"] == "ok"
    assert by_input["hris/committees/copil-7.yaml"]["outputs"][0].endswith("copil-7.docx")
    assert data["summary"]["error"] == 1 and data["summary"]["ok"] == 3
    assert "README.md" not in json.dumps(data)
    suite = ET.parse(tmp_path / "j.xml").getroot()
    assert suite.get("errors") == "1" and suite.get("tests") == "4"
    # The spec found its assessment by name: PAY-001 is compliant in the checklist.
    table_text = "\n".join(c.text for t in docx.Document(str(out / "hris" / "payroll-spec.docx")).tables
                           for r in t.rows for c in r.cells)
    assert "Compliant" in table_text and "Non-compliant" in table_text


def test_incremental_and_reproducible(invoke, portfolio, tmp_path):
    (portfolio / "crm" / "broken.yaml").unlink()
    out = tmp_path / "out"
    first = invoke("build", portfolio, "-o", out, "-j", "1")
    assert first.exit_code == 0, first.output
    target = out / "hris" / "committees" / "copil-7.docx"
    bytes_before = target.read_bytes()
    second = invoke("build", portfolio, "-o", out, "--report", tmp_path / "r.json")
    assert "up to date 3" in second.output
    statuses = {j["status"] for j in json.loads((tmp_path / "r.json").read_text())["jobs"]}
    assert statuses == {"skipped"}
    forced = invoke("build", portfolio, "-o", out, "--force")
    assert "built 3" in forced.output
    assert target.read_bytes() == bytes_before
    # Touching an input without changing it does not rebuild; changing it does.
    source = portfolio / "hris" / "committees" / "copil-7.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("n°7", "n°8"), encoding="utf-8")
    changed = invoke("build", portfolio, "-o", out)
    assert "built 1, up to date 2" in changed.output


def test_shards_split_the_portfolio(invoke, portfolio, tmp_path):
    (portfolio / "crm" / "broken.yaml").unlink()
    seen = []
    for k in (1, 2):
        report = tmp_path / f"r{k}.json"
        result = invoke("build", portfolio, "-o", tmp_path / "out", "--shard", f"{k}/2", "--report", report)
        assert result.exit_code == 0, result.output
        seen += [j["input"] for j in json.loads(report.read_text())["jobs"]]
    assert len(seen) == 3 and len(set(seen)) == 3
    bad = invoke("build", portfolio, "-o", tmp_path / "out", "--shard", "3/2")
    assert bad.exit_code == 2 and "--shard 3/2" in bad.output


def test_manifest_jobs_and_outdir_escape(invoke, tmp_path):
    shutil.copy(CONTRACT / "meeting.yaml", tmp_path / "meeting.yaml")
    manifest = tmp_path / "docgen.yaml"
    manifest.write_text("defaults:\n  language: fr\njobs:\n  - input: meeting.yaml\n"
                        "    outputs: [copil/cr.docx, copil/cr.md]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("build", "--manifest", manifest, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Ordre du jour" in (out / "copil" / "cr.md").read_text(encoding="utf-8")
    manifest.write_text("jobs:\n  - input: meeting.yaml\n    outputs: [../../etc/x.docx]\n",
                        encoding="utf-8")
    result = invoke("build", "--manifest", manifest, "-o", out)
    assert result.exit_code == 2
    assert "outside" in result.output
    assert not (tmp_path.parent / "etc").exists()


def test_pdf_without_libreoffice_says_how_to_install(invoke, tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    result = invoke("build", CONTRACT / "meeting.yaml", "-o", tmp_path / "out", "--pdf")
    assert result.exit_code == 2
    assert "apt-get install" in result.output


@pytest.mark.office
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_outputs_in_one_libreoffice_run(invoke, tmp_path):
    shutil.copy(CONTRACT / "meeting.yaml", tmp_path / "meeting.yaml")
    shutil.copy(ROOT / "samples" / "comite-pilotage.yaml", tmp_path / "copil.yaml")
    manifest = tmp_path / "docgen.yaml"
    manifest.write_text("jobs:\n  - input: meeting.yaml\n    outputs: [a/m.pdf]\n"
                        "  - input: copil.yaml\n    outputs: [b/c.docx]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("build", "--manifest", manifest, "-o", out, "--pdf")
    assert result.exit_code == 0, result.output
    for pdf in (out / "a" / "m.pdf", out / "b" / "c.pdf"):
        assert pdf.read_bytes().startswith(b"%PDF")


def test_series_carry_over_in_a_build(invoke, tmp_path):
    out = tmp_path / "out"
    result = invoke("build", ROOT / "samples" / "series", "-o", out)
    assert result.exit_code == 0, result.output
    second = docx.Document(str(out / "weekly-2026-11-24.docx"))
    review = next(t for t in second.tables if t.rows[0].cells[-1].text == "Comment")
    ids = [r.cells[0].text for r in review.rows[1:]]
    assert "W-040" in ids and "W-041" in ids  # carried from the week before
    assert any("Overdue" in r.cells[4].text for r in review.rows[1:])


def test_manifest_previous_period_and_assessment(invoke, tmp_path):
    for name in ("status.yaml", "status-previous.yaml", "payroll-interface-spec.yaml",
                 "payroll-interface-assessment.yaml", "payroll-interface-assessment-previous.yaml"):
        shutil.copy(ROOT / "samples" / name, tmp_path / name)
    manifest = tmp_path / "docgen.yaml"
    manifest.write_text(
        "jobs:\n"
        "  - {input: status.yaml, previous: status-previous.yaml, outputs: [deck.md]}\n"
        "  - {input: payroll-interface-spec.yaml, assessment: payroll-interface-assessment.yaml,\n"
        "     previous_assessment: payroll-interface-assessment-previous.yaml, outputs: [c.md]}\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = invoke("build", "--manifest", manifest, "-o", out)
    assert result.exit_code == 0, result.output
    assert "Changes since October 2026" in (out / "deck.md").read_text(encoding="utf-8")
    assert "regressed" in (out / "c.md").read_text(encoding="utf-8").lower()


def test_shards_are_a_stable_hash_of_the_path(tmp_path, monkeypatch):
    from docgen.build.jobs import Job
    from docgen.build.targets import shard

    monkeypatch.chdir(tmp_path)
    jobs = [Job(input=Path(f"minutes/week-{n:03d}.yaml"), kind="meeting", outputs=[]) for n in range(60)]
    before = {str(j.input): k for k in (1, 2, 3) for j in shard(jobs, f"{k}/3")}
    assert sorted(before) == sorted(str(j.input) for j in jobs)  # every input in exactly one slice
    assert all(10 <= sum(1 for v in before.values() if v == k) <= 30 for k in (1, 2, 3))
    grown = [Job(input=Path("minutes/week-000a.yaml"), kind="meeting", outputs=[]), *jobs]
    after = {str(j.input): k for k in (1, 2, 3) for j in shard(grown, f"{k}/3")}
    assert all(after[name] == slot for name, slot in before.items())  # adding one input moves no other


def test_shard_comes_from_gitlab_or_kubernetes_when_not_given():
    from docgen.build.targets import shard_from_environment
    from docgen.errors import ConfigError

    assert shard_from_environment({}) is None
    assert shard_from_environment({"CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "3"}) == "2/3"
    assert shard_from_environment({"JOB_COMPLETION_INDEX": "0", "DOCGEN_SHARD_TOTAL": "4"}) == "1/4"
    with pytest.raises(ConfigError, match="DOCGEN_SHARD_TOTAL"):
        shard_from_environment({"JOB_COMPLETION_INDEX": "1"})
    with pytest.raises(ConfigError, match="K must be between 1 and N"):
        shard_from_environment({"CI_NODE_INDEX": "4", "CI_NODE_TOTAL": "3"})


def test_build_reads_the_gitlab_slice(invoke, portfolio, tmp_path, monkeypatch):
    (portfolio / "crm" / "broken.yaml").unlink()
    monkeypatch.setenv("CI_NODE_TOTAL", "2")
    built = set()
    for k in ("1", "2"):
        monkeypatch.setenv("CI_NODE_INDEX", k)
        report = tmp_path / f"r{k}.json"
        result = invoke("build", portfolio, "-o", tmp_path / "out", "--report", report)
        assert result.exit_code in (0, 1), result.output
        names = {Path(j["input"]).name for j in json.loads(report.read_text(encoding="utf-8"))["jobs"]}
        assert not names & built
        built |= names
    assert len(built) >= 3


def test_editing_one_meeting_rebuilds_it_and_the_later_meetings_of_its_series_only(invoke, tmp_path):
    import yaml

    base = yaml.safe_load((CONTRACT / "meeting.yaml").read_text(encoding="utf-8"))
    folder = tmp_path / "meetings"
    folder.mkdir()
    for n, (series, day) in enumerate([("Weekly", 3), ("Weekly", 10), ("Weekly", 17), ("Board", 4), ("Board", 11)]):
        data = json.loads(json.dumps(base, default=str))
        data.pop("previous")
        data["meeting"].update(series=series, date=f"2026-11-{day:02d}", title=f"{series} {day}")
        (folder / f"m{n}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out, report = tmp_path / "out", tmp_path / "r.json"
    assert invoke("build", folder, "-o", out).exit_code == 0
    edited = folder / "m1.yaml"  # the second weekly meeting
    edited.write_text(edited.read_text(encoding="utf-8").replace("Weekly 10", "Weekly 10 (amended)"), encoding="utf-8")
    assert invoke("build", folder, "-o", out, "--report", report).exit_code == 0
    status = {Path(j["input"]).name: j["status"] for j in json.loads(report.read_text(encoding="utf-8"))["jobs"]}
    assert status == {"m0.yaml": "skipped", "m1.yaml": "ok", "m2.yaml": "ok", "m3.yaml": "skipped",
                      "m4.yaml": "skipped"}


def test_a_change_of_installed_fonts_rebuilds_the_decks_only(invoke, tmp_path, monkeypatch):
    from docgen.build import cache

    src, out = tmp_path / "docs", tmp_path / "out"
    src.mkdir()
    shutil.copy(CONTRACT / "meeting.yaml", src / "copil.yaml")
    shutil.copy(CONTRACT / "status.yaml", src / "status.yaml")
    monkeypatch.setattr(cache, "installed_fonts", lambda: "fonts of this machine")
    assert invoke("build", src, "-o", out).exit_code == 0
    assert "up to date 2" in invoke("build", src, "-o", out).output
    monkeypatch.setattr(cache, "installed_fonts", lambda: "a font installed since")  # the deck measures with it
    report = tmp_path / "r.json"
    rebuilt = invoke("build", src, "-o", out, "--report", report)
    assert "built 1, up to date 1" in rebuilt.output
    status = {Path(j["input"]).name: j["status"] for j in json.loads(report.read_text())["jobs"]}
    assert status == {"copil.yaml": "skipped", "status.yaml": "ok"}


def test_installed_fonts_fingerprint_follows_fontconfig(tmp_path, monkeypatch):
    from docgen.deck import font_files

    font = tmp_path / "Corporate.ttf"
    font.write_bytes(b"not really a font")
    listing = type("Run", (), {"stdout": f"{font}\n", "returncode": 0})
    monkeypatch.setattr(font_files.shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(font_files.subprocess, "run", lambda *a, **k: listing)
    font_files.installed_fonts.cache_clear()
    first = font_files.installed_fonts()
    font_files.installed_fonts.cache_clear()
    font.write_bytes(b"a newer version of the font")
    second = font_files.installed_fonts()
    monkeypatch.setattr(font_files.shutil, "which", lambda name: None)
    font_files.installed_fonts.cache_clear()
    without = font_files.installed_fonts()
    font_files.installed_fonts.cache_clear()
    assert len({first, second, without}) == 3
