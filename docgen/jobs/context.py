"""The render context: everything a writer needs besides its model, resolved once per run.

As mkdocs' ``Theme``: the template search path is computed here and nowhere else (the user's
``--templates`` folders, then ``$DOCGEN_TEMPLATES``, then the built-ins), and every writer gets
its labels, reference documents, Jinja environments and the PMO's ``--template`` from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docgen.labels import Labels, load_labels
from docgen.template_path import find_template, search_path


@dataclass(frozen=True)
class RenderContext:
    """The resolved search path ``dirs``, the ``--lang`` override and the PMO's own ``template``.

    ``language`` (``--lang``) wins over the document's own language; ``template`` is the checked
    docxtpl .docx or .pptx template of ``--template`` / ``template:`` (None: the built-in look).
    """

    dirs: tuple[Path, ...]
    language: str | None = None
    template: Path | None = None
    _labels: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def resolve(cls, template_dirs: tuple[Path, ...] | list[Path] = (), language: str | None = None,
                template: Path | None = None) -> RenderContext:
        """Return the context of a run given the user's template folders (checked to exist)."""
        return cls(tuple(search_path(list(template_dirs))), language, template)

    def labels(self, document_language: str | None = None) -> Labels:
        """Return the labels of ``--lang``, else of ``document_language``, else English (cached per language)."""
        language = self.language or document_language or "en"
        if language not in self._labels:
            self._labels[language] = load_labels(language, self.dirs)
        return self._labels[language]

    def find(self, name: str) -> Path:
        """Return the first file called ``name`` along the search path; raise TemplateError otherwise."""
        return find_template(name, list(self.dirs))

    def reference(self, name: str):
        """Return the Word reference document ``name`` (``minutes.docx``, ``agenda.docx``...) of the search path."""
        from docgen.ooxml.reference import load_reference

        return load_reference(self.find(name))

    def with_template(self, template: Path | None) -> RenderContext:
        """Return this context with the PMO's ``template`` (shares the label cache)."""
        return RenderContext(self.dirs, self.language, template, self._labels)
