"""The on-device traffic store: numbers and labels only, bounded, wipeable, crash-safe."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from edgekit.errors import RoutingError
from edgekit.traffic import TrafficStore, default_store_path

NAMES = ("mean_logprob", "n_digits", "hidden_local_score")


def store(path: Path, **kw: object) -> TrafficStore:
    return TrafficStore(path / "t.sqlite3", allowed_features=NAMES, **kw)  # type: ignore[arg-type]


def test_records_labels_and_reads_back(tmp_path: Path) -> None:
    with store(tmp_path) as s:
        s.record("a", {"mean_logprob": -0.5, "n_digits": 3.0}, score=0.7, escalated=False)
        s.record("b", {"mean_logprob": -2.0}, score=0.1, escalated=True, audit=True)
        assert s.label("b", local_ok=False, source="escalation")
        assert s.label("a", cloud_ok=True, source="feedback")
        assert not s.label("missing", local_ok=True, source="feedback")
        assert not s.label("a", source="feedback")  # nothing to set
        rows = s.rows()
        assert [r.decision_id for r in rows] == ["a", "b"]
        assert rows[0].features == {"mean_logprob": -0.5, "n_digits": 3.0}
        assert (rows[0].local_ok, rows[0].cloud_ok) == (None, True)
        assert rows[0].label_source == "feedback"
        assert (rows[1].escalated, rows[1].audit, rows[1].local_ok) == (True, True, False)
        assert [r.decision_id for r in s.rows(labelled_only=True)] == ["a", "b"]
        assert s.counts() == {"requests": 2, "labelled": 1, "audits": 1, "with_projection": 0}
    with store(tmp_path) as again:  # persistent
        assert len(again.rows()) == 2
    assert (tmp_path / "t.sqlite3").stat().st_mode & 0o077 == 0


def test_refuses_content_and_bad_input(tmp_path: Path) -> None:
    with store(tmp_path) as s:
        with pytest.raises(RoutingError, match="allowlist"):
            s.record("a", {"prompt: my IBAN is DE89...": 1.0}, score=0.5, escalated=False)
        with pytest.raises(RoutingError, match="finite"):
            s.record("a", {"n_digits": float("nan")}, score=0.5, escalated=False)
        with pytest.raises(RoutingError):
            s.record("", {}, score=0.5, escalated=False)
        with pytest.raises(RoutingError):
            s.label("a", local_ok=True, source="guess")
        s.record("a", {"n_digits": 1.0}, score=float("inf"), escalated=False)
        assert s.rows()[0].score is None
    raw = (tmp_path / "t.sqlite3").read_bytes()
    assert b"IBAN" not in raw


def test_bounded_by_rows_and_age(tmp_path: Path) -> None:
    now = [1_000_000.0]
    with store(tmp_path, max_rows=5, max_age_days=1.0, clock=lambda: now[0]) as s:
        for i in range(12):
            s.record(f"r{i}", {"n_digits": float(i)}, score=0.5, escalated=False)
        assert [r.decision_id for r in s.rows()] == [f"r{i}" for i in range(7, 12)]
        now[0] += 2 * 86400
        s.record("new", {"n_digits": 1.0}, score=0.5, escalated=False)
        assert [r.decision_id for r in s.rows()] == ["new"]
        s.wipe()
        assert s.rows() == []


def test_concurrent_writers_and_corrupt_files(tmp_path: Path) -> None:
    with store(tmp_path) as s:

        def write(k: int) -> None:
            for i in range(30):
                s.record(f"{k}-{i}", {"n_digits": float(i)}, score=0.5, escalated=bool(i % 2))

        threads = [threading.Thread(target=write, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert s.counts()["requests"] == 120
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(RoutingError, match="not usable"):
        TrafficStore(bad, allowed_features=NAMES)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('schema', '99')")
    with pytest.raises(RoutingError, match="schema"):
        TrafficStore(other, allowed_features=NAMES)
    with pytest.raises(RoutingError):
        TrafficStore(tmp_path / "x.sqlite3", allowed_features=NAMES, max_rows=0)


def test_default_path_follows_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EDGEKIT_DATA_DIR", str(tmp_path))
    assert default_store_path() == tmp_path / "traffic.sqlite3"


def test_rows_are_read_per_scope(tmp_path: Path) -> None:
    with store(tmp_path, scope="gate-a") as a:
        a.record("a1", {"n_digits": 1.0}, score=0.5, escalated=True)
    with store(tmp_path, scope="gate-b") as b:
        b.record("b1", {"n_digits": 2.0}, score=0.5, escalated=True)
        assert [r.decision_id for r in b.rows()] == ["b1"]
    with store(tmp_path) as everything:
        assert [r.decision_id for r in everything.rows()] == ["a1", "b1"]


def test_a_version_1_store_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
            "INSERT INTO meta VALUES ('schema', '1');"
            "CREATE TABLE requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, decision_id TEXT NOT "
            "NULL UNIQUE, created REAL NOT NULL, features TEXT NOT NULL, score REAL, escalated "
            "INTEGER NOT NULL, audit INTEGER NOT NULL, local_ok INTEGER, cloud_ok INTEGER, "
            "label_source TEXT);"
            "INSERT INTO requests (decision_id, created, features, escalated, audit) "
            "VALUES ('old', 1e12, '{\"n_digits\": 1.0}', 1, 0);"
        )
    with store(tmp_path, scope="") as s:
        assert [r.decision_id for r in s.rows()] == ["old"]
        s.record("new", {"n_digits": 2.0}, score=0.5, escalated=False, projection=(1.5, -2.0))
        assert [r.projection for r in s.rows()] == [None, (1.5, -2.0)]
    with sqlite3.connect(path) as db:  # v1 -> v2 -> v3 in one go
        assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("3",)


def test_projections_are_stored_apart_and_can_be_dropped_alone(tmp_path: Path) -> None:
    with store(tmp_path) as s:
        s.record("a", {"n_digits": 1.0}, score=0.5, escalated=True, projection=[0.1, -3.2, 7.0])
        s.record("b", {"n_digits": 2.0}, score=0.5, escalated=True)
        s.label("a", local_ok=True, source="escalation")
        assert s.rows()[0].projection == (0.1, -3.2, 7.0)
        assert s.rows()[1].projection is None
        assert s.counts()["with_projection"] == 1
        for bad in ([float("nan")], [0.0] * 33):
            with pytest.raises(RoutingError):
                s.record("c", {"n_digits": 1.0}, score=0.5, escalated=True, projection=bad)
        assert s.forget_projections() == 1
        rows = s.rows()
        assert [r.projection for r in rows] == [None, None]
        assert rows[0].local_ok is True  # the rest is kept
        assert s.counts()["with_projection"] == 0
    assert b"-3.2" not in (tmp_path / "t.sqlite3").read_bytes()
    with sqlite3.connect(tmp_path / "t.sqlite3") as db:
        db.execute("UPDATE meta SET value = '9' WHERE key = 'schema'")
    with pytest.raises(RoutingError):  # a newer schema than this code knows
        store(tmp_path)


def test_the_traffic_command_shows_and_wipes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from edgekit.cli import main
    from edgekit.traffic.store import versions_dir

    path = tmp_path / "traffic.sqlite3"
    with TrafficStore(path, allowed_features=NAMES) as s:
        s.record("a", {"n_digits": 1.0}, score=0.5, escalated=True, audit=True,
                 projection=[1.0, 2.0])  # fmt: skip
        s.label("a", local_ok=True, source="escalation")
    versions_dir(path).mkdir()
    (versions_dir(path) / "calibration-abc-v1.json").write_text("{}")
    assert main(["traffic", "show", "--store", str(path)]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["requests"], shown["labelled"], shown["versions"]) == (1, 1, 1)
    assert main(["traffic", "wipe", "--projections-only", "--store", str(path)]) == 0
    kept = json.loads(capsys.readouterr().out)
    assert (kept["requests"], kept["with_projection"], kept["versions"]) == (1, 0, 1)
    assert main(["traffic", "wipe", "--store", str(path)]) == 0
    wiped = json.loads(capsys.readouterr().out)
    assert (wiped["requests"], wiped["versions"]) == (0, 0)
    assert not list(versions_dir(path).iterdir())
    assert main(["traffic", "show", "--store", str(tmp_path / "none.sqlite3")]) == 0
    assert json.loads(capsys.readouterr().out)["exists"] is False


def test_refit_attempts_are_counted_per_scope_and_survive_wipes(tmp_path: Path) -> None:
    with store(tmp_path, scope="a") as s:
        assert [s.next_attempt() for _ in range(3)] == [1, 2, 3]
        s.wipe()  # the rows go; the budget already spent stays spent
        assert s.next_attempt() == 4
    with store(tmp_path, scope="b") as other:
        assert other.next_attempt() == 1
    with store(tmp_path, scope="a") as again:
        assert again.next_attempt() == 5
        assert again.next_attempt(100, 2.0) == 6
        assert again.next_attempt(150, 2.0) is None  # not grown enough: no test, nothing spent
        assert again.next_attempt(200, 2.0) == 7
