"""A real learning round (CPU PyTorch, the real edge model) and the device taking its adapter.

Short on purpose (32 pairs, 2 epochs): it checks the machinery end to end —
a held-out-checked adapter that llama.cpp loads and that changes the answers,
its calibration fitted on held-out pairs and on new phrasings (the edge model
stands in for the cloud model that writes them, as in tests/gateway), signed
delivery over OHTTP, the calibration switched with it, rollback, tampering
refused — not how much the model learns (benchmarks/learning.py).
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from edgekit.errors import AdapterError
from edgekit.local import Engine, GenerationParams
from tests.learn.facts import FACT_PAIRS

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("peft") is None, reason="needs the learn extra (PyTorch, PEFT)"
    ),
    # ~1-2 min on an idle 2-core machine; far more when the box is shared.
    pytest.mark.timeout(2400),
]
GREEDY = GenerationParams(max_tokens=16)


class Published:
    def __init__(self, root: Path, report: Any) -> None:
        self.root = root
        self.report = report


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, edge_model_path: Path) -> Published:
    from cloud_gateway.learn.publish import AdapterShelf, load_signing_key
    from cloud_gateway.learn.rephrase import engine_chat
    from cloud_gateway.learn.round import learning_round
    from cloud_gateway.learn.store import PairStore
    from cloud_gateway.learn.train import TrainConfig
    from edgekit.local import EngineConfig
    from edgekit.local.models import sha256_file

    root = tmp_path_factory.mktemp("gateway")
    store = PairStore(root / "pairs.db", retention_s=3600, max_bytes=1 << 20)
    base = sha256_file(edge_model_path)
    for messages, answer in FACT_PAIRS:
        store.add(base, messages, answer)
    shelf = AdapterShelf(root / "adapters", load_signing_key(root / "signing.key"))
    cfg = TrainConfig(epochs=2, batch_size=8, max_tokens=80, threads=2)
    with Engine(EngineConfig(model=str(edge_model_path), n_ctx=512, n_threads=1)) as cloud:
        report = learning_round(
            str(edge_model_path), store.pairs, shelf, cfg, chat=engine_chat(cloud), rephrasings=1
        )
    store.close()
    return Published(root, report)


def test_the_round_publishes_an_adapter_better_than_the_base(published: Published) -> None:
    r = published.report
    assert r.adapter_loss < r.base_loss
    assert r.n_pairs == len(FACT_PAIRS)
    assert r.n_train + r.n_heldout == r.n_pairs
    assert r.bundle_path.exists()
    assert 100_000 < r.adapter_bytes < r.bundle_bytes


def test_the_adapted_calibration_is_fitted_on_held_out_pairs_and_new_phrasings(
    published: Published,
) -> None:
    from edgekit.learn.bundle import parse_bundle

    r = published.report
    calibration = parse_bundle(r.bundle_path.read_bytes()).manifest.calibration or {}
    meta = calibration["metadata"]
    assert r.n_heldout >= 20  # the calibration floor
    assert r.rephrase_calls == r.n_pairs  # one cloud call per collected question, counted
    assert 0 < r.n_rephrased <= r.n_pairs
    assert meta["n_heldout_pairs"] == r.n_heldout < r.n_pairs  # never a trained pair
    assert meta["n_items"] == r.n_calibration == r.n_heldout + r.n_rephrased
    assert meta["pairs"] == "held out from training + cloud rephrasings of collected questions"
    # the gate the device uses: a gain gate whose probe reads the adapted model's hidden
    # states, unless this short round's adapter gets (almost) every answer wrong
    right = meta["n_local_right"]
    if calibration["gain"] is None:
        assert meta["gain"].startswith("not fitted")
        assert min(right, meta["n_items"] - right) < 5
    else:
        assert calibration["gain"]["local_probe"] is not None
        assert meta["gain"]["threshold"].startswith("cross-fitted")


@pytest.fixture
def gateway(published: Published) -> Iterator[Any]:
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "echo"},
            "learn": {
                "adapters_dir": str(published.root / "adapters"),
                "signing_key_path": str(published.root / "signing.key"),
            },
        },
        environ={},
    )
    with EmbeddedGateway(config, backend=EchoBackend()) as gw:
        yield gw


async def test_device_pulls_uses_and_rolls_back_the_adapter(
    gateway: Any, engine: Engine, tmp_path: Path
) -> None:
    from edgekit.client import AsyncEdgeClient, ClientConfig
    from edgekit.learn.device import AdapterStore, pull, rollback, use_adapter
    from edgekit.transport import CloudClient, CloudConfig

    question = FACT_PAIRS[0][0]
    base_answer = engine.chat(question, GREEDY).text
    store = AdapterStore(tmp_path / "adapters")
    cloud = CloudConfig(
        url=gateway.url,
        device_key_path=tmp_path / "device.key",
        key_config_pin=hashlib.sha256(gateway.key_configs).hexdigest(),
    )
    async with CloudClient(cloud) as client:
        installed = await pull(client, store, engine)
    assert installed is not None
    assert len(store.trusted_keys()) == 1

    async with AsyncEdgeClient(ClientConfig(strategy="local_only"), engine=engine) as edge:
        base_calibration = edge.calibration
        assert base_calibration.model_sha256 == engine.info.sha256
        assert use_adapter(edge, store) == installed.adapter_id
        assert engine.model_sha256 == installed.bundle.manifest.adapted_sha256
        assert edge.calibration.model_sha256 == engine.model_sha256  # switched with it
        assert edge.calibration.metadata.get("fitted_for") == "adapter"
        adapted_answer = engine.chat(question, GREEDY).text
        assert adapted_answer != base_answer

        assert rollback(edge, store)
        assert engine.lora == ()
        assert edge.calibration.model_sha256 == engine.info.sha256
        assert engine.chat(question, GREEDY).text == base_answer
        assert use_adapter(edge, store) is None  # rolled back for good, also after restarts


def test_tampered_foreign_and_unsigned_adapters_are_refused(
    published: Published, engine: Engine, tmp_path: Path
) -> None:
    from edgekit.learn.bundle import AdapterManifest, parse_bundle, sign_bundle
    from edgekit.learn.device import AdapterStore
    from edgekit.secure.identity import DeviceKey

    data = published.report.bundle_path.read_bytes()
    gateway_key = DeviceKey.load(published.root / "signing.key")
    store = AdapterStore(tmp_path / "adapters")
    with pytest.raises(AdapterError) as unsigned:  # no trusted key yet
        store.install(data, engine)
    assert unsigned.value.reason == "signature"
    store.trust(gateway_key.public_key)

    flipped = bytearray(data)
    flipped[-100] ^= 0x40
    with pytest.raises(AdapterError) as tampered:
        store.install(bytes(flipped), engine)
    assert tampered.value.reason == "digest"

    bundle = parse_bundle(data)
    foreign = AdapterManifest(**{**bundle.manifest.__dict__, "base_sha256": "0f" * 32})
    with pytest.raises(AdapterError) as other_base:
        store.install(sign_bundle(foreign, bundle.adapter, gateway_key), engine)
    assert other_base.value.reason == "base_model"

    old = {
        **(bundle.manifest.calibration or {}),
        "model": {"name": "x", "sha256": engine.info.sha256},
    }  # the base model's
    stale = AdapterManifest(**{**bundle.manifest.__dict__, "calibration": old})
    with pytest.raises(AdapterError) as old_calibration:
        store.install(sign_bundle(stale, bundle.adapter, gateway_key), engine)
    assert old_calibration.value.reason == "calibration"

    installed = store.install(data, engine)
    assert store.active(engine) is not None
    on_disk = store.root / engine.info.sha256 / f"{installed.adapter_id}.eklora"
    changed = bytearray(on_disk.read_bytes())
    changed[-50] ^= 1
    on_disk.write_bytes(bytes(changed))
    with pytest.raises(AdapterError):
        store.active(engine)  # re-checked on every use


def test_an_adapter_no_better_than_the_base_is_not_published(
    edge_model_path: Path, tmp_path: Path
) -> None:
    from cloud_gateway.learn.errors import NotBetterError
    from cloud_gateway.learn.publish import AdapterShelf, load_signing_key
    from cloud_gateway.learn.round import learning_round
    from cloud_gateway.learn.store import Pair
    from cloud_gateway.learn.train import TrainConfig

    pairs = [Pair(f"p{i}", "x", tuple(m), a) for i, (m, a) in enumerate(FACT_PAIRS[:6])]
    shelf = AdapterShelf(tmp_path / "adapters", load_signing_key(tmp_path / "k.key"))
    cfg = TrainConfig(
        epochs=1,
        batch_size=4,
        max_tokens=64,
        learning_rate=1e-9,
        threads=2,
        min_gain=0.05,
        min_holdout=2,
    )
    with pytest.raises(NotBetterError) as info:
        learning_round(str(edge_model_path), lambda _sha: pairs, shelf, cfg)
    assert info.value.adapter_loss > info.value.base_loss * 0.95
    assert not (tmp_path / "adapters").exists() or not any((tmp_path / "adapters").iterdir())
