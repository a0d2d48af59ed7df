"""Tool-calling benchmark: the edge model, the cloud model and the hybrid, on a labelled set.

The set (benchmarks/workloads/tools_data.py: 220 requests, 9 tools, 10 intents incl.
answers that need no tool, 66 with an email, phone or card number) is
generated apart from EdgeKit. Both models get every tool with
``tool_choice="auto"`` and decode under EdgeKit's grammar:

- local: SmolLM2-135M sees the request as written;
- cloud: Qwen2.5-Coder-1.5B (the gateway's default model, through
  ``edgekit.local.Engine`` as the gateway's embedded backend runs it) sees the
  request masked by the privacy filter, and its arguments are restored on the
  device (``edgekit.privacy.json_args``). Its answers are cached in
  ``--results`` (keyed by model and masked prompt): the first run costs
  about 20-30 minutes on 2 shared cores, a rerun about 10 (the local model only).

Accuracy is exact match of the tool name (or of "no tool") and of the
arguments after normalization (strings case- and space-folded, numbers as
floats; an optional argument the label omits may be added). The gate is a
logistic model on the confidence of the tokens the grammar left open (the
tool choice and the argument values, see docs/tools.md), fitted on the dev
split; every share is reported on the dev split and on the sealed split,
which is scored but never read while tuning.

schema_valid_local is over the local answers that finished (the grammar
guarantees them); local_cut_share is the share cut by max_tokens, which the
hybrid (like the client) always escalates.

Last stdout line: one JSON object with schema_valid_local, schema_valid_hybrid,
tool_acc_local, tool_acc_cloud, tool_acc_hybrid, tool_cloud_share_at_95,
tool_oracle_share_at_95, tool_random_share_at_95 (sealed split),
constrained_decode_ratio, pii_args_restored, and the dev figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workloads import tools_data

from edgekit.calibrate.evaluation import oracle_curve, random_curve, score_curve
from edgekit.local.config import EngineConfig, GenerationParams
from edgekit.local.engine import Engine
from edgekit.local.models import DEFAULT_CLOUD_MODEL, DEFAULT_EDGE_MODEL
from edgekit.privacy import PrivacyConfig, Redactor
from edgekit.privacy.json_args import mask_chat, restore_arguments
from edgekit.privacy.redactor import PLACEHOLDER_RE, with_placeholder_instruction
from edgekit.routing.features import SIGNAL_FEATURES, signal_features
from edgekit.routing.logistic import fit_logistic

MAX_TOKENS = 64
DEFAULT_RESULTS = Path(__file__).resolve().parent / "results" / "tools_cloud.jsonl"


# --- judging ------------------------------------------------------------------------


def _norm(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value.casefold()).strip(" .!?,;:'\"")
    return value


def correct(expected: dict[str, Any] | None, calls: list[dict[str, Any]]) -> bool:
    """Exact match of the tool and its normalized arguments (see the module docstring)."""
    if expected is None:
        return not calls
    if len(calls) != 1 or calls[0]["name"] != expected["name"]:
        return False
    got = calls[0]["arguments"]
    if not isinstance(got, dict):
        return False
    tool = next(t for t in tools_data.TOOLS if t["function"]["name"] == expected["name"])
    required = set(tool["function"]["parameters"]["required"])
    want = expected["arguments"]
    if any(k not in want and k in required for k in got):
        return False
    return all(k in got and _norm(got[k]) == _norm(v) for k, v in want.items())


# --- running the models -------------------------------------------------------------


def answer(engine: Engine, messages: list[dict[str, Any]]) -> dict[str, Any]:
    """One constrained answer: calls, validity, and the gate's features."""
    events = list(engine.stream_chat(messages, GenerationParams(max_tokens=MAX_TOKENS),
                                     tools=tools_data.TOOLS, tool_choice="auto"))
    from edgekit.local.types import Completion
    from edgekit.structured import parse_spec

    out = Completion.from_events(events, spec=parse_spec(tools_data.TOOLS, "auto"))
    assert out.structured is not None
    scored = [e.signal for e in events if not e.forced]
    feats = signal_features(scored, finish_reason=out.finish_reason)
    calls = [{"name": c.name, "arguments": c.parsed, "text": c.arguments}
             for c in out.structured.tool_calls]
    valid = out.structured.valid or (not calls and out.structured.content is not None)
    return {"calls": calls, "valid": bool(valid), "finish": out.finish_reason,
            "features": {k: feats[k] for k in SIGNAL_FEATURES},
            "first_logprob": scored[0].logprob if scored else -20.0,
            "n_tokens": out.completion_tokens, "n_scored": len(scored)}


