"""The framework file: the shipped tree, user copies, and validation messages."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from core.kernel.problems import InputError
from core.kernel.resources import read_resource_text
from core.model.framework import ROOT, load_framework


def test_shipped_tree_is_4_12_27(framework):
    def depth(d):
        return [c for c in framework.codes if framework.nodes[c].depth == d]

    assert framework.pillars == ("1", "2", "3", "4")
    assert len(depth(2)) == 12
    assert len(framework.leaves) == 27
    assert [framework.nodes[c].name_zh for c in framework.pillars] == ["融合基础", "融合关键", "融合途径", "融合效能"]


def test_equal_weights_level_by_level(framework):
    assert framework.nodes["1"].weight == pytest.approx(0.25)
    assert framework.nodes["1.1"].weight == pytest.approx(0.5)
    assert framework.nodes["2.1.1"].weight == pytest.approx(1 / 3)
    assert framework.overall_weight("1.2.1") == pytest.approx(0.25 * 0.5 * 0.5)
    assert math.fsum(framework.overall_weight(c) for c in framework.leaves) == pytest.approx(1.0)


def test_every_indicator_has_metadata(framework):
    for code in framework.leaves:
        node = framework.nodes[code]
        assert node.unit and node.definition_provincial and node.source, code
        assert node.kind in ("ratio", "size", "share_of_nation")
    assert framework.nodes["1.2.2"].kind == "share_of_nation"
    assert framework.nodes["1.2.2"].comparable_national == "nation_is_100"


def _copy_with(tmp_path: Path, old: str, new: str) -> Path:
    text = read_resource_text("frameworks/caict-2025.toml")
    assert old in text
    path = tmp_path / "custom.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_user_copy_swaps_an_indicator(tmp_path):
    path = _copy_with(tmp_path, 'name_zh = "算力规模"', 'name_zh = "本市数据中心机架数"')
    fw = load_framework(path)
    assert fw.nodes["3.2.2"].name_zh == "本市数据中心机架数"


def test_custom_weights_are_normalised_with_a_note(tmp_path):
    path = _copy_with(tmp_path, 'code = "1.1"\nparent = "1"', 'code = "1.1"\nweight = 3\nparent = "1"')
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'code = "1.2"\nparent = "1"', 'code = "1.2"\nweight = 1\nparent = "1"', 1
        ),
        encoding="utf-8",
    )
    fw = load_framework(path)
    assert fw.nodes["1.1"].weight == pytest.approx(0.75)
    assert any("归一化" in n.text() and n.code == "framework.weights_normalised" for n in fw.notes)


@pytest.mark.parametrize(
    "old,new,expected",
    [
        ('code = "1.1.2"', 'code = "1.1.1"', "重复"),
        ('code = "1.1.1"\nparent = "1.1"', 'code = "1.1.1"\nweight = -1\nparent = "1.1"', "不小于 0"),
        ('code = "4.3.2"\nparent = "4.3"', 'code = "4.3.2"\nparent = "9.9"', "上级 9.9 不存在"),
        ('code = "4.3.2"\nparent = "4.3"', 'code = "4.3.2"\nparent = "4"', "同一层级"),
        ('kind = "ratio"', 'kind = "percent"', "kind"),
        ('direction = "positive"', 'direction = "up"', "direction"),
    ],
)
def test_invalid_framework_names_the_code(tmp_path, old, new, expected):
    path = _copy_with(tmp_path, old, new)
    with pytest.raises(InputError) as err:
        load_framework(path)
    assert any(expected in p.message for p in err.value.problems), [p.message for p in err.value.problems]


def test_leaf_directly_under_root_is_rejected():
    from core.model.framework import parse_framework

    data = {
        "framework": {"id": "x", "version": "1", "name_zh": "测试"},
        "node": [{"code": "A", "name_zh": "甲", "unit": "%"}],
    }
    with pytest.raises(InputError) as err:
        parse_framework(data)
    assert any("二级指标之下" in p.message for p in err.value.problems)


def test_missing_file_and_syntax_error(tmp_path):
    with pytest.raises(InputError, match="找不到"):
        load_framework(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[framework\nid=", encoding="utf-8")
    with pytest.raises(InputError, match="格式错误"):
        load_framework(bad)


def test_with_weights_renormalises_siblings(framework):
    fw = framework.with_weights({"1": 0.4})
    assert fw.nodes["1"].weight == pytest.approx(0.4 / 1.15)
    assert sum(fw.nodes[c].weight for c in fw.pillars) == pytest.approx(1.0)
    assert fw.nodes[ROOT].weight == 1.0


def test_regions_see_the_provincial_wording(framework, tmp_path):
    assert framework.label("1.2.2") == "1.2.2 我国PCT专利申请量占全球比重"  # the nation's indicator (表1)
    assert framework.label("1.2.2", regional=True) == "1.2.2 PCT专利申请量占全国比重"  # what a province fills
    assert framework.label("1.2", regional=True) == framework.label("1.2")  # only indicators differ
    path = _copy_with(tmp_path, 'name_zh = "算力规模"', 'name_zh = "算力规模"\nregion_name_zh = "本市算力"')
    assert load_framework(path).nodes["3.2.2"].name("zh", regional=True) == "本市算力"


def test_one_renormalisation_for_scalars_and_arrays():
    import numpy as np

    from core.model.framework import renormalise

    assert renormalise([3, 1]) == [0.75, 0.25]
    assert renormalise([0.0, 0.0]) == [0.0, 0.0]  # nothing left: every share 0, never a division by 0
    columns = [np.array([3.0, 0.0, 0.2]), np.array([1.0, 0.0, 0.7])]  # two siblings over three variants
    shares = renormalise(columns)
    for v in range(3):
        assert [float(s[v]) for s in shares] == renormalise([float(c[v]) for c in columns])


def test_child_shares_renormalise_over_living_children_like_with_weights(framework):
    alive = {k: k != "1" for k in framework.pillars}
    shares = framework.child_shares(ROOT, alive)
    assert "1" not in shares and sum(shares.values()) == pytest.approx(1.0)
    reweighted = framework.with_weights({"1": 0.0})
    assert shares == {k: reweighted.nodes[k].weight for k in shares}


def test_data_file_problems_have_fixed_codes_and_english(tmp_path):
    with pytest.raises(InputError) as err:
        load_framework(tmp_path / "nope.toml")
    [p] = err.value.problems
    assert p.code == "data_file.missing" and p.text("en") == "The framework file was not found; check the path."
    bad = tmp_path / "bad.toml"
    bad.write_text("[framework\nid=", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_framework(bad)
    assert [p.code for p in err.value.problems] == ["data_file.syntax"]
