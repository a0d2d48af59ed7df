"""The sealed unseen corpus: ``sealed(n)`` documents from a fixed seed.

Each document's ``genre`` is ``"<form>/<locale>"`` (``"<form>/<lang>+<people>"`` when the
people come from another locale than the document's language); ``template`` is the form's
index in ``FORMS``.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from privacy.yardstick.corpus import Document

from . import forms_dev as dev
from . import forms_office as office
from . import forms_records as rec
from . import forms_talk as talk
from .builder import Ctx, ocr_noise, pdf_wrap
from .values import LOCALE_COUNTRIES, Person

SEED = 20_261_206
MIN_CHARS, MAX_CHARS = 200, 2500

Form = Callable[[Ctx], None]

# (genre form name, builder, weight). The other corpora lean on emails, logs, .env: light here.
FORMS: list[tuple[str, Form, float]] = [
    ("hl7", rec.hl7, 3),
    ("fhir", rec.fhir, 3),
    ("xml", rec.xml_export, 2),
    ("tsv", rec.tsv, 2.5),
    ("fixedwidth", rec.fixed_width, 2),
    ("school", rec.school, 2),
    ("claim", rec.claim, 2),
    ("police", rec.police, 2),
    ("court", rec.court, 1.5),
    ("issue", dev.issue, 3),
    ("review", dev.review, 2),
    ("gitlog", dev.gitlog, 3),
    ("curl", dev.curl, 2),
    ("har", dev.har, 2),
    ("k8s", dev.k8s, 2),
    ("fixture", dev.pydict, 2),
    ("protobuf", dev.proto, 2),
    ("ini", dev.ini, 2),
    ("mbox", dev.mbox, 2),
    ("envlog", dev.envlog, 1),
    ("slack", talk.slack_json, 3),
    ("chat", talk.chat_text, 3),
    ("sms", talk.sms, 3),
    ("voicemail", talk.voicemail, 2),
    ("call", talk.call_transcript, 2),
    ("minutes", talk.minutes, 2.5),
    ("cv", office.cv, 2),
    ("bank", office.bank, 2),
    ("invoice", office.invoice, 1.5),
    ("itinerary", office.itinerary, 2.5),
    ("rental", office.rental, 2),
    ("pdf", office.letter, 2.5),
    ("ocr", office.scan, 2.5),
    ("email", office.email_light, 1),
]

MAIN = {"en": 22, "de": 10, "es": 9, "fr": 8, "it": 7, "nl": 7, "pt": 7}
OTHER = [
    "sv",
    "da",
    "no",
    "fi",
    "cs",
    "ro",
    "el",
    "ru",
    "uk",
    "ja",
    "ko",
    "zh",
    "hi",
    "ar",
    "he",
    "vi",
    "id",
]
MIXED_SHARE = 0.06

PDF_HEADERS = [
    "Page 2 of 3",
    "— 2 —",
    "Seite 2 von 3 · Vertraulich",
    "Página 2/3",
    "CONFIDENTIAL · page 2",
]


def _quota(weights: dict[str, float], n: int) -> list[str]:
    """``n`` labels in proportion to ``weights`` (largest remainder), in a fixed order."""
    total = sum(weights.values())
    exact = {k: n * w / total for k, w in weights.items()}
    counts = {k: int(x) for k, x in exact.items()}
    rest = sorted(weights, key=lambda k: (counts[k] - exact[k], k))
    for k in rest[: n - sum(counts.values())]:
        counts[k] += 1
    return [k for k in weights for _ in range(counts[k])]


def plan(n: int, seed: int = SEED) -> list[tuple[str, str]]:
    """(form, locale group) per document: forms and locales by quota, shuffled apart."""
    rng = Random(f"{seed}:plan")
    forms = _quota({name: w for name, _, w in FORMS}, n)
    groups = {
        **{k: w * 0.70 / sum(MAIN.values()) for k, w in MAIN.items()},
        **{k: 0.24 / len(OTHER) for k in OTHER},
        "mixed": MIXED_SHARE,
    }
    locales = _quota(groups, n)
    rng.shuffle(forms)
    rng.shuffle(locales)
    return list(zip(forms, locales, strict=True))


def _mixed(rng: Random) -> tuple[str, str]:
    lang = rng.choice(["en", "en", "de", "fr", "es", "nl", "it", "pt"])
    return lang, rng.choice([x for x in OTHER + list(MAIN) if x != lang])


class MixedCtx(Ctx):
    """People from two locales: the document's language and another."""

    def person(self, locale: str = "") -> Person:
        if not locale and self.rng.random() < 0.4:
            return super().person(self.lang)
        return super().person(locale)


def build(index: int, form: str, group: str, seed: int = SEED, *, raw: bool = False) -> Document:
    """Document ``index``: retries its own sub-seeds until it fits the length bounds.

    ``raw`` returns the same document before the PDF or OCR transform (for the tests)."""
    form_i = [f[0] for f in FORMS].index(form)
    builder = FORMS[form_i][1]
    for attempt in range(50):
        rng = Random(f"{seed}:{index}:{attempt}")
        lang, people = _mixed(rng) if group == "mixed" else (group, group)
        country = rng.choice(LOCALE_COUNTRIES[people])
        cls = MixedCtx if people != lang else Ctx
        c = cls(rng=rng, lang=lang, country=country, locale=people)
        builder(c)
        genre = f"{form}/{lang}" if lang == people else f"{form}/{lang}+{people}"
        doc = c.document(genre, form_i)
        before = doc
        if form == "pdf":
            doc = pdf_wrap(doc, rng, rng.randint(60, 78), rng.choice(PDF_HEADERS))
        elif form == "ocr":
            doc = ocr_noise(doc, rng)
        if MIN_CHARS <= len(doc.text) <= MAX_CHARS:
            return before if raw else doc
    raise RuntimeError(f"document {index} never fit {MIN_CHARS}-{MAX_CHARS} characters")


def sealed(n: int = 400) -> list[Document]:
    """The sealed corpus: ``n`` documents, fixed seed. Score it; never print its values."""
    return [build(i, form, group) for i, (form, group) in enumerate(plan(n))]
