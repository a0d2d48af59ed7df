"""The gateway service as a child process on loopback, for the app's embedded gateway.

The device SDK never imports ``cloud_gateway``: it runs the service through its
own entry point (``python -m cloud_gateway serve``), the way an operator would,
with a generated keyring, a device list holding only this device's key, and
free ports on 127.0.0.1 (service and admin listener). Readiness is the admin
listener's ``GET /readyz``; stopping is SIGTERM (the gateway drains in-flight
streams), then SIGKILL after a bounded wait. Every file lives in a private
temporary directory removed on stop.
"""

from __future__ import annotations

import atexit
import base64
import contextlib
import importlib.util
import json
import math
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from edgekit._logging import get_logger
from edgekit.errors import (
    ConfigError,
)
from edgekit.errors import (
    GatewayStartError as GatewayStartError,
)

log = get_logger("edgekit.app.gateway")

_POLL_S = 0.2
_SHUTDOWN_S = 5.0


class GatewayProcess:
    """``python -m cloud_gateway serve`` on ``127.0.0.1:<free port>``; start, then stop."""

    def __init__(
        self,
        *,
        backend: str,
        model: str,
        device_public_key: bytes,
        n_threads: int | None = None,
        start_timeout_s: float = 600.0,  # assembling + loading a 1.5B model on a cold disk
    ) -> None:
        self.backend = backend
        self.model = model
        self._device_public_key = device_public_key
        self.n_threads = n_threads
        self._start_timeout_s = start_timeout_s
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self._dir: Path | None = None
        self._stopped = False
        self._port = 0
        self._key_configs = b""

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:41234`` (once started)."""
        if not self._port:
            raise ConfigError("the embedded gateway is not running")
        return f"http://127.0.0.1:{self._port}"

    @property
    def key_configs(self) -> bytes:
        """The ``application/ohttp-keys`` body the gateway serves."""
        return self._key_configs

    def start(self) -> None:
        """Spawn the gateway and return once ``/readyz`` answers 200 (bounded)."""
        _require_gateway_extra()
        with self._lock:
            if self._stopped:
                raise GatewayStartError("the embedded gateway was stopped")
            self._dir = Path(tempfile.mkdtemp(prefix="edgekit-gateway-"))
            port, admin_port = _free_port(), _free_port()
            config = self._write_files(self._dir, port, admin_port)
            self._proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-m", "cloud_gateway", "serve", "--config", str(config)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=(self._dir / "gateway.log").open("wb"),
                start_new_session=True,  # a ^C in the app's terminal is the app's to handle
            )
            atexit.register(self.stop)  # never outlive the app, even when it crashes
        self._wait_ready(admin_port)
        # The gateway refuses requests signed (whole seconds) before its replay cache began.
        time.sleep(math.ceil(time.time()) - time.time())
        self._key_configs = _get(f"http://127.0.0.1:{port}/ohttp-keys", 5.0)[1]
        self._port = port
        log.info("embedded gateway ready on 127.0.0.1:%d (%s)", port, self.backend)

    def _write_files(self, directory: Path, port: int, admin_port: int) -> Path:
        """Keyring (mode 0600), device list and TOML config; returns the config's path."""
        from edgekit.secure.identity import device_key_id
        from edgekit.secure.ohttp import ServerKeyring

        keys = directory / "keys.json"
        ServerKeyring.generate().save(keys)
        public = base64.urlsafe_b64encode(self._device_public_key).rstrip(b"=").decode()
        devices = directory / "devices.txt"
        devices.write_text(f"{public}  # {device_key_id(self._device_public_key)}\n")
        model_line = ""
        if self.backend == "llama":
            model_line = f'model = "{_toml_escape(self.model)}"\n'
            if self.n_threads is not None:
                model_line += f"n_threads = {int(self.n_threads)}\n"
        config = directory / "gateway.toml"
        config.write_text(
            f'host = "127.0.0.1"\nport = {port}\n'
            f'admin_host = "127.0.0.1"\nadmin_port = {admin_port}\n'
            f'keys_path = "{_toml_escape(str(keys))}"\n'
            f'log_level = "WARNING"\nshutdown_timeout_s = {_SHUTDOWN_S}\n'
            f'[backend]\nkind = "{_toml_escape(self.backend)}"\n{model_line}'
            f'[auth]\ndevices_path = "{_toml_escape(str(devices))}"\nopen_enrolment = false\n'
            "max_future_skew_s = 0.0\n"  # one host, one clock
        )
        return config

    def _wait_ready(self, admin_port: int) -> None:
        """Poll the admin listener's ``/readyz`` until 200, the process exits, or time is up."""
        deadline = time.monotonic() + self._start_timeout_s
        url = f"http://127.0.0.1:{admin_port}/readyz"
        while time.monotonic() < deadline:
            proc = self._proc
            if proc is None:
                raise GatewayStartError("the embedded gateway was stopped")
            if proc.poll() is not None:
                why = self._last_log_message()
                self.stop()
                raise GatewayStartError(
                    f"the gateway process exited with status {proc.returncode}: {why}"
                )
            with contextlib.suppress(OSError):
                if _get(url, 2.0)[0] == 200:
                    return
            time.sleep(_POLL_S)
        self.stop()
        raise GatewayStartError(f"the gateway was not ready within {self._start_timeout_s:.0f} s")

    def _last_log_message(self) -> str:
        """The gateway's last log line: a JSON line's ``msg`` (its logs carry no content),
        else the line itself (e.g. a traceback's last line)."""
        try:
            lines = (self._dir / "gateway.log").read_bytes().splitlines() if self._dir else []
        except OSError:
            lines = []
        if not lines:
            return "no log"
        last = lines[-1].decode("utf-8", "replace")
        with contextlib.suppress(ValueError, AttributeError):
            last = str(json.loads(last).get("msg", last))
        return last[:200]

    def stop(self) -> None:
        """SIGTERM (in-flight streams drain), SIGKILL after a bounded wait; idempotent."""
        with self._lock:
            self._stopped = True
            proc, self._proc = self._proc, None
            directory, self._dir = self._dir, None
            self._port = 0
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=_SHUTDOWN_S + 5.0)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5.0)
        if proc is not None and proc.stderr is not None:
            proc.stderr.close()
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)
        atexit.unregister(self.stop)


def _require_gateway_extra() -> None:
    """The gateway's own dependencies come with ``edgekit[gateway]``, not with edgekit."""
    missing = [
        m for m in ("cloud_gateway", "prometheus_client") if importlib.util.find_spec(m) is None
    ]
    if missing:
        raise ConfigError(
            "the embedded gateway needs the gateway extra: "
            "pip install 'edgekit[gateway]' (or give --gateway URL)"
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float) -> tuple[int, bytes]:
    """Status and body of a GET on loopback (HTTP errors are answers too)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:  # noqa: S310 - loopback URL
            return int(resp.status), bytes(resp.read())
    except urllib.error.HTTPError as exc:
        return int(exc.code), b""


def _toml_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
