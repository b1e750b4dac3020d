"""Errors reach the user as readable Chinese sentences, never as a traceback.

* `InputError` from core → its problems (already Chinese, with location) in a dialog or the
  problems panel.
* Anything unexpected → logged with its traceback to a file in the user's log folder
  (platformdirs), and a short message saying what failed and where the log is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from . import APP_ID

LOG_NAME = "desktop-errors.log"
_log_override: Path | None = None  # tests point this at a temp dir
_interactive = True  # False in --screenshot mode: messages go to stderr, no modal dialog
shown_messages: list[str] = []  # every message shown (tests and screenshot mode read it)


def set_interactive(on: bool) -> None:
    global _interactive
    _interactive = on


def log_dir() -> Path:
    if _log_override is not None:
        return _log_override
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def log_path() -> Path:
    return log_dir() / LOG_NAME


def set_log_dir(path: str | Path | None) -> None:
    global _log_override
    _log_override = Path(path) if path else None


def log_exception(exc: BaseException, context: str = "") -> Path | None:
    """Append the traceback to the log file; returns the file (None if it cannot be written)."""
    import traceback
    from datetime import datetime

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} {context}\n")
            fh.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        return path
    except OSError:
        return None


def describe(exc: BaseException, context: str = "") -> tuple[str, str]:
    """(short message, details) for any exception, in the current language."""
    problems = getattr(exc, "problems", None)
    if problems is not None:
        lines = [p.one_line() if hasattr(p, "one_line") else str(p) for p in problems]
        head = QCoreApplication.translate("errors", "输入有问题，请按以下说明修改后重试：")
        return (f"{context}：{head}" if context else head), "\n".join(lines[:200])
    if isinstance(exc, (FileNotFoundError, PermissionError, IsADirectoryError)):
        return (QCoreApplication.translate("errors", "无法访问文件：") + str(getattr(exc, "filename", "") or exc)), ""
    path = log_exception(exc, context)
    where = str(path) if path else QCoreApplication.translate("errors", "（日志文件无法写入）")
    msg = QCoreApplication.translate(
        "errors", "发生了意外错误（{kind}）。详细信息已记录到日志文件：{path}。请将该文件发给技术支持。"
    )
    msg = msg.replace("{kind}", type(exc).__name__).replace("{path}", where)
    if context:
        msg = f"{context}：{msg}"
    return msg, str(exc)


def show_error(parent, exc: BaseException, context: str = "") -> str:
    """Show `exc` in a dialog (details folded away). Returns the message shown."""
    from PySide6.QtWidgets import QMessageBox

    message, details = describe(exc, context)
    shown_messages.append(message)
    if not _interactive:
        if sys.stderr is not None:
            print(message, details, sep="\n", file=sys.stderr)
        return message
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("errors", "出错了"))
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.exec()
    return message


def _excepthook(exc_type, exc, tb) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        return
    try:
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)
            return
    except Exception:
        pass
    log_exception(exc, "uncaught")


def install() -> None:
    """Route uncaught exceptions (main and worker threads) to the log file + a dialog."""
    import threading

    sys.excepthook = _excepthook

    def thread_hook(args):  # worker threads: log only; the worker reports to the UI itself
        if args.exc_value is not None:
            log_exception(args.exc_value, f"thread {getattr(args.thread, 'name', '')}")

    threading.excepthook = thread_hook
