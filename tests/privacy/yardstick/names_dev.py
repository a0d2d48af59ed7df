# ruff: noqa: E501  (template and value data: long literals read better whole)
"""A second dev corpus, for names only: how chat, team tools and logs name people.

Written for the cases the first yardstick leaks on (lower-case chat, names
the model and the lists may not know, names that are ordinary words, other
scripts, account names), with its own name pools: written here from memory
across regions, not taken from Faker or from EdgeKit's lists, so a name
here may well be unknown to the filter. Read it and tune on it; the sealed
part of the first yardstick stays the judge.
"""

from __future__ import annotations

from random import Random

from .corpus import PERSON, Document, Planted, Trap

EMAIL = frozenset({"EMAIL"})
IP = frozenset({"IP_ADDRESS"})

GIVEN = [
    # West, East and Southern Africa
    "Chiamaka",
    "Oluwaseun",
    "Adaeze",
    "Kwabena",
    "Ama",
    "Thandeka",
    "Nomvula",
    "Sipho",
    "Tendai",
    "Wanjiru",
    "Njeri",
    "Kofi",
    "Ayodele",
    "Zanele",
    "Lindiwe",
    "Babajide",
    # South Asia
    "Aarav",
    "Ishaan",
    "Meenakshi",
    "Harpreet",
    "Lakshmi",
    "Gurpreet",
    "Devika",
    "Sanjay",
    "Anirudh",
    "Pooja",
    "Tanvir",
    "Farhana",
    # East and South-East Asia, romanised
    "Haruto",
    "Yuki",
    "Ren",
    "Jiwoo",
    "Seo-yeon",
    "Minh",
    "Xiaoling",
    "Wei",
    "Jun",
    "Thanh",
    "Hoa",
    "Bayani",
    "Ligaya",
    "Somchai",
    # Slavic and Baltic
    "Oksana",
    "Bohdan",
    "Radek",
    "Zdenka",
    "Milica",
    "Dragan",
    "Jelena",
    "Vesna",
    "Rasa",
    "Ieva",
    "Przemek",
    "Wojtek",
    "Grzegorz",
    # Nordic, Celtic
    "Sigrún",
    "Eivind",
    "Solveig",
    "Torbjørn",
    "Siobhán",
    "Niamh",
    "Caoimhe",
    "Ruairí",
    "Oisín",
    "Aoife",
    "Ingeborg",
    "Fredrik",
    # Arabic, Persian, Turkish, Hebrew (romanised)
    "Yousef",
    "Layla",
    "Khaled",
    "Noor",
    "Rania",
    "Bilal",
    "Dariush",
    "Shirin",
    "Emre",
    "Elif",
    "Oğuzhan",
    "Yael",
    "Itai",
    "Noa",
    # Iberian, Latin American, Basque, Catalan
    "Yesenia",
    "Maite",
    "Xiomara",
    "Iker",
    "Jordi",
    "Montserrat",
    "Nuria",
    "Joaquim",
    "Leonor",
    "Abril",
    "Yadira",
    "Ximena",
    # Dutch, German, French, Italian less common
    "Joris",
    "Femke",
    "Sanne",
    "Wiebke",
    "Hauke",
    "Gwenaëlle",
    "Maëlys",
    "Corentin",
    "Ludovica",
    "Ottavio",
    "Benedetta",
]
# Given names that are everyday English (or other) words.
WORD_GIVEN = [
    "Bliss",
    "Story",
    "Ocean",
    "Reign",
    "Journey",
    "Sunny",
    "Cash",
    "Brook",
    "Glen",
    "Honey",
    "Storm",
    "Sky",
    "Blaze",
    "Misty",
    "Rain",
    "Dusty",
    "Sandy",
    "Patience",
    "Sol",
    "Mar",
    "Paloma",
    "Lluvia",
]
FAMILY = [
    "Okonkwo",
    "Adebayo",
    "Mensah",
    "Nkosi",
    "Mutasa",
    "Kamau",
    "Iyer",
    "Chaudhary",
    "Banerjee",
    "Sandhu",
    "Tanaka",
    "Nakamura",
    "Park",
    "Nguyen",
    "Tran",
    "Zhou",
    "Lim",
    "Santos",
    "Kovalenko",
    "Dvořák",
    "Horvat",
    "Jovanović",
    "Kazlauskas",
    "Wiśniewska",
    "Haugen",
    "Lindqvist",
    "Ní Bhriain",
    "O'Sullivan",
    "Haddad",
    "Farahani",
    "Yıldız",
    "Ben-David",
    "Mizrahi",
    "Etxeberria",
    "Puigdemont",
    "Quispe",
    "Verhoeven",
    "Janssens",
    "Brinkmann",
    "Le Goff",
    "Esposito",
    "Marchetti",
    "Kowalewski",
    "Achterberg",
]
NON_LATIN = [
    "Богдан",
    "Оксана Ковальчук",
    "Ярослава",
    "Σταύρος",
    "Δέσποινα Νικολάου",
    "يوسف",
    "ليلى حداد",
    "נועה",
    "איתי מזרחי",
    "अर्जुन",
    "मीनाक्षी अय्यर",
    "สมศักดิ์",
    "카이",
    "박지우",
    "张伟",
    "刘洋",
    "高橋 蓮",
    "さくら",
]
TEMPLATES: dict[str, list[str]] = {
    "chat": [
        "tell {l} i'm running late, the bus broke down",
        "can you ask {l} if the dinner is still on",
        "remind {l} about the dentist tomorrow pls",
        "text {l} that the keys are under the mat",
        "ok so {l} just said she can't make it. what now",
        "{l} and {l} are coming too, book a bigger table",
        "hey {l}, are you free on saturday?",
        "thx {l}! see u later",
        "i had lunch with {l} yesterday and she mentioned the move",
        "went to the cinema with {F} last night, what should I get her for her birthday?",
        "{F} keeps forgetting the meeting. how do I bring it up nicely",
        "my colleague {N} wants feedback on her slides, help me phrase it",
        "draft a reply to {W} {S}, she asked about the invoice",
        "write a congratulations note for {W}, she got the job",
        "dile a {l} que llego tarde",
        "pregúntale a {l} si viene mañana",
        "dis à {l} que je passe ce soir",
        "demande à {l} s'il a les clés",
        "sag {l} bitte, dass das Meeting verschoben ist",
        "frag mal {l} ob sie morgen kommt",
        "di' a {l} che arrivo alle otto",
        "chiedi a {l} se ha visto il mio ombrello",
        "zeg tegen {l} dat ik later kom",
        "my name is {N}, help me write a cover letter",
        "'{F}, could you send me the file again?' — make this sound more polite",
        "{X} asked me to proofread her essay, any tips?",
        "translate for my friend {X}: the museum opens at nine",
    ],
    "team": [
        "@{h} can you take a look at the flaky test?",
        "thanks @{h} and @{h} for the quick review",
        "cc @{h} — the deploy is blocked on your approval",
        "Merge pull request #{n} from {h}/fix-login",
        "Co-authored-by: {N} <{e}>",
        "Reviewed-by: {N}",
        "assigned to {N} in the last sprint planning",
        "{F} is out sick today, {F} covers the on-call",
        "Grüezi {F}, danke für die schnelle Antwort.",
        "Servus {F}! Passt das Meeting um 10?",
        "Moin {F}, kurze Frage zum Ticket.",
        "Buongiorno {F}, le invio il documento.",
        "Olá {F}, tudo bem? Segue o relatório.",
        "Hej {F}, tack för igår!",
        "Hi {F},\n\nplease find the notes attached.\n\nBest,\n{N}",
        "Kind regards,\n{N}\nHead of Operations",
        "Saludos,\n{N}",
    ],
    "log": [
        "sshd[{n}]: Failed password for {h} from {ip} port 51544 ssh2",
        "sshd[{n}]: Failed password for invalid user {h} from {ip} port 2222 ssh2",
        "sshd[{n}]: Accepted publickey for {h} from {ip} port 50022 ssh2",
        "sudo:   {h} : TTY=pts/1 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/apt update",
        "pam_unix(sshd:session): session opened for user {h}(uid=1001) by (uid=0)",
        "2024-03-12T10:02:13Z INFO user={h} action=login result=ok",
    ],
}
# Text with no person in it, written to tempt a name finder.
TRAPS = [
    "tell me if this will work, i hope so",
    "ask around and see who has a spare charger",
    "with grace and patience, everything works out",
    "the word 'Sehnsucht' has no english equivalent",
    "how do I say 'cheers' in Japanese? is it 乾杯?",
    "@Override\npublic String toString() { return name; }",
    "npm install @babel/core --save-dev",
    "sshd[22]: Accepted publickey for root via the bastion, port 22",
    "postmaster@example.org bounced the message, check the MX record",
    "my mom and dad want to visit in june",
    "storm warning: heavy rain and sunny spells later",
    "Brook trout and glen views — plan a hike",
]


