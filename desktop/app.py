"""Entry point: `python -m desktop [--demo] [--lang zh|en] [--screenshot PATH [--page NAME]] [--self-test] [--version]`.

Start-up is kept close to a bare Qt window: only QtWidgets and the window shell (sidebar,
header, a busy indicator) are imported before the window is shown; the session and core, the
style sheet, menus, icons, numpy, the engine, pyqtgraph and the data load after the first paint.
`--screenshot`, `--self-test` and the tests build the whole window synchronously.
"""

from __future__ import annotations

import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

# PySide6's lazy loading of classes and enums everywhere (6.8+; 3 = also for star/namespace
# imports): the Qt namespace alone would otherwise build ~100 enum types at start-up (~40 ms).
# Must be set before PySide6 is imported; an explicit user setting wins.
os.environ.setdefault("PYSIDE6_OPTION_LAZY", "3")

PAGE_NAMES = ("import", "check", "index", "assessment", "benchmark", "whatif", "export")
# every option's value when it is not given (the parser's defaults too)
DEFAULTS = {
    "demo": False,
    "lang": None,
    "workspace": None,
    "screenshot": None,
    "page": "index",
    "tab": 0,
    "region": None,
    "size": "1440x900",
    "self_test": False,
    "version": False,
}


def parse_args(argv: list[str] | None) -> argparse.Namespace | SimpleNamespace:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:  # nothing to explain or refuse: the defaults, without importing and building a parser
        return SimpleNamespace(**DEFAULTS)
    from core.commands import HelpParser, examples

    p = HelpParser(
        prog="python -m desktop",
        description="两创融合评估（桌面应用）。报告命令：python -m desktop report -h\n"
        "Fusion assessor (desktop app). Reports without a window: python -m desktop report -h",
        epilog=examples(
            "python -m desktop",
            "python -m desktop --demo --lang en",
            "python -m desktop --workspace 我的评估.lcws",
            "python -m desktop --demo --screenshot 指数.png --page index --size 1366x768",
            "python -m desktop --self-test",
            "python -m desktop report resources/demo/demo-provinces.csv --region 江苏省 --format pdf --out 江苏省.pdf",
        ),
    )
    return _add_arguments(p).parse_args(argv)


