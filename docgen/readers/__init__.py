"""Readers: one module per input format, each returning a :class:`Source` in the contract's shape."""

from docgen.readers.source import Source

__all__ = ["Source"]
