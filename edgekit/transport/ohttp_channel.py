"""The encrypted channel: inner requests as signed Binary HTTP inside Oblivious HTTP.

Each request gets a fresh HPKE context; the device signature covers its
``enc`` (:func:`edgekit.secure.identity.encapsulate_signed_request`), so a
captured inner request cannot be replayed inside another encapsulation.
Answers come back whole (``message/ohttp-res``) or as chunked OHTTP
(``message/ohttp-chunked-res``) carrying an indeterminate-length Binary HTTP
response, which is decrypted and parsed chunk by chunk.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from edgekit.errors import ConfigError, DecryptError
from edgekit.secure import bhttp, ohttp
from edgekit.secure.identity import DeviceKey, encapsulate_signed_request
from edgekit.transport._inner import InnerResult, read_all
from edgekit.transport.errors import DeviceNotEnrolled, ResponseFormatError
from edgekit.transport.problem import error_for_status
from edgekit.transport.transport import HttpRequest, HttpResponse

OHTTP_PATH = "/ohttp"
_MAX_ERROR_BYTES = 64 * 1024
_SEAL_OVERHEAD = 4096

Opener = Callable[[HttpResponse, AsyncIterator[bytes]], Awaitable[InnerResult]]


class OhttpChannel:
    """Seals inner requests to the pinned gateway key and opens the answers."""

    def __init__(
        self,
        *,
        key_configs: bytes,
        device_key: DeviceKey,
        base_url: str,
        authority: str,
        max_response_bytes: int,
    ) -> None:
        self.key_config = _choose(ohttp.decode_key_configs(key_configs))
        self.key_config_sha256 = hashlib.sha256(key_configs).hexdigest()
        self._device_key = device_key
        self._url = base_url + OHTTP_PATH
        self._scheme = urlsplit(base_url).scheme
        self._authority = authority
        self._max_response = max_response_bytes

    @staticmethod
    async def load_device_key(path: Path) -> DeviceKey:
        """Load (or create, mode 0600) the device key without blocking the loop."""
        return await asyncio.to_thread(DeviceKey.load_or_create, path)

    @property
    def device_key_id(self) -> str:
        """Key id of the device key that signs requests."""
        return self._device_key.key_id

    def not_enrolled(self, status: int) -> DeviceNotEnrolled:
        """The error for a gateway that refused this device, with the command to enrol it."""
        public = base64.urlsafe_b64encode(self._device_key.public_key).rstrip(b"=").decode()
        return DeviceNotEnrolled(
            status=status, device_key_id=self._device_key.key_id, public_key_b64=public
        )

    async def seal(
        self,
        method: str,
        path: str,
        headers: Sequence[tuple[str, str]],
        content: bytes,
        connect_timeout: float,
    ) -> tuple[HttpRequest, Opener]:
        """The outer request for one inner request, and how to open its answer."""
        inner = bhttp.Request(
            method=method,
            scheme=self._scheme,
            authority=self._authority,
            path=path,
            headers=list(headers),
            content=content,
        )
        body, context = encapsulate_signed_request(self.key_config, inner, self._device_key)
        request = HttpRequest(
            method="POST",
            url=self._url,
            headers=(
                ("content-type", ohttp.REQUEST_MEDIA_TYPE),
                (
                    "accept",
                    f"{ohttp.CHUNKED_RESPONSE_MEDIA_TYPE}, {ohttp.RESPONSE_MEDIA_TYPE}",
                ),
            ),
            content=body,
            connect_timeout=connect_timeout,
        )

        async def opener(response: HttpResponse, chunks: AsyncIterator[bytes]) -> InnerResult:
            return await self._open(response, chunks, context)

        return request, opener

    async def _open(
        self,
        response: HttpResponse,
        chunks: AsyncIterator[bytes],
        context: ohttp.ClientResponseContext,
    ) -> InnerResult:
        if response.status != 200:
            raise error_for_status(
                response.status, response.headers, await read_all(chunks, _MAX_ERROR_BYTES)
            )
        media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media == ohttp.RESPONSE_MEDIA_TYPE:
            sealed = await read_all(chunks, self._max_response + _SEAL_OVERHEAD)
            inner = bhttp.decode_response(context.decapsulate_response(sealed))
            return InnerResult(
                status=inner.status, headers=_fields(inner.headers), chunks=_single(inner.content)
            )
        if media == ohttp.CHUNKED_RESPONSE_MEDIA_TYPE:
            return await open_chunked(chunks, context)
        await _close(chunks)
        raise ResponseFormatError("gateway answered with an unexpected media type")


async def open_chunked(
    chunks: AsyncIterator[bytes], context: ohttp.ClientResponseContext
) -> InnerResult:
    """Decrypt chunk by chunk until the inner response head; the body follows lazily."""
    events = _chunked_events(chunks, context)
    async for event in events:
        if isinstance(event, bhttp.Head):
            return InnerResult(
                status=event.status, headers=_fields(event.headers), chunks=_data(events)
            )
        if not isinstance(event, bhttp.Informational):
            break
    await _close(events)
    raise DecryptError()


async def _chunked_events(
    chunks: AsyncIterator[bytes], context: ohttp.ClientResponseContext
) -> AsyncIterator[bhttp.Event]:
    opener = context.chunked_response_decoder()
    parser = bhttp.ResponseStreamDecoder()
    try:
        async for chunk in chunks:
            for plain in opener.feed(chunk):
                for event in parser.feed(plain):
                    yield event
        for event in parser.feed(opener.close()):
            yield event
        for event in parser.close():
            yield event
    finally:
        await _close(chunks)


async def _data(events: AsyncIterator[bhttp.Event]) -> AsyncIterator[bytes]:
    try:
        async for event in events:
            if isinstance(event, bhttp.Data) and event.data:
                yield event.data
            elif isinstance(event, bhttp.End):
                break
    finally:
        await _close(events)


async def _single(content: bytes) -> AsyncIterator[bytes]:
    if content:
        yield content


async def _close(iterator: AsyncIterator[object]) -> None:
    closer = getattr(iterator, "aclose", None)
    if closer is not None:
        await closer()


def _fields(fields: Sequence[tuple[str, str]]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for name, value in fields:
        key = name.lower()
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return merged


def _choose(configs: Sequence[ohttp.KeyConfig]) -> ohttp.KeyConfig:
    """The first configuration whose suite this client supports."""
    for config in configs:
        try:
            config.select()
        except ConfigError:
            continue
        return config
    raise ohttp.KeyConfigError("no usable key configuration")
