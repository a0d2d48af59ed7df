"""The gateway's own exception tree.

The gateway is a service apart from the device SDK: its errors do not derive
from the device's :class:`edgekit.errors.EdgeKitError`. Errors the shared
kernel raises (``edgekit.secure``, ``edgekit.codec``, the KV wire format) and
the engine's errors (``edgekit.local``) are caught where they occur and turned
into these or into problem answers (:mod:`cloud_gateway.problems`).
"""

from __future__ import annotations


class GatewayError(Exception):
    """Root of every error the gateway raises on purpose."""


class ConfigError(GatewayError):
    """A gateway setting, configuration file or key/device file is invalid."""
