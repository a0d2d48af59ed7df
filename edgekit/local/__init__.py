"""The on-device engine: GGUF models through llama.cpp, with per-token confidence signals.

Importing this package is cheap: ``llama_cpp`` is imported only when an
:class:`Engine` is created. Names are resolved on first access. The errors the
engine raises are re-exported here (declared in :mod:`edgekit.errors`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_LAZY: dict[str, str] = {
    "Engine": "edgekit.local.engine",
    "EngineConfig": "edgekit.local.config",
    "GenerationParams": "edgekit.local.config",
    "TokenSignal": "edgekit.local.signals",
    "SignalSummary": "edgekit.local.signals",
    "summarize": "edgekit.local.signals",
    "Completion": "edgekit.local.types",
    "TokenEvent": "edgekit.local.types",
    "Timings": "edgekit.local.types",
    "ModelInfo": "edgekit.local.types",
    "DEFAULT_EDGE_MODEL": "edgekit.local.models",
    "DEFAULT_CLOUD_MODEL": "edgekit.local.models",
    "resolve_model": "edgekit.local.models",
    "list_models": "edgekit.local.models",
    "check_gguf": "edgekit.local.gguf",
    "ModelMemoryError": "edgekit.local.errors",
    "ModelLoadError": "edgekit.local.errors",
    "ChatTemplateError": "edgekit.local.errors",
    "EngineBusyError": "edgekit.local.errors",
    "ConfigError": "edgekit.errors",
    "ModelError": "edgekit.errors",
    "ContextOverflow": "edgekit.errors",
    "EngineClosed": "edgekit.errors",
    "StateError": "edgekit.errors",
}

__all__ = [
    "DEFAULT_CLOUD_MODEL",
    "DEFAULT_EDGE_MODEL",
    "ChatTemplateError",
    "Completion",
    "ConfigError",
    "ContextOverflow",
    "Engine",
    "EngineBusyError",
    "EngineClosed",
    "EngineConfig",
    "GenerationParams",
    "ModelError",
    "ModelInfo",
    "ModelLoadError",
    "ModelMemoryError",
    "SignalSummary",
    "StateError",
    "Timings",
    "TokenEvent",
    "TokenSignal",
    "check_gguf",
    "list_models",
    "resolve_model",
    "summarize",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'edgekit.local' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:  # pragma: no cover
    from edgekit.errors import ConfigError, ContextOverflow, EngineClosed, ModelError, StateError
    from edgekit.local.config import EngineConfig, GenerationParams
    from edgekit.local.engine import Engine
    from edgekit.local.errors import (
        ChatTemplateError,
        EngineBusyError,
        ModelLoadError,
        ModelMemoryError,
    )
    from edgekit.local.gguf import check_gguf
    from edgekit.local.models import (
        DEFAULT_CLOUD_MODEL,
        DEFAULT_EDGE_MODEL,
        list_models,
        resolve_model,
    )
    from edgekit.local.signals import SignalSummary, TokenSignal, summarize
    from edgekit.local.types import Completion, ModelInfo, Timings, TokenEvent
