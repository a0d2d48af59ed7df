"""Device keys, request signatures bound to the HPKE enc, and replay protection."""

from __future__ import annotations

import asyncio
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from edgekit.errors import AuthenticationError, ConfigError, ReplayError
from edgekit.secure import bhttp, ohttp
from edgekit.secure.identity import (
    KEY_ID_HEADER,
    PUBLIC_KEY_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    DeviceKey,
    DeviceRegistry,
    MemorySeenCache,
    ReplayGuard,
    SeenCache,
    encapsulate_signed_request,
    sign_request,
    signed_bytes,
    signed_timestamp,
    verify_request,
)

NOW = 1_800_000_000.0
REQ = bhttp.Request(
    method="POST",
    authority="gateway.local",
    path="/v1/chat/completions",
    headers=[("content-type", "application/json")],
    content=b'{"messages": []}',
)
ENC = bytes(range(32))


@pytest.fixture(scope="module")
def device() -> DeviceKey:
    return DeviceKey.generate()


def test_sign_and_verify(device: DeviceKey) -> None:
    signed = sign_request(device, REQ, ENC, now=NOW)
    names = [n for n, _ in signed.headers]
    assert names[-4:] == [KEY_ID_HEADER, PUBLIC_KEY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER]
    registry = DeviceRegistry([device.public_key])
    assert verify_request(registry, signed, ENC, now=NOW + 10) == device.key_id
    # survives a trip through the wire format, in either framing
    wire = bhttp.encode_request(signed, indeterminate=True, padding=3)
    assert verify_request(registry, bhttp.decode_request(wire), ENC, now=NOW) == device.key_id


def test_signature_is_bound_to_enc_and_content(device: DeviceKey) -> None:
    registry = DeviceRegistry([device.public_key])
    signed = sign_request(device, REQ, ENC, now=NOW)
    with pytest.raises(AuthenticationError):  # cut and pasted into another encapsulation
        verify_request(registry, signed, bytes(32), now=NOW)
    tampered = [
        replace(signed, content=b'{"messages": [1]}'),
        replace(signed, path="/v1/models"),
        replace(signed, headers=[("x-extra", "1"), *signed.headers]),
        replace(
            signed,
            headers=[
                (n, str(int(NOW) + 1) if n == TIMESTAMP_HEADER else v) for n, v in signed.headers
            ],
        ),
    ]
    for bad in tampered:
        with pytest.raises(AuthenticationError):
            verify_request(registry, bad, ENC, now=NOW)


def test_unknown_missing_and_malformed(device: DeviceKey) -> None:
    signed = sign_request(device, REQ, ENC, now=NOW)
    with pytest.raises(AuthenticationError, match="unknown device"):
        verify_request(DeviceRegistry(), signed, ENC, now=NOW)
    with pytest.raises(AuthenticationError):
        verify_request(DeviceRegistry([device.public_key]), REQ, ENC, now=NOW)
    doubled = replace(signed, headers=[*signed.headers, (SIGNATURE_HEADER, "AAAA")])
    with pytest.raises(AuthenticationError):
        verify_request(DeviceRegistry([device.public_key]), doubled, ENC, now=NOW)
    garbled = replace(
        signed, headers=[(n, "!!" if n == SIGNATURE_HEADER else v) for n, v in signed.headers]
    )
    with pytest.raises(AuthenticationError):
        verify_request(DeviceRegistry([device.public_key]), garbled, ENC, now=NOW)


def test_open_enrolment_checks_key_id_against_presented_key(device: DeviceKey) -> None:
    registry = DeviceRegistry(open_enrolment=True)
    signed = sign_request(device, REQ, ENC, now=NOW)
    assert verify_request(registry, signed, ENC, now=NOW) == device.key_id
    impostor = DeviceKey.generate()
    forged = replace(
        signed,
        headers=[(n, v if n != KEY_ID_HEADER else impostor.key_id) for n, v in signed.headers],
    )
    with pytest.raises(AuthenticationError):
        verify_request(registry, forged, ENC, now=NOW)
    no_pk = sign_request(device, REQ, ENC, now=NOW, include_public_key=False)
    with pytest.raises(AuthenticationError):
        verify_request(registry, no_pk, ENC, now=NOW)


def test_timestamp_window(device: DeviceKey) -> None:
    registry = DeviceRegistry([device.public_key])
    signed = sign_request(device, REQ, ENC, now=NOW)
    with pytest.raises(ReplayError):
        verify_request(registry, signed, ENC, now=NOW + 301)
    with pytest.raises(ReplayError):
        verify_request(registry, signed, ENC, now=NOW - 301, max_skew_s=300)


def test_signed_bytes_layout(device: DeviceKey) -> None:
    signed = sign_request(device, REQ, ENC, now=NOW)
    blob = signed_bytes(signed, ENC)
    assert blob.startswith(b"edgekit device signature v1\x00" + (32).to_bytes(4, "big") + ENC)
    unsigned = replace(signed, headers=[h for h in signed.headers if h[0] != SIGNATURE_HEADER])
    assert blob.endswith(bhttp.encode_request(unsigned))


