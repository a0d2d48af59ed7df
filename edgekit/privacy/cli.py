"""``edgekit audit``: show, tail and verify the egress audit log."""

from __future__ import annotations

import argparse
import json
from typing import Any


def register(sub: Any) -> None:
    """Add the ``audit`` command to the ``edgekit`` parser."""
    parser = sub.add_parser("audit", help="show, tail or verify the egress audit log")
    parser.add_argument(
        "--path", help="audit log file (default: the state directory's egress.jsonl)"
    )
    parser.add_argument("--key", help="HMAC key file (default: next to the log, .key)")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION")
    show = actions.add_parser("show", help="print every record")
    show.add_argument("--json", action="store_true", help="raw JSON lines")
    tail = actions.add_parser("tail", help="print the newest records")
    tail.add_argument("-n", type=int, default=10, help="how many (default 10)")
    tail.add_argument("--json", action="store_true", help="raw JSON lines")
    actions.add_parser("verify", help="check MACs and the chain; exit 1 if tampered")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from edgekit.privacy.audit import AuditLog
    from edgekit.privacy.config import default_audit_path

    log = AuditLog(args.path or default_audit_path(), args.key)
    action = args.audit_action or "tail"
    if action == "verify":
        report = log.verify()
        if report.ok:
            print(f"ok: {report.records} record(s) verified")
            return 0
        print(
            f"TAMPERED: line {report.bad_line}: {report.reason} ({report.records} good before it)"
        )
        return 1
    records = list(log.records())
    if action == "tail":
        count = getattr(args, "n", 10)
        records = records[-count:] if count > 0 else []
    for rec in records:
        print(json.dumps(rec, sort_keys=True) if getattr(args, "json", False) else _line(rec))
    return 0


def _line(rec: dict[str, Any]) -> str:
    entities = ", ".join(f"{k}×{v}" for k, v in rec.get("entities", {}).items()) or "-"
    digest = str(rec.get("sent_hmac", ""))[:16]
    head = f"#{rec.get('seq')} {rec.get('ts')} {rec.get('route')}"
    return f"{head} {rec.get('n_bytes')}B {digest}… {entities}"
