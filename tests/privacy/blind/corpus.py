"""The sealed blind corpus: ``sealed(n)`` renders ``n`` documents from a fixed seed."""

from __future__ import annotations

import re
from random import Random
from urllib.parse import quote_plus

from privacy.yardstick.corpus import Document, Planted, Trap

from . import values as v
from .names import WORD_NAMES_F, WORD_NAMES_M
from .prose import FILLER, PROSE, REQUESTS, SECRETS_PROSE, TECH_REQUESTS
from .structured import STRUCTURED

SEED = 202_612_061
MAX_CHARS = 3000
LONGEST = 2500
MIN_CHARS = 150
LANGS = ("en", "de", "es", "fr", "it")

_MARK = re.compile(r"«(~?)([a-z]+)(\d?)(?:\|(\w+))?»")

# extra sentences appended to prose, per language
TAILS: dict[str, tuple[str, ...]] = {
    "en": (
        "P.S. «xname» from the other office says hi.",
        "Did you see «public» on the news last night? Unbelievable.",
        "I'll bring the «~brand» ice cream 🍨",
        "My passport no. for the travel agent: «pass».",
        "I'm turning «~measure|age» this year (born «byear») 😅",
        "We parked at «geo» if you can't find us.",
        "Flight «~flight» lands at «~iata» «~time».",
        "Book club pick: ISBN «~isbn».",
        "«wname» and «wname2» said they'd come too.",
        "Sent from my iPhone",
        "Forwarding this from «nick», hope that's ok.",
    ),
    "de": (
        "PS: «xname» lässt grüßen.",
        "Hast du «public» gestern im Fernsehen gesehen?",
        "Treffpunkt: «geo» (Parkplatz).",
        "Ich bringe «~brand» Pudding mit 😄",
        "Flug «~flight» landet um «~time» in «~iata».",
        "«wname» kommt übrigens auch.",
        "Von meinem iPhone gesendet",
    ),
    "es": (
        "PD: «xname» te manda saludos.",
        "¿Viste a «public» ayer en la tele?",
        "Estamos en «geo» 📍",
        "El vuelo «~flight» llega a «~iata» a las «~time».",
        "«wname» también viene, y «nick».",
        "Enviado desde mi móvil",
    ),
    "fr": (
        "PS : «xname» te passe le bonjour.",
        "Tu as vu «public» hier soir au journal ?",
        "On est garés ici : «geo».",
        "Vol «~flight», arrivée «~iata» à «~time».",
        "«wname» vient aussi 🙂",
        "Envoyé de mon iPhone",
    ),
    "it": (
        "PS: «xname» ti saluta.",
        "Hai visto «public» ieri al telegiornale?",
        "Siamo parcheggiati qui: «geo».",
        "Il volo «~flight» atterra a «~iata» alle «~time».",
        "Viene anche «wname» 😊",
        "Inviato da iPhone",
    ),
}

PROSE_WEIGHTS = {
    "email": 22,
    "dm": 8,
    "note": 5,
    "cover_letter": 5,
    "doctor_letter": 6,
    "contract": 5,
    "payslip": 4,
    "tax_form": 3,
    "review": 4,
    "forum": 3,
    "social": 3,
    "announcement": 4,
    "support_chat": 4,
    "id_form": 7,
}
STRUCT_WEIGHT = 1.3


