"""What a call returns: :class:`ChatStream` (async pieces) and :class:`ChatResult` (whole)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from edgekit.errors import ChatTimeout, RoutingError
from edgekit.routing.decision import DecisionRecord, RouteDecision
from edgekit.routing.strategies import Piece

if TYPE_CHECKING:
    from edgekit.client.structured import StructuredRun
    from edgekit.structured.output import StructuredOutput, ToolCall


@dataclass(frozen=True)
class ChatResult:
    """An answer, the decision that produced it, and its pieces (with local token signals).

    A call with tools or a response format also has ``structured``: the tool
    calls (``tool_calls``) or the parsed JSON (``parsed``), validated.
    """

    text: str
    decision: RouteDecision
    pieces: tuple[Piece, ...] = ()
    structured: StructuredOutput | None = None

    @property
    def finish_reason(self) -> str | None:
        """``"stop"``, ``"length"`` when ``max_tokens`` cut the answer, ``"tool_calls"``
        when the answer calls tools (OpenAI's meanings)."""
        if self.structured is not None:
            return self.structured.finish_reason
        return self.decision.finish_reason

    @property
    def tool_calls(self) -> tuple[ToolCall, ...]:
        """The answer's tool calls (empty for a text answer)."""
        return self.structured.tool_calls if self.structured is not None else ()

    @property
    def parsed(self) -> Any:
        """The parsed JSON of a ``response_format`` answer (None otherwise)."""
        return self.structured.parsed if self.structured is not None else None

    def __str__(self) -> str:
        return self.text


class ChatStream:
    """Async stream of text pieces; ``decision`` is set once it is exhausted.

    ``async for text in stream`` yields strings; :meth:`iter_pieces` yields
    :class:`~edgekit.routing.strategies.Piece` objects instead, whose
    ``signal`` holds the log-prob, entropy and margin of each local token.
    """

    def __init__(
        self,
        pieces: AsyncGenerator[Piece, None],
        record: DecisionRecord,
        timeout: float | None = None,
    ) -> None:
        self._iterator = pieces
        self._record = record
        self._deadline = None if timeout is None else time.monotonic() + timeout
        self._timeout = timeout
        self.pieces: list[Piece] = []
        self._decision: RouteDecision | None = None
        self.structured_run: StructuredRun | None = None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> str:
        return (await self.next_piece()).text

    async def iter_pieces(self) -> AsyncIterator[Piece]:
        """The pieces themselves (text, ``"local"``/``"cloud"``, the local token's signal)."""
        while True:
            try:
                yield await self.next_piece()
            except StopAsyncIteration:
                return

    async def next_piece(self) -> Piece:
        """The next piece; raises StopAsyncIteration at the end, ChatTimeout past the timeout."""
        try:
            if self._deadline is None:
                piece = await anext(self._iterator)
            else:
                async with asyncio.timeout(max(0.0, self._deadline - time.monotonic())):
                    piece = await anext(self._iterator)
        except StopAsyncIteration:
            self._decision = self._record.freeze()
            raise
        except TimeoutError:
            await self.aclose()
            raise ChatTimeout(
                f"the call did not finish within its {self._timeout} s timeout"
            ) from None
        self.pieces.append(piece)
        return piece

    async def aclose(self) -> None:
        """Stop early (the local generation or cloud stream is cancelled)."""
        await self._iterator.aclose()

    @property
    def text(self) -> str:
        """Everything yielded so far."""
        return "".join(p.text for p in self.pieces)

    @property
    def decision(self) -> RouteDecision:
        """The decision; only available after the stream is exhausted."""
        if self._decision is None:
            raise RoutingError("the decision is known once the stream is exhausted")
        return self._decision

    @property
    def finish_reason(self) -> str | None:
        """See :attr:`ChatResult.finish_reason` (known once the stream is exhausted)."""
        return self.decision.finish_reason

    def result(self) -> ChatResult:
        """The whole answer (once the stream is exhausted)."""
        run = self.structured_run
        return ChatResult(
            self.text, self.decision, tuple(self.pieces), run.output if run is not None else None
        )
