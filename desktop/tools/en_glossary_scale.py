"""English for the UI strings of the shared table, the region picker and scale work (one glossary per area)."""

EN = {
    "筛选（输入任意文字）…": "Filter (type any text)…",
    "复制（含表头）": "Copy (with headers)",
    "复制整张表": "Copy whole table",
    "导出为 Excel（.xlsx）…": "Export to Excel (.xlsx)…",
    "筛选": "Filter",
    "导出表格": "Export table",
    "输入地区名称搜索": "Type to search regions",
    "逐一剔除：{region} {year} 年总指数 {nominal}（全国不参与排名）。": (
        "Drop one: total index of {region} in {year} is {nominal} (the nation is not ranked)."
    ),
}
