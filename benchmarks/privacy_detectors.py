"""Where the privacy filter's time goes: CPU ms per KB of each detector of the strict filter.

The same texts as ``ner_ms_per_kb`` in ``benchmarks/privacy.py`` (the first yardstick's
dev and sealed parts, 148 KB); a timer wraps ``edgekit.privacy.filter._run_detector``, and
"outside" is the rest of a scan (normalising, resolving overlaps, recurring values). Each
pass scans every text once; the best of ``--passes`` is kept.

Side by side: ``--against PATH`` measures another ``edgekit/`` tree (a directory holding
``edgekit/``, e.g. ``git archive <commit> edgekit | tar -x -C PATH``) beside this one, each
in its own process (the editable install's finder removed, so ``PATH/edgekit`` is what is
imported), the two interleaved for ``--rounds`` rounds; each detector's figure is its best
over the rounds, and ``ratio`` is this tree's total over the other's. The box's speed drifts
within minutes, so only such ratios say much. ``same_findings`` says whether both trees
found exactly the same spans (type, offsets, score, detector) in every timed text.
``--interleave`` (with ``--against``) runs both in one process instead, the other tree's
package copied and renamed ``edgekit_against``, the two scanning each text in turn (the
order alternating): the box's drift then falls on both alike, which separate processes
minutes apart cannot promise (this VM's speed moves by ±10 % within minutes).
``--digest A,B`` prints instead, per corpus of ``benchmarks/privacy.py`` (never a value),
a hash of every finding, to show a change leaves what the filter finds untouched.

The last line of output is one JSON object: ``total_ms_per_kb``, ``outside_ms_per_kb`` and
one ``<detector>_ms_per_kb`` per detector (with ``--against``: also ``against_…`` and
``ratio``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def use_tree(tree: Path) -> None:
    """Import ``edgekit`` from ``tree`` instead of the editable install."""
    if not (tree / "edgekit" / "__init__.py").is_file():
        raise SystemExit(f"{tree} holds no edgekit/ package")
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__]
    sys.path.insert(0, str(tree.resolve()))


def timed_texts() -> list[str]:
    """The texts behind ``ner_ms_per_kb``: the first yardstick's dev and sealed parts."""
    from privacy.yardstick import corpus as yard

    return [d.text for d in yard.dev(yard.DEFAULT_DOCS) + yard.sealed(yard.DEFAULT_DOCS)]


def findings_digest(findings: Sequence[Sequence[Any]]) -> str:
    """A hash of every text's findings (type, start, end, score, detector), no value."""
    digest = hashlib.sha256()
    for found in findings:
        for f in found:
            digest.update(f"{f.type},{f.start},{f.end},{f.score:.6f},{f.detector};".encode())
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def measure(passes: int) -> dict[str, Any]:
    """Each detector's best CPU ms/KB over ``passes`` passes (in this process's tree)."""
    texts = timed_texts()
    kb = sum(len(t.encode()) for t in texts) / 1024
    scan, spent = timed_filter("edgekit")
    ner = importlib.import_module("edgekit.privacy.ner").ner_available()
    best: tuple[float, dict[str, float]] | None = None
    found: list[Any] = []
    for _ in range(max(1, passes)):
        spent.clear()
        cold(scan)
        start = time.process_time()
        found = [scan(text) for text in texts]
        total = time.process_time() - start
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    total, by_detector = best
    out: dict[str, Any] = {"kb": round(kb, 1), "ner": "on" if ner else "off"}
    out["total_ms_per_kb"] = round(1000 * total / kb, 2)
    out["outside_ms_per_kb"] = round(1000 * (total - sum(by_detector.values())) / kb, 2)
    for name, seconds in sorted(by_detector.items(), key=lambda kv: -kv[1]):
        out[f"{name}_ms_per_kb"] = round(1000 * seconds / kb, 2)
    out.update(model_counts(scan, max(1, passes)))
    out["findings"] = findings_digest(found)
    return out


def cold(scan: Any) -> None:
    """Forget the NER's remembered model outputs: each pass starts as a new filter would."""
    for detector in scan.__self__.detectors:
        getattr(detector, "forget", lambda: None)()


def model_counts(scan: Any, passes: int) -> dict[str, int]:
    """The NER model's calls and (padded) tokens per pass."""
    for detector in scan.__self__.detectors:
        if hasattr(detector, "model_calls"):
            return {
                "model_calls": detector.model_calls // passes,
                "model_tokens": detector.model_tokens // passes,
            }
    return {}


