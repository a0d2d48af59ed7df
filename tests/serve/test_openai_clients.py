"""The stock ``openai`` clients (Python and Node) against a real ``edgekit serve``.

Real SmolLM2-135M in the server process, a real gateway on loopback (echo
backend: an escalated answer repeats the masked prompt, restored on the way
back), greedy decoding.
"""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import openai
import pytest

from .conftest import ALLOWED_ORIGIN, TOKEN, ServeProcess, raw_connection

EMAIL = "ada.lovelace@example.org"
QUESTION = [{"role": "user", "content": "What is the capital of France?"}]
ECHO = "one two three four five"


def client(server: ServeProcess, **extra: Any) -> openai.OpenAI:
    return openai.OpenAI(
        base_url=server.base_url,
        api_key=extra.pop("api_key", "unused"),
        max_retries=0,
        timeout=120,
        http_client=server.http(),
        **extra,
    )


def metric(server: ServeProcess, name: str) -> float:
    with urllib.request.urlopen(server.url + "/metrics", timeout=10) as resp:
        text = resp.read().decode()
    return sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith(name) and not line.startswith("#")
    )


def test_non_streamed_local_answer_with_usage_and_decision(server: ServeProcess) -> None:
    raw = client(server).chat.completions.with_raw_response.create(
        model="edgekit:local", messages=QUESTION, max_tokens=8
    )
    completion = raw.parse()
    assert raw.headers["x-edgekit-route"] == "local"
    assert raw.headers["x-edgekit-strategy"] == "local_only"
    assert float(raw.headers["x-edgekit-score"]) >= 0.0
    choice = completion.choices[0]
    assert choice.message.role == "assistant"
    assert choice.message.content
    assert choice.finish_reason in ("stop", "length")
    assert completion.usage is not None
    assert completion.usage.completion_tokens == 8 or choice.finish_reason == "stop"
    assert completion.usage.prompt_tokens > 5
    ext = completion.model_extra["edgekit"]
    assert ext["route"] == "local"
    assert ext["score"] == pytest.approx(float(raw.headers["x-edgekit-score"]), abs=1e-3)


