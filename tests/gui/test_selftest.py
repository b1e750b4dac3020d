"""`--self-test` end to end (in a subprocess, as the bundle runs it), and the crash log's rotation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(tmp_path: Path, code: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    return subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180
    )


def test_self_test_passes_and_prints_one_summary_line(tmp_path):
    out = _run(tmp_path, "import sys; from desktop.app import main; sys.exit(main(['--self-test']))")
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("SELF-TEST OK"), out.stdout
    assert "8/8 steps" in lines[0] and "7 files exported" in lines[0]
    assert not (tmp_path / "data").exists()  # the demo workspace and exports went to a temp folder


def test_a_failing_step_exits_1_naming_the_step(tmp_path):
    code = (
        "import sys\n"
        "from desktop import selftest\n"
        "def broken(ctx):\n"
        "    raise selftest.SelfTestFailure('the bundle lacks something')\n"
        "selftest.STEPS = selftest.STEPS[:3] + (('broken step', broken),) + selftest.STEPS[3:]\n"
        "from desktop.app import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    out = _run(tmp_path, code)
    assert out.returncode == 1
    assert out.stdout.strip() == (
        "SELF-TEST FAILED at step 'broken step' (3/9 passed): SelfTestFailure: the bundle lacks something"
    )


def test_crash_log_rotates_and_the_message_says_where_it_is_and_how_to_send_it(app_setup, tmp_path, monkeypatch):
    from desktop import errors

    monkeypatch.setattr(errors, "LOG_MAX_BYTES", 1500)
    errors.set_log_dir(tmp_path / "rot")  # a fresh handler with the small limit
    for i in range(30):
        try:
            raise RuntimeError(f"boom {i}")
        except RuntimeError as exc:
            message, _ = errors.describe(exc, "测试")
    logs = sorted(p.name for p in (tmp_path / "rot").iterdir())
    assert logs == ["desktop-errors.log", *(f"desktop-errors.log.{n}" for n in range(1, errors.LOG_BACKUPS + 1))]
    assert "boom 29" in (tmp_path / "rot" / "desktop-errors.log").read_text(encoding="utf-8")
    assert str(tmp_path / "rot" / "desktop-errors.log") in message and "打开日志文件夹" in message
    assert "fusion-assessor" in (tmp_path / "rot" / "desktop-errors.log").read_text(encoding="utf-8")


def test_about_box_shows_versions_framework_and_log_folder(app_setup, qtbot, tmp_path, monkeypatch):
    import platform

    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QMessageBox

    import core
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append((title, text))))
    win = MainWindow(Settings(), lang="zh")
    qtbot.addWidget(win)
    fw = win.session.framework
    win.about()
    win.set_language("en")
    win.about()
    (zh_title, zh), (en_title, en) = shown
    assert (zh_title, en_title) == ("关于", "About")
    for text in (zh, en):
        assert core.__version__ in text.splitlines()[0]
        assert fw.id in text and fw.version in text
        assert f"Python {platform.python_version()}" in text and f"Qt {qVersion()}" in text
        assert str(tmp_path / "logs") in text  # errors.log_dir(), the folder the crash log goes to
    assert fw.name_zh in zh and "两创融合评估" in zh
    assert fw.name_en in en and not any("\u4e00" <= c <= "\u9fff" for c in en.replace(str(tmp_path), ""))
