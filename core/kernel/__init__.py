"""The shared kernel: problems and messages, progress and cancellation, atomic writes, shipped resources.

Everything here is light (no numpy, no openpyxl), so the desktop app may import it before its
window is shown.
"""

from .atomic import atomic_open, atomic_path, atomic_write_bytes, atomic_write_text
from .messages import DEFAULT_LANG, LANGS, Message, catalogue, msg, render
from .problems import InputError, Problem, Severity, errors
from .progress import CancelCheck, Cancelled, ProgressCallback, check_cancel, report
from .resources import load_toml, read_resource_csv, read_resource_text, resource
from .vocabulary import DEFAULT_GAP_POLICY, GAP_POLICIES, CellStatus, gap_policy_label

__all__ = [
    "DEFAULT_GAP_POLICY",
    "DEFAULT_LANG",
    "GAP_POLICIES",
    "LANGS",
    "CancelCheck",
    "Cancelled",
    "CellStatus",
    "InputError",
    "Message",
    "Problem",
    "ProgressCallback",
    "Severity",
    "atomic_open",
    "atomic_path",
    "atomic_write_bytes",
    "atomic_write_text",
    "catalogue",
    "check_cancel",
    "errors",
    "gap_policy_label",
    "load_toml",
    "msg",
    "read_resource_csv",
    "read_resource_text",
    "render",
    "report",
    "resource",
]
