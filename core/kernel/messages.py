"""The message catalogue: every problem, verdict and reason is a code with named arguments.

core never builds a user-facing sentence itself. It returns a `Message` (a code and its
arguments); the command line, the GUI and the reports render it in the user's language from
the catalogue files `resources/messages/*.toml`, so all three say the same thing, and the
English interface says it in English.

A catalogue file holds one table per code, with a `zh` and an `en` text in `str.format`
syntax; tables may nest to form dotted codes (`[verdict.group]` → code `verdict.group`):

    [value_negative]
    zh = "数值 {value} 为负数，该指标不能为负。请核对原始统计数据。"
    en = "The value {value} is negative, which this indicator cannot be. Check the source statistics."

Arguments may be numbers, text, lists (joined with 、 or ", "), booleans, or other Messages
(rendered in the same language): a term such as a group name is itself a Message.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .resources import resource

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
CATALOGUE_DIR = "messages"
_JOIN = {"zh": "、", "en": ", "}
LIST_SHOWN = 30  # a longer list argument shows its first items and how many there are (the arguments keep all)
_LOCALISERS: list[Callable[[str, str], str]] = []


def register_arg_localiser(fn: Callable[[str, str], str]) -> None:
    """Let a higher layer show data terms in the reader's language: `fn(text, lang)` is applied to
    every text argument rendered outside Chinese (core.model registers the English region names,
    so a message about 湖北省 reads "Hubei" in English while the data keeps its Chinese key)."""
    if fn not in _LOCALISERS:
        _LOCALISERS.append(fn)


@dataclass(frozen=True)
class Message:
    """A code and its named arguments; `text(lang)` renders it from the catalogue."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def text(self, lang: str = DEFAULT_LANG) -> str:
        return render(self.code, self.args, lang)

    def __str__(self) -> str:
        return self.text(DEFAULT_LANG)

    def to_dict(self) -> dict:
        """The JSON form: code, arguments (nested messages as dicts) and the Chinese text."""
        return {"code": self.code, "args": {k: _jsonable(v) for k, v in self.args.items()}, "text": self.text()}


def msg(code: str, **args: Any) -> Message:
    """Shorthand: `msg("value_negative", value="−3")`."""
    return Message(code, args)


def _jsonable(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _from_jsonable(value: Any) -> Any:
    """The inverse of _jsonable: nested message dicts become Messages again (so they render after a reload)."""
    if isinstance(value, dict) and "code" in value and "args" in value:
        return Message(value["code"], {k: _from_jsonable(v) for k, v in value["args"].items()})
    if isinstance(value, list):
        return [_from_jsonable(v) for v in value]
    return value


class CatalogueError(Exception):
    """A catalogue file is broken (a developer error: caught by the test suite)."""


@dataclass(frozen=True)
class Catalogue:
    texts: Mapping[str, Mapping[str, str]]  # code → lang → template
    files: Mapping[str, str]  # code → catalogue file it came from

    def template(self, code: str, lang: str) -> str | None:
        entry = self.texts.get(code)
        if entry is None:
            return None
        return entry.get(lang) or entry.get(DEFAULT_LANG)

    def fields(self, code: str, lang: str) -> set[str]:
        """The argument names a text uses (for the catalogue consistency test)."""
        tpl = self.texts.get(code, {}).get(lang, "")
        return {f.split(".")[0].split("[")[0] for _, f, _, _ in string.Formatter().parse(tpl) if f}


def _flatten(table: Mapping, prefix: str, file: str, out: dict, files: dict) -> None:
    for key, value in table.items():
        code = f"{prefix}.{key}" if prefix else key
        if not isinstance(value, Mapping):
            raise CatalogueError(f"{file}: {code} is not a table")
        if any(lang in value for lang in LANGS):
            if code in out:
                raise CatalogueError(f"{file}: code {code} is also defined in {files[code]}")
            texts = {lang: value[lang] for lang in LANGS if lang in value}
            if not all(isinstance(t, str) for t in texts.values()):
                raise CatalogueError(f"{file}: {code} texts must be strings")
            out[code] = texts
            files[code] = file
            nested = {k: v for k, v in value.items() if k not in LANGS}
            if nested:
                _flatten(nested, code, file, out, files)
        else:
            _flatten(value, code, file, out, files)


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """Every catalogue file under resources/messages, merged (a code may be defined once only)."""
    texts: dict[str, dict[str, str]] = {}
    files: dict[str, str] = {}
    folder = resource(CATALOGUE_DIR)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            _flatten(tomllib.loads(entry.read_text(encoding="utf-8")), "", entry.name, texts, files)
    return Catalogue(texts, files)


def _arg(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, (list, tuple)):
        text = _JOIN.get(lang, ", ").join(str(_arg(v, lang)) for v in value[:LIST_SHOWN])
        if len(value) > LIST_SHOWN:  # 3,000 county names in one sentence help nobody
            text += render("list.more", {"total": len(value), "more": len(value) - LIST_SHOWN}, lang)
        return text
    if isinstance(value, bool):
        return render("term.yes" if value else "term.no", {}, lang)
    if value is None:
        return "—"
    if isinstance(value, str) and lang != DEFAULT_LANG:
        for fn in _LOCALISERS:
            value = fn(value, lang)
    return value


def render(code: str, args: Mapping[str, Any] | None = None, lang: str = DEFAULT_LANG) -> str:
    """The text of `code` in `lang` with its arguments filled in.

    A code missing from the catalogue renders as the code and its arguments (never raises in
    the application; the catalogue test fails instead).
    """
    args = args or {}
    template = catalogue().template(code, lang)
    if template is None:
        shown = ", ".join(f"{k}={_arg(v, lang)}" for k, v in args.items())
        return f"[{code}] {shown}".rstrip()
    return template.format_map({k: _arg(v, lang) for k, v in args.items()})
