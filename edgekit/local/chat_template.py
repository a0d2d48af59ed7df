"""Rendering a model's own chat template (Jinja2, sandboxed, as Hugging Face does)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NoReturn

from edgekit.local.errors import ChatTemplateError
from edgekit.messages import Message, check_messages


def _raise_exception(message: str) -> NoReturn:
    raise ChatTemplateError(f"chat template refused the conversation: {message}")


def _strftime_now(fmt: str) -> str:
    return datetime.now().strftime(fmt)  # templates expect local time


class ChatTemplate:
    """A compiled chat template with the model's BOS/EOS strings."""

    def __init__(self, source: str, *, bos_token: str = "", eos_token: str = "") -> None:
        from jinja2 import TemplateError
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        env.globals["raise_exception"] = _raise_exception
        env.globals["strftime_now"] = _strftime_now
        try:
            self._template = env.from_string(source)
        except TemplateError as exc:
            raise ChatTemplateError(f"chat template does not compile: {exc}") from exc
        self.source = source
        self.bos_token = bos_token
        self.eos_token = eos_token

    def render(
        self,
        messages: Sequence[Message],
        *,
        add_generation_prompt: bool = True,
        continue_final_message: bool = False,
        **extra: Any,
    ) -> str:
        """The prompt text for ``messages``.

        ``continue_final_message`` leaves the last (assistant) message open so
        the model continues it, cutting the template's text after its content.
        """
        from jinja2 import TemplateError

        check_messages(messages)
        if continue_final_message and add_generation_prompt:
            raise ChatTemplateError(
                "continue_final_message and add_generation_prompt are exclusive"
            )
        try:
            text = self._template.render(
                messages=[dict(m) for m in messages],
                add_generation_prompt=add_generation_prompt,
                bos_token=self.bos_token,
                eos_token=self.eos_token,
                **extra,
            )
        except ChatTemplateError:
            raise
        except TemplateError as exc:
            raise ChatTemplateError(f"chat template failed: {type(exc).__name__}") from exc
        if continue_final_message:
            text = _cut_after_final(text, messages[-1]["content"])
        return text


def _cut_after_final(text: str, content: str) -> str:
    for needle in (content, content.strip()):
        if needle and (at := text.rfind(needle)) >= 0:
            return text[: at + len(needle)]
    if not content.strip():
        raise ChatTemplateError("continue_final_message needs a non-empty final message")
    raise ChatTemplateError("the chat template does not keep the final message's content")
