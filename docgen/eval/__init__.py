"""Measuring instruments for docgen's readers (not imported by docgen's normal paths).

``python -m docgen.eval.notes FOLDER`` scores the Markdown notes reader against hand-written truth.
"""
