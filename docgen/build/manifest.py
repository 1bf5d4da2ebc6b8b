"""The ``docgen.yaml`` manifest: explicit jobs and defaults for ``docgen build``.

Every value is checked for its type when the manifest is read, and every problem is reported
at once, one line each naming the file, the line and the key path
(``docgen.yaml:4: jobs[0].input: expected a path, got 5``), before anything is built.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from pathlib import Path

from docgen.build.jobs import KINDS, MULTI_INPUT, PACK_PARTS
from docgen.config import MANIFEST_NAMES, find_manifest  # noqa: F401 - re-exported
from docgen.errors import InputError

GATE_LEVELS = ("must", "should", "may")
JOB_KEYS = ("input", "inputs", "kind", "outputs", "formats", "templates", "template", "language", "assessment",
            "previous", "previous_assessment", "fail_on", *PACK_PARTS)
NOT_FOR_PACK = ("template", "previous_assessment", "fail_on")  # keys a pack job would silently ignore
DEFAULT_KEYS = ("language", "fail_on", "formats", "templates")


@dataclass
class Manifest:
    """Jobs and defaults read from a docgen.yaml; paths inside are relative to its folder.

    ``jobs`` is None when the manifest has no ``jobs:`` key (the build then discovers the inputs
    of the manifest's folder); ``job_lines`` holds the line of each job, for messages.
    """

    path: Path
    jobs: list[dict] | None = field(default_factory=list)
    defaults: dict = field(default_factory=dict)
    job_lines: list[int | str | None] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        """Return the folder holding the manifest."""
        return self.path.parent

    @property
    def display(self) -> str:
        """Return the manifest's path as messages show it (relative to the working folder if inside)."""
        return display_path(self.path)

    def where(self, index: int) -> str:
        """Return ``docgen.yaml:LINE: jobs[INDEX]``, the prefix of a message about one job."""
        line = self.job_lines[index] if index < len(self.job_lines) else None
        return f"{self.display}{f':{line}' if line else ''}: jobs[{index}]"


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working folder when it is inside it, else as given."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def describe(value: object) -> str:
    """Return how a wrong value is shown in a message: ``5``, ``'docx'``, ``a list``, ``a mapping``."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def file_problem(path: Path) -> str | None:
    """Return why ``path`` cannot be an input (missing, a folder, not a regular file), or None."""
    shown = display_path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return f"file not found: {shown}"
    except OSError as exc:
        return f"cannot read {shown}: {exc.strerror or exc}"
    if stat.S_ISDIR(mode):
        return f"{shown} is a folder, not a file"
    if not stat.S_ISREG(mode):
        return f"{shown} is not a regular file (a named pipe or device?)"
    return None


class _Checker:
    """Collects the problems of one manifest, each with the line of its key path."""

    def __init__(self, source, display: str):
        self.source = source
        self.display = display
        self._found: list[tuple[int, str]] = []

    @property
    def problems(self) -> list[str]:
        """Return the problems found, one line each, in the order of their lines."""
        return [message for _, message in sorted(self._found, key=lambda item: item[0])]

    def add(self, key: str, message: str) -> None:
        line = self.source.line_of(key)
        self._found.append((line or 0, f"{self.display}{f':{line}' if line else ''}: {key}: {message}"))

    def text(self, key: str, value: object, expected: str) -> str | None:
        """Return ``value`` stripped if it is non-empty text; record a problem otherwise."""
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.add(key, f"expected {expected}, got {describe(value)}")
        return None

    def path(self, key: str, value: object, folder: Path, must_exist: bool = True) -> str | None:
        """Return ``value`` if it is a path (of an existing regular file when ``must_exist``)."""
        text = self.text(key, value, "a path")
        if text is not None and must_exist:
            problem = file_problem(folder / text)
            if problem:
                self.add(key, problem)
                return None
        return text

    def names(self, key: str, value: object, expected: str, single_ok: bool) -> list[str] | None:
        """Return ``value`` as a list of texts (a single text too when ``single_ok``), or None.

        ``expected`` is the plural noun of one item (``file names``, ``formats``, ``folders``).
        """
        if isinstance(value, str) and single_ok:
            value = [value]
        if not isinstance(value, list):
            hint = f" (write [{value}])" if isinstance(value, str) else ""
            self.add(key, f"expected a list of {expected}, got {describe(value)}{hint}")
            return None
        out = []
        for index, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            else:
                self.add(f"{key}[{index}]", f"expected {_one(expected)}, got {describe(item)}")
        return out if len(out) == len(value) else None

    def gate(self, key: str, value: object) -> str | None:
        """Return a gate level (must, should, may; any case) or None; record a problem if invalid."""
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lower() in GATE_LEVELS:
            return value.strip().lower()
        self.add(key, f"{describe(value)} is not one of {', '.join(GATE_LEVELS)}")
        return None

    def unknown_keys(self, key: str, data: dict, known: tuple[str, ...]) -> None:
        import difflib

        for name in data:
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1)
                hint = f"did you mean {close[0]}?" if close else f"expected one of {', '.join(known)}"
                self.add(f"{key}.{name}", f"unknown key ({hint})")


def _one(plural: str) -> str:
    """Return ``a file name`` for ``file names``, ``a format`` for ``formats``."""
    return "a " + (plural[:-1] if plural.endswith("s") else plural)


def load_manifest(path: Path) -> Manifest:
    """Return the Manifest at ``path``; raise ConfigError naming the line and key path of every problem."""
    from docgen.config import ConfigProblems
    from docgen.readers.yaml_source import read_yaml

    path = Path(path)
    display = display_path(path)
    problem = file_problem(path)
    if problem:
        raise ConfigProblems([f"{display}: {problem}"])
    try:
        source = read_yaml(path)
    except InputError as exc:
        raise ConfigProblems([str(p) for p in exc.problems]) from None
    data, folder, check = source.data, path.parent, _Checker(source, display)

    defaults = _defaults(check, data.get("defaults", {}), folder)
    if "templates" in data:
        templates = check.names("templates", data["templates"], "folders", single_ok=True)
        if templates is not None:
            defaults["templates"] = [folder / t for t in templates]
    if "language" in data and "language" not in defaults:
        defaults["language"] = check.text("language", data["language"], "a language code such as en or fr")

    jobs: list[dict] | None = None
    job_lines: list[int | str | None] = []
    if "jobs" in data:
        raw = data["jobs"]
        if raw is None:
            raw = []
        if not isinstance(raw, list):
            check.add("jobs", f"expected a list of jobs (- input: FILE), got {describe(raw)}")
            raw = []
        jobs = []
        for index, entry in enumerate(raw):
            job_lines.append(source.line_of(f"jobs[{index}]"))
            jobs.append(_job(check, f"jobs[{index}]", entry, folder))
    if check.problems:
        raise ConfigProblems(check.problems)
    return Manifest(path=path, jobs=jobs, defaults=defaults, job_lines=job_lines)


def _defaults(check: _Checker, raw: object, folder: Path) -> dict:
    """Return the checked ``defaults:`` (templates as paths, formats as lists per kind)."""
    out: dict = {"templates": [], "formats": {}}
    if raw is None:
        return out
    if not isinstance(raw, dict):
        check.add("defaults", f"expected a mapping of keys ({', '.join(DEFAULT_KEYS)}), got {describe(raw)}")
        return out
    check.unknown_keys("defaults", raw, DEFAULT_KEYS)
    if "language" in raw and raw["language"] is not None:
        out["language"] = check.text("defaults.language", raw["language"], "a language code such as en or fr")
    if "fail_on" in raw:
        out["fail_on"] = check.gate("defaults.fail_on", raw["fail_on"])
    if raw.get("templates") is not None:
        templates = check.names("defaults.templates", raw["templates"], "folders", single_ok=True)
        out["templates"] = [folder / t for t in templates or []]
    formats = raw.get("formats")
    if formats is not None:
        if not isinstance(formats, dict):
            check.add("defaults.formats", f"expected a mapping of kind to formats such as "
                      f"{{meeting: [docx], status: [pptx]}}, got {describe(formats)}")
        else:
            for kind, value in formats.items():
                if kind not in KINDS:
                    check.add(f"defaults.formats.{kind}", f"unknown kind (expected one of {', '.join(KINDS)})")
                    continue
                names = check.names(f"defaults.formats.{kind}", value, "formats", single_ok=True)
                if names is not None:
                    out["formats"][kind] = names
    return out


def _job(check: _Checker, key: str, entry: object, folder: Path) -> dict:
    """Return the checked job ``entry`` (values of the right types; paths as given)."""
    if not isinstance(entry, dict):
        if isinstance(entry, str):
            check.add(key, f"expected a job mapping such as {{input: {entry}}}, got {describe(entry)}")
        else:
            check.add(key, f"expected a job mapping (input: FILE, outputs: [...]), got {describe(entry)}")
        return {}
    check.unknown_keys(key, entry, JOB_KEYS)
    job: dict = {}
    if entry.get("inputs") is not None:  # an actions or portfolio job: files or folders
        names = check.names(f"{key}.inputs", entry["inputs"], "files or folders", single_ok=True)
        for index, name in enumerate(names or []):
            if not (folder / name).exists():
                check.add(f"{key}.inputs[{index}]", f"file or folder not found: {display_path(folder / name)}")
        if names == []:
            check.add(f"{key}.inputs", "is empty (list at least one file or folder)")
        job["inputs"] = names
        if names:
            job.setdefault("input", names[0])
    if "input" in entry:
        single = entry["input"]
        many = str(entry.get("kind") or "").strip().lower() in MULTI_INPUT
        if many and isinstance(single, str) and (folder / single.strip()).is_dir() and entry.get("inputs") is None:
            job["input"] = single.strip()  # a folder of meetings or statuses
            job["inputs"] = [single.strip()]
        else:
            job["input"] = check.path(f"{key}.input", single, folder)
    elif entry.get("inputs") is None:
        check.add(f"{key}.input", "required key is missing")
    if entry.get("kind") is not None:
        kind = entry["kind"]
        if isinstance(kind, str) and kind.strip().lower() in KINDS:
            job["kind"] = kind.strip().lower()
        else:
            check.add(f"{key}.kind", f"{describe(kind)} is not one of {', '.join(KINDS)}")
    if entry.get("outputs") is not None:
        job["outputs"] = check.names(f"{key}.outputs", entry["outputs"], "file names", single_ok=False)
        if job["outputs"] == []:
            check.add(f"{key}.outputs", "is empty (list at least one file name, or leave it out)")
    if entry.get("formats") is not None:
        job["formats"] = check.names(f"{key}.formats", entry["formats"], "formats", single_ok=True)
    if entry.get("templates") is not None:
        job["templates"] = check.names(f"{key}.templates", entry["templates"], "folders", single_ok=True)
    if entry.get("language") is not None:
        job["language"] = check.text(f"{key}.language", entry["language"], "a language code such as en or fr")
    if entry.get("template") is not None:
        job["template"] = check.text(f"{key}.template", entry["template"],
                                     "a .docx or .pptx template (a path, or a name on the template path)")
    for name in ("assessment", "previous", "previous_assessment", *PACK_PARTS):
        if entry.get(name) is not None:
            job[name] = check.path(f"{key}.{name}", entry[name], folder)
    if "fail_on" in entry:
        job["fail_on"] = check.gate(f"{key}.fail_on", entry["fail_on"])
    _pack_keys(check, key, entry)
    return job


def _pack_keys(check: _Checker, key: str, entry: dict) -> None:
    """Record the keys of ``entry`` that do not go with its kind: a pack's parts elsewhere, others' keys on a pack.

    A pack is never told by its content, so only an explicit ``kind: pack`` makes one.
    """
    is_pack = str(entry.get("kind") or "").strip().lower() == "pack"
    if not is_pack:
        for name in PACK_PARTS:
            if entry.get(name) is not None:
                check.add(f"{key}.{name}", "only a pack job reads it (add kind: pack)")
        return
    for name in NOT_FOR_PACK:
        if entry.get(name) is not None:
            check.add(f"{key}.{name}", f"a pack job does not read it (it reads input, previous, "
                      f"{', '.join(PACK_PARTS)} and assessment)")
    if entry.get("assessment") is not None and entry.get("checklist") is None:
        check.add(f"{key}.assessment", "a pack's assessment needs the specification it assesses "
                  "(add checklist: SPEC)")
