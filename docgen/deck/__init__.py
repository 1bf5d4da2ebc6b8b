"""The committee deck: slide planners (plan.py, slides_*.py), the template, and the writer of the .pptx."""
