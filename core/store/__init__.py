"""The workspace: a SQLite file with revisions, conflicts, problems and industries.

`schema` creates and opens the file, `merge` writes imports and resolves conflicts,
`queries` reads, `records` holds what they return; `Workspace` is the facade over them.
"""

from .records import Acceptance, Conflict, ImportReport, Revision
from .scenarios import SavedScenario
from .workspace import Workspace

__all__ = ["Acceptance", "Conflict", "ImportReport", "Revision", "SavedScenario", "Workspace"]
