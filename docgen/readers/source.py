"""What every reader returns: the input's data in the contract's shape, and where each key was."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import InputError


@dataclass
class Source:
    """Raw data read from one input file, before validation.

    ``lines`` maps a key path such as ``attendees[0].attendance`` to its 1-based line, so
    validation errors can name the line as well as the key. Readers of Office files map key
    paths to a place instead (``"Risks!C7"``, ``"paragraph 12"``), printed the same way.
    """

    path: Path
    data: dict
    lines: dict[str, int | str] = field(default_factory=dict)
    format: str = "yaml"

    def line_of(self, key_path: str) -> int | str | None:
        """Return the line of ``key_path`` or of its nearest ancestor that has one."""
        path = key_path
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            if cut <= 0:
                break
            path = path[:cut]
        return self.lines.get(path)


def join_path(parent: str, key: object) -> str:
    """Return the key path of ``key`` under ``parent`` (``a.b``, ``a[0]``)."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


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
