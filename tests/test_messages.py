"""The message catalogue is complete and has no dead entries.

Every code passed to Problem / msg / Message / render (and the wrappers listed in
CODE_TAKING) has a Chinese and an English text whose arguments agree; every catalogue entry is
used somewhere in core or desktop (a literal code, or an f-string prefix such as
f"status.{key}" that covers a family of codes).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from core.kernel.messages import LANGS, Message, catalogue, render

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [p for d in ("core", "desktop") for p in (ROOT / d).rglob("*.py")]
# Call names whose first argument is a catalogue code.
CODE_TAKING = {"Problem", "msg", "Message", "render", "problem", "_err", "_problem", "bad", "note", "warn", "info"}


LOGGERS = {"log", "logger", "logging", "_log", "LOG"}  # log.info("%s", …) takes a format, not a code


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id in LOGGERS:
        return None
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _literal_codes() -> tuple[dict[str, str], set[str], set[str]]:
    """(code → where, for calls in CODE_TAKING; every string literal; f-string prefixes)."""
    called: dict[str, str] = {}
    literals: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefixes.add(str(node.values[0].value))
            if isinstance(node, ast.Call) and _call_name(node) in CODE_TAKING and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    called[first.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return called, literals, prefixes


def test_every_code_used_in_the_sources_has_both_texts():
    texts = catalogue().texts
    called, _, _ = _literal_codes()
    missing = {code: where for code, where in called.items() if code not in texts}
    assert not missing, f"codes without a catalogue entry: {missing}"


def test_every_entry_has_both_languages_with_the_same_arguments():
    cat = catalogue()
    for code, entry in cat.texts.items():
        assert set(entry) == set(LANGS), f"{code} ({cat.files[code]}) lacks {set(LANGS) - set(entry)}"
        assert all(t.strip() for t in entry.values()), code
        assert cat.fields(code, "zh") == cat.fields(code, "en"), f"{code}: zh and en use different arguments"


def test_every_entry_is_used():
    called, literals, prefixes = _literal_codes()
    unused = [
        code
        for code in catalogue().texts
        if code not in literals and not any(p and code.startswith(p) for p in prefixes)
    ]
    assert not unused, f"catalogue entries no source uses: {unused}"


def test_english_texts_have_no_chinese():
    for code, entry in catalogue().texts.items():
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in entry["en"]), code


@pytest.mark.parametrize("lang", LANGS)
def test_render_fills_arguments_and_nests_messages(lang):
    inner = Message("status.estimate")
    text = render("problem.line", {"severity": Message("severity.error"), "text": inner}, lang)
    assert inner.text(lang) in text and Message("severity.error").text(lang) in text


def test_unknown_code_renders_visibly_instead_of_raising():
    assert render("no.such.code", {"x": 1}).startswith("[no.such.code]")


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_list_shows_its_first_items_and_how_many(lang):
    """3,000 county names in one sentence help nobody: the text lists the first LIST_SHOWN and the count; the
    message's arguments keep every item (the JSON's `args`)."""
    from core.kernel.messages import LIST_SHOWN

    names = [f"县{i:04d}" for i in range(3000)]
    m = Message("sensitivity.region_missing", {"count": 3000, "regions": names})
    text = m.text(lang)
    assert names[LIST_SHOWN - 1] in text and names[LIST_SHOWN] not in text and len(text) < 600
    assert ("等共 3000 项（另 2970 项未列出）" if lang == "zh" else " and 2970 more (3000 in all)") in text
    assert m.to_dict()["args"]["regions"] == names
    exact = Message("sensitivity.region_missing", {"count": LIST_SHOWN, "regions": names[:LIST_SHOWN]}).text(lang)
    assert names[LIST_SHOWN - 1] in exact and "3000" not in exact and "more" not in exact
