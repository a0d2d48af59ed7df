"""The app's transport to the gateway: an off switch, a late-bound endpoint, key capture.

- ``/offline`` cuts the link where a real outage would: the request fails to
  connect, the cloud client maps that to ``CloudConnectError``, its circuit
  breaker counts it, and the router finishes on the device — exactly what
  happens when a Raspberry Pi loses its Wi-Fi.
- The embedded gateway starts in the background, so its port is unknown when
  the cloud client is built. The client is given a placeholder address and
  this transport resolves it on each request, waiting for the gateway only
  when a request actually needs it: local answers never wait.
- It keeps the last ``application/ohttp-keys`` document it carried, so the UI
  can say which suite and key protect the link (never any key material).
"""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from collections.abc import AsyncIterator
from typing import Protocol

from edgekit.errors import CloudError
from edgekit.transport.errors import CloudConnectError
from edgekit.transport.transport import HttpRequest, HttpResponse, Transport

#: Address the cloud client is configured with while the embedded gateway starts.
PLACEHOLDER_URL = "http://embedded-gateway.localhost"
_KEYS_PATH = "/ohttp-keys"
_MAX_KEYS_BYTES = 64 * 1024


class Endpoint(Protocol):
    """Where the embedded gateway listens, once it does."""

    @property
    def url(self) -> str | None: ...

    def start(self) -> None:
        """Start the gateway if nobody has yet (idempotent)."""
        ...

    def settled(self) -> bool:
        """True once the gateway is serving, or has failed to start."""
        ...


class AppTransport:
    """Forwards to ``inner``; see the module docstring for what it adds."""

    def __init__(
        self, inner: Transport, *, endpoint: Endpoint | None = None, wait_s: float = 600.0
    ) -> None:
        self.inner = inner
        self._endpoint = endpoint
        self._wait_s = wait_s
        self._offline = threading.Event()
        self._waiting = threading.Event()
        self.refused = 0
        self.sent = 0
        self.posts = 0  # requests carrying a question (key fetches and probes are GETs)
        self.failed = 0
        self.rtt_s: float | None = None  # EWMA over GET round trips, gateway start-up excluded
        self.key_configs: bytes | None = None

    @property
    def offline(self) -> bool:
        return self._offline.is_set()

    @property
    def waiting_for_gateway(self) -> bool:
        """True while a request waits for the embedded gateway to come up."""
        return self._waiting.is_set()

    def set_offline(self, offline: bool) -> None:
        if offline:
            self._offline.set()
        else:
            self._offline.clear()

    async def prepare(self, request: HttpRequest) -> HttpRequest:
        """Wait for the embedded gateway (the cloud client's clocks start after this)."""
        self._refuse_if_offline()
        if self._endpoint is not None:
            request = await self._resolve(request, self._endpoint)
            self._refuse_if_offline()  # the link may have gone down while we waited
        return request

    async def send(self, request: HttpRequest) -> HttpResponse:
        """Send, unless the link is (simulated) down: then nothing leaves the device."""
        request = await self.prepare(request)  # a no-op when the cloud client prepared it
        self.sent += 1
        self.posts += request.method == "POST"
        started = asyncio.get_running_loop().time()
        try:
            response = await self.inner.send(request)
        except CloudError:
            self.failed += 1
            raise
        if request.method == "GET":
            sample = asyncio.get_running_loop().time() - started
            self.rtt_s = sample if self.rtt_s is None else 0.7 * self.rtt_s + 0.3 * sample
        if request.method == "GET" and request.url.endswith(_KEYS_PATH) and response.status == 200:
            return HttpResponse(
                response.status,
                response.headers,
                self._keep_keys(response.aiter_bytes()),
                close=response.aclose,
            )
        return response

    @property
    def failures(self) -> int:
        """Requests refused (link down) or failed to connect, so far."""
        return self.refused + self.failed

    def _refuse_if_offline(self) -> None:
        if self._offline.is_set():
            self.refused += 1
            raise CloudConnectError("cannot connect to the gateway (link down, simulated)")

    async def _resolve(self, request: HttpRequest, endpoint: Endpoint) -> HttpRequest:
        url = endpoint.url
        if url is None:
            endpoint.start()  # started on demand when the app did not start it up front
            self._waiting.set()
            try:
                await self._poll_ready(endpoint)
            finally:
                self._waiting.clear()
            url = endpoint.url
            if url is None:
                raise CloudConnectError("the embedded gateway is not running")
        if not request.url.startswith(PLACEHOLDER_URL):
            return request
        return dataclasses.replace(request, url=url + request.url[len(PLACEHOLDER_URL) :])

    async def _poll_ready(self, endpoint: Endpoint) -> None:
        """Wait (cancellably) until the gateway is up, failed, or the wait is over."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self._wait_s
        while not endpoint.settled() and loop.time() < deadline and not self._offline.is_set():
            await asyncio.sleep(0.1)

    async def _keep_keys(self, body: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        buf = bytearray()
        async for chunk in body:
            if len(buf) <= _MAX_KEYS_BYTES:
                buf += chunk
            yield chunk
        if len(buf) <= _MAX_KEYS_BYTES:
            self.key_configs = bytes(buf)

    async def aclose(self) -> None:
        await self.inner.aclose()
