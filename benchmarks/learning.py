"""Learning benchmark: does one round of distillation move a company's questions on-device?

Scenario (tests/workloads/learning_domain.py, written apart from the code judged):
a made-up company FAQ the edge model cannot know; the cloud model answers
from it (its system prompt). A stream of user questions in varied phrasings
is escalated; the gateway keeps the first N (question, cloud answer) pairs;
one learning round (cloud_gateway.learn.round: LoRA on CPU PyTorch, held-out
check, calibration of the adapted model on pairs held out from training,
signed bundle) produces an adapter. Then the edge model answers *other
phrasings* of the same facts (never trained on) and a general set (the
router's generated dataset), without and with the adapter; the cascade's
cloud share needed to reach 95 % of the cloud's accuracy is computed with the
shipped base calibration before and the adapter's own calibration after.

The adapted model's gate is fitted on the pairs held out from training and
on --rephrase K new phrasings of every escalated question, written by the
cloud model (cloud_gateway.learn.rephrase; their answers are the escalation's
own, so they cost one short cloud call per pair, counted in the round's cost).

Runs in phases so a shared machine can take it in turns (each phase caches
what it computed; a rerun costs nothing):

  --phase cloud      the cloud model's answers (Qwen2.5-Coder-1.5B with the FAQ as
                     system prompt) and its rephrasings, stopping after --budget-s;
                     rerun to continue
  --phase base       the edge model's answers without adapter
  --phase train      the LoRA adapter and its held-out check (the timed part)
  --phase calibrate  the adapted model's calibration and the signed bundle
  --phase eval       the adapted model's answers and the figures (last line JSON)
  --phase all        all of the above (default)

Answers are cached in one JSON file (--answers, committed) keyed by the
model's sha256 (the adapted model's identity for adapted answers), the
generation length, the system prompt and the question. ``--cloud oracle``
trains on the FAQ sentence instead of Qwen's answer (and says so); the
cloud's correctness is always Qwen's.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # workloads

from workloads.learning_domain import DEV_SEED, SEALED_SEED, Domain, Question, judge, make_domain

from cloud_gateway.learn.publish import AdapterShelf, load_signing_key
from cloud_gateway.learn.rephrase import RephraseCost, normalized, rephrase_pairs
from cloud_gateway.learn.round import TrainedAdapter, publish_stage, train_stage
from cloud_gateway.learn.store import Pair, PairStore
from cloud_gateway.learn.train import TrainConfig, split_heldout
from edgekit.calibrate.dataset import generate
from edgekit.calibrate.evaluation import evaluate
from edgekit.calibrate.gain import generate_with_hidden
from edgekit.calibrate.judges import resolve_judge
from edgekit.calibrate.records import ItemResult
from edgekit.calibrate.runner import Generation, GenerationCache, generate_one
from edgekit.learn.bundle import parse_bundle
from edgekit.local import Engine, EngineConfig
from edgekit.local.lora import LoraAdapter
from edgekit.local.models import (
    DEFAULT_CLOUD_MODEL,
    DEFAULT_EDGE_MODEL,
    MODELS,
    expected_sha256,
    resolve_model,
    sha256_file,
)
from edgekit.routing.calibration import DEFAULT_CALIBRATION, Calibration
from edgekit.routing.features import prompt_features

HERE = Path(__file__).resolve().parent
EDGE_PARAMS = 134.5e6  # SmolLM2-135M
# Assumption, not a measurement: an NVIDIA L4 (121 TFLOPS dense bf16 tensor peak, its spec
# sheet) at 20 % utilisation, generous for a 135M model on short sequences.
GPU_PEAK_FLOPS = 121e12
GPU_UTILISATION = 0.2
# Decoding is bound by reading the weights once per step: the cloud model's 1.5B bf16
# weights (3.1 GB) at the L4's 300 GB/s (spec sheet), all rephrasings of a round in one batch.
GPU_DECODE_STEP_S = 3.1e9 / 300e9
FLOPS_PER_TOKEN = 6 * EDGE_PARAMS  # forward + backward; LoRA skips frozen weight grads (~4N)
LOCAL_MAX_TOKENS = 32
CLOUD_MAX_TOKENS = 48
GENERAL_MAX_TOKENS = 16
GENERAL_SEED = 4242
CALIBRATION_VERSION = 4  # bump when the adapted model's calibration changes (cached rounds)


class AnswerBook:
    """Model answers in one JSON file, keyed like :class:`GenerationCache` (written atomically)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, dict[str, Any]] = (
            json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        )

    def answer(
        self,
        model_sha: str,
        max_tokens: int,
        system: str | None,
        question: str,
        make: Callable[[], Generation],
    ) -> Generation:
        """The cached answer, or ``make()`` stored under its key."""
        key = GenerationCache.key(model_sha, max_tokens, system, question)
        if key in self._data:
            return Generation.from_dict(self._data[key])
        gen = make()
        self._data[key] = gen.as_dict()
        self._save()
        return gen

    def answer_with_hidden(
        self, model_sha: str, max_tokens: int, question: str, engine: Engine
    ) -> tuple[Generation, tuple[float, ...]]:
        """The cached answer and pooled hidden state (regenerated when the state is missing)."""
        key = GenerationCache.key(model_sha, max_tokens, None, question)
        entry = self._data.get(key, {})
        if "hidden_f16" not in entry:
            messages = [{"role": "user", "content": question}]
            gen, vec = generate_with_hidden(engine, messages, max_tokens)
            raw = np.asarray(vec, dtype="<f2").tobytes()
            entry = gen.as_dict() | {"hidden_f16": base64.b64encode(raw).decode("ascii")}
            self._data[key] = entry
            self._save()
        hidden = np.frombuffer(base64.b64decode(entry["hidden_f16"]), dtype="<f2")
        return Generation.from_dict(entry), tuple(float(v) for v in hidden)

    def has(self, model_sha: str, max_tokens: int, system: str | None, question: str) -> bool:
        """True when this answer is cached."""
        return GenerationCache.key(model_sha, max_tokens, system, question) in self._data

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        lines = (f"{json.dumps(k)}: {json.dumps(v)}" for k, v in sorted(self._data.items()))
        tmp.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")
        os.replace(tmp, self.path)


