"""The on-device traffic store: the router's inputs and labels, never content.

One SQLite file holds, per routed request, the gate's numeric inputs (named
confidence signals, prompt statistics such as its length or digit count, and
the hidden-state probes' *scores* — never the hidden states, which can be
inverted to text), optionally a few rounded coordinates of a lossy projection
of the hidden state (``projection``: its own column, so it can be dropped
alone — :meth:`TrafficStore.forget_projections`), the gate score, the route,
whether the request was an audit sample, and labels when they arrive:

- ``local_ok``: the local draft was right — judged on the device against the
  cloud's answer when the request was escalated, or from ``feedback()``;
- ``cloud_ok``: the cloud's answer was right (from ``feedback()``).

Prompts, answers, placeholders and findings are never written: the store only
accepts feature names from a fixed allowlist and finite numbers. Rows older
than ``max_age_days`` and beyond ``max_rows`` (oldest first) are deleted on
write; :meth:`TrafficStore.wipe` deletes everything (or remove the file).

Each row carries the opaque ``scope`` of the store object that wrote it (the
learning client passes a fingerprint of the model and of the gate the inputs
were computed for) and :meth:`TrafficStore.rows` reads only its own scope, so
inputs scored by another model's gate are never refitted on.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from edgekit.errors import RoutingError

SCHEMA_VERSION = 3
"""v2 adds ``scope``, v3 ``projection`` (older files are migrated in place: their
rows get scope '' and no projection)."""
MAX_PROJECTION = 32
"""Most projection coordinates one row may hold."""
DEFAULT_MAX_ROWS = 50_000
DEFAULT_MAX_AGE_DAYS = 90.0
_PRUNE_EVERY = 64
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS requests (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id TEXT NOT NULL UNIQUE,
    created REAL NOT NULL,
    features TEXT NOT NULL,
    score REAL,
    escalated INTEGER NOT NULL,
    audit INTEGER NOT NULL,
    local_ok INTEGER,
    cloud_ok INTEGER,
    label_source TEXT,
    scope TEXT NOT NULL DEFAULT '',
    projection TEXT
);
CREATE INDEX IF NOT EXISTS requests_created ON requests(created);
"""
_MIGRATIONS = {
    "1": ("2", "ALTER TABLE requests ADD COLUMN scope TEXT NOT NULL DEFAULT ''"),
    "2": ("3", "ALTER TABLE requests ADD COLUMN projection TEXT"),
}
LABEL_SOURCES = ("escalation", "feedback")
_COLUMNS = (
    "decision_id, created, features, score, escalated, audit, local_ok, cloud_ok, label_source, "
    "projection"
)
_SELECT = f"SELECT {_COLUMNS} FROM requests WHERE (? IS NULL OR scope = ?)"  # noqa: S608 - constant
_LABELLED = " AND (local_ok IS NOT NULL OR cloud_ok IS NOT NULL)"


def default_store_path() -> Path:
    """``$EDGEKIT_DATA_DIR/traffic.sqlite3`` or ``~/.local/share/edgekit/traffic.sqlite3``."""
    base = os.environ.get("EDGEKIT_DATA_DIR")
    root = Path(base) if base else Path.home() / ".local" / "share" / "edgekit"
    return root / "traffic.sqlite3"


def versions_dir(store_path: Path) -> Path:
    """Where a learning client writes calibration versions learned from a store."""
    return store_path.parent / "calibrations"


@dataclass(frozen=True, kw_only=True)
class TrafficRow:
    """One stored request."""

    decision_id: str
    created: float
    features: Mapping[str, float]
    score: float | None
    escalated: bool
    audit: bool
    local_ok: bool | None
    cloud_ok: bool | None
    label_source: str | None
    projection: tuple[float, ...] | None = None


