"""English of the UI strings added by the layout-and-polish pass (helper polish2)."""

EN = {
    "权重 ±20%": "Weights ±20%",
    "排名稳定性": "Rank stability",
    "Sobol 指数": "Sobol indices",
    "逐一剔除": "Drop one",
    "查找地区…": "Find a region…",
    "另有 {n} 个地区：输入名称查找": "{n} more regions: type a name to find them",
}
