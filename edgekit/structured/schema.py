"""Checking a JSON Schema before any token is generated.

A schema must be valid JSON Schema (draft 2020-12 meta-schema, checked with
``jsonschema``) and use only the keywords the constrained decoder enforces;
any other assertion keyword is refused rather than silently ignored, so an
output that decodes is an output that validates. Annotations (``title``,
``description``, ``default`` …) are accepted and ignored. ``$ref`` must be
local; a recursive ``$ref`` is allowed when the cycle passes through an
object or array (a tree), refused when it would never produce a value
(``A -> B -> A`` with nothing in between). Size, depth and the number of
``$ref`` expansions on any path are bounded.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from typing import Any

from edgekit.structured.errors import SchemaError

ASSERTIONS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "prefixItems",
        "minItems",
        "maxItems",
        "enum",
        "const",
        "anyOf",
        "oneOf",
        "allOf",
        "$ref",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
    }
)
CONTAINERS = frozenset({"$defs", "definitions"})
ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "examples",
        "$schema",
        "$id",
        "$comment",
        "deprecated",
        "readOnly",
        "writeOnly",
        "strict",
    }
)
FORMATS = frozenset(
    {
        "date-time",
        "date",
        "time",
        "email",
        "uri",
        "uuid",
        "ipv4",
        "ipv6",
        "hostname",
        "duration",
    }
)
MAX_SCHEMA_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_REF_EXPANSIONS = 16  # $refs followed on one path from the root


def check_schema(schema: Any, where: str) -> dict[str, Any]:
    """Validate ``schema`` and return a private deep copy of it.

    Raises :class:`SchemaError` naming the place and keyword at fault.
    """
    if not isinstance(schema, Mapping):
        raise SchemaError("a JSON Schema must be an object", where=where)
    try:
        size = len(json.dumps(schema, allow_nan=False))
    except (TypeError, ValueError):
        raise SchemaError("the schema is not JSON (non-string keys, NaN …)", where=where) from None
    if size > MAX_SCHEMA_BYTES:
        raise SchemaError(f"the schema is larger than {MAX_SCHEMA_BYTES} bytes", where=where)
    _meta_check(schema, where)
    own = copy.deepcopy(dict(schema))
    _Walker(own, where).walk(own, where, 0)
    return own


def _meta_check(schema: Mapping[str, Any], where: str) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import SchemaError as MetaError

    try:
        Draft202012Validator.check_schema(schema)
    except MetaError as exc:
        path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in exc.path)
        raise SchemaError(
            f"not valid JSON Schema ('{exc.validator}' check failed)",
            where=where + path,
            keyword=str(exc.validator),
        ) from None


class _Walker:
    """Walks a schema checking keywords, local refs, depth and ref cycles."""

    def __init__(self, root: dict[str, Any], where: str) -> None:
        self.root = root
        self.where = where
        self.seen: set[str] = set()

    def walk(self, node: Any, at: str, depth: int) -> None:
        if isinstance(node, bool):
            return
        if not isinstance(node, dict):
            raise SchemaError("a subschema must be an object or a boolean", where=at)
        if depth > MAX_DEPTH:
            raise SchemaError(f"the schema nests deeper than {MAX_DEPTH} levels", where=at)
        for key in node:
            self._check_keyword(key, node, at)
        if "$ref" in node:
            self._follow(node["$ref"], at, depth)
        for child, child_at in _children(node, at):
            self.walk(child, child_at, depth + 1)

    def _check_keyword(self, key: str, node: dict[str, Any], at: str) -> None:
        if key in ASSERTIONS or key in ANNOTATIONS or key in CONTAINERS:
            if key == "format" and node[key] not in FORMATS:
                raise SchemaError("this 'format' is not supported", where=at, keyword="format")
            return
        raise SchemaError(
            f"keyword '{key}' is not supported by constrained decoding", where=at, keyword=key
        )

    def _follow(self, ref: Any, at: str, depth: int) -> None:
        """Check a chain of bare ``$ref``s ends in a schema, then walk its target once."""
        chain = [ref]
        target = self.resolve(ref, at)
        while isinstance(target, dict) and "$ref" in target and not _structural(target):
            nxt = target["$ref"]
            if nxt in chain:
                raise SchemaError(
                    "recursive '$ref' that never produces a value", where=at, keyword="$ref"
                )
            if len(chain) >= MAX_REF_EXPANSIONS:
                raise SchemaError(
                    f"more than {MAX_REF_EXPANSIONS} chained '$ref's", where=at, keyword="$ref"
                )
            chain.append(nxt)
            target = self.resolve(nxt, at)
        if ref not in self.seen:
            self.seen.add(ref)
            self.walk(self.resolve(ref, at), self.where + ref[1:].replace("/", "."), depth + 1)

    def resolve(self, ref: Any, at: str) -> Any:
        if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")):
            raise SchemaError(
                "only local '$ref's ('#/$defs/…') are supported", where=at, keyword="$ref"
            )
        node: Any = self.root
        for part in ref[2:].split("/") if ref != "#" else ():
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or part not in node:
                raise SchemaError("'$ref' points to nothing", where=at, keyword="$ref")
            node = node[part]
        return node


def _structural(node: dict[str, Any]) -> bool:
    return any(k in node for k in ("properties", "items", "prefixItems", "anyOf", "oneOf"))


def _children(node: dict[str, Any], at: str) -> list[tuple[Any, str]]:
    out: list[tuple[Any, str]] = []
    for key in ("properties", "$defs", "definitions"):
        for name, sub in (node.get(key) or {}).items():
            out.append((sub, f"{at}.{key}.{name}"))
    for key in ("anyOf", "oneOf", "allOf", "prefixItems"):
        for i, sub in enumerate(node.get(key) or ()):
            out.append((sub, f"{at}.{key}[{i}]"))
    for key in ("items", "additionalProperties"):
        if key in node:
            out.append((node[key], f"{at}.{key}"))
    return out


def tighten(schema: Any) -> Any:
    """A copy where objects without ``additionalProperties`` forbid extra keys.

    Every output of the tightened schema validates against the original (it
    only removes freedom), and it keeps a small model from inventing keys.
    """
    if isinstance(schema, list):
        return [tighten(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {
        k: tighten(v) if k not in ("enum", "const", "default", "examples") else v
        for k, v in schema.items()
    }
    if "properties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    for key in ("properties", "$defs", "definitions"):
        if isinstance(out.get(key), dict):
            out[key] = {n: tighten(s) for n, s in schema[key].items()}
    return out
