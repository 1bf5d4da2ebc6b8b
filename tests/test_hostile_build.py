"""docgen build and the CLI against hostile conditions: bugs, full disks, bad manifests, odd files,
signals and concurrent builds. Each failure is one clear line and the right exit status."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CONTRACT
from hostile import ROOT, assert_clean_failure, run_docgen, snapshot

INTERNAL_LINE = ("error: internal error: ZeroDivisionError: division by zero (please report this; run with "
                 "DOCGEN_DEBUG=1 for the traceback)")


def _meeting(folder: Path, name: str = "meeting.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(CONTRACT / "meeting.yaml", folder / name))


def _portfolio(folder: Path) -> Path:
    """Return ``folder`` holding a meeting, a status and a specification with its assessment."""
    _meeting(folder)
    shutil.copy(CONTRACT / "status.yaml", folder / "status.yaml")
    shutil.copy(CONTRACT / "requirements.yaml", folder / "payroll-spec.yaml")
    shutil.copy(CONTRACT / "compliance.yaml", folder / "payroll-assessment.yaml")
    return folder


def _manifest(tmp_path: Path, text: str) -> Path:
    _meeting(tmp_path)
    shutil.copy(CONTRACT / "status.yaml", tmp_path / "status.yaml")
    path = tmp_path / "docgen.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _zero(*args, **kwargs):
    return 1 / 0


# --- internal errors: exit 3, one line, traceback only with DOCGEN_DEBUG=1 ---------------------------


def test_internal_error_is_one_line_and_exit_3(runner, tmp_path, monkeypatch):
    from docgen.cli import cli
    from docgen.jobs import minutes

    monkeypatch.delenv("DOCGEN_DEBUG", raising=False)
    monkeypatch.setitem(minutes.WRITERS, ".docx", _zero)
    source = _meeting(tmp_path)
    result = runner.invoke(cli, ["minutes", str(source), "-o", str(tmp_path / "m.docx")])
    assert result.exit_code == 3, result.output
    assert result.stderr.strip() == INTERNAL_LINE
    assert "Traceback" not in result.output
    assert not (tmp_path / "m.docx").exists()


def test_internal_error_traceback_with_docgen_debug(invoke, tmp_path, monkeypatch):
    from docgen.jobs import minutes

    monkeypatch.setenv("DOCGEN_DEBUG", "1")
    monkeypatch.setitem(minutes.WRITERS, ".docx", _zero)
    result = invoke("minutes", _meeting(tmp_path), "-o", tmp_path / "m.docx")
    assert result.exit_code == 3
    assert result.stderr.startswith(INTERNAL_LINE + "\n")
    assert "Traceback (most recent call last)" in result.stderr
    assert "ZeroDivisionError: division by zero" in result.stderr.splitlines()[-1]


def test_build_reports_an_internal_error_for_its_input_and_exits_3(invoke, tmp_path, monkeypatch):
    from docgen.build import kinds

    monkeypatch.delenv("DOCGEN_DEBUG", raising=False)
    monkeypatch.setattr(kinds, "run_status", _zero)
    src, out, report = _portfolio(tmp_path / "src"), tmp_path / "out", tmp_path / "r.json"
    result = invoke("build", src, "-o", out, "-j", "1", "--report", report)
    assert result.exit_code == 3, result.output
    assert f"status.yaml: {INTERNAL_LINE[len('error: '):]}" in result.stderr
    assert "1 internal error: please report" in result.stderr
    assert "Traceback" not in result.output
    jobs = {Path(j["input"]).name: j for j in json.loads(report.read_text(encoding="utf-8"))["jobs"]}
    assert jobs["status.yaml"]["status"] == "error" and jobs["status.yaml"]["internal"] is True
    assert "traceback" not in jobs["status.yaml"]
    assert jobs["meeting.yaml"]["status"] == "ok" and not jobs["meeting.yaml"]["internal"]
    assert (out / "meeting.docx").is_file() and (out / "payroll-spec.xlsx").is_file()


def test_build_internal_error_in_a_worker_with_debug_traceback(invoke, tmp_path, monkeypatch):
    from docgen.build import kinds

    monkeypatch.setenv("DOCGEN_DEBUG", "1")
    monkeypatch.setattr(kinds, "run_meeting", _zero)  # inherited by the forked workers
    src = _portfolio(tmp_path / "src")
    result = invoke("build", src, "-o", tmp_path / "out", "-j", "2")
    assert result.exit_code == 3
    assert "meeting.yaml: internal error: ZeroDivisionError" in result.stderr
    assert "traceback of" in result.stderr and "in _zero" in result.stderr


def test_build_internal_error_wins_over_bad_input_and_gate(invoke, tmp_path, monkeypatch):
    from docgen.build import kinds

    monkeypatch.setattr(kinds, "run_status", _zero)
    src = _portfolio(tmp_path / "src")
    (src / "broken.yaml").write_text("meeting:\n  title: [unclosed\n", encoding="utf-8")
    result = invoke("build", src, "-o", tmp_path / "out", "-j", "1", "--fail-on", "must")
    assert result.exit_code == 3
    assert "broken.yaml: " in result.stderr and "YAML syntax error" in result.stderr
    assert "gate failed" in result.stderr


def test_build_exit_codes_bad_input_2_gate_only_1(invoke, tmp_path):
    src = _portfolio(tmp_path / "src")
    gate = invoke("build", src, "-o", tmp_path / "out", "--fail-on", "must")
    assert gate.exit_code == 1, gate.output
    assert "gate failed (--fail-on must)" in gate.stderr
    (src / "broken.yaml").write_text("meeting: [\n", encoding="utf-8")
    bad = invoke("build", src, "-o", tmp_path / "out", "--fail-on", "must")
    assert bad.exit_code == 2
    assert "error: 2 of 4 inputs failed" in bad.stderr


def test_memory_error_names_the_input_exit_2(invoke, tmp_path, monkeypatch):
    from docgen import minutes

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(minutes, "load_checked", exhausted)
    source = _meeting(tmp_path)
    result = invoke("minutes", source, "-o", tmp_path / "m.docx")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {source}: out of memory: the input is too large to process (MemoryError)"


def test_deeply_nested_input_is_a_clear_error_exit_2(tmp_path):
    (tmp_path / "deep.yaml").write_text("meeting: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    run = run_docgen("minutes", "deep.yaml", "-o", "deep.docx", cwd=tmp_path)
    assert_clean_failure(run, "deep.yaml", code=2)
    assert not (tmp_path / "deep.docx").exists()


def test_recursion_error_in_a_build_is_an_input_error(invoke, tmp_path, monkeypatch):
    from docgen.build import kinds

    def recurse(job):
        return recurse(job)

    monkeypatch.setattr(kinds, "run_meeting", recurse)
    result = invoke("build", _meeting(tmp_path / "src"), "-o", tmp_path / "out")
    assert result.exit_code == 2
    assert "meeting.yaml: the input is nested too deeply to process (RecursionError)" in result.stderr


# --- full disk and permissions ------------------------------------------------------------------------


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    def __init__(self, fh):
        self.fh = fh

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.fh.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _fill_disk(monkeypatch) -> None:
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullDisk(real(*a, **k)))


def test_disk_full_names_the_output_exit_2(invoke, tmp_path, monkeypatch):
    source = _meeting(tmp_path)
    monkeypatch.chdir(tmp_path)
    _fill_disk(monkeypatch)
    result = invoke("minutes", source.name, "-o", "out.docx")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: out.docx: cannot write: No space left on device"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["meeting.yaml"]  # no temporary file left


def test_disk_full_in_a_build_is_an_output_error_not_internal(invoke, tmp_path, monkeypatch):
    src = _portfolio(tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    _fill_disk(monkeypatch)
    result = invoke("build", "src", "-o", "out", "-j", "1", "--fail-on", "must")
    assert result.exit_code == 2, result.output
    assert "out/meeting.docx: cannot write: No space left on device" in result.stderr
    assert "internal error" not in result.output
    assert list(tmp_path.rglob("*.tmp")) == []
    assert not list(tmp_path.rglob("*.docx")) and not list(tmp_path.rglob("*.xlsx"))
    assert src.is_dir()


def test_permission_denied_on_rename_names_the_output(invoke, tmp_path, monkeypatch):
    source = _meeting(tmp_path)

    def refuse(src, dst, *args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(src), None, str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    target = tmp_path / "locked" / "m.docx"
    result = invoke("minutes", source, "-o", target)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {target}: cannot write") and "Permission denied" in line
    assert not target.exists()


# --- manifest values of the wrong type ---------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("jobs:\n  - input: meeting.yaml\n  - input: 5\n", "docgen.yaml:3: jobs[1].input: expected a path, got 5"),
    ("jobs:\n  - input: meeting.yaml\n    outputs: [5]\n",
     "docgen.yaml:3: jobs[0].outputs[0]: expected a file name, got 5"),
    ("jobs:\n  - input: meeting.yaml\n    outputs: m.docx\n",
     "docgen.yaml:3: jobs[0].outputs: expected a list of file names, got 'm.docx' (write [m.docx])"),
    ("defaults:\n  formats: docx\njobs: []\n",
     "docgen.yaml:2: defaults.formats: expected a mapping of kind to formats"),
    ("defaults:\n  formats: {minutes: [docx]}\n", "docgen.yaml:2: defaults.formats.minutes: unknown kind"),
    ("jobs:\n  - input: meeting.yaml\n    fail_on: sometimes\n",
     "docgen.yaml:3: jobs[0].fail_on: 'sometimes' is not one of must, should, may"),
    ("jobs: {}\n", "docgen.yaml:1: jobs: expected a list of jobs (- input: FILE), got a mapping"),
    ("jobs: meeting.yaml\n", "docgen.yaml:1: jobs: expected a list of jobs (- input: FILE), got 'meeting.yaml'"),
    ("defaults: []\n", "docgen.yaml:1: defaults: expected a mapping of keys"),
    ("jobs:\n  - input: meeting.yaml\n    kind: minutes\n",
     "docgen.yaml:3: jobs[0].kind: 'minutes' is not one of meeting, agenda, status, spec, actions, portfolio, pack"),
    ("jobs:\n  - input: missing.yaml\n", "docgen.yaml:2: jobs[0].input: file not found: missing.yaml"),
    ("jobs:\n  - outputs: [a.docx]\n", "docgen.yaml:2: jobs[0].input: required key is missing"),
    ("jobs:\n  - meeting.yaml\n", "docgen.yaml:2: jobs[0]: expected a job mapping such as {input: meeting.yaml}"),
    ("jobs:\n  - input: meeting.yaml\n    output: [a.docx]\n",
     "docgen.yaml:3: jobs[0].output: unknown key (did you mean outputs?)"),
    ("jobs:\n  - input: meeting.yaml\n    assessment: [a, b]\n",
     "docgen.yaml:3: jobs[0].assessment: expected a path, got a list"),
    ("jobs:\n  - input: .\n", "docgen.yaml:2: jobs[0].input: . is a folder, not a file"),
    ("defaults:\n  fail_on: [must]\n", "docgen.yaml:2: defaults.fail_on: a list is not one of must, should, may"),
])
def test_manifest_wrong_types_are_one_line_with_line_and_key(tmp_path, text, expected):
    _manifest(tmp_path, text)
    before = snapshot(tmp_path)
    run = run_docgen("build", "-o", "out", cwd=tmp_path)
    assert_clean_failure(run, expected, code=2)
    assert len([line for line in run.stderr.splitlines() if line.startswith("error: ")]) == 1, run.stderr
    assert snapshot(tmp_path) == before


def test_manifest_every_problem_at_once_in_line_order(tmp_path):
    _manifest(tmp_path, "defaults: []\njobs:\n  - input: 5\n    outputs: [5]\n  - input: meeting.yaml\n"
                        "    kind: minutes\n")
    run = run_docgen("build", "-o", "out", cwd=tmp_path)
    assert_clean_failure(run, code=2)
    assert run.stderr.splitlines() == [
        "error: docgen.yaml:1: defaults: expected a mapping of keys (language, fail_on, formats, templates), "
        "got a list",
        "error: docgen.yaml:3: jobs[0].input: expected a path, got 5",
        "error: docgen.yaml:4: jobs[0].outputs[0]: expected a file name, got 5",
        "error: docgen.yaml:6: jobs[1].kind: 'minutes' is not one of meeting, agenda, status, spec, actions, "
        "portfolio, pack",
    ]
    assert not (tmp_path / "out").exists()


def test_manifest_fail_on_any_case_and_single_format_accepted(tmp_path):
    shutil.copy(CONTRACT / "requirements.yaml", tmp_path / "spec.yaml")
    shutil.copy(CONTRACT / "compliance.yaml", tmp_path / "assessment.yaml")
    _manifest(tmp_path, "defaults:\n  formats: {meeting: md}\njobs:\n  - input: meeting.yaml\n"
                        "  - input: spec.yaml\n    assessment: assessment.yaml\n    fail_on: MUST\n    formats: md\n")
    run = run_docgen("build", "-o", "out", cwd=tmp_path)
    assert run.code == 1, run.stderr  # the gate applied: MUST read as must
    assert "gate failed (--fail-on must)" in run.stderr
    assert "HRIS Steering Committee n°7" in (tmp_path / "out" / "meeting.md").read_text(encoding="utf-8")
    assert "PAY-002" in (tmp_path / "out" / "spec.md").read_text(encoding="utf-8")


def test_cli_fail_on_is_case_insensitive(tmp_path):
    shutil.copy(CONTRACT / "requirements.yaml", tmp_path / "payroll-spec.yaml")
    shutil.copy(CONTRACT / "compliance.yaml", tmp_path / "payroll-assessment.yaml")
    run = run_docgen("build", ".", "-o", "out", "--fail-on", "MUST", cwd=tmp_path)
    assert run.code == 1 and "gate failed (--fail-on must)" in run.stderr


@pytest.mark.parametrize("args, expected", [
    (("-j", "0"), "error: -j 0: expected a number of parallel workers of 1 or more"),
    (("-j", "-3"), "error: -j -3: expected a number of parallel workers of 1 or more"),
    (("--shard", "3/2"), "error: --shard 3/2: K must be between 1 and N"),
    (("--shard", "x"), "error: --shard x: expected K/N, e.g. 1/4"),
    (("--shard", "1/0"), "error: --shard 1/0: K must be between 1 and N"),
])
def test_bad_options_fail_before_anything_is_built(tmp_path, args, expected):
    _meeting(tmp_path / "src")
    run = run_docgen("build", "src", "-o", "out", *args, cwd=tmp_path)
    assert_clean_failure(run, expected, code=2)
    assert not (tmp_path / "out").exists()


# --- discovery and outputs ---------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"[1, 2, 3]", b"\x00\xff garbage {{{", b'{"a": 5}', b""])
def test_a_cache_that_is_not_a_cache_is_ignored_with_a_warning(tmp_path, content):
    _meeting(tmp_path / "src")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".docgen-cache.json").write_bytes(content)
    run = run_docgen("build", "src", "-o", "out", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert "warning: " in run.stderr and ".docgen-cache.json: ignored" in run.stderr
    assert "built 1, up to date 0" in run.stdout
    cache = json.loads((tmp_path / "out" / ".docgen-cache.json").read_text(encoding="utf-8"))
    assert isinstance(cache, dict) and len(cache) == 1
    again = run_docgen("build", "src", "-o", "out", cwd=tmp_path)
    assert "up to date 1" in again.stdout and "warning" not in again.stderr


def test_folders_broken_links_and_fifos_named_yaml_are_skipped(tmp_path):
    src = tmp_path / "src"
    _meeting(src)
    (src / "folder.yaml").mkdir()
    (src / "folder.yaml" / "inner.txt").write_text("x", encoding="utf-8")
    (src / "dangling.yaml").symlink_to(src / "nowhere.yaml")
    os.mkfifo(src / "x.yaml")  # a FIFO next to a meeting: neither discovery nor the series lookup may open it
    os.mkfifo(src / "notes.md")
    run = run_docgen("build", "src", "-o", "out", "--report", "r.json", cwd=tmp_path)
    assert run.code == 0, run.stderr
    assert run.seconds < 10
    inputs = [Path(j["input"]).name for j in json.loads((tmp_path / "r.json").read_text())["jobs"]]
    assert inputs == ["meeting.yaml"]
    assert (tmp_path / "out" / "meeting.docx").is_file()


def test_a_fifo_named_on_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "x.yaml")
    run = run_docgen("build", "x.yaml", "-o", "out", cwd=tmp_path)
    assert_clean_failure(run, "error: x.yaml: is not a regular file", code=2)


def test_a_fifo_in_the_manifest_is_refused(tmp_path):
    os.mkfifo(tmp_path / "x.yaml")
    _manifest(tmp_path, "jobs:\n  - input: x.yaml\n")
    run = run_docgen("build", "-o", "out", cwd=tmp_path)
    assert_clean_failure(run, "docgen.yaml:2: jobs[0].input: x.yaml is not a regular file", code=2)


@pytest.mark.parametrize("option", ["--report", "--junit"])
def test_report_pointing_at_a_folder_fails_before_building(tmp_path, option):
    _meeting(tmp_path / "src")
    (tmp_path / "reports").mkdir()
    run = run_docgen("build", "src", "-o", "out", option, "reports", cwd=tmp_path)
    assert_clean_failure(run, f"error: {option} reports: is a folder; give a file name", code=2)
    assert not (tmp_path / "out").exists()


def test_report_under_a_file_fails_before_building(tmp_path):
    _meeting(tmp_path / "src")
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    run = run_docgen("build", "src", "-o", "out", "--report", "plain/r.json", cwd=tmp_path)
    assert_clean_failure(run, "--report plain/r.json: plain is a file, not a folder", code=2)
    assert not (tmp_path / "out").exists()


def test_two_inputs_writing_one_output_are_refused_naming_both(tmp_path):
    src = tmp_path / "src"
    _meeting(src, "a.yaml")
    (src / "a.md").write_text("# Weekly sync\n\n## Topic\n\n- done\n", encoding="utf-8")
    before = snapshot(tmp_path)
    run = run_docgen("build", "src", "-o", "out", cwd=tmp_path)
    assert_clean_failure(run, "error: out/a.docx: written by both src/a.md and src/a.yaml", code=2)
    assert snapshot(tmp_path) == before and not (tmp_path / "out").exists()


def test_two_manifest_jobs_with_one_output_are_refused_naming_both(tmp_path):
    _manifest(tmp_path, "jobs:\n  - input: meeting.yaml\n    outputs: [x/c.docx]\n"
                        "  - input: status.yaml\n    outputs: [x/c.md, x/c.docx]\n")
    run = run_docgen("build", "-o", "out", cwd=tmp_path)
    assert_clean_failure(run, "error: out/x/c.docx: written by both docgen.yaml:2: jobs[0] (meeting.yaml) and "
                              "docgen.yaml:4: jobs[1] (status.yaml)", code=2)
    assert not (tmp_path / "out").exists()


def test_an_output_that_would_overwrite_an_input_is_refused(tmp_path):
    (tmp_path / "notes.md").write_text("# Weekly sync\n\n## Topic\n\n- kept by hand\n", encoding="utf-8")
    _manifest(tmp_path, "jobs:\n  - input: meeting.yaml\n    outputs: [notes.md]\n  - input: notes.md\n")
    run = run_docgen("build", "-o", ".", cwd=tmp_path)
    assert_clean_failure(run, "error: notes.md: output of docgen.yaml:2: jobs[0] (meeting.yaml) would overwrite the "
                              "input notes.md; refused", code=2)
    assert (tmp_path / "notes.md").read_text(encoding="utf-8").endswith("- kept by hand\n")
    assert not (tmp_path / "notes.docx").exists()


def test_outputs_of_an_earlier_build_are_not_taken_for_inputs(tmp_path):
    _meeting(tmp_path)
    (tmp_path / "docgen.yaml").write_text("defaults:\n  formats: {meeting: [md]}\n", encoding="utf-8")
    first = run_docgen("build", "-o", "out", cwd=tmp_path)  # no jobs: every input of the folder
    assert first.code == 0, first.stderr
    assert (tmp_path / "out" / "meeting.md").is_file()
    second = run_docgen("build", ".", "--manifest", "docgen.yaml", "-o", "out", "--report", "r.json", cwd=tmp_path)
    assert second.code == 0, second.stderr
    inputs = [Path(j["input"]).name for j in json.loads((tmp_path / "r.json").read_text())["jobs"]]
    assert inputs == ["meeting.yaml"]


# --- the cache: saved as jobs finish, merged under a lock -------------------------------------------


def _jobs(folder: Path, count: int, outdir: Path):
    from docgen.build.targets import discover_jobs

    for i in range(count):
        _meeting(folder / f"{folder.name}{i:02}")
    return discover_jobs([folder], outdir, {})


def test_two_caches_on_one_outdir_keep_each_others_entries(tmp_path):
    from docgen.build.cache import BuildCache

    out = tmp_path / "out"
    jobs = _jobs(tmp_path / "src", 2, out)
    first, second = BuildCache(out), BuildCache(out)  # both read the (missing) cache first
    first.record(jobs[0], "a" * 64)
    second.record(jobs[1], "b" * 64)
    first.save()
    second.save()
    on_disk = json.loads((out / ".docgen-cache.json").read_text(encoding="utf-8"))
    assert on_disk == {first.key(jobs[0]): "a" * 64, second.key(jobs[1]): "b" * 64}
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")] == []


def test_cache_saves_are_throttled(tmp_path, monkeypatch):
    from docgen.build import cache as cache_module
    from docgen.build.runner import run_jobs

    out = tmp_path / "out"
    jobs = _jobs(tmp_path / "src", 30, out)
    writes = []
    real = cache_module.atomic_write_text
    monkeypatch.setattr(cache_module, "atomic_write_text", lambda dest, text: writes.append(dest) or real(dest, text))
    started = time.perf_counter()
    results = run_jobs(jobs, out, workers=1)
    elapsed = time.perf_counter() - started
    assert [r.status for r in results] == ["ok"] * 30
    assert 1 <= len(writes) <= elapsed / 0.5 + 2
    assert len(json.loads((out / ".docgen-cache.json").read_text(encoding="utf-8"))) == 30


SLOW_DOCGEN = """
import os, sys, time
import docgen.build.kinds as kinds
_real = kinds.run_meeting
def slow(job):
    time.sleep(float(os.environ.get("DOCGEN_TEST_DELAY", "0.2")))
    return _real(job)