def test_streamed_escalation_keeps_the_email_on_the_device(
    server: ServeProcess, gateway: Any
) -> None:
    before = len(gateway.backend.seen)
    prompt = f"{ECHO} {EMAIL}"
    stream = client(server).chat.completions.create(
        model="edgekit:cloud",
        messages=[{"role": "user", "content": prompt}],
        max_tokens=32,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert chunks[0].choices[0].delta.role == "assistant"
    final = [c for c in chunks if c.choices and c.choices[0].finish_reason]
    assert len(final) == 1
    ext = final[0].model_extra["edgekit"]
    assert ext["route"] == "cloud"
    assert ext["masked"] == {"EMAIL": 1}
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.completion_tokens > 0
    assert text == prompt  # the echo, with the placeholder restored on the device
    reached = "\n".join(gateway.backend.seen[before:])
    assert "«EMAIL_1»" in reached
    assert EMAIL not in reached
    assert EMAIL not in server.log()
    assert ECHO not in server.log()


def test_a_blocked_escalation_is_refused_before_the_stream_starts(
    server: ServeProcess, gateway: Any
) -> None:
    before = len(gateway.backend.seen)
    secret = [{"role": "user", "content": "deploy with password=Sup3rS3cret!x9 now"}]
    with pytest.raises(openai.PermissionDeniedError) as blocked:
        list(
            client(server).chat.completions.create(
                model="edgekit:cloud", messages=secret, stream=True
            )
        )
    assert blocked.value.code == "privacy_blocked"
    assert "SECRET" in blocked.value.message
    assert "Sup3rS3cret" not in blocked.value.message
    assert len(gateway.backend.seen) == before
    local = client(server).chat.completions.create(
        model="edgekit", messages=secret, extra_body={"edgekit": {"threshold": 1.0}}
    )
    assert local.model_extra["edgekit"]["route"] == "local_fallback"
    assert local.model_extra["edgekit"]["blocked_types"] == ["SECRET"]
    assert len(gateway.backend.seen) == before


@pytest.mark.parametrize(
    ("model", "extension", "routes"),
    [
        ("edgekit", {"threshold": 0.0}, {"local"}),
        ("edgekit", {"threshold": 1.0}, {"cloud"}),
        ("edgekit:cascade", {"threshold": 1.0}, {"cloud"}),
        ("edgekit:handoff", None, {"local", "handoff"}),
        ("edgekit:pre_route", None, {"local", "cloud"}),
        ("edgekit", {"strategy": "cloud_only"}, {"cloud"}),
    ],
)
def test_routes_by_model_name_and_extension(
    server: ServeProcess, model: str, extension: dict[str, Any] | None, routes: set[str]
) -> None:
    body = {"edgekit": extension} if extension else None
    raw = client(server).chat.completions.with_raw_response.create(
        model=model, messages=[{"role": "user", "content": ECHO}], max_tokens=12, extra_body=body
    )
    completion = raw.parse()
    ext = completion.model_extra["edgekit"]
    assert ext["route"] in routes
    assert raw.headers["x-edgekit-route"] == ext["route"]
    assert completion.choices[0].message.content
    if ext["route"] == "cloud":
        assert completion.choices[0].message.content == ECHO
    if extension and "threshold" in extension:
        assert ext["threshold"] == extension["threshold"]


def test_per_call_stop_and_sampling_reach_the_model(server: ServeProcess) -> None:
    c = client(server)
    full = c.chat.completions.create(model="edgekit:local", messages=QUESTION, max_tokens=12)
    text = full.choices[0].message.content or ""
    stop = text.split()[2]
    cut = c.chat.completions.create(
        model="edgekit:local", messages=QUESTION, max_tokens=12, stop=[stop]
    )
    assert cut.choices[0].message.content == text[: text.index(stop)]
    assert cut.choices[0].finish_reason == "stop"
    sampled = [
        c.chat.completions.create(
            model="edgekit:local",
            messages=QUESTION,
            max_tokens=8,
            temperature=1.5,
            top_p=0.95,
            seed=7,
        )
        for _ in range(2)
    ]
    assert sampled[0].choices[0].message.content == sampled[1].choices[0].message.content


WEATHER = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather in a city",
        "parameters": {
            "type": "object",
            "properties": {"city": {"type": "string"}},
            "required": ["city"],
        },
    },
}


def test_tools_and_json_answers_pass_through(server: ServeProcess) -> None:
    c = client(server)
    ask = [{"role": "user", "content": "What is the weather in Paris?"}]
    called = c.chat.completions.create(
        model="edgekit:local", messages=ask, max_tokens=48, tools=[WEATHER], tool_choice="required"
    )
    choice = called.choices[0]
    assert choice.finish_reason == "tool_calls"
    call = choice.message.tool_calls[0]
    assert call.function.name == "get_weather"
    assert "city" in json.loads(call.function.arguments)
    stream = c.chat.completions.create(
        model="edgekit:local",
        messages=ask,
        max_tokens=48,
        tools=[WEATHER],
        tool_choice="required",
        stream=True,
    )
    deltas = [
        d for chunk in stream if chunk.choices for d in (chunk.choices[0].delta.tool_calls or [])
    ]
    assert deltas[0].function.name == "get_weather"
    assert json.loads("".join(d.function.arguments or "" for d in deltas)) == json.loads(
        call.function.arguments
    )
    answer = [
        *ask,
        choice.message.model_dump(exclude_none=True),
        {"role": "tool", "tool_call_id": call.id, "content": '{"celsius": 21}'},
    ]
    followed = c.chat.completions.create(model="edgekit:local", messages=answer, max_tokens=12)
    assert followed.choices[0].message.content
    shaped = c.chat.completions.create(
        model="edgekit:local",
        messages=ask,
        max_tokens=48,
        response_format={
            "type": "json_schema",
            "json_schema": {
                "name": "w",
                "schema": {
                    "type": "object",
                    "properties": {"city": {"type": "string"}},
                    "required": ["city"],
                },
            },
        },
    )
    assert "city" in json.loads(shaped.choices[0].message.content or "")


