"""The gain gate in the client and learning from traffic: real model, real echo gateway."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from edgekit.calibrate.files import load_calibration
from edgekit.client import AsyncEdgeClient, ClientConfig
from edgekit.client.learning import LearningConfig, learning_scope
from edgekit.privacy import PrivacyConfig
from edgekit.routing.calibration import DEFAULT_CALIBRATION, Calibration
from edgekit.routing.gain import (
    CLOUD_BASE_FEATURES,
    CLOUD_PROBE_FEATURE,
    LOCAL_BASE_FEATURES,
    LOCAL_PROBE_FEATURE,
    GainGate,
)
from edgekit.routing.logistic import LogisticModel
from edgekit.routing.probe import HiddenProbe
from edgekit.routing.projection import HiddenProjection
from edgekit.traffic.store import versions_dir

from .conftest import cloud_config

QUESTION = [{"role": "user", "content": "What is the capital of Portugal?"}]


def _model(names: tuple[str, ...], first: float) -> LogisticModel:
    n = len(names)
    return LogisticModel(
        feature_names=names,
        weights=(first,) + (0.0,) * (n - 1),
        bias=0.0,
        mean=(0.0,) * n,
        scale=(1.0,) * n,
    )


def gain_calibration(threshold: float, width: int) -> Calibration:
    """The shipped calibration with a small gain gate whose probes read the real hidden state."""
    rng = np.random.default_rng(0)
    probe = HiddenProbe(
        mean=np.zeros(width),
        scale=np.full(width, 10.0),
        weights=rng.normal(0, 0.01, width),
        bias=0.0,
        rank=1,
        l2=1.0,
    )
    local = _model((*LOCAL_BASE_FEATURES, LOCAL_PROBE_FEATURE), 1.0)
    cloud = _model((*CLOUD_BASE_FEATURES, CLOUD_PROBE_FEATURE), 0.0)
    basis = np.linalg.qr(rng.normal(size=(width, 4)))[0].T
    projection = HiddenProjection(mean=np.zeros(width), scale=np.ones(width), basis=basis)
    gate = GainGate(
        local=local,
        cloud=cloud,
        threshold=threshold,
        local_probe=probe,
        cloud_probe=probe,
        probe_tokens=5,
        projection=projection,
    )
    return dataclasses.replace(load_calibration(DEFAULT_CALIBRATION), gain=gate)


def client(
    edge: Any, gateway: Any, tmp: Path, threshold: float, **learning: Any
) -> AsyncEdgeClient:
    config = ClientConfig(
        cloud=cloud_config(gateway, tmp),
        max_tokens=16,
        cloud_deadline_s=20.0,
        privacy=PrivacyConfig(ner="off", audit_log=None),
        learning=LearningConfig(store_path=tmp / "traffic.sqlite3", **learning),
    )
    return AsyncEdgeClient(
        config, engine=edge, calibration=gain_calibration(threshold, 2 * edge._handle.n_embd)
    )


async def test_gain_gate_routes_and_the_store_learns_numbers_only(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    async with client(edge_engine, gateway, tmp_path, 1.01, audit_rate=0.0) as escalating:
        sent = await escalating.chat(QUESTION)
    async with client(edge_engine, gateway, tmp_path, 0.0, audit_rate=0.0,
                      projection_dims=2) as keeping:  # fmt: skip
        kept = await keeping.chat(QUESTION)
        assert keeping.feedback(kept.decision.id, good=True)
        rows = keeping.learner.store.rows() if keeping.learner else []
    assert sent.decision.route == "cloud"
    assert kept.decision.route == "local"
    assert {"p_local", "p_cloud"} <= set(kept.decision.signals)
    by_id = {r.decision_id: r for r in rows}
    escalated, local = by_id[sent.decision.id], by_id[kept.decision.id]
    assert escalated.escalated
    assert escalated.label_source == "escalation"
    assert escalated.audit  # a gate that keeps nothing: every label is an unbiased sample
    # the echo gateway answers with the prompt: the draft is judged against that text
    assert escalated.local_ok is not None
    assert LOCAL_PROBE_FEATURE in escalated.features  # probe scores, never hidden states
    assert len(escalated.features) < 40
    assert (local.escalated, local.local_ok, local.label_source) == (False, True, "feedback")
    # the projection's rounded coordinates, as many as configured (default 16; the gate has 4)
    assert escalated.projection is not None
    assert len(escalated.projection) == 4
    assert local.projection is not None
    assert len(local.projection) == 2
    assert all(round(v, 1) == v for v in local.projection)
    assert "hidden_pc0" not in kept.decision.signals
    raw = (tmp_path / "traffic.sqlite3").read_bytes()
    assert b"Portugal" not in raw
    with sqlite3.connect(tmp_path / "traffic.sqlite3") as db:
        text = " ".join(str(v) for row in db.execute("SELECT * FROM requests") for v in row)
    assert "Portugal" not in text
    assert kept.text not in text


async def test_audits_escalate_kept_drafts_and_refit_waits_for_labels(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    async with client(edge_engine, gateway, tmp_path, 0.0, audit_rate=0.99) as auditing:
        result = await auditing.chat(QUESTION)
        assert auditing.learner is not None
        assert not auditing.learner.refit()  # one label: nothing to learn yet
        rows = auditing.learner.store.rows()
    assert result.decision.route == "cloud"
    assert rows[-1].audit
    assert rows[-1].escalated
    # audits are drawn for every request, escalated ones too: a uniform sample of the traffic
    async with client(edge_engine, gateway, tmp_path, 0.99, audit_rate=0.5) as mixed:
        mixed.policy._rng.seed(0)
        ids = {(await mixed.chat(QUESTION)).decision.id for _ in range(6)}
        assert mixed.learner is not None
        escalated = [
            r
            for r in mixed.learner.store.rows()
            if r.decision_id in ids and r.score is not None and r.score < 0.99
        ]
    assert len(escalated) == 6  # the gate keeps none of them
    assert 0 < sum(r.audit for r in escalated) < 6


def _write_version(
    directory: Path, base: Calibration, version: int, threshold: float, **changes: Any
) -> Path:
    assert base.gain is not None
    cal = dataclasses.replace(
        base,
        gain=base.gain.with_threshold(threshold),
        metadata={**base.metadata, "traffic_version": version},
        **changes,
    )
    path = directory / f"calibration-{learning_scope(base)}-v{version}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(cal.to_json(), encoding="utf-8")
    return path


async def test_a_learning_client_starts_on_the_newest_version_for_its_model(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    base = gain_calibration(0.4, 2 * edge_engine._handle.n_embd)
    versions = versions_dir(tmp_path / "traffic.sqlite3")
    _write_version(versions, base, 1, 0.41)
    _write_version(versions, base, 2, 0.42)
    _write_version(versions, base, 3, 0.43, model_sha256="0" * 64)  # another model's
    (versions / f"calibration-{learning_scope(base)}-v4.json").write_text("{not json")
    other = gain_calibration(0.9, 2 * edge_engine._handle.n_embd + 2)  # other probes
    (versions / f"calibration-{learning_scope(other)}-v9.json").write_text(other.to_json())
    # a file named for this scope whose probes are another calibration's
    (versions / f"calibration-{learning_scope(base)}-v8.json").write_text(other.to_json())
    async with client(edge_engine, gateway, tmp_path, 0.4) as resumed:
        assert resumed.calibration.gain is not None
        assert resumed.calibration.gain.threshold == 0.42
        assert resumed.calibration.metadata["traffic_version"] == 2
    async with client(edge_engine, gateway, tmp_path, 0.4, resume=False) as fresh:
        assert fresh.calibration.gain is not None
        assert fresh.calibration.gain.threshold == 0.4


async def test_an_accepted_refit_is_written_as_the_next_version_and_resumed(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    """A refit on stored traffic writes v1 under the base's scope; the next client starts on it."""
    from edgekit.routing.gain import STORED_FEATURES

    rng = np.random.default_rng(3)
    async with client(edge_engine, gateway, tmp_path, 0.4) as learning_client:
        learner = learning_client.learner
        assert learner is not None
        for i in range(600):  # local answers are right exactly when the local probe says so
            feats = {k: float(rng.normal()) for k in STORED_FEATURES}
            learner.store.record(f"r{i}", feats, score=0.5, escalated=True, audit=True)
            learner.store.label(
                f"r{i}", local_ok=feats[LOCAL_PROBE_FEATURE] > 0.5, source="escalation"
            )
        assert learner.refit()
        learned = learning_client.calibration
    assert learned.metadata["traffic_version"] == 1
    written = list(versions_dir(tmp_path / "traffic.sqlite3").glob("calibration-*-v1.json"))
    assert len(written) == 1
    async with client(edge_engine, gateway, tmp_path, 0.4) as resumed:
        assert resumed.calibration.gain is not None
        assert learned.gain is not None
        assert resumed.calibration.gain.as_dict() == learned.gain.as_dict()
        assert resumed.learner is not None
        assert len(resumed.learner.store.rows()) == 600  # same scope: the rows stay usable


