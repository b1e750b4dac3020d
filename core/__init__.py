"""两创融合评估 — the calculation and I/O library behind the desktop application.

Pure Python (no Qt): the GUI, the command line (`python -m core`) and the reports all call
these functions and show their result objects. The public API is this package and its
subpackages' `__init__` modules, layered from the bottom up:

    kernel      problems, messages, progress, atomic writes, shipped resources
    model       framework, observations, regions
    index | io  the index engine, sensitivity, benchmark | file reading and writing
    assessment | store   the CAS assessment | the workspace
    report      Word, PDF, Excel and CSV exports
    commands    the command line

Names are resolved lazily (PEP 562): `import core` costs almost nothing, so the desktop app
shows its window before numpy and openpyxl are loaded. `_PUBLIC` names, per subpackage, what
is re-exported here; a test checks it against each subpackage's `__all__`.
"""

from __future__ import annotations

import importlib

DIST_NAME = "fusion-assessor"  # pyproject.toml [project] name: its version is the product's only version

_PUBLIC: dict[str, tuple[str, ...]] = {
    "kernel": ("Cancelled", "CellStatus", "InputError", "Message", "Problem", "Severity", "atomic_write_bytes",
               "atomic_write_text", "msg", "render"),
    "model": ("BASIS_GDP", "BASIS_POPULATION", "NATION", "ROOT", "Framework", "Node", "Observation",
              "ObservationTable", "Provenance", "canonical_region_name", "load_framework", "load_provinces"),
    "index": ("IndexOptions", "IndexResult", "MonteCarloResult", "OneAtATimeResult", "compare_with_published",
              "compute_index", "compute_national_index", "load_national_observations", "load_published_index",
              "monte_carlo", "one_at_a_time"),
    "io": ("ImportResult", "build_template", "expand_paths", "load_data", "load_data_strict", "read_files",
           "read_template_workbook", "write_template"),
    "assessment": ("Assessment", "AssessmentConfig", "assess", "load_config"),
    "store": ("Conflict", "ImportReport", "Revision", "Workspace"),
}  # fmt: skip
_EXPORTS = {name: sub for sub, names in _PUBLIC.items() for name in names}

__all__ = sorted(_EXPORTS)


def _version() -> str:
    """The installed distribution's version (a PyInstaller bundle carries its dist-info via copy_metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DIST_NAME)
    except PackageNotFoundError:  # a source tree that was never `pip install`ed
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":  # resolved lazily too: importlib.metadata costs a few ms
        globals()[name] = value = _version()
        return value
    sub = _EXPORTS.get(name)
    if sub is None:
        raise AttributeError(f"module 'core' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{sub}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | {"__version__"})
