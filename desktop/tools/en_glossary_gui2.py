"""English for the source strings added by the start-up and scale work (see en_glossary.py)."""

EN = {
    "正在加载…": "Loading…",
}
