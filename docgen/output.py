"""Atomic writing of output files: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from docgen.errors import OutputError


def atomic_write_bytes(dest: Path, data: bytes) -> Path:
    """Write ``data`` to ``dest`` atomically and return ``dest``."""
    return atomic_write_with(dest, lambda fh: fh.write(data))


def atomic_write_text(dest: Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``dest`` atomically (LF line ends) and return ``dest``."""
    return atomic_write_bytes(dest, text.encode("utf-8"))


def atomic_write_with(dest: Path, write: Callable) -> Path:
    """Call ``write(binary_file)`` on a temporary file, then rename it to ``dest``; return ``dest``.

    If ``write`` raises, the temporary file is removed and ``dest`` is left untouched.
    """
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{dest}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return dest


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
