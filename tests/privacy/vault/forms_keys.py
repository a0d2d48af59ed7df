"""Pastes that are mostly credentials: leaked-key triage and password-manager exports."""

from __future__ import annotations

from random import Random

from . import people as ppl
from . import secrets_ as sec
from . import traps as tr
from .build import Look, Page


def leaked_keys(r: Random, v: int) -> Page:
    """A list of keys found in a public repository, pasted for triage."""
    who = ppl.person(r)
    p = Page()
    p.line(
        (
            "GitGuardian flagged these in our public repo, which do I rotate first?",
            "Diese Keys lagen in einem öffentlichen Repo – welche zuerst rotieren?",
        )[v]
        + "\n"
    )
    kinds = list(range(sec.TOKEN_KINDS))
    r.shuffle(kinds)
    for kind in kinds[:6]:
        p.line(
            "- ",
            sec.api_token(r, kind),
            "  (",
            tr.short_sha(r),
            ", file config/",
            r.choice(("prod", "dev", "ci")),
            ".yml)",
        )
    key_id, key = sec.aws_pair(r)
    p.line("- ", key_id, " / ", key)
    p.line("- ", sec.webhook(r))
    p.line("- ", tr.doc_key(), "  (README example)")
    p.line("- ", tr.placeholder(r), "  (.env.example)")
    p.line(
        ("Committed by ", "Committet von ")[v],
        who.full(),
        " <",
        ppl.email(r, who),
        ">, ",
        tr.timestamp(r),
    )
    return p


_SITES = {
    "Netflix": "www.netflix.com",
    "Amazon": "www.amazon.de",
    "PayPal": "www.paypal.com",
    "Gmail": "accounts.google.com",
    "Booking.com": "account.booking.com",
    "Zalando": "www.zalando.de",
    "Wallapop": "es.wallapop.com",
    "Steam": "store.steampowered.com",
}


def password_export(r: Random, v: int) -> Page:
    """A password-manager CSV export pasted to find weak passwords."""
    me = ppl.person(r, ("en", "de", "es")[v])
    p = Page()
    p.line(
        (
            "Which of these passwords are weak or reused?",
            "Welche dieser Passwörter sind schwach?",
            "¿Cuáles de estas contraseñas son débiles?",
        )[v]
        + "\n"
    )
    p.line("name,url,username,password,totp,modified")
    mail = ppl.email(r, me, ("en", "de", "es")[v])
    for site in r.sample(sorted(_SITES), 5):
        login = mail if r.random() < 0.7 else ppl.email(r, me, ("en", "de", "es")[v])
        p.line(
            Look("company", site),
            ",https://",
            _SITES[site],
            ",",
            login,
            ",",
            sec.pw(r),
            ",,",
            tr.plain_date(r, 1),
        )
    p.line("# exported by ", me.full(), " on ", tr.plain_date(r, 4), ", vault ", tr.uuid(r))
    return p


FORMS = (
    (leaked_keys, 2),
    (password_export, 3),
)
