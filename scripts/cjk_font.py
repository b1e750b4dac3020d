"""The CJK font for the bundle: Noto Sans CJK SC (SIL Open Font License 1.1), subset at build time.

Headless and minimal Linux desktops may have no Chinese font; reports (PDF) embed the font
they draw with. The full Noto Sans CJK collection is ~20 MB; the bundle carries only its SC
face, subset to GB 2312 plus every character the app's own texts use (~3.5 MB). Noto CJK has
no Reserved Font Name, so the OFL allows the subset under the same name; the licence file
goes with it. Used by build.spec; needs fontTools (`pip install fonttools`), else the whole
collection is copied.

Source: FUSION_ASSESSOR_FONT (a .ttc/.otf/.ttf path, or "none"), else Debian/Ubuntu's
fonts-noto-cjk at /usr/share/fonts/opentype/noto/ (on UOS/Kylin: `apt install fonts-noto-cjk`).
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
LICENCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FAMILY = "Noto Sans CJK SC"
TEXT_SUFFIXES = (".toml", ".csv", ".md", ".py", ".ts")


def _characters(root: Path) -> set[int]:
    """GB 2312, ASCII, CJK and full-width punctuation, and every character of the app's texts."""
    chars = set(range(0x20, 0x7F)) | set(range(0x2000, 0x2070)) | set(range(0x3000, 0x3040))
    chars |= set(range(0xFF00, 0xFFF0))
    for cp in range(0xA0, 0x10000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        chars.add(cp)
    for folder in ("resources", "desktop", "core"):
        for path in (root / folder).rglob("*"):
            if path.suffix in TEXT_SUFFIXES and path.is_file():
                chars |= {ord(c) for c in path.read_text(encoding="utf-8", errors="ignore") if ord(c) >= 0x80}
    return chars


def _subset(source: Path, target: Path, chars: set[int]) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    number = 0
    if source.suffix.lower() == ".ttc":
        faces = [f["name"].getDebugName(1) for f in TTCollection(str(source), lazy=True).fonts]
        number = faces.index(FAMILY) if FAMILY in faces else 0
    font = TTFont(str(source), fontNumber=number)
    options = subset.Options()
    options.name_IDs, options.name_languages, options.layout_features = ["*"], ["*"], ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target))


def bundled_font(root: Path, work: Path) -> list[tuple[str, str]]:
    """PyInstaller `datas` entries for the font and its licence (empty if there is no font)."""
    choice = os.environ.get("FUSION_ASSESSOR_FONT", "")
    if choice.lower() == "none":
        return []
    source = Path(choice) if choice else DEFAULT_FONT
    if not source.is_file():
        return []
    try:
        import fontTools  # noqa: F401
    except ImportError:
        entries = [(str(source), "resources/fonts")]
    else:
        chars = _characters(root)
        target, key_file = work / "NotoSansCJKsc-Regular-subset.otf", work / "subset.key"
        key = f"{source.resolve()} {source.stat().st_mtime_ns} {hash(frozenset(chars))}"
        if not target.is_file() or not key_file.is_file() or key_file.read_text() != key:  # rebuild when texts change
            _subset(source, target, chars)
            key_file.write_text(key)
        entries = [(str(target), "resources/fonts")]
    if LICENCE.is_file():
        entries.append((str(LICENCE), "resources/fonts/LICENSE-NotoSansCJK"))
    return entries
