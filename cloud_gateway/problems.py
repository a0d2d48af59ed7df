"""RFC 9457 problem details: the gateway's errors, each with a stable type URI.

Handlers raise a :class:`Problem`; the app turns it into an
``application/problem+json`` answer (plaintext) or an encrypted inner answer
(OHTTP). ``detail`` never carries request content, only sizes and names.
"""

from __future__ import annotations

import json

from cloud_gateway.errors import GatewayError
from cloud_gateway.logs import get_logger

_log = get_logger("edgekit.gateway")

PROBLEM_BASE = "https://edgekit.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(GatewayError):
    """An error answered to the client as a problem document."""

    status: int = 500
    name: str = "internal-error"
    title: str = "Internal error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        retry_after: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.retry_after = retry_after
        self.headers = dict(headers or {})

    @property
    def type_uri(self) -> str:
        return PROBLEM_BASE + self.name

    def document(self) -> dict[str, object]:
        doc: dict[str, object] = {"type": self.type_uri, "title": self.title, "status": self.status}
        if self.detail:
            doc["detail"] = self.detail
        return doc

    def body(self) -> bytes:
        return json.dumps(self.document(), separators=(",", ":")).encode()

    def response_headers(self) -> dict[str, str]:
        headers = {"Content-Type": PROBLEM_MEDIA_TYPE, **self.headers}
        if self.retry_after is not None:
            headers["Retry-After"] = str(self.retry_after)
        return headers


class BadRequest(Problem):
    status, name, title = 400, "bad-request", "Malformed request"


class DecryptFailed(Problem):
    """The one opaque answer to anything on /ohttp that fails to decapsulate."""

    status, name, title = 400, "decrypt-failed", "Request could not be decrypted"


class AuthFailed(Problem):
    status, name, title = 401, "device-auth-failed", "Device authentication failed"


class Replayed(Problem):
    status, name, title = 409, "replayed-request", "Request replayed or outside the time window"


class NotFound(Problem):
    status, name, title = 404, "not-found", "No such resource"


class MethodNotAllowed(Problem):
    status, name, title = 405, "method-not-allowed", "Method not allowed"


class RequestTimeout(Problem):
    status, name, title = 408, "request-timeout", "Request body not received in time"


class PayloadTooLarge(Problem):
    status, name, title = 413, "payload-too-large", "Request body too large"


class UnsupportedMediaType(Problem):
    status, name, title = 415, "unsupported-media-type", "Unsupported content type"


class ModelNotAllowed(Problem):
    status, name, title = 404, "model-not-found", "Model not served here"


class ContextTooLong(Problem):
    status, name, title = 400, "context-length-exceeded", "Prompt does not fit the model context"


class RateLimited(Problem):
    status, name, title = 429, "rate-limited", "Too many requests from this device"


class Overloaded(Problem):
    status, name, title = 429, "overloaded", "Generation queue is full"


class UpstreamFailed(Problem):
    status, name, title = 502, "upstream-error", "The model server failed"


class Unavailable(Problem):
    status, name, title = 503, "unavailable", "Service not ready"


class UpstreamTimeout(Problem):
    status, name, title = 504, "upstream-timeout", "The model did not answer in time"


class ModelMismatch(Problem):
    status, name, title = 409, "model-mismatch", "The gateway does not hold this exact model"


class SessionConflict(Problem):
    status, name, title = 409, "verify-session-conflict", "Verify session is at another position"


class SessionUnknown(Problem):
    status, name, title = 404, "verify-session-unknown", "Verify session expired or unknown"


def as_problem(exc: BaseException) -> Problem:
    """The problem to answer for ``exc``: itself, or an opaque 500 for anything else.

    The sealing boundary after decryption calls this for whatever was raised,
    so no exception (a bug, a malformed upstream answer, a parser's
    ``RecursionError``) can leave the encryption. Only the exception's type is
    logged: messages may quote request content.
    """
    if isinstance(exc, Problem):
        return exc
    _log.error("unhandled %s answered as a sealed internal error", type(exc).__name__)
    return Problem()


ALL_PROBLEMS: tuple[type[Problem], ...] = (
    BadRequest,
    DecryptFailed,
    AuthFailed,
    Replayed,
    NotFound,
    MethodNotAllowed,
    RequestTimeout,
    PayloadTooLarge,
    UnsupportedMediaType,
    ModelNotAllowed,
    ContextTooLong,
    RateLimited,
    Overloaded,
    UpstreamFailed,
    Unavailable,
    UpstreamTimeout,
    ModelMismatch,
    SessionConflict,
    SessionUnknown,
)
