"""Regenerate the English translation: lupdate → fill from en_glossary → lrelease.

    python -m desktop.tools.update_translations

1. `pyside6-lupdate` scans desktop/**/*.py for tr()/translate() strings and updates
   resources/i18n/fusion_en.ts (existing translations are kept).
   Module-level helpers `def _tr(text): return QCoreApplication.translate("Context", text)`
   (a page's tabs sharing the page's translations) hide their strings from lupdate; their
   `_tr("…")` calls are added to that context here.
2. Every message found in `desktop/tools/en_glossary*.py` (source → English; one file per area,
   each with a dict `EN`, merged) gets that text;
   others keep the translation the .ts has (e.g. from Qt Linguist); untranslated ones are listed.
3. `pyside6-lrelease` compiles the .ts into resources/i18n/fusion_en.qm (both are committed).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "fusion_en.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> list[str]:
    exe = shutil.which(f"pyside6-{name}")
    if exe:
        return [exe]
    import PySide6

    local = Path(PySide6.__file__).parent / name
    if local.exists():
        return [str(local)]
    raise SystemExit(f"找不到 pyside6-{name}（PySide6 自带）")


def helper_strings(source: str) -> tuple[str, list[str]] | None:
    """(context, strings) of a module whose `_tr` helper translates in a fixed context, else None."""
    tree = ast.parse(source)
    context = None
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            calls = [
                c for c in ast.walk(node) if isinstance(c, ast.Call) and getattr(c.func, "attr", "") == "translate"
            ]
            if calls and isinstance(calls[0].args[0], ast.Constant):
                context = calls[0].args[0].value
    if context is None:
        return None
    strings = [
        c.args[0].value
        for c in ast.walk(tree)
        if isinstance(c, ast.Call) and getattr(c.func, "id", "") == "_tr" and c.args
        if isinstance(c.args[0], ast.Constant) and isinstance(c.args[0].value, str)
    ]
    return context, strings


def add_helper_strings(ts_path: Path, sources: list[str]) -> None:
    """Put the `_tr("…")` strings lupdate cannot see into their context of the .ts."""
    tree = ET.parse(ts_path)
    root = tree.getroot()
    for rel in sources:
        found = helper_strings((ROOT / rel).read_text(encoding="utf-8"))
        if found is None:
            continue
        name, strings = found
        context = next((c for c in root.iter("context") if c.findtext("name") == name), None)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
        known = {m.findtext("source") for m in context.iter("message")}
        for text in dict.fromkeys(strings):
            if text not in known:
                message = ET.SubElement(context, "message")
                ET.SubElement(message, "source").text = text
                ET.SubElement(message, "translation", type="unfinished")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)


def fill(ts_path: Path, glossary: dict[str, str]) -> list[str]:
    tree = ET.parse(ts_path)
    missing = []
    for msg in tree.getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr = msg.find("translation")
        if tr is None:
            tr = ET.SubElement(msg, "translation")
        if tr.get("type") in ("vanished", "obsolete"):
            continue
        if src in glossary:  # the glossary is the source of truth for the English text
            tr.text = glossary[src]
            tr.attrib.pop("type", None)
        elif tr.get("type") == "unfinished" or not (tr.text or "").strip():
            missing.append(src)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    return sorted(set(missing))


def glossary() -> dict[str, str]:
    """All `EN` dicts of desktop/tools/en_glossary*.py merged; a source string has one English text only."""
    import importlib

    merged: dict[str, str] = {}
    for path in sorted((ROOT / "desktop" / "tools").glob("en_glossary*.py")):
        entries = importlib.import_module(f"desktop.tools.{path.stem}").EN
        twice = sorted(k for k in set(merged) & set(entries) if merged[k] != entries[k])
        if twice:
            raise SystemExit(f"{path.name} 与其他词表译文不同：{twice[:5]}")
        merged.update(entries)
    return merged


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py") if "tools" not in p.parts)
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        _tool("lupdate")
        + ["-no-obsolete", "-source-language", "zh_CN", "-target-language", "en_US", *sources, "-ts", str(TS)],
        cwd=ROOT,
        check=True,
    )
    add_helper_strings(TS, sources)
    missing = fill(TS, glossary())
    subprocess.run(_tool("lrelease") + [str(TS), "-qm", str(QM)], cwd=ROOT, check=True)
    if missing:
        out = sys.stderr
        if out is not None:
            print(f"{len(missing)} 条未翻译：", file=out)
            for m in missing:
                print("  " + m.replace("\n", "\\n"), file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
