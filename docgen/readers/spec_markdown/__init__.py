"""Markdown specification reader: requirements found by identifier or by BCP 14 keyword."""

from docgen.readers.spec_markdown.extract import (
    DEFAULT_ID_PATTERN,
    ExtractedRequirement,
    analyse,
    extract,
)
from docgen.readers.spec_markdown.reader import read_spec_markdown

__all__ = [
    "DEFAULT_ID_PATTERN", "ExtractedRequirement", "analyse", "extract", "read_spec_markdown",
]
