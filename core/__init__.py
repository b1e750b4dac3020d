"""两创融合评估 — the calculation and I/O library behind the desktop application.

Pure Python (no Qt): the GUI, the command line (`python -m core`) and the reports all call
these functions and show their result objects. Everything exported here is the public API.

Exports are resolved lazily (PEP 562): `import core` or `from core.resources import …` costs
almost nothing, so the desktop app shows its window before numpy and openpyxl are loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Assessment": "assessment", "assess": "assessment",
    "AssessmentConfig": "assessment.config", "load_config": "assessment.config",
    "atomic_write_bytes": "atomic", "atomic_write_text": "atomic",
    "compare_with_published": "benchmarks", "compute_national_index": "benchmarks",
    "load_national_observations": "benchmarks", "load_published_index": "benchmarks",
    "ROOT": "framework", "Framework": "framework", "Node": "framework", "load_framework": "framework",
    "IndexOptions": "index_engine", "IndexResult": "index_engine", "compute_index": "index_engine",
    "ImportCancelled": "loading", "expand_paths": "loading", "load_data": "loading",
    "load_data_strict": "loading", "read_files": "loading",
    "BASIS_GDP": "observations", "BASIS_POPULATION": "observations", "NATION": "observations",
    "Observation": "observations", "ObservationTable": "observations", "Provenance": "observations",
    "Status": "observations",
    "InputError": "problems", "Problem": "problems", "Severity": "problems",
    "Cancelled": "progress",
    "canonical_region_name": "regions", "load_provinces": "regions",
    "MonteCarloResult": "sensitivity", "OneAtATimeResult": "sensitivity",
    "monte_carlo": "sensitivity", "one_at_a_time": "sensitivity",
    "build_template": "templates", "write_template": "templates",
    "ImportResult": "workbook_import", "read_template_workbook": "workbook_import",
    "Conflict": "workspace", "ImportReport": "workspace", "Revision": "workspace", "Workspace": "workspace",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'core' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:  # for type checkers and IDEs; not executed at run time
    from .assessment import Assessment, assess  # noqa: F401
    from .assessment.config import AssessmentConfig, load_config  # noqa: F401
    from .atomic import atomic_write_bytes, atomic_write_text  # noqa: F401
    from .benchmarks import compare_with_published, compute_national_index, load_national_observations, load_published_index  # noqa: F401
    from .framework import ROOT, Framework, Node, load_framework  # noqa: F401
    from .index_engine import IndexOptions, IndexResult, compute_index  # noqa: F401
    from .loading import ImportCancelled, expand_paths, load_data, load_data_strict, read_files  # noqa: F401
    from .observations import BASIS_GDP, BASIS_POPULATION, NATION, Observation, ObservationTable, Provenance, Status  # noqa: F401
    from .problems import InputError, Problem, Severity  # noqa: F401
    from .progress import Cancelled  # noqa: F401
    from .regions import canonical_region_name, load_provinces  # noqa: F401
    from .sensitivity import MonteCarloResult, OneAtATimeResult, monte_carlo, one_at_a_time  # noqa: F401
    from .templates import build_template, write_template  # noqa: F401
    from .workbook_import import ImportResult, read_template_workbook  # noqa: F401
    from .workspace import Conflict, ImportReport, Revision, Workspace  # noqa: F401
