"""The bridge from a checked request to the SDK's ``AsyncEdgeClient``.

One engine (batched: concurrent requests decode together), one cloud client
and one base client are built at start-up. What the client takes per call
(strategy, max_tokens, temperature, top_p, stop, seed) goes per call; a
request's gate threshold or privacy preset selects a variant of the base
client that shares its engine, cloud client and calibration, kept in a small
LRU. Nothing here decides a route: that stays in the client.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from edgekit._logging import get_logger
from edgekit.client import AsyncEdgeClient, ChatKwargs, ChatStream, ClientConfig
from edgekit.local.engine import Engine
from edgekit.privacy.config import Preset, PrivacyConfig
from edgekit.serve.config import Settings
from edgekit.serve.protocol import PRIVACY_ORDER, ApiError, ChatRequest
from edgekit.transport import CloudClient

log = get_logger(__name__)
MAX_VARIANTS = 32


@dataclass(frozen=True)
class _VariantKey:
    threshold: float | None
    privacy: Preset | None


class ChatService:
    """Builds and owns the engine, cloud client and clients; see the module docstring."""

    def __init__(self, settings: Settings, *, engine: Engine | None = None) -> None:
        self.settings = settings
        self._given_engine = engine
        self.engine: Engine | None = engine
        self.cloud: CloudClient | None = None
        self.base: AsyncEdgeClient | None = None
        self._variants: OrderedDict[_VariantKey, AsyncEdgeClient] = OrderedDict()

    async def start(self) -> None:
        """Load the model (in a thread: it blocks) and build the base client."""
        cfg = self.settings.client
        if self.engine is None:
            from edgekit.local.batched import BatchedEngine
            from edgekit.local.config import EngineConfig

            engine_cfg = cfg.engine or EngineConfig()
            slots = self.settings.serve.parallel
            self.engine = await asyncio.to_thread(BatchedEngine, engine_cfg, slots=slots)
        if cfg.cloud is not None:
            self.cloud = CloudClient(cfg.cloud)
        self.base = AsyncEdgeClient(cfg, engine=self.engine, cloud=self.cloud)

    async def aclose(self) -> None:
        """Close the clients, the cloud client and the engine this service built."""
        if self.cloud is not None:
            await self.cloud.aclose()
        if self.engine is not None and self._given_engine is None:
            await asyncio.to_thread(self.engine.close)

    @property
    def default_privacy(self) -> str:
        """The configured privacy preset."""
        privacy = self.settings.client.privacy
        return privacy.preset if privacy is not None else "strict"

    def open_stream(self, req: ChatRequest) -> ChatStream:
        """Start the routed answer to ``req`` (raises ConfigError/RoutingError when refused)."""
        options: ChatKwargs = {"max_tokens": req.max_tokens}
        if req.temperature is not None:
            options["temperature"] = req.temperature
        if req.top_p is not None:
            options["top_p"] = req.top_p
        if req.stop:
            options["stop"] = req.stop
        if req.seed is not None:
            options["seed"] = req.seed
        options.update(req.structured)  # type: ignore[typeddict-item]
        return self._client_for(req).stream_chat(req.messages, strategy=req.strategy, **options)

    def prompt_tokens(self, req: ChatRequest) -> int:
        """Tokens of the request's prompt under the local model's template."""
        engine = self._engine()
        return len(engine.tokenize(engine.render_chat(req.messages), add_bos=True))

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` under the local model's tokenizer."""
        return len(self._engine().tokenize(text, add_bos=False, special=False)) if text else 0

    def _engine(self) -> Engine:
        assert self.engine is not None, "the service is not started"
        return self.engine

    def _client_for(self, req: ChatRequest) -> AsyncEdgeClient:
        base = self.base
        assert base is not None, "the service is not started"
        self._check_privacy(req.privacy)
        key = _VariantKey(req.threshold, req.privacy)
        if key == _VariantKey(None, None):
            return base
        client = self._variants.get(key)
        if client is None:
            client = self._variant(base, key)
            self._variants[key] = client
            while len(self._variants) > MAX_VARIANTS:
                self._variants.popitem(last=False)
        self._variants.move_to_end(key)
        return client

    def _variant(self, base: AsyncEdgeClient, key: _VariantKey) -> AsyncEdgeClient:
        cfg: ClientConfig = base.config
        changes: dict[str, Any] = {}
        if key.threshold is not None:
            changes["threshold"] = key.threshold
        if key.privacy is not None:
            privacy = cfg.privacy or PrivacyConfig()
            changes["privacy"] = dataclasses.replace(privacy, preset=key.privacy)
        client = AsyncEdgeClient(
            dataclasses.replace(cfg, **changes),
            engine=base.engine,
            cloud=self.cloud,
            calibration=base.calibration,  # overrides are re-applied: the same or the variant's
        )
        client.policy.stats = base.policy.stats
        client.policy.pre_route_stats = base.policy.pre_route_stats
        return client

    def _check_privacy(self, preset: str | None) -> None:
        if preset is None or self.settings.serve.allow_weaker_privacy:
            return
        if PRIVACY_ORDER.index(preset) < PRIVACY_ORDER.index(self.default_privacy):
            raise ApiError(
                403,
                f"privacy preset '{preset}' is weaker than this server's "
                f"'{self.default_privacy}' (allow_weaker_privacy is off)",
                type="permission_error",
                code="privacy_preset_refused",
                param="edgekit.privacy",
            )
