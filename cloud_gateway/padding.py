"""Size buckets for sealed responses, so a relay cannot tell outcomes by length.

Without padding, a replay refusal (228 B), an authentication failure (~210 B)
and a short answer (~390 B) differ in size on the wire, and the relay that
RFC 9458 keeps blind learns which happened. Binary HTTP allows zero padding
after a message (RFC 9292 §3.8): the gateway pads each whole answer, and the
final chunk of each streamed one, up to the smallest configured bucket that
holds it; above the largest bucket, to a multiple of it.
"""

from __future__ import annotations

from cloud_gateway.errors import ConfigError

MAX_BUCKET = 64 * 1024  # a Binary HTTP decoder accepts at most this much padding


class Padder:
    """Padding lengths for the configured buckets (ascending; empty = no padding)."""

    def __init__(self, buckets: tuple[int, ...]) -> None:
        if any(not 0 < b <= MAX_BUCKET for b in buckets) or list(buckets) != sorted(set(buckets)):
            raise ConfigError(f"response_pad_buckets must ascend, each in (0, {MAX_BUCKET}] bytes")
        self.buckets = buckets

    def padding(self, size: int) -> int:
        """Zero bytes to append to a message of ``size`` bytes."""
        if not self.buckets:
            return 0
        for bucket in self.buckets:
            if size <= bucket:
                return bucket - size
        largest = self.buckets[-1]
        return -size % largest


__all__ = ["MAX_BUCKET", "Padder"]
