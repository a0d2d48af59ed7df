"""Dataset generator, judges, online statistics, features and the routing CLI."""

from __future__ import annotations

import contextlib
import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.calibrate.dataset import by_category, generate, read_dataset, write_dataset
from edgekit.calibrate.judges import contains_match, exact_match, numeric_match, resolve_judge
from edgekit.calibrate.records import write_results
from edgekit.cli import main as cli_main
from edgekit.errors import CalibrationError, RoutingError
from edgekit.routing.decision import RouteDecision
from edgekit.routing.features import PROMPT_FEATURES, SIGNAL_FEATURES, prompt_features
from edgekit.routing.online import OnlineStats

from .conftest import synthetic_results


def test_generator_is_deterministic_and_balanced(tmp_path: Path) -> None:
    a, b, c = generate(200, 3), generate(200, 3), generate(200, 4)
    assert a == b
    assert a != c
    assert by_category(a) == {"arithmetic": 60, "units": 30, "capitals": 70, "reading": 40}
    assert len({item.id for item in a}) == 200
    for item in a:
        judge = resolve_judge(item.judge)
        assert judge(item.reference, item.reference)  # the reference passes its own judge
    path = tmp_path / "d.jsonl"
    write_dataset(path, a)
    assert read_dataset(path) == a


def test_dataset_rejects_garbage(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    for text in (
        '{"id": "1"}\n',
        "nope\n",
        '{"id": "1", "prompt": "p", "reference": "r", "judge": "bogus"}\n',
        '{"id":"1","prompt":"p","reference":"r"}\n' * 2,
    ):
        path.write_text(text)
        with pytest.raises(CalibrationError):
            read_dataset(path)


def test_judges() -> None:
    assert numeric_match("7 + 7 = 14.", "14")
    assert numeric_match("The answer is 1,227", "1227")
    assert not numeric_match("To add 738 and 489", "1227")
    assert not numeric_match("no number", "3")
    # chat-style working, cut off at max_tokens: the stated result counts, not the last number
    cut = "Multiply by 1000.\n\n8 * 1000 = 8000 grams.\n\nSo, 8 kg is equal to"
    assert numeric_match(cut, "8000")
    assert not numeric_match("2 + 5 = 8\n\nIn Python the result of 2 + 5 is 8.", "7")
    assert numeric_match("3 * 60 = 180 seconds. So, 3 minutes is equal to 180 seconds.", "180")
    assert not numeric_match("1000 grams = 500 grams (a common conversion)", "1000")
    assert contains_match("The capital of Ukraine is Kyiv.", "Kyiv|Kiev")
    assert contains_match("It is Bogotá", "Bogota|Bogotá")
    assert not contains_match("Parisian cafés", "Paris")
    assert exact_match("  PARIS! ", "Paris")
    assert resolve_judge("edgekit.calibrate.judges:exact_match") is exact_match
    for bad in ("nope", "os:nothing_here", "edgekit.calibrate.judges:normalize_x"):
        with pytest.raises(CalibrationError):
            resolve_judge(bad)


@given(st.text(max_size=300))
@settings(max_examples=200, deadline=None)
def test_prompt_features_total(text: str) -> None:
    feats = prompt_features(text)
    assert tuple(feats) == PROMPT_FEATURES
    assert all(math.isfinite(v) for v in feats.values())


def test_online_stats_bounded_with_feedback() -> None:
    stats = OnlineStats(capacity=50)
    for i in range(120):
        stats.record(f"id{i}", i / 120, escalated=i < 30)
    assert len(stats.scores()) == 50
    assert not stats.feedback("id0", good=True)  # evicted
    assert stats.feedback("id119", good=True)
    assert stats.feedback("id118", good=False)
    assert not stats.feedback("id119", good=True)  # at most once
    snap = stats.snapshot()
    assert snap.n_scores == 50
    assert snap.n_feedback == 2
    assert snap.accepted_bad_share == pytest.approx(0.5)
    thr = stats.threshold_for_escalation_rate(0.2)
    assert sum(s < thr for s in stats.scores()) == 10
    stats.record("nan", float("nan"), escalated=False)
    assert len(stats.scores()) == 50
    with pytest.raises(RoutingError):
        OnlineStats(capacity=50).threshold_for_escalation_rate(0.2)


def test_decision_is_content_free_and_printable() -> None:
    d = RouteDecision(
        id="abc",
        strategy="cascade",
        route="cloud",
        reason="gate rejected the local draft",
        score=0.1,
        threshold=0.3,
        latency_s={"local": 0.2, "cloud": 0.5, "total": 0.7},
        pii_masked=True,
        entity_counts={"EMAIL": 1},
    )
    text = str(d)
    assert "\n" not in text
    assert "latency=700ms" in text
    assert "pii=[EMAIL:1]" in text
    assert d.escalated
    assert json.loads(json.dumps(d.as_dict()))["entity_counts"] == {"EMAIL": 1}
    assert len(SIGNAL_FEATURES) == len(set(SIGNAL_FEATURES))


def test_eval_router_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = tmp_path / "r.jsonl"
    write_results(results, synthetic_results(200, 21))
    png = tmp_path / "curves.png"
    assert cli_main(["eval-router", "--results", str(results), "--plot", str(png), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures["cloud_share_at_95"]) == {
        "cascade",
        "pre_route",
        "handoff",
        "oracle",
        "random",
    }
    assert figures["auroc"]["cascade"] > 0.7
    assert png.stat().st_size > 1000
    results.write_text("garbage\n")
    assert cli_main(["eval-router", "--results", str(results)]) == 1


_JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "prompt",
                    "reference",
                    "judge",
                    "item_id",
                    "local_correct",
                    "prompt_features",
                    "local_signals",
                    "token_logprobs",
                    "extra",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=12,
)


@given(lines=st.lists(_JSONISH, min_size=1, max_size=4), raw=st.binary(max_size=64))
@settings(max_examples=150, deadline=None)
def test_jsonl_parsers_fail_cleanly(
    lines: list[object], raw: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from edgekit.calibrate.records import read_results

    path = tmp_path_factory.mktemp("j") / "x.jsonl"
    for payload in ("\n".join(json.dumps(v) for v in lines).encode(), raw):
        path.write_bytes(payload)
        for reader in (read_dataset, read_results):
            with contextlib.suppress(CalibrationError):
                reader(path)
