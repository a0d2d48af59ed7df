"""GGUF header validation: real files pass, broken ones fail with ModelFormatError."""

from __future__ import annotations

import contextlib
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edgekit.errors import ModelError, ModelFormatError, ModelNotFound
from edgekit.local.gguf import check_gguf, parse_gguf

from .gguf_writer import ARRAY, STRING, UINT32, build_gguf


def test_real_model_header_accounts_for_every_byte(edge_model_path: Path) -> None:
    header = check_gguf(edge_model_path)
    assert header.architecture == "llama"
    assert header.version in (2, 3)
    assert header.n_tensors > 100
    assert header.required_size == edge_model_path.stat().st_size
    assert header.chat_template
    assert "im_start" in header.chat_template
    assert header.array_lengths["tokenizer.ggml.tokens"] == header.arch_int("vocab_size")


@pytest.mark.parametrize("kind", ["empty", "random", "text", "truncated", "header_only"])
def test_bad_files_are_refused(bad_gguf_files: dict[str, Path], kind: str) -> None:
    with pytest.raises(ModelFormatError) as info:
        check_gguf(bad_gguf_files[kind])
    assert info.value.path == str(bad_gguf_files[kind])


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound):
        check_gguf(tmp_path / "nope.gguf")
    with pytest.raises(ModelNotFound):
        check_gguf(tmp_path)


def test_synthetic_file_sizes_are_computed(tmp_path: Path) -> None:
    data = build_gguf(tensors=(("a", (32, 2), 0), ("b", (64,), 0)))
    header = parse_gguf(data)
    assert header.data_size == 256 + 256
    assert header.required_size == len(data)
    with pytest.raises(ModelFormatError, match="truncated"):
        parse_gguf(data[:-1])


@pytest.mark.parametrize(
    ("blob", "message"),
    [
        (build_gguf(version=1), "version"),
        (build_gguf(version=4), "version"),
        (build_gguf(n_tensors=1 << 40), "implausible"),
        (build_gguf(n_kv=1 << 40), "implausible"),
        (build_gguf(tensors=(("w", (32,), 99),)), "unsupported type"),
        (build_gguf(tensors=(("w", (32,), 2),)), None),  # Q4_0: 32 elems = 18 bytes, aligned ok
        (build_gguf(tensors=(("w", (33,), 2),)), "block size"),
        (build_gguf(tensors=(("w", (0,), 0),)), "non-positive"),
        (build_gguf(tensors=(("w", (4,), 0),), offsets=[3]), "aligned"),
        (build_gguf(tensors=(("w", (4,), 0), ("w", (4,), 0))), "twice"),
        (build_gguf(kv=(("general.alignment", UINT32, 3),)), "power of two"),
        (build_gguf(kv=(("x", 77, 0),)), "unknown value type"),
        (build_gguf(kv=(("x", ARRAY, (ARRAY, [(UINT32, [1])])),)), None),
    ],
)
def test_header_fields_are_checked(blob: bytes, message: str | None) -> None:
    if message is None:
        parse_gguf(blob)
        return
    with pytest.raises(ModelFormatError, match=message):
        parse_gguf(blob)


def test_array_longer_than_file_is_refused() -> None:
    blob = bytearray(build_gguf(kv=(("toks", ARRAY, (STRING, ["a", "b"])),)))
    at = blob.index(b"toks") + 4 + 4 + 4  # key, value type, item type
    blob[at : at + 8] = struct.pack("<Q", 1 << 60)
    with pytest.raises(ModelFormatError):
        parse_gguf(bytes(blob))


def test_file_without_architecture_or_tensors(tmp_path: Path) -> None:
    p = tmp_path / "x.gguf"
    p.write_bytes(build_gguf(kv=()))
    with pytest.raises(ModelFormatError, match="architecture"):
        check_gguf(p)
    p.write_bytes(build_gguf(tensors=()))
    with pytest.raises(ModelFormatError, match="no tensors"):
        check_gguf(p)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=512))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    for blob in (data, b"GGUF" + data, b"GGUF\x03\0\0\0" + data):
        with contextlib.suppress(ModelFormatError):
            parse_gguf(blob)


_VALID = build_gguf(
    kv=(
        ("general.architecture", STRING, "llama"),
        ("llama.block_count", UINT32, 2),
        ("tokenizer.ggml.tokens", ARRAY, (STRING, ["a", "bb", "ccc"])),
    ),
    tensors=(("w", (32, 2), 0), ("v", (8,), 0)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_VALID) - 1), st.integers(0, 255)), max_size=6))
def test_mutated_headers_parse_or_fail_cleanly(edits: list[tuple[int, int]]) -> None:
    blob = bytearray(_VALID)
    for at, value in edits:
        blob[at] = value
    try:
        header = parse_gguf(bytes(blob))
    except ModelFormatError:
        return
    assert header.required_size <= len(blob)


def test_engine_refuses_bad_files_before_llama_cpp(bad_gguf_files: dict[str, Path]) -> None:
    pytest.importorskip("llama_cpp")
    from edgekit.local import Engine, EngineConfig

    for path in bad_gguf_files.values():
        with pytest.raises(ModelFormatError):
            Engine(EngineConfig(model=str(path)))
    with pytest.raises(ModelNotFound):
        Engine(EngineConfig(model=str(bad_gguf_files["empty"].parent / "missing.gguf")))


def test_unknown_architecture_is_a_model_error(tmp_path: Path) -> None:
    """A well-formed GGUF of an architecture llama.cpp does not know: clean error."""
    pytest.importorskip("llama_cpp")
    from edgekit.local import Engine, EngineConfig
    from edgekit.local.errors import ModelLoadError

    p = tmp_path / "alien.gguf"
    p.write_bytes(build_gguf(kv=(("general.architecture", STRING, "alien-net"),)))
    with pytest.raises(ModelLoadError) as info:
        Engine(EngineConfig(model=str(p)))
    assert isinstance(info.value, ModelError)
