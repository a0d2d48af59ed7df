"""Egress audit log: records, key file, tamper detection, the `edgekit audit` command."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest

from edgekit.cli import main as edgekit_main
from edgekit.privacy import AuditLog, AuditLogError

SENT = b'{"messages":[{"role":"user","content":"mail \xc2\xabEMAIL_1\xc2\xbb"}]}'
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def _log(tmp_path: Path, n: int = 3) -> AuditLog:
    log = AuditLog(tmp_path / "state" / "egress.jsonl")
    for i in range(n):
        log.record("cascade", {"EMAIL": i + 1, "PHONE": 0}, SENT + bytes([i]), now=NOW)
    return log


def test_records_are_chained_and_hold_no_content(tmp_path: Path) -> None:
    log = _log(tmp_path)
    records = list(log.records())
    assert [r["seq"] for r in records] == [1, 2, 3]
    assert records[0]["entities"] == {"EMAIL": 1}
    assert records[0]["n_bytes"] == len(SENT) + 1
    assert records[1]["prev"] == records[0]["mac"]
    assert records[0]["sent_hmac"] == log.digest(SENT + b"\x00")
    raw = log.path.read_bytes()
    assert b"EMAIL_1" not in raw
    assert b"content" not in raw
    assert stat.S_IMODE(os.stat(log.key_path).st_mode) == 0o600
    assert log.verify().ok
    assert log.verify().records == 3


@pytest.mark.parametrize("attack", ["edit", "delete", "swap", "truncate"])
def test_tampering_is_detected(tmp_path: Path, attack: str) -> None:
    log = _log(tmp_path, 4)
    lines = log.path.read_bytes().splitlines(keepends=True)
    if attack == "edit":
        rec = json.loads(lines[1])
        rec["entities"] = {}
        lines[1] = json.dumps(rec, sort_keys=True, separators=(",", ":")).encode() + b"\n"
    elif attack == "delete":
        del lines[1]
    elif attack == "swap":
        lines[1], lines[2] = lines[2], lines[1]
    else:
        lines[-1] = lines[-1][:20]
    log.path.write_bytes(b"".join(lines))
    report = log.verify()
    assert not report.ok
    assert report.bad_line is not None
    assert report.reason


def test_other_key_fails_verification_and_open_key_is_refused(tmp_path: Path) -> None:
    log = _log(tmp_path, 2)
    assert AuditLog(tmp_path / "other.jsonl", tmp_path / "other.key").key  # creates that key
    other = AuditLog(log.path, tmp_path / "other.key")
    assert not other.verify().ok
    loose = tmp_path / "loose.key"
    loose.write_text("00" * 32)
    loose.chmod(0o644)
    with pytest.raises(AuditLogError):
        AuditLog(tmp_path / "x.jsonl", loose).record("cloud_only", {}, b"x")
    with pytest.raises(AuditLogError):
        AuditLog(tmp_path / "y.jsonl").record("cloud_only", {}, "text")  # type: ignore[arg-type]


def test_cli_show_tail_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _log(tmp_path, 3)
    assert edgekit_main(["audit", "--path", str(log.path), "verify"]) == 0
    assert "3 record(s) verified" in capsys.readouterr().out
    assert edgekit_main(["audit", "--path", str(log.path), "tail", "-n", "2"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2
    assert out[0].startswith("#2 ")
    assert "EMAIL×2" in out[0]
    assert edgekit_main(["audit", "--path", str(log.path), "show", "--json"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 3
    log.path.write_bytes(log.path.read_bytes().replace(b'"EMAIL":2', b'"EMAIL":9'))
    assert edgekit_main(["audit", "--path", str(log.path), "verify"]) == 1
    assert "TAMPERED: line 2" in capsys.readouterr().out


def test_verify_never_creates_a_key(tmp_path: Path) -> None:
    log = _log(tmp_path, 1)
    log.key_path.unlink()
    with pytest.raises(AuditLogError):
        AuditLog(log.path).verify()
    assert not log.key_path.exists()
