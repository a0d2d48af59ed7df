"""A transport with an off switch: ``/offline`` cuts the link where a real outage would.

Wrapping the cloud client's transport (rather than just not calling the
cloud) makes ``/offline`` exercise the real failure path: the request fails
to connect, the client maps it to ``CloudUnavailable``, its circuit breaker
counts it, and the router falls back to the device — exactly what happens
when a Raspberry Pi loses its Wi-Fi.
"""

from __future__ import annotations

import threading

from edgekit.transport.errors import CloudConnectError
from edgekit.transport.transport import HttpRequest, HttpResponse, Transport


class SwitchableTransport:
    """Forwards to ``inner`` while online; refuses to connect while offline."""

    def __init__(self, inner: Transport) -> None:
        self.inner = inner
        self._offline = threading.Event()
        self.refused = 0
        self.sent = 0

    @property
    def offline(self) -> bool:
        return self._offline.is_set()

    def set_offline(self, offline: bool) -> None:
        if offline:
            self._offline.set()
        else:
            self._offline.clear()

    async def send(self, request: HttpRequest) -> HttpResponse:
        """Send, unless the link is (simulated) down: then nothing leaves the device."""
        if self._offline.is_set():
            self.refused += 1
            raise CloudConnectError("cannot connect to the gateway (link down, simulated)")
        self.sent += 1
        return await self.inner.send(request)

    async def aclose(self) -> None:
        await self.inner.aclose()
