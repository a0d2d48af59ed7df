"""EdgeKit's cloud gateway: an aiohttp service that decrypts escalations
(Oblivious HTTP), runs them on a bigger model and streams encrypted answers back.

``python -m cloud_gateway --help`` (or ``edgekit-gateway``) explains deployment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["EmbeddedGateway", "GatewayConfig", "create_app", "load_config"]

if TYPE_CHECKING:
    from cloud_gateway.app import create_app
    from cloud_gateway.config import GatewayConfig, load_config
    from cloud_gateway.embedded import EmbeddedGateway


def __getattr__(name: str) -> object:
    if name == "create_app":
        from cloud_gateway.app import create_app

        return create_app
    if name in ("GatewayConfig", "load_config"):
        from cloud_gateway import config

        return getattr(config, name)
    if name == "EmbeddedGateway":
        from cloud_gateway.embedded import EmbeddedGateway

        return EmbeddedGateway
    raise AttributeError(name)
