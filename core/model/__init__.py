"""The data model: the indicator framework, observations with status and provenance, regions."""

from .framework import ROOT, Framework, Node, load_framework, parse_framework, renormalise
from .framework_edit import (
    check_draft,
    draft_from,
    draft_toml,
    next_user_version,
    normalised_draft,
    save_draft,
    sibling_shares,
)
from .observations import (
    BASIS_CODES,
    BASIS_GDP,
    BASIS_POPULATION,
    NATION,
    Observation,
    ObservationTable,
    Provenance,
)
from .regions import (
    MACRO_REGIONS,
    Province,
    canonical_region_name,
    load_provinces,
    macro_region_of,
    neighbours,
    province,
    province_names,
)
from .tilegrid import Tile, TileGrid, load_tile_grid

__all__ = [
    "BASIS_CODES",
    "BASIS_GDP",
    "BASIS_POPULATION",
    "MACRO_REGIONS",
    "NATION",
    "ROOT",
    "Framework",
    "Node",
    "Observation",
    "ObservationTable",
    "Provenance",
    "Province",
    "Tile",
    "TileGrid",
    "canonical_region_name",
    "check_draft",
    "draft_from",
    "draft_toml",
    "load_framework",
    "load_provinces",
    "load_tile_grid",
    "macro_region_of",
    "neighbours",
    "next_user_version",
    "normalised_draft",
    "parse_framework",
    "province",
    "province_names",
    "renormalise",
    "save_draft",
    "sibling_shares",
]
