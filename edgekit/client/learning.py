"""Opt-in learning from the deployment's own traffic (``ClientConfig.learning``).

After every call the gain gate scored, the client stores the gate's numeric
inputs (never content) in a :class:`~edgekit.traffic.TrafficStore`. An
escalated draft is labelled on the device: the task's judge compares the
local draft with the cloud's answer, as the reference. ``feedback()`` labels
the local answer (local routes) or the cloud's (cloud routes). With
``refit_every`` the gain gate is refitted every that many labels and replaced
only when it beats the current one on held-back audit requests under the
guarantee (:func:`edgekit.routing.refit.refit_gain_gate`); each accepted
version is written to ``calibrations/`` next to the store, and a client with
learning on starts on the newest version learned from the same base
calibration for the same model (:func:`newest_version`).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from edgekit._logging import get_logger
from edgekit.errors import CalibrationError, ConfigError
from edgekit.routing.calibration import MAX_FILE_BYTES, Calibration
from edgekit.routing.gain import STORED_FEATURES
from edgekit.routing.refit import RefitTarget, examples, learning_scope, refit_gain_gate
from edgekit.traffic.store import MAX_PROJECTION, versions_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from edgekit.routing.decision import DecisionRecord
    from edgekit.routing.policy import RoutingPolicy
    from edgekit.traffic import TrafficStore

log = get_logger(__name__)
_ESCALATED = ("cloud", "handoff")


@dataclass(frozen=True, kw_only=True)
class LearningConfig:
    """Where and how the client learns (see the module docstring and docs/routing.md).

    ``judge``: ``exact``, ``contains``, ``numeric`` or ``module:function``
    (called as ``judge(local_draft, cloud_answer)``). ``audit_rate``: share of
    requests drawn into the audit sample, escalated whatever the gate says —
    the unbiased sample refits are checked on (extra cloud share: about
    ``audit_rate`` times the share the gate keeps local).
    ``refit_every`` 0 turns automatic refits off (``edgekit calibrate
    --from-traffic`` refits by hand).
    """

    store_path: str | Path | None = None
    judge: str = "contains"
    audit_rate: float = 0.05
    max_rows: int = 50_000
    max_age_days: float = 90.0
    refit_every: int = 0
    max_local_error: float = 0.1
    delta: float = 0.1
    projection_dims: int = 16
    """How many coordinates of the calibration's hidden-state projection to store
    per request (0: none; at most the projection's). They let refits learn the
    deployment's kinds of request; see docs/routing.md for what they reveal."""
    spending: str = "joint"
    """How successive refits share ``delta``: ``joint`` (every learned version's
    guarantee holds at once) or ``per_refit`` (each on its own)."""
    resume: bool = True
    """Start on the newest version learned from the same calibration for the same model."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.audit_rate < 1.0:
            raise ConfigError("learning.audit_rate must be in [0, 1)")
        if self.refit_every < 0 or self.max_rows < 1 or not self.max_age_days > 0:
            raise ConfigError("learning: refit_every >= 0, max_rows >= 1, max_age_days > 0")
        if not 0 <= self.projection_dims <= MAX_PROJECTION:
            raise ConfigError(f"learning.projection_dims must be in 0..{MAX_PROJECTION}")
        self.target()

    def target(self) -> RefitTarget:
        """The guarantee refits are held to."""
        return RefitTarget(max_local_error=self.max_local_error, delta=self.delta,
                           spending=self.spending)  # fmt: skip

    def path(self) -> Path:
        """The store's path (``store_path`` or the default location)."""
        from edgekit.traffic import default_store_path

        return Path(self.store_path) if self.store_path else default_store_path()


def _version_name(scope: str, version: int) -> str:
    return f"calibration-{scope}-v{version}.json"


def newest_version(base: Calibration, store_path: Path, model_sha256: str) -> Calibration:
    """The newest learned version of ``base`` for this model (``base`` when there is none).

    Only files named with ``base``'s scope, whose contents have that scope and
    whose model sha256 is the running model's count; one that does not load
    is skipped with a warning.
    """
    scope = learning_scope(base)
    found = []
    for path in versions_dir(store_path).glob(_version_name(scope, 0).replace("v0", "v*")):
        number = path.stem.rsplit("-v", 1)[-1]
        if number.isdigit():
            found.append((int(number), path))
    for _, path in sorted(found, reverse=True):
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
            cal = Calibration.from_json(data, expected_sha256=model_sha256)
        except (OSError, CalibrationError) as exc:
            log.warning("learned calibration %s skipped: %s", path.name, exc)
            continue
        if cal.gain is not None and learning_scope(cal) == scope:
            return cal
        log.warning("learned calibration %s skipped: made for other inputs", path.name)
    return base


class TrafficLearner:
    """Feeds the store after each call and refits the policy's gain gate when asked."""

    def __init__(self, config: LearningConfig, policy: RoutingPolicy) -> None:
        from edgekit.routing.judges import resolve_judge
        from edgekit.traffic import TrafficStore

        self.config = config
        self.policy = policy
        self.judge: Callable[[str, str], bool] = resolve_judge(config.judge)
        self.store: TrafficStore = TrafficStore(
            config.path(),
            allowed_features=STORED_FEATURES,
            max_rows=config.max_rows,
            max_age_days=config.max_age_days,
            scope=learning_scope(policy.calibration),
        )
        self._routes: dict[str, str] = {}
        self._labels = 0

    def follow(self, policy: RoutingPolicy) -> None:
        """Learn for ``policy`` from now on (its calibration's scope: rows of others stay apart)."""
        self.policy = policy
        self.store.scope = learning_scope(policy.calibration)
        self._routes.clear()

    def observe(self, record: DecisionRecord, judged: tuple[str, str] | None) -> None:
        """Store one finished call (only calls the gain gate scored)."""
        if not record.gate_inputs:
            return
        escalated = record.route in _ESCALATED
        coords = record.gate_projection[: self.config.projection_dims]
        self.store.record(record.id, record.gate_inputs, score=record.score,
                          escalated=escalated or record.audit, audit=record.audit,
                          projection=coords or None)  # fmt: skip
        self._remember(record.id, record.route)
        if judged is not None and record.route == "cloud":
            local_ok = bool(self.judge(*judged))
            if self.store.label(record.id, local_ok=local_ok, source="escalation"):
                self._labelled()

    def feedback(self, decision_id: str, *, good: bool) -> None:
        """Label the answer the user saw (local draft or cloud answer)."""
        route = self._routes.get(decision_id)
        if route is None:
            return
        field = "cloud_ok" if route in _ESCALATED else "local_ok"
        if self.store.label(decision_id, source="feedback", **{field: good}):
            self._labelled()

    def _remember(self, decision_id: str, route: str) -> None:
        self._routes[decision_id] = route
        while len(self._routes) > self.config.max_rows:
            self._routes.pop(next(iter(self._routes)))

    def _labelled(self) -> None:
        self._labels += 1
        every = self.config.refit_every
        if every and self._labels % every == 0:
            self.refit()

    def refit(self) -> bool:
        """Refit now; True when a better gate replaced the current one."""
        cal = self.policy.calibration
        if cal.gain is None:
            return False
        rows = examples(self.store.rows(labelled_only=True))
        outcome = refit_gain_gate(cal.gain, rows, target=self.config.target(),
                                  next_attempt=self.store.next_attempt)  # fmt: skip
        log.info("traffic refit: %s", outcome.reason)
        if not outcome.accepted:
            return False
        scope = learning_scope(cal)
        version = max(int(cal.metadata.get("traffic_version", 0)), self._newest_number(scope)) + 1
        meta = {
            **cal.metadata,
            "traffic_version": version,
            "traffic_refit": {"created_unix": int(time.time()), **dict(outcome.report)},
        }
        self.policy.calibration = dataclasses.replace(cal, gain=outcome.gate, metadata=meta)
        self._save(versions_dir(self.store.path) / _version_name(scope, version))
        return True

    def _newest_number(self, scope: str) -> int:
        pattern = _version_name(scope, 0).replace("v0", "v*")
        numbers = [p.stem.rsplit("-v", 1)[-1] for p in versions_dir(self.store.path).glob(pattern)]
        return max((int(n) for n in numbers if n.isdigit()), default=0)

    def _save(self, target: Path) -> None:
        """Write the new calibration version (atomically)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(self.policy.calibration.to_json())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def close(self) -> None:
        """Close the store."""
        self.store.close()