def run_local(engine: Engine, data: list[tools_data.Request]) -> list[dict[str, Any]]:
    out = []
    for i, r in enumerate(data):
        out.append(answer(engine, [{"role": "user", "content": r.prompt}]))
        if (i + 1) % 20 == 0:
            print(f"  local {i + 1}/{len(data)}", file=sys.stderr, flush=True)
    return out


def _cache_key(model_sha: str, messages: list[dict[str, Any]]) -> str:
    blob = json.dumps([model_sha, MAX_TOKENS, tools_data.TOOLS, messages], sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


def run_cloud(data: list[tools_data.Request], results: Path, threads: int,
              cached_only: bool = False) -> list[dict[str, Any] | None]:
    """The cloud model on masked requests, restored on the device; cached in ``results``.

    ``cached_only`` answers None for a request not in the cache (no model is run).
    """
    cache: dict[str, dict[str, Any]] = {}
    if results.exists():
        for line in results.read_text().splitlines():
            row = json.loads(line)
            cache[row["key"]] = row["answer"]
    engine: Engine | None = None
    out: list[dict[str, Any] | None] = []
    try:
        for i, r in enumerate(data):
            redactor = Redactor(PrivacyConfig(ner="off"))
            masked = mask_chat(redactor, [{"role": "user", "content": r.prompt}])
            messages = with_placeholder_instruction(masked.messages) if masked.total_masked \
                else masked.messages
            key = _cache_key(DEFAULT_CLOUD_MODEL, messages)
            if key not in cache and cached_only:
                out.append(None)
                continue
            if key not in cache:
                if engine is None:
                    engine = Engine(EngineConfig(model=DEFAULT_CLOUD_MODEL, n_ctx=2048,
                                                 n_threads=threads))
                cache[key] = answer(engine, messages)
                results.parent.mkdir(parents=True, exist_ok=True)
                with results.open("a") as fh:
                    fh.write(json.dumps({"key": key, "id": r.id, "answer": cache[key]}) + "\n")
                print(f"  cloud {i + 1}/{len(data)}", file=sys.stderr, flush=True)
            out.append(restore(redactor, cache[key]))
    finally:
        if engine is not None:
            engine.close()
    return out


def restore(redactor: Redactor, cloud: dict[str, Any]) -> dict[str, Any]:
    """The cloud answer with real values restored inside the arguments, checked independently."""
    calls, checks = [], []
    for call in cloud["calls"]:
        restored = restore_arguments(redactor.vault, call["text"])
        try:
            args = json.loads(restored.text)
        except ValueError:
            args = None
        if PLACEHOLDER_RE.search(call["text"]) or "\\u00ab" in call["text"]:
            checks.append(args == _substitute(call["arguments"], redactor) and not restored.unknown)
        calls.append({"name": call["name"], "arguments": args, "unknown": list(restored.unknown)})
    return {**cloud, "calls": calls, "pii_checks": checks}


def _substitute(value: Any, redactor: Redactor) -> Any:
    """Placeholders replaced by their values in parsed JSON (an independent restore)."""
    if isinstance(value, str):
        return PLACEHOLDER_RE.sub(lambda m: redactor.vault.value_of(m.group(1)) or m.group(0),
                                  value)
    if isinstance(value, dict):
        return {k: _substitute(v, redactor) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, redactor) for v in value]
    return value


# --- constrained vs unconstrained decode speed --------------------------------------


