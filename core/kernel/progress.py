"""The one progress protocol and the one `Cancelled`, without any GUI dependency.

Long work takes `progress(done, total, message="")` and `cancel() -> bool`. The GUI's worker
passes its own callables (a progress bar, a cancel button); the command line passes nothing.
`message` is a file name, or a catalogue `Message` the caller renders in its language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .messages import Message


class ProgressCallback(Protocol):
    def __call__(self, done: int, total: int, message: str | Message = "") -> None: ...


CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled; whatever was being written has been rolled back."""


def check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def report(progress: ProgressCallback | None, done: int, total: int, message: str | Message = "") -> None:
    if progress is not None:
        progress(done, total, message)
