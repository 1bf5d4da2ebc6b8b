"""Reading the small YAML files beside a deck template (``deck-layouts.yaml``, ``deck.yaml``)."""

from __future__ import annotations

from pathlib import Path

import yaml

from docgen.errors import InputError, TemplateError
from docgen.readers.yaml_source import load_yaml_data


def read_settings(path: Path, what: str, max_bytes: int) -> object:
    """Return the YAML data of the settings file ``path`` ({} when empty); raise TemplateError naming ``what``.

    Refused as inputs are (duplicate keys, alias bombs, deep nesting), and also when the file is
    larger than ``max_bytes`` or not UTF-8.
    """
    try:
        raw = path.read_bytes()
        if len(raw) > max_bytes:
            raise TemplateError(f"{path}: {what} is larger than {max_bytes // 1024} KB")
        return load_yaml_data(raw.decode("utf-8"), path) or {}
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: {what} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except InputError as exc:  # duplicate keys, alias bombs, deep nesting, YAML syntax
        raise TemplateError(f"invalid {what}: {'; '.join(exc.lines())}") from None
    except yaml.YAMLError as exc:
        raise TemplateError(f"{path}: invalid {what} ({' '.join(str(exc).split())})") from None
    except (OSError, RecursionError) as exc:
        raise TemplateError(f"{path}: cannot read {what} ({exc})") from None
