"""What reading files yields: observations, problems, 主导产业 rows and what each file says about itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kernel.problems import Problem, Severity
from ..model.observations import ObservationTable, Provenance


@dataclass(frozen=True)
class IndustryEntry:
    """One row of the optional 主导产业 sheet (spec 02 §2.7): one industry scored by one expert."""

    region: str
    industry: str
    strategic: bool | None
    location_quotient: float | None
    scores: tuple[float | None, float | None, float | None, float | None]  # INDUSTRY_CRITERIA order
    expert: str | None
    note: str | None
    provenance: Provenance


@dataclass(frozen=True)
class FileInfo:
    """What a file says about itself (填报信息 and the template marker)."""

    file: str
    kind: str  # region | multi | national | long
    framework_id: str | None = None
    framework_version: str | None = None
    region: str | None = None
    filled_by: str | None = None
    phone: str | None = None
    filled_on: str | None = None


@dataclass
class ImportResult:
    """Observations, problems, industries and file information from one or many files."""

    observations: ObservationTable = field(default_factory=ObservationTable)
    problems: list[Problem] = field(default_factory=list)
    industries: list[IndustryEntry] = field(default_factory=list)
    files: list[FileInfo] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def merge(self, other: ImportResult) -> None:
        self.observations.extend(other.observations)
        self.problems.extend(other.problems)
        self.industries.extend(other.industries)
        self.files.extend(other.files)
