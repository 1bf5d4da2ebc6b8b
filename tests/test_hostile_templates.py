"""Hostile templates and label files: refused with one clear line, exit 2, nothing written, in bounded time.

Each case runs docgen in a child process capped at 10 s and 500 MB (tests/hostile.py), with a
template folder holding the hostile file and the example inputs of docs/formats.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONTRACT
from hostile import assert_clean_failure, run_docgen, snapshot

# Text templates and the command writing each (input, output name).
MINUTES_MD = ("minutes.md.j2", ("minutes", "meeting.yaml"), "out.md")
MINUTES_HTML = ("minutes.html.j2", ("minutes", "meeting.yaml"), "out.html")
AGENDA_MD = ("agenda.md.j2", ("agenda", "meeting.yaml"), "agenda.md")
AGENDA_HTML = ("agenda.html.j2", ("agenda", "meeting.yaml"), "agenda.html")
CHECKLIST_MD = ("checklist.md.j2", ("checklist", "requirements.yaml", "-a", "compliance.yaml"), "checklist.md")
REPORT_MD = ("status-report.md.j2", ("deck", "status.yaml"), "report.md")

# docgen/renderers/checklist_md.py and docgen/deck/report.py build their own Jinja environment
# (FileSystemLoader + plain SandboxedEnvironment) and were outside this change's files: they get
# the limits once they use docgen.jinja_env / docgen.template_sandbox.BoundedSandbox.


def _work(tmp_path: Path) -> Path:
    for name in ("meeting.yaml", "status.yaml", "requirements.yaml", "compliance.yaml"):
        shutil.copy(CONTRACT / name, tmp_path / name)
    (tmp_path / "T").mkdir()
    return tmp_path


def _run(tmp_path: Path, target: tuple, source: str, files: dict[str, str] | None = None,
         links: dict[str, Path] | None = None, **env: str):
    """Return (Run, files before, work folder) of ``target``'s command with ``source`` as its template in T.

    ``files`` are more files of T (name -> text), ``links`` symlinks in T (name -> target).
    """
    template, command, output = target
    work = _work(tmp_path)
    (work / "T" / template).write_text(source, encoding="utf-8")
    for name, text in (files or {}).items():
        (work / "T" / name).write_text(text, encoding="utf-8")
    for name, dest in (links or {}).items():
        (work / "T" / name).symlink_to(dest)
    before = snapshot(work)
    run = run_docgen(*command, "--templates", "T", "-o", output, cwd=work, env=env or None)
    return run, before, work


def _refused(tmp_path: Path, target: tuple, source: str, *expected: str, **env: str) -> str:
    """Assert the template is refused cleanly, naming it, with nothing written; return stderr."""
    run, before, work = _run(tmp_path, target, source, **env)  # type: ignore[arg-type]
    assert_clean_failure(run, target[0], *expected)
    assert len([line for line in run.stderr.splitlines() if line.strip()]) == 1, run.stderr
    assert snapshot(work) == before
    assert run.seconds < 10
    return run.stderr


# --- loading outside the template folders -------------------------------------------------------

OUTSIDE = "template may only load files from the template folders"


@pytest.mark.parametrize("target", [MINUTES_MD, MINUTES_HTML, AGENDA_MD, AGENDA_HTML])
def test_include_of_an_absolute_path_is_refused(tmp_path, target):
    err = _refused(tmp_path, target, "{% include '/proc/self/environ' %}", OUTSIDE, "'/proc/self/environ' refused")
    assert f"error: {target[0]}: {OUTSIDE}" in err
    assert "PATH=" not in err


@pytest.mark.parametrize("statement", [
    "{% include '../../../../../../etc/passwd' %}",
    "{% extends '../../../../../../etc/passwd' %}",
    "{% import '../../../../../../etc/passwd' as x %}",
    "{% from '/etc/passwd' import x %}",
    "{% include ['nothing.j2', '/etc/passwd'] %}",
    "{% include 'builtin:../../../../../../etc/passwd' %}",
])
def test_parent_segments_and_absolute_names_are_refused_in_every_statement(tmp_path, statement):
    err = _refused(tmp_path, MINUTES_MD, statement, OUTSIDE)
    assert "root:" not in err


def test_a_symlink_leading_out_of_the_template_folder_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    run, before, work = _run(tmp_path, MINUTES_MD, "{% include 'part.j2' %}", links={"part.j2": secret})
    assert_clean_failure(run, "minutes.md.j2", OUTSIDE, "'part.j2' refused", "link leading out")
    assert "TOP-SECRET" not in run.stderr
    assert snapshot(work) == before


def test_a_user_template_that_is_itself_a_link_out_is_refused(tmp_path):
    work = _work(tmp_path)
    (work / "T" / "minutes.md.j2").symlink_to("/etc/passwd")
    run = run_docgen("minutes", "meeting.yaml", "--templates", "T", "-o", "out.md", cwd=work)
    assert_clean_failure(run, "minutes.md.j2", OUTSIDE)
    assert not (work / "out.md").exists()


@pytest.mark.parametrize("target", [CHECKLIST_MD, REPORT_MD])
def test_checklist_and_report_templates_cannot_read_outside_files(tmp_path, target):
    # Their loader (FileSystemLoader) already refuses '..' and absolute names as "not found".
    run, before, work = _run(tmp_path, target, "{% include '../../../../../../etc/passwd' %}")
    assert_clean_failure(run, target[0])
    assert "root:" not in run.stderr
    assert snapshot(work) == before


@pytest.mark.parametrize("target", [CHECKLIST_MD, REPORT_MD])
def test_checklist_and_report_templates_refuse_links_out(tmp_path, target):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    run, before, work = _run(tmp_path, target, "{% include 'part.j2' %}", links={"part.j2": secret})
    assert_clean_failure(run, target[0], OUTSIDE)
    assert "TOP-SECRET" not in run.stderr
    assert snapshot(work) == before


# --- runaway templates ---------------------------------------------------------------------------

@pytest.mark.parametrize(("target", "source", "expected"), [
    (MINUTES_MD, "{% for i in range(10**9) %}{% endfor %}", "range() of 1,000,000,000 items"),
    (MINUTES_MD, "{{ 'a' * 10**10 }}", "would build a value of more than"),
    (MINUTES_HTML, "{{ 'x' * 10**8 }}", "would build a value of more than"),
    (AGENDA_MD, "{{ (1,) * 10**9 }}", "would build a value of more than"),
    (AGENDA_HTML, "{{ [0] * 10**9 }}", "would build a value of more than"),
    (MINUTES_MD, "{{ 10 ** 1000000 }}", "number of more than"),
    (MINUTES_MD, "{% set ns = namespace(n=10) %}{% for i in range(40) %}{% set ns.n = ns.n * ns.n %}{% endfor %}",
     "number of more than"),
    (MINUTES_MD, "{{ lipsum(10**7) }}", "lipsum() of 10000000 paragraphs"),
    (MINUTES_MD, "{{ 'x' | center(10**9) }}", "over the limit"),
    (MINUTES_MD, "{{ 'x'.ljust(10**9) }}", "ljust() would build"),
    (MINUTES_MD, "{{ '%0999999999d' % 1 }}", "'%' format"),
    (MINUTES_MD, "{{ '{:>999999999}'.format(1) }}", "format()"),
    (AGENDA_MD, "{% set s = 'x' * 10**7 %}{{ s ~ s ~ s }}", "'~' would build"),
    (MINUTES_MD, "{% set ns = namespace(s='x') %}{% for i in range(64) %}{% set ns.s = ns.s + ns.s %}{% endfor %}",
     "would build a value of more than"),
    (MINUTES_MD, "{{ ([1] * 10**6) | batch(10**9, 0) | list }}", "over the limit"),
    (MINUTES_MD, "{{ ('x' * 10**7) | replace('x', 'yyyy') }}", "replace"),
])
def test_huge_values_are_refused_before_they_are_built(tmp_path, target, source, expected):
    _refused(tmp_path, target, source, expected)


@pytest.mark.parametrize("target", [MINUTES_MD, AGENDA_HTML])
def test_a_template_including_itself_stops(tmp_path, target):
    _refused(tmp_path, target, f"{{% include '{target[0]}' %}}", "nests too deeply")


def test_a_recursive_macro_stops(tmp_path):
    _refused(tmp_path, MINUTES_MD, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", "nests too deeply")


def test_two_templates_including_each_other_stop(tmp_path):
    run, before, work = _run(tmp_path, MINUTES_MD, "{% include 'other.j2' %}",
                             files={"other.j2": "{% include 'minutes.md.j2' %}"})
    assert_clean_failure(run, "other.j2", "nests too deeply")  # where the recursion was stopped
    assert snapshot(work) == before


def test_output_over_50_mb_is_refused(tmp_path):
    _refused(tmp_path, MINUTES_MD, "{% for i in range(10) %}{{ 'x' * 10**7 }}{% endfor %}",
             "template output exceeds 50 MB")


def test_a_captured_block_over_50_mb_is_refused(tmp_path):
    source = "{% set s = 'x' * 10**6 %}{% set big %}{% for i in range(100) %}{{ s }}{% endfor %}{% endset %}"
    _refused(tmp_path, AGENDA_MD, source, "exceeds 50 MB")


def test_a_list_grown_without_end_is_refused(tmp_path):
    source = ("{% set ns = namespace(l=[]) %}{% for i in range(100000) %}"
              "{% set _ = ns.l.append('x' * 10**6 ~ i) %}{% endfor %}")
    _refused(tmp_path, MINUTES_MD, source, "in all")


def test_an_endless_loop_stops_at_the_time_limit(tmp_path):
    stderr = _refused(tmp_path, MINUTES_MD,
                      "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
                      "template took more than 1 s", DOCGEN_TEMPLATE_TIMEOUT="1")
    assert stderr.startswith("error: ")


def test_a_loop_over_a_string_stops_at_the_time_limit(tmp_path):
    source = "{% set s = 'x' * 10**6 %}{% for a in s %}{% for b in s %}{% endfor %}{% endfor %}"
    _refused(tmp_path, AGENDA_MD, source, "template took more than 1 s", DOCGEN_TEMPLATE_TIMEOUT="1")


@pytest.mark.parametrize("target", [CHECKLIST_MD, REPORT_MD])
def test_checklist_and_report_templates_are_bounded(tmp_path, target):
    _refused(tmp_path, target, "{% for i in range(10**9) %}{% endfor %}", "range()")


# --- label files ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("labels", "expected"), [
    ('date: {format: "{day.__class__.__mro__}"}', "date.format: '{day.__class__.__mro__}': placeholder"),
    ('date: {format: "{month.__class__.__init__.__globals__}"}', "refused (a date pattern may use only"),
    ('date: {short: "{mon[0]}"}', "date.short"),
    ('date: {format: "{nope}"}', "placeholder {nope} refused"),
    ('date: {format: "{year:>999999999}"}', "placeholder {year:>999999999} refused"),
    ('date: {format: "{day"}', "is not a date pattern"),
    ("date: {months: [a, b, c, d, e, f, g, h, i, j, k]}", "date.months: expected a list of 12 names (text), found 11"),
    ("date: {weekdays: [1, 2, 3, 4, 5, 6, 7]}", "date.weekdays: expected a list of 7 names"),
    ("minutes: {kind: 5}", "minutes.kind: expected text, found int 5"),
    ("minutes: [a, b]", "minutes: expected a mapping of labels, found a list"),
    ("minutes: {kind: [a]}", "minutes.kind: expected text, found a list"),
    ("date: 5", "date: expected a mapping"),
    ("", "not a label file"),
    ("- a\n- b", "not a label file"),
    ("minutes: {kind: [unclosed", "cannot read labels"),
    ("minutes: {kind: A}\nminutes: {kind: B}", "cannot read labels: duplicate key (first at line 1)"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]", "possible alias bomb"),
])
def test_broken_label_files_are_one_clear_error(tmp_path, labels, expected):
    work = _work(tmp_path)
    (work / "T" / "labels").mkdir()
    (work / "T" / "labels" / "en.yaml").write_text(labels + "\n", encoding="utf-8")
    before = snapshot(work)
    run = run_docgen("minutes", "meeting.yaml", "--templates", "T", "-o", "out.md", cwd=work)
    assert_clean_failure(run, "labels/en.yaml", expected)
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr
    assert "<class" not in run.stderr and "<built-in" not in run.stderr
    assert snapshot(work) == before


def test_a_language_that_is_a_path_is_refused(tmp_path):
    work = _work(tmp_path)
    run = run_docgen("minutes", "meeting.yaml", "--lang", "../../../etc/x", "-o", "out.md", cwd=work)
    assert_clean_failure(run, "is not a language code")
    assert not (work / "out.md").exists()


def test_a_valid_date_pattern_still_formats_dates(tmp_path):
    work = _work(tmp_path)
    (work / "T" / "labels").mkdir()
    (work / "T" / "labels" / "en.yaml").write_text(
        'date: {format: "{weekday}, {{{day}}} {month} {year}"}\n', encoding="utf-8")
    run = run_docgen("minutes", "meeting.yaml", "--templates", "T", "-o", "out.md", cwd=work)
    assert run.code == 0, run.stderr
    assert "Tuesday, {24} November 2026" in (work / "out.md").read_text(encoding="utf-8")


# --- what stays allowed --------------------------------------------------------------------------

def test_extending_the_builtin_and_including_a_sibling_still_work(tmp_path):
    work = _work(tmp_path)
    (work / "T" / "title.j2").write_text("# {{ meeting.title }} (PMO edition)\n", encoding="utf-8")
    (work / "T" / "minutes.md.j2").write_text(
        '{% extends "builtin:minutes.md.j2" %}\n{% block title %}\n{% include "./title.j2" %}\n{% endblock %}\n',
        encoding="utf-8")
    run = run_docgen("minutes", "meeting.yaml", "--templates", "T", "-o", "out.md", cwd=work)
    assert run.code == 0, run.stderr
    text = (work / "out.md").read_text(encoding="utf-8")
    assert text.startswith("# HRIS Steering Committee n°7 (PMO edition)\n")
    assert "## Attendance" in text  # the rest of the built-in page is still there


def test_a_subfolder_include_and_a_macro_import_still_work(tmp_path):
    work = _work(tmp_path)
    (work / "T" / "parts").mkdir()
    (work / "T" / "parts" / "macros.j2").write_text("{% macro shout(s) %}{{ s | upper }}!{% endmacro %}",
                                                   encoding="utf-8")
    (work / "T" / "agenda.md.j2").write_text(
        "{% from 'parts/macros.j2' import shout %}{{ shout(meeting.title) }}\n", encoding="utf-8")
    run = run_docgen("agenda", "meeting.yaml", "--templates", "T", "-o", "agenda.md", cwd=work)
    assert run.code == 0, run.stderr
    assert (work / "agenda.md").read_text(encoding="utf-8").strip() == "HRIS STEERING COMMITTEE N°7!"


def test_ordinary_arithmetic_and_repetition_still_work(tmp_path):
    work = _work(tmp_path)
    (work / "T" / "minutes.md.j2").write_text(
        "{{ '-' * 3 }}|{{ 2 ** 10 }}|{{ [1, 2] + [3] }}|{{ '%05d' % 42 }}|{{ 'ab' ~ 'cd' }}|"
        "{{ range(3) | list }}|{{ 'x' | center(5) }}|{{ '{:>4}'.format(7) }}\n", encoding="utf-8")
    run = run_docgen("minutes", "meeting.yaml", "--templates", "T", "-o", "out.md", cwd=work)
    assert run.code == 0, run.stderr
    assert (work / "out.md").read_text(encoding="utf-8") == "---|1024|[1, 2, 3]|00042|abcd|[0, 1, 2]|  x  |   7\n"
