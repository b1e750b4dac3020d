"""How offices really save CSV: detect the encoding and the delimiter, never guess silently.

Excel on Chinese Windows saves "CSV（逗号分隔）" in GBK, "CSV UTF-8" with a BOM, and "Unicode
文本" as UTF-16 with a BOM, tab-separated; other regional settings use `;`. The encoding is
detected from the BOM first, then strict UTF-8, then GB18030 (a superset of GBK); the
delimiter by csv.Sniffer on a sample, restricted to `,` `;` and tab. The caller reports what
was detected, so a wrong guess is visible.
"""

from __future__ import annotations

import codecs
import csv
from dataclasses import dataclass

DELIMITERS = ",;\t"
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_SAMPLE_CHARS = 64 * 1024
HEAD_BYTES = 4 * _SAMPLE_CHARS  # at least _SAMPLE_CHARS characters in UTF-8


@dataclass(frozen=True)
class CsvDialect:
    encoding: str  # utf-8, utf-8-sig, utf-16, gb18030
    delimiter: str
    text: str  # the decoded file, BOM removed (detect_head: its beginning)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): BOM first, then strict UTF-8, then GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8", errors="strict"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace"), "gb18030"


def sniff_delimiter(text: str) -> str:
    """The delimiter of a sample: csv.Sniffer among , ; tab; else the most frequent in the first line."""
    sample = text[:_SAMPLE_CHARS]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def detect(data: bytes) -> CsvDialect:
    text, encoding = decode(data)
    return CsvDialect(encoding, sniff_delimiter(text), text)


def detect_head(data: bytes) -> CsvDialect | None:
    """The dialect from the file's first 256 KB when they are UTF-8 (BOM or not), with `text` just that
    beginning: the whole file then needs no decoding here, its reader decodes the rest strictly (and on a
    UnicodeDecodeError the caller falls back to `detect`). None otherwise (UTF-16, GB18030): use `detect`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    bom = data.startswith(codecs.BOM_UTF8)
    start = len(codecs.BOM_UTF8) if bom else 0
    try:  # a character cut at the end of the head is left out
        text = codecs.getincrementaldecoder("utf-8")().decode(data[start:HEAD_BYTES], len(data) <= HEAD_BYTES)
    except UnicodeDecodeError:
        return None
    return CsvDialect("utf-8-sig" if bom else "utf-8", sniff_delimiter(text), text)
