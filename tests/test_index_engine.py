"""The engine against the report's own figures and every open case of spec 01 §1.3."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from core.index.benchmarks import compare_with_published, compute_national_index
from core.index.engine import IndexOptions, aggregation_matrix, compute_index, symmetric_growth
from core.kernel import CellStatus
from core.kernel.problems import InputError
from core.model.observations import NATION, Observation, ObservationTable


def _table(series: dict[str, dict[int, float]], framework, region="甲省", fill=100.0) -> ObservationTable:
    """All 27 indicators constant at `fill`, except the series given."""
    years = sorted({y for s in series.values() for y in s}) or list(range(2019, 2025))
    rows = []
    for code in framework.leaves:
        for year, value in series.get(code, dict.fromkeys(range(years[0], years[-1] + 1), fill)).items():
            rows.append(Observation(region, code, year, value))
    return ObservationTable(rows)


# ---------------------------------------------------------------- the report's figures


def test_single_indicator_identity_patents(framework):
    """国内有效发明专利 192.6 → 475.6 万件 gives 246.9 (report 一（二）)."""
    result, _ = compute_national_index(framework)
    assert result.value(NATION, "1.2.1", 2024) == pytest.approx(246.9, abs=0.05)


@pytest.mark.parametrize(
    "node,year,published",
    [
        ("2.1", 2023, 133.6),
        ("2.2", 2023, 121.7),
        ("4.1", 2023, 111.1),
        ("4.2", 2024, 108.8),
        ("3.4", 2023, 177.0),
        ("4.3", 2024, 157.1),
    ],
)
def test_sub_indices_from_the_reports_raw_figures(framework, node, year, published):
    """End points from the report, years between filled geometrically (flagged 插值)."""
    result, complete = compute_national_index(framework)
    assert node in complete
    assert result.value(NATION, node, year) == pytest.approx(published, abs=0.5)


def test_published_figures_are_kept_beside_computed(framework):
    rows = compare_with_published(framework)
    total = [r for r in rows if r.node == "total" and r.year == 2023][0]
    assert total.published == 138.2 and total.computed is None and not total.complete
    patents = [r for r in rows if r.node == "1.2.1"][0]
    assert patents.difference == pytest.approx(0.0, abs=0.05)


def test_national_years_between_endpoints_are_interpolated_and_2024_estimated(framework):
    result, _ = compute_national_index(framework)
    assert result.flag(NATION, "2.2.1", 2021) is CellStatus.INTERPOLATED
    assert result.flag(NATION, "2.2.1", 2024) is CellStatus.ESTIMATE  # the report's 上一年度数值预估
    assert result.flag(NATION, "2.2", 2024) is CellStatus.ESTIMATE
    assert result.flag(NATION, "1.2.1", 2024) is None


# ---------------------------------------------------------------- method


def test_symmetric_growth_formula():
    v = symmetric_growth(np.array([192.6, 0.0, 0.0, 10.0]), np.array([475.6, 0.0, 5.0, 0.0]))
    assert v[0] == pytest.approx((475.6 - 192.6) / ((475.6 + 192.6) / 2) * 100)
    assert v[1] == 0.0 and v[2] == 200.0 and v[3] == -200.0


def test_parent_growth_is_weighted_sum_of_children(framework):
    table = _table({"1.1.1": {2019: 100, 2020: 120}, "1.1.2": {2019: 50, 2020: 50}}, framework)
    result = compute_index(table, framework)
    g = result.growth_series("甲省", "1.1")[2020]
    v1 = 200 * 20 / 220
    assert g == pytest.approx(0.5 * v1 + 0.5 * 0.0)
    assert result.value("甲省", "1.1", 2020) == pytest.approx(100 * (200 + g) / (200 - g))
    assert result.growth_series("甲省", "total")[2020] == pytest.approx(g / 2 / 4)


def test_aggregation_matrix_rows_sum_to_one(framework):
    A = aggregation_matrix(framework)
    assert np.allclose(A.sum(axis=1), 1.0)


# ---------------------------------------------------------------- open cases (spec 01 §1.3)


def test_trailing_gap_carried_forward_and_flagged_estimate(framework):
    table = ObservationTable(
        [o for o in _table({"1.1.1": dict.fromkeys(range(2019, 2023), 100.0)}, framework) if o.indicator != "2.1.1"]
    )
    table.extend(Observation("甲省", "2.1.1", y, v) for y, v in {2019: 100.0, 2020: 110.0, 2021: 121.0}.items())
    result = compute_index(table, framework)
    assert result.leaf_status("甲省", "2.1.1", 2022) is CellStatus.ESTIMATE
    assert result.value("甲省", "2.1.1", 2022) == pytest.approx(121.0)
    assert result.flag("甲省", "2.1.1", 2022) is CellStatus.ESTIMATE
    assert result.flag("甲省", "total", 2022) is CellStatus.ESTIMATE
    assert result.flag("甲省", "3", 2022) is None


def test_interior_gap_interpolated_geometrically(framework):
    table = _table({"2.1.1": {2019: 100.0, 2022: 800.0}, "1.1.1": dict.fromkeys(range(2019, 2023), 1.0)}, framework)
    result = compute_index(table, framework)
    r = result.region_index("甲省")
    i = framework.leaves.index("2.1.1")
    assert result.values[r, i, 1] == pytest.approx(200.0)
    assert result.values[r, i, 2] == pytest.approx(400.0)
    assert result.flag("甲省", "2.1.1", 2020) is CellStatus.INTERPOLATED
    assert result.value("甲省", "2.1.1", 2022) == pytest.approx(800.0)


def test_carry_forward_policy_switch(framework):
    table = _table({"2.1.1": {2019: 100.0, 2022: 800.0}, "1.1.1": dict.fromkeys(range(2019, 2023), 1.0)}, framework)
    result = compute_index(table, framework, IndexOptions(gap_policy="carry_forward"))
    i = framework.leaves.index("2.1.1")
    assert list(result.values[0, i]) == [100.0, 100.0, 100.0, 800.0]
    assert result.flag("甲省", "2.1.1", 2021) is CellStatus.ESTIMATE


def test_missing_base_year_is_an_error_naming_indicator_and_year(framework):
    table = _table({"3.2.2": {2020: 5.0, 2021: 6.0}, "1.1.1": dict.fromkeys(range(2019, 2022), 1.0)}, framework)
    with pytest.raises(InputError) as err:
        compute_index(table, framework)
    [p] = err.value.problems
    assert p.indicator == "3.2.2" and p.year == 2019 and "基期" in p.message


def test_user_chosen_later_base_year(framework):
    table = _table({"3.2.2": {2020: 5.0, 2021: 6.0}, "1.1.1": dict.fromkeys(range(2019, 2022), 1.0)}, framework)
    result = compute_index(table, framework, IndexOptions(base_year=2020))
    assert result.base_year == 2020
    assert result.value("甲省", "3.2.2", 2021) == pytest.approx(120.0)


def test_indicator_without_data_is_an_error_unless_excluded(framework, constant_table):
    table = ObservationTable([o for o in constant_table(framework) if o.indicator != "3.2.2"])
    with pytest.raises(InputError) as err:
        compute_index(table, framework)
    assert err.value.problems[0].indicator == "3.2.2" and "排除" in err.value.problems[0].message
    result = compute_index(table, framework, IndexOptions(exclusions={"甲省": frozenset({"3.2.2"})}))
    assert result.series("甲省", "3.2.2")[2020] is None
    assert result.value("甲省", "3.2", 2024) == pytest.approx(100 * 1.05**5)
    assert result.recipe.exclusions == {"甲省": ("3.2.2",)}
    [note] = result.recipe.notes
    assert note.code == "index.note.excluded" and note.args["codes"] == ["3.2.2"] and "3.2.2" in note.text("en")
    # the transitional mapping view: notes as Chinese text, the rest as in the JSON
    assert result.recipe.to_dict()["exclusions"] == {"甲省": ["3.2.2"]}


def test_exclusion_renormalises_siblings(framework):
    table = _table({"3.2.1": {2019: 100, 2020: 150}, "3.2.2": {2019: 100, 2020: 100}}, framework)
    result = compute_index(table, framework, IndexOptions(exclusions={"甲省": frozenset({"3.2.2"})}))
    assert result.value("甲省", "3.2", 2020) == pytest.approx(150.0)


def test_zero_then_positive_leaf_undefined_parent_finite(framework):
    table = _table(
        {"3.1.1": {2019: 0.0, 2020: 3.0, 2021: 4.0}, "3.1.2": {2019: 10.0, 2020: 10.0, 2021: 10.0}}, framework
    )
    result = compute_index(table, framework)
    assert result.series("甲省", "3.1.1")[2020] is None
    assert result.flag("甲省", "3.1.1", 2020) is CellStatus.UNDEFINED
    assert result.growth_series("甲省", "3.1")[2020] == pytest.approx(100.0)
    assert result.value("甲省", "3.1", 2020) == pytest.approx(300.0)
    assert math.isfinite(result.value("甲省", "total", 2021))
    flags = result.to_json()["regions"]["甲省"]["flags"]["3.1.1"]
    assert flags["2020"].startswith("undefined")


def test_both_zero_is_no_growth(framework):
    table = _table({"3.1.1": {2019: 0.0, 2020: 0.0}}, framework)
    result = compute_index(table, framework)
    assert result.growth_series("甲省", "3.1.1")[2020] == 0.0
    assert result.value("甲省", "total", 2020) == pytest.approx(100.0)


def test_negative_direction_indicator(framework, tmp_path):
    from core.kernel.resources import read_resource_text
    from core.model.framework import load_framework

    text = read_resource_text("frameworks/caict-2025.toml").replace(
        'direction = "positive"', 'direction = "negative"', 1
    )
    path = tmp_path / "neg.toml"
    path.write_text(text, encoding="utf-8")
    fw = load_framework(path)
    assert fw.nodes["1.1.1"].direction == -1
    table = _table({"1.1.1": {2019: 100, 2020: 125}}, fw)
    result = compute_index(table, fw)
    assert result.value("甲省", "1.1.1", 2020) == pytest.approx(80.0)
    assert result.growth_series("甲省", "1.1")[2020] < 0


def test_custom_weights(framework):
    table = _table({"1.1.1": {2019: 100, 2020: 200}, "1.1.2": {2019: 100, 2020: 100}}, framework)
    result = compute_index(table, framework, IndexOptions(weights={"1.1.1": 1.0, "1.1.2": 0.0}))
    assert result.value("甲省", "1.1", 2020) == pytest.approx(200.0)
    assert result.recipe.weights["1.1.1"] == 1.0


def test_json_shape_and_determinism(framework, constant_table):
    table = constant_table(framework, regions=("甲省", "乙省"))
    a = compute_index(table, framework).to_json()
    b = compute_index(ObservationTable(list(reversed(table.rows))), framework).to_json()
    assert a["base_year"] == 2019 and a["framework"]["id"] == "caict-2025"
    region = a["regions"]["甲省"]
    assert set(region) == {"index", "growth", "flags"}
    assert region["index"]["total"]["2019"] == 100.0
    assert set(region["index"]) == set(framework.codes)
    assert "2019" not in region["growth"]["1.1.1"]
    assert json.dumps(a["regions"]["甲省"], sort_keys=True) == json.dumps(b["regions"]["甲省"], sort_keys=True)
    assert json.dumps(a, ensure_ascii=False) == json.dumps(
        compute_index(table, framework).to_json(), ensure_ascii=False
    )


# ---------------------------------------------------------------- issue 16: honest estimates


def _trailing(framework, last: int, end: int = 2024) -> ObservationTable:
    """Every indicator reported 2019–`end`, except 2.1.1 reported only up to `last`."""
    rows = [o for o in _table({}, framework) if o.indicator != "2.1.1" and o.year <= end]
    rows += [Observation("甲省", "2.1.1", y, 100.0 + y - 2019) for y in range(2019, last + 1)]
    return ObservationTable(rows)


def test_carried_years_recorded_per_cell_and_in_the_json_flag(framework):
    result = compute_index(_trailing(framework, 2022), framework)
    assert result.years_carried("甲省", "2.1.1", 2023) == 1
    assert result.years_carried("甲省", "2.1.1", 2024) == 2
    assert result.years_carried("甲省", "total", 2024) == 2 and result.years_carried("甲省", "3", 2024) == 0
    flags = result.to_json()["regions"]["甲省"]["flags"]
    assert flags["2.1.1"] == {"2023": "estimate", "2024": "estimate: carried 2 years"}
    assert flags["2"]["2024"] == "estimate: carried 2 years"
    cells = {(c["indicator"], c["year"]): c for c in result.recipe.to_dict()["filled_cells"]}
    assert cells[("2.1.1", 2024)]["years_carried"] == 2 and cells[("2.1.1", 2023)]["years_carried"] == 1


def test_carry_limit_refuses_longer_carries_naming_region_indicator_and_years(framework):
    table = _trailing(framework, 2021)
    with pytest.raises(InputError) as err:
        compute_index(table, framework)
    [p] = err.value.problems
    assert p.code == "carry_too_long" and p.region == "甲省" and p.indicator == "2.1.1" and p.year == 2024
    assert "2021" in p.message and "3 年" in p.message and "--carry-limit" in p.message
    assert compute_index(table, framework, IndexOptions(carry_limit=3)).years_carried("甲省", "2.1.1", 2024) == 3
    with pytest.raises(InputError):
        compute_index(_trailing(framework, 2023), framework, IndexOptions(carry_limit=0))


def test_a_region_starting_later_is_rebased_to_the_common_base_year_with_a_note(framework):
    early = _table({}, framework, region="甲省")
    late = [o for o in _table({}, framework, region="乙省", fill=50.0) if o.year >= 2021]
    result = compute_index(ObservationTable(list(early) + late), framework)
    assert result.base_year == 2021 and result.regions == ("乙省", "甲省")
    [note] = [n for n in result.recipe.notes if n.code == "index.note.rebased"]
    assert note.args["regions"] == ["乙省"] and note.args["base"] == 2021 and note.args["earliest"] == 2019
    assert result.value("乙省", "total", 2021) == 100.0
    with pytest.raises(InputError) as err:  # a base year chosen by the user is kept: the late region is an error
        compute_index(ObservationTable(list(early) + late), framework, IndexOptions(base_year=2019))
    assert {p.code for p in err.value.problems} == {"base_year_missing"}


def test_unknown_region_or_code_in_an_exclusion_is_an_error_listing_the_valid_ones(framework, constant_table):
    table = constant_table(framework, regions=("甲省", "乙省"))
    with pytest.raises(InputError) as err:
        compute_index(table, framework, IndexOptions(exclusions={"丙省": frozenset({"1.1.1"})}))
    [p] = err.value.problems
    assert p.code == "exclusion_region_unknown" and "丙省" in p.message and "乙省、甲省" in p.message
    with pytest.raises(InputError) as err:
        compute_index(table, framework, IndexOptions(exclusions={"甲省": frozenset({"9.9.9"})}))
    [p] = err.value.problems
    assert p.code == "exclusion_unknown" and p.indicator == "9.9.9" and "4.3.2" in p.message


def test_a_node_with_every_indicator_excluded_is_undefined_and_its_siblings_renormalised(framework):
    growth = {
        c: {y: 100.0 * (1.1 if c.startswith("1.1") else 1.0) ** (y - 2019) for y in range(2019, 2025)}
        for c in framework.leaves
    }
    table = _table(growth, framework)
    result = compute_index(table, framework, IndexOptions(exclusions={"甲省": frozenset({"1.1.1", "1.1.2"})}))
    assert result.value("甲省", "1.1", 2024) is None  # today's 100.0 would be a number nobody measured
    assert result.flag("甲省", "1.1", 2024) is CellStatus.EXCLUDED
    flags = result.to_json()["regions"]["甲省"]["flags"]
    assert (
        flags["1.1"]["2024"].startswith("undefined: every indicator") and flags["1.1.1"]["2019"] == flags["1.1"]["2019"]
    )
    assert result.value("甲省", "1", 2024) == pytest.approx(100.0)  # 1.2 alone (flat) carries pillar 1
    assert result.value("甲省", "1.2", 2024) == pytest.approx(100.0)


def test_benchmark_node_on_interpolated_inputs_is_partial_with_the_reason(framework):
    rows = {(r.node, r.year): r for r in compare_with_published(framework)}
    r33 = rows[("3.3", 2023)]
    assert r33.computed == pytest.approx(141.3, abs=0.05) and r33.published == 156.1
    assert not r33.complete and r33.status == "partial"
    assert r33.reason.code == "index.benchmark.filled_inputs" and r33.reason.args["codes"] == ["3.3.1", "3.3.2"]
    assert (
        rows[("total", 2023)].status == "missing" and rows[("total", 2023)].reason.code == "index.benchmark.no_raw_data"
    )
