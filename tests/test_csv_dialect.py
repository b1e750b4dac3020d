"""CSV as offices save it: UTF-8 with or without BOM, GBK, UTF-16 tab-separated, ; and tab."""

from __future__ import annotations

import codecs

import pytest

from core.io.csv_dialect import detect

ROWS = [["地区", "指标", "年份", "数值"], ["江苏省", "2.1.1", "2019年", "12.5"], ["安徽省", "2.1.1", "2020", "7"]]


def _csv(delimiter: str) -> str:
    return "\r\n".join(delimiter.join(r) for r in ROWS) + "\r\n"


@pytest.mark.parametrize(
    ("encode", "encoding"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16"),
    ],
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_encoding_and_delimiter_are_detected(encode, encoding, delimiter):
    d = detect(encode(_csv(delimiter)))
    assert (d.encoding, d.delimiter) == (encoding, delimiter)
    assert d.text.splitlines()[1].split(delimiter) == ROWS[1]
    assert not d.text.startswith("\ufeff")


def test_single_column_falls_back_to_comma():
    assert detect("地区\n江苏省\n".encode()).delimiter == ","