async def test_a_refit_that_reads_the_projection_routes_live_requests(
    edge_engine: Any, gateway: Any, tmp_path: Path
) -> None:
    """Stored coordinates that tell right from wrong: the refitted gate reads them, and the
    client computes them from the real model's hidden state for the next request."""
    from edgekit.routing.gain import STORED_FEATURES

    rng = np.random.default_rng(4)
    async with client(edge_engine, gateway, tmp_path, 0.4) as learning_client:
        learner = learning_client.learner
        assert learner is not None
        for i in range(600):
            feats = {k: float(rng.normal()) for k in STORED_FEATURES}
            coords = np.round(rng.normal(size=4), 1)
            learner.store.record(f"r{i}", feats, score=0.5, escalated=True, audit=True,
                                 projection=coords.tolist())  # fmt: skip
            learner.store.label(f"r{i}", local_ok=bool(coords[0] > -0.3), source="escalation")
        assert learner.refit()
        gate = learning_client.calibration.gain
        assert gate is not None
        assert learning_client.calibration.metadata["traffic_refit"]["best"] == "projection"
        assert gate.projection_dims_read == 4
        result = await learning_client.chat(QUESTION)
    assert result.decision.score is not None
    assert 0.0 < result.decision.signals["p_local"] < 1.0
    assert "gain_without_hidden" not in result.decision.signals
