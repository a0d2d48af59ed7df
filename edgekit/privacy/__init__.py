"""Privacy filter: find personal data, mask it reversibly, enforce policy, audit egress.

>>> from edgekit.privacy import Redactor, PrivacyConfig
>>> r = Redactor(PrivacyConfig(ner="off"))
>>> r.mask("write to ada@example.org")
'write to «EMAIL_1»'
>>> r.restore("Sent to «EMAIL_1».")
'Sent to ada@example.org.'

Names are imported lazily, so ``edgekit.privacy.cli`` (loaded by every
``edgekit`` command) does not compile the detectors.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from edgekit.privacy.audit import AuditLog, AuditLogError, VerifyReport
    from edgekit.privacy.config import PRESET_ACTIONS, Action, PrivacyConfig
    from edgekit.privacy.detectors import (
        CallableDetector,
        PatternDetector,
        RegexDetector,
        Rule,
    )
    from edgekit.privacy.filter import Filter
    from edgekit.privacy.redactor import (
        PLACEHOLDER_INSTRUCTION,
        MaskedRequest,
        Redactor,
        StreamRestorer,
        Vault,
        with_placeholder_instruction,
    )
    from edgekit.privacy.types import ENTITY_TYPES, Candidate, Detector, Finding

_EXPORTS = {
    "AuditLog": "audit",
    "AuditLogError": "audit",
    "VerifyReport": "audit",
    "PRESET_ACTIONS": "config",
    "Action": "config",
    "PrivacyConfig": "config",
    "CallableDetector": "detectors",
    "PatternDetector": "detectors",
    "RegexDetector": "detectors",
    "Rule": "detectors",
    "Filter": "filter",
    "MaskedRequest": "redactor",
    "Redactor": "redactor",
    "PLACEHOLDER_INSTRUCTION": "redactor",
    "with_placeholder_instruction": "redactor",
    "StreamRestorer": "redactor",
    "Vault": "redactor",
    "ENTITY_TYPES": "types",
    "Candidate": "types",
    "Detector": "types",
    "Finding": "types",
}

__all__ = [
    "ENTITY_TYPES",
    "PLACEHOLDER_INSTRUCTION",
    "PRESET_ACTIONS",
    "Action",
    "AuditLog",
    "AuditLogError",
    "CallableDetector",
    "Candidate",
    "Detector",
    "Filter",
    "Finding",
    "MaskedRequest",
    "PatternDetector",
    "PrivacyConfig",
    "Redactor",
    "RegexDetector",
    "Rule",
    "StreamRestorer",
    "Vault",
    "VerifyReport",
    "with_placeholder_instruction",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'edgekit.privacy' has no attribute {name!r}")
    return getattr(importlib.import_module(f"edgekit.privacy.{module}"), name)