def _log(msg: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {msg}", file=sys.stderr, flush=True)


def cloud_sha() -> str:
    digest = expected_sha256(MODELS[DEFAULT_CLOUD_MODEL])
    return digest or sha256_file(resolve_model(DEFAULT_CLOUD_MODEL))


def ask_cloud(
    domain: Domain, questions: Sequence[Question], book: AnswerBook, budget_s: float
) -> int:
    """Fill the book with the cloud's answers until done or ``budget_s``; returns what is left."""
    sha = cloud_sha()
    todo = [
        q for q in questions if not book.has(sha, CLOUD_MAX_TOKENS, domain.system_prompt, q.text)
    ]
    if not todo:
        return 0
    started = time.perf_counter()
    with Engine(EngineConfig(model=DEFAULT_CLOUD_MODEL, n_ctx=2048)) as cloud:
        for i, q in enumerate(todo):
            if time.perf_counter() - started > budget_s:
                return len(todo) - i
            messages = [
                {"role": "system", "content": domain.system_prompt},
                {"role": "user", "content": q.text},
            ]
            gen = book.answer(
                sha,
                CLOUD_MAX_TOKENS,
                domain.system_prompt,
                q.text,
                partial(generate_one, cloud, messages, CLOUD_MAX_TOKENS),
            )
            _log(f"cloud {i + 1}/{len(todo)} {gen.latency_s:.1f}s")
    return 0


class CloudChat:
    """The cloud model's answers to any chat through the book (the engine opened on first need).

    ``seconds`` adds up the measured latency of every answer returned, cached
    or not: what these calls cost when they were made.
    """

    def __init__(self, book: AnswerBook, *, generate: bool) -> None:
        self.book, self.generate, self.seconds = book, generate, 0.0
        self.longest = 0  # tokens of the longest answer (a batched GPU decode's steps)
        self._engine: Engine | None = None

    def __call__(self, messages: list[dict[str, str]], max_tokens: int) -> str:
        prefix = json.dumps(messages[:-1], sort_keys=True)
        question = messages[-1]["content"]
        gen = self.book.answer(
            cloud_sha(), max_tokens, prefix, question, partial(self._make, messages, max_tokens)
        )
        self.seconds += gen.latency_s
        self.longest = max(self.longest, len(gen.token_logprobs))
        return gen.text

    def _make(self, messages: list[dict[str, str]], max_tokens: int) -> Generation:
        if not self.generate:
            raise SystemExit("cloud rephrasings missing: run --phase cloud first")
        if self._engine is None:
            self._engine = Engine(EngineConfig(model=DEFAULT_CLOUD_MODEL, n_ctx=2048))
        return generate_one(self._engine, messages, max_tokens)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()


def question_pairs(questions: Sequence[Question]) -> list[Pair]:
    """Stand-in pairs for asking the cloud's rephrasings ahead of the round (same prompts)."""
    return [
        Pair(f"q{i}", "", ({"role": "user", "content": q.text},), "")
        for i, q in enumerate(questions)
    ]


def ask_rephrasings(sc: Scenario, args: argparse.Namespace, book: AnswerBook) -> None:
    """Cache the cloud's rephrasings of every escalated question."""
    chat = CloudChat(book, generate=True)
    try:
        rephrase_pairs(
            question_pairs(sc.stream),
            chat,
            args.rephrase,
            progress=lambda d, t: _log(f"rephrase {d}/{t}"),
        )
    finally:
        chat.close()


def time_rephrase(sc: Scenario, args: argparse.Namespace) -> None:
    """Time uncached rephrase calls (the cloud model loaded first); prints one JSON line."""
    with tempfile.TemporaryDirectory() as tmp:
        chat = CloudChat(AnswerBook(Path(tmp) / "book.json"), generate=True)
        chat([{"role": "user", "content": "Hello"}], 4)  # load the model outside the timing
        chat.seconds = 0.0
        pairs = question_pairs(sc.stream[: args.time_rephrase])
        started = time.perf_counter()
        rephrase_pairs(pairs, chat, args.rephrase)
        wall = time.perf_counter() - started
        chat.close()
    print(
        json.dumps(
            {
                "rephrase_calls": len(pairs),
                "rephrase_wall_s": wall,
                "rephrase_s_per_call": wall / len(pairs),
            }
        )
    )


def cloud_answers(
    domain: Domain, questions: Sequence[Question], book: AnswerBook
) -> dict[str, str]:
    """The cached cloud answers (every one must be there: run --phase cloud first)."""
    sha = cloud_sha()

    def missing() -> Generation:
        raise SystemExit("cloud answers missing: run --phase cloud until it reports 0 left")

    return {
        q.text: book.answer(sha, CLOUD_MAX_TOKENS, domain.system_prompt, q.text, missing).text
        for q in questions
    }


def domain_results(
    engine: Engine,
    questions: Sequence[Question],
    cloud: dict[str, str],
    window: int,
    book: AnswerBook,
    *,
    hidden: bool = False,
) -> list[ItemResult]:
    """Local answers (no FAQ on the device) judged, with the cloud's correctness.

    With ``hidden`` each result carries the pooled hidden state (for a gain gate's probe).
    """
    out = []
    for q in questions:
        messages = [{"role": "user", "content": q.text}]
        state: tuple[float, ...] = ()
        if hidden:
            gen, state = book.answer_with_hidden(
                engine.model_sha256, LOCAL_MAX_TOKENS, q.text, engine
            )
        else:
            gen = book.answer(
                engine.model_sha256,
                LOCAL_MAX_TOKENS,
                None,
                q.text,
                partial(generate_one, engine, messages, LOCAL_MAX_TOKENS),
            )
        out.append(
            ItemResult(
                hidden=state,
                item_id=q.text,
                category=q.fact_id.split("/")[1],
                prompt_features=prompt_features(q.text),
                local_correct=judge(gen.text, q.key),
                local_signals=gen.window_signals(window),
                token_logprobs=gen.token_logprobs,
                local_answer=gen.text,
                cloud_correct=judge(cloud[q.text], q.key),
            )
        )
    return out


def general_accuracy(engine: Engine, n: int, book: AnswerBook) -> float:
    """Accuracy on the router's generated general set (arithmetic, capitals, reading…)."""
    good = []
    for it in generate(n, seed=GENERAL_SEED):
        gen = book.answer(
            engine.model_sha256,
            GENERAL_MAX_TOKENS,
            None,
            it.prompt,
            partial(generate_one, engine, it.messages(), GENERAL_MAX_TOKENS),
        )
        good.append(resolve_judge(it.judge)(gen.text, it.reference))
    return sum(good) / len(good)


@dataclass(frozen=True)
class Scenario:
    """One company: its domain, the escalations learned from and the held-out questions."""

    name: str
    domain: Domain
    stream: tuple[Question, ...]
    heldout: tuple[Question, ...]


def scenario(name: str, seed: int, args: argparse.Namespace) -> Scenario:
    domain = make_domain(seed, n_products=args.products)
    return Scenario(name, domain, domain.stream[: args.pairs], domain.heldout)


def train_config(args: argparse.Namespace) -> TrainConfig:
    return TrainConfig(
        epochs=args.epochs,
        batch_size=args.batch,
        max_tokens=128,
        threads=args.threads,
        rank=args.rank,
        alpha=2.0 * args.rank,
        learning_rate=args.lr,
        holdout=args.holdout,
    )


def teacher_answers(sc: Scenario, args: argparse.Namespace, book: AnswerBook) -> dict[str, str]:
    """What the gateway kept as the answer of each escalation (Qwen's, or the FAQ line)."""
    if args.cloud == "oracle":
        return {q.text: q.sentence for q in sc.stream}
    return cloud_answers(sc.domain, sc.stream, book)


def round_dir(sc: Scenario, args: argparse.Namespace, teacher: dict[str, str]) -> Path:
    """Where this round's pairs, adapter and bundles live: keyed by pairs and training settings."""
    h = hashlib.sha256(
        json.dumps(
            [sorted(teacher.items()), asdict(train_config(args)) | {"threads": None}],
            sort_keys=True,
            default=str,
        ).encode()
    ).hexdigest()[:16]
    return Path(args.work_dir) / f"{sc.name}-{h}"


def round_pairs(sc: Scenario, folder: Path, teacher: dict[str, str]) -> list[Pair]:
    """The gateway's kept pairs of this round (stored once: pair ids fix the held-out split)."""
    base_sha = sha256_file(resolve_model(DEFAULT_EDGE_MODEL))
    folder.mkdir(parents=True, exist_ok=True)
    fresh = not (folder / "pairs.db").exists()
    store = PairStore(folder / "pairs.db", retention_s=1e10, max_bytes=1 << 26)
    if fresh:
        for q in sc.stream:
            store.add(base_sha, [{"role": "user", "content": q.text}], teacher[q.text])
    pairs = store.pairs(base_sha)
    store.close()
    return pairs


def trained_adapter(
    sc: Scenario, args: argparse.Namespace, book: AnswerBook
) -> tuple[TrainedAdapter, list[Pair], Path]:
    """Train this scenario's adapter (or reuse the one trained with these pairs and settings)."""
    teacher = teacher_answers(sc, args, book)
    folder = round_dir(sc, args, teacher)
    pairs = round_pairs(sc, folder, teacher)
    cfg = train_config(args)
    if (folder / "trained.json").exists():
        return load_trained(folder, cfg), pairs, folder
    if (folder / "round.json").exists():  # a round of an earlier version of this script
        trained = trained_from_round(folder, pairs, cfg)
    else:
        started = time.perf_counter()

        def progress(phase: str, done: int, total: int) -> None:
            _log(f"{time.perf_counter() - started:8.1f}s {phase} {done}/{total}")

        trained = train_stage(DEFAULT_EDGE_MODEL, pairs, cfg, progress=progress)
    save_trained(folder, trained)
    return trained, pairs, folder


_TRAINED_FIELDS = (
    "base_name",
    "base_sha256",
    "n_train",
    "n_heldout",
    "base_loss",
    "adapter_loss",
    "train_s",
    "fit_s",
    "train_tokens",
    "heldout_ids",
)


def save_trained(folder: Path, trained: TrainedAdapter) -> None:
    (folder / "adapter.gguf").write_bytes(trained.adapter)
    doc = {k: getattr(trained, k) for k in _TRAINED_FIELDS}
    (folder / "trained.json").write_text(json.dumps(doc, indent=1))


def load_trained(folder: Path, cfg: TrainConfig) -> TrainedAdapter:
    doc = json.loads((folder / "trained.json").read_text())
    doc["heldout_ids"] = tuple(doc["heldout_ids"])
    return TrainedAdapter(adapter=(folder / "adapter.gguf").read_bytes(), config=cfg, **doc)


def trained_from_round(folder: Path, pairs: list[Pair], cfg: TrainConfig) -> TrainedAdapter:
    """The adapter and training figures of a round written before the stages were split."""
    rnd = json.loads((folder / "round.json").read_text())
    bundle = parse_bundle(Path(rnd["bundle_path"]).read_bytes())
    held = split_heldout(pairs, cfg)[1]
    return TrainedAdapter(
        adapter=bundle.adapter,
        base_name=bundle.manifest.base_name,
        base_sha256=bundle.manifest.base_sha256,
        config=cfg,
        n_train=rnd["n_train"],
        n_heldout=rnd["n_heldout"],
        base_loss=rnd["base_loss"],
        adapter_loss=rnd["adapter_loss"],
        train_s=rnd["train_s"],
        fit_s=rnd["fit_s"],
        train_tokens=rnd["train_tokens"],
        heldout_ids=tuple(p.pair_id for p in held),
    )


def run_round(sc: Scenario, args: argparse.Namespace, book: AnswerBook) -> dict[str, Any]:
    """Calibrate and publish this scenario's adapter (cached); returns the round's report."""
    trained, pairs, folder = trained_adapter(sc, args, book)
    chat = CloudChat(book, generate=False)
    rephrased, cost = rephrase_pairs(pairs, chat, args.rephrase)
    key = hashlib.sha256(
        json.dumps(
            [CALIBRATION_VERSION, [[r.pair_id, r.messages] for r in rephrased]], sort_keys=True
        ).encode()
    ).hexdigest()[:12]
    report_path = folder / f"round-k{args.rephrase}-{key}.json"
    if report_path.exists():
        return dict(json.loads(report_path.read_text()))
    shelf = AdapterShelf(folder / "adapters", load_signing_key(folder / "signing.key"))
    started = time.perf_counter()
    report = publish_stage(
        DEFAULT_EDGE_MODEL,
        pairs,
        trained,
        shelf,
        rephrased=rephrased,
        rephrase_cost=RephraseCost(
            calls=cost.calls, seconds=chat.seconds, kept=cost.kept, dropped=cost.dropped
        ),
        progress=lambda p, d, t: _log(f"{p} {d}/{t}") if d % 20 == 0 else None,
    )
    out = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(report).items()}
    out["calibrate_wall_s"] = time.perf_counter() - started
    out["rephrase_dropped"] = cost.dropped
    out["rephrase_longest_tokens"] = chat.longest
    out["heldout_question_overlap"] = len(
        {normalized(r.messages[-1]["content"]) for r in rephrased}
        & {normalized(q.text) for q in sc.heldout}
    )
    report_path.write_text(json.dumps(out, indent=1))
    return out


