"""A call with tools or a response format: constrained local answer, gate, masked escalation.

Structured answers are short and only useful whole, so every strategy runs
them as a cascade over the *whole* answer: the device answers under the
grammar; the answer is kept when it is complete and the gate accepts the
confidence of the tokens the grammar left open (tool choice, argument
values — forced structure is not scored); otherwise the same call (tools,
tool_choice, response_format) goes to the cloud with the messages masked —
text, tool results and earlier calls' arguments — and the cloud's
arguments come back with the real values restored inside the JSON. The
cloud's answer is read whole before it is shown, so whichever side
finishes, the app gets a complete answer: a cloud that fails, is missing,
or answers outside the schema leaves the device's constrained answer.
``local_only`` never escalates, ``cloud_only`` asks the cloud first,
``pre_route`` may skip the local attempt; ``handoff`` and
``prefill_offload`` act as ``cascade`` here.
"""

from __future__ import annotations

import time
from collections.abc import AsyncGenerator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edgekit.client.io import _ESCALATION_FAILURES, LocalTokens, NoCloudConfigured
from edgekit.errors import CalibrationError, ContextOverflow
from edgekit.routing.policy import Draft
from edgekit.routing.strategies import Piece, Source, close_quietly
from edgekit.routing.tool_gate import DEFAULT_TOOL_GATE, ToolGate, structured_features
from edgekit.structured.output import (
    StreamDelta,
    StructuredOutput,
    ToolCall,
    ToolCallDelta,
    check_call,
    parse_output,
)

if TYPE_CHECKING:
    from edgekit.client.io import CallIO
    from edgekit.local.types import TokenEvent
    from edgekit.structured.spec import StructuredSpec


_MAX_GATE_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class StructuredPiece(Piece):
    """A piece of a structured answer: text ``content`` or one OpenAI tool-call delta."""

    tool_call: ToolCallDelta | None = None


@dataclass
class _Local:
    events: list[TokenEvent] = field(default_factory=list)
    output: StructuredOutput | None = None
    overflow: ContextOverflow | None = None


