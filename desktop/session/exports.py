"""Exports of the current results: the index as JSON and CSV, the assessment and the sensitivity
as JSON. The files are produced by core (JSON from the result objects, written by the command
line's writer core.commands.write_json_file; CSV by core.report), written atomically."""

from __future__ import annotations

EXPORT_INDENT = 2  # the files a user exports are opened and read: pretty-printed, as `--json … --indent 2` writes


def _write_json(path: str, data) -> None:
    from core.commands import write_json_file

    write_json_file(path, data, EXPORT_INDENT)


class Exports:
    """Mixed into `Session`: writing the current results to files."""

    def export_json(self, path: str) -> None:
        _write_json(path, self.result.to_json(stream=True))

    def export_csv(self, path: str) -> None:
        """The index of every region, node and year as a long CSV (core.report)."""
        from core.report import write_index_csv

        write_index_csv(path, self.result, self.framework)

    def export_assessment_json(self, path: str) -> None:
        _write_json(path, self.assessment.to_dict(stream=True))

    def export_sensitivity_json(self, path: str) -> None:
        data = {}
        if self.sensitivity is not None:
            data["one_at_a_time"] = self.sensitivity.to_dict()
        if self.monte_carlo is not None:
            data["monte_carlo"] = self.monte_carlo.to_dict()
        _write_json(path, data)
