"""PrivacyConfig: presets, overrides, loading from TOML tables and the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from edgekit.config import from_mapping
from edgekit.errors import ConfigError
from edgekit.privacy import PrivacyConfig


def test_presets_and_overrides() -> None:
    strict = PrivacyConfig()
    assert strict.action_for("SECRET") == "block"
    assert strict.action_for("EMAIL") == "mask"
    assert strict.action_for("CUSTOM_TYPE") == "mask"  # unknown types are masked, not sent
    balanced = PrivacyConfig(preset="balanced", actions={"PERSON": "allow"})
    assert balanced.action_for("IP_ADDRESS") == "allow"
    assert balanced.action_for("PERSON") == "allow"
    assert balanced.min_score > strict.min_score
    assert PrivacyConfig(preset="off").action_for("EMAIL") == "allow"


@pytest.mark.parametrize(
    "bad",
    [
        {"preset": "lenient"},
        {"ner": "maybe"},
        {"actions": {"EMAIL": "encrypt"}},
        {"threshold": 1.5},
        {"unknown": 1},
    ],
)
def test_invalid_values_are_config_errors(bad: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        from_mapping(PrivacyConfig, bad)


def test_from_mapping_and_env(tmp_path: Path) -> None:
    cfg = from_mapping(
        PrivacyConfig,
        {
            "preset": "balanced",
            "actions": {"EMAIL": "block"},
            "audit_log": str(tmp_path / "a.jsonl"),
        },
        env_prefix="EDGEKIT_PRIVACY_",
        environ={"EDGEKIT_PRIVACY_NER": "off", "EDGEKIT_PRIVACY_THRESHOLD": "0.7"},
    )
    assert cfg.preset == "balanced"
    assert cfg.ner == "off"
    assert cfg.min_score == 0.7
    assert cfg.action_for("EMAIL") == "block"
    assert cfg.audit_path == tmp_path / "a.jsonl"


def test_default_audit_path_honours_state_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EDGEKIT_STATE_DIR", str(tmp_path))
    assert PrivacyConfig().audit_path == tmp_path / "egress.jsonl"
