"""Labels and date formats per language, read from ``labels/<lang>.yaml`` on the template path."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from docgen.errors import TemplateError
from docgen.template_path import find_template, search_path

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: label files load ~10x faster

class Labels:
    """The words of one language: ``labels['minutes.agenda']`` and date formatting."""

    def __init__(self, language: str, data: dict):
        self.language = language
        self._data = data

    def __getitem__(self, dotted: str) -> str:
        node: object = self._data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                raise TemplateError(f"label '{dotted}' is missing from labels/{self.language}.yaml")
            node = node[part]
        return node  # type: ignore[return-value]

    def get(self, dotted: str, default: str = "") -> str:
        """Return the label at ``dotted`` or ``default`` when the label file lacks it."""
        try:
            return self[dotted]
        except TemplateError:
            return default

    def section(self, name: str) -> dict:
        """Return the mapping of labels under ``name`` (empty when absent)."""
        value = self._data.get(name, {})
        return value if isinstance(value, dict) else {}

    def format_date(self, day: date | None, short: bool = False) -> str:
        """Return ``day`` written in this language ("24 November 2026", "24 novembre 2026")."""
        if day is None:
            return ""
        spec = self._data["date"]
        pattern = spec["short"] if short else spec["format"]
        day_text = "1er" if self.language == "fr" and day.day == 1 and not short else str(day.day)
        return pattern.format(
            day=day_text,
            month=spec["months"][day.month - 1],
            mon=spec["months_short"][day.month - 1],
            year=day.year,
            weekday=spec["weekdays"][day.weekday()],
        )


def load_labels(language: str, template_dirs: tuple[Path, ...] = ()) -> Labels:
    """Return the Labels of ``language`` found on the template search path."""
    return _load(language, tuple(search_path(list(template_dirs))))


@lru_cache(maxsize=32)
def _load(language: str, dirs: tuple[Path, ...]) -> Labels:
    # Every labels/<lang>.yaml on the path is read and merged, first folder winning per key, so
    # a PMO file holding only the wordings it changes keeps the labels later versions add.
    paths = [d / f"labels/{language}.yaml" for d in dirs if (d / f"labels/{language}.yaml").is_file()]
    if not paths:
        find_template(f"labels/{language}.yaml", list(dirs))  # raises, naming the folders searched
    data: dict = {}
    for path in reversed(paths):
        data = _merge(data, _read(path))
    if "date" not in data:
        raise TemplateError(f"{paths[0]}: not a label file (expected a mapping with a 'date' section)")
    return Labels(language, data)


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise TemplateError(f"{path}: cannot read labels ({exc})") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: not a label file (expected a mapping of labels)")
    return data


def _merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
