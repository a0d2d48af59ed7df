"""Learning benchmark: does one round of distillation move a company's questions on-device?

Scenario (benchmarks/workloads/learning_domain.py, written apart from the code judged):
a made-up company FAQ the edge model cannot know; the cloud model answers
from it (its system prompt). A stream of user questions in varied phrasings
is escalated; the gateway keeps the first N (question, cloud answer) pairs;
one learning round (cloud_gateway.learn.round: LoRA on CPU PyTorch, held-out
check, calibration of the adapted model, signed bundle) produces an adapter.
Then the edge model answers *other phrasings* of the same facts (never
trained on) and a general set (the router's generated dataset), without and
with the adapter; the cascade's cloud share needed to reach 95 % of the
cloud's accuracy is computed with the base calibration before and the
adapter's own calibration after.

``--cloud qwen`` runs the gateway's default model (Qwen2.5-Coder-1.5B; its
answers are cached on disk); ``--cloud oracle`` uses the FAQ sentence as the
cloud's answer (quick runs; says so in the output). ``--sealed`` also runs
the sealed company (reported, never tuned on).

Last stdout line: one JSON object with local_acc_before, local_acc_after,
cloud_share_at_95_before, cloud_share_at_95_after, general_acc_delta, train_s,
adapter_bytes, n_pairs, round_s and a GPU estimate.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from workloads.learning_domain import DEV_SEED, SEALED_SEED, Domain, Question, judge, make_domain

from cloud_gateway.learn.publish import AdapterShelf, load_signing_key
from cloud_gateway.learn.round import RoundReport, learning_round
from cloud_gateway.learn.store import PairStore
from cloud_gateway.learn.train import TrainConfig
from edgekit.calibrate.dataset import generate
from edgekit.calibrate.evaluation import evaluate
from edgekit.calibrate.judges import resolve_judge
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import default_cache_dir, generate_one
from edgekit.learn.bundle import parse_bundle
from edgekit.local import Engine, EngineConfig, GenerationParams
from edgekit.local.lora import LoraAdapter
from edgekit.local.models import DEFAULT_CLOUD_MODEL, DEFAULT_EDGE_MODEL
from edgekit.routing.calibration import DEFAULT_CALIBRATION, Calibration
from edgekit.routing.features import prompt_features

EDGE_PARAMS = 134.5e6  # SmolLM2-135M
GPU_FLOPS = 30e12  # an assumed effective rate for a mid-range datacentre GPU (fp16, LoRA)
MAX_TOKENS = 32


def cloud_answers(domain: Domain, questions: list[Question], mode: str) -> dict[str, str]:
    """The cloud's answer to each question (cached on disk for the real model)."""
    if mode == "oracle":
        return {q.text: q.sentence for q in questions}
    cache_path = default_cache_dir() / "learning-cloud.json"
    cache: dict[str, str] = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    todo = [q for q in questions if _key(domain, q) not in cache]
    if todo:
        with Engine(EngineConfig(model=DEFAULT_CLOUD_MODEL, n_ctx=2048)) as cloud:
            for i, q in enumerate(todo):
                messages = [{"role": "system", "content": domain.system_prompt},
                            {"role": "user", "content": q.text}]
                cache[_key(domain, q)] = cloud.chat(messages, GenerationParams(max_tokens=48)).text
                print(f"cloud {i + 1}/{len(todo)}", file=sys.stderr, flush=True)
                cache_path.parent.mkdir(parents=True, exist_ok=True)
                cache_path.write_text(json.dumps(cache))
    return {q.text: cache[_key(domain, q)] for q in questions}


def _key(domain: Domain, q: Question) -> str:
    return hashlib.sha256(f"{DEFAULT_CLOUD_MODEL}\0{domain.system_prompt}\0{q.text}".encode()
                          ).hexdigest()


def domain_results(engine: Engine, questions: list[Question], cloud: dict[str, str],
                   window: int) -> list[ItemResult]:
    """Local answers (no FAQ on the device) judged, with the cloud's correctness."""
    out = []
    for q in questions:
        gen = generate_one(engine, [{"role": "user", "content": q.text}], MAX_TOKENS)
        out.append(ItemResult(
            item_id=q.text, category=q.fact_id.split("/")[1],
            prompt_features=prompt_features(q.text), local_correct=judge(gen.text, q.key),
            local_signals=gen.window_signals(window), token_logprobs=gen.token_logprobs,
            local_answer=gen.text, cloud_correct=judge(cloud[q.text], q.key),
        ))
    return out


