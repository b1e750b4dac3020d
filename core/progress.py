"""Progress reporting and cancellation for long work, without any GUI dependency.

Long operations take `progress(done, total)` and `cancel() -> bool` callables; the GUI wraps
them in a worker thread, the command line passes nothing.
"""

from __future__ import annotations

from typing import Callable

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(Exception):
    """The user cancelled; whatever was being written has been rolled back."""


def check_cancel(cancel: CancelCheck | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()
