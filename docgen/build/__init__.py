"""``docgen build``: many inputs, many outputs, in parallel, incrementally, with a report."""
