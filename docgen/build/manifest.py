"""The ``docgen.yaml`` manifest: explicit jobs and defaults for ``docgen build``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.errors import ConfigError, InputError

MANIFEST_NAMES = ("docgen.yaml", "docgen.yml")


@dataclass
class Manifest:
    """Jobs and defaults read from a docgen.yaml; paths inside are relative to its folder."""

    path: Path
    jobs: list[dict] = field(default_factory=list)
    defaults: dict = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        """Return the folder holding the manifest."""
        return self.path.parent


def find_manifest(start: Path) -> Path | None:
    """Return the docgen.yaml in ``start`` (a folder), or None."""
    for name in MANIFEST_NAMES:
        candidate = Path(start) / name
        if candidate.is_file():
            return candidate
    return None


def load_manifest(path: Path) -> Manifest:
    """Return the Manifest at ``path``; raise ConfigError naming the key path of any problem."""
    from docgen.readers.yaml_source import read_yaml

    try:
        data = read_yaml(path).data
    except InputError as exc:
        raise ConfigError("; ".join(exc.lines())) from None
    jobs = data.get("jobs") or []
    if not isinstance(jobs, list):
        raise ConfigError(f"{path}: jobs: expected a list of jobs")
    problems = []
    for index, job in enumerate(jobs):
        if not isinstance(job, dict) or not job.get("input"):
            problems.append(f"{path}: jobs[{index}].input: required key is missing")
        elif job.get("outputs") is not None and not isinstance(job["outputs"], list):
            problems.append(f"{path}: jobs[{index}].outputs: expected a list of file names")
    if problems:
        raise ConfigError("\n".join(problems))
    defaults = dict(data.get("defaults") or {})
    folder = path.parent
    templates = data.get("templates") or defaults.get("templates") or []
    defaults["templates"] = [folder / t for t in ([templates] if isinstance(templates, str)
                                                  else templates)]
    formats = defaults.get("formats") or {}
    defaults["formats"] = {k: ([v] if isinstance(v, str) else list(v)) for k, v in formats.items()}
    return Manifest(path=path, jobs=jobs, defaults=defaults)
