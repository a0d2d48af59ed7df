"""Rich renderables for the chat: the per-answer status line, /why, /privacy, /stats, /help.

Everything here is pure: it turns data into ``rich`` objects and prints
nothing, so the same functions serve the interactive chat and the tests.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from edgekit.app.answer import Answer
from edgekit.app.stats import SessionStats

ORIGIN_STYLE = {
    "device": "bold green",
    "cloud": "bold cyan",
    "hand-off": "bold magenta",
    "device (fallback)": "bold yellow",
}

COMMANDS: tuple[tuple[str, str], ...] = (
    ("/route local|cloud|auto", "force answers on the device, in the cloud, or let EdgeKit decide"),
    ("/why", "the last routing decision in full: scores, threshold, signals, timings"),
    ("/privacy", "what was masked in your last message (shown here only, never sent)"),
    ("/offline", "simulate losing the link to the gateway; /online restores it"),
    ("/online", "restore the link after /offline"),
    ("/stats", "answers per route, latency, speed, masked entities, link health"),
    ("/clear", "forget the conversation so far"),
    ("/help", "this list"),
    ("/quit", "leave (also Ctrl-D)"),
)


def format_counts(counts: Mapping[str, int]) -> str:
    """``EMAIL×1, PERSON×2`` (types and counts only), or ``none``."""
    items = [(k, v) for k, v in sorted(counts.items()) if v]
    return ", ".join(f"{k}×{v}" for k, v in items) if items else "none"


def _gate_text(decision: Mapping[str, Any]) -> Text | None:
    score, threshold = decision.get("score"), decision.get("threshold")
    if score is None:
        return None
    text = Text(f"confidence {float(score):.2f}")
    if threshold is not None:
        ok = float(score) >= float(threshold)
        text.append(" ≥ " if ok else " < ")
        text.append(f"{float(threshold):.2f}", style="green" if ok else "red")
    return text


def status_line(answer: Answer) -> Text:
    """The compact line printed under every answer."""
    decision = answer.decision
    sep = Text(" · ", style="dim")
    parts: list[Text] = [Text(answer.origin, style=ORIGIN_STYLE.get(answer.origin, "bold"))]
    gate = _gate_text(decision)
    if gate is not None:
        parts.append(gate)
    if answer.route == "local_fallback":
        parts.append(
            Text(
                f"cloud unreachable ({decision.get('fallback_error') or 'offline'})", style="yellow"
            )
        )
    if answer.link is not None and answer.escalated:
        lock = "🔒 " + ("OHTTP " + answer.link.suite if answer.link.encrypted else "PLAINTEXT")
        parts.append(Text(lock.strip(), style="cyan" if answer.link.encrypted else "bold red"))
    parts.append(Text(f"{answer.latency_s:.2f} s"))
    if answer.tokens_per_s is not None:
        parts.append(Text(f"{answer.tokens_per_s:.0f} tok/s"))
    masked = format_counts(answer.masked)
    parts.append(Text(f"masked: {masked}", style="magenta" if answer.masked else "dim"))
    return Text("  ").join([Text("└", style="dim"), sep.join(parts)])


def _kv_table(title: str) -> Table:
    table = Table(title=title, show_header=False, box=None, pad_edge=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    return table


def _heading(title: str) -> Text:
    return Text("\n" + title, style="bold underline")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, Mapping):
        return ", ".join(f"{k}={_fmt(v)}" for k, v in value.items()) or "—"
    if isinstance(value, list | tuple):
        return ", ".join(map(str, value)) or "—"
    return "—" if value is None else str(value)


def why_panel(answer: Answer | None) -> RenderableType:
    """``/why``: the last RouteDecision, field by field."""
    if answer is None:
        return Text("No answer yet: ask something first.", style="dim")
    decision = dict(answer.decision)
    table = _kv_table("")
    for key in ("route", "strategy", "reason", "score", "threshold", "fallback_error", "id"):
        if key in decision:
            table.add_row(key, _fmt(decision.pop(key)))
    signals = decision.pop("signals", {}) or {}
    latency = decision.pop("latency_s", {}) or {}
    for key, value in decision.items():
        table.add_row(key, _fmt(value))
    parts: list[RenderableType] = [table]
    if signals:
        sig = _kv_table("")
        for name, value in signals.items():
            sig.add_row(name, _fmt(value))
        parts += [_heading("confidence signals of the local draft"), sig]
    if latency:
        lat = _kv_table("")
        for name, value in latency.items():
            lat.add_row(name, f"{float(value):.3f} s")
        parts += [_heading("latency by stage"), lat]
    if answer.link is not None:
        link = _kv_table("")
        for key, value in answer.link.as_dict().items():
            link.add_row(key, _fmt(value))
        parts += [_heading("link to the gateway"), link]
    return Panel(Group(*parts), title="why this route", title_align="left", border_style="blue")


def privacy_panel(
    message: str | None, spans: Sequence[tuple[str, int, int, str]], masked: Mapping[str, int]
) -> RenderableType:
    """``/privacy``: the last message with each detected span highlighted and labelled.

    ``spans`` are ``(type, start, end, action)`` offsets into ``message``. The
    values are shown on this terminal only; ``masked`` are the counts the
    request actually replaced before anything left the device.
    """
    if message is None:
        return Text("No message yet.", style="dim")
    marked = Text()
    cursor = 0
    for kind, start, end, action in sorted(spans, key=lambda s: s[1]):
        if start < cursor:
            continue
        marked.append(message[cursor:start])
        style = "red" if action == "block" else "magenta" if action == "mask" else "yellow"
        marked.append(message[start:end], style="reverse " + style)
        marked.append(f"⟨{kind}: {action}⟩", style="bold " + style)
        cursor = end
    marked.append(message[cursor:])
    counts: dict[str, int] = {}
    for kind, *_ in spans:
        counts[kind] = counts.get(kind, 0) + 1
    summary = Text.assemble(
        ("detected: ", "bold"),
        format_counts(counts),
        "\n",
        ("masked in the last request off the device: ", "bold"),
        format_counts(masked),
        "\n",
        ("Values stay on this device: what left it carried placeholders such as «EMAIL_1».", "dim"),
    )
    return Panel(
        Group(marked, Text(""), summary),
        title="privacy",
        title_align="left",
        border_style="magenta",
    )


def stats_table(stats: SessionStats, link: Mapping[str, Any] | None = None) -> RenderableType:
    """``/stats``: totals of the session and, if known, the link's health."""
    table = Table(
        "route",
        "answers",
        "mean latency s",
        "mean tok/s",
        title="this session",
        title_justify="left",
    )
    for origin, row in stats.by_origin().items():
        table.add_row(
            origin,
            str(row.count),
            f"{row.mean_latency:.2f}",
            "—" if row.mean_tps is None else f"{row.mean_tps:.0f}",
        )
    summary = _kv_table("")
    summary.add_row("answers", str(stats.answers))
    summary.add_row("escalation rate", f"{stats.escalation_rate:.0%}")
    summary.add_row("masked entities", format_counts(stats.masked))
    summary.add_row("offline answers", str(stats.offline_answers))
    parts: list[RenderableType] = [table, summary]
    if link:
        lt = _kv_table("")
        for key, value in link.items():
            lt.add_row(key, _fmt(value))
        parts += [_heading("link to the gateway"), lt]
    return Group(*parts)


def help_table() -> Table:
    """``/help``."""
    table = Table(show_header=False, box=None, title="commands", title_justify="left")
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for command, meaning in COMMANDS:
        table.add_row(command, meaning)
    return table
