"""The cloud client's refinements of the EdgeKit error tree (declared in :mod:`edgekit.errors`)."""

from __future__ import annotations

from edgekit.errors import (
    DEFAULT_DEVICES_PATH,
    CloudConnectError,
    CloudRequestError,
    CloudTimeoutPhase,
    DeviceNotEnrolled,
    GatewaySilent,
    KeyConfigPinError,
    NotAGateway,
    ResponseFormatError,
    StreamInterrupted,
)

__all__ = [
    "DEFAULT_DEVICES_PATH",
    "CloudConnectError",
    "CloudRequestError",
    "CloudTimeoutPhase",
    "DeviceNotEnrolled",
    "GatewaySilent",
    "KeyConfigPinError",
    "NotAGateway",
    "ResponseFormatError",
    "StreamInterrupted",
]