def test_cloud_outage_is_answered_on_the_device(offline_server: ServeProcess) -> None:
    c = client(offline_server, api_key=TOKEN)
    completion = c.chat.completions.create(model="edgekit:cloud", messages=QUESTION, max_tokens=8)
    ext = completion.model_extra["edgekit"]
    assert ext["route"] == "local_fallback"
    assert ext["fallback_error"]
    assert completion.choices[0].message.content


def test_token_is_required_when_configured(offline_server: ServeProcess) -> None:
    assert offline_server.socket is not None
    assert stat.S_IMODE(os.stat(offline_server.socket).st_mode) == 0o660
    with pytest.raises(openai.AuthenticationError) as missing:
        client(offline_server).chat.completions.create(model="edgekit:local", messages=QUESTION)
    assert missing.value.code == "invalid_api_key"
    with pytest.raises(openai.AuthenticationError):
        client(offline_server, api_key=TOKEN[:-1] + "x").models.list()
    assert next(m.id for m in client(offline_server, api_key=TOKEN).models.list()) == "edgekit"
    with offline_server.http() as http:
        assert http.get("/healthz").status_code == 200  # probes need no token
        ready = http.get("/readyz").json()
        assert ready["status"] == "ready"
        assert ready["model"] == "smollm2-135m"
        assert ready["gateway"] in ("closed", "open", "half_open")
        assert set(ready["batch_threads"].values()) <= {1, 2, 3, 4}  # "<=1": 1 after a step
        assert http.get("/metrics").status_code == 401