class StructuredRun:
    """Runs one structured call; :attr:`output` is set once its pieces are exhausted."""

    def __init__(self, io: CallIO, spec: StructuredSpec) -> None:
        self.io = io
        self.spec = spec
        self.output: StructuredOutput | None = None

    async def pieces(self) -> AsyncGenerator[Piece, None]:
        """The answer's pieces (deltas), after the route is decided."""
        record = self.io.call.record
        cloud_first = record.strategy == "cloud_only" or (
            record.strategy == "pre_route"
            and self.io.call.policy.pre_routes(self.io.call.messages, record)
        )
        local = None if cloud_first else await self._local()
        if local is not None and self._keeps(local):
            chosen = local.output
        else:
            chosen = await self._escalate(local)
        assert chosen is not None
        self.output = chosen
        record.finish_reason = chosen.finish_reason
        source: Source = "local" if record.route in ("local", "local_fallback") else "cloud"
        for delta in _deltas(self.spec, chosen):
            yield StructuredPiece(delta.content, source, None, delta.tool_call)

    # --- the device ---------------------------------------------------------------

    async def _local(self) -> _Local:
        io, spec = self.io, self.spec
        params = io._sampling.local()
        out = _Local()
        if params is None:
            return out
        events = io._client.engine.astream_chat(
            io.call.messages,
            params,
            tools=[t.as_openai() for t in spec.tools] or None,
            **_choice_fields(spec),
        )
        try:
            tokens = await LocalTokens.start(events, io.call.record, "local")
        except ContextOverflow as exc:
            out.overflow = exc
            return out
        try:
            async for event in tokens:
                out.events.append(event)  # type: ignore[arg-type]
        finally:
            await tokens.aclose()
        from edgekit.local.types import Completion

        io.call.record.local_tokens += len(out.events)
        out.output = Completion.from_events(out.events, spec=spec).structured
        return out

    def _keeps(self, local: _Local) -> bool:
        record = self.io.call.record
        if local.output is None:
            record.reason = (
                "the prompt does not fit the local context"
                if local.overflow
                else "no local token budget"
            )
            return False
        keep = self._gate_keeps(local)
        if record.strategy == "local_only":
            record.set_route("local", "strategy local_only")
            return True
        if local.output.finish_reason == "length":
            record.reason = "the local answer was cut by max_tokens"
            return False
        if not local.output.valid:
            record.reason = f"the local answer is not usable ({local.output.error})"
            return False
        if not keep:
            record.reason = "gate rejected the local structured answer"
            return False
        record.set_route("local", "gate accepted the local structured answer")
        return True

    def _gate_keeps(self, local: _Local) -> bool:
        """The tool gate's verdict (or the text gate's on the open steps, without one)."""
        call, record = self.io.call, self.io.call.record
        gate: ToolGate | None = getattr(self.io._client, "tool_gate", None)
        if gate is None:
            scored = Draft()
            for event in local.events:
                if not event.forced:
                    scored.add(event)
            scored.finish_reason = local.events[-1].finish_reason if local.events else "stop"
            return call.policy.keeps(call.messages, scored, record)
        assert local.output is not None
        feats = structured_features(
            local.events,
            conversation_text(call.messages),
            [c.parsed for c in local.output.tool_calls],
        )
        score = gate.score(feats)
        override = self.io._client.config.threshold  # ClientConfig.threshold rules both gates
        threshold = gate.threshold if override is None else override
        keep = score >= threshold
        record.score, record.threshold = score, threshold
        record.signals.update(feats)
        call.policy.stats.record(record.id, score, not keep)
        return keep

    # --- the cloud ------------------------------------------------------------------

    async def _escalate(self, local: _Local | None) -> StructuredOutput:
        record = self.io.call.record
        strict = record.strategy == "cloud_only"
        try:
            answer = await self._cloud()
        except _ESCALATION_FAILURES as exc:
            self.io._fell_back(exc, strict=strict and local is None, handoff=False)
            return await self._fallback(local)
        if answer.valid or local is None or local.output is None or not local.output.valid:
            record.route = "cloud"
            return answer
        record.fell_back(
            "the cloud answer did not fit the schema; answered on device", "SchemaMismatch"
        )
        return local.output

    async def _fallback(self, local: _Local | None) -> StructuredOutput:
        if local is None:
            local = await self._local()
        if local.output is None:
            if local.overflow is not None:
                raise local.overflow
            return StructuredOutput(
                content="", finish_reason="length", valid=False, error="no local token budget"
            )
        return local.output

    async def _cloud(self) -> StructuredOutput:
        """The masked call to the cloud, read whole and restored on the device."""
        from edgekit.privacy import with_placeholder_instruction
        from edgekit.privacy.json_args import mask_chat

        io, record = self.io, self.io.call.record
        cloud = io._client.cloud()
        if cloud is None:
            raise NoCloudConfigured("no cloud gateway configured")
        started = time.perf_counter()
        masked = mask_chat(io.redactor, io.call.messages)
        record.timed("privacy", time.perf_counter() - started)
        record.entity_counts = dict(masked.entity_counts)
        record.pii_masked = masked.total_masked > 0
        sent = (
            with_placeholder_instruction(masked.messages) if record.pii_masked else masked.messages
        )
        io._audit("cloud", sent)
        s = io._sampling
        stream = cloud.stream_chat(
            sent,
            model=io._client.config.cloud_model,
            max_tokens=s.cloud_max_tokens,
            temperature=s.temperature,
            top_p=s.top_p,
            stop=s.stop,
            seed=s.seed,
            deadline_s=io._cloud_deadline(),
            structured=self.spec.openai_fields(),
        )
        reader = CloudAnswerReader(self.spec, io.redactor)
        try:
            async for chunk in stream:
                reader.feed(chunk, stream.tool_calls)
                stream.tool_calls.clear()
        finally:
            await close_quietly(stream)
            record.timed("cloud", time.perf_counter() - started)
        output = reader.finish(stream.finish_reason)
        record.cloud_chars = reader.chars
        return output


class CloudAnswerReader:
    """Reads a masked cloud answer as it streams and restores it on the device.

    Text goes through the vault's streaming restorer; each tool call's
    arguments through a :class:`~edgekit.privacy.json_args.JsonArgumentsRestorer`
    (placeholders restored inside the JSON strings, unknown ones reported).
    :meth:`finish` checks the whole answer against the request's schemas.
    """

    def __init__(self, spec: StructuredSpec, redactor: Any) -> None:
        self.spec = spec
        self._vault = redactor.vault
        self._text = redactor.stream_restorer()
        self._content: list[str] = []
        self._calls: dict[int, dict[str, Any]] = {}
        self.chars = 0

    def feed(self, text: str, tool_calls: Sequence[Mapping[str, Any]] = ()) -> None:
        """One streamed piece: answer text and/or OpenAI tool-call delta entries."""
        from edgekit.privacy.json_args import JsonArgumentsRestorer

        self._content.append(self._text.feed(text))
        for entry in tool_calls:
            _merge(self._calls, entry, self._vault, JsonArgumentsRestorer)

    def finish(self, finish_reason: str | None) -> StructuredOutput:
        """The restored answer, checked like a local one."""
        self._content.append(self._text.flush())
        content = "".join(self._content)
        self.chars = len(content)
        return _cloud_output(self.spec, content, self._calls, finish_reason)


