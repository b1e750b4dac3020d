"""`python -m desktop report DATA… --region NAME|all --format docx|pdf|xlsx --out PATH`.

The same command as `python -m core report` (same arguments, same messages), with the desktop
renderer injected: charts drawn by the GUI's chart classes, and PDF. Runs without a screen.
"""

from __future__ import annotations

import os


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: works on servers and in CI
    from core import commands

    from .report_renderer import QtRenderer

    commands.use_report_renderer(QtRenderer)
    return commands.main(["report", *argv])
