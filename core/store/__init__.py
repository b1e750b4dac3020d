"""The workspace: a SQLite file with revisions, conflicts, problems and industries."""

from .workspace import Conflict, ImportReport, Revision, Workspace

__all__ = ["Conflict", "ImportReport", "Revision", "Workspace"]