def load_tool_gate(path: str | Path | None, engine: Any) -> ToolGate | None:
    """The tool gate for ``engine``: the file at ``path``, else the one shipped for the default
    edge model, else None (structured answers are then judged by the text gate)."""
    from edgekit.local.models import DEFAULT_EDGE_MODEL

    if path is None and engine.info.name == DEFAULT_EDGE_MODEL and DEFAULT_TOOL_GATE.exists():
        path = DEFAULT_TOOL_GATE
    if path is None:
        return None
    try:
        with Path(path).open("rb") as fh:
            text = fh.read(_MAX_GATE_BYTES + 1)
    except OSError as exc:
        raise CalibrationError(f"cannot read the tool gate file: {exc.strerror}") from None
    if len(text) > _MAX_GATE_BYTES:
        raise CalibrationError("the tool gate file is too large")
    return ToolGate.from_json(text, expected_sha256=engine.info.sha256)


def conversation_text(messages: Sequence[Mapping[str, Any]]) -> str:
    """The text tool-call values may come from: every message's content and earlier arguments."""
    parts: list[str] = []
    for m in messages:
        if isinstance(m.get("content"), str):
            parts.append(m["content"])
        for c in m.get("tool_calls") or ():
            fn = c.get("function") if isinstance(c, Mapping) else None
            if isinstance(fn, Mapping) and isinstance(fn.get("arguments"), str):
                parts.append(fn["arguments"])
    return "\n".join(parts)


def _choice_fields(spec: StructuredSpec) -> dict[str, Any]:
    fields = spec.openai_fields()
    return {
        "tool_choice": fields.get("tool_choice"),
        "response_format": fields.get("response_format"),
        "parallel_tool_calls": fields.get("parallel_tool_calls"),
    }


def _merge(
    calls: dict[int, dict[str, Any]], entry: Mapping[str, Any], vault: Any, restorer: Any
) -> None:
    """Add one streamed tool-call delta; its arguments are restored as they arrive."""
    call = calls.setdefault(
        int(entry["index"]), {"id": "", "name": "", "args": [], "restorer": restorer(vault)}
    )
    call["id"] = entry.get("id") or call["id"]
    call["name"] += entry.get("name") or ""
    call["args"].append(call["restorer"].feed(entry.get("arguments") or ""))


def _cloud_output(
    spec: StructuredSpec, content: str, calls: dict[int, dict[str, Any]], finish: str | None
) -> StructuredOutput:
    """The cloud's answer checked against the request's schemas like a local one."""
    if not calls:
        return parse_output(spec, content, "length" if finish == "length" else "stop")
    out: list[ToolCall] = []
    errors: list[str] = []
    unknown: list[str] = []
    for index in sorted(calls):
        c = calls[index]
        c["args"].append(c["restorer"].flush())
        unknown += [n for n in c["restorer"].unknown if n not in unknown]
        made = ToolCall.from_openai(
            {
                "id": c["id"] or None,
                "function": {"name": c["name"], "arguments": "".join(c["args"])},
            }
        )
        out.append(made)
        if err := check_call(spec, made):
            errors.append(err)
    if finish == "length":
        errors.append("cut by max_tokens")
    return StructuredOutput(
        content=content or None,
        tool_calls=tuple(out),
        finish_reason="length" if finish == "length" else "tool_calls",
        valid=not errors,
        error="; ".join(errors) or None,
        unknown_placeholders=tuple(unknown),
    )


def _deltas(spec: StructuredSpec, output: StructuredOutput) -> list[StreamDelta]:
    """OpenAI-style deltas of a whole answer (what a stream of it yields)."""
    if not output.tool_calls:
        return [StreamDelta(content=output.content)] if output.content else []
    out: list[StreamDelta] = []
    if output.content:
        out.append(StreamDelta(content=output.content))
    for i, call in enumerate(output.tool_calls):
        out.append(StreamDelta(tool_call=ToolCallDelta(index=i, id=call.id, name=call.name)))
        out.append(StreamDelta(tool_call=ToolCallDelta(index=i, arguments=call.arguments)))
    return out
