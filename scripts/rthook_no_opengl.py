"""PyInstaller runtime hook (build.spec): stand-ins for PySide6.QtOpenGL and QtOpenGLWidgets.

pyqtgraph imports both at module level (PlotCurveItem, OpenGLHelpers) but uses them only when
OpenGL drawing is switched on (`useOpenGL`), which this app never does; the bindings cost
~9 MB. The stand-ins let those imports succeed; any real use fails loudly (AttributeError,
or ImportError for `from … import`).
The stand-in QOpenGLWidget is a class of its own, so pyqtgraph's `isinstance(w, QOpenGLWidget)`
stays False for the app's plain widgets, as with the real module.
"""

import sys
import types


def _missing(name: str):
    raise AttributeError(f"{name}: OpenGL is not part of this bundle (build.spec)")


def _stand_in(module_name: str, **members) -> types.ModuleType:
    module = types.ModuleType(module_name)
    module.__dict__.update(members)
    module.__getattr__ = lambda name: _missing(f"{module_name}.{name}")
    return module


def _install() -> None:
    from PySide6 import QtWidgets

    class QOpenGLWidget(QtWidgets.QWidget):
        def __init__(self, *args, **kwargs):
            _missing("QOpenGLWidget")

    for name, members in (("QtOpenGL", {}), ("QtOpenGLWidgets", {"QOpenGLWidget": QOpenGLWidget})):
        full = f"PySide6.{name}"
        if full not in sys.modules:
            sys.modules[full] = _stand_in(full, **members)


_install()