def _add_arguments(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument("--demo", action="store_true", help="打开内置演示工作区 (open the demo workspace)")
    p.add_argument("--lang", choices=("zh", "en"), help="界面语言（默认中文，或上次的设置） (interface language)")
    p.add_argument("--workspace", help="打开指定工作区或数据文件/文件夹 (open a workspace, data file or folder)")
    p.add_argument("--screenshot", metavar="PATH", help="离屏渲染一个页面到 PNG 后退出 (render one page to PNG)")
    p.add_argument("--page", choices=PAGE_NAMES, help="--screenshot 渲染的页面 (the page)")
    p.add_argument("--tab", type=int, help="--screenshot 时页面内选项卡的序号（0 起） (tab index)")
    p.add_argument("--region", help="--screenshot 时选择的地区 (the region)")
    p.add_argument(
        "--size",
        help="--screenshot 的窗口大小（屏幕像素，按 QT_SCALE_FACTOR 缩放），如 1440x900 (window size in screen pixels)",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="离屏运行完整流程自检（演示数据→导入→测算→评估→导出）后退出 (run the self-test)",
    )
    p.add_argument("--version", action="store_true", help="显示版本号后退出 (show the version)")
    p.set_defaults(**DEFAULTS)
    return p


def create_app(lang: str | None = None, defer: bool = False):
    """The QApplication with fonts, style and translation installed (idempotent).

    `defer`: the style sheet and the main-thread garbage collector are left to the caller, to
    install after the first paint (`start`)."""
    from PySide6.QtWidgets import QApplication

    from . import APP_ID, errors, fonts, i18n
    from .settings import Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName("两创融合评估")
    settings = Settings()
    lang = lang or settings.language
    fonts.apply(app)
    i18n.install(app, lang)
    errors.install()
    if not defer:
        after_paint(app)
    return app, settings, lang


def after_paint(app) -> None:
    """What the app needs but the first frame does not: the style sheet (the window first shows in
    the plain Fusion style) and the garbage collector that keeps collection in the GUI thread."""
    from . import style
    from .workers import install_gc

    style.apply(app)
    install_gc(app)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:  # not argparse's action="version": windowed builds have no stdout
        import core

        _say(f"fusion-assessor {core.__version__}")
        return 0
    if args.screenshot or args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.self_test:
        from . import selftest

        return selftest.run(_say)
    app, settings, lang = create_app(args.lang, defer=not args.screenshot)
    if args.lang and not args.screenshot:
        settings.language = args.lang
    if args.screenshot:
        return screenshot(app, settings, lang, args)
    bench = bool(os.environ.get("FUSION_ASSESSOR_EXIT_AFTER_SHOW"))  # benchmarks/bench_startup.py
    win = start(app, settings, lang, args, load=not bench)
    if bench:
        while not win.painted:
            app.processEvents()
        cpu = os.times()
        _say(f"shown {cpu.user + cpu.system:.3f}")  # with the CPU seconds so far (robust on a busy machine)
        while not win.ready:  # menus and the first page, built right after the first paint
            app.processEvents()
        _say("ready")
        return 0
    from PySide6.QtCore import QTimer

    from .tour import should_show

    if should_show(settings):  # the optional first-run tour (never with --screenshot or under tests)
        win.after_first_paint(lambda: QTimer.singleShot(600, win.show_tour))
    code = app.exec()
    from .workers import shutdown

    shutdown(app)
    return code


def start(app, settings, lang: str, args: argparse.Namespace, load: bool = True):
    """Show the main window's shell first; after its first paint come the session, menus, icons, the
    style sheet, the chart library, then the demo or workspace on a worker with the status bar's
    progress indicator, then the page modules (`load=False`: no charts, no data: the start-up benchmark)."""
    from .main_window import MainWindow

    win = MainWindow(settings, lang=lang, defer=True)
    geom = settings.geometry
    if geom is not None:
        win.restoreGeometry(geom)
    win.after_first_paint(lambda: after_paint(app))
    if load:
        win.after_first_paint(preload_charts)
        win.after_first_paint(lambda: win.open_initial(demo=args.demo, workspace=args.workspace))
        win.after_first_paint(preload_pages)
    win.show()
    return win


def preload_charts() -> None:
    """pyqtgraph, configured, and the app's chart classes (the pages import them when they build)."""
    from .charts import pg

    pg()
    from .charts import plots  # noqa: F401


def preload_pages() -> None:
    """Import the page modules (and the parts of core they use) while the data loads on a worker,
    so the first visit to a page builds it without first importing it."""
    import importlib

    from .main_window import PAGES

    for _, module, _ in PAGES:
        importlib.import_module(module)


def _say(text: str) -> None:
    if sys.stdout is not None:  # windowed builds have no stdout
        sys.stdout.write(text + "\n")
        sys.stdout.flush()


def screenshot(app, settings, lang: str, args) -> int:
    """Open the workspace synchronously, run every analysis, render one page to PNG."""
    from . import errors
    from .main_window import MainWindow
    from .session import Session

    errors.set_interactive(False)
    session = Session(settings, synchronous=True)
    win = MainWindow(settings, session=session, lang=lang)
    w, _, h = args.size.partition("x")
    dpr = app.primaryScreen().devicePixelRatio()  # --size is in screen pixels: 1366x768 at 125 % is 1093x614 logical
    win.resize(round(int(w) / dpr), round(int(h) / dpr))
    win.show()
    win.open_initial(demo=args.demo or not args.workspace, workspace=args.workspace)
    if session.result is not None:
        try:
            session.run_sensitivity()
            session.run_monte_carlo(draws=500)
        except Exception:
            pass
    regs = session.regions()
    if args.region and args.region in regs:
        session.set_region(args.region)
    if len(regs) > 2 and not session.compare and args.page == "index":
        session.set_compare([r for r in regs if r != session.region][:2])
    page = win.show_page(args.page)
    tabs = getattr(page, "tabs", None)
    if args.tab and tabs is not None and 0 <= args.tab < tabs.count():
        tabs.setCurrentIndex(args.tab)
    for _ in range(5):
        app.processEvents()
    from core.kernel import atomic_path

    with atomic_path(args.screenshot) as tmp:
        ok = win.grab().save(str(tmp), "PNG")
        if not ok:
            raise OSError(f"无法写入截图：{args.screenshot}")
    from .workers import shutdown

    shutdown(app)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