def decode_ratio(engine: Engine, prompts: list[str], rounds: int) -> float:
    """Median of constrained ÷ unconstrained decode tokens/s, same prompt back to back."""
    schema = {"type": "object", "properties": {"notes": {"type": "array", "items": {
        "type": "string", "maxLength": 400}, "maxItems": 20}}, "required": ["notes"]}
    fmt = {"type": "json_schema", "json_schema": {"name": "notes", "schema": schema}}
    params = GenerationParams(max_tokens=48)
    ratios = []
    for _ in range(rounds):
        for prompt in prompts:
            msgs = [{"role": "user", "content": prompt}]
            free = engine.chat(msgs, params)
            tied = engine.chat(msgs, params, response_format=fmt)
            rates = [(c.completion_tokens - 1) / c.timings.decode_s for c in (free, tied)
                     if c.timings is not None and c.completion_tokens > 8]
            if len(rates) == 2:
                ratios.append(rates[1] / rates[0])
    return statistics.median(ratios) if ratios else math.nan


def mask_costs(engine: Engine) -> dict[str, float]:
    """Mean ms per step to mask the whole vocabulary: llguidance vs llama.cpp's grammar sampler.

    Both follow the same 16-token JSON answer; llama.cpp's sampler gets the
    full candidate array every step (what per-token signals over the masked
    distribution need), its JSON-Schema grammar from llama-cpp-python's converter.
    """
    import ctypes

    import llama_cpp as lc
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    from edgekit.structured import parse_spec

    schema = {"type": "object", "properties": {"city": {"type": "string"}, "unit": {
        "enum": ["celsius", "fahrenheit"]}, "days": {"type": "integer"}},
        "required": ["city", "unit", "days"]}
    ids = engine.tokenize('{"city": "Paris", "unit": "celsius", "days": 3}', add_bos=False)
    h = engine._handle
    n = h.n_vocab
    arr = (lc.llama_token_data * n)()
    cur = lc.llama_token_data_array(data=arr, size=n, selected=-1, sorted=False)
    sampler = lc.llama_sampler_init_grammar(
        h.vocab, json_schema_to_gbnf(json.dumps(schema)).encode(), b"root")
    gbnf = []
    for tid in ids:
        for i in range(n):
            arr[i].id, arr[i].logit = i, 0.0
        cur.size = n
        t = time.perf_counter()
        lc.llama_sampler_apply(sampler, ctypes.byref(cur))
        gbnf.append(time.perf_counter() - t)
        lc.llama_sampler_accept(sampler, tid)
    lc.llama_sampler_free(sampler)
    spec = parse_spec(response_format={"type": "json_schema",
                                       "json_schema": {"name": "x", "schema": schema}})
    assert spec is not None
    constraint = engine._constraint(spec)
    assert constraint is not None
    logits = np.zeros(n, dtype=np.float32)
    llg = []
    for tid in ids:
        t = time.perf_counter()
        constraint.apply(logits)
        llg.append(time.perf_counter() - t)
        constraint.accept(tid)
    return {"mask_ms_llguidance": 1e3 * float(np.mean(llg)),
            "mask_ms_llama_cpp_grammar": 1e3 * float(np.mean(gbnf))}


# --- routing figures ----------------------------------------------------------------


def gate_matrix(rows: list[dict[str, Any]]) -> np.ndarray[Any, Any]:
    return np.asarray([[r["features"][k] for k in SIGNAL_FEATURES] + [r["first_logprob"]]
                       for r in rows], dtype=np.float64)


