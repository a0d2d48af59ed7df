"""``edgekit keys``: gateway keyrings and device keys."""

from __future__ import annotations

import argparse
import base64
import sys
from typing import Any


def register(sub: Any) -> None:
    """Add the ``keys`` command and its sub-commands to ``sub`` (argparse subparsers)."""
    keys = sub.add_parser("keys", help="manage OHTTP gateway keys and device keys")
    ksub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    gen = ksub.add_parser("generate", help="create a gateway keyring file (mode 0600)")
    gen.add_argument("path", help="keyring file to create")
    gen.add_argument("--kem", choices=("x25519", "mlkem768-x25519"), default="x25519")
    gen.add_argument("--key-id", type=int, default=None, help="0..255 (random by default)")
    gen.add_argument("--force", action="store_true", help="overwrite an existing file")
    gen.set_defaults(func=_generate)

    show = ksub.add_parser("show", help="print the key configurations a keyring serves")
    show.add_argument("path", help="keyring file")
    show.add_argument(
        "--format",
        choices=("base64", "hex", "raw", "pins"),
        default="base64",
        help="pins: one SHA-256 per live key, the lines of a device's pin file",
    )
    show.set_defaults(func=_show)

    rot = ksub.add_parser("rotate", help="add a new current key; old keys expire after a grace")
    rot.add_argument("path", help="keyring file")
    rot.add_argument("--grace", type=float, default=7 * 86400.0, help="seconds (default 7 days)")
    rot.add_argument("--prune", action="store_true", help="also drop keys past their retirement")
    rot.set_defaults(func=_rotate)

    dev = ksub.add_parser("device", help="the device's Ed25519 identity key")
    dsub = dev.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    create = dsub.add_parser("create", help="create the device key if missing (mode 0600)")
    create.add_argument("path", help="device key file")
    create.add_argument("--rotate", action="store_true", help="replace an existing key")
    create.set_defaults(func=_device_create)
    dshow = dsub.add_parser("show", help="print the device key id and public key")
    dshow.add_argument("path", help="device key file")
    dshow.set_defaults(func=_device_show)


def _kem_id(name: str) -> int:
    from edgekit.secure import hpke

    return hpke.KEM_MLKEM768_X25519 if name == "mlkem768-x25519" else hpke.KEM_X25519_HKDF_SHA256


def _generate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from edgekit.errors import ConfigError
    from edgekit.secure.ohttp import ServerKeyring

    if Path(args.path).exists() and not args.force:
        raise ConfigError(f"{args.path} exists; use --force to overwrite")
    ring = ServerKeyring.generate(kem_id=_kem_id(args.kem), key_id=args.key_id)
    ring.save(args.path)
    print(f"key id {ring.current.key_id} written to {args.path}")
    return 0


def _show(args: argparse.Namespace) -> int:
    from edgekit.secure.ohttp import ServerKeyring, encode_key_configs, key_config_digests

    ring = ServerKeyring.load(args.path)
    if args.format == "raw":
        sys.stdout.buffer.write(ring.encoded_key_configs())
        return 0
    if args.format == "pins":
        print("\n".join(key_config_digests(ring.encoded_key_configs())))
        return 0
    for key in ring.keys:
        blob = encode_key_configs([key.config])
        text = blob.hex() if args.format == "hex" else base64.b64encode(blob).decode()
        state = "current" if key is ring.current else f"retires at {key.retire_at}"
        print(f"key_id={key.key_id} kem=0x{key.config.kem_id:04x} ({state})\n  {text}")
    allb = ring.encoded_key_configs()
    text = allb.hex() if args.format == "hex" else base64.b64encode(allb).decode()
    print(f"application/ohttp-keys ({len(allb)} bytes):\n  {text}")
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from edgekit.secure.ohttp import ServerKeyring

    ring = ServerKeyring.load(args.path)
    new = ring.rotate(grace_s=args.grace)
    dropped = ring.prune() if args.prune else []
    ring.save(args.path)
    print(f"new current key id {new.key_id}; dropped {dropped or 'none'}")
    return 0


def _device_create(args: argparse.Namespace) -> int:
    from edgekit.secure.identity import DeviceKey

    key = DeviceKey.rotate(args.path) if args.rotate else DeviceKey.load_or_create(args.path)
    print(f"device key id {key.key_id}")
    return 0


def _device_show(args: argparse.Namespace) -> int:
    from edgekit.secure.identity import DeviceKey

    key = DeviceKey.load(args.path)
    public = base64.urlsafe_b64encode(key.public_key).rstrip(b"=").decode()
    print(f"key_id={key.key_id}\npublic_key={public}")
    return 0
