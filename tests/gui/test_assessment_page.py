"""The assessment page on the demo data: regional wording of indicators and the 临界 badge wherever a
verdict is shown (board indicators, quadrant points, the potential's current group)."""

from __future__ import annotations

from test_pages import _page, demo  # noqa: F401  (the demo session fixture and the page helper)

from desktop.pages.assessment_page import AssessmentPage


def _rows(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _show(qtbot, session, region: str) -> AssessmentPage:
    page, _ = _page(qtbot, AssessmentPage, session)
    session.set_region(region)
    page.refresh()
    for i in range(page.tabs.count()):  # hidden tabs are filled when first shown
        page.tabs.setCurrentIndex(i)
    return page


def test_boards_use_the_regions_wording_of_indicators(qtbot, demo):  # noqa: F811
    page = _show(qtbot, demo, "北京市")
    fw, boards = demo.framework, demo.assessment.regions["北京市"].boards
    codes = [s.code for s in (*boards.strengths, *boards.weaknesses)]
    labels = [row[0] for row in _rows(page.boards.strengths) + _rows(page.boards.weaknesses)]
    assert labels == [fw.label(c, "zh", regional=True) for c in codes]
    assert "1.2.2 PCT专利申请量占全国比重" in labels  # a region's share of the nation, not 我国…占全球比重
    assert not any("我国" in label or "国内" in label for label in labels)


def test_boards_mark_borderline_indicators_and_show_their_shares_on_hover(qtbot, demo):  # noqa: F811
    page = _show(qtbot, demo, "北京市")
    boards = demo.assessment.regions["北京市"].boards
    items = [*boards.strengths, *boards.weaknesses]
    table_rows = [(page.boards.strengths, r) for r in range(page.boards.strengths.rowCount())]
    table_rows += [(page.boards.weaknesses, r) for r in range(page.boards.weaknesses.rowCount())]
    assert any(s.borderline for s in items) and not all(s.borderline for s in items)
    for s, (table, r) in zip(items, table_rows, strict=True):
        score = table.item(r, 1)
        assert ("临界" in score.text()) == s.borderline, (s.code, score.text())
        tip = score.toolTip()
        assert f"{s.margin:+.2f}" in tip and "%" in tip and ("低于参照" in tip or "不低于参照" in tip)
        assert "below" not in tip and "above" not in tip  # the sides are worded, not keys


def test_quadrant_points_carry_the_badge_and_the_shares(qtbot, demo):  # noqa: F811
    page = _show(qtbot, demo, "上海市")
    quadrants = {r: ra.quadrants["total"] for r, ra in demo.assessment.regions.items()}
    assert any(q.borderline for q in quadrants.values()) and not all(q.borderline for q in quadrants.values())
    for point in page.scatter.points:
        q = quadrants[point.name]
        assert callable(point.tip)  # no sentence is built for a point nobody points at
        tip = point.tooltip()  # made on hover
        assert ("临界" in tip) == q.borderline, point.name
        assert "%" in tip  # the shares of draws per quadrant


def test_verdicts_are_worded_in_english_with_the_badge(qtbot, demo, monkeypatch):  # noqa: F811
    from desktop.pages import assessment_page

    monkeypatch.setattr(assessment_page, "current_language", lambda: "en")
    page = _show(qtbot, demo, "北京市")
    scores = [row[1] for row in _rows(page.boards.strengths) + _rows(page.boards.weaknesses)]
    assert any(s.endswith("(borderline)") for s in scores)
    assert not any("临界" in s or "（" in s for s in scores)
