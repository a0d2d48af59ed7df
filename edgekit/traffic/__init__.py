"""The deployment's own traffic, as the router learns from it (opt-in).

:class:`TrafficStore` is a bounded on-device SQLite table of the gate's
numeric inputs and labels; it never holds prompts, answers or hidden states.
The refit that learns from it is :func:`edgekit.routing.refit.refit_gain_gate`.
"""

from __future__ import annotations

from edgekit.traffic.store import TrafficRow, TrafficStore, default_store_path

__all__ = ["TrafficRow", "TrafficStore", "default_store_path"]
