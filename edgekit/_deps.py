"""Imports of optional dependencies that must not phone home.

``import onnxruntime`` writes a persistent device id under
``~/.cache/Microsoft/DeveloperTools/`` and queues a telemetry event (OS, CPU,
memory) unless ``ORT_DISABLE_TELEMETRY`` is set *before* the import. A privacy
SDK must never do that, so every EdgeKit module imports onnxruntime through
:func:`import_onnxruntime`. An application that imports onnxruntime itself
before EdgeKit should set ``ORT_DISABLE_TELEMETRY=1`` first (docs/privacy.md).
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

#: Environment switches that turn a dependency's telemetry off; set before it loads.
TELEMETRY_OPT_OUTS: dict[str, str] = {
    "ORT_DISABLE_TELEMETRY": "1",  # onnxruntime (device id file + events)
    "HF_HUB_DISABLE_TELEMETRY": "1",  # huggingface_hub, if an optional extra pulls it in
    "DO_NOT_TRACK": "1",  # the cross-tool convention
}


def disable_dependency_telemetry() -> None:
    """Set every known telemetry opt-out that the user has not set otherwise."""
    for name, value in TELEMETRY_OPT_OUTS.items():
        os.environ.setdefault(name, value)


def import_onnxruntime() -> ModuleType:
    """``onnxruntime`` with its telemetry off (raises ImportError when not installed)."""
    disable_dependency_telemetry()
    ort = importlib.import_module("onnxruntime")
    disable = getattr(ort, "disable_telemetry_events", None)
    if callable(disable):  # also stops events if something imported it before us
        disable()
    return ort
