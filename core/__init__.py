"""两创融合评估 — the calculation and I/O library behind the desktop application.

Pure Python (no Qt): the GUI, the command line (`python -m core`) and the reports all call
these functions and show their result objects. Everything exported here is the public API.
"""

from .assessment import Assessment, assess
from .assessment.config import AssessmentConfig, load_config
from .atomic import atomic_write_bytes, atomic_write_text
from .benchmarks import compare_with_published, compute_national_index, load_national_observations, load_published_index
from .framework import ROOT, Framework, Node, load_framework
from .index_engine import IndexOptions, IndexResult, compute_index
from .loading import ImportCancelled, expand_paths, load_data, load_data_strict, read_files
from .observations import BASIS_GDP, BASIS_POPULATION, NATION, Observation, ObservationTable, Provenance, Status
from .problems import InputError, Problem, Severity
from .progress import Cancelled
from .regions import canonical_region_name, load_provinces
from .sensitivity import MonteCarloResult, OneAtATimeResult, monte_carlo, one_at_a_time
from .templates import build_template, write_template
from .workbook_import import ImportResult, read_template_workbook
from .workspace import Conflict, ImportReport, Revision, Workspace

__version__ = "0.1.0"

__all__ = [
    "Assessment", "AssessmentConfig", "BASIS_GDP", "BASIS_POPULATION", "Cancelled", "Conflict", "Framework",
    "ImportCancelled", "ImportReport", "ImportResult", "IndexOptions", "IndexResult", "InputError", "MonteCarloResult",
    "NATION", "Node", "Observation", "ObservationTable", "OneAtATimeResult", "Problem", "Provenance", "ROOT",
    "Revision", "Severity", "Status", "Workspace", "assess", "atomic_write_bytes", "atomic_write_text",
    "build_template", "canonical_region_name", "compare_with_published", "compute_index", "compute_national_index",
    "expand_paths", "load_config", "load_data", "load_data_strict", "load_framework", "load_national_observations",
    "load_provinces", "load_published_index", "monte_carlo", "one_at_a_time", "read_files", "read_template_workbook",
    "write_template",
]
