"""Egress audit log: one JSON line per escalation, HMAC-chained, never any value.

Each record holds the time, the route, entity types with counts, the size of
the bytes that left the device and a keyed hash (HMAC-SHA256 with a local key
file, mode 0600) of those bytes: enough to prove later *what* was sent (given
the bytes) without storing it. Each record also carries the MAC of the one
before it and its own MAC, so editing, deleting or reordering records is
detected by :meth:`AuditLog.verify` (cutting off the newest records is not:
keep an external copy of the last MAC if that matters).
"""

from __future__ import annotations

import datetime as _dt
import fcntl
import hashlib
import hmac
import json
import os
import secrets
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edgekit._logging import get_logger
from edgekit.errors import AuditLogError as AuditLogError

log = get_logger(__name__)

VERSION = 1
GENESIS = "0" * 64
MAX_LINE = 64 * 1024
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
_TAIL_READ = 8 * 1024


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """Result of :meth:`AuditLog.verify`."""

    ok: bool
    records: int
    bad_line: int | None = None
    reason: str | None = None


def load_or_create_key(path: Path, *, create: bool = True) -> bytes:
    """The HMAC key at ``path``; created (0600, 32 random bytes) if missing and ``create``."""
    if create:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32) + "\n")
    elif not path.exists():
        raise AuditLogError(f"audit key file {path} is missing; the log cannot be verified")
    mode = path.stat().st_mode
    if mode & 0o077:
        raise AuditLogError(f"audit key file {path} is readable by others (chmod 600 it)")
    try:
        key = bytes.fromhex(path.read_text("ascii").strip())
    except (ValueError, UnicodeDecodeError) as exc:
        raise AuditLogError(f"audit key file {path} is malformed") from exc
    if len(key) < 16:
        raise AuditLogError(f"audit key file {path} is too short")
    return key


def _canonical(record: Mapping[str, Any]) -> bytes:
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


class AuditLog:
    """Append-only, HMAC-chained JSON-lines record of every escalation."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        key_path: str | os.PathLike[str] | None = None,
        *,
        max_bytes: int | None = DEFAULT_MAX_BYTES,
    ) -> None:
        self.path = Path(path).expanduser()
        self.key_path = Path(key_path).expanduser() if key_path else self.path.with_suffix(".key")
        self.max_bytes = max_bytes
        self._key: bytes | None = None
        self._lock = threading.Lock()

    @property
    def rotated_path(self) -> Path:
        """Where the previous file goes once the log reaches ``max_bytes`` (one is kept)."""
        return self.path.with_name(self.path.name + ".1")

    def _rotate_if_full(self) -> None:
        """Size bound: a full log becomes ``<name>.1`` (replacing the older one) and a new
        chain starts; each file still verifies on its own."""
        if self.max_bytes is None:
            return
        try:
            if self.path.stat().st_size >= self.max_bytes:
                os.replace(self.path, self.rotated_path)
        except FileNotFoundError:
            return

    @property
    def key(self) -> bytes:
        """The HMAC key (loaded or created on first use)."""
        if self._key is None:
            self._key = load_or_create_key(self.key_path)
        return self._key

    def digest(self, sent: bytes) -> str:
        """The keyed hash recorded for ``sent``."""
        return hmac.new(self.key, b"edgekit-egress\x00" + sent, hashlib.sha256).hexdigest()

    def record(
        self,
        route: str,
        entity_counts: Mapping[str, int],
        sent: bytes,
        *,
        now: _dt.datetime | None = None,
        learn: bool = False,
    ) -> dict[str, Any]:
        """Append one record; raises :class:`AuditLogError` if it cannot be written.

        ``learn``: the gateway may keep what was sent to train an adapter (recorded).
        """
        if not isinstance(sent, bytes | bytearray):
            raise AuditLogError("audit record needs the sent bytes")
        when = (now or _dt.datetime.now(_dt.UTC)).astimezone(_dt.UTC)
        body: dict[str, Any] = {
            "v": VERSION,
            "ts": when.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "route": str(route)[:64],
            "entities": {str(k): int(n) for k, n in sorted(entity_counts.items()) if n},
            "n_bytes": len(sent),
            "sent_hmac": self.digest(bytes(sent)),
        }
        if learn:
            body["learn"] = True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with self._lock:
                self._rotate_if_full()
                self._append(body)
        except OSError as exc:
            raise AuditLogError(f"cannot write the audit log {self.path}: {exc.strerror}") from exc
        log.debug("audit record %d written (route %s)", body["seq"], body["route"])
        return body

    def _append(self, body: dict[str, Any]) -> None:
        with open(self.path, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                seq, prev = self._last(fh)
                body["seq"] = seq + 1
                body["prev"] = prev
                body["mac"] = hmac.new(self.key, _canonical(body), hashlib.sha256).hexdigest()
                os.write(fh.fileno(), _canonical(body) + b"\n")
                os.fsync(fh.fileno())
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _last(self, fh: Any) -> tuple[int, str]:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size == 0:
            return 0, GENESIS
        fh.seek(max(0, size - _TAIL_READ))
        tail = fh.read().rstrip(b"\n").rsplit(b"\n", 1)[-1]
        try:
            last = json.loads(tail)
            return int(last["seq"]), str(last["mac"])
        except (ValueError, KeyError, TypeError) as exc:
            raise AuditLogError(
                "the last audit record is damaged; run `edgekit audit verify`"
            ) from exc

    def records(self) -> Iterator[dict[str, Any]]:
        """Every record, oldest first (unverified; see :meth:`verify`)."""
        if not self.path.exists():
            return
        with open(self.path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                if len(raw) > MAX_LINE:
                    raise AuditLogError(f"audit line {n} is too long")
                try:
                    yield json.loads(raw)
                except ValueError as exc:
                    raise AuditLogError(f"audit line {n} is not JSON") from exc

    def verify(self) -> VerifyReport:
        """Check every MAC, the chain and the sequence numbers."""
        if not self.path.exists():
            return VerifyReport(True, 0)
        if self._key is None:
            self._key = load_or_create_key(self.key_path, create=False)
        prev, n = GENESIS, 0
        with open(self.path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                problem = self._check_line(raw, prev, n)
                if problem is not None:
                    return VerifyReport(False, n - 1, n, problem)
                prev = json.loads(raw)["mac"]
        return VerifyReport(True, n)

    def _check_line(self, raw: bytes, prev: str, n: int) -> str | None:
        if len(raw) > MAX_LINE or not raw.endswith(b"\n"):
            return "truncated or oversized record"
        try:
            rec = json.loads(raw)
        except ValueError:
            return "not JSON"
        if not isinstance(rec, dict) or not isinstance(rec.get("mac"), str):
            return "not an audit record"
        body = {k: val for k, val in rec.items() if k != "mac"}
        expected = hmac.new(self.key, _canonical(body), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, rec["mac"]):
            return "MAC mismatch (record altered or another key)"
        if rec.get("prev") != prev:
            return "chain broken (a record was removed or reordered)"
        if rec.get("seq") != n:
            return "sequence number out of order"
        return None
