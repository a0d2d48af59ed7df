"""Offline routing tooling: run models over labelled data, judge, fit, evaluate, plot.

Used by ``edgekit calibrate``, ``edgekit eval-router`` and ``benchmarks/router.py``;
never imported by the runtime path (the client loads a calibration with
:meth:`edgekit.routing.calibration.Calibration.from_json`).
"""

from __future__ import annotations

from edgekit.calibrate.files import load_calibration, save_calibration
from edgekit.calibrate.fit import CalibrationTarget, fit_calibration
from edgekit.calibrate.records import ItemResult, read_results, write_results
from edgekit.errors import CalibrationError

__all__ = [
    "CalibrationError",
    "CalibrationTarget",
    "ItemResult",
    "fit_calibration",
    "load_calibration",
    "read_results",
    "save_calibration",
    "write_results",
]
