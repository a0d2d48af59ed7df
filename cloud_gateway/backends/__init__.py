"""Model backends behind the gateway: embedded llama.cpp, OpenAI upstream, echo."""

from __future__ import annotations

from cloud_gateway.backends.base import Backend, ChatRequest, Delta, Message, Usage
from cloud_gateway.config import GatewayConfig

__all__ = ["Backend", "ChatRequest", "Delta", "Message", "Usage", "make_backend"]


def make_backend(config: GatewayConfig) -> Backend:
    """The backend ``config.backend.kind`` names (heavy imports happen here)."""
    kind = config.backend.kind
    if kind == "echo":
        from cloud_gateway.backends.echo import EchoBackend

        return EchoBackend(delay_s=config.backend.echo_delay_s)
    if kind == "openai":
        from cloud_gateway.backends.upstream import OpenAIUpstreamBackend

        return OpenAIUpstreamBackend(config)
    from cloud_gateway.backends.llama import LlamaBackend

    return LlamaBackend(config)
