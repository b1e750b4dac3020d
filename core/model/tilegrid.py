"""The tile-grid map: each province as one equal square at its approximate geographic place.

The layout is data (`resources/geo/tilegrid.toml`); a tile grid shows no boundaries, so a
report may carry it without a licensed map (审图号).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from ..kernel.resources import read_resource_text

TILEGRID_RESOURCE = "geo/tilegrid.toml"


@dataclass(frozen=True)
class Tile:
    region: str  # canonical province name (geo/provinces.toml)
    row: int  # 0 = north
    col: int  # 0 = west


@dataclass(frozen=True)
class TileGrid:
    rows: int
    cols: int
    tiles: tuple[Tile, ...]

    def at(self, row: int, col: int) -> Tile | None:
        return next((t for t in self.tiles if t.row == row and t.col == col), None)

    def of(self, region: str) -> Tile | None:
        return next((t for t in self.tiles if t.region == region), None)


@lru_cache(maxsize=1)
def load_tile_grid() -> TileGrid:
    """The shipped layout (cached: the file is shipped and immutable)."""
    data = tomllib.loads(read_resource_text(TILEGRID_RESOURCE))
    tiles = tuple(Tile(str(t["region"]), int(t["row"]), int(t["col"])) for t in data["tiles"])
    return TileGrid(int(data["rows"]), int(data["cols"]), tiles)
