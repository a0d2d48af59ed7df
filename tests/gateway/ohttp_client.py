"""The client half of the gateway protocol, for tests and the benchmark.

Built on edgekit.secure directly (the SDK's cloud client lives in
edgekit.transport): fetch key configs, sign the inner Binary HTTP request over
the HPKE ``enc``, encapsulate, send, and open whole or chunked answers.
"""

from __future__ import annotations

import base64
import json
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import aiohttp

from edgekit.secure import bhttp, hpke, ohttp
from edgekit.secure.identity import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeviceKey,
    sign_request,
    signed_bytes,
)

_REQUEST_LABEL = b"message/bhttp request"
_CHUNKED_LABEL = b"message/bhttp chunked request"


@dataclass
class SealedRequest:
    body: bytes
    context: ohttp.ClientResponseContext
    enc: bytes
    media_type: str = ohttp.REQUEST_MEDIA_TYPE


@dataclass
class Reply:
    """The outer status, and when it decrypted, the inner response."""

    outer_status: int
    outer_type: str
    status: int = 0
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunks: list[bytes] = field(default_factory=list)
    trailers: dict[str, str] = field(default_factory=dict)
    outer_size: int = 0  # bytes on the wire (what a relay sees)
    first_chunk_s: float | None = None

    def json(self) -> Any:
        return json.loads(self.body)

    def sse_events(self) -> list[Any]:
        """The SSE events' data, JSON-decoded (``"[DONE]"`` kept as the string)."""
        events = [e[6:] for e in self.body.decode().split("\n\n") if e.startswith("data: ")]
        return [e if e == "[DONE]" else json.loads(e) for e in events]

    def sse_text(self) -> str:
        """Concatenated ``delta.content`` of an SSE body (``[DONE]`` required)."""
        events = [e[6:] for e in self.body.decode().split("\n\n") if e.startswith("data: ")]
        assert events[-1] == "[DONE]", "stream did not end with [DONE]"
        out = []
        for raw in events[:-1]:
            for choice in json.loads(raw).get("choices", []):
                out.append(choice["delta"].get("content") or "")
        return "".join(out)


def seal(
    key_config: ohttp.KeyConfig,
    device: DeviceKey,
    request: bhttp.Request,
    *,
    now: float | None = None,
    tamper: Callable[[bhttp.Request], bhttp.Request] | None = None,
    timestamp: str | None = None,
    chunked: bool = False,
) -> SealedRequest:
    """Sign ``request`` bound to a fresh ``enc`` and encapsulate it (RFC 9458;
    ``chunked``: message/ohttp-chunked-req, the request as one final chunk)."""
    suite = key_config.select()
    header = bytes((key_config.key_id,)) + struct.pack(
        ">HHH", suite.kem_id, suite.kdf_id, suite.aead_id
    )
    label = _CHUNKED_LABEL if chunked else _REQUEST_LABEL
    enc, sender = hpke.setup_base_s(suite, key_config.public_key, label + b"\0" + header)
    signed = sign_request(device, request, enc, now=now)
    if timestamp is not None:  # a validly signed request with this exact timestamp text
        signed = _resign(device, signed, enc, timestamp)
    if tamper is not None:
        signed = tamper(signed)
    plain = bhttp.encode_request(signed)
    sealed = b"\0" + sender.seal(plain, b"final") if chunked else sender.seal(plain)
    media = ohttp.CHUNKED_REQUEST_MEDIA_TYPE if chunked else ohttp.REQUEST_MEDIA_TYPE
    return SealedRequest(
        header + enc + sealed, ohttp.ClientResponseContext(sender, enc), enc, media
    )


def _resign(device: DeviceKey, request: bhttp.Request, enc: bytes, timestamp: str) -> bhttp.Request:
    headers = [
        (n, timestamp if n == TIMESTAMP_HEADER else v)
        for n, v in request.headers
        if n != SIGNATURE_HEADER
    ]
    unsigned = replace(request, headers=headers)
    signature = base64.urlsafe_b64encode(device.sign(signed_bytes(unsigned, enc)))
    signed = (SIGNATURE_HEADER, signature.rstrip(b"=").decode())
    return replace(unsigned, headers=[*headers, signed])


def chat_request(payload: dict[str, Any], path: str = "/v1/chat/completions") -> bhttp.Request:
    return bhttp.Request(
        method="POST",
        scheme="https",
        authority="gateway",
        path=path,
        headers=[("content-type", "application/json")],
        content=json.dumps(payload).encode(),
    )


async def fetch_key_config(http: aiohttp.ClientSession, base_url: str) -> ohttp.KeyConfig:
    async with http.get(base_url + "/ohttp-keys") as resp:
        assert resp.status == 200
        return ohttp.decode_key_configs(await resp.read())[0]


async def send(http: aiohttp.ClientSession, base_url: str, sealed: SealedRequest) -> Reply:
    """POST the sealed request; decrypt whatever comes back."""
    started = time.perf_counter()
    async with http.post(
        base_url + "/ohttp",
        data=sealed.body,
        headers={"Content-Type": sealed.media_type},
    ) as resp:
        media = resp.content_type
        reply = Reply(outer_status=resp.status, outer_type=media)
        if media == ohttp.RESPONSE_MEDIA_TYPE:
            raw = await resp.read()
            reply.outer_size = len(raw)
            inner = bhttp.decode_response(sealed.context.decapsulate_response(raw))
            reply.status, reply.body = inner.status, inner.content
            reply.headers = dict(inner.headers)
        elif media == ohttp.CHUNKED_RESPONSE_MEDIA_TYPE:
            opener = sealed.context.chunked_response_decoder()
            parser = bhttp.ResponseStreamDecoder()
            events: list[bhttp.Event] = []
            async for piece in resp.content.iter_any():
                reply.outer_size += len(piece)
                for plain in opener.feed(piece):
                    events.extend(parser.feed(plain))
                    if reply.first_chunk_s is None and any(
                        isinstance(e, bhttp.Data) for e in events
                    ):
                        reply.first_chunk_s = time.perf_counter() - started
            events.extend(parser.feed(opener.close()))
            events.extend(parser.close())
            for event in events:
                if isinstance(event, bhttp.Head):
                    reply.status, reply.headers = event.status, dict(event.headers)
                elif isinstance(event, bhttp.Data):
                    reply.chunks.append(event.data)
                elif isinstance(event, bhttp.End):
                    reply.trailers = dict(event.trailers)
            reply.body = b"".join(reply.chunks)
        else:
            reply.body = await resp.read()
        return reply


@dataclass
class Device:
    """A device talking to one gateway: its key and the gateway's key config."""

    base_url: str
    key: DeviceKey
    key_config: ohttp.KeyConfig

    def seal_chat(self, payload: dict[str, Any], **kwargs: Any) -> SealedRequest:
        return seal(self.key_config, self.key, chat_request(payload), **kwargs)

    async def chat(
        self, http: aiohttp.ClientSession, payload: dict[str, Any], **kwargs: Any
    ) -> Reply:
        return await send(http, self.base_url, self.seal_chat(payload, **kwargs))


def drop_header(name: str) -> Callable[[bhttp.Request], bhttp.Request]:
    def tamper(request: bhttp.Request) -> bhttp.Request:
        return replace(request, headers=[h for h in request.headers if h[0] != name])

    return tamper
