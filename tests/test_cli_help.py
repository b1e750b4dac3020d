"""`python -m core` help reads Chinese first, each sub-command with examples that parse as written
(one line each, lists quoted: they run unchanged in PowerShell, cmd and bash); argparse's errors in Chinese."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from core.commands.cli import build_parser
from core.commands.helptext import EXAMPLES, wrap

PARSER = build_parser()
COMMANDS = sorted(PARSER._subparsers._group_actions[0].choices)


def _help(*argv: str, capsys) -> str:
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args([*argv, "-h"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def _examples(text: str) -> list[str]:
    block = text.split(EXAMPLES, 1)[1]
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith("#")]


def test_main_help_is_chinese_first_with_examples(capsys):
    text = _help(capsys=capsys)
    assert text.startswith("用法 usage: python -m core")
    assert "选项 (options)" in text and "子命令 (commands)" in text and "显示本帮助并退出" in text
    assert "Fusion assessor" in text  # the English line under the Chinese description
    assert _examples(text)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_examples_that_parse(command, capsys):
    text = _help(command, capsys=capsys)
    assert "位置参数 (positional arguments)" in text or "子命令 (commands)" in text or command == "template"
    lines = _examples(text)
    assert lines, f"{command}: no examples"
    for line in lines:
        assert "\\" not in line and "`" not in line and "&&" not in line  # PowerShell-safe: one plain line
        words = shlex.split(line)
        if words[:3] == ["python", "-m", "desktop"]:
            continue  # the desktop report command takes the same arguments (checked through core's parser below)
        assert words[:3] == ["python", "-m", "core"], line
        args = build_parser().parse_args(words[3:])
        assert args.command in COMMANDS
    assert any(line.split()[3:4] == [command] or command in line.split() for line in lines)


def test_argparse_errors_are_chinese_with_the_english_original(capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["compute"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "缺少必需的参数：data" in err and "(the following arguments are required: data)" in err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["assess", "a.csv", "--gap-policy", "foo"])
    err = capsys.readouterr().err
    assert "参数 --gap-policy 的取值 'foo' 无效" in err


def test_wrap_counts_chinese_as_two_columns():
    lines = wrap("两创融合评估：指数测算、模板、导入校验。Fusion assessor: index, templates.", 20)
    assert all(sum(2 if "\u4e00" <= c <= "\u9fff" or c in "：、。" else 1 for c in line) <= 20 for line in lines)
    assert not any(line.startswith(("、", "。", "：")) for line in lines)
    assert "".join(lines).replace(" ", "") == "两创融合评估：指数测算、模板、导入校验。Fusionassessor:index,templates."


def test_regions_are_accepted_as_the_interface_shows_them(capsys):
    """English and short province names on the command line select the data's region (as on import)."""
    from core.commands.cli import main
    from core.commands.options import region_arg, split_names

    assert region_arg("Hubei") == region_arg("湖北") == "湖北省" and region_arg("南京市") == "南京市"
    assert split_names("hubei, 江苏") == ["湖北省", "江苏省"] and split_names("all") is None
    demo = str(Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-provinces.csv")
    argv = ["--lang", "en", "sensitivity", demo, "--region", "Hubei", "--method", "oat", "--draws", "16"]
    assert main(argv) == 0
    assert "[Hubei] total index 2024" in capsys.readouterr().out


@pytest.mark.parametrize("command", COMMANDS)
def test_parser_for_one_command_registers_only_it_with_the_same_help(command):
    """main() builds the parser for the command named in argv only (the others are not imported)."""
    full = PARSER._subparsers._group_actions[0].choices[command]
    for argv in ([command], ["--lang", "en", command, "x"]):
        one = build_parser(argv)._subparsers._group_actions[0].choices
        assert list(one) == [command] and one[command].format_help() == full.format_help()
    for argv in (["-h", command], ["--version"], ["nonsense"], []):
        assert sorted(build_parser(argv)._subparsers._group_actions[0].choices) == COMMANDS
