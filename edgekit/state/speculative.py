"""Speculative decoding across the link: the device drafts, the gateway verifies.

Each round the device drafts ``k`` tokens greedily with its own model and
sends them to ``POST /v1/verify``; the gateway evaluates them in one batch,
accepts the longest prefix equal to its own greedy tokens and adds its next
token. With greedy verification the text is exactly the cloud model's greedy
output. Drafts travel as text (any pair of models) or, when both sides hold
the same GGUF, as token ids. ``k`` adapts to the measured acceptance rate,
the draft speed and the round-trip time. If the gateway fails mid-answer the
device continues the same text locally.
"""

from __future__ import annotations

import asyncio
import math
import secrets
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from edgekit._logging import get_logger
from edgekit.errors import CloudError, ProtocolError, StateError
from edgekit.local.config import GenerationParams

if TYPE_CHECKING:
    from edgekit.local.engine import Engine
    from edgekit.transport.client import CloudClient

log = get_logger(__name__)

VERIFY_PATH = "/v1/verify"


class DraftController:
    """Chooses the draft length from acceptance rate, draft speed and round trip.

    With per-token acceptance probability ``a`` a draft of ``k`` yields
    ``(1 - a^(k+1)) / (1 - a)`` tokens per round (accepted plus the cloud's
    own); a round costs ``k · draft_s + rtt_s``. ``k`` maximizes their ratio.
    """

    def __init__(
        self, *, k_init: int = 4, k_min: int = 1, k_max: int = 16, alpha: float = 0.3
    ) -> None:
        self.k = k_init
        self.k_min, self.k_max = k_min, k_max
        self.alpha = alpha
        self.accept_rate = 0.8
        self.draft_s = 0.02
        self.rtt_s = 0.05

    def update(self, *, drafted: int, accepted: int, draft_s: float, round_s: float) -> int:
        """Record one round; returns the next draft length."""
        a = self.alpha
        if drafted:
            rate = accepted / drafted
            self.accept_rate = (1 - a) * self.accept_rate + a * rate
            self.draft_s = (1 - a) * self.draft_s + a * (draft_s / drafted)
        self.rtt_s = (1 - a) * self.rtt_s + a * max(round_s - draft_s, 0.0)
        self.k = self.best_k()
        return self.k

    def best_k(self) -> int:
        acc = min(max(self.accept_rate, 0.0), 0.999)
        best, best_rate = self.k_min, -1.0
        for k in range(self.k_min, self.k_max + 1):
            tokens = (1 - acc ** (k + 1)) / (1 - acc)
            rate = tokens / (k * self.draft_s + self.rtt_s)
            if rate > best_rate + 1e-12:
                best, best_rate = k, rate
        return best


@dataclass(frozen=True, kw_only=True)
class SpeculativeResult:
    """The answer and how it was produced (``fallback_error``: exception class name)."""

    text: str
    finish_reason: str
    rounds: int
    drafted: int
    accepted: int
    cloud_tokens: int
    local_tokens: int
    fallback_error: str | None
    total_s: float

    @property
    def tokens_per_round(self) -> float:
        return self.cloud_tokens / self.rounds if self.rounds else 0.0

    @property
    def acceptance(self) -> float:
        return self.accepted / self.drafted if self.drafted else 0.0


class SpeculativeDecoder:
    """Drafts with a local engine, verifies on the gateway; local fallback on failure.

    ``same_model=True`` sends token ids (only when the gateway's verify model
    is this engine's GGUF; the gateway checks the SHA-256); otherwise text.
    """

    def __init__(
        self,
        engine: Engine,
        cloud: CloudClient,
        *,
        model: str | None = None,
        same_model: bool = False,
        controller: DraftController | None = None,
        deadline_s: float | None = 30.0,
    ) -> None:
        self.engine = engine
        self.cloud = cloud
        self.model = model
        self.same_model = same_model
        self.controller = controller or DraftController()
        self.deadline_s = deadline_s

    async def complete(self, prompt: str, max_tokens: int = 256) -> SpeculativeResult:
        """Greedy continuation of raw ``prompt`` text, as the gateway's model would write it."""
        return await _Run(self, prompt, max_tokens).run()


