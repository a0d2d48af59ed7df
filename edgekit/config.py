"""Configuration loading: TOML files and environment overrides into frozen dataclasses.

Every configuration in EdgeKit is a ``@dataclass(frozen=True, kw_only=True)``
defined next to the code it configures. This module turns a mapping (from a
TOML file, or built by hand) plus ``EDGEKIT_*`` environment variables into such
a dataclass, checking types and rejecting unknown keys with a
:class:`~edgekit.errors.ConfigError`. Nothing is read at import time.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

from edgekit.errors import ConfigError

T = TypeVar("T")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def load_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read a TOML file; a missing or malformed file is a :class:`ConfigError`."""
    try:
        with Path(path).open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def from_mapping(
    cls: type[T],
    mapping: Mapping[str, Any] | None = None,
    *,
    env_prefix: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> T:
    """Build dataclass ``cls`` from ``mapping``, then apply environment overrides.

    With ``env_prefix="EDGEKIT_ENGINE_"``, the variable ``EDGEKIT_ENGINE_N_CTX``
    overrides field ``n_ctx``. Values from the environment are parsed by the
    field's type (int, float, bool, str, tuples of str). Nested dataclass
    fields take nested tables.
    """
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a dataclass")
    data = dict(mapping or {})
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"unknown {cls.__name__} option(s): {', '.join(unknown)}")
    env = os.environ if environ is None else environ
    if env_prefix:
        for name in fields:
            raw = env.get(env_prefix + name.upper())
            if raw is not None:
                data[name] = _parse_env(raw, hints[name], env_prefix + name.upper())
    kwargs = {name: _coerce(value, hints[name], name) for name, value in data.items()}
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid {cls.__name__}: {exc}") from exc


def _coerce(value: Any, hint: Any, name: str) -> Any:
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if isinstance(value, Mapping):
            return from_mapping(hint, value)
        if isinstance(value, hint):
            return value
        raise ConfigError(f"option {name!r} must be a table")
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if value is None:
            return None
        if len(args) == 1:
            return _coerce(value, args[0], name)
        return value
    if origin is tuple and isinstance(value, list):
        return tuple(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is Path and isinstance(value, str):
        return Path(value).expanduser()
    if hint in (int, float, str, bool) and not isinstance(value, hint):
        raise ConfigError(f"option {name!r} must be {hint.__name__}, got {type(value).__name__}")
    return value


def _parse_env(raw: str, hint: Any, var: str) -> Any:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if typing.get_origin(hint) in (typing.Union, types.UnionType) else hint
    try:
        if base is bool:
            low = raw.strip().lower()
            if low in _TRUE:
                return True
            if low in _FALSE:
                return False
            raise ValueError(raw)
        if base is int:
            return int(raw)
        if base is float:
            return float(raw)
        if typing.get_origin(base) is tuple:
            return tuple(part.strip() for part in raw.split(",") if part.strip())
        if base is Path:
            return Path(raw).expanduser()
    except ValueError as exc:
        raise ConfigError(f"environment variable {var} has an invalid value") from exc
    return raw
