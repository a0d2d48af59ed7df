"""The OpenAI chat-completions shapes ``edgekit serve`` reads and writes.

:func:`parse_chat_request` turns an untrusted JSON body into a checked
:class:`ChatRequest` (or raises :class:`ApiError` naming the parameter);
the ``*_body`` functions build responses, stream chunks and error objects.
EdgeKit's own information travels in one ``edgekit`` extension field and in
``X-EdgeKit-*`` headers; nothing there holds content, only the route,
scores and masked entity types with their counts.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from edgekit.privacy.config import Preset
from edgekit.routing.decision import STRATEGIES, RouteDecision, Strategy

# Model-name suffixes, as Ollama's ``:cloud``: ``edgekit:local`` etc.
SUFFIX_STRATEGIES: dict[str, Strategy] = {
    "local": "local_only",
    "cloud": "cloud_only",
    "cascade": "cascade",
    "handoff": "handoff",
    "pre_route": "pre_route",
    "pre-route": "pre_route",
    "prefill_offload": "prefill_offload",
    "prefill-offload": "prefill_offload",
}
PRIVACY_ORDER = ("off", "balanced", "strict")
_ROLES = {
    "system": "system",
    "developer": "system",
    "user": "user",
    "assistant": "assistant",
    "tool": "tool",
}
# Parameters accepted when they ask for nothing we would not do anyway.
_NEUTRAL: dict[str, tuple[Any, ...]] = {
    "n": (1,),
    "presence_penalty": (0, 0.0),
    "frequency_penalty": (0, 0.0),
    "logprobs": (False,),
    "logit_bias": ({},),
}
STRUCTURED = ("tools", "tool_choice", "response_format", "parallel_tool_calls")
_IGNORED = frozenset(("user", "metadata", "store", "service_tier"))
_KNOWN = frozenset(
    (
        "model",
        "messages",
        "stream",
        "stream_options",
        "max_tokens",
        "max_completion_tokens",
        "temperature",
        "top_p",
        "seed",
        "stop",
        "edgekit",
        "functions",
        "function_call",
        "top_logprobs",
        *STRUCTURED,
        *_NEUTRAL,
        *_IGNORED,
    )
)
MAX_STOP = 4


class ApiError(Exception):
    """An error answered as an OpenAI error object with ``status``."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        code: str | None = None,
        param: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.code = code
        self.param = param
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        """The OpenAI error object."""
        return {
            "error": {
                "message": self.message,
                "type": self.type,
                "param": self.param,
                "code": self.code,
            }
        }


def bad_request(message: str, param: str | None = None, code: str | None = None) -> ApiError:
    """A 400 naming the offending parameter."""
    return ApiError(400, message, param=param, code=code)


@dataclass(frozen=True, kw_only=True)
class ChatRequest:
    """A checked chat-completions request."""

    model: str
    messages: list[dict[str, Any]]
    strategy: Strategy | None
    stream: bool
    include_usage: bool
    max_tokens: int
    temperature: float | None
    top_p: float | None
    seed: int | None
    stop: tuple[str, ...]
    threshold: float | None
    privacy: Preset | None
    app: str
    structured: dict[str, Any]


