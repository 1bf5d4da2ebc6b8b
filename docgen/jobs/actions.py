"""The action register job: meetings of a series (files or folders) -> the register of their actions."""

from __future__ import annotations

from pathlib import Path

from docgen.actions_register import Register, collect
from docgen.jobs.context import RenderContext
from docgen.jobs.protocol import pdf

NAME = "actions"
KIND = "actions"
INPUTS = ("meeting",)
DEFAULT_FORMATS = ("xlsx",)
DEFAULT_NAME = "action-register"


def load(paths: list[Path] | tuple[Path, ...]) -> Register:
    """Return the action register of the meetings in ``paths`` (minutes files, or folders of them)."""
    from docgen.series_io import expand, load_all

    return collect(load_all(expand(tuple(paths))))


def _labels(register: Register, ctx: RenderContext):
    return ctx.labels(register.language)


def write_xlsx(register: Register, ctx: RenderContext, dest: Path) -> Path:
    """Write the register as a workbook; return ``dest``."""
    from docgen.renderers import actions_register_xlsx

    return actions_register_xlsx.render(register, _labels(register, ctx), dest)


def write_docx(register: Register, ctx: RenderContext, dest: Path) -> Path:
    """Write the register as a Word table on the ``minutes.docx`` reference document; return ``dest``."""
    from docgen.renderers import actions_register_docx

    return actions_register_docx.render(register, _labels(register, ctx), ctx.reference("minutes.docx"), dest)


def write_md(register: Register, ctx: RenderContext, dest: Path) -> Path:
    """Write the register as Markdown tables; return ``dest``."""
    from docgen.renderers import actions_register_md

    return actions_register_md.render(register, _labels(register, ctx), dest)


def write_csv(register: Register, ctx: RenderContext, dest: Path) -> Path:
    """Write the register as CSV (one row per action); return ``dest``."""
    from docgen.renderers import actions_register_csv

    return actions_register_csv.render(register, dest)


WRITERS = {".xlsx": write_xlsx, ".docx": write_docx, ".md": write_md, ".markdown": write_md,
           ".csv": write_csv, ".pdf": pdf(write_docx, ".docx")}
