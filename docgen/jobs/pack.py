"""The pack job: the pre-read pack of a committee in one document (PDF or Word).

A meeting -> its agenda, then the minutes of the previous meeting, the project's committee deck
(two slides per page) and the compliance checklist summary, each when given; with a contents
page, a bookmark per part and "Page X of Y" across the pack. The Office parts are written to a
temporary folder, converted by one LibreOffice process and merged with pypdf.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.jobs.context import RenderContext
from docgen.jobs.pack_parts import Pack, labels_of, parts_of

if TYPE_CHECKING:
    from docgen.renderers.pack_pdf import Cover

NAME = "pack"
KIND = "pack"
INPUTS = ("meeting",)
DEFAULT_FORMATS = ("pdf",)


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


def _details(pack: Pack, ctx: RenderContext) -> dict[str, str]:
    """Return the contents line under each part's title (by label key): whose and when it is."""
    L = labels_of(pack, ctx)
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

    L, m = labels_of(pack, ctx), pack.meeting.meeting
    when = " \u00b7 ".join(x for x in (L.format_date(m.date), time_span(m.start, m.end)) if x)
    return Cover(L["pack.kind"], m.title, [x for x in (when, m.location) if x], L["pack.contents"],
                 L["common.page"], L["common.of"])


def write_pdf(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    """Write the pack as one PDF (one LibreOffice run for every part); return ``dest``."""
    from docgen.errors import OutputError
    from docgen.output import atomic_write_bytes, unstaged
    from docgen.pdf import convert_many
    from docgen.renderers.pack_pdf import Part, assemble

    L, details, wanted = labels_of(pack, ctx), _details(pack, ctx), parts_of(pack)
    with tempfile.TemporaryDirectory(prefix="docgen-pack-") as tmp:
        scratch = [Path(tmp, part.scratch) for part in wanted]
        with unstaged():  # scratch files, removed with the folder
            for part, path in zip(wanted, scratch):
                part.write(pack, ctx, path)
            pdfs = convert_many([(path, path.with_suffix(".pdf")) for path in scratch])
        if len(pdfs) != len(wanted):
            raise OutputError(f"{dest}: LibreOffice converted {len(pdfs)} of the pack's {len(wanted)} parts")
        parts = [Part(L[part.label], pdf.read_bytes(), details.get(part.label, ""), part.slides)
                 for part, pdf in zip(wanted, pdfs)]
    return atomic_write_bytes(Path(dest), assemble(parts, cover(pack, ctx)))


def write_docx(pack: Pack, ctx: RenderContext, dest: Path) -> Path:
    """Write the pack as one Word document (contents with page fields, each part from a new page); return ``dest``.

    The deck is its written status report; pages are numbered "Page X of Y" by the footer of
    the ``minutes.docx`` reference document.
    """
    from docgen.ooxml.docx_contents import contents_entry, page_break_with_bookmark, updating_fields
    from docgen.ooxml.docx_writer import DocxBuilder
    from docgen.ooxml.package import document_time

    L, m, words, details = labels_of(pack, ctx), pack.meeting.meeting, cover(pack, ctx), _details(pack, ctx)
    doc = DocxBuilder(updating_fields(ctx.reference("minutes.docx")))
    doc.paragraph(words.kind, "Subtitle")
    doc.paragraph(words.title, "Title")
    for line in words.details:
        doc.paragraph(line)
    doc.heading(words.contents, 1)
    wanted = parts_of(pack)
    for number, part in enumerate(wanted, start=1):
        doc.body.append(contents_entry(f"{number}.  {L[part.label]}", f"_pack_part_{number}", doc.text_width,
                                       details.get(part.label, "")))
    for number, part in enumerate(wanted, start=1):
        doc.body.append(page_break_with_bookmark(f"_pack_part_{number}", number))
        part.append(pack, ctx, doc)
    tokens = {"title": m.title, "date": L.format_date(m.date), "project": m.project or m.series or "",
              "kind": words.kind, "page": L["common.page"], "of": L["common.of"]}
    return doc.save(Path(dest), f"{words.kind}: {m.title}", tokens, document_time(m.date), subject=words.kind)


WRITERS = {".pdf": write_pdf, ".docx": write_docx}
