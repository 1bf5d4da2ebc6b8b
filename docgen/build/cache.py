"""Incremental builds: a job is skipped when the hash of what it reads matches the last build."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from docgen import __version__
from docgen.build.jobs import Job
from docgen.output import atomic_write_text
from docgen.template_path import search_path

CACHE_NAME = ".docgen-cache.json"


def folder_digest(folder: Path) -> str:
    """Return a hash of every file under ``folder`` (names and contents)."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for file in sorted(folder.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(folder)).encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()


class BuildCache:
    """The hashes of the last successful build of each job, kept in OUTDIR."""

    def __init__(self, outdir: Path):
        self.path = Path(outdir) / CACHE_NAME
        try:
            self.entries: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self._folders: dict[Path, str] = {}

    def key(self, job: Job) -> str:
        """Return the cache key of ``job`` (its input and outputs)."""
        return f"{job.input}->{','.join(str(o) for o in job.outputs)}"

    def digest(self, job: Job) -> str:
        """Return the hash of everything ``job`` reads: input, assessment, templates, options."""
        digest = hashlib.sha256(__version__.encode())
        digest.update(json.dumps(job.as_dict(), sort_keys=True).encode())
        for path in (job.input, job.assessment, job.previous):
            if path and Path(path).is_file():
                digest.update(Path(path).read_bytes())
        if job.kind == "meeting":
            # Earlier meetings of the series (same folder) feed the review of previous actions.
            for sibling in sorted(Path(job.input).parent.iterdir()):
                if sibling.suffix.lower() in (".yaml", ".yml", ".md") and sibling != job.input:
                    digest.update(sibling.name.encode())
                    digest.update(sibling.read_bytes())
        for folder in search_path(job.templates):
            if folder not in self._folders:
                self._folders[folder] = folder_digest(folder)
            digest.update(self._folders[folder].encode())
        return digest.hexdigest()

    def fresh(self, job: Job, digest: str) -> bool:
        """Return True when ``job``'s outputs exist and were built from the same ``digest``."""
        return self.entries.get(self.key(job)) == digest and all(o.is_file() for o in job.outputs)

    def record(self, job: Job, digest: str) -> None:
        """Remember that ``job`` was built from ``digest``."""
        self.entries[self.key(job)] = digest

    def save(self) -> None:
        """Write the cache file."""
        atomic_write_text(self.path, json.dumps(self.entries, indent=1, sort_keys=True))
