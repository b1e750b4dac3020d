"""Find the files the application ships, from a checkout, an install or a frozen bundle.

Everything under `resources/` is reached through `importlib.resources`, never through paths
relative to the current directory, so the same code works under PyInstaller.
"""

from __future__ import annotations

from importlib import resources as _resources
from importlib.resources.abc import Traversable


def resource(relative: str) -> Traversable:
    """The shipped file `resources/<relative>` (forward slashes)."""
    node = _resources.files("resources")
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def read_resource_text(relative: str) -> str:
    return resource(relative).read_text(encoding="utf-8")
