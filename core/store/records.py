"""What the workspace hands out: revisions, conflicts and import reports (frozen where they can be)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kernel.messages import DEFAULT_LANG, Message
from ..kernel.problems import Problem, Severity
from ..model.observations import Observation


@dataclass(frozen=True)
class Revision:
    """One change of the data. `message` is a catalogue message (a plain text in workspaces
    written before descriptions were stored as codes); `text(lang)` renders it."""

    id: int
    created_at: str
    kind: str  # import | resolve | edit | accept | revert (also an undone import)
    message: Message | str
    files: tuple[str, ...]
    reverted_by: int | None = None  # the revision that reverted this one (None: in effect)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return self.message.text(lang) if isinstance(self.message, Message) else self.message

    @property
    def description(self) -> str:
        """The Chinese text (the product's first language)."""
        return self.text(DEFAULT_LANG)

    def arg(self, name: str):
        """An argument of the message (None for legacy text)."""
        return self.message.args.get(name) if isinstance(self.message, Message) else None


@dataclass(frozen=True)
class Acceptance:
    """A flagged cell the user accepted with a reason (an `accept` revision not reverted)."""

    revision: int
    region: str
    indicator: str
    year: int
    code: str  # the problem code accepted
    reason: str


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
    rejected_paths: list[str] = field(default_factory=list)  # their paths, to import their good values after all
    added: int = 0  # keys that had no value before
    unchanged: int = 0  # same value again
    corrected: int = 0  # same file re-imported with a new value
    conflicts: int = 0  # new conflicts left for the user
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]
