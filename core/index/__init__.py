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
from .drop_one import DropOneResult, drop_one
from .engine import (
    FilledCell,
    IndexOptions,
    IndexRecipe,
    IndexResult,
    compute_index,
    compute_index_grid,
    prepare,
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
from .sobol import SobolResult, sobol_indices

__all__ = [
    "BenchmarkRow",
    "DropOneResult",
    "FilledCell",
    "IndexOptions",
    "IndexRecipe",
    "IndexResult",
    "MonteCarloResult",
    "OneAtATimeResult",
    "PublishedFigure",
    "SobolResult",
    "compare_with_published",
    "compute_index",
    "compute_index_grid",
    "compute_national_index",
    "draw_weights",
    "drop_one",
    "drawn_parent_indices",
    "load_national_observations",
    "load_published_index",
    "monte_carlo",
    "one_at_a_time",
    "path_membership",
    "prepare",
    "prepared_for",
    "published_series",
    "sobol_indices",
    "symmetric_growth",
    "to_grid",
]
