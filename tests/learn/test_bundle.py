"""Signed adapter bundles: round trip, and every kind of tampering refused."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import AdapterError
from edgekit.learn.bundle import (
    MAGIC,
    AdapterManifest,
    parse_bundle,
    sign_bundle,
    verify_bundle,
)
from edgekit.local.gguf import check_gguf
from edgekit.local.lora import adapted_model_sha256
from edgekit.secure.identity import DeviceKey
from tests.learn.lora_file import lora_gguf

BASE = "ab" * 32
SMALL_ADAPTER = lora_gguf(
    {
        "blk.0.ffn_down.weight.lora_a": np.ones((2, 8)),
        "blk.0.ffn_down.weight.lora_b": np.ones((8, 2)),
    }
)


def manifest(base: str = BASE) -> AdapterManifest:
    return AdapterManifest(
        base_name="smollm2-135m",
        base_sha256=base,
        adapter_sha256="0" * 64,
        adapter_bytes=0,
        rank=4,
        alpha=4.0,
        targets=("ffn_down", "attn_v"),
        n_pairs=12,
        created_unix=1,
        evaluation={"base_loss": 2.0, "adapter_loss": 1.0},
    )


@pytest.fixture(scope="module")
def key() -> DeviceKey:
    return DeviceKey.generate()


@pytest.fixture(scope="module")
def adapter(adapter_file: Path) -> bytes:
    return adapter_file.read_bytes()


def test_round_trip_fills_digest_size_and_signer(key: DeviceKey, adapter: bytes) -> None:
    data = sign_bundle(manifest(), adapter, key)
    bundle = verify_bundle(data, trusted_keys=[key.public_key], base_sha256=BASE)
    m = bundle.manifest
    assert bundle.adapter == adapter
    assert m.adapter_sha256 == hashlib.sha256(adapter).hexdigest()
    assert m.adapter_bytes == len(adapter)
    assert m.signer == key.key_id
    assert m.adapted_sha256 == adapted_model_sha256(BASE, (m.adapter_sha256,))
    assert m.adapter_id == m.adapter_sha256[:16]


def test_adapter_must_fit_the_base_header(
    key: DeviceKey, adapter: bytes, edge_model_path: Path
) -> None:
    header = check_gguf(edge_model_path)
    data = sign_bundle(manifest(), adapter, key)
    verify_bundle(data, trusted_keys=[key.public_key], base_sha256=BASE, base_header=header)


def _reason(data: bytes, key: DeviceKey, base: str = BASE) -> str:
    with pytest.raises(AdapterError) as info:
        verify_bundle(data, trusted_keys=[key.public_key], base_sha256=base)
    return info.value.reason


def test_tampering_is_refused(key: DeviceKey, adapter: bytes) -> None:
    data = bytearray(sign_bundle(manifest(), adapter, key))
    flipped_adapter = bytearray(data)
    flipped_adapter[-7] ^= 1
    assert _reason(bytes(flipped_adapter), key) == "digest"
    n = int.from_bytes(data[8:12], "big")
    doc = json.loads(data[12 : 12 + n])
    doc["evaluation"]["adapter_loss"] = 0.0
    body = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
    forged = data[:8] + len(body).to_bytes(4, "big") + body + data[12 + n :]
    assert _reason(bytes(forged), key) == "signature"
    bad_sig = bytearray(data)
    bad_sig[12 + n] ^= 1
    assert _reason(bytes(bad_sig), key) == "signature"


def test_foreign_base_and_unknown_signer_are_refused(key: DeviceKey, adapter: bytes) -> None:
    data = sign_bundle(manifest(), adapter, key)
    assert _reason(data, key, base="cd" * 32) == "base_model"
    other = DeviceKey.generate()
    assert _reason(sign_bundle(manifest(), adapter, other), key) == "signature"
    with pytest.raises(AdapterError):
        verify_bundle(data, trusted_keys=[], base_sha256=BASE)


def test_a_signed_bundle_holding_a_non_adapter_is_refused(key: DeviceKey) -> None:
    data = sign_bundle(manifest(), b"GGUF not really", key)
    assert _reason(data, key) == "format"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=512))
def test_parser_fuzz_only_raises_adapter_errors(blob: bytes) -> None:
    for data in (blob, MAGIC + blob):
        with contextlib.suppress(AdapterError):
            parse_bundle(data)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=1200), st.integers(min_value=0, max_value=255))
def test_truncation_and_byte_flips_never_verify(cut: int, flip: int) -> None:
    key = DeviceKey.generate()
    data = bytearray(sign_bundle(manifest(), SMALL_ADAPTER, key))
    verify_bundle(bytes(data), trusted_keys=[key.public_key], base_sha256=BASE)
    if cut < len(data):
        with pytest.raises(AdapterError):
            verify_bundle(bytes(data[:cut]), trusted_keys=[key.public_key], base_sha256=BASE)
        data[cut] ^= flip or 1
        with pytest.raises(AdapterError):
            verify_bundle(bytes(data), trusted_keys=[key.public_key], base_sha256=BASE)
