"""Transport-specific refinements of the :mod:`edgekit.errors` tree."""

from __future__ import annotations

from edgekit.errors import CloudError, CloudTimeout, CloudUnavailable, EdgeKitError, ProtocolError


class CloudConnectError(CloudUnavailable):
    """The connection could not be opened (refused, DNS, unreachable).

    Not one byte of the request was sent, so retrying cannot execute it twice.
    """


class CloudTimeoutPhase(CloudTimeout):
    """A timeout that says which deadline expired.

    ``phase`` is one of ``"connect"``, ``"first_byte"``, ``"idle"`` or ``"total"``.
    """

    def __init__(self, message: str, *, phase: str) -> None:
        super().__init__(message)
        self.phase = phase


class ResponseFormatError(ProtocolError):
    """An answer (JSON, SSE stream, inner HTTP framing) is malformed or oversized."""


class CloudRequestError(CloudError):
    """The request cannot be sent as given (malformed messages, non-JSON body)."""


class KeyConfigPinError(ProtocolError):
    """The gateway's key configuration differs from the pinned one.

    Refused until the caller re-pins (``CloudClient.repin``) on purpose: a
    changed key may be a legitimate rotation or an interception.
    """


class StreamInterrupted(CloudUnavailable):
    """A streamed answer failed after it had started.

    ``delivered_text`` is everything the iterator yielded before the failure,
    so a caller can continue locally from there; ``delivered_chars`` is its
    length (``delivered_bytes`` counts raw bytes of a binary stream). The
    original error is ``reason`` (and ``__cause__``).
    """

    def __init__(
        self, reason: EdgeKitError, *, delivered_text: str = "", delivered_bytes: int = 0
    ) -> None:
        super().__init__(
            f"stream interrupted after {len(delivered_text)} chars / {delivered_bytes} bytes: "
            f"{type(reason).__name__}",
            retry_after=getattr(reason, "retry_after", None),
        )
        self.reason = reason
        self.delivered_text = delivered_text
        self.delivered_chars = len(delivered_text)
        self.delivered_bytes = delivered_bytes
