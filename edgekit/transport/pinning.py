"""Which gateway keys a device trusts: a pin per key, and rotations the gateway announces.

A pin is the SHA-256 of one OHTTP key configuration (RFC 9458 §3.1), not of
the whole ``application/ohttp-keys`` list, so a rotation does not break it:

1. ``keys rotate`` on the gateway adds a new key beside the old one. The list
   still holds the pinned key, so the device accepts it and keeps sealing to
   the pinned key only.
2. Every answer the gateway seals to a pinned key carries, *inside the
   encryption*, the pins of all its live keys (the ``edgekit-key-pins``
   header). Only the holder of the pinned private key can produce such an
   answer, so the device adds those pins: the new key is now pinned too.
3. When the old key retires, the list holds only the new key, which is pinned.

A device that was offline for the whole overlap meets a list with no key it
knows and refuses it (``KeyConfigPinError``) until it is re-pinned on purpose.
With no pin at all the first list is trusted (trust on first use). A pin made
by an older EdgeKit over the whole list still matches that exact list once and
is then replaced by the pins of its keys.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from edgekit.secure import ohttp
from edgekit.transport.errors import KeyConfigPinError

KEY_PINS_HEADER = ohttp.KEY_PINS_HEADER  # sealed answers list the gateway's live key pins
MAX_PINS = 16
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


def parse_pins(values: Iterable[str]) -> frozenset[str]:
    """Lower-case 64-hex digests from ``values``; anything else is an error."""
    pins = frozenset(v.strip().lower() for v in values if v.strip())
    bad = [p for p in pins if not _HEX64.match(p)]
    if bad or len(pins) > MAX_PINS:
        raise KeyConfigPinError(f"a key pin must be 64 hex digits, at most {MAX_PINS} of them")
    return pins


class KeyPins:
    """The set of pinned key digests of one gateway, and the checks that use it."""

    def __init__(self, pins: Iterable[str] = ()) -> None:
        self._pins = parse_pins(pins)

    @property
    def digests(self) -> frozenset[str]:
        """The pinned digests (empty: trust on first use)."""
        return self._pins

    def select(self, document: bytes) -> bytes:
        """The key configurations of ``document`` this device may seal to, re-encoded.

        Pins every key on first use; raises :class:`KeyConfigPinError` when no
        key of the document is pinned.
        """
        entries = ohttp.split_key_configs(document)  # KeyConfigError when malformed
        digests = [ohttp.key_config_digest(raw) for raw in entries]
        if not self._pins or hashlib.sha256(document).hexdigest() in self._pins:
            self._pins = frozenset(digests[:MAX_PINS])
        trusted = [raw for raw, d in zip(entries, digests, strict=True) if d in self._pins]
        if not trusted:
            raise KeyConfigPinError(
                "the gateway presents no key this device has pinned (a rotation it "
                "missed, or an interception); re-pin on purpose to accept the new keys"
            )
        return b"".join(len(raw).to_bytes(2, "big") + raw for raw in trusted)

    def learn(self, header_value: str | None) -> bool:
        """Take the pins a sealed answer announced; True when the set changed.

        The announcement is authentic (only the holder of a pinned key could
        seal it) and lists the gateway's live keys, so it replaces the set:
        new keys are pinned, retired ones drop out.
        """
        if not header_value:
            return False
        try:
            announced = parse_pins(header_value.split(","))
        except KeyConfigPinError:
            return False  # a malformed announcement changes nothing
        if not announced or announced == self._pins:
            return False
        self._pins = announced
        return True
