"""Model state across the link: KV hand-off (gateway prefill → device decode) and
speculative decoding (device drafts → gateway verifies).

* :mod:`edgekit.state.layout` — the llama.cpp sequence-state byte layout.
* :mod:`edgekit.state.wire` — states as streams of :mod:`edgekit.codec` messages.
* :func:`cut_cells`, :func:`join_cells` — position ranges of a state (split hand-off).
* :class:`PrefillOffloader`, :func:`should_offload` — the device side of the hand-off.
* :class:`SpeculativeDecoder`, :class:`DraftController` — speculative decoding.

Nothing heavy is imported until used. See ``docs/kv-state.md``.
"""

from edgekit.state.cells import cut_cells, join_cells
from edgekit.state.layout import LayoutError, Segment, StateLayout, parse_checked, parse_layout
from edgekit.state.offload import HandoffReport, PrefillOffloader, should_offload
from edgekit.state.speculative import DraftController, SpeculativeDecoder, SpeculativeResult
from edgekit.state.wire import StateDecoder, decode_state, encode_state

__all__ = [
    "DraftController",
    "HandoffReport",
    "LayoutError",
    "PrefillOffloader",
    "Segment",
    "SpeculativeDecoder",
    "SpeculativeResult",
    "StateDecoder",
    "StateLayout",
    "cut_cells",
    "decode_state",
    "encode_state",
    "join_cells",
    "parse_checked",
    "parse_layout",
    "should_offload",
]
