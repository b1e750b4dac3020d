"""Chinese-first command-line help (python -m core, python -m desktop).

`HelpParser` is an ArgumentParser whose help reads Chinese first: headings in Chinese with the
English word, each description's paragraphs wrapped separately (a Chinese line, then an English
one), an epilog of examples kept as written, and argparse's own error messages in Chinese with the
English original beside them. Sub-parsers made with `add_subparsers()` are HelpParsers too.
Examples are written so that they run unchanged in PowerShell, cmd and bash: one line each, no
line continuations, lists in quotes.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata

USAGE = "用法 usage: "
POSITIONALS = "位置参数 (positional arguments)"
OPTIONALS = "选项 (options)"
HELP = "显示本帮助并退出 (show this help and exit)"
VERSION = "显示版本号并退出 (show the version and exit)"
EXAMPLES = "示例 (examples):"
ERROR = "错误 error"

# argparse's own error messages (Python 3.11–3.13) → Chinese; the English original follows in brackets.
_ERRORS = (
    (re.compile(r"the following arguments are required: (.+)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.+)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)"), "参数 {0} 的取值 {1} 无效，可选：{2}"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.+)"), "参数 {0} 的取值 {2} 无效（应为 {1}）"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面需要一个值"),
    (re.compile(r"argument (\S+): expected at least one argument"), "参数 {0} 后面至少需要一个值"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"ambiguous option: (\S+) could match (.+)"), "选项 {0} 有歧义，可能是：{1}"),
)


def chinese_error(message: str) -> str:
    """argparse's English error message in Chinese, the original kept in brackets."""
    for pattern, zh in _ERRORS:
        m = pattern.fullmatch(message.strip())
        if m:
            return f"{zh.format(*m.groups())}\n({message})"
    return message


def examples(*lines: str) -> str:
    """An epilog listing example commands (one per line; a line starting with # is a comment)."""
    return "\n".join([EXAMPLES, *(f"  {line}" for line in lines)])


_TOKENS = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+"
)
_NO_LINE_START = set("，。、；：？！）》」』】,.;:?!)")  # punctuation that never starts a line


def _cells(text: str) -> int:
    """Terminal columns of `text`: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` terminal columns: Chinese may break between any two characters,
    English between words; closing punctuation stays on its line."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for token in _TOKENS.findall(paragraph):
            if token.isspace():
                line += " " if line else ""
            elif not line or _cells(line + token) <= width or token in _NO_LINE_START:
                line += token
            else:
                lines.append(line.rstrip())
                line = token
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """Wraps Chinese and English by terminal columns, each line of a description on its own
    (Chinese, then English); keeps the examples as written."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith(EXAMPLES):
            return "\n".join(indent + line for line in text.splitlines())
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))


class HelpParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors read Chinese first (see the module docstring)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP

    def add_argument(self, *args, **kwargs):
        if kwargs.get("action") == "version":
            kwargs.setdefault("help", VERSION)
        return super().add_argument(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("title", "子命令 (commands)")
        return super().add_subparsers(**kwargs)

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {ERROR}: {chinese_error(message)}\n")
