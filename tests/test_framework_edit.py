"""The framework editor's core: a draft of the shipped framework, checked, saved as a versioned user file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.commands import main
from core.kernel.problems import InputError
from core.model import check_draft, draft_from, draft_toml, load_framework, next_user_version, save_draft

DEMO = Path(__file__).resolve().parents[1] / "resources" / "demo" / "demo-provinces.csv"


def _node(draft: dict, code: str) -> dict:
    return next(n for n in draft["node"] if n["code"] == code)


def test_a_draft_of_the_shipped_framework_round_trips_exactly(framework):
    fw, problems = check_draft(draft_from(framework))
    assert problems == [] and fw.nodes == framework.nodes and fw.codes == framework.codes
    assert dict(fw.coupling) == dict(framework.coupling)


def test_check_returns_every_catalogue_problem_without_raising(framework):
    draft = draft_from(framework)
    _node(draft, "1.1.1")["weight"] = -1
    _node(draft, "1.2.1")["name_zh"] = _node(draft, "1.2.2")["name_zh"]
    _node(draft, "2.1.1")["code"] = "2.1.2"
    fw, problems = check_draft(draft, "mine.toml")
    codes = {p.code for p in problems}
    assert fw is None and {"framework.weight_invalid", "framework.name_duplicate", "framework.code_duplicate"} <= codes
    assert all(p.file == "mine.toml" and p.text("en") and "[" not in p.text("zh")[:1] for p in problems)


def test_versions_and_saving_refuse_reusing_an_id_and_version(framework, tmp_path):
    assert next_user_version("2025.1") == "2025.1-u1" and next_user_version("2025.1-u1") == "2025.1-u2"
    draft = draft_from(framework)
    with pytest.raises(InputError) as err:
        save_draft(draft, tmp_path, reserved=((framework.id, framework.version),))
    [p] = err.value.problems
    assert p.code == "framework.version_taken" and "2025.1-u1" in p.message
    draft["framework"]["version"] = "2025.1-u1"
    path = save_draft(draft, tmp_path, reserved=((framework.id, framework.version),))
    assert path.name == "caict-2025-2025.1-u1.toml" and save_draft(draft, tmp_path) == path  # same content: fine
    _node(draft, "1")["name_zh"] = "基础"
    with pytest.raises(InputError):
        save_draft(draft, tmp_path)  # other content under the same version


def test_a_saved_user_framework_with_a_swapped_indicator_and_new_weights_computes(framework, tmp_path, capsys):
    draft = draft_from(framework)
    draft["framework"] |= {"id": "my-2025", "version": "1", "derived_from": "caict-2025 2025.1"}
    leaf = _node(draft, "3.2.2")
    leaf |= {
        "name_zh": "数据中心机架数量",
        "name_en": "Data-centre racks",
        "definition_provincial": "本地区数据中心机架数",
    }
    _node(draft, "1")["weight"], _node(draft, "2")["weight"] = 3.0, 1.0  # 3, 1, ¼, ¼: renormalised on load
    path = save_draft(draft, tmp_path)
    fw = load_framework(path)
    assert fw.id == "my-2025" and fw.nodes["3.2.2"].name_zh == "数据中心机架数量"
    assert sum(fw.nodes[p].weight for p in fw.pillars) == pytest.approx(1.0)
    assert fw.nodes["1"].weight == pytest.approx(3 / 4.5) and fw.nodes["3"].weight == pytest.approx(0.25 / 4.5)
    shutil.copy(DEMO, tmp_path / "d.csv")
    assert main(["compute", str(tmp_path / "d.csv"), "--framework", str(path), "--json", str(tmp_path / "r.json")]) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["framework"] == {"id": "my-2025", "version": "1"}
    assert data["recipe"]["run"]["framework"]["sha256"] and data["recipe"]["weights"]["1"] == pytest.approx(3 / 4.5)
    assert "数据中心机架数量" in draft_toml(draft)


def test_the_recipe_names_the_frameworks_content_by_its_digest(framework, tmp_path):
    from core.index import compute_index
    from core.io import read_long_format

    table, _ = read_long_format(DEMO, framework)
    shipped = compute_index(table, framework).recipe
    copy = tmp_path / "copy.toml"
    copy.write_text("# my comments\n" + draft_toml(draft_from(framework)), encoding="utf-8")
    assert compute_index(table, load_framework(copy)).recipe.framework_digest == shipped.framework_digest
    draft = draft_from(framework)
    _node(draft, "4.3.2")["name_zh"] = "国家级先进制造业集群数量"
    edited = tmp_path / "edited.toml"
    edited.write_text(draft_toml(draft), encoding="utf-8")
    recipe = compute_index(table, load_framework(edited)).recipe
    assert recipe.framework_digest != shipped.framework_digest and len(recipe.framework_digest) == 64
    assert recipe.to_dict()["framework_digest"] == recipe.framework_digest


def test_normalising_a_draft_keeps_invalid_weights_for_the_check_to_name(framework):
    from core.model import normalised_draft, sibling_shares

    draft = draft_from(framework)
    _node(draft, "1")["weight"] = 0.75
    shares = sibling_shares(draft, "total")
    assert shares["1"] == 0.5 and sum(shares.values()) == pytest.approx(1.0)
    assert _node(normalised_draft(draft), "1")["weight"] == 0.5 and _node(draft, "1")["weight"] == 0.75
    _node(draft, "2.1.1")["weight"] = -1
    assert _node(normalised_draft(draft), "2.1.1")["weight"] == -1
    assert {p.code for p in check_draft(normalised_draft(draft))[1]} == {"framework.weight_invalid"}


def test_a_workspace_stores_the_user_framework_it_computes_with(framework, tmp_path):
    from core.store import Workspace

    draft = draft_from(framework)
    draft["framework"]["version"] = "2025.1-u1"
    path = save_draft(draft, tmp_path / "frameworks")
    with Workspace.create(tmp_path / "w.lcws") as ws:
        assert ws.set_framework(path).version == "2025.1-u1"
    path.unlink()  # the workspace keeps the text, not a reference to the file
    with Workspace.open(tmp_path / "w.lcws") as ws:
        assert ws.framework.version == "2025.1-u1" and ws.framework.nodes == framework.nodes
        assert ws.set_framework(None).version == framework.version and ws.framework.version == framework.version
        with pytest.raises(InputError):
            ws.set_framework(tmp_path / "missing.toml")
