"""docgen build remembers each input's hash, kind and header by its stat stamp (docgen.build.stamps).

A no-op rebuild reads no input; a touched but identical file is read again and not rebuilt; an
edit that keeps the size and the modification time is still seen (the change time moves); a
file read within a timestamp tick of its last change is never trusted.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
import yaml
from conftest import CONTRACT

from docgen.build import stamps


@pytest.fixture(autouse=True)
def short_ticks(monkeypatch):
    """Trust stamps 50 ms after a change (instead of 0.1-2 s) so the tests need not wait long."""
    monkeypatch.setattr(stamps, "FINE_NS", 50_000_000)
    monkeypatch.setattr(stamps, "COARSE_NS", 50_000_000)
    monkeypatch.setattr(stamps, "_STORES", {})


def _settle() -> None:
    time.sleep(0.12)  # past the (shortened) racy window of the files just written


def _new_process() -> None:
    """Forget the stores read by this process, as a new ``docgen build`` would."""
    stamps._STORES.clear()


def _series(folder: Path, count: int = 3) -> list[Path]:
    base = yaml.safe_load((CONTRACT / "meeting.yaml").read_text(encoding="utf-8"))
    folder.mkdir(parents=True)
    files = []
    for n in range(count):
        data = json.loads(json.dumps(base, default=str))
        data.pop("previous")
        data["meeting"].update(series="Weekly", date=f"2026-11-{3 + 7 * n:02d}", title=f"Weekly {n}")
        files.append(folder / f"m{n}.yaml")
        files[-1].write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return files


def _statuses(invoke, folder: Path, out: Path, report: Path) -> dict[str, str]:
    result = invoke("build", folder, "-o", out, "--report", report)
    assert result.exit_code == 0, result.output
    return {Path(j["input"]).name: j["status"] for j in json.loads(report.read_text(encoding="utf-8"))["jobs"]}


def _refuse_reading(monkeypatch) -> None:
    """Make any reading of an input's content for its kind, hash, header or previous: fail the test."""
    from docgen import series_io
    from docgen.build import cache, targets

    def refused(*args, **kwargs):
        raise AssertionError(f"an input was read: {args}")

    monkeypatch.setattr(targets, "kind_of", refused)
    monkeypatch.setattr(cache, "content_hash", refused)
    monkeypatch.setattr(series_io, "series_date", refused)
    monkeypatch.setattr(cache.BuildCache, "_names_previous",
                        lambda self, path: self.stamps.fact(path, "previous", refused))


def test_a_no_op_rebuild_reads_no_input(invoke, tmp_path, monkeypatch):
    _series(tmp_path / "src")
    out, report = tmp_path / "out", tmp_path / "r.json"
    _settle()
    assert set(_statuses(invoke, tmp_path / "src", out, report).values()) == {"ok"}
    assert (out / stamps.STAMPS_NAME).is_file()
    _new_process()
    _refuse_reading(monkeypatch)
    assert set(_statuses(invoke, tmp_path / "src", out, report).values()) == {"skipped"}


def test_a_touched_but_identical_file_is_read_again_and_not_rebuilt(invoke, tmp_path):
    files = _series(tmp_path / "src")
    out, report = tmp_path / "out", tmp_path / "r.json"
    _settle()
    _statuses(invoke, tmp_path / "src", out, report)
    os.utime(files[1])
    _settle()
    _new_process()
    assert set(_statuses(invoke, tmp_path / "src", out, report).values()) == {"skipped"}


def test_an_edit_keeping_size_and_mtime_still_rebuilds_it_and_the_later_meetings(invoke, tmp_path):
    files = _series(tmp_path / "src")
    out, report = tmp_path / "out", tmp_path / "r.json"
    _settle()
    _statuses(invoke, tmp_path / "src", out, report)
    before = files[1].stat()
    text = files[1].read_text(encoding="utf-8")
    files[1].write_text(text.replace("Weekly 1", "Weekly 9"), encoding="utf-8")  # same size
    os.utime(files[1], ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime: only ctime moves
    _settle()
    _new_process()
    assert _statuses(invoke, tmp_path / "src", out, report) == {"m0.yaml": "skipped", "m1.yaml": "ok",
                                                               "m2.yaml": "ok"}


def test_a_file_that_changes_kind_is_seen(invoke, tmp_path):
    files = _series(tmp_path / "src", count=1)
    out, report = tmp_path / "out", tmp_path / "r.json"
    _settle()
    assert _statuses(invoke, tmp_path / "src", out, report) == {"m0.yaml": "ok"}
    files[0].write_text("notes: not a meeting any more\n", encoding="utf-8")
    _settle()
    _new_process()
    result = invoke("build", tmp_path / "src", "-o", out)
    assert result.exit_code == 0 and "of 0 inputs" in result.stdout


def test_a_racy_file_is_never_trusted(tmp_path):
    store = stamps.FileStamps(tmp_path / "out")
    fresh = tmp_path / "fresh.yaml"
    fresh.write_text("meeting: {}\n", encoding="utf-8")
    calls = []
    assert store.fact(fresh, "kind", lambda: calls.append(1) or "meeting") == "meeting"
    assert store.fact(fresh, "kind", lambda: calls.append(1) or "meeting") == "meeting"
    assert len(calls) == 2 and not store.changed  # read within its tick: read again, not kept
    _settle()
    store.fact(fresh, "kind", lambda: calls.append(1) or "meeting")
    store.fact(fresh, "kind", lambda: calls.append(1) or "meeting")
    assert len(calls) == 3 and store.changed


@pytest.mark.parametrize("content", [b"[1, 2]", b"{not json", b'{"docgen": "0.0.0", "files": {}}',
                                     b'{"docgen": "%s", "files": {"/x": [1, 2]}}'])
def test_a_stamps_file_that_is_not_ours_is_ignored(tmp_path, content):
    from docgen import __version__

    out = tmp_path / "out"
    out.mkdir()
    (out / stamps.STAMPS_NAME).write_bytes(content.replace(b"%s", __version__.encode()))
    assert stamps.FileStamps(out).entries == {}


def test_the_stamps_are_saved_once_and_merged(tmp_path):
    out = tmp_path / "out"
    one, two = tmp_path / "a.yaml", tmp_path / "b.yaml"
    one.write_text("a: 1\n", encoding="utf-8")
    two.write_text("b: 2\n", encoding="utf-8")
    _settle()
    first, second = stamps.FileStamps(out), stamps.FileStamps(out)
    first.fact(one, "kind", lambda: "meeting")
    second.fact(two, "kind", lambda: None)
    out.mkdir()
    writes = []

    def write(path: Path, text: str) -> None:
        writes.append(path)
        path.write_text(text, encoding="utf-8")

    first.save(write)
    second.save(write)
    second.save(write)  # nothing new: not written again
    assert len(writes) == 2
    assert set(stamps.FileStamps(out).entries) == {str(one), str(two)}
