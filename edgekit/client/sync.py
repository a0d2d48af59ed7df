"""EdgeClient: the synchronous face of :class:`AsyncEdgeClient`, on a :class:`LoopThread`."""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Self, Unpack

from edgekit.client.config import ChatKwargs, ClientConfig
from edgekit.client.core import AsyncEdgeClient
from edgekit.client.loop import LoopThread
from edgekit.client.stream import ChatResult, ChatStream
from edgekit.messages import Messages
from edgekit.routing.calibration import Calibration
from edgekit.routing.decision import RouteDecision, Strategy
from edgekit.routing.online import OnlineSnapshot
from edgekit.routing.strategies import Piece

if TYPE_CHECKING:
    from edgekit.local.engine import Engine
    from edgekit.transport import CloudClient, Transport


class EdgeChatStream:
    """Sync iterator of text pieces; ``decision`` is set once it is exhausted."""

    def __init__(self, loop: LoopThread, stream: ChatStream) -> None:
        self._loop = loop
        self.stream = stream

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        return self.next_piece().text

    def iter_pieces(self) -> Iterator[Piece]:
        """The pieces with their source and local token signals (see :class:`ChatStream`)."""
        while True:
            try:
                yield self.next_piece()
            except StopIteration:
                return

    def next_piece(self) -> Piece:
        """The next piece; raises StopIteration at the end."""
        try:
            return self._loop.run(self.stream.next_piece())
        except StopAsyncIteration:
            raise StopIteration from None

    def close(self) -> None:
        """Stop early."""
        self._loop.run(self.stream.aclose())

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def text(self) -> str:
        """Everything yielded so far."""
        return self.stream.text

    @property
    def decision(self) -> RouteDecision:
        """The decision; only available after the stream is exhausted."""
        return self.stream.decision


class EdgeClient:
    """Synchronous :class:`AsyncEdgeClient`: same arguments, same methods, no ``await``."""

    def __init__(
        self,
        config: ClientConfig | None = None,
        *,
        engine: Engine | None = None,
        cloud: CloudClient | None = None,
        calibration: Calibration | None = None,
        transport: Transport | None = None,
    ) -> None:
        self._loop = LoopThread("edgekit-client")

        async def build() -> AsyncEdgeClient:
            return AsyncEdgeClient(
                config, engine=engine, cloud=cloud, calibration=calibration, transport=transport
            )

        try:
            self.aclient = self._loop.run(build())
        except BaseException:
            self._loop.close()
            raise

    @property
    def config(self) -> ClientConfig:
        """The client configuration."""
        return self.aclient.config

    @property
    def calibration(self) -> Calibration:
        """The calibration in force (after overrides and online refits)."""
        return self.aclient.calibration

    @property
    def engine(self) -> Engine:
        """The local engine."""
        return self.aclient.engine

    def chat(
        self, messages: Messages, *, strategy: Strategy | None = None, **options: Unpack[ChatKwargs]
    ) -> ChatResult:
        """The whole answer with its decision (see :meth:`AsyncEdgeClient.chat`)."""
        return self._loop.run(self.aclient.chat(messages, strategy=strategy, **options))

    def stream_chat(
        self, messages: Messages, *, strategy: Strategy | None = None, **options: Unpack[ChatKwargs]
    ) -> EdgeChatStream:
        """Stream the answer: ``for piece in stream``; then ``stream.decision``."""
        if self._loop.closed:
            from edgekit.errors import RoutingError

            raise RoutingError("the client is closed")
        return EdgeChatStream(
            self._loop, self.aclient.stream_chat(messages, strategy=strategy, **options)
        )

    def feedback(self, decision_id: str, *, good: bool) -> bool:
        """See :meth:`AsyncEdgeClient.feedback`."""
        return self.aclient.feedback(decision_id, good=good)

    def online_stats(self) -> OnlineSnapshot:
        """See :meth:`AsyncEdgeClient.online_stats`."""
        return self.aclient.online_stats()

    def recalibrate(self, escalation_rate: float, *, min_samples: int = 20) -> float:
        """See :meth:`AsyncEdgeClient.recalibrate`."""
        return self.aclient.recalibrate(escalation_rate, min_samples=min_samples)

    def close(self) -> None:
        """Close the async client and stop the private loop."""
        if self._loop.closed:
            return
        try:
            self._loop.run(self.aclient.aclose())
        finally:
            self._loop.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
