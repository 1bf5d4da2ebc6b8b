"""The project configuration file ``docgen.yaml`` found in the working folder.

Only the keys every command shares are read here (``templates:``, ``language:``); other keys
(``jobs:``, ``defaults:``, ``output:`` ...) belong to ``docgen build`` and are kept, unread, in
:attr:`Config.data`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import ConfigError, InputError


class ConfigProblems(ConfigError):
    """A docgen.yaml holding one or more problems, one line each."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))

    def lines(self) -> list[str]:
        return list(self.problems)


@dataclass(frozen=True)
class Config:
    """What docgen.yaml says; an empty Config when there is no file."""

    path: Path | None = None
    templates: tuple[Path, ...] = ()
    language: str | None = None
    data: dict = field(default_factory=dict)


MANIFEST_NAMES = ("docgen.yaml", "docgen.yml")


def find_manifest(start: Path) -> Path | None:
    """Return the docgen.yaml in ``start`` (a folder), or None."""
    for name in MANIFEST_NAMES:
        candidate = Path(start) / name
        if candidate.is_file():
            return candidate
    return None


def find_config(cwd: Path | None = None) -> Path | None:
    """Return the docgen.yaml (or .yml) of the folder ``cwd`` (default: the working folder), or None."""
    return find_manifest(Path(cwd or Path.cwd()))


def load_config(cwd: Path | None = None) -> Config:
    """Return the Config of the docgen.yaml in ``cwd``; raise ConfigError listing every problem.

    Template folders are resolved relative to the folder holding docgen.yaml.
    """
    path = find_config(cwd)
    if path is None:
        return Config()
    return parse_config(path)


def read_config(path: Path) -> tuple[dict, list[str], Callable[[str, str], None]]:
    """Return the top-level mapping of the docgen.yaml at ``path``, a problem list and a function adding to it.

    ``problem(key, message)`` records ``docgen.yaml:LINE: key: message``; raise ConfigProblems
    with the list when it is not empty. A file that is not YAML raises ConfigProblems at once.
    """
    from docgen.readers.yaml_source import read_yaml

    try:
        source = read_yaml(path)
    except InputError as exc:
        raise ConfigProblems([str(p) for p in exc.problems]) from None
    data = source.data if isinstance(source.data, dict) else {}
    problems: list[str] = []

    def problem(key: str, message: str) -> None:
        line = source.line_of(key)
        problems.append(f"{path}{f':{line}' if line else ''}: {key}: {message}")

    return data, problems, problem


def parse_config(path: Path) -> Config:
    """Return the Config read from the docgen.yaml at ``path``."""
    data, problems, problem = read_config(path)

    defaults = data.get("defaults")
    if not isinstance(defaults, dict):
        defaults = {}
    # ``templates:``/``language:`` may sit at the top or under ``defaults:`` (docgen build's place).
    templates = data.get("templates") or defaults.get("templates") or []
    if isinstance(templates, str):
        templates = [templates]
    folders: list[Path] = []
    if not isinstance(templates, list):
        problem("templates", "expected a folder or a list of folders")
        templates = []
    for index, entry in enumerate(templates):
        key = f"templates[{index}]"
        if not isinstance(entry, str) or not entry.strip():
            problem(key, "expected a folder path")
            continue
        folder = Path(entry).expanduser()
        folder = folder if folder.is_absolute() else path.parent / folder
        if not folder.is_dir():
            problem(key, f"template folder '{entry}' not found (looked for {folder})")
        folders.append(folder)
    language = data.get("language") or defaults.get("language")
    if language is not None and not (isinstance(language, str) and language.strip()):
        problem("language", "expected a language code such as en or fr")
        language = None
    if problems:
        raise ConfigProblems(problems)
    return Config(path, tuple(folders), language.strip().lower() if language else None, data)
