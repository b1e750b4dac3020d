"""Regenerate the English translation: lupdate → fill from en_glossary → lrelease.

    python -m desktop.tools.update_translations

1. `pyside6-lupdate` scans desktop/**/*.py for tr()/translate() strings and updates
   resources/i18n/fusion_en.ts (existing translations are kept).
2. Every message found in `desktop/tools/en_glossary.py` (source → English) gets that text;
   others keep the translation the .ts has (e.g. from Qt Linguist); untranslated ones are listed.
3. `pyside6-lrelease` compiles the .ts into resources/i18n/fusion_en.qm (both are committed).
"""

from __future__ import annotations

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


def main() -> int:
    from desktop.tools.en_glossary import EN

    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py") if "tools" not in p.parts)
    TS.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        _tool("lupdate")
        + ["-no-obsolete", "-source-language", "zh_CN", "-target-language", "en_US", *sources, "-ts", str(TS)],
        cwd=ROOT,
        check=True,
    )
    missing = fill(TS, EN)
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