class Builder:
    """Accumulates text and the spans of what was planted in it."""

    def __init__(self, ctx: v.Ctx, flat: bool = False, mess: float = 0.0, quote: bool = False):
        self.ctx = ctx
        self.flat = flat
        self.mess = mess
        self.quote = quote
        self.parts: list[str] = []
        self.size = 0
        self.planted: list[Planted] = []
        self.traps: list[Trap] = []
        self.geo: dict[int, tuple[str, str]] = {}
        self.handles: dict[int, str] = {}
        self.keep_traps = 1.0  # share of trap markers recorded (the rest stay unlabelled text)

    def text(self, s: str) -> None:
        if self.quote:
            s = s.replace("\n", "\n> ")
        self.parts.append(s)
        self.size += len(s)

    def _literal(self, s: str) -> str:
        r = self.ctx.rng
        if self.mess <= 0 or not s:
            return s
        words = s.split(" ")
        out = []
        for w in words:
            if len(w) > 4 and w.isalpha() and r.random() < self.mess:
                j = r.randrange(len(w) - 1)
                w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            out.append(w)
        s = " ".join(out)
        if r.random() < self.mess * 2:
            s = s.lower()
        return s

    def value(self, slot: str, text: str, types: frozenset[str], secret: bool) -> None:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        self.planted.append(Planted(slot, start, self.size, types, secret))

    def trap(self, kind: str, text: str) -> None:
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        self.traps.append(Trap(kind, start, self.size))

    def render(self, template: str) -> None:
        pos = 0
        for m in _MARK.finditer(template):
            self.text(self._literal(template[pos : m.start()]))
            pos = m.end()
            is_trap, name, idx_s, mod = m.group(1), m.group(2), m.group(3), m.group(4)
            idx = int(idx_s) if idx_s else 1
            if is_trap and self.ctx.rng.random() >= self.keep_traps:
                self.text(self._trap_text(name, mod))
            elif is_trap:
                self.trap(name, self._trap_text(name, mod))
            else:
                self._slot(name, idx, mod)
        self.text(self._literal(template[pos:]))

    def _trap_text(self, kind: str, mod: str | None) -> str:
        ctx = self.ctx
        if mod == "age":
            return str(2026 - ctx.person(1).dob[0])
        t = v.TRAPS[kind](ctx)
        if mod == "n":
            t = "".join(ch for ch in t if ch.isdigit() or ch == ".").strip(".") or "30"
            if kind == "amount":
                t = f"{ctx.rng.randint(5, 900)}.{ctx.rng.randint(0, 99):02d}"
        elif mod == "u":
            t = quote_plus(t)
        elif mod and mod.isdigit():
            t = (t * 2)[: int(mod)]
        return t

    def _slot(self, name: str, idx: int, mod: str | None) -> None:
        ctx = self.ctx
        if name == "geo" and mod in ("lat", "lng"):
            pair = self.geo.setdefault(idx, v.geo_pair(ctx))
            self.value("geo", pair[0] if mod == "lat" else pair[1], v.GEO, False)
            return
        if name == "wname":
            pool = WORD_NAMES_F if ctx.rng.random() < 0.5 else WORD_NAMES_M
            word = ctx.rng.choice(pool)
            self.value("wname", word.lower() if mod == "low" else word, v.PERSON, False)
            return
        gen, types, secret = v.SLOTS[name]
        text = gen(ctx, idx)
        if self.flat and name == "lname":
            text = self.handles.get(idx, "")
            if not text:
                person = ctx.person(idx)
                text = v.ascii_fold(person.first.split()[0]).lower()
                if ctx.rng.random() < 0.5:
                    last = v.ascii_fold(person.last.replace(" ", "")).lower()
                    text += last[: ctx.rng.randint(1, 5)]
                self.handles[idx] = text
        if self.flat and name != "pem":
            text = text.replace("\n", ", ")
        if self.quote:
            text = text.replace("\n", ", ")
        if mod == "u":
            text = quote_plus(text)
        elif mod == "low":
            text = text.lower()
        self.value(name, text, types, secret)

    def document(self, genre: str, template: int) -> Document:
        return Document(
            "".join(self.parts), genre, tuple(self.planted), tuple(self.traps), template
        )


def _pick_lang(r: Random) -> tuple[str, str, bool]:
    """(content language, request language, mixed)."""
    x = r.random()
    if x < 0.45:
        return "en", "en", False
    if x < 0.90:
        lang = r.choice(LANGS[1:])
        return lang, lang, False
    a, b = r.sample(LANGS, 2)
    if "en" not in (a, b) and r.random() < 0.6:
        b = "en"
    return a, b, True


def _country(r: Random, lang: str, template: str) -> str:
    if lang != "en":
        return lang
    if any(k in template for k in ("«nhs", "«nino", "NHS", "£")):
        return "uk"
    if any(k in template for k in ("«ssn", "«itin", "W-9")):
        return "us"
    return r.choice(("us", "uk"))


