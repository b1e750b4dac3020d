"""Sub-commands of `python -m core`: one module each, each exposing `register(subparsers)`.

Public API for desktop: `main(argv)` runs a command; `use_report_renderer(factory)` injects the
renderer (charts, PDF) that `report` uses — `python -m desktop report` sets the Qt one;
`HelpParser` and `examples` give `python -m desktop` the same Chinese-first help.
"""

from __future__ import annotations

from .helptext import HelpParser, examples

__all__ = ["HelpParser", "examples", "main", "use_report_renderer"]


def main(argv: list[str] | None = None) -> int:
    from .cli import main as run

    return run(argv)


def use_report_renderer(factory) -> None:
    from .report import use_renderer

    use_renderer(factory)
