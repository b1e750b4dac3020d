"""Guards against Qt binding bugs that would crash the app in a long session.

PySide6 6.12.0 decrements the reference count of `True` on every `Signal.emit()`; after enough
emits Python aborts ("bool_dealloc: deallocating True or False"). pyproject excludes that
release; this test fails on any binding with the same leak.
"""

from __future__ import annotations

import sys


def test_signal_emit_keeps_bool_refcounts(qapp):
    from PySide6.QtCore import QObject, Signal

    class Emitter(QObject):
        changed = Signal(object)

    e = Emitter()
    seen = []
    e.changed.connect(seen.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for i in range(200):
        e.changed.emit(i)
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(seen) == 200
    assert after == before, f"PySide6 leaks bool references on emit: {before} → {after}"
