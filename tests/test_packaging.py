"""Packaging: one version (pyproject.toml) everywhere, README commands both shells run, spec and icon sane."""

from __future__ import annotations

import ast
import os
import re
import struct
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_core_version_comes_from_the_distribution_metadata():
    import importlib.metadata

    import core

    assert core.__version__ == importlib.metadata.version("fusion-assessor") == VERSION


def test_core_and_desktop_print_the_pyproject_version():
    for module in ("core", "desktop"):
        out = _run("-m", module, "--version")
        assert out.returncode == 0, out.stderr
        assert out.stdout.split()[-1] == VERSION


def _readme_setup_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands for a fresh machine", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```[a-z]*\n(.*?)```", section, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_setup_commands_run_unchanged_in_powershell_and_bash():
    lines = _readme_setup_commands()
    assert any("pytest" in line for line in lines) and any("pip install" in line for line in lines)
    for line in lines:
        assert "&&" not in line, f"PowerShell 5.1 has no &&: {line}"
        assert not re.match(r"^\s*[A-Z_][A-Z0-9_]*=\S+\s", line), f"VAR=value prefix is bash-only: {line}"
        assert not line.strip().startswith(("export ", "$env:", "set ")), line


def test_ci_runs_the_readme_test_command_and_the_bundle_self_test():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\npython -m pytest -q\n" in ci
    assert ci.index("python -m pytest -q") < ci.index("scripts/build_bundle.sh")


