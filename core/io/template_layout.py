"""The fill-in template's layout, shared by the writer and the reader.

Sheet names, header texts, defined names and the hidden marker: the writer lays the workbook
out with these, and the reader finds sheets, columns and input cells by them (not by fixed
addresses), so moved columns or inserted rows still read correctly.
"""

from __future__ import annotations

KINDS: tuple[str, ...] = ("region", "multi", "national")

MARKER = "caict-fusion-template"
MARKER_VERSION = "1"
SHEET_GUIDE = "填报说明"
SHEET_DATA = "指标数据"
SHEET_BASIS = "基础数据"
SHEET_INDUSTRY = "主导产业"
SHEET_META = "_meta"
SHEET_LISTS = "_lists"

# Header texts: the importer finds columns by these, so moved columns still read correctly.
H_REGION = "地区"
H_CODE = "代码"
H_PILLAR = "一级指标"
H_SUB = "二级指标"
H_NAME = "三级指标"
H_DEF = "填报口径（本地区统计口径）"
H_UNIT = "单位"
H_SOURCE = "建议数据来源"
H_NOTE = "备注"
H_ITEM = "项目"
DATA_HEADER_ROW = 5  # 指标数据: title, subtitle, 填报信息, blank, header
LOCAL_REGION = "本地区"  # 基础数据 rows of the region template; the importer maps it to the 填报地区

INDUSTRY_CRITERIA = ("技术可扩散性", "应用场景适配性", "产业链嵌入深度", "与国家战略产业契合度")
H_INDUSTRY = "产业名称"
H_STRATEGIC = "是否国家战略性新兴产业或未来产业"
H_LQ = "区位熵"
H_EXPERT = "评分专家"
INDUSTRY_ROWS = 30

# Defined names for the single-value input cells (they follow inserted rows).
NAME_REGION = "填报地区"
NAME_FILLED_BY = "填报人"
NAME_PHONE = "联系电话"
NAME_DATE = "填报日期"
LABEL_REGION = "填报地区"  # the label left of the region input cell (fallback when the name is lost)
INFO_LABELS = frozenset({"填报地区", "填报人", "联系电话", "填报日期"})  # labels of the 填报信息 row, never values

DEFAULT_YEARS = tuple(range(2019, 2025))
MAX_TEMPLATE_REGIONS = 400