class _Run:
    """One speculative generation."""

    def __init__(self, dec: SpeculativeDecoder, prompt: str, max_tokens: int) -> None:
        self.dec = dec
        self.prompt = prompt
        self.max_tokens = max_tokens
        self.session = "spec-" + secrets.token_hex(12)
        self.text = ""
        self.cloud_ids: list[int] = []
        self.position = 0
        self.rounds = self.drafted = self.accepted = 0
        self.digest: str | None = None

    async def run(self) -> SpeculativeResult:
        t0 = time.perf_counter()
        engine = self.dec.engine
        if self.dec.same_model:
            self.digest = await asyncio.to_thread(lambda: engine.info.sha256)
        prompt_ids = await asyncio.to_thread(engine.tokenize, self.prompt)
        finish: str | None = None
        error: str | None = None
        try:
            while finish is None:
                finish = await self._round(prompt_ids)
        except (CloudError, ProtocolError, StateError) as exc:
            error = type(exc).__name__
            log.warning("verify failed (%s); continuing locally", error)
        local = 0
        if finish is None:
            finish, local = await self._continue_locally(prompt_ids)
        return SpeculativeResult(
            text=self.text,
            finish_reason=finish,
            rounds=self.rounds,
            drafted=self.drafted,
            accepted=self.accepted,
            cloud_tokens=self.position,
            local_tokens=local,
            fallback_error=error,
            total_s=time.perf_counter() - t0,
        )

    def _context(self, prompt_ids: list[int]) -> list[int]:
        if self.dec.same_model:
            return prompt_ids + self.cloud_ids
        return self.dec.engine.tokenize(self.prompt + self.text)

    async def _round(self, prompt_ids: list[int]) -> str | None:
        k = self.dec.controller.k
        t0 = time.perf_counter()
        ids, text = await asyncio.to_thread(self._draft, prompt_ids, k)
        t_draft = time.perf_counter() - t0
        body: dict[str, Any] = {"session": self.session, "position": self.position}
        if self.position == 0:
            body.update(prompt=self.prompt, max_tokens=self.max_tokens)
            if self.dec.model:
                body["model"] = self.dec.model
        if self.dec.same_model:
            body.update(draft_tokens=ids, model_sha256=self.digest, ids=True)
        else:
            body["draft"] = text
        answer = await self.dec.cloud.post_inner(VERIFY_PATH, body, deadline_s=self.dec.deadline_s)
        reply = _check_reply(answer.json(), self.position, self.dec.same_model)
        self.rounds += 1
        self.drafted += int(reply["drafted"])
        self.accepted += int(reply["accepted"])
        self.text += str(reply["text"])
        self.position = int(reply["position"])
        if self.dec.same_model:
            self.cloud_ids.extend(int(t) for t in reply["tokens"])
        self.dec.controller.update(
            drafted=int(reply["drafted"]),
            accepted=int(reply["accepted"]),
            draft_s=t_draft,
            round_s=time.perf_counter() - t0,
        )
        finish = reply["finish_reason"]
        return str(finish) if finish is not None else None

    def _draft(self, prompt_ids: list[int], k: int) -> tuple[list[int], str]:
        context = self._context(prompt_ids)
        room = self.dec.engine.info.n_ctx - len(context) - 1
        k = min(k, self.max_tokens - self.position - 1, room)
        if k <= 0:
            return [], ""
        ids: list[int] = []
        parts: list[str] = []
        for ev in self.dec.engine.stream_tokens(context, GenerationParams(max_tokens=k)):
            if ev.finish_reason == "stop" and not ev.text:
                break  # end of generation: not part of the draft
            ids.append(ev.token_id)
            parts.append(ev.text)
        return ids, "".join(parts)

    async def _continue_locally(self, prompt_ids: list[int]) -> tuple[str, int]:
        remaining = self.max_tokens - self.position
        if remaining <= 0:
            return "length", 0
        context = await asyncio.to_thread(self._context, prompt_ids)
        params = GenerationParams(max_tokens=remaining)
        produced = 0
        finish = "length"
        async for ev in self.dec.engine.astream_tokens(context, params):
            self.text += ev.text
            produced += 1
            if ev.finish_reason is not None:
                finish = ev.finish_reason
        return finish, produced


def _check_reply(reply: Any, position: int, want_ids: bool) -> dict[str, Any]:
    ok = (
        isinstance(reply, dict)
        and isinstance(reply.get("text"), str)
        and all(_nonneg_int(reply.get(k)) for k in ("accepted", "drafted", "position"))
        and reply.get("finish_reason") in (None, "stop", "length")
        and (not want_ids or isinstance(reply.get("tokens"), list))
    )
    if (
        not ok
        or int(reply["position"]) < position
        or int(reply["accepted"]) > int(reply["drafted"])
    ):
        raise StateError("malformed verify answer")
    if want_ids and not all(_nonneg_int(t) for t in reply["tokens"]):
        raise StateError("malformed verify answer")
    return dict(reply)


def _nonneg_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def expected_tokens_per_round(accept_rate: float, k: int) -> float:
    """Expected tokens per verify round for acceptance ``accept_rate`` and draft ``k``."""
    a = min(max(accept_rate, 0.0), 0.999)
    return (1 - a ** (k + 1)) / (1 - a) if not math.isclose(a, 1.0) else k + 1.0


__all__: Sequence[str] = ("DraftController", "SpeculativeDecoder", "SpeculativeResult")
