"""Loft forms, part D: call transcripts, scanned letters, mixed-script rosters."""

from __future__ import annotations

from random import Random

from . import gen as g
from .common import COMPANIES, dob, form, money, ticket_no, when
from .doc import Doc, P, T
from .locales import address, email, latin, person, phone

SPOKEN = {
    "0": "zero",
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
}


@form(3)
def customer_call_transcript(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "en_US", "en_IN"])
    c = person(r, loc)
    agent = person(r, loc, avoid={c.given, c.family})
    d = Doc()
    t = ticket_no(r)
    d(
        "Call recording transcript (auto) — ref ",
        T("ticket_no", t),
        "\n\nAGENT: Thanks for calling ",
        T("company", r.choice(["Aviva", "Tesco Mobile", "Comcast", "Airtel"])),
        ", my name is ",
        P("person", agent.given),
        ". Can I take your full name?\nCALLER: yeah it's ",
        P("person", c.full.lower()),
        "\n",
    )
    if v == 0:
        num = "".join(ch for ch in phone(r, loc, False) if ch.isdigit())
        spoken = " ".join(SPOKEN[ch] for ch in num)
        d(
            "AGENT: And a contact number?\nCALLER: ",
            P("phone", spoken),
            "\nAGENT: Lovely. And the email on the account?\nCALLER: ",
            P("email", f"{latin(c.given)} dot {latin(c.family)} at gmail dot com", ("PERSON",)),
            "\n",
        )
    elif v == 1:
        d(
            "AGENT: For security, your date of birth?\nCALLER: ",
            P("dob", g.fmt_date(g.birth_date(r), "long-en")),
            "\nAGENT: And the first line of your address?\nCALLER: ",
            P("street", address(r, "en_GB" if loc != "en_US" else "en_US").split(",")[0]),
            "\nAGENT: Thank you. I can see the bill of ",
            T("price", money(r, "£", 30, 400)),
            ".\n",
        )
    else:
        d(
            "AGENT: Can you read me the long number on the card?\nCALLER: ",
            P("card", g.card(r, "visa")),
            "\nAGENT: Sorry, we don't actually need that, please don't read card numbers out. Your "
            "account number is enough.\nCALLER: oh. it's ",
            P("customer_no", g.digits(r, 10, True), ("PHONE",)),
            "\n",
        )
    if v != 2:
        d(
            "CALLER: do you need my online password as well? it's ",
            P("password", g.human_password(r)),
            "\nAGENT: No, please never share your password with anyone, including us.\n",
        )
    d(
        "AGENT: I've noted everything under ",
        T("ticket_no", ticket_no(r)),
        ". Anything else?\nCALLER: no that's it\n\nsummarise this call in three bullet points\n",
    )
    return d


@form(3)
def scanned_letter_ocr(r: Random, v: int) -> Doc:
    loc = r.choice(["fr_FR", "nl_NL", "en_GB", "it_IT", "de_DE"]) if v == 1 else "de_DE"
    cc = loc[-2:]
    p = person(r, loc)
    d = Doc()
    iban = g.iban(r, cc if cc in g.IBAN_BBAN else "DE")
    parts = iban.split(" ")
    cut = r.randint(2, len(parts) - 2)
    iban_wrapped = " ".join(parts[:cut]) + "\n" + " ".join(parts[cut:])
    d(
        "(text from a scanned letter, OCR — sorry for the mess)\n\n",
        T("company", r.choice(COMPANIES)),
        " · Kundenservice · Postfach ",
        T("po_box", g.digits(r, 5)),
        "\n\n",
    )
    if v == 0:
        d(
            P("person", p.full.upper()),
            "\n",
            P("address", address(r, loc, "\n")),
            "\n\nIhre Kunden-\nnummer: ",
            P("customer_no", g.digits(r, 10, True), ("PHONE",)),
            "   Datum: ",
            T("date", when(r, "dot")),
            "\n\nSehr geehrte/r ",
            P("person", p.family),
            ",\nwir buchen den Betrag von ",
            T("amount", money(r, "€", 10, 900)),
            " von Ihrem Konto\n",
            P("iban", iban_wrapped),
            "\nab. Mandatsreferenz ",
            T("mandate_ref", f"M-{g.digits(r, 9)}"),
            ".\n",
        )
    elif v == 1:
        d(
            "Re: your claim ",
            T("claim_no", f"CL/{g.digits(r, 6)}/26"),
            "\n\nDear ",
            "Ms " if p.female else "Mr ",
            P("person", p.family),
            "\nWe confirm payment to account\n",
            P("iban", iban_wrapped),
            "\nin the name of ",
            P("person", p.full),
            ". Date of birth on file:\n",
            P("dob", dob(r, loc)),
            "\nPolicy holder tel. ",
            P("phone", phone(r, loc)),
            "\n",
        )
    else:
        d(
            "Betreff: Mahnung\n",
            P("person", f"{p.given[0]}. {p.family}"),
            ", ",
            P("address", address(r, loc)),
            "\nRechnungsnr. ",
            T("invoice_no", f"{g.digits(r, 10)}"),
            " offen seit ",
            T("date", when(r, "dot")),
            "\nBitte überweisen Sie ",
            T("amount", money(r, "€", 10, 300)),
            " sofort. Rückfragen: ",
            T("hotline_hours", "Mo–Fr 8–18 Uhr"),
            "\n",
        )
    d("\nwhat do they want from me?\n")
    return d


MIXED = [
    ("محمد العتيبي", "ar"),
    ("فاطمة الزهراء", "ar"),
    ("Γιώργος Παπαδόπουλος", "el"),
    ("Ελένη Κωνσταντίνου", "el"),
    ("김민준", "ko"),
    ("이서연", "ko"),
    ("प्रिया शर्मा", "hi"),
    ("राहुल वर्मा", "hi"),
    ("יעל כהן", "he"),
    ("Nguyễn Thị Hương", "vi"),
    ("Trần Văn Minh", "vi"),
    ("Олена Шевчук", "uk"),
    ("Søren Kjærgaard", "da"),
    ("Siobhán Ní Bhriain", "ga"),
]


@form(2)
def community_roster(r: Random, v: int) -> Doc:
    loc = r.choice(["en_GB", "de_DE", "nl_NL", "sv_SE"])
    d = Doc()
    d(
        "Volunteer rota — ",
        T("event", r.choice(["food bank", "Tafel", "Voedselbank", "refugee welcome café"])),
        ", ",
        T("month", "December"),
        "\n\n",
    )
    names = r.sample(MIXED, r.randint(4, 6))
    for i, (name, _) in enumerate(names):
        d(
            T("weekday", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][i]),
            " ",
            T("time", "09:00–12:00"),
            "  ",
            P("person", name),
            "  ",
            P("phone", phone(r, loc)),
        )
        if v == 1 and i % 2 == 0:
            d(
                "  (translator: ",
                T("language", r.choice(["Arabic", "Greek", "Korean", "Ukrainian"])),
                ")",
            )
        d("\n")
    coord = person(r, loc)
    d(
        "\nCoordinator: ",
        P("person", coord.full),
        ", ",
        P("email", email(r, coord)),
        "\n\nplease make a printable table, sorted by day\n",
    )
    return d
