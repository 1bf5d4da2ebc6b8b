"""Naming what went wrong when an exception is not a DocgenError: a full disk, a bug, a bomb.

The CLI (for every command) and the build workers (for each input) use these helpers so a
disk-full error reads ``out.docx: cannot write: No space left on device`` and a bug reads
``internal error: ZeroDivisionError: ...`` rather than a traceback.
"""

from __future__ import annotations

import errno
import re
import traceback
from pathlib import Path
from types import TracebackType

from docgen.errors import OutputError

# errno values that mean "the disk or the file system refused", not "docgen has a bug".
WRITE_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EROFS", "EFBIG", "EACCES", "EPERM")
    if hasattr(errno, name)
)
REPORT_HINT = "please report this; run with DOCGEN_DEBUG=1 for the traceback"
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.[^.]+\.tmp$")  # docgen.output's temporary files


DISK_ERRNOS = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EROFS", "EFBIG") if hasattr(errno, name)
)


def _failed_file(exc: BaseException) -> tuple[Path | None, bool]:
    """Return the file ``exc`` is about (or None) and whether docgen was writing it.

    Found from the ``dest`` of docgen.output's atomic writer in the traceback, else from the
    exception's file name (a temporary ``.NAME.XXXX.tmp`` becomes ``NAME``, being written).
    """
    tb: TracebackType | None = exc.__traceback__
    for frame, _ in traceback.walk_tb(tb):
        if frame.f_code.co_name == "atomic_write_with" and "dest" in frame.f_locals:
            return Path(frame.f_locals["dest"]), True
    for name in (getattr(exc, "filename2", None), getattr(exc, "filename", None)):
        if name:
            path = Path(str(name))
            match = _TEMP_NAME.match(path.name)
            return (path.with_name(match["name"]), True) if match else (path, False)
    return None, False


def output_error(exc: OSError) -> OutputError | None:
    """Return an OutputError naming the file ``exc`` kept docgen from writing (or reading), or None.

    Only disk and permission errors (ENOSPC, EDQUOT, EROFS, EFBIG, EACCES, EPERM) qualify; any
    other OSError is left to the caller (it is likely a bug).
    """
    if exc.errno not in WRITE_ERRNOS:
        return None
    from docgen.build.manifest import display_path

    target, writing = _failed_file(exc)
    reason = exc.strerror or str(exc)
    what = "cannot write: " if writing or exc.errno in DISK_ERRNOS else ""
    return OutputError(f"{display_path(target)}: {what}{reason}" if target else f"{what}{reason}")


def resource_message(exc: BaseException) -> str | None:
    """Return the one-line message for running out of memory or stack, or None for other errors."""
    if isinstance(exc, MemoryError):
        return "out of memory: the input is too large to process (MemoryError)"
    if isinstance(exc, RecursionError):
        return "the input is nested too deeply to process (RecursionError)"
    return None


def internal_message(exc: BaseException) -> str:
    """Return the one-line message of an unexpected exception: ``internal error: Type: message (...)``."""
    text = " ".join(str(exc).split())
    detail = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return f"internal error: {detail} ({REPORT_HINT})"


def traceback_text(exc: BaseException) -> str:
    """Return the formatted traceback of ``exc``."""
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