def digests(names: list[str]) -> dict[str, str]:
    """A findings hash per corpus of ``benchmarks/privacy.py`` (only hashes are printed)."""
    from privacy.blind import corpus as blind
    from privacy.cellar import corpus as cellar
    from privacy.fresh import corpus as fresh
    from privacy.holdout import corpus as holdout
    from privacy.loft import corpus as loft
    from privacy.quarry import corpus as quarry
    from privacy.unseen import corpus as unseen
    from privacy.vault import corpus as vault
    from privacy.yardstick import corpus as yard
    from privacy.yardstick import names_dev

    from edgekit.privacy import Filter, PrivacyConfig
    from edgekit.privacy.ner import ner_available

    makers = {
        "dev": lambda: yard.dev(yard.DEFAULT_DOCS),
        "yardstick_sealed": lambda: yard.sealed(yard.DEFAULT_DOCS),
        "names": names_dev.generate,
        "fresh": fresh.sealed,
        "unseen": unseen.sealed,
        "blind": blind.sealed,
        "holdout": holdout.sealed,
        "vault": vault.sealed,
        "cellar": cellar.sealed,
        "loft": loft.sealed,
        "quarry": quarry.sealed,
    }
    unknown = sorted(set(names) - set(makers))
    if unknown:
        raise SystemExit(f"unknown corpora {unknown}: choose from {sorted(makers)}")
    ner = "on" if ner_available() else "off"
    scan = Filter(PrivacyConfig(preset="strict", ner=ner), reuse=0).scan
    return {name: findings_digest([scan(d.text) for d in makers[name]()]) for name in names}


