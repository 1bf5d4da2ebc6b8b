"""The raw data of one input file and where each key was: what readers return and the model validates.

Shared by the readers (which make a Source) and the model (which validates one), so that neither
imports the other's package.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Source:
    """Raw data read from one input file, before validation.

    ``lines`` maps a key path such as ``attendees[0].attendance`` to its 1-based line, so
    validation errors can name the line as well as the key. Readers of Office files map key
    paths to a place instead (``"Risks!C7"``, ``"paragraph 12"``), printed the same way.
    """

    path: Path
    data: dict
    lines: MutableMapping[str, int | str] = field(default_factory=dict)
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
