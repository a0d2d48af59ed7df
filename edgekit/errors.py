"""The EdgeKit exception tree, all of it declared here.

Every error the SDK raises on purpose derives from :class:`EdgeKitError`, and
its class name says what went wrong. Packages re-export the ones they raise
(``edgekit.local.errors``, ``edgekit.transport.errors``, ``edgekit.secure``…);
this module imports nothing from EdgeKit. Attributes carry what a caller can act on
(``retry_after``, ``finding_types``, ``status`` …). Messages never contain
prompts, answers, PII values or key material: only types, counts and sizes.
"""

from __future__ import annotations

from collections.abc import Iterable


class EdgeKitError(Exception):
    """Root of every error EdgeKit raises on purpose."""


class ConfigError(EdgeKitError):
    """A configuration value or file is invalid."""


class MessageError(ConfigError):
    """Chat messages are malformed (see :func:`edgekit.messages.check_messages`)."""


# --- local model -----------------------------------------------------------


class ModelError(EdgeKitError):
    """The on-device model cannot be loaded or run."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class ModelNotFound(ModelError):
    """No model file or model package under that name or path."""


class ModelFormatError(ModelError):
    """The file is not a usable GGUF model (bad magic, version, truncated…)."""


class ModelIntegrityError(ModelError):
    """An assembled or downloaded model does not match its expected digest."""


class ContextOverflow(ModelError):
    """The prompt (plus the requested output) does not fit the context window."""

    def __init__(self, message: str, *, n_tokens: int, n_ctx: int) -> None:
        super().__init__(message)
        self.n_tokens = n_tokens
        self.n_ctx = n_ctx


class EngineClosed(ModelError):
    """The engine was closed; open a new one."""


class AdapterError(ModelError):
    """A LoRA adapter is malformed, unsigned, tampered with, or made for another base model.

    ``reason`` is one short machine-readable word (``signature``, ``base_model``,
    ``format``, ``digest``, ``size``, ``load``).
    """

    def __init__(self, message: str, *, reason: str, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.reason = reason


class StateError(EdgeKitError):
    """Saved model state is corrupt, truncated or belongs to another model."""


# --- codec -----------------------------------------------------------------


class CodecError(EdgeKitError):
    """Bytes are not a valid EdgeKit tensor encoding, or a tensor cannot be encoded."""


# --- routing ---------------------------------------------------------------


class RoutingError(EdgeKitError):
    """The router cannot reach a decision (bad calibration file, no route left)."""


class ChatTimeout(RoutingError, TimeoutError):
    """A chat call ran past its ``timeout`` (the answer so far is on the stream's ``text``)."""


class CalibrationError(RoutingError):
    """A calibration file or dataset is missing, malformed or of another version."""


# --- privacy ---------------------------------------------------------------


class PrivacyError(EdgeKitError):
    """The privacy filter failed; nothing was sent (fail closed)."""


class PrivacyBlocked(PrivacyError):
    """Policy forbids sending this content off the device.

    ``finding_types`` names the entity types that caused the block, never the
    values.
    """

    def __init__(self, finding_types: Iterable[str]) -> None:
        self.finding_types: tuple[str, ...] = tuple(sorted(set(finding_types)))
        super().__init__("policy blocks egress of: " + ", ".join(self.finding_types))


# --- cloud / transport -----------------------------------------------------


class CloudError(EdgeKitError):
    """Talking to the cloud gateway failed."""


class CloudUnavailable(CloudError):
    """The gateway cannot be reached or refused service; try later.

    ``retry_after`` is the server's hint in seconds, when it gave one.
    """

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CloudTimeout(CloudUnavailable):
    """The gateway did not answer within the deadline."""


class CloudRateLimited(CloudUnavailable):
    """The gateway (or the local budget) refuses more requests for now."""


class CircuitOpen(CloudUnavailable):
    """Recent failures opened the circuit breaker; the cloud is not tried."""


class CloudResponseError(CloudError):
    """The gateway answered with an error (an RFC 9457 problem)."""

    def __init__(self, message: str, *, status: int, problem_type: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.problem_type = problem_type


# --- protocols -------------------------------------------------------------


class ProtocolError(EdgeKitError):
    """A protocol message (BHTTP, OHTTP, SSE, key config…) is malformed."""


class DecryptError(ProtocolError):
    """Decryption failed. Deliberately says nothing about why."""

    def __init__(self, message: str = "decryption failed") -> None:
        super().__init__(message)


class AuthenticationError(ProtocolError):
    """A device signature is missing, unknown or invalid."""


class ReplayError(ProtocolError):
    """A request was seen before, or its timestamp is outside the window."""


# --- local model (edgekit.local) ---------------------------------------------


class ModelMemoryError(ModelError):
    """Not enough memory to load the model or allocate its context.

    ``required_bytes`` is EdgeKit's estimate (0 when llama.cpp reported the
    failure), ``available_bytes`` what the system said was available.
    """

    def __init__(
        self,
        message: str,
        *,
        required_bytes: int = 0,
        available_bytes: int = 0,
        path: str | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.required_bytes = required_bytes
        self.available_bytes = available_bytes


class ModelLoadError(ModelError):
    """llama.cpp refused a file that passed the GGUF header checks.

    Typically an architecture this llama.cpp build does not support, or a
    model that cannot generate text (an encoder-only embedding model).
    """


class ChatTemplateError(ModelError):
    """The model has no chat template (a base model), or its template failed."""


class EngineBusyError(ModelError):
    """The calling thread still has an open stream on this engine.

    Raised instead of deadlocking: consume the stream to its end or call its
    ``close()`` before starting another call from the same thread.
    """


# --- model state (edgekit.state) ---------------------------------------------


class LayoutError(StateError):
    """The bytes are not a sequence state of the layout EdgeKit understands."""


# --- secure channel (edgekit.secure) -----------------------------------------


class KeyConfigError(ProtocolError):
    """An ``application/ohttp-keys`` document or key configuration is malformed."""


class BhttpError(ProtocolError):
    """A Binary HTTP message is malformed, or exceeds a configured limit."""


#: Where the shipped gateway config keeps enrolled devices (cloud_gateway/deploy/gateway.toml).
DEFAULT_DEVICES_PATH = "/etc/edgekit/devices.txt"


# --- cloud client (edgekit.transport) ----------------------------------------


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


# --- structured output and tools (edgekit.structured) ------------------------


class StructuredOutputError(EdgeKitError):
    """Root of the errors about tools, ``tool_choice`` and ``response_format``."""


class SchemaError(StructuredOutputError):
    """A tool, ``tool_choice`` or ``response_format`` is invalid or unsupported.

    Raised before anything is generated. ``where`` locates the problem in the
    request (``tools[1].function.parameters.properties.when``); ``keyword`` is
    the JSON Schema keyword at fault, when there is one. Neither holds values.
    """

    def __init__(self, message: str, *, where: str = "", keyword: str | None = None) -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.keyword = keyword


class ToolCallParseError(StructuredOutputError):
    """Model output that should hold tool calls or a JSON answer does not parse."""


class UnknownPlaceholderError(StructuredOutputError):
    """A tool call's arguments hold a privacy placeholder the device never issued.

    ``placeholders`` lists the unknown placeholder names (e.g. ``EMAIL_7``);
    they are the cloud's inventions and are left in place, never guessed.
    """

    def __init__(self, placeholders: tuple[str, ...]) -> None:
        super().__init__(
            "tool-call arguments hold unknown placeholders: " + ", ".join(placeholders)
        )
        self.placeholders = placeholders


# --- privacy audit log (edgekit.privacy) -------------------------------------


class AuditLogError(PrivacyError):
    """The audit log or its key cannot be used (nothing is sent: fail closed)."""


# --- client (edgekit.client) -------------------------------------------------


class NoCloudConfigured(CloudUnavailable):
    """No gateway is configured for this client, so nothing can be escalated."""


# --- edgekit serve -----------------------------------------------------------


class QueueFull(EdgeKitError):
    """Too many requests are waiting; ``retry_after`` is a hint in seconds."""

    def __init__(self, message: str, *, retry_after: float = 1.0) -> None:
        super().__init__(message)
        self.retry_after = retry_after


# --- chat app (edgekit.app) --------------------------------------------------


class GatewayStartError(EdgeKitError):
    """The embedded gateway process exited or did not become ready in time."""
