"""The EdgeKit exception tree.

Every error the SDK raises on purpose derives from :class:`EdgeKitError`, and
its class name says what went wrong. Attributes carry what a caller can act on
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
        super().__init__(
            "policy blocks egress of: " + ", ".join(self.finding_types)
        )


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

    def __init__(
        self, message: str, *, status: int, problem_type: str | None = None
    ) -> None:
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
