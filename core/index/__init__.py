"""The CAICT fusion index: engine (symmetric growth, aggregation, chained index), sensitivity, national benchmark."""

from .benchmarks import (
    BenchmarkRow,
    PublishedFigure,
    compare_with_published,
    compute_national_index,
    load_national_observations,
    load_published_index,
    published_series,
)
from .engine import (
    FilledCell,
    IndexOptions,
    IndexRecipe,
    IndexResult,
    compute_index,
    compute_index_grid,
    symmetric_growth,
    to_grid,
)
from .sensitivity import (
    MonteCarloResult,
    OneAtATimeResult,
    draw_weights,
    drawn_parent_indices,
    monte_carlo,
    one_at_a_time,
    path_membership,
    prepared_for,
)

__all__ = [
    "BenchmarkRow",
    "FilledCell",
    "IndexOptions",
    "IndexRecipe",
    "IndexResult",
    "MonteCarloResult",
    "OneAtATimeResult",
    "PublishedFigure",
    "compare_with_published",
    "compute_index",
    "compute_index_grid",
    "compute_national_index",
    "draw_weights",
    "drawn_parent_indices",
    "load_national_observations",
    "load_published_index",
    "monte_carlo",
    "one_at_a_time",
    "path_membership",
    "prepared_for",
    "published_series",
    "symmetric_growth",
    "to_grid",
]
