"""The deck plan: a pure function from a status to slides, layouts, shapes and rows.

Nothing here imports python-pptx: the plan is tested on its own, then
:mod:`docgen.deck.writer` places it on the template.
"""

from __future__ import annotations

from docgen.deck import (
    notes,
    slides_actions,
    slides_changes,
    slides_dashboard,
    slides_gantt,
    slides_overview,
    slides_risks,
    slides_schedule,
    slides_timeline,
)
from docgen.deck.changes import Changes
from docgen.deck.order import DEFAULT_ORDER
from docgen.deck.planning import Planning, fit_title
from docgen.deck.shapes import DeckPlan, Frame, SlidePlan
from docgen.deck.typography import typeset, typeset_slide
from docgen.labels import Labels
from docgen.model.status import Status
from docgen.ooxml.drawingml.shapes import TableShape

# Slide planners by slide kind (the names of ``order:`` in deck.yaml); each returns [] when its data is absent.
PLANNERS = {
    "cover": slides_overview.cover,
    "dashboard": slides_dashboard.dashboard,
    "summary": slides_overview.summary,
    "changes": slides_changes.changes,
    "dimensions": slides_overview.dimensions,
    "workstreams": slides_overview.workstreams,
    "gantt": slides_gantt.gantt,
    "milestones": slides_schedule.milestones,
    "timeline": slides_timeline.timeline,
    "budget": slides_schedule.budget,
    "heatmap": slides_risks.heatmap,
    "risks": slides_risks.register,
    "issues": slides_actions.issues,
    "decisions": slides_actions.decisions,
    "actions": slides_actions.actions,
}

# The kinds of the slides planned (a deck-layouts.yaml key): the timeline is a "milestones" slide,
# the heat map a "risks" one.
KINDS = ("cover", "dashboard", "summary", "dimensions", "workstreams", "gantt", "milestones", "budget", "risks",
         "issues", "decisions", "actions")


def plan_deck(status: Status, labels: Labels, frame: Frame | None = None,
              changes: Changes | None = None, rule_flags: dict[str, str] | None = None,
              order: tuple[str, ...] = DEFAULT_ORDER, source: str | None = None,
              previous: str | None = None) -> DeckPlan:
    """Return the DeckPlan of ``status`` with ``labels``, laid out for ``frame``, slides in ``order``.

    ``order`` names the slide kinds of :data:`PLANNERS` (see :mod:`docgen.deck.order`); a kind
    it leaves out is not planned.

    With ``changes`` (against the previous period) a "Changes since" slide follows the summary;
    ``rule_flags`` (dimension -> sentence) are shown under the comment of the dimensions whose
    typed RAG is better than the RAG rules' (see :mod:`docgen.portfolio.rules`). Every slide's
    ``notes`` name the data behind it (``source`` and ``previous`` file names, the status date),
    what it shows and leaves out, and give whole every text shortened with "…" to fit its box.
    """
    ctx = Planning.make(status, labels, frame or Frame(), changes, rule_flags)
    slides: list[SlidePlan] = []
    for kind in order:
        for slide in PLANNERS[kind](ctx):
            slide.planner = kind
            slides.append(slide)
    for slide in slides:
        fit_title(ctx, slide)
        typeset_slide(slide, labels.language)  # measured with the same rules (docgen.deck.typography)
        slide.notes += [text for shape in slide.shapes if isinstance(shape, TableShape)
                        for text in shape.notes]
    left_out = [ctx.t(f"notes.kinds.{k}") for k in DEFAULT_ORDER if k not in order and PLANNERS[k](ctx)]
    notes.compose(ctx, slides, notes.source_line(ctx, source, previous if changes else None), left_out)
    project = status.project
    footer = " · ".join(x for x in (project.name, project.committee) if x)
    return DeckPlan(
        slides=slides,
        footer=typeset(footer, labels.language),
        date_text=typeset(labels.format_date(project.report_date), labels.language),
        title=project.name,
        language=labels.language,
    )
