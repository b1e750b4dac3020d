"""English of the 规划推演 page's strings added for issue 17 (the page fills in after its frame)."""

EN = {
    "推演未完成。": "The projection did not finish.",
}
