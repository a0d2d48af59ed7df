"""Router benchmark: edge model vs the gateway's default model on the generated dataset.

Runs SmolLM2-135M (edge) and Qwen2.5-Coder-1.5B (the gateway's default model,
through edgekit.local.Engine directly) on the generated labelled dataset,
caching every answer on disk by model sha256 + prompt. The gate is fitted on
one stratified half and evaluated on the other. Then the embedded gateway is
started and stopped, and the client answers every prompt with the cloud gone.

Last stdout line: one JSON object with auroc, cloud_share_at_95,
oracle_cloud_share_at_95, random_cloud_share_at_95, local_acc, cloud_acc,
offline_success (and more).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import hashlib
import json
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # workloads
from workloads import router_ceilings as rc
from workloads import router_learning as rl
from workloads import shifted_domain as shifted

from edgekit.calibrate import gain
from edgekit.calibrate.dataset import SYSTEM_PROMPT, Item, generate
from edgekit.calibrate.evaluation import evaluate, format_report
from edgekit.calibrate.fit import CalibrationTarget, fit_calibration, split_indices
from edgekit.calibrate.records import ItemResult, write_results
from edgekit.calibrate.runner import (
    STYLES,
    Conditions,
    Generation,
    GenerationCache,
    build_style_results,
    default_cache_dir,
    run_engine,
    run_styles,
)
from edgekit.client import AsyncEdgeClient, ClientConfig
from edgekit.local.config import EngineConfig
from edgekit.local.engine import Engine
from edgekit.local.models import DEFAULT_CLOUD_MODEL, DEFAULT_EDGE_MODEL
from edgekit.privacy import PrivacyConfig
from edgekit.routing.calibration import Calibration
from edgekit.routing.decision import Strategy

FULL, QUICK = 200, 60


def _progress(label: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        if done == total or done % 20 == 0:
            print(f"  {label}: {done}/{total}", file=sys.stderr, flush=True)

    return report


Answers = dict[str, Generation]


def cached_answers(
    items: list[Item], cache: GenerationCache, conditions: Conditions
) -> tuple[dict[str, Answers], Answers, str] | None:
    """Every answer from the cache (no model loaded), or None when one is missing."""
    from edgekit.local.models import resolve_model, sha256_file

    edge_sha = sha256_file(resolve_model(DEFAULT_EDGE_MODEL))
    local: dict[str, Answers] = {}
    for style in conditions.styles:
        hits = {
            i.id: cache.get(
                GenerationCache.key(edge_sha, conditions.max_tokens(style), STYLES[style], i.prompt)
            )
            for i in items
        }
        local[style] = {k: v for k, v in hits.items() if v is not None}
    cloud = {
        i.id: cache.get(
            GenerationCache.key(_cloud_sha(), conditions.cloud_max_tokens, SYSTEM_PROMPT, i.prompt)
        )
        for i in items
    }
    found = {k: v for k, v in cloud.items() if v is not None}
    if len(found) < len(items) or any(len(a) < len(items) for a in local.values()):
        return None
    return local, found, edge_sha


def run_models(
    items: list[Item], cache: GenerationCache, conditions: Conditions, threads: int
) -> tuple[dict[str, Answers], Answers, str, float, float]:
    if (hit := cached_answers(items, cache, conditions)) is not None:
        return (*hit, 0.0, 0.0)
    t0 = time.perf_counter()
    with Engine(EngineConfig(model=DEFAULT_EDGE_MODEL, n_ctx=1024, n_threads=threads)) as edge:
        local = run_styles(
            edge, items, conditions, cache=cache, progress=lambda style: _progress(f"edge/{style}")
        )
        edge_sha = edge.info.sha256
    t1 = time.perf_counter()
    with Engine(EngineConfig(model=DEFAULT_CLOUD_MODEL, n_ctx=1024, n_threads=threads)) as big:
        cloud = run_engine(
            big,
            items,
            cache=cache,
            max_tokens=conditions.cloud_max_tokens,
            progress=_progress("cloud"),
        )
    t2 = time.perf_counter()
    return local, cloud, edge_sha, t1 - t0, t2 - t1


async def offline_run(
    items: list[Item], max_tokens: int, threads: int
) -> tuple[float, dict[str, int]]:
    """Share of requests answered (no exception, non-empty) with the gateway stopped."""
    from cloud_gateway.backends.echo import EchoBackend
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway
    from edgekit.transport import CloudConfig

    gw_cfg = config_from_mapping(
        {"auth": {"open_enrolment": True}, "backend": {"kind": "echo"}}, environ={}
    )
    gw = EmbeddedGateway(gw_cfg, backend=EchoBackend())
    url, pin = gw.url, hashlib.sha256(gw.key_configs).hexdigest()
    gw.stop()
    routes: dict[str, int] = {}
    ok = 0
    with tempfile.TemporaryDirectory() as tmp:
        cloud = CloudConfig(url=url, key_config_pin=pin, device_key_path=Path(tmp) / "device.key")
        config = ClientConfig(
            engine=EngineConfig(n_ctx=1024, n_threads=threads),
            cloud=cloud,
            max_tokens=max_tokens,
            privacy=PrivacyConfig(ner="off"),
            cloud_deadline_s=5.0,
        )
        strategies: tuple[Strategy, ...] = ("cascade", "pre_route", "handoff", "cloud_only")
        async with AsyncEdgeClient(config) as client:
            for i, item in enumerate(items):
                strategy = strategies[i % len(strategies)]
                try:
                    result = await client.chat(item.messages(), strategy=strategy)
                except Exception as exc:  # counted as a failure: the user saw an exception
                    routes[f"error:{type(exc).__name__}"] = (
                        routes.get(f"error:{type(exc).__name__}", 0) + 1
                    )
                    continue
                routes[result.decision.route] = routes.get(result.decision.route, 0) + 1
                ok += bool(result.text.strip())
    return ok / len(items), routes


def breakdown(results: list[ItemResult], key: str) -> dict[str, dict[str, float | int]]:
    """Local and cloud accuracy per category, per style or per arithmetic/units level."""
    groups: dict[str, list[ItemResult]] = {}
    for r in results:
        name = (
            r.category
            if key == "category"
            else (
                f"{r.category}/{r.extra.get(key)}" if key == "difficulty" else str(r.extra.get(key))
            )
        )
        groups.setdefault(name, []).append(r)
    return {
        name: {
            "n": len(rs),
            "local_acc": round(sum(r.local_correct for r in rs) / len(rs), 3),
            "cloud_acc": round(sum(bool(r.cloud_correct) for r in rs) / len(rs), 3),
        }
        for name, rs in sorted(groups.items())
    }


def style_figures(held: list[ItemResult], calibration: Calibration) -> dict[str, object]:
    """The headline figures on the held-out items of one prompt style."""
    rep = evaluate(held, calibration)
    return {
        "n": len(held),
        "auroc": rep.auroc["cascade"],
        "cloud_share_at_95": rep.share_at_95("cascade"),
        "oracle_cloud_share_at_95": rep.share_at_95("oracle"),
        "local_acc": rep.local_acc,
        "cloud_acc": rep.cloud_acc,
    }


def learning_figures(
    items: list[Item],
    results: list[ItemResult],
    fit_idx: Any,
    held_idx: Any,
    calibration: Calibration,
    edge_sha: str,
    cache: GenerationCache,
    conditions: Conditions,
    args: argparse.Namespace,
) -> dict[str, Any]:
    """Gain gate + hidden-state probe on the split, and the traffic simulation (issue 21)."""
    hidden = rl.hidden_cache_for(cache)
    factory = partial(Engine, EngineConfig(model=DEFAULT_EDGE_MODEL, n_ctx=1024,
                                           n_threads=args.threads))  # fmt: skip
    keys: list[str] = []
    states = []
    for style in conditions.styles:
        _, by_id, style_keys = gain.edge_hidden(
            factory,
            items,
            sha=edge_sha,
            system=STYLES[style],
            max_tokens=conditions.max_tokens(style),
            cache=cache,
            hidden=hidden,
        )
        keys += style_keys
        states += [by_id[item.id] for item in items]
    h = np.asarray(states)
    fit = gain.training_set([results[i] for i in fit_idx], h[fit_idx], calibration)
    held = gain.training_set([results[i] for i in held_idx], h[held_idx], calibration)
    gate, figures = rl.gain_figures(fit, held, seed=args.seed)
    print(f"gain gate: {json.dumps(figures)}", file=sys.stderr)
    if not args.no_simulation:
        threshold, _ = gain.threshold_for(
            gate, held, CalibrationTarget(max_local_error=args.guarantee, delta=0.1)
        )
        gate = gate.with_threshold(threshold)
        sim, sim_keys = simulate(gate, calibration, edge_sha, cache, hidden, factory, conditions,
                                 args, basis_states=h[fit_idx])  # fmt: skip
        figures["traffic_simulation"] = sim
        figures.update(rl.traffic_headline(sim))
        keys += sim_keys
    if args.export_data:
        keys += [GenerationCache.key(edge_sha, conditions.max_tokens(style), STYLES[style],
                                     item.prompt)
                 for style in conditions.styles for item in items]  # fmt: skip
        keys += [GenerationCache.key(_cloud_sha(), conditions.cloud_max_tokens, SYSTEM_PROMPT,
                                     item.prompt) for item in items]  # fmt: skip
        rl.export_committed(keys, cache, hidden)
    return figures


def simulate(
    gate: Any,
    calibration: Calibration,
    edge_sha: str,
    cache: GenerationCache,
    hidden: Any,
    factory: Any,
    conditions: Conditions,
    args: argparse.Namespace,
    basis_states: Any,
) -> tuple[dict[str, Any], list[str]]:
    """The shifted-domain deployment: chat-style edge answers, terse reference answers."""
    pool = shifted.shifted_items(args.stream_items, shifted.STREAM_SEED, prefix="stream")
    named = {"pool": pool, "sealed": shifted.sealed_items(100)}
    if args.fresh_sealed:  # the second sealed set: scored once, at the end (issue 21)
        named["fresh"] = shifted.fresh_sealed_items(300)
    keys: list[str] = []
    sets: dict[str, list[rl.Request]] = {}
    states_of: dict[str, Any] = {}
    for name, items in named.items():
        local, states, edge_keys = gain.edge_hidden(
            factory,
            items,
            sha=edge_sha,
            system=None,
            max_tokens=conditions.chat_max_tokens,
            cache=cache,
            hidden=hidden,
        )
        cloud = rl.cloud_answers(
            partial(
                Engine, EngineConfig(model=DEFAULT_CLOUD_MODEL, n_ctx=1024, n_threads=args.threads)
            ),
            items,
            sha=_cloud_sha(),
            max_tokens=conditions.cloud_max_tokens,
            cache=cache,
        )
        keys += edge_keys + [
            GenerationCache.key(_cloud_sha(), conditions.cloud_max_tokens, SYSTEM_PROMPT, i.prompt)
            for i in items
        ]
        sets[name] = rl.requests_of(items, local, cloud, states, gate, calibration,
                                    conditions.gate_window)  # fmt: skip
        if name != "fresh":  # the new sealed set is scored by the simulation only, never studied
            states_of.update(states)
    stream, sealed = sets.pop("pool"), sets.pop("sealed")
    deploy = {"alpha": args.guarantee, "delta": 0.1, "feedback_rate": args.feedback_rate,
              "projection_dims": args.projection_dims, "spending": args.spending}  # fmt: skip
    run = partial(rl.traffic_simulation, gate, stream, sealed, also=sets)
    report = run(seed=args.seed, **deploy)
    report["deployment"] = deploy
    report["other_seeds"] = {
        str(seed): _summaries(run(seed=seed, **deploy))
        for seed in range(args.seed + 1, args.seed + 6)}  # fmt: skip
    report["ablations"] = {
        name: {str(seed): _summaries(run(seed=seed, **{**deploy, **change}))
               for seed in range(args.seed, args.seed + 6)}
        for name, change in ABLATIONS.items()}  # fmt: skip
    report["ceilings"] = {name: rl.ceiling_figures(gate, stream, requests)
                          for name, requests in {"sealed": sealed, **sets}.items()}  # fmt: skip
    report["ceilings_cv"] = cross_validated_ceilings(gate, [*stream, *sealed], states_of,
                                                     basis_states)  # fmt: skip
    for name, requests in {"sealed": sealed, **sets}.items():
        prompts = {r.item.prompt for r in stream}
        report[f"{name}_prompts_also_in_stream"] = round(
            sum(r.item.prompt in prompts for r in requests) / len(requests), 3
        )
    return report, keys


def cross_validated_ceilings(
    gate: Any, requests: list[rl.Request], states: dict[str, Any], basis_states: Any
) -> dict[str, Any]:
    """What any refit could reach on the shifted domain: k-fold over the distinct prompts of
    the stream and the old sealed set (never the new one), with the in-sample diagnosis."""
    from edgekit.routing.probe import PrincipalBasis

    domain = rc.domain_of(gate, requests, states)
    basis = PrincipalBasis.of(np.asarray(basis_states))
    t0 = time.perf_counter()
    cv = rc.cv_ceilings(gate, domain, basis)
    curve = rc.learning_curve(gate, domain, basis)
    print(f"cross-validated ceilings ({time.perf_counter() - t0:.0f} s): {json.dumps(cv)}; "
          f"with 100/200 training prompts: {json.dumps(curve)}", file=sys.stderr)  # fmt: skip
    return {"cross_validated": cv, "learning_curve": curve, "in_sample": rc.in_sample(gate, domain),
            "figure_noise": rc.figure_noise(gate, domain)}  # fmt: skip


ABLATIONS: dict[str, dict[str, Any]] = {
    "no_projection": {"projection_dims": 0},
    "no_feedback": {"feedback_rate": 0.0},
    "per_refit_spending": {"spending": "per_refit"},
}


def _summaries(report: dict[str, Any]) -> dict[str, Any]:
    return {which: rl.checkpoint_summary(report, which)
            for which in report if which.startswith("checkpoints")}  # fmt: skip


def _cloud_sha() -> str:
    from edgekit.local.models import MODELS

    sha = MODELS[DEFAULT_CLOUD_MODEL].sha256
    assert sha is not None
    return sha


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"{QUICK} items instead of {FULL}")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--max-tokens",
        type=int,
        default=16,
        help="local max_tokens of terse answers and of the offline run",
    )
    parser.add_argument("--chat-max-tokens", type=int, default=48)
    parser.add_argument("--gate-window", type=int, default=16)
    parser.add_argument("--styles", default="terse,chat")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--offline-items", type=int, default=None)
    parser.add_argument("--cache-dir", type=Path, default=None)
    parser.add_argument("--results", type=Path, default=None, help="write per-item results")
    parser.add_argument(
        "--guarantee",
        type=float,
        default=0.2,
        help="traffic simulation: accepted local error <= this (Learn-then-Test)",
    )
    parser.add_argument(
        "--stream-items",
        type=int,
        default=560,
        help="traffic simulation: distinct requests the stream draws from",
    )
    parser.add_argument(
        "--feedback-rate",
        type=float,
        default=0.05,
        help="traffic simulation: share of answers whose user gives a thumb",
    )
    parser.add_argument(
        "--projection-dims",
        type=int,
        default=16,
        help="traffic simulation: projection coordinates stored per request",
    )
    parser.add_argument("--spending", choices=("joint", "per_refit"), default="joint")
    parser.add_argument(
        "--fresh-sealed",
        action="store_true",
        help="also score the second sealed set (issue 21: once, at the end)",
    )
    parser.add_argument(
        "--no-simulation",
        action="store_true",
        help="skip the traffic simulation on the shifted domain",
    )
    parser.add_argument(
        "--export-data",
        action="store_true",
        help="rewrite benchmarks/data/router-answers.jsonl.gz from the caches",
    )
    args = parser.parse_args()

    # Quick mode takes a prefix of the (shuffled) full set, so its answers are cache hits.
    items = generate(FULL, args.seed)[: QUICK if args.quick else FULL]
    cache = GenerationCache(args.cache_dir or default_cache_dir())
    n_committed = rl.load_committed(cache, rl.hidden_cache_for(cache))
    print(f"{n_committed} committed answers loaded into the cache", file=sys.stderr)
    print(f"router benchmark: {len(items)} items", file=sys.stderr)
    conditions = Conditions(
        styles=tuple(args.styles.split(",")),
        gate_window=args.gate_window,
        terse_max_tokens=args.max_tokens,
        chat_max_tokens=args.chat_max_tokens,
    )
    local, cloud, edge_sha, edge_s, cloud_s = run_models(items, cache, conditions, args.threads)
    results = build_style_results(items, local, cloud, conditions)
    if args.results:
        write_results(args.results, results)

    labels = [r.local_correct for r in results]
    fit_idx, held_idx = split_indices(len(results), 0.5, args.seed, labels)
    calibration = fit_calibration(
        [results[i] for i in fit_idx],
        model_name=DEFAULT_EDGE_MODEL,
        model_sha256=edge_sha,
        target=CalibrationTarget(escalation_rate=0.6),
        seed=args.seed,
        gate_window=conditions.gate_window,
    )
    held = [results[i] for i in held_idx]
    report = evaluate(held, calibration)
    print(format_report(report), file=sys.stderr)
    learning = learning_figures(items, results, fit_idx, held_idx, calibration, edge_sha,
                                cache, conditions, args)  # fmt: skip

    n_off = args.offline_items or (20 if args.quick else 40)
    t0 = time.perf_counter()
    offline_success, offline_routes = asyncio.run(
        offline_run(items[:n_off], args.max_tokens, args.threads)
    )
    offline_s = time.perf_counter() - t0
    figures = report.as_dict()
    share, acc = report.operating_points["cascade@threshold"]
    out = {
        "n_items": len(items),
        "n_eval": len(held),
        "auroc": report.auroc["cascade"],
        "auroc_pre_route": report.auroc.get("pre_route"),
        "auroc_handoff": report.auroc.get("handoff"),
        "cloud_share_at_95": report.share_at_95("cascade"),
        "pre_route_cloud_share_at_95": report.share_at_95("pre_route"),
        "handoff_cloud_share_at_95": report.share_at_95("handoff"),
        "oracle_cloud_share_at_95": report.share_at_95("oracle"),
        "random_cloud_share_at_95": report.share_at_95("random"),
        "local_acc": report.local_acc,
        "cloud_acc": report.cloud_acc,
        "cascade_cloud_share_at_threshold": share,
        "cascade_acc_at_threshold": acc,
        "offline_success": offline_success,
        "offline_routes": offline_routes,
        "offline_items": n_off,
        "edge_model_s": round(edge_s, 2),
        "cloud_model_s": round(cloud_s, 2),
        "offline_s": round(offline_s, 2),
        "cloud_share_at_95_all": figures["cloud_share_at_95"],
        "by_style": {
            style: style_figures([r for r in held if r.extra.get("style") == style], calibration)
            for style in conditions.styles
        },
        "by_category": breakdown(results, "category"),
        "by_category_style": breakdown(
            [
                dataclasses.replace(r, category=f"{r.category}/{r.extra.get('style')}")
                for r in results
            ],
            "category",
        ),
        "by_level": breakdown(
            [r for r in results if r.category in ("arithmetic", "units")], "difficulty"
        ),
        **learning,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