def routing(local: list[dict[str, Any]], cloud: list[dict[str, Any]], scores: np.ndarray[Any, Any],
            prefix: str) -> dict[str, float]:
    lc = np.asarray([r["correct"] for r in local], dtype=np.float64)
    cc = np.asarray([r["correct"] for r in cloud], dtype=np.float64)
    target = 0.95 * cc.mean()
    gate = score_curve(scores, lc, cc)
    share = gate.share_to_reach(target)
    k = round(share * len(local))
    order = np.argsort(scores, kind="mergesort")
    escalated = set(order[:k].tolist())
    valid = [(cloud if i in escalated else local)[i]["valid"] for i in range(len(local))]
    finished = [r["valid"] for r in local if r["finish"] != "length"]
    return {
        f"{prefix}tool_acc_local": float(lc.mean()),
        f"{prefix}tool_acc_cloud": float(cc.mean()),
        f"{prefix}tool_acc_hybrid": float(gate.accuracy_at(share)),
        f"{prefix}tool_cloud_share_at_95": share,
        f"{prefix}tool_oracle_share_at_95": oracle_curve(lc, cc).share_to_reach(target),
        f"{prefix}tool_random_share_at_95": random_curve(lc, cc).share_to_reach(target),
        f"{prefix}schema_valid_local": float(np.mean(finished)) if finished else math.nan,
        f"{prefix}local_cut_share": float(np.mean([r["finish"] == "length" for r in local])),
        f"{prefix}schema_valid_hybrid": float(np.mean(valid)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--results", type=Path, default=DEFAULT_RESULTS,
                        help="cloud answers cache (JSON lines)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the speed comparison")
    parser.add_argument("--per-intent", type=int, default=0,
                        help="score only the first K requests of every intent and split")
    parser.add_argument("--cloud-only", action="store_true",
                        help="only fill the cloud answers cache (no figures)")
    parser.add_argument("--cached-cloud", action="store_true",
                        help="score only the requests whose cloud answers are cached")
    args = parser.parse_args()
    # k-major order: a partly filled cloud cache covers every intent evenly.
    data = sorted(tools_data.dataset(), key=lambda r: (int(r.id.rsplit("-", 1)[1]), r.split))
    if args.per_intent:
        data = [r for r in data if int(r.id.rsplit("-", 1)[1]) < args.per_intent]
    if args.cloud_only:
        run_cloud(data, args.results, args.threads)
        return
    if args.cached_cloud:
        known = run_cloud(data, args.results, args.threads, cached_only=True)
        data = [r for r, c in zip(data, known, strict=True) if c is not None]
    t0 = time.perf_counter()
    with Engine(EngineConfig(model=DEFAULT_EDGE_MODEL, n_threads=1)) as edge:
        ratio = decode_ratio(edge, [r.prompt for r in data[::23]][:6], args.rounds)
        masks = mask_costs(edge)
        local = run_local(edge, data)
    t_local = time.perf_counter() - t0
    cloud = [c for c in run_cloud(data, args.results, args.threads) if c is not None]
    for rows in (local, cloud):
        for r, row in zip(data, rows, strict=True):
            row["correct"] = correct(r.expected, row["calls"])
    dev = [i for i, r in enumerate(data) if r.split == "dev"]
    sealed = [i for i, r in enumerate(data) if r.split == "sealed"]
    x = gate_matrix(local)
    y = np.asarray([row["correct"] for row in local], dtype=np.float64)
    names = (*SIGNAL_FEATURES, "first_logprob")
    gate = fit_logistic(x[dev], y[dev], names, l2=1.0)
    scores = gate.predict_proba(x)
    # As the client does: an answer that is cut or invalid is escalated whatever the gate says.
    scores[[not row["valid"] for row in local]] = -1.0
    figures: dict[str, Any] = {}
    for prefix, idx in (("dev_", dev), ("", sealed)):
        if len(idx) < 2:
            continue
        figures.update(routing([local[i] for i in idx], [cloud[i] for i in idx], scores[idx],
                               prefix))
    checks = [c for row in cloud for c in row["pii_checks"]]
    figures["pii_args_restored"] = float(np.mean(checks)) if checks else math.nan
    figures["pii_calls_checked"] = len(checks)
    figures["constrained_decode_ratio"] = ratio
    figures.update(masks)
    figures["n_requests"] = len(data)
    figures["n_sealed"] = len(sealed)
    figures["local_seconds"] = round(t_local, 1)
    figures["total_seconds"] = round(time.perf_counter() - t0, 1)
    figures["gate_features"] = list(names)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
