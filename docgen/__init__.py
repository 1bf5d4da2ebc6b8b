"""docgen: meeting minutes, committee decks and compliance checklists from YAML and Markdown."""

__version__ = "0.1.0"
