"""``edgekit serve``: the device's own OpenAI-compatible endpoint, hybrid routing behind it.

>>> from edgekit.serve import create_app, load_settings
>>> app = create_app(load_settings("serve.toml"))  # doctest: +SKIP

Apps in any language talk the OpenAI chat API to this server; it answers with
the same ``AsyncEdgeClient`` the Python SDK uses. See docs/serve.md. Names are
imported lazily, so ``edgekit --help`` does not load aiohttp or the client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from edgekit.serve.admission import Admission, QueueFull
    from edgekit.serve.app import create_app
    from edgekit.serve.config import ServeConfig, Settings, load_settings
    from edgekit.serve.server import serve

_WHERE = {
    "Admission": "edgekit.serve.admission",
    "QueueFull": "edgekit.serve.admission",
    "create_app": "edgekit.serve.app",
    "ServeConfig": "edgekit.serve.config",
    "Settings": "edgekit.serve.config",
    "load_settings": "edgekit.serve.config",
    "serve": "edgekit.serve.server",
}
__all__ = [
    "Admission",
    "QueueFull",
    "ServeConfig",
    "Settings",
    "create_app",
    "load_settings",
    "serve",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'edgekit.serve' has no attribute {name!r}")
