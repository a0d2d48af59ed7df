"""``edgekit calibrate``, ``edgekit traffic`` and ``edgekit eval-router``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from edgekit.errors import CalibrationError


def register(sub: Any) -> None:
    """Add the routing sub-commands to the ``edgekit`` parser."""
    cal = sub.add_parser(
        "calibrate",
        help="fit the routing gate and thresholds on a labelled dataset",
        description="Run the edge model (and a reference cloud model) on a JSONL dataset of "
        "prompts with reference answers, judge the answers, fit the gate and pick thresholds.",
    )
    src = cal.add_mutually_exclusive_group()
    src.add_argument("--dataset", type=Path, help="JSONL: id, prompt, reference[, judge, category]")
    src.add_argument(
        "--generate",
        type=int,
        metavar="N",
        default=200,
        help="use N items of the built-in generated dataset (default 200)",
    )
    cal.add_argument("--seed", type=int, default=0, help="dataset and split seed")
    cal.add_argument("--model", default=None, help="edge model name or GGUF path")
    cal.add_argument(
        "--cloud-model",
        default="qwen2.5-coder-1.5b",
        help="reference cloud model run locally for its quality ('none' to skip)",
    )
    cal.add_argument(
        "--cloud-url",
        default=None,
        help="ask this EdgeKit gateway instead of running --cloud-model locally",
    )
    cal.add_argument(
        "--cloud-pin",
        default=None,
        help="sha256 of the gateway's key configuration (with --cloud-url)",
    )
    target = cal.add_mutually_exclusive_group()
    target.add_argument("--escalation-rate", type=float, help="target share sent to the cloud")
    target.add_argument(
        "--max-local-error",
        type=float,
        help="guarantee: error rate of accepted local answers <= this",
    )
    cal.add_argument("--delta", type=float, default=0.1, help="1 - confidence of the guarantee")
    cal.add_argument("--holdout", type=float, default=0.4, help="share held out for thresholds")
    cal.add_argument("--judge", default=None, help="exact|numeric|contains|module:function")
    cal.add_argument(
        "--styles",
        default="terse,chat",
        help="prompt styles to mix: terse (answer-only system prompt), chat "
        "(the client's defaults: no system prompt); default both",
    )
    cal.add_argument(
        "--max-tokens", type=int, default=16, help="local max_tokens of terse answers (default 16)"
    )
    cal.add_argument(
        "--chat-max-tokens",
        type=int,
        default=48,
        help="local max_tokens of chat answers, judged as cut (default 48)",
    )
    cal.add_argument(
        "--cloud-max-tokens",
        type=int,
        default=16,
        help="max_tokens of the reference answers (terse prompt; default 16)",
    )
    cal.add_argument(
        "--gate-window",
        type=int,
        default=16,
        help="the gate scores the first N answer tokens (default 16)",
    )
    cal.add_argument("--cache-dir", type=Path, default=None)
    cal.add_argument("--results", type=Path, default=None, help="write per-item results JSONL")
    cal.add_argument("--out", type=Path, required=True, help="calibration file to write")
    cal.add_argument(
        "--no-gain",
        action="store_true",
        help="skip the gain gate (P(cloud right) - P(local right) with probes)",
    )
    cal.add_argument(
        "--projection-dims",
        type=int,
        default=16,
        help="gain gate: directions of the hidden-state projection a learning "
        "client may store (0: none; default 16)",
    )
    cal.add_argument(
        "--from-traffic",
        action="store_true",
        help="refit the gain gate on the deployment's stored traffic; writes --out "
        "only if it beats --calibration on held-back audits (exit 3 otherwise)",
    )
    cal.add_argument(
        "--store",
        type=Path,
        default=None,
        help="traffic store (default $EDGEKIT_DATA_DIR/traffic.sqlite3)",
    )
    cal.add_argument(
        "--calibration",
        type=Path,
        default=None,
        help="with --from-traffic: the calibration in use (default: the shipped one)",
    )
    cal.add_argument(
        "--spending",
        choices=("joint", "per_refit"),
        default="joint",
        help="with --from-traffic: joint (default) spends delta over the store's "
        "series of refits so every version's guarantee holds at once; per_refit "
        "tests each refit at delta",
    )
    cal.set_defaults(func=_calibrate)

    tr = sub.add_parser(
        "traffic",
        help="what the learning router stored on this device; wipe it",
        description="Show the counts of the on-device traffic store (numbers and labels "
        "only) and the learned calibration versions, or wipe them.",
    )
    tr.add_argument("action", choices=("show", "wipe"))
    tr.add_argument(
        "--store",
        type=Path,
        default=None,
        help="traffic store (default $EDGEKIT_DATA_DIR/traffic.sqlite3)",
    )
    tr.add_argument(
        "--keep-versions", action="store_true", help="wipe: keep the learned calibration versions"
    )
    tr.add_argument(
        "--projections-only",
        action="store_true",
        help="wipe: drop only the stored hidden-state projections (keeps the rest)",
    )
    tr.set_defaults(func=_traffic)

    ev = sub.add_parser(
        "eval-router",
        help="quality against cloud share for every strategy, from cached results",
    )
    ev.add_argument("--results", type=Path, required=True, help="per-item results JSONL")
    ev.add_argument(
        "--calibration",
        type=Path,
        default=None,
        help="calibration to evaluate (default: refit on a split of the results)",
    )
    ev.add_argument(
        "--holdout",
        type=float,
        default=0.5,
        help="when refitting: share of items evaluated (the rest fits the gate)",
    )
    ev.add_argument("--seed", type=int, default=0)
    ev.add_argument("--plot", type=Path, default=None, help="write a PNG of the curves")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.set_defaults(func=_eval_router)


def _calibrate(args: argparse.Namespace) -> int:
    from edgekit.calibrate.dataset import generate, read_dataset
    from edgekit.calibrate.files import save_calibration
    from edgekit.calibrate.fit import CalibrationTarget, fit_calibration, sample_size_warning
    from edgekit.calibrate.records import write_results
    from edgekit.calibrate.runner import (
        Conditions,
        GenerationCache,
        build_style_results,
        default_cache_dir,
        run_engine,
        run_styles,
    )
    from edgekit.local.config import EngineConfig
    from edgekit.local.engine import Engine

    if args.from_traffic:
        return _from_traffic(args)
    if args.escalation_rate is None and args.max_local_error is None:
        args.escalation_rate = 0.4
    target = CalibrationTarget(
        escalation_rate=args.escalation_rate, max_local_error=args.max_local_error, delta=args.delta
    )
    conditions = Conditions(
        styles=tuple(x.strip() for x in args.styles.split(",") if x.strip()),
        gate_window=args.gate_window,
        terse_max_tokens=args.max_tokens,
        chat_max_tokens=args.chat_max_tokens,
        cloud_max_tokens=args.cloud_max_tokens,
    )
    items = read_dataset(args.dataset) if args.dataset else generate(args.generate, args.seed)
    cache = GenerationCache(args.cache_dir or default_cache_dir())
    edge_cfg = EngineConfig() if args.model is None else EngineConfig(model=args.model)
    with Engine(edge_cfg) as engine:
        local = run_styles(
            engine,
            items,
            conditions,
            cache=cache,
            progress=lambda style: _progress(f"edge/{style}"),
        )
        name, sha = engine.info.name, engine.info.sha256
    cloud = None
    if args.cloud_url:
        cloud = _gateway_answers(args, items, cache)
    elif args.cloud_model != "none":
        with Engine(EngineConfig(model=args.cloud_model)) as big:
            cloud = run_engine(
                big,
                items,
                cache=cache,
                max_tokens=args.cloud_max_tokens,
                progress=_progress("cloud"),
            )
    results = build_style_results(items, local, cloud, conditions, judge=args.judge)
    if (warning := sample_size_warning(len(results))) is not None:
        print(f"warning: {warning}", file=sys.stderr)
    calibration = fit_calibration(
        results,
        model_name=name,
        model_sha256=sha,
        target=target,
        holdout=args.holdout,
        seed=args.seed,
        gate_window=conditions.gate_window,
        metadata={
            "dataset": str(args.dataset)
            if args.dataset
            else f"generated:{args.generate}:seed={args.seed}",
            "conditions": conditions.as_metadata(),
            "cloud_model": args.cloud_url or args.cloud_model,
        },
    )
    if cloud is not None and not args.no_gain:
        calibration, results = _with_gain(calibration, results, items, conditions, args, cache,
                                          edge_cfg)  # fmt: skip
    if args.results:
        write_results(args.results, results)
    save_calibration(calibration, args.out)
    meta = calibration.metadata
    print(
        f"wrote {args.out}: gate threshold {calibration.gate.threshold:.4f}, "
        f"held-out AUROC {meta.get('holdout_auroc_gate')}, "
        f"escalation {meta.get('holdout_escalation_share'):.3f}"
    )
    return 0


def _with_gain(
    calibration: Any,
    results: Any,
    items: Any,
    conditions: Any,
    args: argparse.Namespace,
    cache: Any,
    edge_cfg: Any,
) -> tuple[Any, Any]:
    """Attach the gain gate (hidden states read with the edge model, cached like answers).

    Returns the calibration and the results with their pooled hidden states
    (so ``eval-router`` can score the gain gate from the results file).
    """
    import dataclasses
    from functools import partial

    from edgekit.calibrate.fit import CalibrationTarget
    from edgekit.calibrate.gain import HiddenCache, attach_gain_gate, edge_hidden_states
    from edgekit.local.engine import Engine

    hidden = edge_hidden_states(partial(Engine, edge_cfg), items, conditions,
                                sha=str(calibration.model_sha256), cache=cache,
                                hidden=HiddenCache.beside(cache))  # fmt: skip
    target = CalibrationTarget(
        escalation_rate=args.escalation_rate, max_local_error=args.max_local_error, delta=args.delta
    )
    with_hidden = [dataclasses.replace(r, hidden=tuple(h.tolist()))
                   for r, h in zip(results, hidden, strict=True)]  # fmt: skip
    gated = attach_gain_gate(calibration, results, hidden, target=target, holdout=args.holdout,
                             seed=args.seed, projection_dims=args.projection_dims)  # fmt: skip
    return gated, with_hidden


def _from_traffic(args: argparse.Namespace) -> int:
    """``calibrate --from-traffic``: a new calibration version only when it is better."""
    from edgekit.calibrate.files import load_calibration, save_calibration
    from edgekit.calibrate.gain import refit_from_traffic
    from edgekit.routing.calibration import DEFAULT_CALIBRATION
    from edgekit.routing.gain import STORED_FEATURES
    from edgekit.routing.refit import RefitTarget, learning_scope
    from edgekit.traffic import TrafficStore, default_store_path

    if args.escalation_rate is None and args.max_local_error is None:
        raise CalibrationError("--from-traffic needs --max-local-error (or --escalation-rate)")
    target = RefitTarget(
        max_local_error=args.max_local_error,
        escalation_rate=args.escalation_rate,
        delta=args.delta,
        spending=args.spending,
    )
    current = load_calibration(args.calibration or DEFAULT_CALIBRATION)
    path = args.store or default_store_path()
    if not path.exists():
        raise CalibrationError(f"no traffic store at {path}")
    scope = learning_scope(current)  # only rows scored with this calibration's inputs
    with TrafficStore(path, allowed_features=STORED_FEATURES, scope=scope) as store:
        new, outcome = refit_from_traffic(store, current, target, seed=args.seed)
    print(json.dumps({"accepted": outcome.accepted, "reason": outcome.reason,
                      **dict(outcome.report)}))  # fmt: skip
    if not outcome.accepted:
        return 3
    save_calibration(new, args.out)
    print(f"wrote {args.out} (traffic version {new.metadata.get('traffic_version')})")
    return 0


def _traffic(args: argparse.Namespace) -> int:
    """``edgekit traffic show|wipe``."""
    from edgekit.routing.gain import STORED_FEATURES
    from edgekit.traffic import TrafficStore, default_store_path
    from edgekit.traffic.store import versions_dir

    path = args.store or default_store_path()
    versions = sorted(versions_dir(path).glob("calibration-*-v*.json"))
    if not path.exists():
        print(json.dumps({"store": str(path), "exists": False, "versions": len(versions)}))
        return 0
    with TrafficStore(path, allowed_features=STORED_FEATURES) as store:
        if args.action == "wipe" and args.projections_only:
            store.forget_projections()
        elif args.action == "wipe":
            store.wipe()
        counts = store.counts()
    if args.action == "wipe" and not (args.keep_versions or args.projections_only):
        for version in versions:
            version.unlink(missing_ok=True)
        versions = []
    print(json.dumps({"store": str(path), "exists": True, **counts, "versions": len(versions)}))
    return 0


def _gateway_answers(args: argparse.Namespace, items: Any, cache: Any) -> Any:
    import asyncio

    from edgekit.calibrate.runner import run_gateway
    from edgekit.transport import CloudClient, CloudConfig

    async def run() -> Any:
        config = CloudConfig(url=args.cloud_url, key_config_pin=args.cloud_pin)
        async with CloudClient(config) as client:
            return await run_gateway(
                client,
                items,
                cache=cache,
                cache_tag=f"gateway:{args.cloud_url}",
                max_tokens=args.cloud_max_tokens,
                progress=_progress("cloud"),
            )

    return asyncio.run(run())


def _progress(label: str) -> Any:
    def report(done: int, total: int) -> None:
        if done == total or done % 20 == 0:
            print(f"{label}: {done}/{total}", file=sys.stderr, flush=True)

    return report


def _eval_router(args: argparse.Namespace) -> int:
    from edgekit.calibrate.evaluation import evaluate, format_report, plot_report
    from edgekit.calibrate.files import load_calibration
    from edgekit.calibrate.fit import CalibrationTarget, fit_calibration
    from edgekit.calibrate.records import read_results

    results = read_results(args.results)
    if not results:
        raise CalibrationError("results file holds no items")
    if args.calibration is not None:
        calibration = load_calibration(args.calibration)
        evaluated = results
    else:
        from edgekit.calibrate.fit import split_indices

        labels = [r.local_correct for r in results]
        fit_idx, held_idx = split_indices(len(results), args.holdout, args.seed, labels)
        calibration = fit_calibration(
            [results[i] for i in fit_idx],
            model_name="eval",
            model_sha256=None,
            target=CalibrationTarget(escalation_rate=0.4),
            seed=args.seed,
        )
        evaluated = [results[i] for i in held_idx]
    report = evaluate(evaluated, calibration)
    if calibration.gain is not None and "gain" not in report.curves:
        print(
            "note: the gain gate is not shown: the results carry no hidden states (write them "
            "with edgekit calibrate --results)",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(report.as_dict()))
    else:
        print(format_report(report))
    if args.plot is not None:
        plot_report(report, str(args.plot))
    return 0