def test_device_key_file(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "device.pem"
    key = DeviceKey.load_or_create(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert DeviceKey.load_or_create(path).key_id == key.key_id
    assert "PRIVATE" not in repr(key)
    assert key.key_id in repr(key)
    rotated = DeviceKey.rotate(path)
    assert rotated.key_id != key.key_id
    assert DeviceKey.load(path).key_id == rotated.key_id
    assert DeviceKey.load(path.with_name("device.pem.old")).key_id == key.key_id
    path.chmod(0o644)
    with pytest.raises(ConfigError):
        DeviceKey.load(path)
    bad = tmp_path / "bad.pem"
    bad.write_bytes(b"not a key")
    bad.chmod(0o600)
    with pytest.raises(ConfigError):
        DeviceKey.load(bad)


def test_registry_file(tmp_path: Path, device: DeviceKey) -> None:
    import base64

    line = base64.urlsafe_b64encode(device.public_key).rstrip(b"=").decode()
    path = tmp_path / "devices.txt"
    path.write_text(f"# enrolled devices\n{line}  # laptop\n\n")
    registry = DeviceRegistry.load(path)
    assert device.key_id in registry
    assert registry.revoke(device.key_id)
    assert device.key_id not in registry
    with pytest.raises(ConfigError):
        DeviceRegistry([b"short"])


async def test_replay_guard_rejects_seen_enc() -> None:
    guard = ReplayGuard(window_s=30)
    await guard.check(ENC, NOW, now=NOW)
    with pytest.raises(ReplayError, match="replayed"):
        await guard.check(ENC, NOW, now=NOW + 1)
    await guard.check(bytes(32), NOW, now=NOW + 1)
    with pytest.raises(ReplayError, match="window"):
        await guard.check(b"fresh", NOW - 31, now=NOW)


async def test_memory_cache_expiry_and_bound() -> None:
    t = [0.0]
    cache = MemorySeenCache(max_entries=3, clock=lambda: t[0])
    assert isinstance(cache, SeenCache)
    assert await cache.add_if_absent(b"a", 10)
    assert not await cache.add_if_absent(b"a", 10)
    t[0] = 11
    assert await cache.add_if_absent(b"a", 10)  # expired, so new again
    for k in (b"b", b"c", b"d"):
        assert await cache.add_if_absent(k, 100)
    assert len(cache) == 3  # bounded: the oldest went first
    assert await cache.add_if_absent(b"a", 10)


async def test_memory_cache_concurrent_adds() -> None:
    cache = MemorySeenCache()
    results = await asyncio.gather(*(cache.add_if_absent(b"same", 5) for _ in range(20)))
    assert results.count(True) == 1


async def test_end_to_end_signed_ohttp(device: DeviceKey) -> None:
    """A signed inner request inside OHTTP; the gateway checks it against the outer enc."""
    ring = ohttp.ServerKeyring.generate()
    outer, cctx = encapsulate_signed_request(ring.current.config, REQ, device, now=NOW)
    plain, server_ctx = ring.decapsulate_request(outer)
    assert server_ctx.enc == cctx.enc
    got = bhttp.decode_request(plain)
    registry = DeviceRegistry([device.public_key])
    assert verify_request(registry, got, server_ctx.enc, now=NOW) == device.key_id
    guard = ReplayGuard(window_s=60)
    await guard.check(server_ctx.enc, signed_timestamp(got), now=NOW)
    _, again = ring.decapsulate_request(outer)  # the same message again
    with pytest.raises(ReplayError):
        await guard.check(again.enc, signed_timestamp(got), now=NOW + 1)
    # the same signed inner request re-encapsulated by an attacker fails the binding
    resealed, _ = ohttp.encapsulate_request(ring.current.config, plain)
    plain2, ctx2 = ring.decapsulate_request(resealed)
    with pytest.raises(AuthenticationError):
        verify_request(registry, bhttp.decode_request(plain2), ctx2.enc, now=NOW)


@pytest.mark.parametrize("backend", ["libsodium", "openssl"])
def test_signature_check_on_either_backend(
    device: DeviceKey, backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PyNaCl (libsodium) verifies when installed; cryptography otherwise: same verdicts."""
    from edgekit.secure import identity

    if backend == "openssl":
        monkeypatch.setattr(identity, "_sodium_verify", None)
    elif identity._sodium_verify is None:
        pytest.skip("PyNaCl not installed")
    registry = DeviceRegistry([device.public_key])
    signed = sign_request(device, REQ, ENC, now=NOW)
    assert verify_request(registry, signed, ENC, now=NOW) == device.key_id
    with pytest.raises(AuthenticationError):  # the signature is bound to enc
        verify_request(registry, signed, bytes(32), now=NOW)
    tampered = replace(signed, content=b'{"messages": [1]}')
    with pytest.raises(AuthenticationError):
        verify_request(registry, tampered, ENC, now=NOW)
    sig = signed.header(SIGNATURE_HEADER)
    assert sig is not None
    for bad in (sig[:-2], sig + "AA"):  # 63 and 66 bytes: refused, never sliced
        short = replace(
            signed, headers=[(n, bad if n == SIGNATURE_HEADER else v) for n, v in signed.headers]
        )
        with pytest.raises(AuthenticationError):
            verify_request(registry, short, ENC, now=NOW)