_QUOTE_INTRO = {
    "en": "On Mon, someone wrote:",
    "de": "Am Montag schrieb jemand:",
    "es": "El lunes, alguien escribió:",
    "fr": "Le lundi, quelqu'un a écrit :",
    "it": "Lunedì qualcuno ha scritto:",
}
# machine-shaped forms that grow by repeating their chunk (more rows, more lines)
_REPEATABLE = frozenset(
    {
        "nginx_log",
        "apache_log",
        "syslog",
        "logcat",
        "journalctl",
        "crm_export",
        "psql_result",
        "mysql_result",
        "pandas_print",
        "code_seed",
        "elastic_doc",
        "error_event",
    }
)


def _target_length(r: Random) -> int:
    x = r.random()
    if x < 0.35:
        return r.randint(MIN_CHARS, 400)
    if x < 0.75:
        return r.randint(400, 1200)
    return r.randint(1200, 2500)


_CONVERSATIONAL = frozenset(
    {"email", "dm", "note", "forum", "review", "social", "support_chat", "cover_letter"}
)


def _prose_body(b: Builder, r: Random, form: str, lang: str, req: str, target: int) -> None:
    if form not in _CONVERSATIONAL:
        return
    for tail in r.sample(TAILS[lang], r.choice((0, 0, 1, 1, 2))):
        b.text("\n\n" if r.random() < 0.5 else "\n")
        b.render(tail)
    if r.random() < 0.12:
        b.text("\n\n")
        b.render(r.choice(SECRETS_PROSE[lang]))
    fillers = list(FILLER[lang])
    r.shuffle(fillers)
    while b.size < target - 150 and fillers:
        if form == "email" and r.random() < 0.4:
            quoted_lang = req if r.random() < 0.5 else lang
            b.text("\n\n" + _QUOTE_INTRO[quoted_lang] + "\n> ")
            b.quote = True
            b.render(r.choice(PROSE["email"][quoted_lang]))
            b.quote = False
        else:
            b.text("\n\n")
            b.keep_traps = 0.15
            b.render(fillers.pop())
            b.keep_traps = 1.0


def _one(r: Random) -> Document:
    lang, req, mixed = _pick_lang(r)
    forms = list(PROSE_WEIGHTS) + list(STRUCTURED)
    weights = [float(w) for w in PROSE_WEIGHTS.values()] + [STRUCT_WEIGHT] * len(STRUCTURED)
    form = r.choices(forms, weights)[0]
    target = _target_length(r)
    flat = form not in PROSE
    if not flat:
        pool = PROSE[form].get(lang) or PROSE[form]["en"]
        t_index = r.randrange(len(pool))
        template = pool[t_index]
    else:
        t_index = 0
        template = STRUCTURED[form](r)
    ctx = v.Ctx(r, lang, _country(r, lang, template))
    mess = 0.0 if flat else r.choice((0.0, 0.0, 0.0, 0.02, 0.05))
    b = Builder(ctx, flat=flat, mess=mess)
    requests = TECH_REQUESTS[req] if flat else REQUESTS[req]
    prefix, suffix = r.choice(requests)
    if mixed and not prefix and not suffix:
        prefix, suffix = requests[0]
    b.text(prefix)
    fence = flat and r.random() < 0.5
    if fence:
        b.text("```\n")
    b.render(template)
    if flat:
        while form in _REPEATABLE and b.size < target - 200:
            b.text("\n")
            b.render(STRUCTURED[form](r))
    else:
        _prose_body(b, r, form, lang, req, target)
    if fence:
        b.text("\n```")
    while b.size < MIN_CHARS:
        b.text("\n\n")
        b.render(r.choice(TAILS[lang]))
    b.text(suffix)
    genre = f"{form}/{lang}+{req}" if mixed else f"{form}/{lang}"
    return b.document(genre, t_index)


def sealed(n: int = 300) -> list[Document]:
    """``n`` documents from the fixed seed; the same list on every call."""
    r = Random(SEED)
    docs: list[Document] = []
    while len(docs) < n:
        doc = _one(r)
        if len(doc.text) <= LONGEST:
            docs.append(doc)
    return docs
