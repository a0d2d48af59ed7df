"""The chat app's first answer while its embedded gateway starts, by thread policy.

Runs the app as a user would (``examples/chat_app.py``, batch mode, JSON), on
the default models, with the embedded gateway loading its 1.5B model in the
background at the same time. The question is one the device answers itself
(``--threshold 0``), so the figure is the device's own latency under the
gateway's start-up load. Two policies, interleaved over ``--rounds``:

- ``auto``: what the app does now (the cores are split: half for the device
  model, the rest for the gateway);
- ``all_cores``: every core for both models (``--threads <cpus>``), what the
  app did before.

Last line of stdout: one JSON object with ``first_answer_s_auto`` and
``first_answer_s_all_cores`` (medians of the app-reported answer latency),
their ratio ``first_answer_speedup``, and the wall time of each run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUESTION = "What is the capital of France?"


def run_app(threads: int | None) -> tuple[float, float]:
    """(app-reported latency of the first answer, wall seconds of the whole run)."""
    args = [
        sys.executable,
        str(REPO / "examples" / "chat_app.py"),
        "--json",
        "--threshold",
        "0",
        "--max-tokens",
        "24",
        "--no-tour",
        "--prompt",
        QUESTION,
    ]
    if threads is not None:
        args += ["--threads", str(threads)]
    started = time.monotonic()
    proc = subprocess.run(args, capture_output=True, text=True, timeout=900, check=False)
    wall = time.monotonic() - started
    if proc.returncode != 0:
        raise SystemExit(f"app failed ({proc.returncode}): {proc.stderr[-2000:]}")
    answer = json.loads(proc.stdout.splitlines()[0])
    return float(answer["latency_s"]), wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cpus = len(os.sched_getaffinity(0))
    results: dict[str, list[tuple[float, float]]] = {"auto": [], "all_cores": []}
    for index in range(args.rounds):
        order = ("auto", "all_cores") if index % 2 == 0 else ("all_cores", "auto")
        for policy in order:
            latency, wall = run_app(None if policy == "auto" else cpus)
            results[policy].append((latency, wall))
            print(
                f"round {index + 1} {policy}: first answer {latency:.2f} s (run {wall:.1f} s)",
                file=sys.stderr,
            )
    auto = statistics.median(r[0] for r in results["auto"])
    every = statistics.median(r[0] for r in results["all_cores"])
    print(
        json.dumps(
            {
                "cpus": cpus,
                "rounds": args.rounds,
                "first_answer_s_auto": round(auto, 3),
                "first_answer_s_all_cores": round(every, 3),
                "first_answer_speedup": round(every / auto, 2),
                "run_wall_s_auto": round(statistics.median(r[1] for r in results["auto"]), 1),
                "run_wall_s_all_cores": round(
                    statistics.median(r[1] for r in results["all_cores"]), 1
                ),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