def _handle(rng: Random) -> str:
    name = rng.choice(GIVEN).lower().replace("-", "")
    style = rng.randrange(3)
    if style == 0:
        return name
    if style == 1:
        return f"{name}.{rng.choice(FAMILY).lower().split()[-1].replace(chr(39), '')}"
    return f"{name[0]}{rng.choice(FAMILY).lower().split()[-1].replace(chr(39), '')}{rng.randrange(10, 99)}"


def _value(slot: str, rng: Random) -> str | None:
    """The planted value of a {slot}; None for fillers that are not personal."""
    if slot == "l":
        return rng.choice(GIVEN + WORD_GIVEN).lower()
    if slot == "F":
        return rng.choice(GIVEN)
    if slot == "W":
        return rng.choice(WORD_GIVEN)
    if slot == "S":
        return rng.choice(FAMILY)
    if slot == "N":
        return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    if slot == "X":
        return rng.choice(NON_LATIN)
    if slot == "h":
        return _handle(rng)
    return None


def _filler(slot: str, rng: Random) -> tuple[str, frozenset[str] | None]:
    """A value that is not a name: its text and the types that count as finding it."""
    if slot == "n":
        return str(rng.randrange(100, 9999)), None
    if slot == "ip":
        return (
            f"{rng.choice((10, 172, 203))}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}",
            IP,
        )
    return f"{_handle(rng)}@example.net", EMAIL