def test_build_spec_is_windowed_one_folder_without_upx_and_excludes_other_bindings():
    source = (ROOT / "build.spec").read_text(encoding="utf-8")
    tree = ast.parse(source)  # a syntax error would only show in the bundle build
    calls = {n.func.id: n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    kw = lambda call: {k.arg: k.value for k in call.keywords}  # noqa: E731
    exe, coll = kw(calls["EXE"]), kw(calls["COLLECT"])
    assert ast.literal_eval(exe["console"]) is False and ast.literal_eval(exe["upx"]) is False
    assert ast.literal_eval(exe["exclude_binaries"]) is True  # one folder, not one file
    assert ast.literal_eval(coll["upx"]) is False
    for name in ("tkinter", "PyQt5", "PyQt6", "PySide2", "pytest", "hypothesis", "matplotlib"):
        assert f'"{name}"' in source
    code = "\n".join(line.split("#")[0] for line in source.splitlines())
    assert "x86_64" not in code and "aarch64" not in code and "amd64" not in code.lower()  # architecture-neutral
    assert 'copy_metadata("fusion-assessor")' in source


def test_icon_files_hold_the_sizes_windows_needs():
    ico = (ROOT / "resources" / "icons" / "fusion-assessor.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", ico)
    assert (reserved, kind) == (0, 1)
    sizes = {struct.unpack_from("<B", ico, 6 + 16 * i)[0] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes
    png = (ROOT / "resources" / "icons" / "fusion-assessor.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)


def test_font_subset_covers_every_character_the_app_shows():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from cjk_font import _characters
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    chars = _characters(ROOT)
    provinces = (ROOT / "resources" / "geo" / "provinces.toml").read_text(encoding="utf-8")
    assert {ord(c) for c in provinces if ord(c) >= 0x80} <= chars
    assert {ord(c) for c in "两创融合评估，。（）％"} <= chars


def test_installer_installs_per_user_with_start_menu_entry_in_chinese_and_english():
    raw = (ROOT / "installer" / "fusion-assessor.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # else Inno Setup reads the Chinese name in the ANSI code page
    iss = raw.decode("utf-8-sig")
    assert "PrivilegesRequired=lowest" in iss
    assert r"DefaultDirName={localappdata}\Programs\fusion-assessor" in iss
    assert 'Name: "{group}\\{#AppName}"' in iss and "{uninstallexe}" in iss
    assert "ChineseSimplified.isl" in iss and "Default.isl" in iss
    ps1 = (ROOT / "scripts" / "build_windows.ps1").read_text(encoding="utf-8")
    assert ps1.isascii()  # Windows PowerShell 5.1 reads BOM-less scripts in the ANSI code page
    assert "build.spec" in ps1 and "--self-test" in ps1 and "fusion-assessor.iss" in ps1


ICU_CHECK = """
import ctypes, sys
i18n = ctypes.CDLL(sys.argv[1])
v = sys.argv[2]
status = ctypes.c_int(0)
u16 = lambda s: ctypes.create_string_buffer(s.encode("utf-16-le") + b"\\0\\0")
fn = lambda name, restype=ctypes.c_int: (setattr(getattr(i18n, f"{name}_{v}"), "restype", restype), getattr(i18n, f"{name}_{v}"))[1]
collator = ctypes.c_void_p(fn("ucol_open", ctypes.c_void_p)(b"zh_CN", ctypes.byref(status)))
print(fn("ucol_strcoll")(collator, u16("北京"), -1, u16("上海"), -1))
cal = ctypes.c_void_p(fn("ucal_open", ctypes.c_void_p)(u16("Asia/Shanghai"), -1, b"zh_CN", 1, ctypes.byref(status)))
out = (ctypes.c_uint16 * 64)()
n = fn("ucal_getTimeZoneDisplayName")(cal, 0, b"zh_CN", out, 64, ctypes.byref(status))
print(bytes(out)[: 2 * n].decode("utf-16-le"), status.value <= 0)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux wheels only bundle ICU")
def test_slim_icu_data_keeps_chinese_collation_and_time_zone_names(tmp_path):
    import shutil

    import PySide6

    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from icu_data import slim_library, wanted
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert wanted("icudt73l/coll/zh.res") and wanted("icudt73l/zone/en_001.res") and wanted("icudt73l/res_index.res")
    assert wanted("icudt73l/gb18030.cnv") and wanted("icudt73l/coll/ucadata.icu") and wanted("icudt73l/pool.res")
    assert not wanted("icudt73l/coll/ko.res") and not wanted("icudt73l/translit/root.res")
    assert not wanted("icudt73l/de_.res") and not wanted("icudt73l/brkitr/thaidict.dict")
    libs = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not libs or shutil.which("cc") is None:
        pytest.skip("no ICU in the PySide6 wheel, or no C compiler")
    slim = slim_library(libs[0], tmp_path / "work")
    assert slim is not None and slim.stat().st_size < libs[0].stat().st_size / 2
    for lib in libs[0].parent.glob("libicu*.so.*"):  # the real i18n/uc libraries beside the slim data
        if lib.name != slim.name:
            shutil.copy(lib, tmp_path)
    shutil.copy(slim, tmp_path)
    version = libs[0].name.split(".so.")[1]
    out = _run("-c", ICU_CHECK, str(tmp_path / f"libicui18n.so.{version}"), version)
    assert out.returncode == 0, out.stderr
    order, zone = out.stdout.splitlines()
    assert order == "-1"  # pinyin order: 北京 (bei) before 上海 (shang); code-point order is the reverse
    assert zone == "中国标准时间 True"


OPENGL_CHECK = """
import importlib.abc, runpy, sys
class NoOpenGL(importlib.abc.MetaPathFinder):  # as in the bundle: the real bindings are not there
    def find_spec(self, name, path=None, target=None):
        if name in ("PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"):
            raise ImportError(name)
sys.meta_path.insert(0, NoOpenGL())
from PySide6.QtWidgets import QApplication
app = QApplication([])
runpy.run_path(sys.argv[1])
import pyqtgraph as pg
plot = pg.PlotWidget()
plot.plot([1, 3, 2], [4, 5, 6], pen="r")
plot.resize(320, 200)
image = plot.grab().toImage()
colours = {image.pixelColor(x, y).name() for x in range(0, 320, 4) for y in range(0, 200, 4)}
print(image.width(), len(colours) > 2, isinstance(plot, pg.Qt.QtWidgets.QOpenGLWidget))
try:
    pg.Qt.QtWidgets.QOpenGLWidget()
except AttributeError as error:
    print("refused:", "not part of this bundle" in str(error))
"""


def test_opengl_stand_ins_let_pyqtgraph_draw_without_the_opengl_bindings():
    out = _run("-c", OPENGL_CHECK, str(ROOT / "scripts" / "rthook_no_opengl.py"))
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["320 True False", "refused: True"]


def test_english_translation_is_complete_including_helper_strings():
    import xml.etree.ElementTree as ET

    from desktop.tools.update_translations import helper_strings

    root = ET.parse(ROOT / "resources" / "i18n" / "fusion_en.ts").getroot()
    unfinished = [m.findtext("source") for m in root.iter("message") if m.find("translation").get("type")]
    assert unfinished == []
    contexts = {c.findtext("name"): {m.findtext("source") for m in c.iter("message")} for c in root.iter("context")}
    page = helper_strings((ROOT / "desktop" / "pages" / "assessment_page.py").read_text(encoding="utf-8"))
    assert page is not None and page[0] == "AssessmentPage" and len(page[1]) > 10
    assert set(page[1]) <= contexts["AssessmentPage"]  # lupdate cannot see `_tr("…")`; the tool adds them
    errors_py = (ROOT / "desktop" / "errors.py").read_text(encoding="utf-8")
    assert {s for s in contexts["errors"] if s in errors_py} == contexts["errors"]


def test_build_script_is_committed_executable():
    """`.ci/run` calls scripts/build_bundle.sh directly: on a fresh clone it needs mode 100755 in git."""
    out = subprocess.run(["git", "ls-files", "-s", "scripts/build_bundle.sh"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0 or not out.stdout:
        pytest.skip("not a git checkout")
    assert out.stdout.split()[0] == "100755"
    assert "scripts/build_bundle.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_bundle_leaves_only_desktop_system_libraries_to_the_system():
    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    assign = next(
        n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "SYSTEM_LIBS"
    )
    system = tuple(ast.literal_eval(assign.value))
    for lib in ("libX11.so.6", "libxcb-render.so.0", "libfontconfig.so.1", "libglib-2.0.so.0", "libstdc++.so.6"):
        assert lib.startswith(system), lib
    # Qt 6's xcb-util libraries (often missing), core.store's SQLite and the JPEG codec stay in the bundle
    for lib in (
        "libxcb-cursor.so.0",
        "libxcb-render-util.so.0",
        "libxcb-image.so.0",
        "libsqlite3.so.0",
        "libjpeg.so.62",
    ):
        assert not lib.startswith(system), lib
