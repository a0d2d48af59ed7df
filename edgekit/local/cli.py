"""``edgekit generate``, ``edgekit chat`` and ``edgekit models``: the local engine from a shell."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from edgekit.local.config import GenerationParams
    from edgekit.local.engine import Engine
    from edgekit.local.types import Completion


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the local-engine sub-commands to the ``edgekit`` parser."""
    gen = sub.add_parser("generate", help="generate text with the local model (streamed)")
    gen.add_argument("prompt", nargs="?", help="the prompt (default: read stdin)")
    gen.add_argument("--raw", action="store_true", help="no chat template: continue the text")
    gen.add_argument("--system", help="system message (chat mode)")
    gen.add_argument("--json", action="store_true", help="print one JSON object at the end")
    _engine_args(gen)
    gen.set_defaults(func=_cmd_generate)

    models = sub.add_parser("models", help="list installed model packages and files")
    models.add_argument("--no-hash", action="store_true", help="skip computing sha256")
    models.add_argument("--json", action="store_true", help="print JSON")
    models.set_defaults(func=_cmd_models)


def _engine_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="model name or GGUF path (default: smollm2-135m)")
    p.add_argument("--n-ctx", type=int, default=2048)
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--max-tokens", type=int, default=256)
    p.add_argument("--temperature", type=float, default=0.0)
    p.add_argument("--top-p", type=float, default=1.0)
    p.add_argument("--top-k", type=int, default=40)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--stop", action="append", default=[], help="stop string (repeatable)")


def _open_engine(args: argparse.Namespace) -> Engine:
    from edgekit.local.config import EngineConfig
    from edgekit.local.engine import Engine
    from edgekit.local.models import DEFAULT_EDGE_MODEL

    return Engine(
        EngineConfig(
            model=args.model or DEFAULT_EDGE_MODEL, n_ctx=args.n_ctx, n_threads=args.threads
        )
    )


def _params(args: argparse.Namespace) -> GenerationParams:
    from edgekit.local.config import GenerationParams

    return GenerationParams(
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        seed=args.seed,
        stop=tuple(args.stop),
    )


def _stream_to(out: TextIO, events: Any, *, echo: bool) -> Completion:
    from edgekit.local.types import Completion

    def tee() -> Any:
        for ev in events:
            if echo:
                out.write(ev.text)
                out.flush()
            yield ev

    return Completion.from_events(tee())


def _cmd_generate(args: argparse.Namespace) -> int:
    prompt = args.prompt if args.prompt is not None else sys.stdin.read()
    params = _params(args)
    with _open_engine(args) as engine:
        if args.raw:
            events = engine.stream(prompt, params)
        else:
            messages = [{"role": "user", "content": prompt}]
            if args.system:
                messages.insert(0, {"role": "system", "content": args.system})
            events = engine.stream_chat(messages, params)
        done = _stream_to(sys.stdout, events, echo=not args.json)
        if args.json:
            print(json.dumps(_completion_json(done, engine.info.name)))
        else:
            print()
    return 0


def _completion_json(c: Completion, model: str) -> dict[str, Any]:
    t = c.timings
    return {
        "model": model,
        "text": c.text,
        "finish_reason": c.finish_reason,
        "prompt_tokens": c.prompt_tokens,
        "completion_tokens": c.completion_tokens,
        "signals": c.summary.as_dict(),
        "timings": None
        if t is None
        else {
            "ttft_s": t.ttft_s,
            "prefill_s": t.prefill_s,
            "decode_s": t.decode_s,
            "total_s": t.total_s,
            "cached_prompt_tokens": t.cached_prompt_tokens,
        },
    }


def _cmd_models(args: argparse.Namespace) -> int:
    from edgekit.local.models import list_models, sha256_file

    rows: list[dict[str, Any]] = []
    for m in list_models():
        digest = None
        if m.path is not None and not args.no_hash:
            digest = sha256_file(m.path)
        rows.append(
            {
                "name": m.name,
                "installed": m.installed,
                "path": None if m.path is None else str(m.path),
                "size_bytes": m.size_bytes,
                "sha256": digest,
                "description": m.description,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for r in rows:
        size = "-" if r["size_bytes"] is None else f"{r['size_bytes'] / 2**20:.1f} MiB"
        state = "installed" if r["installed"] else "not installed"
        where = r["path"] or ("(assembled on first use)" if r["installed"] else "")
        print(f"{r['name']:<22} {state:<14} {size:>11}  {r['sha256'] or ''}")
        print(f"    {r['description']}")
        if where:
            print(f"    {where}")
    return 0
