"""Exports of the current results: the index as JSON and CSV, the assessment and the sensitivity
as JSON. The files are produced by core (JSON from the result objects, written by the command
line's writer core.commands.write_json_file; CSV by core.report), written atomically."""

from __future__ import annotations

EXPORT_INDENT = 2  # the files a user exports are opened and read: pretty-printed, as `--json … --indent 2` writes


def _write_json(path: str, data, progress=None, total: int = 0) -> None:
    """`data` as JSON in `path`; `progress(done, total)` before each region of a streamed "regions" (it raises
    Cancelled when the user cancels: the file is then not written)."""
    from core.commands import write_json_file

    regions = data.get("regions")
    if progress is not None and regions is not None and not isinstance(regions, dict):

        def counted():
            for done, pair in enumerate(regions):
                progress(done, total)
                yield pair

        data = {**data, "regions": counted()}
    write_json_file(path, data, EXPORT_INDENT)


class Exports:
    """Mixed into `Session`: writing the current results to files (`progress`: a worker task's, see _write_json)."""

    def export_json(self, path: str, progress=None) -> None:
        _write_json(path, self.result.to_json(stream=True), progress, len(self.result.regions))

    def export_csv(self, path: str) -> None:
        """The index of every region, node and year as a long CSV (core.report)."""
        from core.report import write_index_csv

        write_index_csv(path, self.result, self.framework)

    def export_assessment_json(self, path: str, progress=None) -> None:
        a = self.assessment
        _write_json(path, a.to_dict(stream=True), progress, len(a.regions))

    def export_sensitivity_json(self, path: str, progress=None) -> None:
        data = {}
        if self.sensitivity is not None:
            data["one_at_a_time"] = self.sensitivity.to_dict()
        if self.monte_carlo is not None:
            data["monte_carlo"] = self.monte_carlo.to_dict()
        _write_json(path, data, progress)
