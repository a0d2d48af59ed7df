"""The app in batch mode (``--prompt`` / piped stdin, ``--json``) against a real gateway.

The gateway is a real EdgeKit gateway on 127.0.0.1 (OHTTP, device signatures)
whose echo backend records every request after decryption: what it saw is
what a cloud provider would see.
"""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from app_support import FAST, REPO, Gateway, readme_commands, requires_edge_model, run_app

from edgekit.secure.ohttp import key_config_digests

pytestmark = requires_edge_model

EMAIL = "ada.lovelace@example.org"


def test_escalation_masks_the_email_before_it_leaves(
    gateway: Gateway, app_env: dict[str, str]
) -> None:
    before = len(gateway.backend.requests)
    prompt = f"Please send the minutes to {EMAIL} today."
    run = run_app(
        ["--gateway", gateway.url, "--route", "cloud", "--json", *FAST, "--prompt", prompt], app_env
    )
    assert run.returncode == 0, run.stderr
    (answer,) = run.json_lines()
    assert answer["route"] == "cloud"
    assert answer["masked"] == {"EMAIL": 1}
    assert answer["decision"]["entity_counts"] == {"EMAIL": 1}
    assert answer["link"]["encrypted"] is True
    # The gateway received the request, with a placeholder instead of the address…
    assert len(gateway.backend.requests) == before + 1
    seen = gateway.backend.seen_text()
    assert EMAIL not in seen
    assert "ada.lovelace" not in seen
    assert "EMAIL_1" in seen
    # …and the device put the address back into the (echoed) answer.
    assert EMAIL in answer["text"]
    assert EMAIL not in run.stderr


def test_unsure_answer_escalates_and_why_explains(
    gateway: Gateway, app_env: dict[str, str]
) -> None:
    before = len(gateway.backend.requests)
    # A threshold of 1.0 cannot be met: the cascade must escalate.
    run = run_app(
        ["--gateway", gateway.url, "--threshold", "1.0", "--json", *FAST],
        app_env,
        stdin="What is 17 times 23?\n/why\n",
    )
    assert run.returncode == 0, run.stderr
    answer, why = run.json_lines()
    assert answer["route"] in ("cloud", "handoff")
    decision = answer["decision"]
    assert decision["strategy"] in ("cascade", "handoff")
    assert decision["threshold"] == 1.0
    assert decision["score"] is not None
    assert decision["score"] < 1.0
    assert len(gateway.backend.requests) == before + 1
    assert why["command"] == "why"
    assert why["decision"] == decision


def test_gateway_keys_are_pinned_and_a_changed_key_is_refused(
    gateway: Gateway, app_env: dict[str, str], tmp_path: Path
) -> None:
    pin = tmp_path / "gw.sha256"
    args = ["--gateway", gateway.url, "--pin-file", str(pin), "--json", *FAST]
    first = run_app([*args, "--route", "cloud", "--prompt", "hello"], app_env)
    assert first.returncode == 0, first.stderr
    assert set(pin.read_text().split()) == set(key_config_digests(gateway.key_configs))

    before = len(gateway.backend.requests)
    pin.write_text("0" * 64 + "\n")  # as if the gateway had been swapped for another
    refused = run_app([*args, "--route", "cloud", "--prompt", "hello again"], app_env)
    assert refused.returncode != 0  # the cloud answer the user asked for did not come
    assert "not pinned" in refused.stderr
    assert "--repin" in refused.stderr
    assert len(gateway.backend.requests) == before  # nothing left for the unknown keys

    # A pin mismatch never stops the device from answering what it can.
    local = run_app([*args, "--route", "local", "--prompt", "hello"], app_env)
    assert local.returncode == 0, local.stderr
    (answer,) = local.json_lines()
    assert answer["route"] == "local"
    assert answer["text"].strip()

    repinned = run_app([*args, "--route", "cloud", "--repin", "--prompt", "hello again"], app_env)
    assert repinned.returncode == 0, repinned.stderr
    assert set(pin.read_text().split()) == set(key_config_digests(gateway.key_configs))


def test_a_mute_remote_gateway_delays_start_up_by_seconds_not_timeouts(
    app_env: dict[str, str], tmp_path: Path
) -> None:
    from edgekit.app.client_responder import STARTUP_KEY_WAIT_S

    with socket.socket() as mute:  # accepts connections (the backlog), never answers
        mute.bind(("127.0.0.1", 0))
        mute.listen(8)
        url = f"http://127.0.0.1:{mute.getsockname()[1]}"
        started = time.monotonic()
        run = run_app(
            [
                "--gateway",
                url,
                "--pin-file",
                str(tmp_path / "gw.sha256"),
                "--route",
                "local",
                "--json",
                *FAST,
                "--prompt",
                "hello",
            ],
            app_env,
        )
        took = time.monotonic() - started
    assert run.returncode == 0, run.stderr
    assert "has not sent its keys" in run.stderr
    (answer,) = run.json_lines()
    assert answer["route"] == "local"
    assert answer["text"].strip()
    # Model load plus the bounded wait; the 10 s key-fetch timeout would show.
    assert took < STARTUP_KEY_WAIT_S + 8.0


