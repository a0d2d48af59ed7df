"""Fast tests of the app's pieces that need no model: options, pins, rendering, stats."""

from __future__ import annotations

import io
from pathlib import Path

import app_support  # noqa: F401  (puts examples/ on sys.path)
import pytest
from rich.console import Console

from edgekit.app import pins, render
from edgekit.app.answer import Answer, LinkInfo
from edgekit.app.options import parse_options
from edgekit.app.stats import SessionStats
from edgekit.errors import ConfigError


def _text(renderable: object, width: int = 120) -> str:
    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None).print(renderable)
    return buf.getvalue()


def _answer(route: str, **decision: object) -> Answer:
    base: dict[str, object] = {"id": "d1", "strategy": "cascade", "route": route, "reason": "r"}
    base.update(decision)
    return Answer(
        text="Paris.",
        decision=base,
        latency_s=1.25,
        tokens=5,
        tokens_per_s=42.0,
        masked={"EMAIL": 1, "PERSON": 2} if route != "local" else {},
        link=LinkInfo(encrypted=True, suite="X25519/AES-128-GCM", key_id=7)
        if route != "local"
        else None,
    )


def test_status_line_for_a_local_answer_shows_gate_speed_and_nothing_masked() -> None:
    line = _text(render.status_line(_answer("local", score=0.81, threshold=0.55)))
    assert "device" in line
    assert "confidence 0.81 ≥ 0.55" in line
    assert "1.25 s" in line
    assert "42 tok/s" in line
    assert "masked: none" in line


def test_status_line_for_an_escalation_shows_encryption_and_masked_types() -> None:
    line = _text(render.status_line(_answer("cloud", score=0.2, threshold=0.55)))
    assert line.startswith("└")
    assert "cloud" in line
    assert "confidence 0.20 < 0.55" in line
    assert "OHTTP X25519/AES-128-GCM" in line
    assert "masked: EMAIL×1, PERSON×2" in line


def test_status_line_names_handoff_and_fallback() -> None:
    assert "hand-off" in _text(render.status_line(_answer("handoff")))
    fallback = _text(
        render.status_line(_answer("local_fallback", fallback_error="CloudConnectError"))
    )
    assert "device (fallback)" in fallback
    assert "CloudConnectError" in fallback


def test_plaintext_link_is_flagged() -> None:
    answer = Answer(text="x", decision={"route": "cloud"}, link=LinkInfo(encrypted=False))
    assert "PLAINTEXT" in _text(render.status_line(answer))


def test_why_panel_lists_every_decision_field() -> None:
    answer = _answer(
        "cloud",
        score=0.2,
        threshold=0.55,
        signals={"mean_logprob": -1.5},
        latency_s={"local": 0.4, "cloud": 0.8},
        fallback_error=None,
    )
    text = _text(render.why_panel(answer))
    for needle in (
        "route",
        "cascade",
        "0.2000",
        "0.5500",
        "mean_logprob",
        "-1.5000",
        "latency by stage",
        "0.800 s",
        "X25519/AES-128-GCM",
    ):
        assert needle in text
    assert "ask something first" in _text(render.why_panel(None))


def test_privacy_panel_marks_spans_with_type_and_action() -> None:
    message = "mail ada@example.org now"
    text = _text(render.privacy_panel(message, [("EMAIL", 5, 20, "mask")], {"EMAIL": 1}))
    assert "ada@example.org⟨EMAIL: mask⟩" in text
    assert "detected: EMAIL×1" in text


def test_stats_aggregate_by_origin() -> None:
    stats = SessionStats()
    stats.record(_answer("local"), offline=False)
    stats.record(_answer("cloud"), offline=False)
    stats.record(_answer("local_fallback"), offline=True)
    data = stats.as_dict()
    assert data["answers"] == 3
    assert data["escalated"] == 1
    assert data["offline_answers"] == 1
    assert data["masked"] == {"EMAIL": 2, "PERSON": 4}
    by_origin = data["by_origin"]
    assert isinstance(by_origin, dict)
    assert set(by_origin) == {"device", "cloud", "device (fallback)"}
    assert "33%" in _text(render.stats_table(stats))


def test_answer_json_carries_decision_and_counts_only() -> None:
    data = _answer("cloud", score=0.2).as_json(prompt="q")
    assert data["route"] == "cloud"
    assert data["origin"] == "cloud"
    assert data["masked"] == {"EMAIL": 1, "PERSON": 2}
    assert data["decision"]["score"] == 0.2
    assert data["link"]["encrypted"] is True


def test_options_defaults_and_validation(capsys: pytest.CaptureFixture[str]) -> None:
    opts = parse_options([])
    assert opts.embedded_gateway
    assert opts.route == "auto"
    assert opts.privacy == "strict"
    remote = parse_options(
        ["--gateway", "https://gw.example:8443/", "--prompt", "a", "--prompt", "b"]
    )
    assert remote.gateway_url == "https://gw.example:8443"
    assert not remote.embedded_gateway
    assert remote.prompts == ("a", "b")
    assert not parse_options(["--no-gateway"]).embedded_gateway
    for bad in (
        ["--threshold", "1.5"],
        ["--gateway", "ftp://x"],
        ["--max-tokens", "0"],
        ["--route", "sideways"],
        ["--gateway", "http://a", "--no-gateway"],
    ):
        with pytest.raises(SystemExit) as info:
            parse_options(bad)
        assert info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_pins_round_trip_and_reject_garbage(tmp_path: Path) -> None:
    path = tmp_path / "pins" / "gw.sha256"
    assert pins.read_pins(path) == frozenset()
    digests = frozenset({"a" * 64, "b" * 64})  # one per trusted gateway key
    pins.write_pins(path, digests)
    assert pins.read_pins(path) == digests
    assert path.read_text() == f"{'a' * 64}\n{'b' * 64}\n"
    assert path.stat().st_mode & 0o777 == 0o600
    assert pins.load_pins("https://gw", path, repin=False) == (path, digests)
    assert pins.load_pins("https://gw", path, repin=True) == (path, frozenset())
    for garbage in ("not a digest\n", "", "a" * 63 + "\n"):
        path.write_text(garbage)
        with pytest.raises(ConfigError):
            pins.read_pins(path)
    assert list(path.parent.glob(".*")) == []  # no temporary files left behind


def test_default_pin_file_is_per_host_and_port(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert pins.default_pin_file("https://gw.example.net:8443").name == "gw.example.net_8443.sha256"
    assert pins.default_pin_file("http://127.0.0.1").name == "127.0.0.1_80.sha256"
    assert pins.default_pin_file("https://a/").parent == tmp_path / "edgekit" / "pins"


def test_tour_runs_on_the_first_interactive_run_only(tmp_path: Path) -> None:
    from edgekit.app.app import _wants_tour

    history = tmp_path / "history"
    first = parse_options(["--history-file", str(history)])
    assert first.tour is None
    assert _wants_tour(first, interactive=True)
    assert not _wants_tour(first, interactive=False)  # scripts never get a tour unasked
    history.write_text("")
    assert not _wants_tour(first, interactive=True)
    assert _wants_tour(parse_options(["--tour", "--history-file", str(history)]), True)
    assert not _wants_tour(
        parse_options(["--no-tour", "--history-file", str(tmp_path / "x")]), True
    )
