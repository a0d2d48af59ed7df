"""Privacy filter: find personal data, mask it reversibly, enforce policy, audit egress.

>>> from edgekit.privacy import Redactor, PrivacyConfig
>>> r = Redactor(PrivacyConfig(ner="off"))
>>> r.mask("write to ada@example.org")
'write to «EMAIL_1»'
>>> r.restore("Sent to «EMAIL_1».")
'Sent to ada@example.org.'
"""

from edgekit.privacy.audit import AuditLog, AuditLogError, VerifyReport
from edgekit.privacy.config import PRESET_ACTIONS, Action, PrivacyConfig
from edgekit.privacy.detectors import CallableDetector, PatternDetector, RegexDetector, Rule
from edgekit.privacy.filter import Filter
from edgekit.privacy.redactor import MaskedRequest, Redactor, StreamRestorer, Vault
from edgekit.privacy.types import ENTITY_TYPES, Candidate, Detector, Finding

__all__ = [
    "ENTITY_TYPES",
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
]
