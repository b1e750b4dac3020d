"""`--self-test`: the whole workflow, offscreen, from wherever the app runs (a bundle included).

It opens the bundled demo, imports a filled template (generated from the demo data into a
temporary folder), computes the index and the assessment, renders every page of the main
window, exports each available format to the temporary folder and checks the files. One line
of summary; exit code 0 (all steps passed) or 1. Nothing outside the temporary folder is
written: settings, workspaces and exports all live there.

Each step is an entry of `STEPS`; each export format is an entry of `EXPORTERS` (add a report
format by adding one `Exporter`).
"""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

IMPORT_REGION = "福建省"  # not in the demo: the imported template adds a region
SOURCE_REGION = "江苏省"  # whose demo values fill the template (scaled, so they differ)
SCALE = 0.8


class SelfTestFailure(Exception):
    """A check that did not hold (the message says which)."""


@dataclass
class Context:
    folder: Path
    app: object = None
    session: object = None
    window: object = None
    outputs: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # errors the session reported (errorRaised)


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise SelfTestFailure(what)


# ---------------------------------------------------------------- steps
def step_version(ctx: Context) -> str:
    import core

    _check(core.__version__ != "0+unknown", "no distribution metadata: core.__version__ is unknown")
    return core.__version__


def step_translations(ctx: Context) -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from core.kernel import resource

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _check(QTranslator().load("qtbase_zh_CN", qt_dir), f"Qt's qtbase_zh_CN.qm is missing from {qt_dir}")
    qm = resource("i18n/fusion_en.qm")
    _check(qm.is_file() and QTranslator().load(str(qm)), "resources/i18n/fusion_en.qm is missing or unreadable")
    return "qtbase_zh_CN + fusion_en"


def step_open_demo(ctx: Context) -> str:
    from .main_window import MainWindow
    from .session import Session
    from .settings import Settings

    ctx.session = Session(Settings(), synchronous=True)
    ctx.session.errorRaised.connect(lambda exc, where: ctx.failures.append(f"{where}: {type(exc).__name__}: {exc}"))
    ctx.window = MainWindow(ctx.session.settings, session=ctx.session, lang="zh")
    ctx.window.resize(1280, 800)
    ctx.window.show()
    ctx.window.open_initial(demo=True)
    _no_failures(ctx)
    table = ctx.session.table
    _check(table is not None and SOURCE_REGION in table.regions(), f"the demo has no {SOURCE_REGION}")
    return f"{len(table.regions())} regions"


def _no_failures(ctx: Context) -> None:
    _check(not ctx.failures, "; ".join(ctx.failures))


def fill_template(path: Path, values: dict[tuple[str, int], float], region: str, years: range) -> Path:
    """A region template as staff return it: every indicator and the basic data, for `years`.

    Rows are found by the code in column A (indicators) or B (basic data) and years by the
    header, so the fill does not depend on the template's exact layout.
    """
    from core.io import build_template
    from core.kernel import atomic_path
    from core.model import load_framework

    wb = build_template(load_framework(), years, "region")
    wb["指标数据"][wb.defined_names["填报地区"].attr_text.split("!")[1].replace("$", "")] = region
    for sheet, code_col, who_col in (("指标数据", 1, None), ("基础数据", 2, 1)):
        ws = wb[sheet]
        year_cols: dict[int, int] = {}
        for row in ws.iter_rows():
            texts = [str(c.value) for c in row]
            if not year_cols and str(years[0]) in texts:  # the header row
                year_cols = {c.column: int(c.value) for c in row if str(c.value).isdigit()}
                continue
            code = row[code_col - 1].value
            if not year_cols or (who_col and row[who_col - 1].value != "本地区"):
                continue
            for col, year in year_cols.items():
                if (code, year) in values:
                    ws.cell(row=row[0].row, column=col, value=values[code, year])
    with atomic_path(path) as tmp:
        wb.save(tmp)
    return path


def step_import_template(ctx: Context) -> str:
    table = ctx.session.table
    years = range(min(table.years()), max(table.years()) + 1)
    values = {
        (o.indicator, o.year): round(o.value * SCALE, 4)
        for o in table
        if o.region == SOURCE_REGION and o.value is not None
    }
    path = fill_template(ctx.folder / "filled-template.xlsx", values, IMPORT_REGION, years)
    ctx.session.import_files([str(path)])
    _no_failures(ctx)
    _check(IMPORT_REGION in ctx.session.table.regions(), f"{IMPORT_REGION} was not imported from {path.name}")
    from core.kernel import errors

    blocking = errors(ctx.session.problems)
    _check(not blocking, "import problems: " + "; ".join(p.one_line() for p in blocking[:3]))
    return f"{IMPORT_REGION} ← {path.name}"


def step_compute(ctx: Context) -> str:
    s = ctx.session
    s.compute()  # in the app, a finished index starts the assessment
    _no_failures(ctx)
    _check(s.result is not None, "index not computed: " + "; ".join(p.one_line() for p in s.compute_problems[:3]))
    _check(IMPORT_REGION in s.result.regions, f"no index for {IMPORT_REGION}")
    s.run_sensitivity()
    _no_failures(ctx)
    return f"{len(s.result.regions)} regions, {s.result.base_year}–{s.result.latest_year}"


def step_assess(ctx: Context) -> str:
    s = ctx.session
    if s.assessment is None:
        s.assess()
        _no_failures(ctx)
    _check(s.assessment is not None, f"no assessment: {s.assessment_error}")
    _check(IMPORT_REGION in s.assessment.levels, f"no assessment for {IMPORT_REGION}")
    return f"{len(s.assessment.levels)} regions"


