"""HTTP error answers → the EdgeKit error tree (RFC 9457 problems, Retry-After)."""

from __future__ import annotations

import email.utils
import json
import time
from collections.abc import Mapping

from edgekit.errors import (
    CloudError,
    CloudRateLimited,
    CloudResponseError,
    CloudTimeout,
    CloudUnavailable,
)

PROBLEM_JSON = "application/problem+json"
MAX_PROBLEM_BYTES = 64 * 1024
MAX_RETRY_AFTER_S = 24 * 3600.0
_MAX_TITLE = 120


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    delta = when.timestamp() - (time.time() if now is None else now)
    return min(max(0.0, delta), MAX_RETRY_AFTER_S)


def problem_fields(content_type: str, body: bytes) -> tuple[str | None, str | None]:
    """``(type, title)`` of an RFC 9457 problem body; ``(None, None)`` if it is not one."""
    if content_type.split(";", 1)[0].strip().lower() != PROBLEM_JSON:
        return None, None
    if len(body) > MAX_PROBLEM_BYTES:
        return None, None
    try:
        obj = json.loads(body)
    except ValueError:
        return None, None
    if not isinstance(obj, dict):
        return None, None
    kind = obj.get("type", "about:blank")
    title = obj.get("title")
    return (
        kind if isinstance(kind, str) else "about:blank",
        _printable(title) if isinstance(title, str) else None,
    )


def error_for_status(status: int, headers: Mapping[str, str], body: bytes) -> CloudError:
    """The error a non-2xx answer means. ``headers`` keys must be lower-case."""
    retry_after = parse_retry_after(headers.get("retry-after"))
    kind, title = problem_fields(headers.get("content-type", ""), body)
    what = f"gateway answered {status}" + (f" ({title})" if title else "")
    if status == 429 or (status == 503 and retry_after is not None):
        return CloudRateLimited(what, retry_after=retry_after)
    if status == 504:
        return CloudTimeout(what, retry_after=retry_after)
    if status in (502, 503):
        return CloudUnavailable(what, retry_after=retry_after)
    return CloudResponseError(what, status=status, problem_type=kind)


def _printable(text: str) -> str:
    clean = "".join(ch if ch.isprintable() else " " for ch in text)
    return clean[:_MAX_TITLE]
