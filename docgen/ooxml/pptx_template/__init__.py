"""The PresentationML side of PowerPoint templates holding Jinja tags: slides, tables, text frames, runs.

The XML is walked and rewritten here (runs joined and split, rows and paragraphs repeated,
slides copied); the tags themselves are rendered by an :class:`~docgen.ooxml.pptx_template.where.Engine`
the caller gives (:mod:`docgen.renderers.pptx_template.jinja`: Jinja in the sandbox).
"""
