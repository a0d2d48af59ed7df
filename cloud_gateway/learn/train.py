"""Fit a LoRA adapter for the edge model on collected (masked prompt, cloud answer) pairs.

The pairs are tokenized by the edge model itself (llama.cpp, through
:class:`edgekit.local.Engine`), with its own chat template, so training sees
exactly the tokens the device will see. The base weights come from the same
GGUF file (:mod:`cloud_gateway.learn.base_model`); PEFT adds the LoRA factors
and only they are trained, with the loss on the answer tokens alone. A
deterministic part of the pairs is held out: the adapter is kept only if its
mean answer-token loss there is lower than the base model's.

Needs the ``learn`` extra (PyTorch, transformers, PEFT, gguf).
"""

from __future__ import annotations

import hashlib
import math
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cloud_gateway.learn.errors import NotBetterError, TrainingError
from cloud_gateway.learn.store import Pair
from edgekit.calibrate.fit import MIN_ITEMS
from edgekit.local import Engine

Progress = Callable[[str, int, int], None]
"""``progress(phase, done, total)``: called as training advances."""

ALL_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


@dataclass(frozen=True, kw_only=True)
class TrainConfig:
    """LoRA and optimiser settings for one learning round."""

    rank: int = 8
    alpha: float = 16.0
    targets: tuple[str, ...] = ALL_TARGETS
    epochs: int = 3
    learning_rate: float = 1e-3
    batch_size: int = 8
    max_tokens: int = 256
    holdout: float = 0.2
    min_holdout: int = MIN_ITEMS  # the held-out pairs also fit the adapted model's calibration
    min_gain: float = 0.0
    seed: int = 0
    threads: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.rank <= 256 or self.alpha <= 0:
            raise TrainingError("rank must be in [1, 256] and alpha > 0")
        if not set(self.targets) <= set(ALL_TARGETS) or not self.targets:
            raise TrainingError(f"targets must be among {', '.join(ALL_TARGETS)}")
        if self.epochs < 1 or self.batch_size < 1 or self.max_tokens < 8:
            raise TrainingError("epochs, batch_size >= 1 and max_tokens >= 8")
        if not 0.0 < self.holdout < 1.0 or self.min_holdout < 1:
            raise TrainingError("holdout must be in (0, 1) and min_holdout >= 1")


@dataclass(frozen=True)
class Example:
    """One tokenized pair: the rendered prompt and the answer (ending with end-of-turn)."""

    prompt: tuple[int, ...]
    answer: tuple[int, ...]


def loss_gain(base_loss: float, adapter_loss: float) -> float:
    """Relative held-out loss reduction of an adapter over its base (0 for a zero base loss)."""
    return 1.0 - adapter_loss / base_loss if base_loss > 0 else 0.0


@dataclass(frozen=True, kw_only=True)
class TrainResult:
    """What one round produced and how it scored."""

    factors: dict[str, Any] = field(repr=False)
    arch: str
    n_train: int
    n_heldout: int
    base_loss: float
    adapter_loss: float
    train_s: float
    steps: int
    heldout_ids: tuple[str, ...]
    train_tokens: int = 0
    fit_s: float = 0.0  # the optimiser steps alone (train_tokens / fit_s: training tokens/s)

    @property
    def gain(self) -> float:
        """Relative held-out loss reduction (0.2 = 20 % lower than the base model)."""
        return loss_gain(self.base_loss, self.adapter_loss)


def encode_pairs(engine: Engine, pairs: Sequence[Pair], max_tokens: int) -> list[Example]:
    """Tokenize pairs as the device does; the answer is what the template adds for it.

    The answer tokens are the difference between the conversation rendered
    with the answer as the assistant's turn and the prompt alone, so they end
    with the template's own end-of-turn. Pairs whose prompt leaves no room
    within ``max_tokens`` are skipped; long answers are cut.
    """
    out = []
    for pair in pairs:
        messages = [dict(m) for m in pair.messages]
        prompt = _tokens(engine, messages, True)
        full = _tokens(engine, [*messages, {"role": "assistant", "content": pair.answer}], False)
        room = max_tokens - len(prompt)
        if room < 2 or full[: len(prompt)] != prompt or len(full) == len(prompt):
            continue
        out.append(Example(tuple(prompt), tuple(full[len(prompt) :][:room])))
    return out


def _tokens(engine: Engine, messages: list[dict[str, str]], generation_prompt: bool) -> list[int]:
    text = engine.render_chat(messages, add_generation_prompt=generation_prompt)
    return engine.tokenize(text, add_bos=True, special=True)


def split_heldout(pairs: Sequence[Pair], cfg: TrainConfig) -> tuple[list[Pair], list[Pair]]:
    """A deterministic split: a pair's place depends on its id, not on what else is stored."""

    def rank(pair: Pair) -> bytes:
        return hashlib.sha256(f"{cfg.seed}:{pair.pair_id}".encode()).digest()

    ranked = sorted(pairs, key=rank)
    n_held = max(cfg.min_holdout, round(len(ranked) * cfg.holdout))
    if len(ranked) - n_held < 2:
        raise TrainingError(f"{len(ranked)} pairs are too few to train and hold out {n_held}")
    return ranked[n_held:], ranked[:n_held]


