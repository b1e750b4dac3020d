"""Reports and exports built from result objects (Word, PDF, Excel and CSV)."""

__all__: list[str] = []
