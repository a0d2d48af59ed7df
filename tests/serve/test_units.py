"""The server's parts on their own: request parsing (fuzzed), fair admission, settings."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.errors import ConfigError
from edgekit.serve.admission import Admission, QueueFull
from edgekit.serve.config import load_settings
from edgekit.serve.protocol import ApiError, parse_chat_request

LIMITS: dict[str, Any] = {
    "model_name": "edgekit",
    "max_tokens_limit": 64,
    "default_max_tokens": 16,
    "app_header": None,
}


def parse(body: Any, **extra: Any) -> Any:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return parse_chat_request(raw, **{**LIMITS, **extra})


def test_a_plain_request_is_read_as_openai_clients_send_it() -> None:
    req = parse(
        {
            "model": "edgekit:handoff",
            "stream": True,
            "stream_options": {"include_usage": True},
            "max_completion_tokens": 9,
            "temperature": 0.5,
            "user": "dashboard",
            "n": 1,
            "top_p": 1,
            "messages": [
                {"role": "developer", "content": "Be brief."},
                {
                    "role": "user",
                    "content": [{"type": "text", "text": "Hi"}, {"type": "text", "text": "!"}],
                },
            ],
        }
    )
    assert req.strategy == "handoff"
    assert req.messages == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi!"},
    ]
    assert (req.stream, req.include_usage, req.max_tokens, req.temperature) == (True, True, 9, 0.5)
    assert req.app == "dashboard"
    assert (
        parse(
            {"model": "edgekit", "messages": [{"role": "user", "content": "x"}]}, app_header="robot"
        ).app
        == "robot"
    )


@pytest.mark.parametrize(
    ("body", "status", "param"),
    [
        ({"messages": [{"role": "user", "content": "x"}]}, 400, "model"),
        ({"model": "llama3", "messages": [{"role": "user", "content": "x"}]}, 404, "model"),
        ({"model": "edgekit:gpu", "messages": [{"role": "user", "content": "x"}]}, 404, "model"),
        ({"model": "edgekit", "messages": "hi"}, 400, "messages"),
        (
            {"model": "edgekit", "messages": [{"role": "robot", "content": "x"}]},
            400,
            "messages[0].role",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "functions": [{"name": "f"}],
            },
            400,
            "functions",
        ),
        (
            {
                "model": "edgekit",
                "messages": [
                    {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "x"}}]}
                ],
            },
            400,
            "messages[0].content",
        ),
        ({"model": "edgekit", "messages": [{"role": "user", "content": "x"}], "n": 2}, 400, "n"),
        (
            {"model": "edgekit", "messages": [{"role": "user", "content": "x"}], "max_tokens": 65},
            400,
            "max_tokens",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "max_tokens": True,
            },
            400,
            "max_tokens",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "temperature": float("inf"),
            },
            400,
            None,
        ),
        (
            {
                "model": "edgekit:local",
                "messages": [{"role": "user", "content": "x"}],
                "edgekit": {"strategy": "cloud_only"},
            },
            400,
            "edgekit.strategy",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "edgekit": {"threshold": 2},
            },
            400,
            "edgekit.threshold",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "edgekit": {"privacy": "none"},
            },
            400,
            "edgekit.privacy",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "stream_options": {"include_usage": True},
            },
            400,
            "stream_options",
        ),
        (
            {"model": "edgekit", "messages": [{"role": "user", "content": "x"}], "frobnicate": 1},
            400,
            "frobnicate",
        ),
        (
            {
                "model": "edgekit",
                "messages": [{"role": "user", "content": "x"}],
                "stop": ["a", "b", "c", "d", "e"],
            },
            400,
            "stop",
        ),
    ],
)
def test_bad_requests_name_the_parameter(body: Any, status: int, param: str | None) -> None:
    with pytest.raises(ApiError) as err:
        parse(body)
    assert err.value.status == status
    if body.get("temperature") is None:
        assert err.value.param == param
    assert set(err.value.body()["error"]) == {"message", "type", "param", "code"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
fields = st.sampled_from(
    [
        "model",
        "messages",
        "stream",
        "stream_options",
        "max_tokens",
        "temperature",
        "stop",
        "edgekit",
        "tools",
        "n",
        "user",
        "top_p",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(fields, json_values, max_size=6) | json_values)
def test_any_json_gives_a_request_or_a_clear_error(body: Any) -> None:
    try:
        req = parse(body)
    except ApiError as exc:
        status, error = exc.status, exc.body()
    else:
        assert 1 <= req.max_tokens <= 64
        assert req.messages
        return
    assert 400 <= status < 500
    json.dumps(error)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=64))
def test_any_bytes_give_a_request_or_a_clear_error(raw: bytes) -> None:
    status = 200
    try:
        parse(raw)
    except ApiError as exc:
        status = exc.status
    assert status in (200, 400, 404)


async def test_admission_is_round_robin_across_apps_and_bounded() -> None:
    adm = Admission(parallel=1, max_queue=6, max_queue_per_app=3)
    order: list[str] = []
    gate = asyncio.Event()

    async def work(app: str, tag: str) -> None:
        async with adm.slot(app):
            order.append(tag)
            await gate.wait()

    first = asyncio.create_task(work("a", "a0"))
    await asyncio.sleep(0)
    tasks = [
        asyncio.create_task(work(app, f"{app}{i}"))
        for app, i in (("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2))
    ]
    await asyncio.sleep(0)
    assert adm.waiting == 5
    with pytest.raises(QueueFull):
        await work("a", "a4")  # app a has its share of the queue
    tasks.append(asyncio.create_task(work("c", "c1")))
    await asyncio.sleep(0)
    with pytest.raises(QueueFull):
        await work("d", "d1")  # the queue is full
    gate.set()
    await asyncio.gather(first, *tasks)
    assert order == ["a0", "a1", "b1", "c1", "a2", "b2", "a3"]
    assert (adm.running, adm.waiting) == (0, 0)


async def test_a_waiter_that_leaves_gives_up_its_place() -> None:
    adm = Admission(parallel=1, max_queue=2, max_queue_per_app=2)
    release = asyncio.Event()

    async def hold() -> None:
        async with adm.slot("a"):
            await release.wait()

    holder = asyncio.create_task(hold())
    await asyncio.sleep(0)
    waiter = asyncio.create_task(hold())
    await asyncio.sleep(0)
    assert adm.waiting == 1
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert adm.waiting == 0
    release.set()
    await holder
    assert adm.running == 0


def test_settings_from_toml_env_and_flags(tmp_path: Path) -> None:
    path = tmp_path / "serve.toml"
    path.write_text(
        '[serve]\nport = 9000\nparallel = 2\n[client]\nstrategy = "handoff"\n'
        'max_tokens = 32\n[engine]\nn_ctx = 1024\n[privacy]\npreset = "balanced"\n'
    )
    s = load_settings(
        path,
        environ={"EDGEKIT_SERVE_PORT": "9001", "EDGEKIT_CLIENT_THRESHOLD": "0.4"},
        overrides={"serve": {"parallel": 3, "host": None}},
    )
    assert (s.serve.port, s.serve.parallel, s.serve.host) == (9001, 3, "127.0.0.1")
    assert (s.client.strategy, s.client.max_tokens, s.client.threshold) == ("handoff", 32, 0.4)
    assert s.client.engine is not None
    assert s.client.engine.n_ctx == 1024
    assert s.client.privacy is not None
    assert s.client.privacy.preset == "balanced"
    assert s.client.cloud is None
    with_cloud = load_settings(None, environ={"EDGEKIT_CLOUD_URL": "https://gw.example"})
    assert with_cloud.client.cloud is not None


@pytest.mark.parametrize(
    ("toml", "environ", "message"),
    [
        ("[serve]\nhost = '0.0.0.0'\n", {}, "only loopback is allowed"),
        ("[serve]\nhost = '192.168.1.2'\ntoken = 'short'\n", {}, "at least 16"),
        ("[server]\nport = 1\n", {}, "unknown serve config table"),
        ("[serve]\nprot = 1\n", {}, "unknown ServeConfig option"),
        ("[client]\nmax_tokens = 5000\n", {}, "exceeds serve max_tokens_limit"),
        ("[client]\nstrategy = 'fastest'\n", {}, "strategy must be one of"),
        ("", {"EDGEKIT_SERVE_PORT": "http"}, "EDGEKIT_SERVE_PORT"),
    ],
)
def test_bad_settings_are_config_errors(
    tmp_path: Path, toml: str, environ: dict[str, str], message: str
) -> None:
    path = tmp_path / "serve.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message):
        load_settings(path, environ=environ)


def test_non_loopback_with_token_file_is_allowed(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("a-long-enough-secret-token\n")
    s = load_settings(
        None, environ={"EDGEKIT_SERVE_HOST": "0.0.0.0", "EDGEKIT_SERVE_TOKEN_FILE": str(token)}
    )
    assert s.serve.bearer_token() == "a-long-enough-secret-token"
    assert not s.serve.loopback_only


def test_help_documents_every_setting() -> None:
    import dataclasses

    from edgekit.client import ClientConfig
    from edgekit.serve.cli import settings_epilog
    from edgekit.serve.config import ServeConfig

    text = settings_epilog()
    for cls in (ServeConfig, ClientConfig):
        for f in dataclasses.fields(cls):
            if f.name not in ("engine", "cloud", "privacy"):
                assert f"\n    {f.name} " in text
    assert "EDGEKIT_SERVE_TOKEN_FILE" in text


def test_the_shipped_config_and_unit_are_valid() -> None:
    deploy = Path(__file__).parents[2] / "edgekit" / "serve" / "deploy"
    s = load_settings(deploy / "serve.toml", environ={})
    assert s.serve.loopback_only
    assert s.client.cloud is not None
    assert s.client.audit
    unit = (deploy / "edgekit-serve.service").read_text()
    assert "edgekit -v serve --config /etc/edgekit/serve.toml" in unit
    assert "EDGEKIT_STATE_DIR=/var/lib/edgekit-serve" in unit