def parse_chat_request(
    raw: bytes,
    *,
    model_name: str,
    max_tokens_limit: int,
    default_max_tokens: int,
    app_header: str | None,
) -> ChatRequest:
    """Check an untrusted request body; raises :class:`ApiError` (400/404) naming the problem."""
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise bad_request("the request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise bad_request("the request body must be a JSON object")
    _refuse_unsupported(body)
    model = body.get("model")
    if not isinstance(model, str) or not model:
        raise bad_request("'model' is required (e.g. 'edgekit' or 'edgekit:local')", "model")
    strategy = _model_strategy(model, model_name)
    ext = _extension(body.get("edgekit"))
    if ext.strategy is not None:
        if strategy is not None and strategy != ext.strategy:
            raise bad_request("the model name and edgekit.strategy disagree", "edgekit.strategy")
        strategy = ext.strategy
    stream = _bool(body, "stream", default=False)
    options = body.get("stream_options")
    if options is not None and (not isinstance(options, dict) or not stream):
        raise bad_request(
            "'stream_options' must be an object and needs stream=true", "stream_options"
        )
    include_usage = bool(options and options.get("include_usage") is True)
    return ChatRequest(
        model=model,
        messages=_messages(body.get("messages")),
        strategy=strategy,
        stream=stream,
        include_usage=include_usage,
        max_tokens=_max_tokens(body, max_tokens_limit, default_max_tokens),
        temperature=_temperature(body.get("temperature")),
        top_p=_top_p(body.get("top_p")),
        seed=_seed(body.get("seed")),
        stop=_stop(body.get("stop")),
        threshold=ext.threshold,
        privacy=ext.privacy,
        app=_app(body.get("user"), app_header),
        structured={k: body[k] for k in STRUCTURED if body.get(k) is not None},
    )


def _refuse_unsupported(body: Mapping[str, Any]) -> None:
    for name in ("functions", "function_call"):
        if body.get(name) is not None:
            raise bad_request(
                f"the legacy '{name}' is not supported: use tools", name, "unsupported_parameter"
            )
    for name, neutral in _NEUTRAL.items():
        if name in body and body[name] is not None and body[name] not in neutral:
            raise bad_request(
                f"'{name}' = {body[name]!r} is not supported", name, "unsupported_parameter"
            )
    if body.get("top_logprobs") not in (None, 0):
        raise bad_request(
            "'top_logprobs' is not supported", "top_logprobs", "unsupported_parameter"
        )
    unknown = sorted(k for k in body if k not in _KNOWN)
    if unknown:
        raise bad_request(
            f"unknown parameter '{unknown[0][:64]}'", unknown[0][:64], "unknown_parameter"
        )


def _model_strategy(model: str, model_name: str) -> Strategy | None:
    base, sep, suffix = model.partition(":")
    if base == model_name and not sep:
        return None
    if base == model_name and suffix in SUFFIX_STRATEGIES:
        return SUFFIX_STRATEGIES[suffix]
    raise ApiError(
        404,
        f"the model '{model[:64]}' does not exist; use '{model_name}' or "
        f"'{model_name}:<route>' (see GET /v1/models)",
        code="model_not_found",
        param="model",
    )


@dataclass(frozen=True)
class _Extension:
    strategy: Strategy | None = None
    threshold: float | None = None
    privacy: Preset | None = None


def _extension(value: object) -> _Extension:
    if value is None:
        return _Extension()
    if not isinstance(value, dict):
        raise bad_request("'edgekit' must be an object", "edgekit")
    unknown = sorted(set(value) - {"strategy", "threshold", "privacy"})
    if unknown:
        raise bad_request(f"unknown edgekit option '{unknown[0][:64]}'", "edgekit")
    strategy = value.get("strategy")
    if strategy is not None and strategy not in STRATEGIES:
        raise bad_request(
            f"edgekit.strategy must be one of {', '.join(STRATEGIES)}", "edgekit.strategy"
        )
    threshold = value.get("threshold")
    if threshold is not None and (not _is_number(threshold) or not 0.0 <= threshold <= 1.0):
        raise bad_request("edgekit.threshold must be a number in [0, 1]", "edgekit.threshold")
    privacy = value.get("privacy")
    if privacy is not None and privacy not in PRIVACY_ORDER:
        raise bad_request("edgekit.privacy must be strict, balanced or off", "edgekit.privacy")
    return _Extension(
        strategy, None if threshold is None else float(threshold), cast("Preset | None", privacy)
    )


def _messages(value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise bad_request("'messages' must be a non-empty array", "messages")
    out: list[dict[str, Any]] = []
    for i, m in enumerate(value):
        where = f"messages[{i}]"
        if not isinstance(m, dict):
            raise bad_request(f"{where} must be an object", where)
        role = m.get("role")
        if role not in _ROLES:
            raise bad_request(
                f"{where}.role must be system, developer, user, assistant or tool", f"{where}.role"
            )
        calls = m.get("tool_calls")
        content = m.get("content")
        message: dict[str, Any] = {
            "role": _ROLES[role],
            "content": (
                ""
                if content is None and role == "assistant" and calls
                else _content(content, where)
            ),
        }
        for key in ("tool_calls", "tool_call_id", "name"):  # the client checks them
            if m.get(key) is not None:
                message[key] = m[key]
        out.append(message)
    return out


def _content(value: object, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts: list[str] = []
        for part in value:
            if (
                not isinstance(part, dict)
                or part.get("type") != "text"
                or not isinstance(part.get("text"), str)
            ):
                raise bad_request(
                    f"{where}.content: only text parts are supported",
                    f"{where}.content",
                    "unsupported_parameter",
                )
            parts.append(part["text"])
        return "".join(parts)
    raise bad_request(
        f"{where}.content must be a string or an array of text parts", f"{where}.content"
    )


def _max_tokens(body: Mapping[str, Any], limit: int, default: int) -> int:
    for name in ("max_completion_tokens", "max_tokens"):
        value = body.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise bad_request(f"'{name}' must be a positive integer", name)
        if value > limit:
            raise bad_request(f"'{name}' = {value} exceeds this server's limit of {limit}", name)
        return value
    return default


def _temperature(value: object) -> float | None:
    if value is None:
        return None
    if not _is_number(value) or not 0.0 <= float(value) <= 2.0:  # type: ignore[arg-type]
        raise bad_request("'temperature' must be a number in [0, 2]", "temperature")
    return float(value)  # type: ignore[arg-type]


def _top_p(value: object) -> float | None:
    if value is None:
        return None
    if not _is_number(value) or not 0.0 < float(value) <= 1.0:  # type: ignore[arg-type]
        raise bad_request("'top_p' must be a number in (0, 1]", "top_p")
    return float(value)  # type: ignore[arg-type]


def _seed(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 1 << 63:
        raise bad_request("'seed' must be an integer in [0, 2**63)", "seed")
    return value


def _stop(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    stops = [value] if isinstance(value, str) else value
    if (
        not isinstance(stops, list)
        or len(stops) > MAX_STOP
        or not all(isinstance(s, str) and 0 < len(s) <= 256 for s in stops)
    ):
        raise bad_request(f"'stop' must be a string or up to {MAX_STOP} non-empty strings", "stop")
    return tuple(stops)


def _bool(body: Mapping[str, Any], name: str, *, default: bool) -> bool:
    value = body.get(name, default)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise bad_request(f"'{name}' must be true or false", name)
    return value


def _app(user: object, header: str | None) -> str:
    """Who is asking, for fair queueing: the X-EdgeKit-App header, else ``user``."""
    name = header if header else user if isinstance(user, str) else ""
    return name[:64] or "-"


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


# --- responses ---------------------------------------------------------------------


def decision_extension(decision: RouteDecision) -> dict[str, Any]:
    """The ``edgekit`` extension field: the route and why, never content."""
    return {
        "id": decision.id,
        "strategy": decision.strategy,
        "route": decision.route,
        "reason": decision.reason,
        "score": _rounded(decision.score),
        "threshold": _rounded(decision.threshold),
        "escalated": decision.escalated,
        "masked": dict(sorted(decision.entity_counts.items())),
        "masked_total": sum(decision.entity_counts.values()),
        "blocked_types": list(decision.blocked_types),
        "fallback_error": decision.fallback_error,
        "local_tokens": decision.local_tokens,
        "cloud_chars": decision.cloud_chars,
        "latency_ms": {k: round(v * 1000, 2) for k, v in decision.latency_s.items()},
    }


def decision_headers(decision: RouteDecision) -> dict[str, str]:
    """``X-EdgeKit-*`` headers for clients that ignore unknown JSON fields."""
    masked = ",".join(f"{k}={v}" for k, v in sorted(decision.entity_counts.items()))
    headers = {
        "X-EdgeKit-Decision-Id": decision.id,
        "X-EdgeKit-Strategy": decision.strategy,
        "X-EdgeKit-Route": decision.route,
        "X-EdgeKit-Masked": masked or "none",
    }
    if decision.score is not None:
        headers["X-EdgeKit-Score"] = f"{decision.score:.4f}"
    if decision.threshold is not None:
        headers["X-EdgeKit-Threshold"] = f"{decision.threshold:.4f}"
    if decision.fallback_error:
        headers["X-EdgeKit-Fallback"] = decision.fallback_error
    return headers


def completion_body(
    *,
    request_id: str,
    created: int,
    model: str,
    message: dict[str, Any],
    finish_reason: str,
    usage: dict[str, int],
    decision: RouteDecision,
) -> dict[str, Any]:
    """A ``chat.completion`` object (``message``: the assistant message, tool calls too)."""
    return {
        "id": request_id,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "system_fingerprint": None,
        "choices": [
            {"index": 0, "message": message, "finish_reason": finish_reason, "logprobs": None}
        ],
        "usage": usage,
        "edgekit": decision_extension(decision),
    }


def chunk_body(
    *,
    request_id: str,
    created: int,
    model: str,
    delta: dict[str, Any],
    finish_reason: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``chat.completion.chunk`` with one choice."""
    chunk: dict[str, Any] = {
        "id": request_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "system_fingerprint": None,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, "logprobs": None}],
    }
    chunk.update(extra or {})
    return chunk


def usage_chunk_body(
    *, request_id: str, created: int, model: str, usage: dict[str, int]
) -> dict[str, Any]:
    """The last chunk of ``stream_options.include_usage``: no choices, the usage."""
    return {
        "id": request_id,
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "system_fingerprint": None,
        "choices": [],
        "usage": usage,
    }


def usage_body(prompt_tokens: int, completion_tokens: int) -> dict[str, int]:
    """The ``usage`` object."""
    return {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }


def models_body(model_name: str, created: int) -> dict[str, Any]:
    """``GET /v1/models``: the plain name and one per route suffix."""
    names = [model_name] + [f"{model_name}:{s}" for s in SUFFIX_STRATEGIES if "-" not in s]
    return {
        "object": "list",
        "data": [
            {"id": n, "object": "model", "created": created, "owned_by": "edgekit"} for n in names
        ],
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 6)
