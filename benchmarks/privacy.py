"""Privacy filter benchmark: EdgeKit vs Microsoft Presidio on one labelled corpus.

Set-up (once): ``python benchmarks/privacy.py --setup`` creates ``.venv-bench``
next to ``.venv`` and installs ``presidio-analyzer`` (and ``faker``) there, so
Presidio never becomes a dependency of EdgeKit. The script then runs in
EdgeKit's venv and asks a Presidio worker process (same script,
``--presidio-worker``, in ``.venv-bench``) to analyse the same texts.

Presidio runs its predefined pattern recognizers only: no spaCy model is
loaded; a blank spaCy tokenizer feeds its context-word enhancer. It is asked
for the six entity types both systems cover (e-mail, phone, card, IBAN, US SSN,
IP address); its best F2 over score thresholds 0, 0.2, 0.4, 0.6 is reported.

The corpus is half "dev" templates (those the detectors were tuned on) and
half "heldout" templates (never used for tuning); F2 is also given per split.

Scoring (same for both): a planted value is found when a prediction of the
same type overlaps it by at least half of the shorter span; a prediction is
correct when it matches a planted value that way. recall = found ÷ planted,
precision = correct ÷ predicted, F2 weighs recall 4× (leaking is worse than
over-masking). Speed: wall time over all texts after a warm-up, EdgeKit
without NER (patterns + name heuristic, all 13 types) against Presidio
(patterns, 6 types). The last line of output is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = Path(os.environ.get("EDGEKIT_BENCH_VENV", ROOT / ".venv-bench"))
COMMON = {
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "US_SSN": "US_SSN",
    "IP_ADDRESS": "IP_ADDRESS",
}
THRESHOLDS = (0.0, 0.2, 0.4, 0.6)


# --- Presidio side (runs in .venv-bench) ---------------------------------------------


def presidio_worker() -> None:
    """Read texts (JSON on stdin), print predictions + timing (JSON on stdout)."""
    import spacy
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngine

    class BlankSpacyEngine(NlpEngine):  # type: ignore[misc]
        """Tokens and lower-cased 'lemmas' from spaCy's blank tokenizer (no model)."""

        def __init__(self) -> None:
            self.nlp = spacy.blank("en")

        def load(self) -> None:
            pass

        def is_loaded(self) -> bool:
            return True

        def process_text(self, text: str, language: str) -> Any:
            doc = self.nlp(text)
            return NlpArtifacts(
                entities=[],
                tokens=doc,
                tokens_indices=[t.idx for t in doc],
                lemmas=[t.text.lower() for t in doc],
                nlp_engine=self,
                language=language,
            )

        def process_batch(
            self, texts: Any, language: str, batch_size: int = 1, n_process: int = 1, **kwargs: Any
        ) -> Any:
            for text in texts:
                yield text, self.process_text(text, language)

        def is_stopword(self, word: str, language: str) -> bool:
            return bool(self.nlp.vocab[word].is_stop)

        def is_punct(self, word: str, language: str) -> bool:
            return bool(self.nlp.vocab[word].is_punct)

        def get_supported_entities(self) -> list[str]:
            return []

        def get_supported_languages(self) -> list[str]:
            return ["en"]

    texts: list[str] = json.load(sys.stdin)
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"])
    analyzer = AnalyzerEngine(
        registry=registry, nlp_engine=BlankSpacyEngine(), supported_languages=["en"]
    )
    entities = list(COMMON)
    analyzer.analyze(text="warm up 212-555-5555 a@b.co", entities=entities, language="en")
    start = time.perf_counter()
    results = [analyzer.analyze(text=t, entities=entities, language="en") for t in texts]
    elapsed = time.perf_counter() - start
    preds = [[[r.entity_type, r.start, r.end, r.score] for r in res] for res in results]
    json.dump({"seconds": elapsed, "predictions": preds}, sys.stdout)


# --- EdgeKit side ---------------------------------------------------------------------


def setup() -> int:
    """Create the benchmark venv with Presidio (kept out of EdgeKit's dependencies)."""
    subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
    pip = BENCH_VENV / "bin" / "pip"
    subprocess.run([str(pip), "install", "presidio-analyzer", "faker"], check=True)
    print(f"presidio installed in {BENCH_VENV}")
    return 0


