"""The gateway's store of escalated requests and its answers, kept only when enabled.

What is kept is what the gateway already saw: the messages as the device sent
them (already masked on the device: placeholders stay placeholders) and the
answer the gateway gave, filed under the sha256 of the device's edge model —
and only for requests whose device said they may be used for learning.

One SQLite file (the standard library; atomic, safe across the gateway's
worker processes), bounded by age (``retention_s``) and by size
(``max_bytes``: the oldest pairs go first). :meth:`PairStore.wipe` deletes
pairs (all, or one model's) and compacts the file so their bytes are gone.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cloud_gateway.learn.errors import LearnError

_SCHEMA = """
PRAGMA secure_delete = ON;
CREATE TABLE IF NOT EXISTS pairs (
    pair_id TEXT PRIMARY KEY,
    model_sha256 TEXT NOT NULL,
    created REAL NOT NULL,
    messages TEXT NOT NULL,
    answer TEXT NOT NULL,
    n_bytes INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS pairs_by_model ON pairs (model_sha256, created);
CREATE INDEX IF NOT EXISTS pairs_by_age ON pairs (created);
"""


@dataclass(frozen=True)
class Pair:
    """One escalated request (masked messages) and the gateway's answer."""

    pair_id: str
    model_sha256: str
    messages: tuple[Mapping[str, str], ...]
    answer: str
    created: float = 0.0


@dataclass(frozen=True)
class ModelCount:
    """How many pairs (and bytes) are kept for one edge model."""

    model_sha256: str
    pairs: int
    n_bytes: int
    oldest: float
    newest: float


class PairStore:
    """Pairs per edge model in one SQLite file, bounded by age and size."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        retention_s: float,
        max_bytes: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if retention_s <= 0 or max_bytes <= 0:
            raise LearnError("retention_s and max_bytes must be positive")
        self.path = Path(path)
        self.retention_s = retention_s
        self.max_bytes = max_bytes
        self._clock = clock
        self._lock = threading.Lock()
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=10.0)
            self._db.executescript(_SCHEMA)
            os.chmod(self.path, 0o600)
        except sqlite3.Error as exc:
            raise LearnError(f"cannot open the learning store ({type(exc).__name__})") from None

    def close(self) -> None:
        """Close the database. Idempotent."""
        with self._lock:
            self._db.close()

    def add(self, model_sha256: str, messages: Sequence[Mapping[str, str]], answer: str) -> str:
        """Keep one pair, then enforce the retention and size bounds; returns its id."""
        doc = json.dumps([dict(m) for m in messages], ensure_ascii=False, separators=(",", ":"))
        size = len(doc.encode()) + len(answer.encode())
        if size > self.max_bytes:
            raise LearnError("one pair is larger than the store's size bound")
        pair_id = uuid.uuid4().hex
        now = self._clock()
        with self._lock, self._db:
            self._db.execute(
                "INSERT INTO pairs VALUES (?, ?, ?, ?, ?, ?)",
                (pair_id, model_sha256, now, doc, answer, size),
            )
            self._enforce(now)
        return pair_id

    def _enforce(self, now: float) -> None:
        self._db.execute("DELETE FROM pairs WHERE created < ?", (now - self.retention_s,))
        total = self._db.execute("SELECT COALESCE(SUM(n_bytes), 0) FROM pairs").fetchone()[0]
        if total <= self.max_bytes:
            return
        rows = self._db.execute("SELECT pair_id, n_bytes FROM pairs ORDER BY created, pair_id")
        drop = []
        for pair_id, n_bytes in rows:
            if total <= self.max_bytes:
                break
            drop.append((pair_id,))
            total -= n_bytes
        self._db.executemany("DELETE FROM pairs WHERE pair_id = ?", drop)

    def pairs(self, model_sha256: str, *, limit: int | None = None) -> list[Pair]:
        """The kept pairs of one edge model, oldest first (within the retention window)."""
        cutoff = self._clock() - self.retention_s
        sql = (
            "SELECT pair_id, model_sha256, messages, answer, created FROM pairs "
            "WHERE model_sha256 = ? AND created >= ? ORDER BY created, pair_id"
        )
        params: tuple[Any, ...] = (model_sha256, cutoff)
        if limit is not None:
            sql += " LIMIT ?"
            params = (*params, limit)
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        return [Pair(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4]) for r in rows]

    def counts(self) -> list[ModelCount]:
        """Pairs and bytes kept per edge model."""
        with self._lock:
            rows = self._db.execute(
                "SELECT model_sha256, COUNT(*), SUM(n_bytes), MIN(created), MAX(created) "
                "FROM pairs GROUP BY model_sha256 ORDER BY model_sha256"
            ).fetchall()
        return [ModelCount(*row) for row in rows]

    def wipe(self, model_sha256: str | None = None) -> int:
        """Delete every pair (or one model's) and compact the file; returns how many went."""
        with self._lock:
            with self._db:
                if model_sha256 is None:
                    cursor = self._db.execute("DELETE FROM pairs")
                else:
                    cursor = self._db.execute(
                        "DELETE FROM pairs WHERE model_sha256 = ?", (model_sha256,)
                    )
            self._db.execute("VACUUM")
        return int(cursor.rowcount)
