"""What a build learnt of each input file, reused while the file's stat stamp is unchanged.

A no-op rebuild must not read every input again to find its kind and its hash. The store
(``OUTDIR/.docgen-stamps.json``) keeps, per input (absolute path), the stamp of the file when it
was read (size, mtime_ns, ctime_ns, inode) and facts computed from its content: its SHA-256, its
kind, its meeting header. A fact is reused only while the stamp is the same; a file whose stamp
changed is read again, so a touched but identical file gets the same hash (and is not rebuilt).

Racy stamps are never trusted: a file changed within a timestamp tick of being read could
change again with the same stamp, so its facts are not kept (it is read next time). A file
whose times have no sub-millisecond digits may sit on a coarse file system (FAT keeps 2 s):
``COARSE_NS`` then; otherwise the kernel's clock tick (at most 10 ms) is well within ``FINE_NS``.
The store is a hint: a missing, unreadable or foreign file (or one of another docgen version,
whose kinds or headers may be told otherwise) only costs reading the inputs again.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from docgen import __version__

STAMPS_NAME = ".docgen-stamps.json"
COARSE_NS = 2_000_000_000
FINE_NS = 100_000_000
Stamp = tuple[int, int, int, int]

_STORES: dict[str, FileStamps] = {}


def stamp_of(path: str) -> Stamp | None:
    """Return the (size, mtime_ns, ctime_ns, inode) of the file at ``path``, or None if it cannot be stat'ed."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def _trusted(stamp: Stamp, read_ns: int) -> bool:
    """Return True when a file of ``stamp``, read at ``read_ns``, had not changed for a tick of its clock before."""
    changed = max(stamp[1], stamp[2])
    tick = COARSE_NS if stamp[1] % 1_000_000 == 0 or stamp[2] % 1_000_000 == 0 else FINE_NS
    return read_ns - changed > tick


def _valid(entry: object) -> bool:
    """Return True when ``entry`` has the shape of a stored record: [size, mtime, ctime, inode, {facts}]."""
    return (isinstance(entry, list) and len(entry) == 5 and all(type(n) is int for n in entry[:4])
            and isinstance(entry[4], dict))


class FileStamps:
    """The facts known about input files, by absolute path, each valid while the file's stamp holds."""

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / STAMPS_NAME
        self.entries: dict[str, list] = self._read()
        self.changed = False

    def _read(self) -> dict[str, list]:
        """Return the records on disk ({} when missing, not a store, or written by another version)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("docgen") != __version__ or not isinstance(data.get("files"), dict):
            return {}
        return {k: v for k, v in data["files"].items() if isinstance(k, str) and _valid(v)}

    def fact(self, path: Path | str, name: str, compute: Callable[[], object]) -> object:
        """Return the fact ``name`` of the file at ``path``: the stored one while its stamp holds, else ``compute()``.

        A computed fact is kept (and saved) only when the file's stamp is not racy; the value must
        be JSON data.
        """
        key = os.path.abspath(path)
        stamp = stamp_of(key)
        if stamp is None:
            return compute()
        entry = self.entries.get(key)
        if entry is not None and tuple(entry[:4]) == stamp and name in entry[4]:
            return entry[4][name]
        read_ns = time.time_ns()
        value = compute()
        if stamp_of(key) != stamp or not _trusted(stamp, read_ns):
            return value  # changed while read, or too recent to trust its stamp
        if entry is None or tuple(entry[:4]) != stamp:
            entry = self.entries[key] = [*stamp, {}]
        entry[4][name] = value
        self.changed = True
        return value

    def save(self, write: Callable[[Path, str], object]) -> None:
        """Write the records with ``write(path, text)`` when this build learnt something new."""
        if not self.changed:
            return
        merged = {**self._read(), **self.entries}
        write(self.path, json.dumps({"docgen": __version__, "files": merged}, separators=(",", ":"), sort_keys=True))
        self.changed = False


def stamps_for(outdir: Path) -> FileStamps:
    """Return the store of ``outdir``, read once per process (the plan and the cache share it)."""
    key = os.path.abspath(outdir)
    store = _STORES.get(key)
    if store is None:
        store = _STORES[key] = FileStamps(Path(outdir))
    return store
