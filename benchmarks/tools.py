"""Tool-calling benchmark: the edge model, the cloud model and the hybrid, on a labelled set.

The set (tests/workloads/tools_data.py: 220 requests, 9 tools, 10 intents incl.
answers that need no tool, 66 with an email, phone or card number) is
generated apart from EdgeKit. Both models get every tool with
``tool_choice="auto"`` and decode under EdgeKit's grammar:

- local: SmolLM2-135M sees the request as written;
- cloud: the request is masked as the client masks it and sent through a real
  gateway on loopback (OHTTP; its embedded backend runs Qwen2.5-Coder-1.5B
  under the same grammar); the answer is restored on the device by the
  client's own reader (``edgekit.client.structured.CloudAnswerReader``).

Answers are cached (``--local-results``, ``--results``; keyed by the model's
sha256, a format version, the tools and the prompt as sent), so figures from
the caches take seconds (``--no-speed``); ``--answers-only`` fills them.

Accuracy is exact match of the tool name (or of "no tool") and of the
arguments after normalization (strings case- and space-folded, numbers as
floats; an optional argument the label omits may be added). The tool gate
(edgekit.routing.tool_gate: the open steps' confidence by segment and whether
the values come from the conversation) is fitted on the dev split
(``--write-gate`` ships it); every share is reported on the dev split and on
the sealed split, which is scored but never read while tuning. Local answers
cut by max_tokens or outside the schema are always escalated, as the client does.

Last stdout line: one JSON object with schema_valid_local, schema_valid_hybrid,
tool_acc_local, tool_acc_cloud, tool_acc_hybrid, tool_cloud_share_at_95,
tool_oracle_share_at_95, tool_random_share_at_95 (sealed split; dev_* the same
on dev), signal_gate_tool_cloud_share_at_95 (baseline), constrained_decode_ratio,
pii_args_restored, pii_args_end_to_end.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import math
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # workloads
from workloads import tools_data

from edgekit.calibrate.evaluation import oracle_curve, random_curve, score_curve
from edgekit.client.structured import CloudAnswerReader
from edgekit.local.config import EngineConfig, GenerationParams
from edgekit.local.engine import Engine
from edgekit.local.models import (
    DEFAULT_CLOUD_MODEL,
    DEFAULT_EDGE_MODEL,
    MODELS,
    expected_sha256,
    resolve_model,
    sha256_file,
)
from edgekit.local.signals import TokenSignal
from edgekit.privacy import PrivacyConfig, Redactor
from edgekit.privacy.json_args import mask_chat
from edgekit.privacy.redactor import with_placeholder_instruction
from edgekit.routing.features import SIGNAL_FEATURES, signal_features
from edgekit.routing.logistic import fit_logistic
from edgekit.routing.tool_gate import TOOL_GATE_FEATURES, ToolGate, structured_features
from edgekit.structured import parse_spec

MAX_TOKENS = 64
SPEC = parse_spec(tools_data.TOOLS, "auto")
CLOUD_SHA256 = expected_sha256(MODELS[DEFAULT_CLOUD_MODEL]) or DEFAULT_CLOUD_MODEL
EDGE_SHA256 = sha256_file(resolve_model(DEFAULT_EDGE_MODEL))
RESULTS = Path(__file__).resolve().parent / "results"
DEFAULT_RESULTS = RESULTS / "tools_cloud.jsonl"
DEFAULT_LOCAL_RESULTS = RESULTS / "tools_local.jsonl"


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
    """One constrained local answer: calls, validity and every step's signal."""
    from edgekit.local.types import Completion

    events = list(
        engine.stream_chat(
            messages,
            GenerationParams(max_tokens=MAX_TOKENS),
            tools=tools_data.TOOLS,
            tool_choice="auto",
        )
    )
    out = Completion.from_events(events, spec=SPEC)
    assert out.structured is not None
    calls = [{"name": c.name, "arguments": c.parsed} for c in out.structured.tool_calls]
    valid = out.structured.valid or (not calls and out.structured.content is not None)
    steps = [
        [
            e.text,
            e.forced,
            round(e.signal.logprob, 5),
            round(e.signal.entropy, 5),
            round(e.signal.margin, 5),
        ]
        for e in events
    ]
    return {
        "calls": calls,
        "valid": bool(valid),
        "usable": bool(out.structured.valid),
        "finish": out.finish_reason,
        "steps": steps,
    }


