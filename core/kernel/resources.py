"""Find the files the application ships, from a checkout, an install or a frozen bundle.

Everything under `resources/` is reached through `importlib.resources`, never through paths
relative to the current directory, so the same code works under PyInstaller.
"""

from __future__ import annotations

import csv
import io
import tomllib
from importlib import resources as _resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .messages import Message


def resource(relative: str) -> Traversable:
    """The shipped file `resources/<relative>` (forward slashes)."""
    node = _resources.files("resources")
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def read_resource_text(relative: str) -> str:
    return resource(relative).read_text(encoding="utf-8")


def read_resource_csv(relative: str) -> list[dict[str, str]]:
    """A shipped CSV file (UTF-8, header row) as a list of rows."""
    return list(csv.DictReader(io.StringIO(read_resource_text(relative))))


def load_toml(path: str | Path | None, default: str, kind: Message) -> tuple[dict, str]:
    """A user's copy of a data file (`path`) or the shipped one (`default`), parsed as TOML.

    Returns (data, label for messages). Unreadable or invalid files raise InputError naming the
    file, with the codes data_file.missing / data_file.unreadable / data_file.syntax; `kind`
    names the file in messages (a catalogue Message such as msg("file_kind.framework")).
    """
    from .problems import InputError, Problem  # problems → messages → resources: import late

    if path is None:
        text, label = read_resource_text(default), default
    else:
        p = Path(path)
        label = p.name
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError([Problem("data_file.missing", {"kind": kind}, file=str(p))]) from None
        except (OSError, UnicodeDecodeError) as exc:
            args = {"kind": kind, "error": exc.__class__.__name__}
            raise InputError([Problem("data_file.unreadable", args, file=str(p))]) from None
    try:
        return tomllib.loads(text), label
    except tomllib.TOMLDecodeError as exc:
        raise InputError([Problem("data_file.syntax", {"kind": kind, "error": str(exc)}, file=label)]) from None
