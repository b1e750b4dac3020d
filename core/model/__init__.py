"""The data model: the indicator framework, observations with status and provenance, regions."""

from .framework import ROOT, Framework, Node, load_framework, parse_framework, renormalise
from .observations import (
    BASIS_CODES,
    BASIS_GDP,
    BASIS_POPULATION,
    NATION,
    Observation,
    ObservationTable,
    Provenance,
    basis_unit,
)
from .regions import (
    MACRO_REGIONS,
    Province,
    canonical_region_name,
    load_provinces,
    macro_region_of,
    neighbours,
    province,
    province_name_en,
    province_names,
    region_label,
)

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
    "basis_unit",
    "canonical_region_name",
    "load_framework",
    "load_provinces",
    "macro_region_of",
    "neighbours",
    "parse_framework",
    "province",
    "province_name_en",
    "province_names",
    "region_label",
    "renormalise",
]
