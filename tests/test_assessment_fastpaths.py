"""The assessment's fast paths give what their plain definitions give (issue 17).

- `stabilities` counts the labels of every verdict at once: each column equals a plain count.
- `evolve` copies a result object like `dataclasses.replace`, and refuses a field the class has not.
- The JSON renders each message once (`_texts_kept`): texts and `_message` entries equal `Message.text()`
  and `Message.to_dict()`, for nested messages, lists of them and shared ones.
- A result serialised with the memo equals the same result's JSON written field by field without it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import numpy as np
import pytest

from core.assessment.config import term
from core.assessment.model import GroupVerdict, evolve
from core.assessment.robustness import stabilities, stability_of
from core.assessment.serialise import _text, _texts_kept, message_json, to_json
from core.kernel.messages import msg


def _plain_stability(column: list[int], names: list[str]) -> dict[str, float]:
    counts = Counter(column)
    order = sorted(counts, key=lambda i: (-counts[i], i))  # largest share first, ties in label order
    return {names[i]: counts[i] / len(column) for i in order}


@pytest.mark.parametrize("seed", range(5))
def test_stabilities_count_each_column(seed):
    rng = np.random.default_rng(seed)
    names = ["甲", "乙", "丙", "丁"]
    labels = rng.integers(0, len(names), size=(200, 6))
    labels[:, 2] = 1  # one label only
    labels[:, 3] = np.where(np.arange(200) < 100, 0, 3)  # a tie: the first label first
    got = stabilities(labels, names)
    assert len(got) == labels.shape[1]
    for k, stab in enumerate(got):
        want = _plain_stability(labels[:, k].tolist(), names)
        assert stab == want and list(stab) == list(want)
        assert stability_of(labels[:, k], names) == want


def test_evolve_is_replace():
    g = GroupVerdict("total", msg("assess.total"), 101.5, "追赶型", 100.0, 125.0, msg("assess.total"), 1.5)
    new = evolve(g, stability={"追赶型": 0.9}, borderline=True)
    assert new == replace(g, stability={"追赶型": 0.9}, borderline=True)
    assert g.stability == {} and g.borderline is False  # the original is unchanged
    with pytest.raises(TypeError):
        evolve(g, nonsense=1)


def _messages():
    shared = term("领先型", "Leading")
    nested = msg("assess.level.status_note", who="江苏省", year=2024, status=msg("status.estimate"), codes=["1.1.1"])
    items = [msg("assess.boards.item", indicator=shared, score="101.5"), msg("assess.boards.item", indicator=shared,
                                                                             score="99.0")]  # fmt: skip
    listed = msg("assess.boards.strengths", items=items, reference=msg("assess.nation"))
    return [shared, nested, listed, msg("assess.total"), msg("assess.group.none", label=shared)]


def test_message_memo_renders_what_the_kernel_renders():
    messages = _messages()
    with _texts_kept():
        texts = [_text(m) for m in messages]
        dicts = [message_json(m) for m in messages]
        again = [_text(m) for m in messages]  # from the memo
    assert texts == [m.text() for m in messages] == again
    assert dicts == [m.to_dict() for m in messages]
    assert [_text(m) for m in messages] == texts  # without a memo: rendered directly


def test_result_json_same_with_and_without_memo():
    g = GroupVerdict("total", term("总指数", "Total"), 99.96, "追赶型", 80.0, 100.0,
                     msg("assess.group.reason", label=term("总指数", "Total"), level="99.96", range="",
                         group=term("追赶型", "Catching up"), reference="江苏省"), -0.04)  # fmt: skip
    plain = to_json(g)
    with _texts_kept():
        kept = to_json(g)
    assert plain == kept
    assert plain["reason"] == g.reason.text() and plain["reason_message"] == g.reason.to_dict()
    assert plain["margin"] == -0.04 and plain["level"] == 99.96
