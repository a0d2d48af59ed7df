"""Structured logs for the service: one JSON object per line on stderr.

The access log (logger ``edgekit.gateway.access``) carries device key id,
route, status, latency and token counts, never bodies, prompts or answers.
"""

from __future__ import annotations

import json
import logging
import sys
import time

GATEWAY_LOGGER = "edgekit.gateway"
logging.getLogger(GATEWAY_LOGGER).addHandler(logging.NullHandler())


def get_logger(name: str) -> logging.Logger:
    """A logger under ``edgekit.gateway`` (``name`` is its full dotted name)."""
    if name != GATEWAY_LOGGER and not name.startswith(GATEWAY_LOGGER + "."):
        name = f"{GATEWAY_LOGGER}.{name}"
    return logging.getLogger(name)


_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """``{"ts": …, "level": …, "logger": …, "msg": …, <extra fields>}``."""

    def format(self, record: logging.LogRecord) -> str:
        doc: dict[str, object] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD:
                doc[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            doc["error"] = record.exc_info[0].__name__  # type only: no content in logs
        return json.dumps(doc, default=str)


def configure_logging(level: str) -> None:
    """Route ``edgekit`` logs to stderr as JSON lines (line-buffered, whole lines)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger("edgekit")
    root.handlers[:] = [h for h in root.handlers if isinstance(h, logging.NullHandler)]
    root.addHandler(handler)
    try:
        root.setLevel(level.upper())
    except ValueError:
        root.setLevel(logging.INFO)
    root.propagate = False
