"""规划推演's path chart: the region today and in the target year on the level × momentum quadrants, with
the path between. The plot is made with the first projection (creating and painting a pyqtgraph plot costs
much of a page switch); until then its place says what is on its way."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .. import style
from ..i18n import current_language
from ..widgets import empty_label

HEIGHT = 220


class PathChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.scatter = None  # the QuadrantScatter, from the first draw on
        self.slot = empty_label("")  # its place until then
        self.slot.setMinimumHeight(HEIGHT)
        self._layout.addWidget(self.slot)

    def say(self, text: str) -> None:
        """What the place of a chart not yet drawn says (on its way, or what failed)."""
        self.slot.setText(text)

    def draw(self, r) -> None:
        """The path of `r` (a core.whatif.ScenarioResult) from the latest data year to the horizon."""
        from ..charts import pg
        from ..charts.plots import Point

        b, lang = r.baseline, current_language()
        cfg = b.config
        pts = [p for p in r.projection.path if p.level is not None and p.momentum is not None]
        if not pts:
            self.say("")
            return
        if self.scatter is None:
            self._make()
        first, last = pts[0], pts[-1]
        points = [
            Point(str(first.year), first.level, first.momentum, color=style.MUTED),
            Point(str(last.year), last.level, last.momentum, highlight=True),
        ]
        q = cfg.quadrant_names
        names = tuple(cfg.term(q[k]).text(lang) for k in ((True, True), (True, False), (False, True), (False, False)))
        self.scatter.set_data(points, self.tr("融合水平（全国 = 100）"), self.tr("融合势能（全国 = 100）"), names,
                              (cfg.split_level, cfg.split_momentum), symmetric=False)  # fmt: skip
        P = pg()
        line = P.PlotDataItem([p.level for p in pts], [p.momentum for p in pts], pen=P.mkPen(style.ACCENT, width=2),
                              symbol="o", symbolSize=5, symbolBrush=style.ACCENT)  # fmt: skip
        self.scatter.plot.addItem(line)

    def _make(self) -> None:
        from ..charts.plots import QuadrantScatter

        self.scatter = QuadrantScatter(self.tr("从现状到目标年份的路径"), min_height=HEIGHT)
        self.slot.hide()
        self._layout.addWidget(self.scatter)
        self.scatter.show()  # now, not when the layout's queued show comes
