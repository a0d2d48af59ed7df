"""Echo backend: answers with the request's last message, word by word.

It costs almost nothing, so benchmarks measure the gateway and tests run fast.
Token counts are whitespace-separated words.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

from cloud_gateway.backends.base import ChatRequest, Delta, Usage

_PIECES = re.compile(r"\S+\s*|\s+")


class EchoBackend:
    name = "echo"

    def __init__(self, *, delay_s: float = 0.0, max_parallel: int = 1 << 16) -> None:
        self.delay_s = delay_s
        self.max_parallel = max_parallel
        self.cancelled = 0
        self.completed = 0

    async def start(self) -> None:
        return None

    async def aclose(self) -> None:
        return None

    async def ready(self) -> tuple[bool, str]:
        return True, "echo"

    async def stream(self, request: ChatRequest) -> AsyncIterator[Delta]:
        prompt_tokens = sum(len(m.content.split()) + 1 for m in request.messages)
        pieces = _PIECES.findall(request.messages[-1].content if request.messages else "")
        pieces = pieces[: request.max_tokens]
        finish = "length" if len(pieces) == request.max_tokens else "stop"
        produced = 0
        done = False
        try:
            for piece in pieces:
                if self.delay_s:
                    await asyncio.sleep(self.delay_s)
                produced += 1
                yield Delta(piece)
            done = True
            self.completed += 1
            yield Delta("", finish_reason=finish, usage=Usage(prompt_tokens, produced))
        finally:
            if not done:
                self.cancelled += 1
