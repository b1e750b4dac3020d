"""GUI test setup: offscreen Qt, settings/logs/data in a temp dir, no modal dialog ever blocks.

QT_QPA_PLATFORM is set before any QApplication exists. QSettings is pointed at a per-test
folder; `errors` is non-interactive (messages are recorded in `errors.shown_messages`);
QFileDialog/QMessageBox statics are replaced so a forgotten dialog fails fast instead of hanging.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/broken_corpus.py

pytestmark = pytest.mark.gui


@pytest.fixture(scope="session", autouse=True)
def orderly_qt_shutdown(qapp):
    """Tear Qt objects down before interpreter exit (else an occasional segfault while finalizing)."""
    yield
    from desktop.workers import shutdown

    shutdown(qapp)


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch, qapp):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop import errors, session

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    errors.set_log_dir(tmp_path / "logs")
    errors.set_interactive(False)
    errors.shown_messages.clear()
    session.set_data_dir(tmp_path / "data")

    def no_dialog(*a, **k):
        raise AssertionError("unexpected file dialog in a test: patch it")

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(no_dialog))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
    yield tmp_path
    import gc

    gc.collect()  # in the GUI thread, before the next test's workers run
    errors.set_log_dir(None)
    session.set_data_dir(None)


@pytest.fixture
def app_setup(qapp):
    from desktop import fonts, i18n, style
    from desktop.workers import install_gc

    install_gc(qapp)  # cyclic GC only in the GUI thread (see desktop.workers.MainThreadGC)
    fonts.apply(qapp)
    style.apply(qapp)
    i18n.install(qapp, "zh")
    yield qapp
    i18n.install(qapp, "zh")


def wait_idle(qtbot, session, timeout=20000):
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=timeout)


def open_window(qtbot, lang: str = "zh"):
    """The main window built in `lang` on the demo workspace, every core call on real worker threads."""
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    win = MainWindow(Settings(), lang=lang)
    qtbot.addWidget(win)
    win.resize(1400, 880)
    win.show()
    win.open_initial()
    qtbot.waitUntil(lambda: win.session.assessment is not None and not win.session.runner.busy, timeout=30000)
    return win


def close_window(win) -> None:
    win.session.runner.cancel_all()
    win.session.runner.wait(5000)


@pytest.fixture
def window(qtbot, app_setup):
    """The main window on the demo workspace, every core call on real worker threads."""
    win = open_window(qtbot)
    yield win
    close_window(win)
