"""EdgeClient / AsyncEdgeClient: answer on the device, escalate when the gate says so.

:class:`AsyncEdgeClient` is the implementation; :class:`EdgeClient` runs it
on a private event loop in a thread (:class:`~edgekit.client.loop.LoopThread`).
Both expose ``chat()`` (a :class:`ChatResult`) and ``stream_chat()`` (a
stream of text pieces whose ``decision`` is set once it is exhausted), with
per-call ``max_tokens``, ``temperature``, ``top_p``, ``stop``, ``seed`` and
``timeout``. Every answer carries a :class:`~edgekit.routing.decision.RouteDecision`.

Six strategies (see :mod:`edgekit.routing.strategies`): ``local_only``,
``cloud_only``, ``cascade`` (default), ``pre_route``, ``handoff`` and
``prefill_offload``. Whatever the strategy, a cloud that is unreachable, too
slow, rate-limited or fails mid-stream is covered by the device: the answer is
finished locally (continuing from what already streamed) and the decision
says so. What leaves the device is masked by the privacy filter first.
"""

from __future__ import annotations

from edgekit.client.config import ChatKwargs, ChatOptions, ClientConfig
from edgekit.client.core import AsyncEdgeClient
from edgekit.client.io import NoCloudConfigured
from edgekit.client.loop import LoopThread
from edgekit.client.stream import ChatResult, ChatStream
from edgekit.client.sync import EdgeChatStream, EdgeClient
from edgekit.routing.strategies import Piece

__all__ = [
    "AsyncEdgeClient",
    "ChatKwargs",
    "ChatOptions",
    "ChatResult",
    "ChatStream",
    "ClientConfig",
    "EdgeChatStream",
    "EdgeClient",
    "LoopThread",
    "NoCloudConfigured",
    "Piece",
]
