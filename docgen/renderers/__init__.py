"""Renderers: one module per output format, each exposing ``render(doc, options, dest) -> Path``."""
