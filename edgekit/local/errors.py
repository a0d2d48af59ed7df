"""The engine's refinements of the EdgeKit error tree (declared in :mod:`edgekit.errors`)."""

from __future__ import annotations

from edgekit.errors import ChatTemplateError, EngineBusyError, ModelLoadError, ModelMemoryError

__all__ = ["ChatTemplateError", "EngineBusyError", "ModelLoadError", "ModelMemoryError"]
