"""What the session holds about the open workspace, typed; and where untitled workspaces live."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # core is imported lazily at run time (start-up stays light)
    from core.assessment import IndustryRow
    from core.io import IndustryEntry
    from core.kernel import Problem
    from core.model import Framework, ObservationTable
    from core.store import Acceptance, Conflict, Revision

_data_dir_override: Path | None = None


@dataclass(frozen=True)
class WorkspaceState:
    """The workspace as read back after an operation."""

    table: ObservationTable
    problems: tuple[Problem, ...] = ()  # from the import and the workspace's checks
    conflicts: tuple[Conflict, ...] = ()
    revisions: tuple[Revision, ...] = ()
    workspace_industries: tuple[IndustryEntry, ...] = ()  # industry sheets of imported templates
    demo_industries: tuple[IndustryRow, ...] = ()  # the demo's industry scores
    framework: Framework | None = None  # the framework stored in the workspace (None: the shipped one)
    settings: Mapping[str, Any] = field(default_factory=dict)  # the workspace's settings (exclusions, adjacency …)
    acceptances: tuple[Acceptance, ...] = ()  # flagged cells accepted with a reason


@dataclass
class ImportRecord:
    """One import the user made in this session: what files, how many values, what problems."""

    paths: list[str]
    values: int
    problems: int
    errors: int


def read_state(ws, problems=()) -> WorkspaceState:
    """The state of an open core.store.Workspace."""
    return WorkspaceState(
        table=ws.observations(),
        problems=tuple(problems),
        conflicts=tuple(ws.conflicts()),
        revisions=tuple(ws.revisions()),
        workspace_industries=tuple(ws.industries()),
        framework=ws.framework,
        settings=ws.settings(),
        acceptances=tuple(ws.acceptances()),
    )


def data_dir() -> Path:
    """Where the app keeps the demo copy and untitled workspaces (tests override it)."""
    if _data_dir_override is not None:
        return _data_dir_override
    import platformdirs

    from .. import APP_ID

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def set_data_dir(path) -> None:
    global _data_dir_override
    _data_dir_override = Path(path) if path else None
