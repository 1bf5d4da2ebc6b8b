"""Writing output files: atomically one by one, or all of a run together (staged outputs).

Every output is first written to a temporary file in its destination folder, created with the
process's umask (``0666 & ~umask``, as ``open()`` would), then renamed over the destination.
Inside :func:`staged_outputs` the renames wait until every output of the run is rendered: if
any output fails, the temporary files are removed and no destination is touched.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path

from docgen.errors import OutputError

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class StagedOutputs:
    """The outputs of one run written to temporary files, waiting to be renamed into place.

    ``pending`` maps each destination to its temporary file, in the order they were staged.
    """

    def __init__(self) -> None:
        self.pending: dict[Path, Path] = {}
        self._made_dirs: list[Path] = []

    def add(self, dest: Path, tmp: Path) -> None:
        """Record ``tmp`` as the content of ``dest`` (a later output to the same path wins)."""
        dest = _key(dest)
        earlier = self.pending.pop(dest, None)
        if earlier is not None and earlier != tmp:
            _remove(earlier)
        self.pending[dest] = tmp

    def made_dirs(self, folders: list[Path]) -> None:
        """Remember ``folders`` created for this run, so that a failed run removes them again."""
        self._made_dirs.extend(folders)

    def path_of(self, dest: Path) -> Path:
        """Return the file holding ``dest``'s new content: its temporary file if staged, else ``dest``."""
        return self.pending.get(_key(dest), Path(dest))

    def commit(self) -> list[Path]:
        """Rename every temporary file over its destination; return the destinations.

        If a rename fails (disk removed, permissions changed meanwhile), the outputs not yet
        renamed are discarded and OutputError names the one that failed.
        """
        done: list[Path] = []
        try:
            for dest, tmp in list(self.pending.items()):
                try:
                    os.replace(tmp, dest)
                except OSError as exc:
                    raise OutputError(f"{dest}: cannot write here ({exc.strerror or exc})") from None
                del self.pending[dest]
                done.append(dest)
        finally:
            self.discard()
        return done

    def discard(self) -> None:
        """Remove every temporary file not yet renamed, and the folders made for them if empty."""
        for tmp in self.pending.values():
            _remove(tmp)
        self.pending.clear()
        for folder in reversed(self._made_dirs):
            try:
                folder.rmdir()
            except OSError:
                pass
        self._made_dirs.clear()


_STAGE: ContextVar[StagedOutputs | None] = ContextVar("docgen_staged_outputs", default=None)


@contextlib.contextmanager
def staged_outputs() -> Iterator[StagedOutputs]:
    """Return (as a context manager) the stage collecting every output written inside the block.

    On a normal exit every output is renamed into place; on an exception none is, the temporary
    files are removed and the exception propagates. Nested blocks join the outermost one.
    """
    outer = _STAGE.get()
    if outer is not None:
        yield outer
        return
    stage = StagedOutputs()
    token = _STAGE.set(stage)
    try:
        yield stage
    except BaseException:
        stage.discard()
        raise
    finally:
        _STAGE.reset(token)
    stage.commit()


@contextlib.contextmanager
def unstaged() -> Iterator[None]:
    """Write straight to disk inside the block, outside any stage (scratch files in a temporary folder)."""
    token = _STAGE.set(None)
    try:
        yield
    finally:
        _STAGE.reset(token)


def staged_path(dest: Path) -> Path:
    """Return the file holding ``dest``'s new content in the current stage (``dest`` outside one)."""
    stage = _STAGE.get()
    return stage.path_of(dest) if stage is not None else Path(dest)


def atomic_write_bytes(dest: Path, data: bytes) -> Path:
    """Write ``data`` to ``dest`` atomically and return ``dest``."""
    return atomic_write_with(dest, lambda fh: fh.write(data))


def atomic_write_text(dest: Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``dest`` atomically (LF line ends) and return ``dest``."""
    return atomic_write_bytes(dest, text.encode("utf-8"))


def atomic_write_with(dest: Path, write: Callable) -> Path:
    """Call ``write(binary_file)`` on a temporary file, then rename it to ``dest``; return ``dest``.

    If ``write`` raises, the temporary file is removed and ``dest`` is left untouched. Inside
    :func:`staged_outputs` the rename waits for the end of the block. The file's mode follows
    the umask (``0666 & ~umask``).
    """
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    stage = _STAGE.get()
    try:
        made = _make_folder(folder)
        if stage is not None:
            stage.made_dirs(made)
        fd, tmp = _create_temp(folder, dest.name)
    except OSError as exc:
        raise OutputError(f"{dest}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        if stage is not None:
            stage.add(dest, tmp)
        else:
            os.replace(tmp, dest)
    except BaseException:
        _remove(tmp)
        raise
    return dest


def _make_folder(folder: Path) -> list[Path]:
    """Return the folders created (outermost first) so that ``folder`` exists."""
    missing = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    folder.mkdir(parents=True, exist_ok=True)
    return list(reversed(missing))


def _create_temp(folder: Path, name: str) -> tuple[int, Path]:
    """Return an open descriptor and the path of a new hidden file beside ``name`` in ``folder``.

    Created with mode 0666 so that the process's umask decides the permissions, unlike
    ``tempfile.mkstemp`` (always 0600).
    """
    for _ in range(100):
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, _OPEN_FLAGS, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            # A failed parallel job of the same build removed the empty folder it had made.
            folder.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(f"no free temporary name for {name} in {folder}")


def _key(dest: Path) -> Path:
    """Return ``dest`` as an absolute path, so that ``a.docx`` and ``./a.docx`` are one output."""
    return Path(os.path.abspath(dest))


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


_ALIASES = {"htm": "html", "markdown": "md", "yml": "yaml"}


def output_format(dest: Path, formats: tuple[str, ...]) -> str:
    """Return the format named by ``dest``'s extension if it is one of ``formats``.

    Raises OutputError naming the extensions that would work.
    """
    fmt = Path(dest).suffix.lower().lstrip(".")
    fmt = _ALIASES.get(fmt, fmt)
    if fmt not in formats:
        known = ", ".join(f".{f}" for f in formats)
        raise OutputError(f"{dest}: unknown output format '.{fmt}' (use {known})")
    return fmt