def render(template: str, genre: str, index: int, rng: Random) -> Document:
    """Fill one template; every name, handle and word-name is a planted PERSON (addresses
    and IPs of the log lines are planted with their own types)."""
    out: list[str] = []
    planted: list[Planted] = []
    pos, rest = 0, template
    while "{" in rest:
        head, _, tail = rest.partition("{")
        slot, _, rest = tail.partition("}")
        out.append(head)
        pos += len(head)
        value = _value(slot, rng)
        types: frozenset[str] | None = PERSON
        if value is None:
            value, types = _filler(slot, rng)
        if types is not None:
            planted.append(Planted(f"names-{slot}", pos, pos + len(value), types, False))
        text = value
        out.append(text)
        pos += len(text)
    out.append(rest)
    return Document("".join(out), genre, tuple(planted), (), index)


def generate(n: int = 400, seed: int = 4_711) -> list[Document]:
    """``n`` documents (chat, team tools, logs, and name-free traps)."""
    rng = Random(seed)
    genres = sorted(TEMPLATES)
    docs = []
    for i in range(n):
        if i % 8 == 7:
            index = rng.randrange(len(TRAPS))
            text = TRAPS[index]
            docs.append(Document(text, "trap", (), (Trap("no-name", 0, len(text)),), index))
            continue
        genre = genres[i % len(genres)]
        index = rng.randrange(len(TEMPLATES[genre]))
        docs.append(render(TEMPLATES[genre][index], genre, index, rng))
    return docs
