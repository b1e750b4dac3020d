"""The desktop application (PySide6 + pyqtgraph): a thin view over `core`.

Nothing here computes an index or an assessment; pages ask `core` (through
`desktop.session.Session`) and show what it returns. Heavy modules (numpy, pyqtgraph, the
engine) are imported lazily so the first window appears quickly.
"""

APP_ID = "fusion-assessor"
APP_NAME_ZH = "两创融合评估"
