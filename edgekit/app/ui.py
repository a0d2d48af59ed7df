"""Terminal front ends: the interactive chat and the batch (``--prompt`` / stdin) mode."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.status import Status
from rich.text import Text

from edgekit.app import render
from edgekit.app.answer import Answer
from edgekit.app.commands import Commands
from edgekit.app.events import EventSink, Notice, Piece, StreamEvent, Waiting
from edgekit.app.gateway import GatewayHandle, GatewayStatus
from edgekit.app.session import ChatSession
from edgekit.app.tour import TOUR, FreshQuestion, ask_tour_question
from edgekit.errors import EdgeKitError

PROMPT = "[bold]you ›[/] "


# --- progress -----------------------------------------------------------------


_PROGRESS_COLUMNS = (
    SpinnerColumn(),
    TextColumn("[progress.description]{task.description}"),
    BarColumn(),
    DownloadColumn(),
    TimeElapsedColumn(),
)


def _show_status(progress: Progress, task: TaskID, status: GatewayStatus) -> TaskID:
    """Update the gateway's progress bar; a new phase gets a new bar (rich cannot un-set
    a task's total, and a finished task's clock stops). Returns the task to update next."""
    description = f"gateway: {_PHASE_WORDS.get(status.phase, status.phase)} {status.model}"
    current = progress.tasks[-1] if progress.tasks else None
    if current is None or current.description != description:
        if current is not None:
            progress.remove_task(task)
        determinate = status.phase == "assembling" and status.total_bytes > 0
        task = progress.add_task(description, total=status.total_bytes if determinate else None)
    if status.phase == "assembling":
        progress.update(task, completed=status.done_bytes)
    return task


_PHASE_WORDS = {"idle": "starting", "assembling": "assembling", "loading": "loading"}


# --- streaming ----------------------------------------------------------------


class StreamPrinter:
    """Prints an answer as it streams: a spinner until the first piece, then the text.

    While an escalation waits for the embedded gateway, a progress bar shows
    what the gateway is doing (assembling its model file, loading it).
    """

    def __init__(self, console: Console, *, spinner: bool = True) -> None:
        self._console = console
        self._status: Status | None = None
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if spinner and console.is_terminal:
            self._status = console.status("thinking on the device…", spinner="dots")
            self._status.start()
        self._source: str | None = None
        self._column = 0

    def __call__(self, event: StreamEvent) -> None:
        if isinstance(event, Piece):
            self._piece(event)
        elif isinstance(event, Waiting):
            self._waiting(event.status)
        else:
            self._notice(event)

    def _stop_live(self) -> None:
        if self._status is not None:
            self._status.stop()
            self._status = None
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _waiting(self, status: GatewayStatus) -> None:
        if self._progress is None:
            self._stop_live()
            self._progress = Progress(*_PROGRESS_COLUMNS, console=self._console, transient=True)
            self._progress.start()
            self._task = self._progress.add_task("gateway", total=None)
        assert self._task is not None
        self._task = _show_status(self._progress, self._task, status)

    def _piece(self, piece: Piece) -> None:
        self._stop_live()
        if piece.source != self._source:
            if self._column:
                self._console.print()
            self._console.print(
                Text("edgekit › ", style="bold " + _SOURCE_STYLE[piece.source]), end=""
            )
            self._source = piece.source
        self._console.print(piece.text, end="", markup=False, highlight=False)
        self._column += len(piece.text)

    def _notice(self, notice: Notice) -> None:
        self._stop_live()
        if self._column:
            self._console.print()
            self._column = 0
        self._source = None
        icon, style = _NOTICE_STYLE[notice.kind]
        self._console.print(Text(f"{icon} {notice.detail}", style=style))
        if self._console.is_terminal:
            self._status = self._console.status("waiting for the answer…", spinner="dots")
            self._status.start()

    def finish(self) -> None:
        self._stop_live()
        if self._column:
            self._console.print()
            self._column = 0


_SOURCE_STYLE = {"device": "green", "cloud": "cyan", "answer": "green"}
_NOTICE_STYLE = {
    "escalating": ("↗", "cyan"),
    "handoff": ("⇄", "magenta"),
    "fallback": ("⌂", "yellow"),
    "waiting_gateway": ("…", "dim"),
    "draft_rejected": ("✗", "dim"),
}


# --- interactive --------------------------------------------------------------


def _setup_readline(history_file: Path | None) -> None:
    """Line editing and persistent history through GNU readline (stdlib)."""
    try:
        import readline
    except ImportError:  # not on every platform; input() still works
        return
    readline.set_history_length(1000)
    if history_file is None:
        return
    with contextlib.suppress(OSError):
        history_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # Create it private before anything is written: it holds what the user typed.
        os.close(os.open(history_file, os.O_CREAT | os.O_WRONLY, 0o600))
        readline.read_history_file(history_file)
    import atexit

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(history_file)

    atexit.register(save)


class GatewayAnnouncer:
    """Prints one line when the background gateway becomes ready or fails."""

    def __init__(self, handle: GatewayHandle | None) -> None:
        self._handle = handle
        self._said: str | None = None

    def poll(self, console: Console, describe_link: str) -> None:
        if self._handle is None:
            return
        status = self._handle.status()
        if status.phase == self._said or not status.settled:
            return
        self._said = status.phase
        if status.phase == "ready":
            console.print(
                Text(
                    f"✓ gateway ready: {status.model} at {status.url} "
                    f"({status.elapsed_s:.0f} s) · {describe_link}",
                    style="green",
                )
            )
        elif status.phase == "failed":
            console.print(
                Text(
                    f"✗ gateway failed to start ({status.error}); answers stay on the device.",
                    style="red",
                )
            )


def run_interactive(
    console: Console,
    session: ChatSession,
    commands: Commands,
    *,
    banner: Panel,
    announcer: GatewayAnnouncer,
    describe_link: Callable[[], str],
    history_file: Path | None,
    script: Sequence[str] = (),
) -> int:
    """The chat loop, after the tour (``script``: its lines) if asked; the exit status."""
    _setup_readline(history_file)
    console.print(banner)
    captions = [caption for caption, _ in TOUR] if script else []
    for caption, line in zip(captions, script, strict=True):
        announcer.poll(console, describe_link())
        if caption:
            console.print(Text("\n" + caption, style="bold yellow"))
        console.print(Text.assemble(("you › ", "bold"), line))
        if _handle_line(console, session, commands, line):
            return 0
    if script:
        console.print(Text("\nYour turn. /help lists the commands.", style="bold yellow"))
    while True:
        announcer.poll(console, describe_link())
        try:
            line = console.input(PROMPT).strip()
        except EOFError:
            console.print()
            return 0
        except KeyboardInterrupt:
            console.print()
            continue
        if line and _handle_line(console, session, commands, line):
            return 0


def _handle_line(console: Console, session: ChatSession, commands: Commands, line: str) -> bool:
    """Run a command or answer a question; True when the user asked to quit."""
    if commands.is_command(line):
        result = commands.run(line)
        console.print(result.renderable)
        return result.quit
    _ask_and_print(console, session, line)
    return False


def _ask(session: ChatSession, line: str, on_event: EventSink) -> Answer:
    if isinstance(line, FreshQuestion):
        return ask_tour_question(session, line, on_event)
    return session.ask(line, on_event)


def _ask_and_print(console: Console, session: ChatSession, line: str) -> Answer | None:
    printer = StreamPrinter(console)
    try:
        answer = _ask(session, line, printer)
    except KeyboardInterrupt:
        printer.finish()
        console.print(Text("(interrupted)", style="dim"))
        return None
    except EdgeKitError as exc:
        printer.finish()
        console.print(Text(f"{type(exc).__name__}: {exc}", style="bold red"))
        return None
    printer.finish()
    console.print(render.status_line(answer), soft_wrap=True)
    return answer


# --- batch --------------------------------------------------------------------


def stdin_lines(stream: TextIO) -> Iterable[str]:
    """Non-empty lines of a piped standard input, stripped."""
    for raw in stream:
        line = raw.strip()
        if line:
            yield line


#: Batch exit statuses: all answered; a line got no answer; the gateway did not answer.
EXIT_OK, EXIT_ERROR, EXIT_GATEWAY_DID_NOT_ANSWER = 0, 1, 3


def run_batch(
    session: ChatSession,
    commands: Commands,
    lines: Iterable[str],
    *,
    json_output: bool,
    out: Console,
    err: Console,
    announcer: GatewayAnnouncer,
    describe_link: Callable[[], str],
    stdout: TextIO = sys.stdout,
) -> int:
    """Answer each line (or run it, if it is a /command); returns the exit status.

    Answers (or JSON objects) go to ``out``/``stdout``; news about the gateway
    goes to ``err``, so a script reading stdout sees answers only. The status
    is :data:`EXIT_OK`, :data:`EXIT_ERROR` when a line got no answer, or
    :data:`EXIT_GATEWAY_DID_NOT_ANSWER` when every line was answered but some
    answer that needed the gateway came from the device instead.
    """
    status = EXIT_OK
    answered = False
    fell_back = 0
    for index, line in enumerate(lines):
        announcer.poll(err, describe_link())
        answered = True
        if commands.is_command(line):
            result = commands.run(line)
            if json_output:
                _emit(stdout, dict(result.data))
            else:
                out.print(result.renderable)
            status = status if result.ok else 1
            if result.quit:
                break
            continue
        try:
            answer = (
                _ask_json(stdout, session, line, index)
                if json_output
                else _ask_and_print(out, session, line)
            )
        except EdgeKitError as exc:
            answer = None
            _emit(
                stdout,
                {
                    "index": index,
                    "prompt": line,
                    "error": {"type": type(exc).__name__, "message": str(exc)},
                },
            )
        if answer is None:
            status = EXIT_ERROR
        elif answer.decision.get("route") == "local_fallback" and not session.offline:
            fell_back += 1  # (with /offline the user cut the link: no gateway was expected)
    announcer.poll(err, describe_link())
    if not answered:
        err.print("nothing to answer: pass --prompt TEXT, or pipe questions (one per line)")
    if fell_back and status == EXIT_OK:
        err.print(
            f"the gateway did not answer {fell_back} question(s) that needed it; "
            "the device answered them (exit status 3)"
        )
        status = EXIT_GATEWAY_DID_NOT_ANSWER
    return status


def _ask_json(stdout: TextIO, session: ChatSession, line: str, index: int) -> Answer:
    answer = _ask(session, line, _ignore)
    _emit(stdout, {"index": index, **answer.as_json(prompt=line)})
    return answer


def _ignore(_event: StreamEvent) -> None:
    return None


def _emit(stdout: TextIO, obj: dict[str, Any]) -> None:
    stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
    stdout.flush()
