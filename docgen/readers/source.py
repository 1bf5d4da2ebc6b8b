"""What every reader returns: the input's data in the contract's shape, and where each key was."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import InputError
from docgen.source import Source, join_path

__all__ = ["Source", "join_path", "read_text"]


def read_text(path: Path) -> str:
    """Return the text of ``path`` decoded as UTF-8 (BOM allowed) or cp1252, or raise InputError.

    A binary file or a file that decodes as neither is refused with a clear message.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError.single(path, "file not found") from None
    except IsADirectoryError:
        raise InputError.single(path, "is a folder, not a file") from None
    except OSError as exc:
        raise InputError.single(path, f"cannot read: {exc.strerror or exc}") from None
    if b"\x00" in raw[:8192]:
        raise InputError.single(path, "is a binary file, not text (expected YAML or Markdown)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError.single(
                path, "is not UTF-8 text (save it as UTF-8)", line=line
            ) from None
        return text
