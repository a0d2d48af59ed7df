"""Engine-specific refinements of the EdgeKit error tree."""

from __future__ import annotations

from edgekit.errors import ModelError


class ModelMemoryError(ModelError):
    """Not enough memory to load the model or allocate its context.

    ``required_bytes`` is EdgeKit's estimate (0 when llama.cpp reported the
    failure), ``available_bytes`` what the system said was available.
    """

    def __init__(
        self,
        message: str,
        *,
        required_bytes: int = 0,
        available_bytes: int = 0,
        path: str | None = None,
    ) -> None:
        super().__init__(message, path=path)
        self.required_bytes = required_bytes
        self.available_bytes = available_bytes


class ModelLoadError(ModelError):
    """llama.cpp refused a file that passed the GGUF header checks.

    Typically an architecture this llama.cpp build does not support, or a
    model that cannot generate text (an encoder-only embedding model).
    """


class ChatTemplateError(ModelError):
    """The model has no chat template (a base model), or its template failed."""


class EngineBusyError(ModelError):
    """The calling thread still has an open stream on this engine.

    Raised instead of deadlocking: consume the stream to its end or call its
    ``close()`` before starting another call from the same thread.
    """
