"""Where the privacy filter's time goes: CPU ms per KB of each detector of the strict filter.

The same texts as ``ner_ms_per_kb`` in ``benchmarks/privacy.py`` (the first yardstick's
dev and sealed parts, 148 KB); a timer wraps ``edgekit.privacy.filter._run_detector``, and
"outside" is the rest of a scan (normalising, resolving overlaps, recurring values). Each
pass scans every text once; the best of ``--passes`` is kept. The last line of output is
one JSON object: ``total_ms_per_kb``, ``outside_ms_per_kb`` and one ``<detector>_ms_per_kb``
per detector.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from privacy.yardstick import corpus as yard


def one_pass(scan: Any, texts: list[str], spent: Counter[str]) -> float:
    """CPU seconds of scanning ``texts`` once; ``spent`` collects each detector's share."""
    spent.clear()
    start = time.process_time()
    for text in texts:
        scan(text)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=2, help="passes; the fastest is kept")
    args = parser.parse_args()

    import edgekit.privacy.filter as filter_module
    from edgekit.privacy import Filter, PrivacyConfig
    from edgekit.privacy.ner import ner_available

    texts = [d.text for d in yard.dev(yard.DEFAULT_DOCS) + yard.sealed(yard.DEFAULT_DOCS)]
    kb = sum(len(t.encode()) for t in texts) / 1024
    spent: Counter[str] = Counter()
    run_detector = filter_module._run_detector

    def timed(detector: Any, text: str, covered: Sequence[tuple[int, int]]) -> Any:
        start = time.process_time()
        try:
            return run_detector(detector, text, covered)
        finally:
            spent[getattr(detector, "name", type(detector).__name__)] += time.process_time() - start

    filter_module._run_detector = timed
    ner = "on" if ner_available() else "off"
    scan = Filter(PrivacyConfig(preset="strict", ner=ner), reuse=0).scan
    scan("warm up: Ada Lovelace, 212-555-5555, a@b.co")
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(max(1, args.passes)):
        total = one_pass(scan, texts, spent)
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    total, by_detector = best
    out: dict[str, Any] = {"kb": round(kb, 1), "ner": ner}
    out["total_ms_per_kb"] = round(1000 * total / kb, 2)
    out["outside_ms_per_kb"] = round(1000 * (total - sum(by_detector.values())) / kb, 2)
    for name, seconds in sorted(by_detector.items(), key=lambda kv: -kv[1]):
        out[f"{name}_ms_per_kb"] = round(1000 * seconds / kb, 2)
        print(f"{name:20} {1000 * seconds / kb:6.2f} ms/KB")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
