"""One learning round: pairs → LoRA → held-out check → calibration → signed bundle → shelf.

Run by ``edgekit-gateway learn train`` (or from Python), in two stages a
busy gateway may run apart: :func:`train_stage` (the LoRA adapter and its
held-out check) and :func:`publish_stage` (the adapted model's calibration,
the signed bundle). Refuses to publish an adapter that is not better than
the base model on the held-out pairs
(:class:`~cloud_gateway.learn.errors.NotBetterError`), or whose calibration
cannot be fitted (a device must never route an adapted model with the base
model's gate). The adapted model's calibration is fitted on questions it was
never trained on: the pairs held out from training and, when the cloud model
is at hand, its new phrasings of every collected question
(:mod:`cloud_gateway.learn.rephrase`). Answers to the pairs it was trained on
would make it look surer and more often right than it is on new questions,
which flatters the gate.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloud_gateway.learn.errors import TrainingError
from cloud_gateway.learn.export import write_lora_gguf
from cloud_gateway.learn.publish import AdapterShelf
from cloud_gateway.learn.rephrase import Chat, RephraseCost, Rephrasing, rephrase_pairs
from cloud_gateway.learn.store import Pair
from cloud_gateway.learn.train import (
    Progress,
    TrainConfig,
    TrainResult,
    loss_gain,
    train_adapter,
)
from edgekit.calibrate import CalibrationError
from edgekit.calibrate.references import fit_adapted, local_results, specificity
from edgekit.learn.bundle import AdapterManifest, sign_bundle
from edgekit.local import Engine, EngineConfig
from edgekit.local.lora import LoraAdapter, adapted_model_sha256
from edgekit.local.models import resolve_model, sha256_file


@dataclass(frozen=True, kw_only=True)
class RoundReport:
    """What a published round produced (all sizes in bytes, times in seconds)."""

    bundle_path: Path
    adapter_id: str
    adapted_sha256: str
    n_pairs: int
    n_train: int
    n_heldout: int
    base_loss: float
    adapter_loss: float
    train_s: float
    calibrate_s: float
    adapter_bytes: int
    bundle_bytes: int
    train_tokens: int
    fit_s: float
    n_calibration: int = 0
    n_rephrased: int = 0
    rephrase_calls: int = 0
    rephrase_s: float = 0.0


@dataclass(frozen=True, kw_only=True)
class TrainedAdapter:
    """What :func:`train_stage` hands to :func:`publish_stage`: the adapter file and its scores."""

    adapter: bytes
    base_name: str
    base_sha256: str
    config: TrainConfig
    n_train: int
    n_heldout: int
    base_loss: float
    adapter_loss: float
    train_s: float
    fit_s: float
    train_tokens: int
    heldout_ids: tuple[str, ...]

    @property
    def gain(self) -> float:
        """Relative held-out loss reduction (see :attr:`TrainResult.gain`)."""
        return loss_gain(self.base_loss, self.adapter_loss)


def _quiet(_phase: str, _done: int, _total: int) -> None:
    return None


def _edge_engine(path: Path, cfg: TrainConfig) -> Engine:
    # One llama.cpp thread: it busy-waits at barriers, and the gateway shares its cores.
    return Engine(EngineConfig(model=str(path), n_ctx=max(512, cfg.max_tokens + 64), n_threads=1))


def train_stage(
    model: str,
    pairs: Sequence[Pair],
    cfg: TrainConfig | None = None,
    *,
    progress: Progress | None = None,
) -> TrainedAdapter:
    """Train and check a LoRA adapter for edge ``model`` (name or path) on ``pairs``."""
    cfg = cfg or TrainConfig()
    path = resolve_model(model)
    if not pairs:
        raise TrainingError("no collected pairs for this edge model")
    with _edge_engine(path, cfg) as engine, tempfile.TemporaryDirectory() as tmp:
        result: TrainResult = train_adapter(
            path, pairs, cfg, engine=engine, progress=progress or _quiet
        )
        adapter_path = Path(tmp) / "adapter.gguf"
        write_lora_gguf(
            adapter_path,
            result.factors,
            arch=result.arch,
            alpha=cfg.alpha,
            name=f"edgekit-{path.stem}",
        )
        return TrainedAdapter(
            adapter=adapter_path.read_bytes(),
            base_name=engine.info.name,
            base_sha256=sha256_file(path),
            config=cfg,
            n_train=result.n_train,
            n_heldout=result.n_heldout,
            base_loss=result.base_loss,
            adapter_loss=result.adapter_loss,
            train_s=result.train_s,
            fit_s=result.fit_s,
            train_tokens=result.train_tokens,
            heldout_ids=result.heldout_ids,
        )


def calibration_set(
    pairs: Sequence[Pair], trained: TrainedAdapter, rephrased: Sequence[Rephrasing] = ()
) -> list[Pair | Rephrasing]:
    """What the adapted gate is fitted on: held-out pairs and new phrasings, never trained pairs."""
    held = set(trained.heldout_ids)
    return [*(p for p in pairs if p.pair_id in held), *rephrased]


def publish_stage(
    model: str,
    pairs: Sequence[Pair],
    trained: TrainedAdapter,
    shelf: AdapterShelf,
    *,
    rephrased: Sequence[Rephrasing] = (),
    rephrase_cost: RephraseCost | None = None,
    progress: Progress | None = None,
    max_local_error: float = 0.1,
) -> RoundReport:
    """Calibrate the adapted model, sign the bundle and publish it as the newest for its base."""
    report = progress or _quiet
    path = resolve_model(model)
    if sha256_file(path) != trained.base_sha256:
        raise TrainingError("the adapter was trained for another edge model file")
    adapter_sha = hashlib.sha256(trained.adapter).hexdigest()
    adapted = adapted_model_sha256(trained.base_sha256, (adapter_sha,))
    items = calibration_set(pairs, trained, rephrased)
    started = time.perf_counter()
    with _edge_engine(path, trained.config) as engine, tempfile.TemporaryDirectory() as tmp:
        adapter_path = Path(tmp) / "adapter.gguf"
        adapter_path.write_bytes(trained.adapter)
        engine.set_lora([LoraAdapter(path=adapter_path)])
        results = local_results(
            engine,
            items,
            weights=specificity([p.answer for p in pairs]),
            progress=lambda d, t: report("calibrate", d, t),
        )
    try:
        calibration = fit_adapted(
            results,
            model_name=trained.base_name,
            adapted_sha256=adapted,
            max_local_error=max_local_error,
            metadata={
                "n_items": len(results),
                "n_heldout_pairs": len(items) - len(rephrased),
                "n_rephrased": len(rephrased),
                "pairs": "held out from training"
                + (" + cloud rephrasings of collected questions" if rephrased else ""),
            },
        )
    except CalibrationError as exc:
        raise TrainingError(f"no calibration for the adapted model: {exc}; not published") from None
    calibrate_s = time.perf_counter() - started
    bundle = sign_bundle(
        _manifest(trained, len(pairs), calibration.as_dict()), trained.adapter, shelf.key
    )
    cost = rephrase_cost or RephraseCost(calls=0, seconds=0.0, kept=0, dropped=0)
    return RoundReport(
        bundle_path=shelf.publish(bundle),
        adapter_id=adapter_sha[:16],
        adapted_sha256=adapted,
        n_pairs=len(pairs),
        n_train=trained.n_train,
        n_heldout=trained.n_heldout,
        base_loss=trained.base_loss,
        adapter_loss=trained.adapter_loss,
        train_s=trained.train_s,
        calibrate_s=calibrate_s,
        adapter_bytes=len(trained.adapter),
        bundle_bytes=len(bundle),
        train_tokens=trained.train_tokens,
        fit_s=trained.fit_s,
        n_calibration=len(results),
        n_rephrased=len(rephrased),
        rephrase_calls=cost.calls,
        rephrase_s=cost.seconds,
    )


def _manifest(
    trained: TrainedAdapter, n_pairs: int, calibration: dict[str, Any]
) -> AdapterManifest:
    cfg = trained.config
    return AdapterManifest(
        base_name=trained.base_name,
        base_sha256=trained.base_sha256,
        adapter_sha256="0" * 64,
        adapter_bytes=0,
        rank=cfg.rank,
        alpha=cfg.alpha,
        targets=cfg.targets,
        n_pairs=n_pairs,
        created_unix=int(time.time()),
        evaluation={
            "metric": "held-out answer-token loss (nats)",
            "base": trained.base_loss,
            "adapter": trained.adapter_loss,
            "n_heldout": trained.n_heldout,
            "n_train": trained.n_train,
            "gain": trained.gain,
        },
        calibration=calibration,
    )


def learning_round(
    model: str,
    pairs_for: Callable[[str], list[Pair]],
    shelf: AdapterShelf,
    cfg: TrainConfig | None = None,
    *,
    progress: Progress | None = None,
    max_local_error: float = 0.1,
    chat: Chat | None = None,
    rephrasings: int = 3,
) -> RoundReport:
    """Train, check, calibrate, sign and publish an adapter for edge ``model`` (name or path).

    With ``chat`` (the cloud model), it writes ``rephrasings`` new phrasings of
    every collected question for the adapted model's calibration (one call
    per pair, counted in the report).
    """
    pairs = pairs_for(sha256_file(resolve_model(model)))
    trained = train_stage(model, pairs, cfg, progress=progress)
    rephrased: list[Rephrasing] = []
    cost = None
    if chat is not None and rephrasings > 0:
        report = progress or _quiet
        rephrased, cost = rephrase_pairs(
            pairs, chat, rephrasings, progress=lambda d, t: report("rephrase", d, t)
        )
    return publish_stage(
        model,
        pairs,
        trained,
        shelf,
        rephrased=rephrased,
        rephrase_cost=cost,
        progress=progress,
        max_local_error=max_local_error,
    )
