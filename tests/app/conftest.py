"""Fixtures for the chat app tests: an isolated home, a recording gateway, app runners.

The app runs as a real subprocess (``examples/chat_app.py``), against a real
gateway on a loopback port. The gateway's backend is the echo backend wrapped
in a recorder, so a test can check exactly what reached the gateway after
decryption (what a cloud provider would see) without loading the 1.5B model.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from app_support import Gateway, RecordingBackend


@pytest.fixture(scope="session")
def app_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A HOME for the app: device key, pins and history never touch the real one."""
    home = tmp_path_factory.mktemp("app-home")
    (home / ".config").mkdir()
    return home


@pytest.fixture(scope="session")
def app_env(app_home: Path) -> dict[str, str]:
    """Environment for app subprocesses (model cache shared with the real home)."""
    env = dict(os.environ)
    real_cache = env.get("EDGEKIT_CACHE_DIR") or str(Path.home() / ".cache" / "edgekit" / "models")
    env.update(
        HOME=str(app_home),
        XDG_CONFIG_HOME=str(app_home / ".config"),
        XDG_STATE_HOME=str(app_home / ".state"),
        EDGEKIT_CACHE_DIR=real_cache,
        EDGEKIT_STATE_DIR=str(app_home / ".state" / "edgekit"),
        PYTHONUNBUFFERED="1",
        COLUMNS="120",
        TERM="xterm-256color",
    )
    env.pop("NO_COLOR", None)
    if "UTF-8" not in (env.get("LC_ALL") or env.get("LANG") or "").upper():
        env["LANG"] = "C.UTF-8"  # the app draws box and arrow glyphs
    return env


@pytest.fixture(scope="session")
def device_public_key(app_home: Path) -> bytes:
    """The app's device key (created where the app will look for it)."""
    from edgekit.secure.identity import DeviceKey

    key = DeviceKey.load_or_create(app_home / ".config" / "edgekit" / "device_ed25519.key")
    return key.public_key


@pytest.fixture(scope="module")
def gateway(device_public_key: bytes) -> Iterator[Gateway]:
    """A real gateway on 127.0.0.1 (OHTTP, device signatures) with a recording echo backend."""
    from cloud_gateway.config import config_from_mapping
    from cloud_gateway.embedded import EmbeddedGateway
    from edgekit.secure.identity import DeviceRegistry

    backend = RecordingBackend()
    config = config_from_mapping({"backend": {"kind": "echo"}}, environ={})
    registry = DeviceRegistry([device_public_key])
    with EmbeddedGateway(config, backend=backend, registry=registry) as gw:
        yield Gateway(url=gw.url, backend=backend, key_configs=gw.key_configs)
