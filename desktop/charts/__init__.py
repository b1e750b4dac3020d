"""Charts (pyqtgraph, imported lazily): line (图1), grouped bars (图2–图5), quadrant scatter,
radar, coupling gauge. Each chart sits in a `ChartFrame` with copy / export PNG / export SVG.

`pg()` imports and configures pyqtgraph the first time a chart is built, so start-up never pays
for it.
"""

from __future__ import annotations

_pg = None


def pg():
    """The pyqtgraph module, configured for this app (white background, antialiasing)."""
    global _pg
    if _pg is None:
        import pyqtgraph

        pyqtgraph.setConfigOptions(background="w", foreground="#1f2d3d", antialias=True, leftButtonPan=False)
        _pg = pyqtgraph
    return _pg
