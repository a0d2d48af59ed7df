"""Conversations: Slack/Teams/WhatsApp exports, SMS threads, voicemail and call transcripts,
meeting minutes."""

from __future__ import annotations

import json

from . import values as v
from .builder import Ctx, P, Piece, X
from .phrases import messages, say


def _pieces(c: Ctx, speaker: v.Person, other: v.Person) -> dict[str, Piece]:
    idlabel, nid = c.nid(speaker)
    return {
        "nick": c.nick(),
        "idlabel": idlabel,
        "nid": nid,
        "name": c.name(other, c.pick(["given", "given", "full", "lower"])),
        "phone": c.phone(speaker),
        "addr": c.addr(speaker),
        "email": c.email(speaker),
        "dob": c.dob(speaker),
        "date": c.xdate(),
        "amount": c.xamount(),
        "order": c.x("order"),
        "flight": c.x("flight"),
        "city": c.x("city"),
        "landmark": c.x("landmark"),
        "drug": c.x("drug"),
        "iban": c.iban(speaker),
        "plate": c.plate(speaker),
    }


def _json_piece(p: Piece) -> Piece:
    if isinstance(p, P):
        return P(p.slot, json.dumps(p.value, ensure_ascii=False)[1:-1], p.types, p.secret)
    if isinstance(p, X):
        return X(p.kind, json.dumps(p.value, ensure_ascii=False)[1:-1])
    return json.dumps(p, ensure_ascii=False)[1:-1]


def _say_json(c: Ctx, template: str, pieces: dict[str, Piece]) -> None:
    esc = json.dumps(template, ensure_ascii=False)[1:-1]
    say(c, esc, **{k: _json_piece(p) for k, p in pieces.items()})


def slack_json(c: Ctx) -> None:
    a, b = c.person(), c.person()
    uid = {
        id(a): "U0" + v.rs(c.rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8),
        id(b): "U0" + v.rs(c.rng, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 8),
    }
    tmpls = c.rng.sample(messages(c.lang), k=min(4, len(messages(c.lang))))
    c.line("[")
    for i, t in enumerate(tmpls):
        sp, ot = (a, b) if i % 2 == 0 else (b, a)
        c.add(
            '  {"type": "message", "user": "',
            uid[id(sp)],
            '", "user_profile": {"real_name": "',
            c.name(sp, "full"),
            '"}, "ts": "',
            X(
                "timestamp",
                f"{c.rng.randint(1_760_000_000, 1_770_000_000)}.{c.rng.randint(0, 999999):06d}",
            ),
            '", "text": "',
        )
        _say_json(c, t, _pieces(c, sp, ot))
        c.add('"}', "," if i < len(tmpls) - 1 else "", "\n")
    c.line("]")


def chat_text(c: Ctx) -> None:
    a, b = c.person(), c.person()
    style = c.pick(["whatsapp", "teams", "telegram"])
    tmpls = c.rng.sample(messages(c.lang), k=min(6, len(messages(c.lang))))
    c.line(
        c.pick(["Chat export", "WhatsApp chat", "Teams chat", "Gruppenchat", "Chat"]),
        " — ",
        c.x("timestamp"),
    )
    na = c.name(a, c.pick(["full", "given", "roman"]))
    nb_kind = c.pick(["full", "given"])
    for i, t in enumerate(tmpls):
        sp, ot = (a, b) if i % 2 == 0 else (b, a)
        who = P(na.slot, na.value, na.types) if sp is a else c.name(b, nb_kind)
        d = f"{c.rng.randint(1, 28):02d}/{c.rng.randint(1, 11):02d}/2026"
        tm = f"{c.rng.randint(7, 23):02d}:{c.rng.randint(0, 59):02d}"
        if style == "whatsapp":
            c.add("[", X("timestamp", f"{d}, {tm}"), "] ", who, ": ")
        elif style == "teams":
            c.add(who, "  ", X("timestamp", tm), "\n")
        else:
            c.add(who, ", [", X("timestamp", f"{d} {tm}"), "]\n")
        say(c, t, **_pieces(c, sp, ot))
        c.add("\n")


def sms(c: Ctx) -> None:
    me = c.person()
    other = c.person()
    c.line(
        c.loc(
            [
                "Messages with ",
                "Nachrichten mit ",
                "Mensajes con ",
                "Messages avec ",
                "Messaggi con ",
                "Berichten met ",
                "Mensagens com ",
            ]
        ),
        c.name(other, c.pick(["given", "full"])),
        " (",
        c.phone(other),
        ")",
    )
    tmpls = c.rng.sample(messages(c.lang), k=min(5, len(messages(c.lang))))
    for i, t in enumerate(tmpls):
        sp, ot = (other, me) if i % 2 == 0 else (me, other)
        c.add(
            c.pick(["> ", "< "]) if sp is other else "  ",
            X("timestamp", f"{c.rng.randint(7, 23)}:{c.rng.randint(10, 59)}"),
            "  ",
        )
        say(c, t, **_pieces(c, sp, ot))
        c.add("\n")
    c.line("Your parcel ", c.x("tracking"), " arrives ", c.xdate(), ". Reply STOP to opt out.")


