"""English of the UI strings added by the layout-and-polish pass (helper polish2)."""

EN = {
    "权重 ±20%": "Weights ±20%",
    "排名稳定性": "Rank stability",
    "Sobol 指数": "Sobol indices",
    "逐一剔除": "Drop one",
}
