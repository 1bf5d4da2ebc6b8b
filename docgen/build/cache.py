"""Incremental builds: a job is skipped when the hash of what it reads matches the last build.

The cache (``OUTDIR/.docgen-cache.json``, a mapping of job key to hash) is saved while jobs
finish, at most every ``SAVE_EVERY_S`` seconds and at the end, so an interrupted build keeps
what it built. Each save takes a lock (``.docgen-cache.json.lock``, ``fcntl.flock``), merges
with what is on disk (two builds sharing one OUTDIR keep each other's entries), and replaces
the file atomically (a temporary file, then a rename). A file's hash, and the meeting header
read from it, come from :mod:`docgen.build.stamps` while its stat stamp is unchanged, so a
no-op rebuild reads no input.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from docgen import __version__
from docgen.build.discover import is_regular
from docgen.build.jobs import SERIES_KINDS, Job
from docgen.build.stamps import stamps_for
from docgen.deck.font_files import installed_fonts
from docgen.jobs.context import RenderContext
from docgen.output import atomic_write_text

CACHE_NAME = ".docgen-cache.json"
LOCK_SUFFIX = ".lock"
SAVE_EVERY_S = 0.5
SERIES_SUFFIXES = (".yaml", ".yml", ".md")

try:  # POSIX; elsewhere the merge still happens, without the lock
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

MEASURED_KINDS = ("status", "portfolio", "pack")  # the kinds whose layout measures text with the installed fonts


def content_hash(path: Path) -> str:
    """Return the SHA-256 (hex) of the bytes of the file at ``path`` (raises OSError)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_digest(folder: Path, hash_of: Callable[[Path], str] = content_hash) -> str:
    """Return a hash of every file under ``folder`` (names and the ``hash_of`` their contents)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for file in sorted(folder.rglob("*")):
            if is_regular(file) and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(folder)).encode())
                digest.update(hash_of(file).encode())
    return digest.hexdigest()


def series_digest(folder: Path, hash_of: Callable[[Path], str] = content_hash) -> str:
    """Return a hash of the names and contents of the .yaml/.yml/.md regular files of ``folder``.

    Earlier meetings of a series (same folder) feed the review of previous actions, so a
    meeting's hash includes them; FIFOs, folders and broken links named like them are skipped.
    """
    digest = hashlib.sha256()
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return digest.hexdigest()
    for sibling in entries:
        if sibling.suffix.lower() in SERIES_SUFFIXES and is_regular(sibling):
            try:
                data = hash_of(sibling)
            except OSError:
                continue
            digest.update(sibling.name.encode())
            digest.update(data.encode())
    return digest.hexdigest()


def _valid_entries(data: object) -> bool:
    return isinstance(data, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items())


class BuildCache:
    """The hashes of the last successful build of each job, kept in OUTDIR.

    ``warnings`` lists what was wrong with the file on disk (it is then ignored and rebuilt).
    """

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / CACHE_NAME
        self.warnings: list[str] = []
        self.entries: dict[str, str] = self._read(warn=True)
        self._recorded: dict[str, str] = {}
        self._folders: dict[Path, str] = {}
        self._series: dict[Path, str] = {}
        self._prefixes: dict[tuple[Path, str], tuple[list, list[str]]] = {}
        self._hashes: dict[Path, str] = {}
        self._indexes: dict[Path, tuple[dict, dict[str, tuple[str, object]]]] = {}
        self._search: dict[tuple, tuple[Path, ...]] = {}
        self.stamps = stamps_for(outdir)
        self._last_save = time.monotonic()
        self.saves = 0

    def _read(self, warn: bool) -> dict[str, str]:
        """Return the entries on disk; {} (with a warning when ``warn``) if missing or not a cache."""
        try:
            if not self.path.exists():
                return {}
            if not is_regular(self.path):
                raise ValueError("not a regular file")
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not _valid_entries(data):
                raise ValueError("not a mapping of job to hash")
        except (OSError, ValueError) as exc:
            if warn:
                self.warnings.append(f"{self.path}: ignored ({exc.strerror if isinstance(exc, OSError) else exc}); "
                                     "every input is rebuilt")
            return {}
        return data

    def key(self, job: Job) -> str:
        """Return the cache key of ``job`` (its input and outputs)."""
        return f"{job.input}->{','.join(str(o) for o in job.outputs)}"

    def digest(self, job: Job) -> str:
        """Return the hash of everything ``job`` reads: its files (a pack's parts too), templates, options."""
        digest = hashlib.sha256(__version__.encode())
        digest.update(json.dumps(job.as_dict(), sort_keys=True).encode())
        for path in (job.input, job.assessment, job.previous, job.template, *job.inputs, job.status, job.checklist,
                     job.previous_minutes):
            if path and is_regular(Path(path)):
                digest.update(self._file_hash(Path(path)).encode())
            elif path and Path(path).is_dir():  # every file of a folder of meetings or statuses
                digest.update(folder_digest(Path(path), self._file_hash).encode())
        if job.kind in SERIES_KINDS:
            digest.update(self._earlier_meetings(Path(job.input)).encode())
        if job.kind in MEASURED_KINDS:  # laid out with the installed fonts' widths
            digest.update(installed_fonts().encode())
        for folder in self._search_path(job.templates):
            if folder not in self._folders:
                self._folders[folder] = folder_digest(folder, self._file_hash)
            digest.update(self._folders[folder].encode())
        return digest.hexdigest()

    def _search_path(self, templates: list[Path]) -> tuple[Path, ...]:
        """Return the template folders searched for ``templates`` (resolved once per list of folders)."""
        key = tuple(templates)
        if key not in self._search:
            self._search[key] = RenderContext.resolve(templates).dirs
        return self._search[key]

    def _earlier_meetings(self, path: Path) -> str:
        """Return the hash of what a meeting's carried actions come from: its series' earlier meetings.

        Only the meetings of the same series in the same folder dated before it count, so editing
        one meeting rebuilds it and the later meetings of its series, not the whole folder. The
        hash of the first k meetings of a series is computed once along the series (linear in
        the folder). A meeting naming its ``previous:`` files by hand, or one whose series cannot
        be read, depends on the whole folder, as before.
        """
        from bisect import bisect_left

        from docgen.series_io import series_index

        folder = path.parent
        if folder not in self._indexes:
            index = series_index(folder, self._series_date) if folder.is_dir() else {}
            self._indexes[folder] = (index, {p.name: (series, day) for series, found in index.items()
                                             for p, day in found})
        index, by_name = self._indexes[folder]
        found = by_name.get(path.name)
        if found is None or self._names_previous(path):
            if folder not in self._series:
                self._series[folder] = series_digest(folder, self._file_hash)
            return self._series[folder]
        series, when = found
        key = (folder, series)
        if key not in self._prefixes:
            chain, running = [], hashlib.sha256()
            for earlier, day in sorted(index.get(series, []), key=lambda e: (e[1], e[0].name)):
                running.update(earlier.name.encode() + b"\0" + self._file_hash(earlier).encode())
                chain.append((day, running.hexdigest()))
            self._prefixes[key] = ([day for day, _ in chain], [digest for _, digest in chain])
        days, digests = self._prefixes[key]
        count = bisect_left(days, when)
        return digests[count - 1] if count else ""

    def _file_hash(self, path: Path) -> str:
        """Return the SHA-256 of the file at ``path`` ("" when it cannot be read), remembered by its stamp."""
        if path not in self._hashes:
            try:
                self._hashes[path] = str(self.stamps.fact(path, "sha256", lambda: content_hash(path)))
            except OSError:
                self._hashes[path] = ""
        return self._hashes[path]

    def _names_previous(self, path: Path) -> bool:
        """Return True when the meeting in ``path`` names its earlier meetings by hand (``previous:``)."""
        return bool(self.stamps.fact(path, "previous", lambda: b"\nprevious:" in path.read_bytes()))

    def _series_date(self, path: Path) -> tuple[str, date] | None:
        """Return the series and date of the meeting in ``path`` (as series_io.series_date), remembered by its stamp."""
        from docgen.series_io import series_date

        def read() -> list | None:
            found = series_date(path)
            return [found[0], found[1].isoformat()] if found else None

        found = self.stamps.fact(path, "series", read)
        return (found[0], date.fromisoformat(found[1])) if isinstance(found, list) else None

    def fresh(self, job: Job, digest: str) -> bool:
        """Return True when ``job``'s outputs exist and were built from the same ``digest``."""
        return self.entries.get(self.key(job)) == digest and all(is_regular(o) for o in job.outputs)

    def record(self, job: Job, digest: str) -> None:
        """Remember that ``job`` was built from ``digest``."""
        self.entries[self.key(job)] = digest
        self._recorded[self.key(job)] = digest

    def save_soon(self) -> bool:
        """Save when the last save is at least SAVE_EVERY_S old; return True if it saved."""
        if self._recorded and time.monotonic() - self._last_save >= SAVE_EVERY_S:
            self.save()
            return True
        return False

    def save(self) -> None:
        """Merge this build's entries into the cache file on disk, under the lock, atomically."""
        if not self._recorded:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            merged = {**self._read(warn=False), **self._recorded}
            atomic_write_text(self.path, json.dumps(merged, indent=1, sort_keys=True))
        self.entries.update(merged)
        self._last_save = time.monotonic()
        self.saves += 1

    def save_stamps(self) -> None:
        """Save what this build learnt of its input files (their stamps, hashes, kinds), under the lock."""
        if not self.stamps.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._locked():
            self.stamps.save(atomic_write_text)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        if fcntl is None:  # pragma: no cover - Windows
            yield
            return
        with open(self.path.with_name(CACHE_NAME + LOCK_SUFFIX), "a") as lock:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
