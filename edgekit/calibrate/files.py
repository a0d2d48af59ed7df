"""Calibration and results files on disk: bounded reads, atomic writes."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from edgekit.errors import CalibrationError
from edgekit.routing.calibration import MAX_FILE_BYTES, Calibration


def write_text_atomic(path: str | os.PathLike[str], lines: Iterable[str]) -> None:
    """Write ``lines`` to ``path`` atomically (temp file + rename): never half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_calibration(calibration: Calibration, path: str | os.PathLike[str]) -> None:
    """Write a calibration file atomically."""
    write_text_atomic(path, [calibration.to_json()])


def load_calibration(
    path: str | os.PathLike[str], *, expected_sha256: str | None = None
) -> Calibration:
    """Read and validate a calibration file (see :meth:`Calibration.from_json`)."""
    return Calibration.from_json(read_calibration_bytes(path), expected_sha256=expected_sha256)


def read_calibration_bytes(path: str | os.PathLike[str]) -> bytes:
    """A calibration file's bytes, refusing oversized files before reading them."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CalibrationError(f"cannot read calibration file: {exc.strerror}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise CalibrationError("calibration file is too large")
    return raw
