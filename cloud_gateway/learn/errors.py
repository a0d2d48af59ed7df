"""Errors of the gateway's learning jobs (in the gateway's own error tree)."""

from __future__ import annotations

from cloud_gateway.errors import GatewayError


class LearnError(GatewayError):
    """Collection, training or publication of an adapter failed."""


class TrainingError(LearnError):
    """An adapter cannot be trained (unsupported model, no pairs, bad weights)."""


class NotBetterError(TrainingError):
    """The trained adapter is not better than the base model on held-out pairs; not published."""

    def __init__(self, message: str, *, base_loss: float, adapter_loss: float) -> None:
        super().__init__(message)
        self.base_loss = base_loss
        self.adapter_loss = adapter_loss
