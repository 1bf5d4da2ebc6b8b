"""Typed errors raised by the library; the CLI alone turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what is wrong."""

    file: str
    message: str
    # A line number for text inputs; a place such as "Risks!C7" (sheet and cell) or
    # "paragraph 12" for Office inputs.
    line: int | str | None = None
    key_path: str | None = None

    def __str__(self) -> str:
        where = self.file
        if isinstance(self.line, str):
            where += f": {self.line}"
        elif self.line is not None:
            where += f":{self.line}"
        if self.key_path:
            return f"{where}: {self.key_path}: {self.message}"
        return f"{where}: {self.message}"


class DocgenError(Exception):
    """Base class of every error docgen reports to a user."""

    exit_code = 2

    def lines(self) -> list[str]:
        """Return the one-line messages this error prints."""
        return [str(self)]


class InputError(DocgenError):
    """An input file is missing, unreadable or invalid; holds every problem found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(
        cls, file: str | Path, message: str, line: int | str | None = None, key_path: str | None = None
    ) -> InputError:
        """Return an InputError holding one problem."""
        return cls([Problem(str(file), message, line, key_path)])

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class TemplateError(DocgenError):
    """A template is missing, invalid, unsafe or refers to something undefined."""


class OutputError(DocgenError):
    """An output cannot be written (unknown format, unwritable folder, path outside OUTDIR)."""


class ConfigError(DocgenError):
    """A docgen.yaml manifest or a command-line option combination is invalid."""


class GateFailed(DocgenError):
    """A compliance gate was not met; outputs were written, the exit status is 1."""

    exit_code = 1


class BuildFailed(DocgenError):
    """Some inputs of a batch failed; the others were built. Exit 2 for errors, 1 for gates only."""

    def __init__(self, message: str, exit_code: int = 2):
        super().__init__(message)
        self.exit_code = exit_code
