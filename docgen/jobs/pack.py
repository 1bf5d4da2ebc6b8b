"""The pack job: the pre-read pack of a committee in one document (PDF).

A meeting -> its agenda, then the minutes of the previous meeting, the project's committee deck
(two slides per page) and the compliance checklist summary, each when given; with a contents
page, a bookmark per part and "Page X of Y" across the pack. The Office parts are written to a
temporary folder, converted by one LibreOffice process and merged with pypdf.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.jobs.context import RenderContext

if TYPE_CHECKING:
    from docgen.jobs.deck import Period
    from docgen.labels import Labels
    from docgen.model.checklist import Checklist
    from docgen.model.meeting import Minutes
    from docgen.renderers.pack_pdf import Cover

NAME = "pack"
KIND = "pack"
INPUTS = ("meeting",)
DEFAULT_FORMATS = ("pdf",)


@dataclass(frozen=True)
class Pack:
    """What the pack holds: the meeting, and the documents read before it (each may be absent)."""

    meeting: Minutes
    previous_minutes: Minutes | None = None
    period: Period | None = None
    checklist: Checklist | None = None


def load(path: Path, status: Path | None = None, spec: Path | None = None, assessment: Path | None = None,
         previous_minutes: Path | None = None, previous: tuple[Path, ...] = (),
         carry: bool = True) -> tuple[Pack, list[str]]:
    """Return the Pack of the meeting ``path`` with the parts given, and the warnings about every input.

    ``status``: the project status whose deck goes in; ``spec`` and ``assessment``: the checklist;
    ``previous_minutes``: the meeting (or notes) of the last committee. Raises ConfigError for an
    assessment without its specification, InputError for an input that does not validate.
    """
    from docgen.errors import ConfigError
    from docgen.jobs import checklist as checklist_job
    from docgen.jobs import deck as deck_job
    from docgen.jobs import minutes as minutes_job

    if assessment is not None and spec is None:
        raise ConfigError("--assessment: give the specification it assesses with --checklist")
    meeting, warnings = minutes_job.load(Path(path), previous, carry)
    before = None
    if previous_minutes is not None:
        before, more = minutes_job.load(Path(previous_minutes), carry=False)
        warnings += more
    period = None
    if status is not None:
        period, more = deck_job.load(Path(status))
        warnings += more
    checked = checklist_job.load(Path(spec), assessment) if spec is not None else None
    if checked is not None:
        warnings += [str(w) for w in checked.warnings]
    return Pack(meeting, before, period, checked), warnings


# A part of the pack: its label key, its scratch file name, whether it is a deck, and how it is written.
PartWriter = Callable[[Pack, RenderContext, Path], Path]


def _agenda(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.renderers import agenda_docx

    minutes = pack.meeting
    reference = ctx.reference("agenda.docx").without_footers()
    return agenda_docx.render(minutes, ctx.labels(minutes.meeting.language), reference, dest)


def _previous_minutes(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.renderers import minutes_docx

    minutes = pack.previous_minutes
    assert minutes is not None  # parts are written only when present
    reference = ctx.reference("minutes.docx").without_footers()
    return minutes_docx.render(minutes, ctx.labels(minutes.meeting.language), reference, dest)


def _deck(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.jobs.deck import write_pptx

    assert pack.period is not None
    return write_pptx(pack.period, ctx.with_template(None), dest)


def _checklist(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.renderers import checklist_docx

    assert pack.checklist is not None
    reference = ctx.reference(checklist_docx.REFERENCE).without_footers()
    return checklist_docx.render(pack.checklist, dest, ctx.labels(None), ctx.dirs, reference, full=False)


# The parts in the order of the pack: label key, scratch file, is a deck, present?, writer.
PARTS: list[tuple[str, str, bool, Callable[[Pack], bool], PartWriter]] = [
    ("pack.agenda", "1-agenda.docx", False, lambda p: True, _agenda),
    ("pack.previous_minutes", "2-previous-minutes.docx", False, lambda p: p.previous_minutes is not None,
     _previous_minutes),
    ("pack.deck", "3-deck.pptx", True, lambda p: p.period is not None, _deck),
    ("pack.checklist", "4-checklist-summary.docx", False, lambda p: p.checklist is not None, _checklist),
]


def _labels(pack: Pack, ctx: RenderContext) -> Labels:
    return ctx.labels(pack.meeting.meeting.language)


def _details(pack: Pack, ctx: RenderContext) -> dict[str, str]:
    """Return the contents-page line under each part's title: whose and when it is."""
    L = _labels(pack, ctx)
    lines = {"pack.agenda": L.format_date(pack.meeting.meeting.date)}
    if pack.previous_minutes is not None:
        m = pack.previous_minutes.meeting
        lines["pack.previous_minutes"] = f"{m.title} \u00b7 {L.format_date(m.date)}"
    if pack.period is not None:
        p = pack.period.status.project
        lines["pack.deck"] = " \u00b7 ".join(x for x in (p.name, p.period, L.format_date(p.report_date)) if x)
    if pack.checklist is not None:
        spec = pack.checklist.specification
        lines["pack.checklist"] = " \u00b7 ".join(x for x in (spec.title, spec.reference) if x)
    return lines


def cover(pack: Pack, ctx: RenderContext) -> Cover:
    """Return the words of the pack's contents page and page stamps."""
    from docgen.renderers.minutes_docx import time_span
    from docgen.renderers.pack_pdf import Cover

    L, m = _labels(pack, ctx), pack.meeting.meeting
    when = " \u00b7 ".join(x for x in (L.format_date(m.date), time_span(m.start, m.end)) if x)
    return Cover(L["pack.kind"], m.title, [x for x in (when, m.location) if x], L["pack.contents"],
                 L["common.page"], L["common.of"])


def write_pdf(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    """Write the pack as one PDF (one LibreOffice run for every part); return ``dest``."""
    from docgen.errors import OutputError
    from docgen.output import atomic_write_bytes, unstaged
    from docgen.pdf import convert_many
    from docgen.renderers.pack_pdf import Part, assemble

    L, details = _labels(pack, ctx), _details(pack, ctx)
    with tempfile.TemporaryDirectory(prefix="docgen-pack-") as tmp:
        wanted = [(key, Path(tmp, name), slides, write) for key, name, slides, present, write in PARTS
                  if present(pack)]
        with unstaged():  # scratch files, removed with the folder
            for _, scratch, _, write in wanted:
                write(pack, ctx, scratch)
            pdfs = convert_many([(scratch, scratch.with_suffix(".pdf")) for _, scratch, _, _ in wanted])
        if len(pdfs) != len(wanted):
            raise OutputError(f"{dest}: LibreOffice converted {len(pdfs)} of the pack's {len(wanted)} parts")
        parts = [Part(L[key], pdf.read_bytes(), details.get(key, ""), slides)
                 for (key, _, slides, _), pdf in zip(wanted, pdfs)]
    return atomic_write_bytes(Path(dest), assemble(parts, cover(pack, ctx)))


WRITERS = {".pdf": write_pdf}
