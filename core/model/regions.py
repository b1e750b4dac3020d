"""The 31 provincial-level regions: official names, short forms, macro-regions and neighbours.

Users type 北京, 北京市 or 内蒙古; files from different offices must still land on the same
region, so every importer maps names through `canonical_region_name`. The list lives in
`resources/geo/provinces.toml` so it can be corrected without touching code.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..kernel.messages import register_arg_localiser
from ..kernel.resources import read_resource_text
from .observations import NATION

PROVINCES_RESOURCE = "geo/provinces.toml"
MACRO_REGIONS = ("东部", "中部", "西部", "东北")
NATION_ALIASES = ("全国", "中国", "全国合计", "全国总计", "全国平均")


@dataclass(frozen=True)
class Province:
    """One provincial-level region. `name` is the canonical (official full) name."""

    code: str
    name: str
    short: str
    macro_region: str
    adjacent: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    name_en: str = ""


@lru_cache(maxsize=1)
def load_provinces() -> tuple[Province, ...]:
    """The 31 provinces in NBS code order (cached: the file is shipped and immutable)."""
    data = tomllib.loads(read_resource_text(PROVINCES_RESOURCE))
    out = []
    for raw in data["province"]:
        out.append(
            Province(
                code=str(raw["code"]),
                name=raw["name"],
                short=raw["short"],
                macro_region=raw["macro_region"],
                adjacent=tuple(raw.get("adjacent", ())),
                aliases=tuple(raw.get("aliases", ())),
                name_en=raw.get("name_en", ""),
            )
        )
    return tuple(out)


def province_names() -> tuple[str, ...]:
    """Official full names in NBS order (the list offered in the templates' drop-down)."""
    return tuple(p.name for p in load_provinces())


def province(name: str) -> Province | None:
    """The province for a canonical or short name, or None."""
    canon = canonical_region_name(name)
    for p in load_provinces():
        if p.name == canon:
            return p
    return None


def macro_region_of(name: str) -> str | None:
    p = province(name)
    return p.macro_region if p else None


def neighbours(name: str) -> tuple[str, ...]:
    p = province(name)
    return p.adjacent if p else ()


def normalise_region_text(text: str) -> str:
    """NFKC (全角→半角), strip all whitespace: the form names are compared in."""
    s = unicodedata.normalize("NFKC", str(text))
    return "".join(s.split())


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    table: dict[str, str] = {}
    for p in load_provinces():
        for key in (p.name, p.short, p.code, *p.aliases):
            table[normalise_region_text(key)] = p.name
        if p.name_en:  # the English name, in any case: Hubei, HUBEI, Inner Mongolia
            table[normalise_region_text(p.name_en).casefold()] = p.name
    for key in NATION_ALIASES:
        table[key] = NATION
    return table


def canonical_region_name(text: object) -> str | None:
    """The canonical name of a province (北京/北京市/110000/Beijing → 北京市), 全国 for the nation, else None.

    Cities and other free text return None; callers decide whether free text is allowed.
    """
    if text is None:
        return None
    key = normalise_region_text(str(text))
    if not key:
        return None
    table = _lookup()
    return table.get(key) or table.get(key.casefold())


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    """Canonical Chinese name → English: the 31 provinces, the nation and the macro-regions."""
    data = tomllib.loads(read_resource_text(PROVINCES_RESOURCE))
    names = {p.name: p.name_en for p in load_provinces() if p.name_en}
    names.update(data.get("names_en", {}))
    return names


def province_name_en(name: str) -> str | None:
    """The English name of a known province, the nation (全国) or a macro-region; None for any other name."""
    return _english_names().get(name)


def region_label(name: str, lang: str = "zh") -> str:
    """A region's name as shown in `lang`: known provinces, the nation and the macro-regions in
    English in the English interface; every other name (cities, names from the user's data) as entered.
    The data keys stay Chinese: this is for display only."""
    if lang == "zh":
        return name
    return _english_names().get(name, name)


register_arg_localiser(region_label)  # region names in messages render in the reader's language
