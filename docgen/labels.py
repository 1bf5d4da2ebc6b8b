"""Labels and date formats per language, read from ``labels/<lang>.yaml`` on the template path.

Label files are data a PMO passes around, so each one is checked when it is read: every label is
text (or a mapping of labels where the built-in file has one), the month and day name lists are
complete, and the date patterns use only the placeholders ``{day}``, ``{month}``, ``{mon}``,
``{year}`` and ``{weekday}`` (no attribute or index access, no format spec). A broken file is
one TemplateError naming the file and the key.
"""

from __future__ import annotations

import re
import string
from datetime import date
from functools import lru_cache
from pathlib import Path

from docgen.errors import TemplateError
from docgen.template_path import along, builtin_dir, find_template

DATE_FIELDS = ("day", "month", "mon", "year", "weekday")
DATE_PATTERNS = ("format", "short")
DATE_LISTS = {"months": 12, "months_short": 12, "weekdays": 7}
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*")

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
        values = {"day": day_text, "month": spec["months"][day.month - 1],
                  "mon": spec["months_short"][day.month - 1], "year": str(day.year),
                  "weekday": spec["weekdays"][day.weekday()]}
        # Literal text and bare placeholders only: the pattern was checked when the file was read.
        return "".join(text + (values[field] if field is not None else "")
                       for text, field, _spec, _conv in string.Formatter().parse(pattern))


def load_labels(language: str, dirs: tuple[Path, ...] | None = None) -> Labels:
    """Return the Labels of ``language`` found along the search path ``dirs`` (default: the built-in path).

    Cached per language and search path.
    Raises TemplateError naming the file and the key when a label file is broken, and when
    ``language`` is not a language code (``en``, ``fr``, ``pt-BR``).
    """
    if not isinstance(language, str) or not _LANGUAGE.fullmatch(language):
        raise TemplateError(f"language {language!r} is not a language code (such as en, fr, pt-BR)")
    return _load(language, along(dirs))


@lru_cache(maxsize=32)
def _load(language: str, dirs: tuple[Path, ...]) -> Labels:
    # Every labels/<lang>.yaml on the path is read and merged, first folder winning per key, so
    # a PMO file holding only the wordings it changes keeps the labels later versions add.
    paths = [d / f"labels/{language}.yaml" for d in dirs if (d / f"labels/{language}.yaml").is_file()]
    if not paths:
        find_template(f"labels/{language}.yaml", list(dirs))  # raises, naming the folders searched
    data: dict = {}
    reference = _reference(language)
    builtin = builtin_dir() / "labels" / f"{language}.yaml"
    for path in reversed(paths):
        # The built-in file is the reference itself: parsed once, not twice (~5 ms a cold start).
        raw = reference if path == builtin else _read(path)
        data = _merge(data, _checked(path, raw, reference))
    if "date" not in data:
        raise TemplateError(f"{paths[0]}: not a label file (expected a mapping with a 'date' section)")
    missing = [f"date.{key}" for key in (*DATE_PATTERNS, *DATE_LISTS) if key not in data["date"]]
    if missing:
        raise TemplateError(f"{paths[0]}: {', '.join(missing)}: missing (a language needs month and day "
                            "names and the date patterns)")
    return Labels(language, data)


@lru_cache(maxsize=8)
def _reference(language: str) -> dict:
    """Return the built-in label file of ``language`` (English when docgen has none): the expected shape."""
    for name in (language, "en"):
        path = builtin_dir() / "labels" / f"{name}.yaml"
        if path.is_file():
            return _read(path)
    return {}


def _checked(path: Path, data: dict, reference: dict) -> dict:
    """Return ``data`` read from ``path`` once its labels have the shape of ``reference``.

    Raises TemplateError naming the file and the key of the first label that is wrong.
    """
    _check_node(path, data, reference, "")
    date_spec = data.get("date")
    if isinstance(date_spec, dict):
        for key, count in DATE_LISTS.items():
            if key in date_spec:
                _check_names(path, f"date.{key}", date_spec[key], count)
        for key in DATE_PATTERNS:
            if key in date_spec:  # text: _check_node refused anything else
                _check_pattern(path, f"date.{key}", date_spec[key])
    return data


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "text"
    if value is None:
        return "nothing"
    return f"{type(value).__name__} {value!r}"


def _check_node(path: Path, node: dict, reference: object, prefix: str) -> None:
    for key, value in node.items():
        dotted = f"{prefix}{key}"
        if not isinstance(key, str):
            raise TemplateError(f"{path}: {dotted}: a label name must be text (quote it: '{key}')")
        expected = reference.get(key) if isinstance(reference, dict) else None
        if prefix == "" and key == "date" or prefix == "date." and key in DATE_LISTS:
            if not isinstance(value, dict if prefix == "" else list):
                raise TemplateError(f"{path}: {dotted}: expected {'a mapping' if prefix == '' else 'a list'}, "
                                    f"found {_kind(value)}")
            if isinstance(value, dict):  # the date mapping (its lists of names hold no labels)
                _check_node(path, value, expected, f"{dotted}.")
            continue
        if isinstance(expected, dict) or (expected is None and isinstance(value, dict)):
            if not isinstance(value, dict):
                raise TemplateError(f"{path}: {dotted}: expected a mapping of labels, found {_kind(value)}")
            _check_node(path, value, expected, f"{dotted}.")
        elif not isinstance(value, str):
            raise TemplateError(f"{path}: {dotted}: expected text, found {_kind(value)}"
                                + (" (quote it)" if isinstance(value, (bool, int, float)) else ""))


def _check_names(path: Path, dotted: str, names: list, count: int) -> None:
    if len(names) != count or not all(isinstance(n, str) and n for n in names):
        raise TemplateError(f"{path}: {dotted}: expected a list of {count} names (text), found "
                            f"{len(names)} item{'s' if len(names) != 1 else ''}"
                            + ("" if all(isinstance(n, str) for n in names) else ", not all text"))


def _check_pattern(path: Path, dotted: str, pattern: str) -> None:
    allowed = ", ".join(f"{{{f}}}" for f in DATE_FIELDS)
    try:
        fields = list(string.Formatter().parse(pattern))
    except ValueError as exc:
        raise TemplateError(f"{path}: {dotted}: {pattern!r} is not a date pattern ({exc}; "
                            f"use {allowed}, and {{{{ }}}} for braces)") from None
    for _text, field, spec, conversion in fields:
        if field is None:
            continue
        if field not in DATE_FIELDS or spec or conversion:
            raise TemplateError(f"{path}: {dotted}: {pattern!r}: placeholder {{{field}"
                                f"{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}} refused "
                                f"(a date pattern may use only {allowed})")


def _read(path: Path) -> dict:
    # Read as inputs are (docgen.readers.yaml_source): duplicate keys, alias bombs and deep
    # nesting are refused with their line.
    from docgen.errors import InputError
    from docgen.readers.yaml_source import load_yaml_data

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(f"{path}: cannot read labels ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise TemplateError(f"{path}: cannot read labels: not UTF-8 text (save it as UTF-8)") from None
    try:
        data = load_yaml_data(text, path)
    except InputError as exc:
        first = exc.problems[0]
        where = f"{path}:{first.line}" if isinstance(first.line, int) else str(path)
        raise TemplateError(f"{where}: cannot read labels: {first.message}") from None
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