def voicemail(c: Ctx) -> None:
    caller = c.person()
    c.line(
        c.loc(
            [
                "Voicemail transcript",
                "Transkription Sprachnachricht",
                "Transcripción del buzón de voz",
                "Transcription messagerie vocale",
                "Trascrizione segreteria",
                "Voicemail-transcriptie",
                "Transcrição do correio de voz",
            ]
        )
    )
    c.line(
        "From: ",
        c.phone(caller),
        "   Received: ",
        c.x("timestamp"),
        "   Duration: 0:",
        str(c.rng.randint(12, 59)),
    )
    c.line()
    c.add(
        '"',
        c.L("hello"),
        ", this is ",
        c.name(caller, c.pick(["full", "given", "lower"])),
        " calling about ",
        c.L("reference").lower(),
        " ",
        c.x("order"),
        ". ",
    )
    c.add(c.L("callback"), " — ", c.L("call_me"), " ", c.phone(caller), ", ")
    c.add("or email ", c.email(caller), ". ")
    if c.chance(0.6):
        c.add("For verification my ", c.L("dob").lower(), " is ", c.dob(caller), " and ")
        lab, nid = c.nid(caller)
        c.add("my ", lab, " is ", nid, ". ")
    c.add("I'm at ", c.addr(caller), " until ", c.x("timestamp"), ". ", c.L("thanks"), '!"\n')
    c.line("[confidence 0.87, language ", c.lang, "]")


def call_transcript(c: Ctx) -> None:
    agent = c.person()
    cust = c.person()
    c.line(
        "Call ",
        c.x("uuid"),
        " — ",
        c.x("timestamp"),
        " — queue: ",
        c.pick(["billing", "claims", "fraud"]),
    )
    c.line(
        "AGENT (",
        c.name(agent, c.pick(["given", "full"])),
        "): ",
        c.L("hello"),
        ", you're through to ",
        c.x("company"),
        ". Can I take your name?",
    )
    c.line("CUSTOMER: yes, it's ", c.name(cust, c.pick(["full", "lower"])), ".")
    c.line("AGENT: And the card number you're calling about?")
    c.line("CUSTOMER: ", c.card(), ".")
    c.line("AGENT: Thanks. For security, your date of birth?")
    c.line("CUSTOMER: ", c.dob(cust), ".")
    if c.chance(0.75):
        lab, nid = c.nid(cust)
        c.line("AGENT: And your ", lab, ", please?")
        c.line("CUSTOMER: ", nid)
    c.line("AGENT: And the postcode on the account?")
    c.line("CUSTOMER: It's ", c.addr(cust), ". I moved from ", c.x("city"), " last year.")
    c.line(
        "AGENT: I see a charge of ",
        c.xamount(),
        " on ",
        c.xdate(),
        " from ",
        c.x("company"),
        ". Is that yours?",
    )
    c.line("CUSTOMER: No! Can you send the refund to ", c.iban(cust), "?")
    c.line("AGENT: I'll raise dispute ", c.x("invoice"), ". Best number to reach you?")
    c.line("CUSTOMER: ", c.phone(cust), ", mornings.")


def minutes(c: Ctx) -> None:
    people = [c.person() for _ in range(c.rng.randint(3, 5))]
    c.line("# ", c.L("meeting"), " — ", c.xdate())
    c.add(c.L("attendees"), ": ")
    for i, p in enumerate(people):
        c.add(c.name(p, c.pick(["full", "full", "initial", "given"])))
        c.add(", " if i < len(people) - 1 else "\n")
    c.line("Apologies: ", c.name(c.person(), "full"))
    c.line()
    c.line("1. Budget: Q3 spend ", c.xamount(), " vs plan ", c.xamount(), ".")
    c.line(
        "2. Office move to ", c.addr(), " confirmed; parking permit for ", c.plate(people[0]), "."
    )
    c.line(
        "3. ",
        c.name(people[1], "given"),
        " will share the vendor contact (",
        c.email(people[1]),
        ", ",
        c.phone(people[1]),
        ").",
    )
    c.line(
        "4. New hire ",
        c.name(people[2], "full"),
        " starts ",
        c.xdate(),
        "; payroll needs ",
        c.nid(people[2])[1],
        " and ",
        c.iban(people[2]),
        ".",
    )
    c.line()
    c.line("## ", c.L("actions"))
    c.line("- [ ] ", c.name(people[0], "initials"), ": update roadmap to ", c.x("version"))
    c.line(
        "- [ ] ",
        c.name(people[-1], "initials"),
        ": book flight ",
        c.x("flight"),
        " (",
        c.x("iata"),
        ")",
    )
