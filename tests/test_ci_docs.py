"""The CI examples in docs/ci.md work as written: valid YAML, and their docgen commands run."""

from __future__ import annotations

import re
import shlex
import shutil

import yaml
from conftest import CONTRACT, ROOT

CI_DOC = ROOT / "docs" / "ci.md"


def yaml_blocks() -> list[dict]:
    text = CI_DOC.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]


def test_workflows_are_valid_yaml_and_run_docgen_build():
    github, gitlab = yaml_blocks()[:2]
    steps = github["jobs"]["build"]["steps"]
    assert any("docgen build" in step.get("run", "") for step in steps)
    assert any("docgen build" in line for line in gitlab["documents"]["script"])
    assert gitlab["documents"]["artifacts"]["reports"]["junit"] == "out/junit.xml"


def test_the_build_command_of_the_workflow_runs(invoke, tmp_path, monkeypatch):
    github = yaml_blocks()[0]
    run = next(s["run"] for s in github["jobs"]["build"]["steps"] if "docgen build" in s.get("run", ""))
    command = run.replace("${{ matrix.shard }}", "1")
    repo = tmp_path / "project-docs"
    (repo / "hris" / "committees").mkdir(parents=True)
    shutil.copy(CONTRACT / "meeting.yaml", repo / "hris" / "committees" / "copil-7.yaml")
    shutil.copy(ROOT / "samples" / "steering-committee.yaml", repo / "hris" / "committees" / "copil-8.yaml")
    monkeypatch.chdir(repo)
    args = shlex.split(command)[1:]
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert (repo / "out" / "report-1.json").is_file()
    assert (repo / "out" / "junit-1.xml").is_file()
    built = list((repo / "out").rglob("*.docx"))
    assert len(built) == 1  # shard 1 of 2 builds one of the two meetings


def test_the_kubernetes_job_names_the_shard_total(invoke, tmp_path, monkeypatch):
    job = yaml_blocks()[2]
    container = job["spec"]["template"]["spec"]["containers"][0]
    assert job["spec"]["completionMode"] == "Indexed"
    total = {e["name"]: e["value"] for e in container["env"]}["DOCGEN_SHARD_TOTAL"]
    assert int(total) == job["spec"]["completions"]
    repo = tmp_path / "documents"
    repo.mkdir()
    for n in range(6):
        shutil.copy(CONTRACT / "meeting.yaml", repo / f"copil-{n}.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOCGEN_SHARD_TOTAL", total)
    built = 0
    for index in range(int(total)):
        monkeypatch.setenv("JOB_COMPLETION_INDEX", str(index))
        result = invoke("build", "documents", "-o", f"out-{index}")
        assert result.exit_code == 0, result.output
        built += len(list((tmp_path / f"out-{index}").rglob("*.docx")))
    assert built == 6  # every input in exactly one pod
