"""Find the files the application ships, from a checkout, an install or a frozen bundle.

Everything under `resources/` is reached through `importlib.resources`, never through paths
relative to the current directory, so the same code works under PyInstaller.
"""

from __future__ import annotations

import tomllib
from importlib import resources as _resources
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(relative: str) -> Traversable:
    """The shipped file `resources/<relative>` (forward slashes)."""
    node = _resources.files("resources")
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def read_resource_text(relative: str) -> str:
    return resource(relative).read_text(encoding="utf-8")


def load_toml(path: str | Path | None, default: str, what_zh: str, code: str) -> tuple[dict, str]:
    """A user's copy of a data file (`path`) or the shipped one (`default`), parsed as TOML.

    Returns (data, label for messages). Unreadable or invalid files raise InputError naming the
    file, with `code`_missing / _unreadable / _syntax as problem codes.
    """
    from .problems import InputError, Problem  # problems → messages → resources: import late

    if path is None:
        text, label = read_resource_text(default), default
    else:
        p = Path(path)
        label = p.name
        try:
            text = p.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError([Problem(f"{code}_missing", f"找不到{what_zh}，请检查路径。", file=str(p))]) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                [
                    Problem(
                        f"{code}_unreadable",
                        f"无法读取{what_zh}（{exc.__class__.__name__}），请确认是 UTF-8 编码的 TOML 文本文件。",
                        file=str(p),
                    )
                ]
            ) from None
    try:
        return tomllib.loads(text), label
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            [Problem(f"{code}_syntax", f"{what_zh}格式错误：{exc}。请按 TOML 语法修改。", file=label)]
        ) from None