def test_embedded_echo_gateway_end_to_end(app_env: dict[str, str]) -> None:
    run = run_app(
        [
            "--gateway-backend",
            "echo",
            "--route",
            "cloud",
            "--json",
            *FAST,
            "--prompt",
            f"Reply to {EMAIL}",
        ],
        app_env,
    )
    assert run.returncode == 0, run.stderr
    (answer,) = run.json_lines()
    assert answer["route"] == "cloud"
    assert answer["masked"] == {"EMAIL": 1}
    assert answer["link"]["encrypted"] is True
    assert EMAIL in answer["text"]


def test_a_gateway_that_cannot_start_leaves_the_device_answering(app_env: dict[str, str]) -> None:
    # A threshold of 1.0 cannot be met: the cascade needs the gateway, which is not there.
    run = run_app(
        [
            "--gateway-model",
            "no-such-model",
            "--threshold",
            "1.0",
            "--json",
            *FAST,
            "--prompt",
            "hi",
        ],
        app_env,
    )
    assert run.returncode == 3, run.stderr  # answered, but not by the gateway it needed
    assert "the gateway did not answer 1 question" in run.stderr
    (answer,) = run.json_lines()
    assert answer["route"] == "local_fallback"
    assert answer["text"].strip()
    assert answer["decision"]["fallback_error"] == "CloudConnectError"
    assert "gateway failed to start (ModelNotFound" in run.stderr


def test_empty_input_says_what_to_do(app_env: dict[str, str]) -> None:
    run = run_app(["--no-gateway"], app_env, stdin="")
    assert run.returncode == 0
    assert run.stdout == ""
    assert "nothing to answer" in run.stderr


def test_without_a_gateway_the_cloud_route_is_refused(app_env: dict[str, str]) -> None:
    run = run_app(["--no-gateway", "--json"], app_env, stdin="/route cloud\n/route\n")
    assert run.returncode == 1
    refused, current = run.json_lines()
    assert "--no-gateway" in refused["error"]
    assert current == {"command": "route", "route": "auto"}


def test_bad_arguments_exit_2_with_a_message(app_env: dict[str, str]) -> None:
    run = run_app(["--threshold", "7"], app_env)
    assert run.returncode == 2
    assert "between 0 and 1" in run.stderr


@pytest.mark.gateway_model
@pytest.mark.slow
def test_default_embedded_gateway_model_answers(app_env: dict[str, str]) -> None:
    """The README's first command, escalating to the real default gateway model."""
    run = run_app(
        [
            "--route",
            "cloud",
            "--json",
            "--max-tokens",
            "12",
            "--prompt",
            "What is the capital of France? Answer in one word.",
        ],
        app_env,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    (answer,) = run.json_lines()
    assert answer["route"] == "cloud"
    assert answer["link"]["encrypted"] is True
    assert "paris" in answer["text"].lower()


def test_tour_shows_device_escalation_masking_and_offline(
    gateway: Gateway, app_env: dict[str, str]
) -> None:
    """The scripted tour's captions promise these routes; hold them to it."""
    from edgekit.app.tour import EMAIL as TOUR_EMAIL

    # 24 tokens: the gate sees drafts long enough to judge (8 would cut the wrong product short).
    run = run_app(["--gateway", gateway.url, "--tour", "--json", "--max-tokens", "24"], app_env)
    assert run.returncode == 0, run.stderr
    answers = [obj for obj in run.json_lines() if "route" in obj and "command" not in obj]
    by_command = {obj["command"]: obj for obj in run.json_lines() if "command" in obj}
    knows, unsure, personal, offline = answers
    assert knows["route"] == "local"
    assert knows["decision"]["score"] >= knows["decision"]["threshold"]
    assert unsure["route"] == "cloud"
    assert unsure["decision"]["score"] < unsure["decision"]["threshold"]
    assert personal["route"] == "cloud"
    assert personal["masked"] == {"EMAIL": 1}
    assert TOUR_EMAIL not in gateway.backend.seen_text()
    assert offline["route"] == "local_fallback"
    assert by_command["why"]["decision"]["route"] == "local_fallback"
    assert by_command["privacy"]["detected"] == {"EMAIL": 1}
    assert by_command["stats"]["offline_answers"] == 1


def test_ci_runs_exactly_the_readme_test_command() -> None:
    _, test_command = readme_commands()
    assert test_command == "bash scripts/test.sh"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "exec bash scripts/test.sh\n" in ci
