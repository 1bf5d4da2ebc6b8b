"""The document models: plain validated data that knows nothing of YAML, Markdown or Office."""
