"""Order, not timing: the window is painted before the heavy modules are imported; hidden tabs wait."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_pages import _page, demo  # noqa: F401  (the demo session fixture and the page helper)

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("core.kernel", "core.model", "core.assessment", "core.index", "numpy", "pyqtgraph", "desktop.session",
         "desktop.widgets", "desktop.style", "logging.handlers")  # fmt: skip

CHILD = """
import json, sys
import desktop.app as app
seen = {}
def say(text):
    seen[text.split()[0]] = sorted(m for m in HEAVY if m in sys.modules)
app._say = say
app.main([])
print(json.dumps(seen))
"""


def test_window_is_painted_before_core_charts_and_data_load(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FUSION_ASSESSOR_EXIT_AFTER_SHOW="1")
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    code = f"HEAVY = {HEAVY!r}\n" + CHILD
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["shown"] == []  # the first frame needs none of them
    assert {"core.kernel", "desktop.session", "desktop.style"} <= set(seen["ready"])  # loaded after the paint


def test_hidden_tabs_are_filled_only_when_shown(qtbot, demo):  # noqa: F811
    from desktop.pages.assessment_page import AssessmentPage

    page, _ = _page(qtbot, AssessmentPage, demo)
    fills = page.lazy_tabs.fills
    assert fills == {0: 1}  # the tab on screen only
    assert page.lazy_tabs.builds == [0]  # and only its widgets exist
    demo.set_region("江苏省")  # a change marks every tab stale, refills the one on screen
    assert fills == {0: 2}
    page.tabs.setCurrentIndex(6)  # 统计一致性: filled when shown, once
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(6)
    assert fills == {0: 2, 6: 1} and page.audit.summaries
    assert page.lazy_tabs.builds == [0, 6]  # created once, when first shown
    assert page.gauge is page.coupling.gauge and page.lazy_tabs.builds == [0, 6, 2]  # or when asked for


def test_the_check_page_reads_the_loaded_columns_once(qtbot, demo):  # noqa: F811
    from desktop.pages.data_check import CheckPage

    assert demo.table.is_columnar
    shared = demo.worker_table()
    assert shared is demo.worker_table() and shared.columns() is demo.table.columns()  # one, for every task
    assert shared.is_columnar  # the assessment read the columns: it made no row per value
    page, _ = _page(qtbot, CheckPage, demo)
    reads = demo.reads
    passes = reads.passes
    other = next(r for r in demo.regions() if r != demo.region)
    demo.set_region(other)  # the page refreshes for another region
    assert reads.passes == passes and demo.table.is_columnar  # regions, years and the region index are kept
    c = demo.table.columns()
    assert len(reads.region_values(other)) == int((c.region == other).sum())
    assert page.summary.text().startswith(f"{other}：{int((c.region == other).sum())} 个数值")


def test_no_arguments_give_the_parsers_defaults_without_building_it():
    import argparse

    from desktop import app

    full = app._add_arguments(argparse.ArgumentParser()).parse_args([])
    assert vars(app.parse_args([])) == vars(full)
    assert app.parse_args(["--page", "check"]).page == "check" and app.parse_args(["--demo"]).tab == 0
