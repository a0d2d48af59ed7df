"""Privacy configuration: presets, per-type actions and the audit log location."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from edgekit.errors import ConfigError
from edgekit.privacy import types as t

Action = Literal["mask", "block", "allow"]
Preset = Literal["strict", "balanced", "off"]
NerMode = Literal["auto", "on", "off"]

_ACTIONS = ("mask", "block", "allow")

#: What each preset does with each entity type; anything unlisted is masked.
PRESET_ACTIONS: dict[str, dict[str, Action]] = {
    # Default: mask every personal value; credentials never leave, even masked,
    # because the text around them (config files, code) is itself sensitive.
    "strict": {t.SECRET: "block", t.URL_CREDENTIALS: "block"},
    # Mask identifiers and secrets; let network and location data through.
    "balanced": {t.IP_ADDRESS: "allow", t.GEO_COORDINATES: "allow"},
    # Explicit opt-out: nothing is scanned or masked.
    "off": {etype: "allow" for etype in t.ENTITY_TYPES},
}
#: Minimum detector score for a finding to count, per preset.
PRESET_THRESHOLDS: dict[str, float] = {"strict": 0.4, "balanced": 0.55, "off": 1.01}


def default_audit_path() -> Path:
    """``$EDGEKIT_STATE_DIR`` or ``$XDG_STATE_HOME/edgekit`` (``~/.local/state/edgekit``)."""
    base = os.environ.get("EDGEKIT_STATE_DIR")
    if base:
        return Path(base).expanduser() / "egress.jsonl"
    xdg = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(xdg) / "edgekit" / "egress.jsonl"


@dataclass(frozen=True, kw_only=True)
class PrivacyConfig:
    """How the privacy filter treats personal data before any escalation.

    ``actions`` overrides the preset per entity type (``{"PERSON": "allow"}``);
    ``threshold`` overrides the preset's minimum score; ``ner`` chooses the
    name model: ``auto`` uses it when installed, ``on`` requires it, ``off``
    uses the dictionary heuristic. ``audit_log`` is where escalations are
    recorded (``None``: the default state directory).
    """

    preset: Preset = "strict"
    actions: Mapping[str, Action] = field(default_factory=dict)
    threshold: float | None = None
    ner: NerMode = "auto"
    ner_model_dir: str | None = None
    audit_log: Path | None = None

    def __post_init__(self) -> None:
        if self.preset not in PRESET_ACTIONS:
            raise ConfigError(f"unknown privacy preset {self.preset!r} (strict, balanced, off)")
        if self.ner not in ("auto", "on", "off"):
            raise ConfigError("privacy ner must be auto, on or off")
        for etype, action in self.actions.items():
            if action not in _ACTIONS:
                raise ConfigError(f"privacy action for {etype} must be mask, block or allow")
        if self.threshold is not None and not 0.0 <= self.threshold <= 1.0:
            raise ConfigError("privacy threshold must be within [0, 1]")

    def action_for(self, entity_type: str) -> Action:
        """The effective action for ``entity_type``."""
        if entity_type in self.actions:
            return self.actions[entity_type]
        return PRESET_ACTIONS[self.preset].get(
            entity_type, "allow" if self.preset == "off" else "mask"
        )

    @property
    def min_score(self) -> float:
        """The effective minimum score."""
        return self.threshold if self.threshold is not None else PRESET_THRESHOLDS[self.preset]

    @property
    def audit_path(self) -> Path:
        """The effective audit-log path."""
        return self.audit_log if self.audit_log is not None else default_audit_path()