def test_binding_beyond_loopback_without_token_is_refused(tmp_path: Path) -> None:
    from .conftest import edgekit_command

    done = subprocess.run(
        [*edgekit_command(), "serve", "--host", "0.0.0.0", "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 1
    assert "only loopback is allowed without a bearer token" in done.stderr


def test_bad_requests_get_openai_error_objects(server: ServeProcess) -> None:
    c = client(server)
    with pytest.raises(openai.NotFoundError) as unknown:
        c.chat.completions.create(model="gpt-4o", messages=QUESTION)
    assert unknown.value.code == "model_not_found"
    with pytest.raises(openai.BadRequestError) as too_long:
        c.chat.completions.create(model="edgekit", messages=QUESTION, max_tokens=100_000)
    assert too_long.value.param == "max_tokens"
    with pytest.raises(openai.BadRequestError) as no_messages:
        c.chat.completions.create(model="edgekit", messages=[])
    assert no_messages.value.param == "messages"
    with pytest.raises(openai.BadRequestError) as tools:
        c.chat.completions.create(
            model="edgekit",
            messages=QUESTION,
            tools=[
                {"type": "function", "function": {"name": "f", "parameters": {"type": "nothing"}}}
            ],
        )
    assert tools.value.code == "invalid_schema"
    with pytest.raises(openai.PermissionDeniedError):
        c.chat.completions.create(
            model="edgekit", messages=QUESTION, extra_body={"edgekit": {"privacy": "off"}}
        )
    status, body = _raw_post(server, b"{not json")
    assert status == 400
    assert body["error"]["type"] == "invalid_request_error"
    status, body = _raw_post(server, b"{" + b" " * (1100 << 10) + b"}")
    assert status == 413
    assert body["error"]["code"] == "request_too_large"


def test_browsers_and_rebinding_hosts_are_kept_out(server: ServeProcess) -> None:
    with server.http() as http:
        page = http.get("/v1/models", headers={"Origin": "https://evil.example"})
        assert page.status_code == 403
        assert page.json()["error"]["code"] == "origin_not_allowed"
        rebound = http.get("/v1/models", headers={"Host": "evil.example:8080"})
        assert rebound.status_code == 403
        assert rebound.json()["error"]["code"] == "host_not_allowed"
        assert http.get("/v1/models", headers={"Host": "localhost:8080"}).status_code == 200
        preflight = http.options(
            "/v1/chat/completions",
            headers={"Origin": ALLOWED_ORIGIN, "Access-Control-Request-Method": "POST"},
        )
        assert preflight.status_code == 204
        assert preflight.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
        assert "POST" in preflight.headers["access-control-allow-methods"]
        allowed = http.get("/v1/models", headers={"Origin": ALLOWED_ORIGIN})
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


def _raw_post(server: ServeProcess, body: bytes) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        server.base_url + "/chat/completions",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_a_cancelled_stream_stops_its_generation(server: ServeProcess) -> None:
    cancelled = metric(server, "edgekit_serve_cancelled_total")
    with raw_connection(server.url) as sock:
        body = json.dumps(
            {
                "model": "edgekit",
                "stream": True,
                "max_tokens": 64,
                "messages": [{"role": "user", "content": "Tell me a long story."}],
                "edgekit": {"threshold": 0.0},
            }
        ).encode()
        sock.sendall(
            b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )
        head = sock.recv(65536)
        assert b" 200 " in head.split(b"\r\n", 1)[0]
    deadline = time.monotonic() + 30
    while metric(server, "edgekit_serve_cancelled_total") <= cancelled:
        assert time.monotonic() < deadline, "the server did not notice the client leaving"
        time.sleep(0.2)
    while metric(server, "edgekit_serve_running") > 0:
        assert time.monotonic() < deadline, "the cancelled request kept its place"
        time.sleep(0.2)


async def test_concurrent_clients_batch_fair_and_bounded(server: ServeProcess) -> None:
    c = openai.AsyncOpenAI(base_url=server.base_url, api_key="unused", max_retries=0, timeout=120)
    prompts = [f"Name a color that starts with the letter {ch}." for ch in "BGRY"]

    async def ask(prompt: str, app: str) -> str:
        done = await c.chat.completions.create(
            model="edgekit:local",
            messages=[{"role": "user", "content": prompt}],
            max_tokens=10,
            extra_headers={"X-EdgeKit-App": app},
        )
        return done.choices[0].message.content or ""

    alone = [await ask(p, "solo") for p in prompts]
    together = await asyncio.gather(*(ask(p, f"app{i % 2}") for i, p in enumerate(prompts)))
    assert list(together) == alone  # batched greedy decoding gives the same answers

    burst = await asyncio.gather(
        *(ask(prompts[0], "burst") for _ in range(8)), return_exceptions=True
    )
    refused = [r for r in burst if isinstance(r, openai.RateLimitError)]
    answered = [r for r in burst if isinstance(r, str)]
    assert refused, "8 requests with 2 running and 2 (per app) waiting must see 429s"
    assert len(answered) + len(refused) == 8
    assert all(a == alone[0] for a in answered)
    assert refused[0].code == "queue_full"
    assert refused[0].response.headers["retry-after"] == "1"
    await c.close()


def test_node_openai_client(server: ServeProcess, node: str) -> None:
    script = Path(__file__).parent / "node" / "client_check.mjs"
    done = subprocess.run(
        [node, str(script), server.base_url],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=script.parent,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    assert results["plain"]["content"]
    assert results["plain"]["route"] == results["plain"]["route_header"] == "local"
    assert results["plain"]["usage"]["completion_tokens"] > 0
    assert results["streamed"]["route"] == "cloud"
    assert results["streamed"]["content"] == "Say hello to Ada."
    assert results["streamed"]["usage"]["total_tokens"] > 0
    assert results["bad"] == {
        "status": 404,
        "code": "model_not_found",
        "type": "invalid_request_error",
    }
