"""The traffic simulation of benchmarks/router.py on a synthetic domain whose kinds of
request a stored projection can tell apart: there the learning router's ranking and
operating point must both improve, within the guarantee; without the projection they
cannot (the other inputs carry nothing)."""

from __future__ import annotations

import numpy as np
from workloads import router_ceilings as rc
from workloads import router_learning as rl

from edgekit.calibrate.dataset import Item
from edgekit.routing.gain import CLOUD_BASE_FEATURES, LOCAL_BASE_FEATURES, GainGate
from edgekit.routing.logistic import LogisticModel
from edgekit.routing.probe import HiddenProbe, PrincipalBasis
from edgekit.routing.projection import fit_projection

WIDTH = 24


def model(names: tuple[str, ...], bias: float) -> LogisticModel:
    n = len(names)
    return LogisticModel(feature_names=names, weights=(0.0,) * n, bias=bias, mean=(0.0,) * n,
                         scale=(1.0,) * n)  # fmt: skip


def states(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Two kinds of request along one strong direction; the local model is right on one."""
    kind = rng.random(n) < 0.5
    x = rng.normal(size=(n, WIDTH)) + np.outer(np.where(kind, 4.0, -4.0), np.linspace(-1, 1, WIDTH))
    return x, np.where(kind, rng.random(n) < 0.98, rng.random(n) < 0.1)


def requests(gate: GainGate, n: int, seed: int, prefix: str) -> list[rl.Request]:
    return requests_and_states(gate, n, seed, prefix)[0]


def requests_and_states(
    gate: GainGate, n: int, seed: int, prefix: str
) -> tuple[list[rl.Request], dict[str, np.ndarray]]:
    assert gate.projection is not None
    rng = np.random.default_rng(seed)
    x, local_ok = states(n, rng)
    out = []
    for i, (state, ok) in enumerate(zip(x, local_ok, strict=True)):
        feats = {k: float(rng.normal()) for k in (*LOCAL_BASE_FEATURES, *CLOUD_BASE_FEATURES)}
        feats["hidden_local_score"] = feats["hidden_cloud_score"] = 0.5
        item = Item(id=f"{prefix}{i}", category="synthetic", difficulty=1, prompt=f"{prefix}{i}",
                    reference="right", judge="exact")  # fmt: skip
        out.append(rl.Request(item=item, features=feats, local_text="right" if ok else "wrong",
                              cloud_text="right", local_correct=bool(ok), cloud_correct=True,
                              projection=gate.projection.coordinates(state)))  # fmt: skip
    return out, {f"{prefix}{i}": state for i, state in enumerate(x)}


def calibrated_gate() -> GainGate:
    """Knows nothing of the kinds (the calibration set had only one), keeps nothing local."""
    x, _ = states(200, np.random.default_rng(0))
    probe = HiddenProbe(mean=np.zeros(WIDTH), scale=np.ones(WIDTH), weights=np.zeros(WIDTH),
                        bias=0.0, rank=1, l2=1.0)  # fmt: skip
    return GainGate(local=model((*LOCAL_BASE_FEATURES, "hidden_local_score"), 0.0),
                    cloud=model((*CLOUD_BASE_FEATURES, "hidden_cloud_score"), 2.0),
                    threshold=float("inf"), local_probe=probe, cloud_probe=probe, probe_tokens=5,
                    projection=fit_projection(x, 4))  # fmt: skip


def test_stored_coordinates_let_the_ranking_and_the_operating_point_fall() -> None:
    gate = calibrated_gate()
    stream, sealed, other = (requests(gate, n, s, p) for n, s, p in
                             ((300, 1, "s"), (300, 2, "x"), (200, 3, "y")))  # fmt: skip
    run = {"alpha": 0.2, "delta": 0.1, "checkpoints": (0, 400), "refit_every": 100,
           "spending": "per_refit", "also": {"other": other}}  # fmt: skip
    learned = rl.traffic_simulation(gate, stream, sealed, projection_dims=4, **run)
    blind = rl.traffic_simulation(gate, stream, sealed, projection_dims=0, **run)
    start, end = learned["checkpoints"]["0"], learned["checkpoints"]["400"]
    assert end["cloud_share_at_95"] < start["cloud_share_at_95"] - 0.2
    assert end["cloud_share_at_threshold"] < 0.8
    assert end["accepted_error"] <= 0.2
    assert learned["checkpoints_other"]["400"]["cloud_share_at_threshold"] < 0.8
    assert learned["store_counts"]["with_projection"] == learned["requests"]
    assert blind["checkpoints"]["400"]["cloud_share_at_threshold"] == 1.0
    headline = rl.traffic_headline(learned)
    assert set(headline["traffic_other_cloud_share_at_95"]) == {"0", "400"}
    ceilings = rl.ceiling_figures(gate, stream, sealed)
    assert ceilings["with_projection"] < ceilings["stored_inputs"] - 0.2
    assert ceilings["oracle"] <= ceilings["true_local_outcome"] <= ceilings["with_projection"]


def test_cross_validated_ceilings_find_the_signal_the_projection_carries() -> None:
    gate = calibrated_gate()
    reqs, by_id = requests_and_states(gate, 300, 1, "s")
    domain = rc.domain_of(gate, reqs, by_id)
    basis = PrincipalBasis.of(states(200, np.random.default_rng(0))[0])
    names = ("deployed", "refit_stored", "projection_16", "knn10_projection_16")
    cv = rc.cv_ceilings(gate, domain, basis, repeats=2, names=names)
    assert cv["n_prompts"] == 300
    assert set(names) <= set(cv)
    deployed = cv["deployed"]["cloud_share_at_95"]
    for name in ("projection_16", "knn10_projection_16"):
        assert cv[name]["cloud_share_at_95"] < deployed - 0.2
        assert cv[name]["diff_90"][1] < 0  # the paired interval excludes no gain
    assert cv["refit_stored"]["cloud_share_at_95"] > deployed - 0.1  # the other inputs are noise
    assert cv["oracle"] <= cv["true_local_outcome"] <= cv["projection_16"]["cloud_share_at_95"]
    noise = rc.figure_noise(gate, domain, sizes=(50,), draws=200)
    assert 0 < noise["sd_50"] < 0.2