def _batch(examples: Sequence[Example], pad: int) -> tuple[Any, Any, Any]:
    import torch

    width = max(len(e.prompt) + len(e.answer) for e in examples)
    ids = torch.full((len(examples), width), pad, dtype=torch.long)
    labels = torch.full((len(examples), width), -100, dtype=torch.long)
    mask = torch.zeros((len(examples), width), dtype=torch.long)
    for row, e in enumerate(examples):
        seq = e.prompt + e.answer
        ids[row, : len(seq)] = torch.tensor(seq)
        labels[row, len(e.prompt) : len(seq)] = torch.tensor(e.answer)
        mask[row, : len(seq)] = 1
    return ids, labels, mask


def answer_loss(model: Any, examples: Sequence[Example], batch_size: int, pad: int) -> float:
    """Mean loss per answer token (nats) over ``examples``."""
    import torch

    total, count = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(examples), batch_size):
            ids, labels, mask = _batch(examples[start : start + batch_size], pad)
            logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1]
            target = labels[:, 1:]
            loss = torch.nn.functional.cross_entropy(
                logits.reshape(-1, logits.shape[-1]),
                target.reshape(-1),
                ignore_index=-100,
                reduction="sum",
            )
            total += float(loss)
            count += int((target != -100).sum())
    return total / max(count, 1)


def _fit(model: Any, train: list[Example], cfg: TrainConfig, pad: int, progress: Progress) -> int:
    import torch

    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=0.0)
    rng = random.Random(cfg.seed)  # noqa: S311 - shuffling batches, not secrets
    per_epoch = math.ceil(len(train) / cfg.batch_size)
    total = per_epoch * cfg.epochs
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: 1.0 - s / (total + 1))
    model.train()
    step = 0
    for _ in range(cfg.epochs):
        order = train[:]
        rng.shuffle(order)
        for start in range(0, len(order), cfg.batch_size):
            ids, labels, mask = _batch(order[start : start + cfg.batch_size], pad)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad(set_to_none=True)
            step += 1
            progress("train", step, total)
    model.eval()
    return step


def train_adapter(
    gguf_path: Path,
    pairs: Sequence[Pair],
    cfg: TrainConfig | None = None,
    *,
    engine: Engine,
    progress: Progress | None = None,
) -> TrainResult:
    """One learning round: split, train LoRA, compare with the base on the held-out pairs.

    Raises :class:`NotBetterError` when the adapter's held-out loss is not at
    least ``min_gain`` (relative) below the base model's.
    """
    import torch
    from peft import LoraConfig, get_peft_model, get_peft_model_state_dict

    from cloud_gateway.learn.base_model import load_llama
    from cloud_gateway.learn.export import gguf_factors

    cfg = cfg or TrainConfig()
    report = progress or (lambda _phase, _done, _total: None)
    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    torch.manual_seed(cfg.seed)
    train_pairs, held_pairs = split_heldout(pairs, cfg)
    train = encode_pairs(engine, train_pairs, cfg.max_tokens)
    held = encode_pairs(engine, held_pairs, cfg.max_tokens)
    if len(train) < 2 or not held:
        raise TrainingError("too few pairs fit max_tokens to train an adapter")
    report("load", 0, 1)
    base = load_llama(gguf_path)
    report("load", 1, 1)
    pad = train[0].answer[-1]  # masked out of the loss; any id in the vocabulary will do
    started = time.perf_counter()
    base_loss = answer_loss(base, held, cfg.batch_size, pad)
    lora = LoraConfig(
        r=cfg.rank,
        lora_alpha=cfg.alpha,
        target_modules=list(cfg.targets),
        lora_dropout=0.0,
        bias="none",
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(base, lora)
    fit_started = time.perf_counter()
    steps = _fit(model, train, cfg, pad, report)
    fit_s = time.perf_counter() - fit_started
    adapter_loss = answer_loss(model, held, cfg.batch_size, pad)
    train_s = time.perf_counter() - started
    if not adapter_loss < base_loss * (1.0 - cfg.min_gain):
        raise NotBetterError(
            f"adapter held-out loss {adapter_loss:.3f} is not below the base model's "
            f"{base_loss:.3f} (required gain {cfg.min_gain:.0%}); not published",
            base_loss=base_loss,
            adapter_loss=adapter_loss,
        )
    config = base.config
    factors = gguf_factors(
        get_peft_model_state_dict(model),
        n_head=config.num_attention_heads,
        n_head_kv=config.num_key_value_heads,
    )
    return TrainResult(
        factors=factors,
        arch="llama",
        n_train=len(train),
        n_heldout=len(held),
        base_loss=base_loss,
        adapter_loss=adapter_loss,
        train_s=train_s,
        steps=steps,
        heldout_ids=tuple(p.pair_id for p in held_pairs),
        train_tokens=cfg.epochs * sum(len(e.prompt) + len(e.answer) for e in train),
        fit_s=fit_s,
    )