@dataclass(frozen=True)
class Step:
    """A cached step, read as the tool gate reads a TokenEvent."""

    text: str
    forced: bool
    signal: TokenSignal


def steps_of(row: dict[str, Any]) -> list[Step]:
    return [Step(t, f, TokenSignal(lp, ent, mar)) for t, f, lp, ent, mar in row["steps"]]


def run_local(data: list[tools_data.Request], results: Path | None) -> list[dict[str, Any]]:
    """The edge model's answers, cached in ``results`` (keyed by model, version and prompt).

    The model is loaded only when a request is not in the cache.
    """
    cache = _read_cache(results) if results else {}
    sha = EDGE_SHA256
    engine: Engine | None = None
    out = []
    try:
        for i, r in enumerate(data):
            messages = [{"role": "user", "content": r.prompt}]
            key = _cache_key(sha, messages)
            if key not in cache:
                engine = engine or Engine(EngineConfig(model=DEFAULT_EDGE_MODEL, n_threads=1))
                cache[key] = answer(engine, messages)
                if results:
                    _append_cache(results, key, r.id, cache[key])
            out.append(dict(cache[key]))
            if (i + 1) % 20 == 0:
                print(f"  local {i + 1}/{len(data)}", file=sys.stderr, flush=True)
    finally:
        if engine is not None:
            engine.close()
    return out


# Bump when the grammar, the prompt rendering or the answer format changes: cached
# answers of an earlier version are not reused.
CACHE_VERSION = 3


def _cache_key(model_sha: str, messages: list[dict[str, Any]]) -> str:
    blob = json.dumps(
        [CACHE_VERSION, model_sha, MAX_TOKENS, tools_data.TOOLS, messages], sort_keys=True
    )
    return hashlib.sha256(blob.encode()).hexdigest()


def _read_cache(path: Path) -> dict[str, dict[str, Any]]:
    cache: dict[str, dict[str, Any]] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            row = json.loads(line)
            cache[row["key"]] = row["answer"]
    return cache