class TrafficStore:
    """A bounded SQLite table of routing inputs and labels (thread-safe).

    ``allowed_features`` is the allowlist of feature names; anything else is
    refused, so free text cannot end up in the file by mistake.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        allowed_features: Collection[str],
        max_rows: int = DEFAULT_MAX_ROWS,
        max_age_days: float = DEFAULT_MAX_AGE_DAYS,
        clock: Callable[[], float] | None = None,
        scope: str | None = None,
    ) -> None:
        if max_rows < 1 or not max_age_days > 0:
            raise RoutingError("traffic store: max_rows >= 1 and max_age_days > 0")
        self.path = Path(path)
        self._allowed = frozenset(allowed_features)
        self._max_rows = max_rows
        self._max_age_s = max_age_days * 86400.0
        self._now = clock or time.time
        self.scope = scope
        self._lock = threading.Lock()
        self._writes = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise RoutingError(f"traffic store {self.path.name} is not usable: {exc}") from None
        os.chmod(self.path, 0o600)

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
            return
        if row[0] not in _MIGRATIONS and row[0] != str(SCHEMA_VERSION):
            raise RoutingError(f"traffic store schema {row[0]!r} is not {SCHEMA_VERSION}")
        version = row[0]
        while version in _MIGRATIONS:  # v1 → v2 → v3, each step one column
            version, statement = _MIGRATIONS[version]
            self._db.execute(statement)
        self._db.execute("UPDATE meta SET value = ? WHERE key='schema'", (version,))

    # --- lifecycle ---------------------------------------------------------------

    def close(self) -> None:
        """Close the database (idempotent)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> TrafficStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------

    def record(
        self,
        decision_id: str,
        features: Mapping[str, float],
        *,
        score: float | None,
        escalated: bool,
        audit: bool = False,
        projection: Sequence[float] | None = None,
    ) -> None:
        """Store one routed request's inputs (no label yet), under this store's ``scope``.

        ``projection``: up to :data:`MAX_PROJECTION` finite coordinates (stored
        as given: the caller rounds them).
        """
        doc = self._clean(features)
        coords = _projection_text(projection)
        if score is not None and not math.isfinite(score):
            score = None
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO requests (decision_id, created, features, score, "
                "escalated, audit, scope, projection) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    _check_id(decision_id),
                    self._now(),
                    doc,
                    score,
                    int(escalated),
                    int(audit),
                    self.scope or "",
                    coords,
                ),
            )
            self._writes += 1
            if self._writes % _PRUNE_EVERY == 1:
                self._prune()

    def label(
        self,
        decision_id: str,
        *,
        local_ok: bool | None = None,
        cloud_ok: bool | None = None,
        source: str,
    ) -> bool:
        """Attach labels to a stored request; False when it is unknown (or pruned)."""
        if source not in LABEL_SOURCES:
            raise RoutingError(f"label source must be one of {', '.join(LABEL_SOURCES)}")
        sets, args = [], []
        for column, value in (("local_ok", local_ok), ("cloud_ok", cloud_ok)):
            if value is not None:
                sets.append(f"{column} = ?")
                args.append(int(bool(value)))
        if not sets:
            return False
        with self._lock:
            cur = self._db.execute(
                f"UPDATE requests SET {', '.join(sets)}, label_source = ? "  # noqa: S608 - fixed column names
                "WHERE decision_id = ?",
                (*args, source, _check_id(decision_id)),
            )
            return cur.rowcount > 0

    def _clean(self, features: Mapping[str, float]) -> str:
        unknown = [name for name in features if name not in self._allowed]
        if unknown:
            raise RoutingError(
                f"traffic store: {len(unknown)} feature name(s) not in the allowlist"
            )
        values = {name: float(value) for name, value in features.items()}
        if not all(math.isfinite(v) for v in values.values()):
            raise RoutingError("traffic store: feature values must be finite numbers")
        return json.dumps(values, sort_keys=True)

    def _prune(self) -> None:
        cutoff = self._now() - self._max_age_s
        self._db.execute("DELETE FROM requests WHERE created < ?", (cutoff,))
        self._db.execute(
            "DELETE FROM requests WHERE seq <= (SELECT seq FROM requests ORDER BY seq DESC "
            "LIMIT 1 OFFSET ?)",
            (self._max_rows,),
        )

    def forget_projections(self) -> int:
        """Drop every stored projection (keeping the rest); the number of rows changed."""
        with self._lock:
            cur = self._db.execute(
                "UPDATE requests SET projection = NULL WHERE projection IS NOT NULL"
            )
            self._db.execute("VACUUM")
            return cur.rowcount

    def next_attempt(self, held: int = 0, growth: float = 1.0) -> int | None:
        """Number the next refit test of this store's scope (1-based), or None to skip it.

        A test runs only once ``held`` (its held-back audits) is at least
        ``growth`` times what the last test had, so tests thin out as the
        traffic grows and a series spends its error budget on few of them.
        Kept in the file (a wipe of the rows keeps it), so the budget a series
        of refits spends (``RefitTarget.spending``) survives restarts.
        """
        attempts, last = f"refit_attempts:{self.scope or ''}", f"refit_held:{self.scope or ''}"
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                number = self._meta_int(attempts) + 1
                if number > 1 and held < growth * self._meta_int(last):
                    self._db.execute("COMMIT")
                    return None
                for key, value in ((attempts, number), (last, held)):
                    self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(value)))
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return number

    def _meta_int(self, key: str) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row is not None else 0

    def wipe(self) -> None:
        """Delete every stored request and reclaim the space on disk."""
        with self._lock:
            self._db.execute("DELETE FROM requests")
            self._db.execute("VACUUM")

    # --- reading -------------------------------------------------------------------

    def rows(self, *, labelled_only: bool = False) -> list[TrafficRow]:
        """Stored requests of this store's ``scope`` (every scope when None), oldest first.

        Pruning first applies the retention limits.
        """
        query = _SELECT + (_LABELLED if labelled_only else "") + " ORDER BY seq"
        with self._lock:
            self._prune()
            cursor = self._db.execute(query, (self.scope, self.scope))
            raw = cursor.fetchall()
        return [_row(r) for r in raw]

    def counts(self) -> dict[str, int]:
        """Numbers of stored, labelled and audit requests."""
        with self._lock:
            total, labelled, audits, projected = self._db.execute(
                "SELECT COUNT(*), COUNT(local_ok), SUM(audit), COUNT(projection) FROM requests"
            ).fetchone()
        return {"requests": int(total), "labelled": int(labelled), "audits": int(audits or 0),
                "with_projection": int(projected)}  # fmt: skip


