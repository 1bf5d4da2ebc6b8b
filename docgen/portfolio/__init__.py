"""The project portfolio: many statuses -> one dashboard deck, workbook or Markdown (``docgen portfolio``).

collect (files, one current period per project) -> summary (figures, pure) -> deck / xlsx /
markdown renderers; rules (pure) suggests a RAG per dimension from the data.
"""
