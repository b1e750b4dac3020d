"""Sub-commands of `python -m core`: one module each, each exposing `register(subparsers)`.

Public API for desktop: `main(argv)` runs a command; `use_report_renderer(factory)` injects the
renderer (charts, PDF) that `report` uses — `python -m desktop report` sets the Qt one;
`HelpParser` and `examples` give `python -m desktop` the same Chinese-first help;
`write_json_file(path, data, indent)` writes a result's JSON as `--json` does (the desktop's exports).
"""

from __future__ import annotations

from .helptext import HelpParser, examples

__all__ = ["HelpParser", "examples", "main", "use_report_renderer", "write_json_file"]


def main(argv: list[str] | None = None) -> int:
    from .cli import main as run

    return run(argv)


def use_report_renderer(factory) -> None:
    from .report import use_renderer

    use_renderer(factory)


def write_json_file(path, data, indent: int | None = None) -> None:
    """`data` as JSON in the file `path`, atomically and streamed (output.write_json_file); compact unless `indent`."""
    from .output import write_json_file as write

    write(path, data, indent)
