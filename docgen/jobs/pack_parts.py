"""What a committee pack holds, and its parts in order: each written alone (for the PDF) or into one Word file.

Alone, each part is the document its own job writes, on its reference document without its
footer (the pack numbers its pages); in the Word pack, each part's body is appended to the one
document, the deck as its written status report.
"""

from __future__ import annotations

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
    from docgen.ooxml.docx_writer import DocxBuilder


@dataclass(frozen=True)
class Pack:
    """What the pack holds: the meeting, and the documents read before it (each may be absent)."""

    meeting: Minutes
    previous_minutes: Minutes | None = None
    period: Period | None = None
    checklist: Checklist | None = None


def labels_of(pack: Pack, ctx: RenderContext) -> Labels:
    """Return the labels of the pack: ``--lang``, else the meeting's language."""
    return ctx.labels(pack.meeting.meeting.language)


def _agenda(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.renderers import agenda_docx

    reference = ctx.reference("agenda.docx").without_footers()
    return agenda_docx.render(pack.meeting, labels_of(pack, ctx), reference, dest)


def _agenda_into(pack: Pack, ctx: RenderContext, doc: DocxBuilder) -> None:
    from docgen.renderers import agenda_docx

    agenda_docx.build(pack.meeting, labels_of(pack, ctx), doc.ref, doc)


def _previous_minutes(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.renderers import minutes_docx

    minutes = pack.previous_minutes
    assert minutes is not None  # a part is written only when present
    reference = ctx.reference("minutes.docx").without_footers()
    return minutes_docx.render(minutes, ctx.labels(minutes.meeting.language), reference, dest)


def _previous_minutes_into(pack: Pack, ctx: RenderContext, doc: DocxBuilder) -> None:
    from docgen.renderers import minutes_docx

    minutes = pack.previous_minutes
    assert minutes is not None
    minutes_docx.build(minutes, ctx.labels(minutes.meeting.language), doc.ref, doc)


def _deck(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.jobs.deck import write_pptx

    assert pack.period is not None
    return write_pptx(pack.period, ctx, dest)


def _deck_into(pack: Pack, ctx: RenderContext, doc: DocxBuilder) -> None:
    from docgen.deck.report_docx import build

    period = pack.period
    assert period is not None
    build(period.status, ctx.labels(period.status.project.language), doc.ref, ctx.dirs, period.changes, doc)


def _checklist(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    from docgen.renderers import checklist_docx

    assert pack.checklist is not None
    reference = ctx.reference(checklist_docx.REFERENCE).without_footers()
    return checklist_docx.render(pack.checklist, dest, labels_of(pack, ctx), ctx.dirs, reference, full=False)


def _checklist_into(pack: Pack, ctx: RenderContext, doc: DocxBuilder) -> None:
    from docgen.renderers import checklist_docx

    assert pack.checklist is not None
    checklist_docx.build(pack.checklist, labels_of(pack, ctx), doc.ref, full=False, doc=doc)


@dataclass(frozen=True)
class PartKind:
    """One part of the pack: its label, its scratch file, whether it is a deck, when it is there, how it is written."""

    label: str
    scratch: str
    slides: bool
    present: Callable[[Pack], bool]
    write: Callable[[Pack, RenderContext, Path], Path]  # its own file, converted for the PDF
    append: Callable[[Pack, RenderContext, DocxBuilder], None]  # into the Word pack


PARTS = [
    PartKind("pack.agenda", "1-agenda.docx", False, lambda p: True, _agenda, _agenda_into),
    PartKind("pack.previous_minutes", "2-previous-minutes.docx", False, lambda p: p.previous_minutes is not None,
             _previous_minutes, _previous_minutes_into),
    PartKind("pack.deck", "3-deck.pptx", True, lambda p: p.period is not None, _deck, _deck_into),
    PartKind("pack.checklist", "4-checklist-summary.docx", False, lambda p: p.checklist is not None,
             _checklist, _checklist_into),
]


def parts_of(pack: Pack) -> list[PartKind]:
    """Return the parts ``pack`` holds, in the order of the pack."""
    return [part for part in PARTS if part.present(pack)]
