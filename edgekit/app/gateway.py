"""The app's gateway: an embedded one started in the background, or a remote one.

The embedded gateway is the gateway service itself (``python -m
cloud_gateway``) run as a child process on loopback (:mod:`edgekit.app.gateway_process`);
the app never imports the server. Loading its 1.1 GB model takes a while, so it
starts on a background thread: local answers do not wait for it, and an
escalation that needs it waits (with a progress bar) only then. The first run
also assembles the model file from its package chunks; :class:`GatewayHandle`
reports that phase with bytes done / total by watching the partial file.
"""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from edgekit._logging import get_logger
from edgekit.app.gateway_process import GatewayProcess
from edgekit.errors import EdgeKitError

log = get_logger("edgekit.app.gateway")

Phase = Literal["idle", "assembling", "loading", "ready", "failed", "stopped"]


@dataclass(frozen=True, kw_only=True)
class GatewayStatus:
    """A snapshot of the gateway's start-up, for progress bars and /stats."""

    phase: Phase
    model: str
    url: str | None = None
    done_bytes: int = 0
    total_bytes: int = 0
    elapsed_s: float = 0.0
    error: str | None = None

    @property
    def settled(self) -> bool:
        return self.phase in ("ready", "failed", "stopped")


class GatewayHandle:
    """Starts the gateway service (a child process) on a thread and reports how far it got."""

    def __init__(
        self,
        *,
        model: str,
        backend: str,
        device_key_path: Path | None = None,
        n_threads: int | None = None,
    ) -> None:
        self._model = model if backend == "llama" else "echo"
        self._backend = backend
        self._n_threads = n_threads
        self._device_key_path = device_key_path
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._phase: Phase = "idle"
        self._started = time.monotonic()
        self._error: str | None = None
        self._gateway: GatewayProcess | None = None
        self._process: GatewayProcess | None = None  # also while it starts, to stop it
        self._assembly: tuple[Path, int] | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------
    def start(self) -> None:
        """Begin starting the gateway in the background (returns at once; idempotent)."""
        with self._lock:
            if self._thread is not None or self._phase == "stopped":
                return
            self._started = time.monotonic()
            self._thread = threading.Thread(target=self._run, name="edgekit-gateway", daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None) -> bool:
        """Block until the gateway is ready or failed; True when ready."""
        self._ready.wait(timeout)
        return self.status().phase == "ready"

    def settled(self) -> bool:
        """True once the gateway is serving, failed to start, or was stopped."""
        return self._ready.is_set()

    def stop(self) -> None:
        """Stop the gateway if it runs (safe to call more than once)."""
        with self._lock:
            process, self._process, self._gateway = self._process, None, None
            if self._phase not in ("failed",):
                self._phase = "stopped"
        if process is not None:
            with contextlib.suppress(Exception):
                process.stop()
        self._ready.set()

    # -- state -------------------------------------------------------------
    @property
    def url(self) -> str | None:
        gateway = self._gateway
        return None if gateway is None else str(gateway.url)

    @property
    def key_configs(self) -> bytes | None:
        gateway = self._gateway
        return None if gateway is None else bytes(gateway.key_configs)

    def status(self) -> GatewayStatus:
        with self._lock:
            phase, error = self._phase, self._error
        done = total = 0
        if phase == "assembling" and self._assembly is not None:
            directory, total = self._assembly
            done = _partial_size(directory)
        return GatewayStatus(
            phase=phase,
            model=self._model,
            url=self.url,
            done_bytes=done,
            total_bytes=total,
            elapsed_s=time.monotonic() - self._started,
            error=error,
        )

    def describe(self) -> dict[str, Any]:
        """Content-free facts for /stats."""
        status = self.status()
        return {
            "gateway": "embedded",
            "gateway_model": status.model,
            "gateway_state": status.phase,
            "gateway_url": status.url,
        }

    # -- worker ------------------------------------------------------------
    def _set(self, phase: Phase, error: str | None = None) -> None:
        with self._lock:
            if self._phase != "stopped":
                self._phase, self._error = phase, error

    def _run(self) -> None:
        try:
            if self._backend == "llama":
                self._assemble()
            process = _gateway_process(
                self._model, self._backend, self._device_key_path, self._n_threads
            )
            with self._lock:
                if self._phase == "stopped":
                    return
                self._process, self._phase = process, "loading"
            process.start()  # stop() from another thread ends it, and start() raises
            with self._lock:
                if self._process is process:  # not stopped meanwhile
                    self._gateway, self._phase = process, "ready"
        except EdgeKitError as exc:
            log.warning("embedded gateway failed to start: %s", type(exc).__name__)
            self._set("failed", f"{type(exc).__name__}: {exc}")
        except Exception as exc:  # a thread must report, not die silently
            log.warning("embedded gateway crashed while starting: %s", type(exc).__name__)
            self._set("failed", type(exc).__name__)
        finally:
            self._ready.set()

    def _assemble(self) -> None:
        from edgekit.local import models

        spec = models.MODELS.get(self._model)
        if spec is None or not spec.chunked:
            models.resolve_model(self._model)  # ModelNotFound here, before a process starts
            return
        chunks = spec.chunks()
        total = sum(c.stat().st_size for c in chunks if c.is_file())
        self._assembly = (models.cache_dir(), total)
        self._set("assembling")
        models.resolve_model(self._model)


def _partial_size(directory: Path) -> int:
    """Bytes written so far into the assembly's temporary ``*.part`` file."""
    try:
        return max((p.stat().st_size for p in directory.glob(".*.part")), default=0)
    except OSError:
        return 0


def _gateway_process(
    model: str, backend: str, device_key_path: Path | None, n_threads: int | None
) -> GatewayProcess:
    """The gateway enrolling only this device's key (no open enrolment); not started."""
    from edgekit.secure.identity import DeviceKey
    from edgekit.transport.config import DEFAULT_DEVICE_KEY_PATH

    key = DeviceKey.load_or_create((device_key_path or DEFAULT_DEVICE_KEY_PATH).expanduser())
    return GatewayProcess(
        backend=backend, model=model, device_public_key=key.public_key, n_threads=n_threads
    )
