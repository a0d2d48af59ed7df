"""Embedded llama.cpp backend on :class:`edgekit.local.Engine`.

One engine per allowed model name (default: ``qwen2.5-coder-1.5b``), loaded
once at start-up. Generation runs in a worker thread per request
(``Engine.astream_chat``); closing the delta iterator sets the engine's
cancel flag, so a client that goes away stops its generation within one
token. Each llama.cpp context runs one generation at a time, so
``max_parallel`` is the number of loaded models; the gateway's bounded queue
sits in front.

Tools and ``response_format`` are decoded under the same grammar as on the
device (:mod:`edgekit.structured`); the answer's text is read into
OpenAI tool-call deltas as it streams.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from typing import TYPE_CHECKING, cast

from cloud_gateway.backends.base import ChatRequest, Delta, Usage
from cloud_gateway.backends.structured import StructuredDeltas
from cloud_gateway.config import GatewayConfig
from cloud_gateway.logs import get_logger
from cloud_gateway.problems import BadRequest, ContextTooLong, ModelNotAllowed, Unavailable
from edgekit.local import ConfigError, ContextOverflow, EngineClosed

if TYPE_CHECKING:
    from edgekit.local import Engine

log = get_logger("edgekit.gateway.llama")


class LlamaBackend:
    name = "llama"

    def __init__(self, config: GatewayConfig) -> None:
        self.model_names = config.allowed_models
        self.n_ctx = config.backend.n_ctx
        self.n_threads = config.backend.n_threads
        self.max_parallel = len(self.model_names)
        self._engines: dict[str, Engine] = {}
        self.cancelled = 0

    async def start(self) -> None:
        """Load every allowed model (in a thread: loading takes seconds)."""
        for name in self.model_names:
            self._engines[name] = await asyncio.to_thread(self._load, name)

    def _load(self, name: str) -> Engine:
        from edgekit.local import Engine, EngineConfig

        engine = Engine(EngineConfig(model=name, n_ctx=self.n_ctx, n_threads=self.n_threads))
        log.info("gateway model %s loaded (n_ctx=%d)", name, self.n_ctx)
        return engine

    async def aclose(self) -> None:
        engines, self._engines = self._engines, {}
        for engine in engines.values():
            await asyncio.to_thread(engine.close)

    async def ready(self) -> tuple[bool, str]:
        if len(self._engines) != len(self.model_names):
            return False, "model not loaded"
        if any(engine.closed for engine in self._engines.values()):
            return False, "model closed"
        return True, "model loaded"

    async def stream(self, request: ChatRequest) -> AsyncIterator[Delta]:
        from edgekit.local import GenerationParams

        engine = self._engines.get(request.model)
        if engine is None:
            raise ModelNotAllowed("this model is not loaded")
        try:
            params = GenerationParams(
                max_tokens=request.max_tokens,
                temperature=request.temperature,
                top_p=request.top_p,
                seed=request.seed,
                stop=request.stop,
            )
        except ConfigError as exc:
            raise BadRequest(str(exc)) from None
        messages = [m.as_openai() for m in request.messages]
        produced = 0
        fields = request.structured
        reader = StructuredDeltas(fields)
        events = engine.astream_chat(
            messages,
            params,
            continue_final_message=request.continue_final_message,
            tools=fields.get("tools"),
            tool_choice=fields.get("tool_choice"),
            response_format=fields.get("response_format"),
            parallel_tool_calls=fields.get("parallel_tool_calls"),
        )
        try:
            async for event in events:
                produced += 1
                for delta in reader.feed(event.text):
                    yield delta
                if event.finish_reason is None:
                    continue
                prompt = event.timings.prompt_tokens if event.timings else 0
                yield Delta(
                    "",
                    finish_reason=reader.finish(event.finish_reason),
                    usage=Usage(prompt, produced),
                )
                return
            yield Delta("", finish_reason="stop", usage=Usage(0, produced))
        except (GeneratorExit, asyncio.CancelledError):
            self.cancelled += 1
            raise
        except ContextOverflow as exc:
            raise ContextTooLong(
                f"{exc.n_tokens} tokens needed, the model's context holds {exc.n_ctx}"
            ) from None
        except EngineClosed:
            raise Unavailable("model is shutting down") from None
        finally:
            await cast("AsyncGenerator[object, None]", events).aclose()  # cancels at once