def worker(tree: Path, passes: int) -> dict[str, Any]:
    """One measuring process for ``tree`` (this file run with ``--tree``)."""
    command = [sys.executable, __file__, "--tree", str(tree), "--passes", str(passes)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def side_by_side(against: Path, rounds: int, passes: int) -> dict[str, Any]:
    """This tree and ``against``, interleaved; every figure the best over the rounds."""
    runs: dict[str, list[dict[str, Any]]] = {"this": [], "against": []}
    for r in range(max(1, rounds)):
        order = [("this", ROOT), ("against", against)]
        for side, tree in order if r % 2 == 0 else order[::-1]:
            runs[side].append(worker(tree, passes))
    out: dict[str, Any] = {"kb": runs["this"][0]["kb"], "rounds": rounds, "passes": passes}
    keys = sorted(
        {k for side in runs.values() for run in side for k in run if k.endswith("_ms_per_kb")},
        key=lambda k: -min(run.get(k, 0.0) for run in runs["this"]),
    )
    for key in keys:
        mine = min(run.get(key, 0.0) for run in runs["this"])
        theirs = min(run.get(key, 0.0) for run in runs["against"])
        out[key], out[f"against_{key}"] = mine, theirs
        name = key.removesuffix("_ms_per_kb")
        print(f"{name:20} {mine:6.2f} {theirs:6.2f} ms/KB (this, against)")
    out["ratio"] = round(out["total_ms_per_kb"] / out["against_total_ms_per_kb"], 3)
    out["this_totals"] = [run["total_ms_per_kb"] for run in runs["this"]]
    out["against_totals"] = [run["total_ms_per_kb"] for run in runs["against"]]
    out["same_findings"] = runs["this"][0]["findings"] == runs["against"][0]["findings"]
    return out


def renamed_copy(tree: Path, into: Path) -> None:
    """``tree/edgekit`` copied to ``into/edgekit_against``, its own imports renamed."""
    target = into / "edgekit_against"
    shutil.copytree(tree / "edgekit", target, ignore=shutil.ignore_patterns("__pycache__"))
    for path in target.rglob("*.py"):
        source = path.read_text("utf-8")
        renamed = re.sub(r"\bedgekit(?=[._])", "edgekit_against", source)
        renamed = re.sub(
            r"^(\s*(?:from|import) )edgekit\b(?!_)", r"\1edgekit_against", renamed, flags=re.M
        )
        path.write_text(renamed, "utf-8")


def timed_filter(package: str) -> tuple[Any, Counter[str]]:
    """A strict filter of ``package`` whose detectors' CPU time is counted."""
    filter_module = importlib.import_module(f"{package}.privacy.filter")
    privacy = importlib.import_module(f"{package}.privacy")
    ner_module = importlib.import_module(f"{package}.privacy.ner")
    spent: Counter[str] = Counter()
    run_detector = filter_module._run_detector

    def timed(detector: Any, text: str, covered: Sequence[tuple[int, int]]) -> Any:
        start = time.process_time()
        try:
            return run_detector(detector, text, covered)
        finally:
            spent[getattr(detector, "name", type(detector).__name__)] += time.process_time() - start

    filter_module._run_detector = timed
    ner = "on" if ner_module.ner_available() else "off"
    scan = privacy.Filter(privacy.PrivacyConfig(preset="strict", ner=ner), reuse=0).scan
    scan("warm up: Ada Lovelace, 212-555-5555, a@b.co")
    spent.clear()
    for detector in scan.__self__.detectors:
        if hasattr(detector, "model_calls"):
            detector.model_calls = detector.model_tokens = 0
    return scan, spent


def spans(findings: Sequence[Any]) -> list[tuple[str, int, int, float, str]]:
    """Findings as plain tuples (the two trees' classes differ)."""
    return [(f.type, f.start, f.end, f.score, f.detector) for f in findings]


def interleaved(against: Path, passes: int) -> dict[str, Any]:
    """This tree and ``against`` in one process, scanning each text in turn."""
    with tempfile.TemporaryDirectory() as scratch:
        renamed_copy(against, Path(scratch))
        sys.path.insert(0, scratch)
        texts = timed_texts()
        kb = sum(len(t.encode()) for t in texts) / 1024
        sides = {
            side: timed_filter(pkg)
            for side, pkg in (("this", "edgekit"), ("against", "edgekit_against"))
        }
        totals: Counter[str] = Counter()
        same = True
        for n in range(max(1, passes)):
            for measured in sides.values():
                cold(measured[0])
            for i, text in enumerate(texts):
                order = ("this", "against") if (i + n) % 2 == 0 else ("against", "this")
                found = {}
                for side in order:
                    start = time.process_time()
                    found[side] = sides[side][0](text)
                    totals[side] += time.process_time() - start
                same = same and spans(found["this"]) == spans(found["against"])
    out: dict[str, Any] = {"kb": round(kb, 1), "passes": passes, "interleaved": True}
    scale = 1000 / kb / max(1, passes)
    for side, prefix in (("this", ""), ("against", "against_")):
        spent = sides[side][1]
        out[f"{prefix}total_ms_per_kb"] = round(scale * totals[side], 2)
        out[f"{prefix}outside_ms_per_kb"] = round(scale * (totals[side] - sum(spent.values())), 2)
        for name, seconds in spent.items():
            out[f"{prefix}{name}_ms_per_kb"] = round(scale * seconds, 2)
    for key in sorted(
        (k for k in out if k.endswith("_ms_per_kb") and not k.startswith("against_")),
        key=lambda k: -out[k],
    ):
        name = key.removesuffix("_ms_per_kb")
        print(
            f"{name:20} {out[key]:6.2f} {out.get('against_' + key, 0.0):6.2f} ms/KB (this, against)"
        )
    out["ratio"] = round(totals["this"] / totals["against"], 3)
    out.update(model_counts(sides["this"][0], max(1, passes)))
    out.update({f"against_{k}": v for k, v in model_counts(sides["against"][0], passes).items()})
    out["same_findings"] = same
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--passes", type=int, default=2, help="passes; the fastest is kept")
    parser.add_argument("--tree", type=Path, help="import edgekit/ from this directory")
    parser.add_argument("--against", type=Path, help="another edgekit/ tree, side by side")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (--against)")
    parser.add_argument("--digest", metavar="A,B", help="findings hashes of these corpora")
    parser.add_argument(
        "--interleave", action="store_true", help="--against in this process, text by text"
    )
    args = parser.parse_args()
    if args.tree is not None:
        use_tree(args.tree)
    if args.digest:
        print(json.dumps(digests(args.digest.split(","))))
        return 0
    if args.against is not None and args.interleave:
        out = interleaved(args.against, args.passes)
    elif args.against is not None:
        out = side_by_side(args.against, args.rounds, args.passes)
    else:
        out = measure(args.passes)
        for key, value in out.items():
            if key.endswith("_ms_per_kb") and key != "total_ms_per_kb":
                print(f"{key.removesuffix('_ms_per_kb'):20} {value:6.2f} ms/KB")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
