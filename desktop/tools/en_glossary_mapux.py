"""English for the tile map, help, tour and layout strings (issue 19, helper mapux)."""

EN = {
    # tile map
    "全国格局": "National landscape",
    "全国格局（方块地图）": "National landscape (tile map)",
    "{y} 年全国格局：{m} · {n}": "National landscape, {y}: {m} · {n}",
    "着色": "Colour by",
    "每个省级行政区为一个等大方块，按大致地理位置排列（不表示行政区域界线）。点击方块选择地区。": (
        "Each provincial-level region is one equal tile at its approximate geographic place "
        "(no administrative boundaries). Click a tile to select the region."
    ),
    # chart export
    "导出 PNG（用于报告：A4 版心宽，300 dpi）…": "Export PNG for report (A4 text width, 300 dpi)…",
    # help
    "帮助": "Help",
    "本页帮助": "Help for this page",
    "方法术语表": "Method glossary",
    "指标说明": "Indicators",
    "公式": "Formula",
    "阈值": "Thresholds",
    "来源": "Source",
    "定义：{d}": "Definition: {d}",
    "全国口径：{d}": "National definition: {d}",
    "单位：{u}": "Unit: {u}",
    "来源：{s}": "Source: {s}",
    "包含：{c}": "Contains: {c}",
    "、": ", ",
    "；": "; ",
    "分界：融合水平 {l}，融合势能 {m}": "Splits: fusion level {l}, momentum {m}",
    "离散度 < {s} 为{name}": "Spread < {s}: {name}",
    "α = {a}，β = {b}；类型阈值 |U1 − U2| > {t}": "α = {a}, β = {b}; type threshold |U1 − U2| > {t}",
    "外推至 {y} 年；高潜力：M ≥ {hi} 或外推后分组升高；低潜力：M < {lo} 且外推后分组降低": (
        "Projected to {y}; high potential: M ≥ {hi} or a higher group after projection; "
        "low potential: M < {lo} and a lower group after projection"
    ),
    "区位熵分界 {lq}，潜力分界 {p}；评分 {a}–{b} 分": (
        "Location quotient split {lq}, potential split {p}; scores {a}–{b}"
    ),
    "短板：一级指标水平 < {w}；毗邻系数 {f}；每个短板列出 {n} 个伙伴": (
        "Weak pillar: level < {w}; adjacency factor {f}; {n} partners per weak pillar"
    ),
    "余弦相似度 > {c}": "Cosine similarity > {c}",
    "本结论所占比例 < {s} 为临界；权重扰动 ±{w}%；预估值 ±{e}%，插值 ±{i}%": (
        "Borderline when the verdict's share < {s}; weights perturbed ±{w}%; estimates ±{e}%, interpolated ±{i}%"
    ),
    # tour
    "入门导览": "Getting started",
    "入门导览…": "Getting started…",
    "启动时显示入门导览": "Show the getting-started tour at start-up",
    "不再显示": "Don't show again",
    "跳过": "Skip",
    "上一步": "Back",
    "下一步": "Next",
    "完成": "Done",
    "第一步：导入数据": "Step 1: import data",
    "第二步：校验数据": "Step 2: check the data",
    "第三步：查看指数": "Step 3: the index",
    "第四步：潜力与定位": "Step 4: potential and role",
    "第五步：导出报告": "Step 5: export the report",
    "下载空白模板并填写，或把填好的工作簿拖到“数据导入”页。没有数据时可先打开演示工作区。": (
        "Download a blank template and fill it in, or drop a filled workbook on the Import page. "
        "Without data, open the demo workspace first."
    ),
    "“数据校验”页列出每个数值的状态、来源和导入发现的问题，并说明如何修改。": (
        "The Check page lists every value's status and source and the problems found on import, with how to fix them."
    ),
    "“指数测算”页给出总指数和四个一级指标的走势；悬停指标可看定义、单位和来源。": (
        "The Index page shows the total and the four pillars over the years; hover an indicator "
        "for its definition, unit and source."
    ),
    "“潜力与定位”页给出每个结论及其理由；“全国格局”方块地图显示本地区在全国的位置。": (
        "The Potential & role page gives every verdict with its reasons; the National landscape "
        "tile map shows where the region stands in the country."
    ),
    "“报告导出”页导出 Word、PDF、Excel 报告和图表。任何页面按 F1 可查看帮助和方法术语表。": (
        "The Export page writes Word, PDF and Excel reports and charts. Press F1 on any page for "
        "help and the method glossary."
    ),
}