def base_figures(
    sc: Scenario, args: argparse.Namespace, book: AnswerBook, engine: Engine
) -> tuple[list[ItemResult], float]:
    cal = Calibration.from_json(DEFAULT_CALIBRATION.read_bytes())
    cloud = cloud_answers(sc.domain, sc.heldout, book)
    results = domain_results(engine, sc.heldout, cloud, cal.gate.window or 16, book)
    return results, general_accuracy(engine, args.general, book)


def evaluate_scenario(sc: Scenario, args: argparse.Namespace, book: AnswerBook) -> dict[str, Any]:
    """Before/after figures of one scenario (needs the cloud phase and the round)."""
    rnd = run_round(sc, args, book)
    bundle = parse_bundle(Path(rnd["bundle_path"]).read_bytes())
    adapted_cal = Calibration.from_dict(bundle.manifest.calibration)
    base_cal = Calibration.from_json(DEFAULT_CALIBRATION.read_bytes())
    cloud = cloud_answers(sc.domain, sc.heldout, book)
    adapter = Path(rnd["bundle_path"]).with_suffix(".gguf")
    adapter.write_bytes(bundle.adapter)
    with Engine(EngineConfig(n_ctx=1024)) as engine:
        before, general_before = base_figures(sc, args, book, engine)
        engine.set_lora([LoraAdapter(path=adapter)])
        after = domain_results(
            engine,
            sc.heldout,
            cloud,
            adapted_cal.gate.window or 16,
            book,
            hidden=adapted_cal.gain is not None,
        )
        general_after = general_accuracy(engine, args.general, book)
    rep_before, rep_after = evaluate(before, base_cal), evaluate(after, adapted_cal)
    return figures(rep_before, rep_after, general_before, general_after, rnd, len(sc.heldout))