def _append_cache(path: Path, key: str, request_id: str, answer: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as fh:
        fh.write(json.dumps({"key": key, "id": request_id, "answer": answer}) + "\n")


def prune_cache(path: Path, keys: set[str]) -> None:
    """Rewrite ``path`` with one line per key still in use (older versions dropped)."""
    if not path.exists():
        return
    rows = {}
    for line in path.read_text().splitlines():
        row = json.loads(line)
        if row["key"] in keys:
            rows[row["key"]] = line
    tmp = path.with_suffix(".tmp")
    tmp.write_text("".join(line + "\n" for line in rows.values()))
    tmp.replace(path)


def masked_request(r: tools_data.Request) -> tuple[Redactor, list[dict[str, Any]]]:
    """What leaves the device for ``r`` (as the client masks it) and the vault to restore with."""
    redactor = Redactor(PrivacyConfig(ner="off", audit_log=None))
    masked = mask_chat(redactor, [{"role": "user", "content": r.prompt}])
    sent = with_placeholder_instruction(masked.messages) if masked.total_masked else masked.messages
    return redactor, sent


def run_cloud(
    data: list[tools_data.Request],
    results: Path,
    threads: int,
    cached_only: bool = False,
    minutes: float | None = None,
) -> list[dict[str, Any] | None]:
    """The cloud model's answers to the masked requests, restored on the device.

    Missing answers are asked of Qwen2.5-Coder-1.5B through a real gateway on
    loopback (OHTTP, the gateway's embedded backend under the same grammar)
    and cached, masked as they arrived, in ``results``; restoring always runs
    live with the client's own reader. None for a request not answered
    (``cached_only``, or ``minutes`` of asking used up).
    """
    cache = _read_cache(results)
    todo = []
    for r in data:
        _, sent = masked_request(r)
        key = _cache_key(CLOUD_SHA256, sent)
        if key not in cache:
            todo.append((r, key, sent))
    if todo and not cached_only:
        asyncio.run(_ask_gateway(todo, cache, results, threads, minutes))
    out: list[dict[str, Any] | None] = []
    for r in data:
        redactor, sent = masked_request(r)
        raw = cache.get(_cache_key(CLOUD_SHA256, sent))
        out.append(None if raw is None else restore(r, redactor, raw))
    return out


async def _ask_gateway(
    todo: list[tuple[tools_data.Request, str, list[dict[str, Any]]]],
    cache: dict[str, dict[str, Any]],
    results: Path,
    threads: int,
    minutes: float | None,
) -> None:
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway
    from edgekit.transport import CloudClient, CloudConfig, Timeouts

    config = config_from_mapping(
        {
            "auth": {"open_enrolment": True},
            "backend": {"kind": "llama", "n_ctx": 2048, "n_threads": threads},
            "limits": {
                "rate_per_s": 1000.0,
                "rate_burst": 1000,
                "request_timeout_s": 900.0,
                "queue_timeout_s": 900.0,
            },
        },
        environ={},
    )
    # Requests with the same system text in a row: the model's KV cache keeps their prefix.
    todo = sorted(
        todo, key=lambda item: item[2][0]["content"] if item[2][0]["role"] == "system" else ""
    )
    stop_at = time.monotonic() + 60 * minutes if minutes else math.inf
    with tempfile.TemporaryDirectory() as tmp, EmbeddedGateway(config) as gw:
        cfg = CloudConfig(
            url=gw.url,
            key_config_pin=hashlib.sha256(gw.key_configs).hexdigest(),
            device_key_path=Path(tmp) / "device.key",
            timeouts=Timeouts(first_byte=600, idle=600, total=900),
        )
        async with CloudClient(cfg) as cloud:
            for n, (r, key, sent) in enumerate(todo):
                if time.monotonic() > stop_at:
                    print(f"  cloud: time is up, {len(todo) - n} left", file=sys.stderr)
                    return
                started = time.perf_counter()
                cache[key] = await _ask_one(cloud, sent)
                _append_cache(results, key, r.id, cache[key])
                print(
                    f"  cloud {n + 1}/{len(todo)} {r.id} {time.perf_counter() - started:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )


async def _ask_one(cloud: Any, sent: list[dict[str, Any]]) -> dict[str, Any]:
    """One masked call through the gateway: its deltas as they arrived (still masked)."""
    stream = cloud.stream_chat(
        sent, max_tokens=MAX_TOKENS, temperature=0.0, structured=SPEC.openai_fields()
    )
    pieces: list[dict[str, Any]] = []
    async for text in stream:
        if stream.tool_calls or not pieces or pieces[-1]["tool_calls"]:
            pieces.append({"text": text, "tool_calls": list(stream.tool_calls)})
        else:
            pieces[-1]["text"] += text
        stream.tool_calls.clear()
    return {"pieces": pieces, "finish": stream.finish_reason}


def restore(r: tools_data.Request, redactor: Redactor, raw: dict[str, Any]) -> dict[str, Any]:
    """The cloud answer restored on the device by the client's reader, and its PII checks.

    For a request with personal data whose cloud call is the expected tool:
    ``pii_check`` — every argument that came back holding a placeholder was
    restored exactly (equal to an independent substitution of the vault's
    values into the masked argument, no placeholder left, none unknown);
    ``pii_e2e`` — the arguments hold exactly the personal values the request
    carried (this also fails when the privacy filter masked a value short).
    """
    reader = CloudAnswerReader(SPEC, redactor)
    for piece in raw["pieces"]:
        reader.feed(piece["text"], piece["tool_calls"])
    out = reader.finish(raw["finish"])
    calls = [{"name": c.name, "arguments": c.parsed} for c in out.tool_calls]
    check = e2e = None
    if (
        r.pii
        and r.expected is not None
        and len(calls) == 1
        and calls[0]["name"] == r.expected["name"]
    ):
        got = calls[0]["arguments"] or {}
        held = {k: v for k, v in r.expected["arguments"].items() if v in r.pii}
        e2e = bool(held) and all(got.get(k) == v for k, v in held.items())
        masked = _masked_arguments(raw, SPEC, out)
        check = (
            masked is not None
            and not out.unknown_placeholders
            and all(
                got.get(k) == _substitute(v, redactor)
                for k, v in masked.items()
                if isinstance(v, str) and _LABEL.search(v)
            )
        )
    return {
        "calls": calls,
        "valid": bool(out.valid),
        "finish": out.finish_reason,
        "pii_check": check,
        "pii_e2e": e2e,
        "unknown": list(out.unknown_placeholders),
    }


# An issued label as the cloud may write it: «EMAIL_1», EMAIL_1, [EMAIL_1] (any case).
_LABEL = re.compile(r"[«\[<]?\b([A-Za-z]+(?:_[A-Za-z]+)*_\d+)\b[»\]>]?")


def _masked_arguments(raw: dict[str, Any], spec: Any, out: Any) -> dict[str, Any] | None:
    """The first call's arguments as the cloud sent them (still masked), parsed."""
    from edgekit.privacy import PrivacyConfig as _Config

    reader = CloudAnswerReader(spec, Redactor(_Config(ner="off", audit_log=None)))
    for piece in raw["pieces"]:
        reader.feed(piece["text"], piece["tool_calls"])
    masked = reader.finish(raw["finish"])  # an empty vault restores nothing
    parsed = masked.tool_calls[0].parsed if masked.tool_calls else None
    return parsed if isinstance(parsed, dict) else None


def _substitute(value: str, redactor: Redactor) -> str:
    """Issued labels (in the forms above) replaced by their values; others left alone."""

    def put(m: re.Match[str]) -> str:
        real = redactor.vault.value_of(m.group(1).upper())
        return real if real is not None else m.group(0)

    return _LABEL.sub(put, value)


# --- constrained vs unconstrained decode speed --------------------------------------


def decode_ratio(engine: Engine, prompts: list[str], rounds: int) -> float:
    """Median of constrained ÷ unconstrained decode tokens/s, same prompt back to back."""
    schema = {
        "type": "object",
        "properties": {
            "notes": {
                "type": "array",
                "items": {"type": "string", "maxLength": 400},
                "maxItems": 20,
            }
        },
        "required": ["notes"],
    }
    fmt = {"type": "json_schema", "json_schema": {"name": "notes", "schema": schema}}
    params = GenerationParams(max_tokens=48)
    ratios = []
    for _ in range(rounds):
        for prompt in prompts:
            msgs = [{"role": "user", "content": prompt}]
            free = engine.chat(msgs, params)
            tied = engine.chat(msgs, params, response_format=fmt)
            rates = [
                (c.completion_tokens - 1) / c.timings.decode_s
                for c in (free, tied)
                if c.timings is not None and c.completion_tokens > 8
            ]
            if len(rates) == 2:
                ratios.append(rates[1] / rates[0])
    return statistics.median(ratios) if ratios else math.nan


def measure_speed(data: list[tools_data.Request], rounds: int) -> dict[str, float]:
    """constrained_decode_ratio and the mask costs, on the edge model."""
    with Engine(EngineConfig(model=DEFAULT_EDGE_MODEL, n_threads=1)) as edge:
        speed = {
            "constrained_decode_ratio": decode_ratio(
                edge, [r.prompt for r in data[::23]][:6], rounds
            )
        }
        speed.update(mask_costs(edge))
    return speed


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

    schema = {
        "type": "object",
        "properties": {
            "city": {"type": "string"},
            "unit": {"enum": ["celsius", "fahrenheit"]},
            "days": {"type": "integer"},
        },
        "required": ["city", "unit", "days"],
    }
    ids = engine.tokenize('{"city": "Paris", "unit": "celsius", "days": 3}', add_bos=False)
    h = engine._handle
    n = h.n_vocab
    arr = (lc.llama_token_data * n)()
    cur = lc.llama_token_data_array(data=arr, size=n, selected=-1, sorted=False)
    sampler = lc.llama_sampler_init_grammar(
        h.vocab, json_schema_to_gbnf(json.dumps(schema)).encode(), b"root"
    )
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
    spec = parse_spec(
        response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": schema}}
    )
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
    return {
        "mask_ms_llguidance": 1e3 * float(np.mean(llg)),
        "mask_ms_llama_cpp_grammar": 1e3 * float(np.mean(gbnf)),
    }


# --- routing figures ----------------------------------------------------------------


def tool_gate_matrix(
    data: list[tools_data.Request], rows: list[dict[str, Any]]
) -> np.ndarray[Any, Any]:
    """The shipped tool gate's inputs (edgekit.routing.tool_gate) for every local answer."""
    out = []
    for r, row in zip(data, rows, strict=True):
        feats = structured_features(steps_of(row), r.prompt, [c["arguments"] for c in row["calls"]])
        out.append([feats[k] for k in TOOL_GATE_FEATURES])
    return np.asarray(out, dtype=np.float64)


def signal_gate_matrix(rows: list[dict[str, Any]]) -> np.ndarray[Any, Any]:
    """The text gate's features over the open steps (the baseline of earlier sessions)."""
    out = []
    for row in rows:
        open_steps = [s.signal for s in steps_of(row) if not s.forced]
        feats = signal_features(open_steps, finish_reason=row["finish"])
        out.append([feats[k] for k in SIGNAL_FEATURES])
    return np.asarray(out, dtype=np.float64)


def fit_gate(
    x: np.ndarray[Any, Any], local: list[dict[str, Any]], fit_on: list[int], names: tuple[str, ...]
) -> tuple[Any, np.ndarray[Any, Any]]:
    """A logistic gate fitted on ``fit_on`` (usable answers only) and every answer's score.

    As the client does, an answer that is cut or does not fit the schema is
    escalated whatever the gate says (score -1).
    """
    usable = np.asarray([row["usable"] and row["finish"] != "length" for row in local], dtype=bool)
    y = np.asarray([row["correct"] for row in local], dtype=np.float64)
    rows = [i for i in fit_on if usable[i]]
    model = fit_logistic(x[rows], y[rows], names, l2=1.0)
    scores = model.predict_proba(x)
    scores[~usable] = -1.0
    return model, scores


def threshold_for(scores: np.ndarray[Any, Any], share: float) -> float:
    """The score threshold that escalates ``share`` of these answers (the lowest scores)."""
    ranked = np.sort(scores)
    k = min(max(round(share * len(ranked)), 0), len(ranked) - 1)
    return float(np.clip(ranked[k], 0.0, 1.0))


def routing(
    local: list[dict[str, Any]],
    cloud: list[dict[str, Any]],
    scores: np.ndarray[Any, Any],
    prefix: str,
) -> dict[str, float]:
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
    parser.add_argument(
        "--results", type=Path, default=DEFAULT_RESULTS, help="cloud answers cache (JSON lines)"
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the speed comparison")
    parser.add_argument(
        "--per-intent",
        type=int,
        default=0,
        help="score only the first K requests of every intent and split",
    )
    parser.add_argument(
        "--cloud-only", action="store_true", help="only fill the cloud answers cache (no figures)"
    )
    parser.add_argument(
        "--no-speed", action="store_true", help="skip the decode-speed and mask-cost measurements"
    )
    parser.add_argument(
        "--speed-only", action="store_true", help="only the decode-speed and mask-cost measurements"
    )
    parser.add_argument(
        "--answers-only",
        action="store_true",
        help="only fill the edge, then the cloud answers caches (no figures)",
    )
    parser.add_argument(
        "--cached-cloud",
        action="store_true",
        help="score only the requests whose cloud answers are cached",
    )
    parser.add_argument(
        "--local-results",
        type=Path,
        default=DEFAULT_LOCAL_RESULTS,
        help="edge answers cache (JSON lines)",
    )
    parser.add_argument(
        "--fresh-local",
        action="store_true",
        help="answer every request with the edge model again (no cache)",
    )
    parser.add_argument(
        "--write-gate",
        type=Path,
        default=None,
        help="write the tool gate fitted on the dev split to this file",
    )
    parser.add_argument(
        "--minutes",
        type=float,
        default=None,
        help="stop asking the cloud model after this many minutes",
    )
    args = parser.parse_args()
    # k-major order: a partly filled cloud cache covers every intent evenly.
    data = sorted(tools_data.dataset(), key=lambda r: (int(r.id.rsplit("-", 1)[1]), r.split))
    if args.per_intent:
        data = [r for r in data if int(r.id.rsplit("-", 1)[1]) < args.per_intent]
    if args.speed_only:
        print(json.dumps(measure_speed(data, args.rounds)))
        return
    if args.answers_only:
        run_local(data, args.local_results)
    if args.cloud_only or args.answers_only:
        done = run_cloud(data, args.results, args.threads, minutes=args.minutes)
        if args.answers_only:
            prune_cache(
                args.local_results,
                {_cache_key(EDGE_SHA256, [{"role": "user", "content": r.prompt}]) for r in data},
            )
            prune_cache(
                args.results, {_cache_key(CLOUD_SHA256, masked_request(r)[1]) for r in data}
            )
        print(json.dumps({"cloud_cached": sum(c is not None for c in done), "n": len(done)}))
        return
    if args.cached_cloud:
        known = run_cloud(data, args.results, args.threads, cached_only=True)
        data = [r for r, c in zip(data, known, strict=True) if c is not None]
    t0 = time.perf_counter()
    speed = {} if args.no_speed else measure_speed(data, args.rounds)
    local = run_local(data, None if args.fresh_local else args.local_results)
    t_local = time.perf_counter() - t0
    cloud = [c for c in run_cloud(data, args.results, args.threads) if c is not None]
    for rows in (local, cloud):
        for r, row in zip(data, rows, strict=True):
            row["correct"] = correct(r.expected, row["calls"])
    dev = [i for i, r in enumerate(data) if r.split == "dev"]
    sealed = [i for i, r in enumerate(data) if r.split == "sealed"]
    fits = {
        "": (tool_gate_matrix(data, local), TOOL_GATE_FEATURES),
        "signal_gate_": (signal_gate_matrix(local), tuple(SIGNAL_FEATURES)),
    }
    figures: dict[str, Any] = {}
    for label, (x, names) in fits.items():
        model, scores = fit_gate(x, local, dev, names)
        for prefix, idx in (("dev_", dev), ("", sealed)):
            found = routing([local[i] for i in idx], [cloud[i] for i in idx], scores[idx], prefix)
            if label:
                found = {
                    k.replace("tool_cloud_share", label + "tool_cloud_share"): v
                    for k, v in found.items()
                    if "tool_cloud_share" in k
                }
            figures.update(found)
        if not label:
            dev_share = figures["dev_tool_cloud_share_at_95"]
            tool_gate = ToolGate(
                model=model,
                threshold=threshold_for(scores[dev], dev_share),
                model_sha256=EDGE_SHA256,
                fitted_on={
                    "data": "tests/workloads/tools_data.py",
                    "split": "dev",
                    "n": len(dev),
                    "target": "95% of cloud-only accuracy",
                    "l2": 1.0,
                },
            )
    if args.write_gate:
        args.write_gate.write_text(tool_gate.to_json() + "\n")
    checks = [row["pii_check"] for row in cloud if row["pii_check"] is not None]
    figures["pii_args_restored"] = float(np.mean(checks)) if checks else math.nan
    figures["pii_calls_checked"] = len(checks)
    e2e = [row["pii_e2e"] for row in cloud if row["pii_e2e"] is not None]
    figures["pii_args_end_to_end"] = float(np.mean(e2e)) if e2e else math.nan
    figures["unknown_placeholders"] = sum(len(row["unknown"]) for row in cloud)
    figures.update(speed)
    figures["n_requests"] = len(data)
    figures["n_sealed"] = len(sealed)
    figures["local_seconds"] = round(t_local, 1)
    figures["total_seconds"] = round(time.perf_counter() - t0, 1)
    figures["gate_features"] = list(TOOL_GATE_FEATURES)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
