"""Finding build inputs: moved to :mod:`docgen.discover` (the portfolio finds statuses the same way)."""

from docgen.discover import find_inputs, is_regular, kind_of, pair_assessment  # noqa: F401 - re-exported
