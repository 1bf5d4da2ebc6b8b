"""Template folders: copy the built-ins out to edit (``init``) and see who supplies what (``list``)."""

from __future__ import annotations

from pathlib import Path

from docgen.errors import OutputError
from docgen.output import atomic_write_bytes, atomic_write_text
from docgen.template_path import ENV_VAR, along, builtin_dir

# What each built-in file controls; a file not listed is described by its extension.
CONTROLS = {
    "minutes.docx": "Word styles, page set-up, header and footer of the minutes (docgen minutes).",
    "report.docx": "Word styles, page set-up, header and footer of reports.",
    "checklist.docx": "Word styles and page set-up of the compliance checklist (docgen checklist -o x.docx).",
    "agenda.docx": "Word styles, page set-up, header and footer of agendas.",
    "deck.pptx": "PowerPoint slide master, layouts, theme colours and fonts of the committee deck (docgen deck).",
    "minutes.md.j2": "Markdown minutes (Jinja, named blocks).",
    "minutes.html.j2": "HTML e-mail minutes (Jinja, named blocks).",
    "minutes-draft.md.j2": "Markdown draft minutes (Jinja, named blocks).",
    "checklist.md.j2": "Markdown checklist (Jinja).",
    "agenda.md.j2": "Markdown agenda (Jinja, named blocks).",
    "agenda.html.j2": "HTML agenda (Jinja, named blocks).",
    "labels/en.yaml": "Every English wording and the date format.",
    "labels/fr.yaml": "Every French wording and the date format.",
    "status.xlsx": "Not a template: a status to fill in Excel instead of status.yaml (docgen deck status.xlsx).",
}
STATUS_WORKBOOK = "status.xlsx"  # written by init beside the templates, from the status example
_BY_SUFFIX = {".docx": "Word reference document (styles by name).",
              ".pptx": "PowerPoint reference deck (layouts by name).",
              ".j2": "Jinja text template.", ".yaml": "Labels of one language."}


def builtin_names() -> list[str]:
    """Return the names (relative paths) of every built-in template, sources excluded."""
    return _names(builtin_dir())


def _names(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    names = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if not path.is_file() or rel.parts[0] in ("src", "__pycache__") or any(
                p.startswith(".") for p in rel.parts) or rel.name == "README.md":
            continue
        if path.suffix.lower() in (".docx", ".pptx", ".j2", ".yaml", ".yml", ".dotx", ".potx"):
            names.append(rel.as_posix())
    return sorted(names)


def controls(name: str) -> str:
    """Return what the template file ``name`` controls, in one sentence."""
    return CONTROLS.get(name) or _BY_SUFFIX.get(Path(name).suffix.lower(), "Template file.")


def init_folder(dest: Path, force: bool = False) -> list[Path]:
    """Copy the built-in templates, a status workbook and a README.md into ``dest``; return the files written.

    Raises OutputError listing every file that exists already unless ``force``; nothing is
    written then.
    """
    dest = Path(dest)
    if dest.exists() and not dest.is_dir():
        raise OutputError(f"{dest}: exists and is not a folder")
    names = builtin_names()
    targets = [dest / n for n in names] + [dest / STATUS_WORKBOOK, dest / "README.md"]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        shown = ", ".join(str(t.relative_to(dest)) for t in existing[:8])
        more = f" and {len(existing) - 8} more" if len(existing) > 8 else ""
        raise OutputError(f"{dest}: would overwrite {shown}{more} (use --force to replace them)")
    from docgen.renderers.status_workbook_xlsx import example_workbook

    written = [atomic_write_bytes(dest / n, (builtin_dir() / n).read_bytes()) for n in names]
    written.append(atomic_write_bytes(dest / STATUS_WORKBOOK, example_workbook()))
    written.append(atomic_write_text(dest / "README.md", readme(names + [STATUS_WORKBOOK], dest)))
    return written


def readme(names: list[str], dest: Path) -> str:
    """Return the README.md placed in a new template folder: what each file controls, how to use it."""
    rows = "\n".join(f"| `{n}` | {controls(n)} |" for n in names)
    return f"""# docgen templates

These files are copies of docgen's built-in templates. Edit the ones you want to change and
**delete the others**: docgen looks for each file in this folder first and falls back to its
built-in copy, so a file you did not touch keeps receiving improvements when docgen is upgraded.

| File | Controls |
| --- | --- |
{rows}

## Using this folder

    docgen minutes meeting.yaml --templates {dest.as_posix()}

or once for every command, in a `docgen.yaml` in your working folder:

    templates:
      - {dest.as_posix()}

or with the environment variable `{ENV_VAR}` (folders separated by `:`, `;` on Windows).
`docgen templates list --templates {dest.as_posix()}` shows which folder supplies each file.

## Editing

- **Word (.docx)**: change styles in Word (Home > Styles > Modify): fonts, colours, spacing,
  the header and footer (`{{title}}`, `{{date}}`, `{{project}}`, `{{page}}` are filled in). Keep
  the style *names*; the text in the body is ignored. A missing style is reported by name.
- **PowerPoint (.pptx)**: edit the slide master and layouts; keep the layout names.
- **Labels (labels/xx.yaml)**: keep only the wordings you change (the rest comes from the
  built-in file), or add `labels/de.yaml` with every key for a new language (`--lang de`).
- **Text templates (.j2)**: Jinja. Override one block of the built-in instead of copying it:
  `{{% extends "builtin:minutes.md.j2" %}}{{% block agenda %}}...{{% endblock %}}`.
- **Your own Word layout**: a .docx with docxtpl tags (`{{{{ meeting.title }}}}`,
  `{{%tr for a in actions %}}`), used with `docgen minutes meeting.yaml --template my.docx`.
  `docgen templates context minutes` lists every variable and helper.
"""


def supplier_table(dirs: tuple[Path, ...] = ()) -> list[tuple[str, Path, bool]]:
    """Return (name, folder supplying it, is_builtin) for every template name along the search path ``dirs``."""
    dirs = along(dirs)
    names = sorted({n for folder in dirs for n in _names(folder)})
    builtin = builtin_dir().resolve()
    rows = []
    for name in names:
        folder = next(d for d in dirs if (d / name).is_file())
        rows.append((name, folder, folder.resolve() == builtin))
    return rows
