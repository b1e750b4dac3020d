"""What the workspace hands out: revisions, conflicts and import reports (frozen where they can be)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kernel.problems import Problem, Severity
from ..model.observations import Observation


@dataclass(frozen=True)
class Revision:
    id: int
    created_at: str
    kind: str  # import | resolve | delete
    description: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class Conflict:
    """Two values for one key from different files; `current` stays in use until resolved."""

    id: int
    revision: int
    region: str
    indicator: str
    year: int
    current: Observation | None
    incoming: Observation
    current_id: int | None
    incoming_id: int
    resolved: bool = False
    chosen_id: int | None = None


@dataclass
class ImportReport:
    """What an import did: the revision created (None when nothing was written), counts and problems."""

    revision: int | None
    files: list[str] = field(default_factory=list)
    rejected_files: list[str] = field(default_factory=list)  # files with errors, not imported
    added: int = 0  # keys that had no value before
    unchanged: int = 0  # same value again
    corrected: int = 0  # same file re-imported with a new value
    conflicts: int = 0  # new conflicts left for the user
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]
