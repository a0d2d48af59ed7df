"""Transport-specific refinements of the :mod:`edgekit.errors` tree."""

from __future__ import annotations

from edgekit.errors import (
    AuthenticationError,
    CloudError,
    CloudTimeout,
    CloudUnavailable,
    EdgeKitError,
    ProtocolError,
)

#: Where the shipped gateway config keeps enrolled devices (cloud_gateway/deploy/gateway.toml).
DEFAULT_DEVICES_PATH = "/etc/edgekit/devices.txt"


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


class GatewaySilent(CloudTimeoutPhase):
    """The server accepted the connection but sent no answer before the deadline.

    Unlike :class:`CloudConnectError` (nothing listens) this is a server that is
    up but overloaded, hung, or not speaking HTTP the way a gateway does.
    """


class NotAGateway(ProtocolError):
    """The server answers HTTP, but not as an EdgeKit gateway (no OHTTP key configuration).

    ``status`` and ``content_type`` are what ``GET /ohttp-keys`` returned.
    """

    def __init__(self, message: str, *, status: int, content_type: str) -> None:
        super().__init__(message)
        self.status = status
        self.content_type = content_type


class DeviceNotEnrolled(AuthenticationError):
    """The gateway refused this device's signature (its key is not enrolled, or revoked).

    ``enrol_command`` is the command to run on the gateway host to enrol it;
    ``device_key_id`` names the key (public information, never the private key).
    """

    def __init__(self, *, status: int, device_key_id: str, public_key_b64: str) -> None:
        self.status = status
        self.device_key_id = device_key_id
        self.enrol_command = (
            f"edgekit-gateway devices add {DEFAULT_DEVICES_PATH} -- {public_key_b64}"
        )
        super().__init__(
            f"the gateway does not know this device (HTTP {status}, device key "
            f"{device_key_id}); enrol this device on the gateway host: {self.enrol_command}"
        )


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