def _check_id(decision_id: str) -> str:
    if not isinstance(decision_id, str) or not 0 < len(decision_id) <= 64:
        raise RoutingError("traffic store: decision ids are non-empty strings of <= 64 chars")
    return decision_id


def _projection_text(values: Sequence[float] | None) -> str | None:
    if values is None:
        return None
    coords = [float(v) for v in values]
    if len(coords) > MAX_PROJECTION or not all(math.isfinite(v) for v in coords):
        raise RoutingError(f"traffic store: a projection is <= {MAX_PROJECTION} finite numbers")
    return json.dumps(coords) if coords else None


def _optional_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _row(raw: tuple[object, ...]) -> TrafficRow:
    decision_id, created, features, score, escalated, audit, local_ok, cloud_ok, source = raw[:9]
    coords = raw[9]
    return TrafficRow(
        decision_id=str(decision_id),
        created=float(created),  # type: ignore[arg-type]
        features={str(k): float(v) for k, v in json.loads(str(features)).items()},
        score=None if score is None else float(score),  # type: ignore[arg-type]
        escalated=bool(escalated),
        audit=bool(audit),
        local_ok=_optional_bool(local_ok),  # type: ignore[arg-type]
        cloud_ok=_optional_bool(cloud_ok),  # type: ignore[arg-type]
        label_source=None if source is None else str(source),
        projection=None if coords is None else tuple(float(v) for v in json.loads(str(coords))),
    )
