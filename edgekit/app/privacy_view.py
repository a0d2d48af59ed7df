"""Local-only view of what the privacy filter finds in a message (for ``/privacy``)."""

from __future__ import annotations

from edgekit.app.options import PrivacyPreset
from edgekit.errors import EdgeKitError

Span = tuple[str, int, int, str]


def scan_spans(text: str, preset: PrivacyPreset) -> list[Span]:
    """``(type, start, end, action)`` of every entity the filter finds in ``text``.

    Uses the same preset as the requests, so what is shown is what the policy
    does on escalation: ``mask`` (replaced by a placeholder), ``block`` (the
    message never leaves) or ``allow``. Empty when the filter cannot run.
    """
    try:
        from edgekit.privacy import Filter, PrivacyConfig
    except ImportError:
        return []
    try:
        config = PrivacyConfig(preset=preset)
        findings = Filter(config).scan(text)
    except EdgeKitError:
        return []
    return [(f.type, f.start, f.end, config.action_for(f.type)) for f in findings]