def run_presidio(texts: list[str]) -> dict[str, Any] | None:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        print(
            f"no {BENCH_VENV}: run `python benchmarks/privacy.py --setup` for Presidio",
            file=sys.stderr,
        )
        return None
    proc = subprocess.run(
        [str(python), __file__, "--presidio-worker"],
        input=json.dumps(texts),
        text=True,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        print(proc.stderr[-2000:], file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def time_edgekit(flt: Any, texts: list[str]) -> tuple[float, list[Any]]:
    flt.scan("warm up 212-555-5555 a@b.co")
    start = time.perf_counter()
    findings = [flt.scan(t) for t in texts]
    return time.perf_counter() - start, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small corpus (CI smoke run)")
    parser.add_argument("--samples", type=int, default=None, help="corpus size (default 3000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--setup", action="store_true", help="create .venv-bench with Presidio")
    parser.add_argument("--presidio-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.presidio_worker:
        presidio_worker()
        return 0
    if args.setup:
        return setup()

    from edgekit.privacy import Filter, PrivacyConfig
    from edgekit.privacy.corpus import Span, evaluate, generate
    from edgekit.privacy.ner import ner_available

    n = args.samples or (400 if args.quick else 3000)
    # Half from the templates the detectors were tuned on, half from held-out ones.
    dev = generate(n // 2, seed=args.seed, split="dev")
    heldout = generate(n - n // 2, seed=args.seed + 1, split="heldout")
    samples = dev + heldout
    texts = [s.text for s in samples]
    kb = sum(len(t.encode()) for t in texts) / 1024
    common = set(COMMON.values())

    def spans(findings: list[Any]) -> list[Span]:
        return [Span(f.type, f.start, f.end) for f in findings]

    plain_s, plain = time_edgekit(Filter(PrivacyConfig(ner="off")), texts)
    plain_scores = evaluate(samples, [spans(f) for f in plain])
    plain_common = evaluate(samples, [spans(f) for f in plain], common)
    out: dict[str, Any] = {
        "samples": n,
        "kb": round(kb, 1),
        "ner_installed": ner_available(),
        "recall_no_ner": plain_scores.recall(),
        "precision_no_ner": plain_scores.precision(),
        "f2_no_ner": plain_scores.f_beta(2),
        "coverage_no_ner": plain_scores.coverage(),
        "ms_per_kb_no_ner": 1000 * plain_s / kb,
        "f2_dev_no_ner": evaluate(dev, [spans(f) for f in plain[: len(dev)]]).f_beta(2),
        "f2_heldout_no_ner": evaluate(heldout, [spans(f) for f in plain[len(dev) :]]).f_beta(2),
    }
    if ner_available():
        ner_s, ner = time_edgekit(Filter(PrivacyConfig(ner="on")), texts)
        ner_scores = evaluate(samples, [spans(f) for f in ner])
        out.update(
            recall_ner=ner_scores.recall(),
            precision_ner=ner_scores.precision(),
            f2_ner=ner_scores.f_beta(2),
            coverage_ner=ner_scores.coverage(),
            ms_per_kb_ner=1000 * ner_s / kb,
            f2_heldout_ner=evaluate(heldout, [spans(f) for f in ner[len(dev) :]]).f_beta(2),
        )
        best = ner_scores
    else:
        out.update(recall_ner=None, precision_ner=None, f2_ner=None, ms_per_kb_ner=None)
        best = plain_scores
    out.update(
        recall=best.recall(),
        precision=best.precision(),
        f2=best.f_beta(2),
        ms_per_kb=out["ms_per_kb_no_ner"],
        f2_common=plain_common.f_beta(2),
        recall_common=plain_common.recall(),
        precision_common=plain_common.precision(),
    )

    presidio = run_presidio(texts)
    if presidio is None:
        out.update(presidio_f2=None, speedup_vs_presidio=None)
    else:
        scored = []
        for threshold in THRESHOLDS:
            preds = [
                [Span(COMMON[e], s, t) for e, s, t, score in p if score >= threshold]
                for p in presidio["predictions"]
            ]
            scored.append((evaluate(samples, preds, common), threshold))
        p_scores, p_threshold = max(scored, key=lambda x: x[0].f_beta(2))
        out.update(
            presidio_f2=p_scores.f_beta(2),
            presidio_recall=p_scores.recall(),
            presidio_precision=p_scores.precision(),
            presidio_threshold=p_threshold,
            presidio_ms_per_kb=1000 * presidio["seconds"] / kb,
            speedup_vs_presidio=presidio["seconds"] / plain_s,
        )
    label = "NER" if ner_available() else "no NER"
    print(f"{'type':16} {'recall':>7} {'precision':>9}   (EdgeKit, {label})")
    for etype in sorted(set(best.tp) | set(best.fn) | set(best.fp)):
        print(f"{etype:16} {best.recall({etype}):7.3f} {best.precision({etype}):9.3f}")
    print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