kinds.run_meeting = slow
from docgen.cli import main
sys.argv[0] = "docgen"
main()
"""


def _slow_build(tmp_path: Path, *args: str, delay: float = 0.2) -> subprocess.Popen:
    script = tmp_path / "slow_docgen.py"
    script.write_text(SLOW_DOCGEN, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DOCGEN_TEST_DELAY": str(delay)}
    return subprocess.Popen([sys.executable, str(script), "build", *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)


def _children(pid: int) -> list[int]:
    kids = []
    for stat_file in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat_file.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat_file.parent.name))
    return kids


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its reaper is not running
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _workers_started(proc: subprocess.Popen, count: int = 2) -> list[int]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        kids = _children(proc.pid)
        if len(kids) >= count:
            return kids
        time.sleep(0.02)
    proc.kill()
    pytest.fail("the build did not start its workers")


def _gone_within(pids: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(_running(p) for p in pids):
        time.sleep(0.05)
    return [p for p in pids if _running(p)]


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


@needs_proc
def test_sigterm_stops_the_workers_and_keeps_the_cache(tmp_path):
    _jobs(tmp_path / "src", 40, tmp_path / "out")
    proc = _slow_build(tmp_path, "src", "-o", "out", "-j", "2")
    workers = _workers_started(proc)
    time.sleep(1.5)  # a few jobs finish
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=10)
    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "error: build interrupted by SIGTERM" in stderr and "Traceback" not in stderr
    assert _gone_within(workers, 3) == []
    cached = json.loads((tmp_path / "out" / ".docgen-cache.json").read_text(encoding="utf-8"))
    assert 2 <= len(cached) < 40
    rest = run_docgen("build", "src", "-o", "out", cwd=tmp_path, timeout=30)
    assert rest.code == 0, rest.stderr
    assert f"built {40 - len(cached)}, up to date {len(cached)}" in rest.stdout


@needs_proc
def test_sigkill_of_the_build_takes_its_workers_down(tmp_path):
    _jobs(tmp_path / "src", 40, tmp_path / "out")
    proc = _slow_build(tmp_path, "src", "-o", "out", "-j", "2")
    workers = _workers_started(proc)
    time.sleep(1.5)
    proc.kill()
    proc.communicate(timeout=10)
    assert _gone_within(workers, 3) == []
    cached = json.loads((tmp_path / "out" / ".docgen-cache.json").read_text(encoding="utf-8"))
    assert 1 <= len(cached) < 40  # saved while jobs finished, not only at the end
    for key in cached:
        assert Path(key.split("->", 1)[1]).is_file()


def test_two_concurrent_builds_into_one_outdir_keep_both_cache_entries(tmp_path):
    _jobs(tmp_path / "a", 6, tmp_path / "out")
    _jobs(tmp_path / "b", 6, tmp_path / "out")
    first = _slow_build(tmp_path, "a", "-o", "out", "-j", "1", delay=0.15)
    second = _slow_build(tmp_path, "b", "-o", "out", "-j", "1", delay=0.15)
    for proc in (first, second):
        _, stderr = proc.communicate(timeout=30)
        assert proc.returncode == 0, stderr
    cached = json.loads((tmp_path / "out" / ".docgen-cache.json").read_text(encoding="utf-8"))
    assert len(cached) == 12
    assert {Path(k.split("->")[0]).parts[-3] for k in cached} == {"a", "b"}
    again = run_docgen("build", "a", "b", "-o", "out", cwd=tmp_path)
    assert "built 0, up to date 12" in again.stdout


def test_a_worker_that_dies_is_an_internal_error_for_its_input(invoke, tmp_path, monkeypatch):
    from docgen.build import kinds

    real = kinds.run_meeting

    def die_on_b(job):
        if job.input.parent.name == "b":
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
        return real(job)

    monkeypatch.setattr(kinds, "run_meeting", die_on_b)
    for name in ("a", "b"):
        _meeting(tmp_path / "src" / name)
    result = invoke("build", tmp_path / "src", "-o", tmp_path / "out", "-j", "2", "--report", tmp_path / "r.json")
    assert result.exit_code == 3, result.output
    assert "b/meeting.yaml: internal error: the worker process building this input died" in result.stderr
    jobs = {Path(j["input"]).parent.name: j for j in json.loads((tmp_path / "r.json").read_text())["jobs"]}
    assert jobs["b"]["status"] == "error" and jobs["b"]["internal"] is True
