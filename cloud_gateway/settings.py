"""Settings loading for the gateway: TOML tables and environment variables into frozen dataclasses.

Each table of the gateway's TOML file maps onto one
``@dataclass(frozen=True, kw_only=True)``; unknown keys and values of the
wrong type are a :class:`~cloud_gateway.errors.ConfigError`. Environment
variables (``<prefix><FIELD>``) override scalars and are parsed by the
field's type. Nothing is read at import time.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from cloud_gateway.errors import ConfigError

T = TypeVar("T")

_BOOLS = {
    "1": True,
    "true": True,
    "yes": True,
    "on": True,
    "0": False,
    "false": False,
    "no": False,
    "off": False,
}


def read_toml(path: str | os.PathLike[str]) -> dict[str, Any]:
    """The tables of a TOML file; a missing or malformed file is a :class:`ConfigError`."""
    try:
        with Path(path).open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from exc


def build(
    cls: type[T],
    table: Mapping[str, Any] | None = None,
    *,
    env_prefix: str = "",
    environ: Mapping[str, str] | None = None,
) -> T:
    """Dataclass ``cls`` from ``table``, with ``<env_prefix><FIELD>`` variables on top."""
    data = dict(table or {})
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls) if f.init]  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(names))
    if unknown:
        raise ConfigError(f"unknown {cls.__name__} option(s): {', '.join(unknown)}")
    env = os.environ if environ is None else environ
    for name in names if env_prefix else ():
        var = env_prefix + name.upper()
        if var in env:
            data[name] = _from_env(env[var], hints[name], var)
    values = {name: _checked(value, hints[name], name) for name, value in data.items()}
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"invalid {cls.__name__}: {exc}") from exc


def _optional(hint: Any) -> tuple[Any, bool]:
    """``(T, True)`` for ``T | None``, else ``(hint, False)``."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def _checked(value: Any, hint: Any, name: str) -> Any:
    base, optional = _optional(hint)
    if value is None and optional:
        return None
    if dataclasses.is_dataclass(base) and isinstance(base, type):
        if isinstance(value, base):
            return value
        if not isinstance(value, Mapping):
            raise ConfigError(f"option {name!r} must be a table")
        return build(base, value)
    if typing.get_origin(base) is tuple and isinstance(value, list):
        return tuple(value)
    if base is float and type(value) is int:
        return float(value)
    if base is Path and isinstance(value, str):
        return Path(value).expanduser()
    if base in (int, float, str, bool) and type(value) is not base:
        raise ConfigError(f"option {name!r} must be {base.__name__}, got {type(value).__name__}")
    return value


def _from_env(raw: str, hint: Any, var: str) -> Any:
    base, _ = _optional(hint)
    parse: Callable[[str], Any] | None = _ENV_PARSERS.get(base)
    if parse is None and typing.get_origin(base) is tuple:
        parse = _csv
    if parse is None:
        return raw
    try:
        return parse(raw)
    except (ValueError, KeyError) as exc:
        raise ConfigError(f"environment variable {var} has an invalid value") from exc


def _csv(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.split(",") if part.strip())


_ENV_PARSERS: dict[Any, Callable[[str], Any]] = {
    bool: lambda raw: _BOOLS[raw.strip().lower()],
    int: int,
    float: float,
    Path: lambda raw: Path(raw).expanduser(),
}
