"""A smaller ICU data library for the Linux bundle (build.spec): ~31 MB → ~12 MB.

The PySide6 Linux wheels link Qt against their own ICU, whose data library (libicudata.so.NN)
carries every locale ICU knows. Qt calls ICU only for collation (QCollator), time-zone display
names (QTimeZone), case mapping and text codecs (QStringConverter); Qt's own locale data
(QLocale) does not come from ICU. So the bundle keeps:
  - every item that is not per-locale data: converters (*.cnv, all of them), normalisation,
    properties, the collation root (ucadata.icu), time-zone rules and metazones, pools,
    likely subtags, supplemental data, break rules and the Chinese/Japanese dictionary;
  - per-locale data for root, English and Chinese (zh, zh_Hans, zh_Hant, …, yue) only;
and drops the other locales' resource bundles, the transliterator rules (Qt never opens a
transliterator) and the Thai/Lao/Khmer/Burmese break dictionaries. Asking ICU for a dropped
locale falls back to the default locale, then root, as for any locale ICU does not have.

The data are ICU's "common data" (an offset table of named items, each 16-byte aligned). The
filtered copy is linked by the C compiler into a library with the same soname and the same
exported symbol (icudtNN_dat), so libicuuc finds it as before. Needs `cc` (gcc/clang); without
it, or for a library of an unexpected layout, the build keeps the original library.
Tested in tests/test_packaging.py (Chinese pinyin collation and time-zone names still work).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from pathlib import Path

KEPT_LOCALES = re.compile(r"^(root|en|zh|yue)(_|$)")  # yue: zh_Hant_HK number spell-out aliases it
LOCALE_ID = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")  # af, en_001, zh_Hant_HK, de_ (variants); not pool
NOT_LOCALES = {"res_index"}  # looks like one, is the index of the installed locales
DICTIONARIES_KEPT = {"cjdict"}
DROPPED_TREES = {"translit"}
ALIGN = 16


def wanted(item: str) -> bool:
    """Whether an ICU data item (e.g. "icudt73l/coll/ko.res") stays in the bundle."""
    parts = item.split("/")[1:]
    tree = parts[0] if len(parts) > 1 else ""
    stem, _, suffix = parts[-1].rpartition(".")
    if tree in DROPPED_TREES:
        return False
    if suffix == "dict":
        return stem in DICTIONARIES_KEPT
    if suffix == "res" and stem not in NOT_LOCALES and LOCALE_ID.match(stem):
        return bool(KEPT_LOCALES.match(stem))
    return True


def read_items(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The common-data header and its (name, item bytes) list, in table order (sorted by name)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    if data[2:4] != b"\xda\x27" or data[12:16] != b"CmnD" or data[4 + 4] != 0:  # magic, format, little-endian
        raise ValueError("not little-endian ICU common data")
    toc = data[header_size:]
    count = struct.unpack_from("<I", toc, 0)[0]
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(toc)]
    items = [
        (toc[name : toc.index(b"\0", name)].decode("ascii"), toc[start:end])
        for (name, start), end in zip(entries, ends, strict=True)
    ]
    return data[:header_size], items


def write_items(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """Common data with the given items: header, offset table, names, then the 16-byte aligned items."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    first = -(-(table_size + len(names)) // ALIGN) * ALIGN
    table, name_at, data_at = [struct.pack("<I", len(items))], table_size, first
    for name, item in items:
        table.append(struct.pack("<II", name_at, data_at))
        name_at += len(name) + 1
        data_at += len(item)
    head = b"".join(table) + names
    return header + head + b"\0" * (first - len(head)) + b"".join(item for _, item in items)


def _symbol(library: Path) -> tuple[str, int, int]:
    """(symbol name, file offset, size) of the exported icudtNN_dat array, from `nm`/section layout."""
    version = library.name.split(".so.")[-1].split(".")[0]
    symbol = f"icudt{version}_dat"
    out = subprocess.run(["nm", "-D", "-S", str(library)], capture_output=True, text=True, check=True).stdout
    address, size = next((int(p[0], 16), int(p[1], 16)) for p in map(str.split, out.splitlines()) if p[-1] == symbol)
    sections = subprocess.run(["readelf", "-SW", str(library)], capture_output=True, text=True, check=True).stdout
    for line in sections.splitlines():
        cols = line.replace("[ ", "[").split()
        if len(cols) > 5 and cols[1] == ".rodata":
            return symbol, address - int(cols[3], 16) + int(cols[4], 16), size
    raise ValueError(".rodata not found")


def slim_library(library: Path, work: Path) -> Path | None:
    """A filtered copy of libicudata.so.NN in `work`, or None (then bundle the original)."""
    if shutil.which("cc") is None or shutil.which("nm") is None or shutil.which("readelf") is None:
        print(f"icu_data: no cc/nm/readelf, bundling the full {library.name}")
        return None
    try:
        symbol, offset, size = _symbol(library)
        header, items = read_items(library.read_bytes()[offset : offset + size])
    except (ValueError, StopIteration, subprocess.CalledProcessError) as error:
        print(f"icu_data: {library.name} not recognised ({error}), bundling it whole")
        return None
    work.mkdir(parents=True, exist_ok=True)
    (work / "icudata.dat").write_bytes(write_items(header, [(n, d) for n, d in items if wanted(n)]))
    (work / "icudata.S").write_text(
        f'.section .rodata\n.globl {symbol}\n.type {symbol}, "object"\n.balign {ALIGN}\n{symbol}:\n'
        f'.incbin "icudata.dat"\n.size {symbol}, . - {symbol}\n.section .note.GNU-stack,"",%progbits\n'
    )
    target = work / library.name
    build = ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", target.name, "icudata.S"]
    if subprocess.run(build, cwd=work).returncode != 0:
        print(f"icu_data: linking failed, bundling the full {library.name}")
        return None
    return target