def step_pages(ctx: Context) -> str:
    from .app import PAGE_NAMES

    for name in PAGE_NAMES:
        ctx.window.show_page(name)
        ctx.app.processEvents()
        image = ctx.window.grab()
        _check(not image.isNull() and image.width() > 0, f"page {name} did not render")
    _no_failures(ctx)
    return f"{len(PAGE_NAMES)} pages"


# ---------------------------------------------------------------- exports
@dataclass(frozen=True)
class Exporter:
    """One export format: how the app writes it, and what a correct file contains."""

    name: str
    filename: str
    write: Callable[[object, str], None]  # (session, path)
    check: Callable[[Path], bool]


def _json_has(key: str) -> Callable[[Path], bool]:
    def check(path: Path) -> bool:
        data = json.loads(path.read_text(encoding="utf-8"))
        return IMPORT_REGION in json.dumps(data.get(key, data), ensure_ascii=False)

    return check


def _csv_has_region(path: Path) -> bool:
    """Chinese headers (地区 … 指数 in columns 1 and 5) and the imported region with its index."""
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    return rows[0][0] == "地区" and any(r[0] == IMPORT_REGION and r[4] for r in rows[1:])


def _report_exporter(fmt: str) -> Exporter:
    """The assessment report of the imported region, as the export page writes it (charts, PDF by Qt)."""

    def write(session, path: str) -> None:
        from .pages.export_page import write_session_report

        write_session_report(session, IMPORT_REGION, fmt, path)

    def check(path: Path) -> bool:
        from .pages.export_page import report_mentions

        return report_mentions(path, IMPORT_REGION)

    return Exporter(f"{fmt} report", f"report.{fmt}", write, check)


EXPORTERS: tuple[Exporter, ...] = (
    Exporter("index JSON", "fusion-index.json", lambda s, p: s.export_json(p), _json_has("regions")),
    Exporter("index CSV", "fusion-index.csv", lambda s, p: s.export_csv(p), _csv_has_region),
    Exporter("assessment JSON", "assessment.json", lambda s, p: s.export_assessment_json(p), _json_has("levels")),
    Exporter(
        "sensitivity JSON",
        "sensitivity.json",
        lambda s, p: s.export_sensitivity_json(p),
        lambda p: "one_at_a_time" in json.loads(p.read_text(encoding="utf-8")),
    ),
    *(_report_exporter(fmt) for fmt in ("docx", "pdf", "xlsx")),
)


def step_exports(ctx: Context) -> str:
    for exporter in EXPORTERS:
        path = ctx.folder / "exports" / exporter.filename
        path.parent.mkdir(parents=True, exist_ok=True)
        exporter.write(ctx.session, str(path))
        _check(path.is_file() and path.stat().st_size > 0, f"{exporter.name}: {path.name} was not written")
        _check(exporter.check(path), f"{exporter.name}: {path.name} lacks {IMPORT_REGION}")
        ctx.outputs.append(path)
    return ", ".join(e.name for e in EXPORTERS)


STEPS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("version", step_version),
    ("translations", step_translations),
    ("open demo", step_open_demo),
    ("import template", step_import_template),
    ("index", step_compute),
    ("assessment", step_assess),
    ("pages", step_pages),
    ("exports", step_exports),
)


# ---------------------------------------------------------------- runner
def run(say: Callable[[str], None]) -> int:
    """Run every step in a temporary folder; `say` gets the one-line summary. Returns the exit code.

    The summary also goes to the log file: a windowed Windows build has no console to print to.
    """
    import logging
    import tempfile

    from PySide6.QtCore import QSettings

    from . import errors, session

    t0 = time.perf_counter()
    log = logging.getLogger("fusion_assessor.selftest")
    with tempfile.TemporaryDirectory(prefix="fusion-selftest-") as tmp:
        ctx = Context(Path(tmp))
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(ctx.folder / "settings"))
        session.set_data_dir(ctx.folder / "data")
        errors.set_interactive(False)
        errors.log_handler()
        from .app import create_app

        ctx.app = create_app("zh")[0]
        done: list[str] = []
        try:
            for name, step in STEPS:
                detail = step(ctx)
                done.append(name)
                log.info("self-test step %s: %s", name, detail)
        except Exception as exc:  # a failed step ends the run with its reason
            if not isinstance(exc, SelfTestFailure):
                errors.log_exception(exc, f"self-test step {name}")
            lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
            reason = f"{type(exc).__name__}: {lines[-1] if lines else ''}"  # one line (numpy's errors span many)
            _report(say, log, f"SELF-TEST FAILED at step '{name}' ({len(done)}/{len(STEPS)} passed): {reason}")
            return 1
        finally:
            _close(ctx)
        elapsed = time.perf_counter() - t0
        import core

        summary = (
            f"SELF-TEST OK: fusion-assessor {core.__version__}, {len(STEPS)}/{len(STEPS)} steps "
            f"({', '.join(done)}), {len(ctx.outputs)} files exported, {elapsed:.1f} s"
        )
        _report(say, log, summary)
        return 0


def _report(say: Callable[[str], None], log, line: str) -> None:
    say(line)
    log.info("%s", line)


def _close(ctx: Context) -> None:
    """Close the window and stop workers before the temporary folder goes away."""
    from . import session
    from .workers import shutdown

    if ctx.window is not None:
        ctx.window.close()
    if ctx.app is not None:
        shutdown(ctx.app)
    session.set_data_dir(None)
