"""The bundled demo workspace (示意数据): a fresh copy in the user's data folder, with its
industry scores. Runs inside a worker task; core is imported here, not at start-up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .state import WorkspaceState, read_state

DEMO_DATA = "demo/demo-provinces.csv"
DEMO_INDUSTRIES = "demo/demo-industries.csv"


def demo_available() -> bool:
    from core.kernel import resource

    return resource(DEMO_DATA).is_file()


def demo_industries() -> tuple:
    """The demo's 主导产业 expert scores (read by core); none if the file cannot be read."""
    from core.assessment import load_config, parse_industries_csv
    from core.kernel import InputError, resource

    try:
        text = resource(DEMO_INDUSTRIES).read_text(encoding="utf-8-sig")
        rows, _ = parse_industries_csv(text, load_config(), file="demo-industries.csv")
    except (OSError, InputError):
        return ()
    return tuple(rows)


def load_demo(target: Path, progress, cancelled) -> WorkspaceState:
    """Create `target` afresh from the demo data (worker thread)."""
    from importlib.resources import as_file

    from core.kernel import resource
    from core.store import Workspace

    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    ws = Workspace.create(target)
    try:
        with as_file(resource(DEMO_DATA)) as path:
            report = ws.import_files([path], progress=progress, cancel=cancelled)
        state = read_state(ws, report.problems)
    finally:
        ws.close()
    return replace(state, demo_industries=demo_industries())
