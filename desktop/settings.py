"""Persisted user settings (QSettings, INI format in the platform's config folder).

One class lists every key with its default, so the settings dialog, the session and the tests
all read the same names. Tests point QSettings at a temporary folder (see tests/gui/conftest.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from . import APP_ID

LANGUAGES = ("zh", "en")
MAX_RECENT = 8


def _qsettings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, "desktop")


class Settings:
    """Typed access to the persisted settings."""

    def __init__(self, store: QSettings | None = None):
        self._s = store or _qsettings()

    # -- generic helpers -------------------------------------------------------------------
    def _get(self, key: str, default, kind=str):
        value = self._s.value(key, default)
        if value is None:
            return default
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _set(self, key: str, value) -> None:
        self._s.setValue(key, value)
        self._s.sync()

    # -- keys ------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        lang = self._get("ui/language", "zh")
        return lang if lang in LANGUAGES else "zh"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "zh")

    @property
    def base_year(self) -> int | None:
        """Default base year; None = the earliest year with data."""
        y = self._get("index/base_year", 0, int)
        return y or None

    @base_year.setter
    def base_year(self, value: int | None) -> None:
        self._set("index/base_year", int(value or 0))

    @property
    def gap_policy(self) -> str:
        # not at import: the settings are read before the window shows, core after its first paint
        from core.kernel import DEFAULT_GAP_POLICY, GAP_POLICIES

        p = self._get("index/gap_policy", DEFAULT_GAP_POLICY)
        return p if p in GAP_POLICIES else DEFAULT_GAP_POLICY

    @gap_policy.setter
    def gap_policy(self, value: str) -> None:
        from core.kernel import DEFAULT_GAP_POLICY, GAP_POLICIES

        self._set("index/gap_policy", value if value in GAP_POLICIES else DEFAULT_GAP_POLICY)

    @property
    def thresholds_file(self) -> str:
        return self._get("assessment/thresholds_file", "")

    @thresholds_file.setter
    def thresholds_file(self, value: str) -> None:
        self._set("assessment/thresholds_file", value or "")

    @property
    def mc_draws(self) -> int:
        return max(100, min(20000, self._get("index/mc_draws", 1000, int)))

    @mc_draws.setter
    def mc_draws(self, value: int) -> None:
        self._set("index/mc_draws", int(value))

    @property
    def last_workspace(self) -> str:
        return self._get("workspace/last", "")

    @last_workspace.setter
    def last_workspace(self, value: str) -> None:
        self._set("workspace/last", value or "")

    @property
    def recent_files(self) -> list[str]:
        value = self._s.value("workspace/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or [])][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        items = [p for p in self.recent_files if p != path]
        self._set("workspace/recent", [path] + items[: MAX_RECENT - 1])

    def clear_recent(self) -> None:
        self._set("workspace/recent", [])

    @property
    def show_tour(self) -> bool:
        """Show the first-run tour at start-up (until the user ticks 'don't show again')."""
        return str(self._s.value("ui/show_tour", "true")).lower() in ("true", "1")

    @show_tour.setter
    def show_tour(self, value: bool) -> None:
        self._set("ui/show_tour", bool(value))

    @property
    def geometry(self):
        return self._s.value("ui/geometry")

    @geometry.setter
    def geometry(self, value) -> None:
        self._set("ui/geometry", value)
