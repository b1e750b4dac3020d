"""Errors reach the user as readable Chinese sentences, never as a traceback.

* `InputError` from core → its problems (already Chinese, with location) in a dialog or the
  problems panel.
* Anything unexpected → logged with its traceback through `logging` to a rotating file in the
  user's log folder (platformdirs; 1 MB × 4 files at most), and a short message saying what
  failed, where the log is and how to send it. The dialog can open the log folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from . import APP_ID

LOG_NAME = "desktop-errors.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
LOGGER_NAME = "fusion_assessor"
_handler = None  # a logging.handlers.RotatingFileHandler (logging is imported on the first error: not at start-up)
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
    _close_handler()


def _logger():
    import logging

    return logging.getLogger(LOGGER_NAME)


def _close_handler() -> None:
    global _handler
    if _handler is not None:
        _logger().removeHandler(_handler)
        _handler.close()
        _handler = None


def log_handler():
    """The rotating file handler on `log_path()`, attached to the app's logger (None if the folder is not writable)."""
    import logging
    from logging.handlers import RotatingFileHandler

    global _handler
    path = log_path()
    if _handler is not None and Path(_handler.baseFilename) == path.resolve():
        return _handler
    _close_handler()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    _handler.setFormatter(logging.Formatter("=== %(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = _logger()
    logger.addHandler(_handler)
    logger.setLevel(logging.INFO)
    return _handler


def log_exception(exc: BaseException, context: str = "") -> Path | None:
    """Log the traceback (with the app version) to the rotating log file; returns the file (None if unwritable)."""
    handler = log_handler()
    if handler is None:
        return None
    import platform

    import core

    _logger().error(
        "%s (fusion-assessor %s, Python %s, %s)",
        context or "error",
        core.__version__,
        platform.python_version(),
        platform.platform(),
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    handler.flush()
    path = Path(handler.baseFilename)
    return path if path.is_file() else None


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
    if path:
        msg += QCoreApplication.translate(
            "errors",
            "发送方法：点击“打开日志文件夹”，把该文件作为附件发给技术支持（电子邮件或单位内部通讯工具），并写明出错前做了什么操作。",
        )
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
    open_folder = None
    if log_path().is_file() and log_path().name in message:
        open_folder = box.addButton(
            QCoreApplication.translate("errors", "打开日志文件夹"), QMessageBox.ButtonRole.ActionRole
        )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()
    if open_folder is not None and box.clickedButton() is open_folder:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))
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
