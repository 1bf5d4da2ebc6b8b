"""What one build job is, and how each kind of input turns into its outputs."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field, fields
from pathlib import Path

from docgen.jobs import KINDS as JOB_OF_KIND
from docgen.jobs import job_of_kind

KINDS = tuple(JOB_OF_KIND)  # meeting, agenda, status, spec, actions, portfolio, pack: the table of jobs'
DISCOVERED = ("meeting", "status", "spec")  # kinds found by their content in a folder
MULTI_INPUT = ("actions", "portfolio")  # kinds whose job reads every file of ``inputs``
SERIES_KINDS = ("meeting", "agenda", "pack")  # kinds whose job carries the actions of the earlier meetings
PACK_PARTS = ("status", "checklist", "previous_minutes")  # what a pack job reads beside its meeting (and assessment)
# kind -> "module:function(job)"; one runner per job of the table.
RUNNERS = {kind: f"docgen.build.kinds:run_{kind}" for kind in KINDS}


def default_formats(kind: str) -> list[str]:
    """Return the output formats a job of ``kind`` writes when the manifest names none."""
    return list(job_of_kind(kind).DEFAULT_FORMATS)


def office_for_pdf(kind: str) -> str | None:
    """Return the Office extension (.docx or .pptx) the PDF of a ``kind`` job is converted from.

    None when the job's PDF writer is not a wrapper around one Office writer (the pack's runs its
    own LibreOffice process for all its parts): the batch conversion leaves that PDF alone.
    """
    return getattr(job_of_kind(kind).WRITERS[".pdf"], "office_suffix", None)


@dataclass
class Job:
    """One input and the outputs to make from it."""

    input: Path
    kind: str
    outputs: list[Path]
    inputs: list[Path] = field(default_factory=list)  # every input of an actions or portfolio job
    template: Path | None = None  # the PMO's docxtpl .docx or .pptx template (``template:``)
    templates: list[Path] = field(default_factory=list)
    language: str | None = None
    assessment: Path | None = None
    previous: Path | None = None  # last period's status, or the previous assessment of a spec
    fail_on: str | None = None
    status: Path | None = None  # a pack's project status (its deck)
    checklist: Path | None = None  # a pack's specification (its checklist summary, with ``assessment``)
    previous_minutes: Path | None = None  # a pack's previous meeting (its minutes)
    pdf: bool = False  # needs LibreOffice: PDFs converted in the batch, or written by the job's own writer
    scratch: dict[str, str] = field(default_factory=dict)  # PDF output -> the Office file converted in the batch
    origin: str | None = field(default=None, compare=False)  # "docgen.yaml:4: jobs[0] (a.yaml)", messages only

    def as_dict(self) -> dict:
        """Return the job as JSON-ready data (what it reads and writes; not where it was listed)."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("origin", "scratch")
                and not (f.name in PACK_PARTS and getattr(self, f.name) is None)}  # other jobs hash as before
        return {k: ([str(p) for p in v] if isinstance(v, list) else str(v) if isinstance(v, Path)
                    else v) for k, v in data.items()}

    def reads(self) -> list[Path]:
        """Return every file or folder the job reads: its input(s), assessment, previous and a pack's parts."""
        found = [self.input, self.assessment, self.previous, *self.inputs, self.status, self.checklist,
                 self.previous_minutes]
        return [Path(p) for p in found if p is not None]

    def describe(self) -> str:
        """Return how messages name the job: its manifest entry, or its input file."""
        return self.origin or str(self.input)


@dataclass
class JobResult:
    """What happened to one job: ``status`` is ok, skipped, failed (gate) or error.

    ``internal`` marks an error that is a bug in docgen (or a worker that died), not a bad input;
    ``traceback`` holds its traceback (never in reports; printed with DOCGEN_DEBUG=1).
    """

    input: str
    kind: str
    outputs: list[str]
    status: str
    error: str | None = None
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    internal: bool = False
    traceback: str | None = field(default=None, repr=False)


def run(job: Job) -> list[Path] | tuple[list[Path], list[str]]:
    """Run ``job``; return the files it wrote, or those and warnings (raises DocgenError)."""
    module, attr = RUNNERS[job.kind].split(":")
    return getattr(importlib.import_module(module), attr)(job)
