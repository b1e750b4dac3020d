"""The words every layer shares: the status of a cell and the gap-filling policies.

One enum for the status of a value, used for observations (reported, estimate,
interpolated), for the engine's leaf and node flags (plus excluded and undefined) and for
their marks in tables. Names in Chinese and English come from the message catalogue
(`status.<key>`, `gap_policy.<key>`).
"""

from __future__ import annotations

from enum import IntEnum

from .messages import render


class CellStatus(IntEnum):
    """How a value came to be. Integer values are what the engine stores in its arrays."""

    REPORTED = 0  # 填报值: entered by the user (or a node with no filled input below it)
    ESTIMATE = 1  # 预估: carried forward from the last known year
    INTERPOLATED = 2  # 插值: filled between two known years
    EXCLUDED = 3  # 已排除: left out for this region (siblings renormalised)
    UNDEFINED = 4  # 无法计算: no finite value (previous value 0 → growth 200)

    @property
    def key(self) -> str:
        """The stable name used in files, JSON and the workspace: reported, estimate, …"""
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> CellStatus:
        return cls[key.upper()]

    @property
    def mark(self) -> str:
        """The mark printed after a number in tables: * 预估, ~ 插值."""
        return _MARKS[self]

    def label(self, lang: str = "zh") -> str:
        return render(f"status.{self.key}", None, lang)


_MARKS = {
    CellStatus.REPORTED: "",
    CellStatus.ESTIMATE: "*",
    CellStatus.INTERPOLATED: "~",
    CellStatus.EXCLUDED: "",
    CellStatus.UNDEFINED: "",
}

# Interior gaps: geometric interpolation (default) or carry the last value forward.
GAP_POLICIES = ("interpolate", "carry_forward")
DEFAULT_GAP_POLICY = GAP_POLICIES[0]


def gap_policy_label(policy: str, lang: str = "zh") -> str:
    return render(f"gap_policy.{policy}", None, lang)