def figures(
    rep_before: Any,
    rep_after: Any,
    general_before: float,
    general_after: float,
    rnd: dict[str, Any],
    n_heldout: int,
) -> dict[str, Any]:
    gate_after = "gain" if "gain" in rep_after.curves else "cascade"
    flops = FLOPS_PER_TOKEN * rnd["train_tokens"]
    fit_s = rnd["fit_s"]
    round_s = rnd["train_s"] + rnd["calibrate_s"] + rnd["rephrase_s"]
    return {
        "local_acc_before": rep_before.local_acc,
        "local_acc_after": rep_after.local_acc,
        "cloud_acc": rep_before.cloud_acc,
        "cloud_share_at_95_before": rep_before.share_at_95("cascade"),
        # the decision the device makes: the gain gate when the calibration has one
        "cloud_share_at_95_after": rep_after.share_at_95(gate_after),
        "gate_after": gate_after,
        "cascade_share_at_95_after": rep_after.share_at_95("cascade"),
        "handoff_share_at_95_before": rep_before.share_at_95("handoff"),
        "handoff_share_at_95_after": rep_after.share_at_95("handoff"),
        "oracle_share_at_95_before": rep_before.share_at_95("oracle"),
        "oracle_share_at_95_after": rep_after.share_at_95("oracle"),
        "cloud_share_at_threshold_after": rep_after.operating_points[f"{gate_after}@threshold"][0],
        "accuracy_at_threshold_after": rep_after.operating_points[f"{gate_after}@threshold"][1],
        "auroc_before": _finite(rep_before.auroc.get("cascade")),  # None: one class only
        "auroc_after": _finite(rep_after.auroc.get(gate_after)),
        "cascade_auroc_after": _finite(rep_after.auroc.get("cascade")),
        "general_acc_before": general_before,
        "general_acc_after": general_after,
        "general_acc_delta": general_after - general_before,
        "train_s": rnd["train_s"],
        "calibrate_s": rnd["calibrate_s"],
        "round_s": round_s,
        "rephrase_s": rnd["rephrase_s"],
        "rephrase_calls": rnd["rephrase_calls"],
        "n_rephrased": rnd["n_rephrased"],
        "n_calibration": rnd["n_calibration"],
        "rephrase_dropped": rnd["rephrase_dropped"],
        "heldout_question_overlap": rnd["heldout_question_overlap"],
        "adapter_bytes": rnd["adapter_bytes"],
        "bundle_bytes": rnd["bundle_bytes"],
        "n_pairs": rnd["n_pairs"],
        "n_train": rnd["n_train"],
        "n_heldout_pairs": rnd["n_heldout"],
        "n_heldout_questions": n_heldout,
        "base_loss": rnd["base_loss"],
        "adapter_loss": rnd["adapter_loss"],
        "train_tokens": rnd["train_tokens"],
        "fit_s": fit_s,
        "train_tokens_per_s": rnd["train_tokens"] / fit_s,
        "cpu_train_flops_per_s": flops / fit_s,
        "gpu_fit_estimate_s": flops / (GPU_PEAK_FLOPS * GPU_UTILISATION),
        "gpu_rephrase_estimate_s": rnd.get("rephrase_longest_tokens", 0) * GPU_DECODE_STEP_S,
        "gpu_assumption": f"L4 {GPU_PEAK_FLOPS:.3g} FLOPS peak at {GPU_UTILISATION:.0%}, "
        f"{FLOPS_PER_TOKEN:.3g} FLOPs per training token",
    }


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--phase", choices=("cloud", "base", "train", "calibrate", "eval", "all"), default="all"
    )
    parser.add_argument(
        "--cloud",
        choices=("qwen", "oracle"),
        default="qwen",
        help="whose answers are trained on (the cloud's correctness is Qwen's)",
    )
    parser.add_argument("--products", type=int, default=5, help="6 facts each")
    parser.add_argument("--pairs", type=int, default=60, help="escalations learned from (N)")
    parser.add_argument("--general", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--rank", type=int, default=16)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument(
        "--holdout",
        type=float,
        default=0.35,
        help="share of pairs held out from training (loss check + calibration)",
    )
    parser.add_argument(
        "--rephrase",
        type=int,
        default=3,
        help="cloud rephrasings of each escalated question for the adapted gate",
    )
    parser.add_argument(
        "--time-rephrase",
        type=int,
        default=0,
        metavar="N",
        help="only time N uncached rephrase calls of the cloud model (run locked)",
    )
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--budget-s", type=float, default=1200.0, help="cloud phase time limit")
    parser.add_argument("--answers", default=str(HERE / "data" / "learning-answers.json"))
    parser.add_argument("--work-dir", default=str(Path.home() / ".cache/edgekit/bench-learning"))
    parser.add_argument("--sealed", action="store_true", help="also run the sealed company")
    args = parser.parse_args()
    book = AnswerBook(Path(args.answers))
    if args.time_rephrase:
        time_rephrase(scenario("dev", DEV_SEED, args), args)
        return
    scenarios = [scenario("dev", DEV_SEED, args)]
    if args.sealed:
        scenarios.append(scenario("sealed", SEALED_SEED, args))
    if args.phase in ("cloud", "all"):
        left = sum(
            ask_cloud(sc.domain, sc.stream + sc.heldout, book, args.budget_s) for sc in scenarios
        )
        _log(f"cloud answers left: {left}")
        if not left:
            for sc in scenarios:
                ask_rephrasings(sc, args, book)
        if args.phase == "cloud" or left:
            return
    if args.phase == "base":
        with Engine(EngineConfig(n_ctx=1024)) as engine:
            for sc in scenarios:
                base_figures(sc, args, book, engine)
        return
    if args.phase == "train":
        for sc in scenarios:
            trained_adapter(sc, args, book)
        return
    if args.phase == "calibrate":
        for sc in scenarios:
            run_round(sc, args, book)
        return
    result: dict[str, Any] = {"cloud": args.cloud, "shared_box": True}
    for sc in scenarios:
        figs = evaluate_scenario(sc, args, book)
        if sc.name == "dev":
            result.update(figs)
        else:
            result[sc.name] = figs
    result["target_met"] = (
        result["cloud_share_at_95_after"] <= 0.6 * result["cloud_share_at_95_before"]
        and result["general_acc_delta"] >= -0.02
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
