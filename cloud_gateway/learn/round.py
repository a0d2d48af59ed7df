"""One learning round: pairs → LoRA → held-out check → calibration → signed bundle → shelf.

Run by ``edgekit-gateway learn train`` (or from Python). Refuses to publish
an adapter that is not better than the base model on the held-out pairs
(:class:`~cloud_gateway.learn.errors.NotBetterError`), or whose calibration
cannot be fitted (a device must never route an adapted model with the base
model's gate). The adapted model's calibration is fitted on the held-out
pairs only: answers to pairs it was trained on would make it look surer
and more often right than it is on new questions, which flatters the gate.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cloud_gateway.learn.errors import TrainingError
from cloud_gateway.learn.export import write_lora_gguf
from cloud_gateway.learn.publish import AdapterShelf
from cloud_gateway.learn.store import Pair
from cloud_gateway.learn.train import Progress, TrainConfig, train_adapter
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


def learning_round(
    model: str,
    pairs_for: Callable[[str], list[Pair]],
    shelf: AdapterShelf,
    cfg: TrainConfig | None = None,
    *,
    progress: Progress | None = None,
    max_local_error: float = 0.1,
) -> RoundReport:
    """Train, check, calibrate, sign and publish an adapter for edge ``model`` (name or path)."""
    cfg = cfg or TrainConfig()
    report = progress or (lambda _p, _d, _t: None)
    path = resolve_model(model)
    base_sha = sha256_file(path)
    pairs = pairs_for(base_sha)
    if not pairs:
        raise TrainingError("no collected pairs for this edge model")
    # One llama.cpp thread: it busy-waits at barriers, and the gateway shares its cores.
    config = EngineConfig(model=str(path), n_ctx=max(512, cfg.max_tokens + 64), n_threads=1)
    with Engine(config) as engine, tempfile.TemporaryDirectory() as tmp:
        result = train_adapter(path, pairs, cfg, engine=engine, progress=report)
        adapter_path = Path(tmp) / "adapter.gguf"
        adapter_bytes = write_lora_gguf(adapter_path, result.factors, arch=result.arch,
                                        alpha=cfg.alpha, name=f"edgekit-{path.stem}")
        adapter = adapter_path.read_bytes()
        adapter_sha = sha256_file(adapter_path)
        adapted_id = adapter_sha[:16]
        adapted = adapted_model_sha256(base_sha, (adapter_sha,))
        started = time.perf_counter()
        engine.set_lora([LoraAdapter(path=adapter_path)])
        held = set(result.heldout_ids)
        results = local_results(engine, [p for p in pairs if p.pair_id in held],
                                weights=specificity([p.answer for p in pairs]),
                                progress=lambda d, t: report("calibrate", d, t))
    try:
        calibration = fit_adapted(results, model_name=engine.info.name, adapted_sha256=adapted,
                                  max_local_error=max_local_error,
                                  metadata={"n_items": len(results),
                                            "pairs": "held out from training"})
    except CalibrationError as exc:
        raise TrainingError(f"no calibration for the adapted model: {exc}; not published") from None
    calibrate_s = time.perf_counter() - started
    manifest = AdapterManifest(
        base_name=engine.info.name, base_sha256=base_sha, adapter_sha256="0" * 64,
        adapter_bytes=0, rank=cfg.rank, alpha=cfg.alpha, targets=cfg.targets,
        n_pairs=len(pairs), created_unix=int(time.time()),
        evaluation={"metric": "held-out answer-token loss (nats)", "base": result.base_loss,
                    "adapter": result.adapter_loss, "n_heldout": result.n_heldout,
                    "n_train": result.n_train, "gain": result.gain},
        calibration=calibration.as_dict(),
    )
    bundle = sign_bundle(manifest, adapter, shelf.key)
    target = shelf.publish(bundle)
    return RoundReport(
        bundle_path=target, adapter_id=adapted_id, adapted_sha256=adapted,
        n_pairs=len(pairs), n_train=result.n_train, n_heldout=result.n_heldout,
        base_loss=result.base_loss, adapter_loss=result.adapter_loss, train_s=result.train_s,
        calibrate_s=calibrate_s, adapter_bytes=adapter_bytes, bundle_bytes=len(bundle),
        train_tokens=result.train_tokens, fit_s=result.fit_s,
    )