def general_accuracy(engine: Engine, n: int) -> float:
    """Accuracy on the router's generated general set (arithmetic, capitals, reading…)."""
    items = generate(n, seed=4242)
    good = [resolve_judge(it.judge)(generate_one(engine, it.messages(), 16).text, it.reference)
            for it in items]
    return sum(good) / len(good)


def one_domain(seed: int, args: argparse.Namespace) -> dict[str, Any]:
    domain = make_domain(seed, n_products=args.products)
    stream = list(domain.stream[: args.pairs])
    heldout = list(domain.heldout)
    cloud = cloud_answers(domain, stream + heldout, args.cloud)
    base_cal = Calibration.from_json(DEFAULT_CALIBRATION.read_bytes())
    with tempfile.TemporaryDirectory() as tmp, Engine(EngineConfig(n_ctx=1024)) as engine:
        before = domain_results(engine, heldout, cloud, base_cal.gate.window or 16)
        general_before = general_accuracy(engine, args.general)
        report = _round(engine, stream, cloud, Path(tmp), args)
        bundle = parse_bundle(report.bundle_path.read_bytes())
        adapter = Path(tmp) / "adapter.gguf"
        adapter.write_bytes(bundle.adapter)
        adapted_cal = Calibration.from_dict(bundle.manifest.calibration)
        engine.set_lora([LoraAdapter(path=adapter)])
        after = domain_results(engine, heldout, cloud, adapted_cal.gate.window or 16)
        general_after = general_accuracy(engine, args.general)
    rep_before, rep_after = evaluate(before, base_cal), evaluate(after, adapted_cal)
    round_s = report.train_s + report.calibrate_s
    flops = 6 * EDGE_PARAMS * report.train_tokens
    return {
        "local_acc_before": rep_before.local_acc, "local_acc_after": rep_after.local_acc,
        "cloud_acc": rep_before.cloud_acc,
        "cloud_share_at_95_before": rep_before.share_at_95("cascade"),
        "cloud_share_at_95_after": rep_after.share_at_95("cascade"),
        "oracle_share_at_95_before": rep_before.share_at_95("oracle"),
        "oracle_share_at_95_after": rep_after.share_at_95("oracle"),
        "general_acc_before": general_before, "general_acc_after": general_after,
        "general_acc_delta": general_after - general_before,
        "train_s": report.train_s, "calibrate_s": report.calibrate_s, "round_s": round_s,
        "adapter_bytes": report.adapter_bytes, "bundle_bytes": report.bundle_bytes,
        "n_pairs": report.n_pairs, "n_heldout_questions": len(heldout),
        "base_loss": report.base_loss, "adapter_loss": report.adapter_loss,
        "train_tokens": report.train_tokens,
        "cpu_train_flops_per_s": flops / report.train_s if report.train_s else None,
        "gpu_train_estimate_s": flops / GPU_FLOPS,
    }


def _round(engine: Engine, stream: list[Question], cloud: dict[str, str], tmp: Path,
           args: argparse.Namespace) -> RoundReport:
    store = PairStore(tmp / "pairs.db", retention_s=1e9, max_bytes=1 << 26)
    for q in stream:
        store.add(engine.info.sha256, [{"role": "user", "content": q.text}], cloud[q.text])
    shelf = AdapterShelf(tmp / "adapters", load_signing_key(tmp / "signing.key"))
    cfg = TrainConfig(epochs=args.epochs, batch_size=8, max_tokens=128, threads=args.threads,
                      rank=args.rank, alpha=2.0 * args.rank, learning_rate=args.lr)
    started = time.perf_counter()

    def progress(phase: str, done: int, total: int) -> None:
        print(f"{time.perf_counter() - started:8.1f}s {phase} {done}/{total}",
              file=sys.stderr, flush=True)

    report = learning_round(DEFAULT_EDGE_MODEL, store.pairs, shelf, cfg, progress=progress)
    store.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cloud", choices=("qwen", "oracle"), default="qwen")
    parser.add_argument("--products", type=int, default=5, help="6 facts each")
    parser.add_argument("--pairs", type=int, default=60, help="escalations learned from (N)")
    parser.add_argument("--general", type=int, default=50)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--sealed", action="store_true", help="also run the sealed company")
    args = parser.parse_args()
    result = {"cloud": args.cloud, "shared_box": True, **one_domain(DEV_SEED, args)}
    if args.sealed:
        result["sealed"] = one_domain(SEALED_SEED, args)
    result["target_met"] = (
        result["cloud_share_at_95_after"] <= 0.6 * result["cloud_share_at_95_before"]
        and result["general_acc_delta"] >= -0.02
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
