"""Messages, mail threads and chats."""

# ruff: noqa: E501  (prose templates read best unbroken)

from __future__ import annotations

from . import ids as I  # noqa: N812
from . import people as P  # noqa: N812
from . import secrets_ as S  # noqa: N812
from . import traps as X  # noqa: N812
from .build import B, T, V, wrap

LOCS = ("de", "es", "fr", "it", "uk")
LANG = {
    "de": "de",
    "at": "de",
    "ch": "de",
    "es": "es",
    "fr": "fr",
    "it": "it",
    "uk": "en",
    "ie": "en",
    "us": "en",
}


def chat_lowercase(b: B) -> None:
    """A messenger export where people type names in lower case."""
    r = b.r
    v = b.variant(4)
    me, friend, third = P.person(r, ("de", "es", "it", "en")[v]), P.anyone(r), P.person(r)
    lines = {
        0: [
            "hast du die nummer von ⟪n⟫? ich brauch die für samstag",
            "ja klar: ⟪ph⟫",
            "danke!! und frag ⟪m⟫ ob sie den kuchen mitbringt lol",
            "mach ich. bestellnummer war übrigens ⟪o⟫",
        ],
        1: [
            "tía has hablado con ⟪n⟫??",
            "sí, me dijo que la llames al ⟪ph⟫ después de las 6",
            "vale. y ⟪m⟫ viene o no",
            "ni idea jaja, el pedido ⟪o⟫ todavía no ha llegado",
        ],
        2: [
            "oh ma hai sentito ⟪n⟫ oggi?",
            "sì sì, ha cambiato numero, ora è ⟪ph⟫",
            "ok e ⟪m⟫ viene alla festa?",
            "boh. ho pagato io l'ordine ⟪o⟫ comunque",
        ],
        3: [
            "did u ask ⟪n⟫ about the flat",
            "yeah she said text her on ⟪ph⟫",
            "cool. is ⟪m⟫ still coming sat",
            "think so. amazon order ⟪o⟫ arrives friday btw",
        ],
    }[v]
    loc = ("de", "es", "it", "uk")[v]
    who = [me, friend]
    for i in range(r.randint(6, 12)):
        line = lines[i % 4]
        speaker = who[i % 2]
        b.add("[", X.stamp(r), "] ", P.name(speaker, r.choice(["first", "lower"])), ": ")
        b.f(
            line,
            n=P.name(third, "lower"),
            ph=P.phone(r, loc),
            m=P.name(P.anyone(r), r.choice(["lower", "first"])),
            o=X.order(r),
        )
        b.add("\n")


def chat_family_plan(b: B) -> None:
    """A family group chat sorting out travel, with documents typed in."""
    r = b.r
    v = b.variant(3)
    loc = ("es", "fr", "it")[v]
    mum, kid = P.person(r, ("es", "fr", "it")[v]), P.person(r, ("es", "fr", "it")[v])
    born = I.dob_date(r)
    intro = {
        0: "Mamá: ⟪k⟫ necesito tu DNI para el billete, el mío es ⟪d⟫\n⟪k2⟫: espera que lo busco... ⟪d2⟫\n"
        "Mamá: y tu fecha de nacimiento? la aerolínea la pide\n⟪k2⟫: ⟪dob⟫ mamá, de verdad 🙄\n"
        "Mamá: vuelo ⟪fl⟫, reserva ⟪o⟫. Papá ⟪dad⟫ nos recoge en ⟪pl⟫\n",
        1: "Maman : ⟪k⟫ il me faut ton numéro de sécu pour la mutuelle, le mien c'est ⟪d⟫\n⟪k2⟫ : ⟪d2⟫\n"
        "Maman : et ta date de naissance ? ils la demandent\n⟪k2⟫ : née le ⟪dob⟫, tu le sais 😅\n"
        "Maman : vol ⟪fl⟫, dossier ⟪o⟫. ⟪dad⟫ nous attend à ⟪pl⟫\n",
        2: "Mamma: ⟪k⟫ mi serve il tuo codice fiscale per il 730, il mio è ⟪d⟫\n⟪k2⟫: ⟪d2⟫\n"
        "Mamma: e la data di nascita? sul modulo c'è scritto\n⟪k2⟫: nata il ⟪dob⟫ 🙄\n"
        "Mamma: volo ⟪fl⟫, prenotazione ⟪o⟫. Papà ⟪dad⟫ ci prende a ⟪pl⟫\n",
    }[v]
    idmaker = (I.dni, I.nir, I.codice_fiscale)[v]
    b.f(
        intro,
        k=P.name(kid, "lower"),
        k2=P.name(kid, "first"),
        d=idmaker(r),
        d2=idmaker(r),
        dob=I.dob(r, LANG[loc], born),
        fl=X.flight(r),
        o=X.order(r),
        dad=P.name(P.person(r, ("es", "fr", "it")[v]), "first"),
        pl=X.place(r),
    )
    b.f(
        "⟪m⟫: "
        + (
            "mi dirección nueva: ⟪a⟫"
            if v == 0
            else "nouvelle adresse : ⟪a⟫"
            if v == 1
            else "nuovo indirizzo: ⟪a⟫"
        )
        + "\n",
        m=P.name(mum, "first"),
        a=P.address(r, loc),
    )


def email_thread(b: B) -> None:
    """A forwarded work mail thread with signatures."""
    r = b.r
    v = b.variant(5)
    loc = LOCS[v]
    a, c = P.person(r, ("de", "es", "fr", "it", "en")[v]), P.anyone(r)
    heads = {
        0: (
            "Von",
            "An",
            "Betreff",
            "Gesendet",
            "Hallo ⟪n⟫,\n\nanbei wie besprochen die Unterlagen zum Ticket ⟪t⟫. Rechnung ⟪i⟫ über ⟪pr⟫ ist bezahlt.\nRuf mich gern unter ⟪ph⟫ an, falls was fehlt.\n\nViele Grüße\n",
        ),
        1: (
            "De",
            "Para",
            "Asunto",
            "Enviado",
            "Hola ⟪n⟫:\n\nte reenvío lo del ticket ⟪t⟫. La factura ⟪i⟫ (⟪pr⟫) ya está pagada.\nSi hace falta algo, llámame al ⟪ph⟫.\n\nUn saludo,\n",
        ),
        2: (
            "De",
            "À",
            "Objet",
            "Envoyé",
            "Bonjour ⟪n⟫,\n\nsuite à notre échange, voici le dossier ⟪t⟫. La facture ⟪i⟫ de ⟪pr⟫ est réglée.\nN'hésitez pas à m'appeler au ⟪ph⟫.\n\nCordialement,\n",
        ),
        3: (
            "Da",
            "A",
            "Oggetto",
            "Inviato",
            "Ciao ⟪n⟫,\n\nti inoltro quanto discusso sul ticket ⟪t⟫. La fattura ⟪i⟫ da ⟪pr⟫ risulta pagata.\nPer qualsiasi cosa chiamami al ⟪ph⟫.\n\nUn saluto,\n",
        ),
        4: (
            "From",
            "To",
            "Subject",
            "Sent",
            "Hi ⟪n⟫,\n\nforwarding the bits for ticket ⟪t⟫. Invoice ⟪i⟫ (⟪pr⟫) has been settled.\nGive me a ring on ⟪ph⟫ if anything's missing.\n\nCheers,\n",
        ),
    }[v]
    frm, to, subj, sent, body = heads
    for hop in range(r.randint(1, 3)):
        sender, recip = (a, c) if hop % 2 == 0 else (c, a)
        b.f(
            f"{frm}: ⟪sn⟫ <⟪se⟫>\n{to}: ⟪rn⟫ <⟪re⟫>\n{sent}: ⟪d⟫\n{subj}: "
            + ("AW: " * hop)
            + "⟪t0⟫\n\n",
            sn=P.name(sender),
            se=P.email(r, sender),
            rn=P.name(recip),
            re=P.email(r, recip),
            d=X.day(r, LANG[loc]),
            t0=X.ticket(r),
        )
        b.f(
            body,
            n=P.name(recip, "first"),
            t=X.ticket(r),
            i=X.invoice(r),
            pr=X.price(r),
            ph=P.phone(r, loc),
        )
        b.f(
            "⟪sn⟫\n⟪co⟫ · ⟪ad⟫\n\n",
            sn=P.name(sender, "initial" if hop else "full"),
            co=X.brand(r),
            ad=P.address(r, loc),
        )
        if hop < 2:
            b.add(
                "-----"
                + (
                    "Ursprüngliche Nachricht",
                    "Mensaje original",
                    "Message d'origine",
                    "Messaggio originale",
                    "Original Message",
                )[v]
                + "-----\n"
            )


def support_chat(b: B) -> None:
    """A customer-support chat transcript pasted for a summary."""
    r = b.r
    v = b.variant(5)
    loc = ("de", "es", "fr", "it", "us")[v]
    cust, agent = P.anyone(r), P.person(r)
    b.f("Chat transcript – case ⟪c⟫ – started ⟪s⟫\n", c=X.ticket(r), s=X.stamp(r))
    say = {
        0: [
            "Guten Tag, ich bin ⟪n⟫, meine Kundennummer ist ⟪k⟫.",
            "Die Karte ⟪cc⟫ wurde doppelt belastet (⟪pr⟫).",
            "Lieferadresse bitte ändern auf ⟪a⟫.",
            "Erreichbar bin ich unter ⟪ph⟫ oder ⟪e⟫.",
        ],
        1: [
            "Hola, soy ⟪n⟫ y mi número de cliente es ⟪k⟫.",
            "Me han cobrado dos veces en la tarjeta ⟪cc⟫ (⟪pr⟫).",
            "Cambiad la dirección de envío a ⟪a⟫, porfa.",
            "Podéis escribirme a ⟪e⟫ o llamar al ⟪ph⟫.",
        ],
        2: [
            "Bonjour, ⟪n⟫, client n° ⟪k⟫.",
            "Ma carte ⟪cc⟫ a été débitée deux fois (⟪pr⟫).",
            "Merci de livrer plutôt au ⟪a⟫.",
            "Joignable au ⟪ph⟫ / ⟪e⟫.",
        ],
        3: [
            "Buongiorno, sono ⟪n⟫, codice cliente ⟪k⟫.",
            "Sulla carta ⟪cc⟫ ho due addebiti da ⟪pr⟫.",
            "L'indirizzo di consegna nuovo è ⟪a⟫.",
            "Mi trovate al ⟪ph⟫ o a ⟪e⟫.",
        ],
        4: [
            "hi, this is ⟪n⟫, customer # ⟪k⟫",
            "my card ⟪cc⟫ got charged twice (⟪pr⟫)",
            "pls ship to ⟪a⟫ instead",
            "reach me at ⟪ph⟫ or ⟪e⟫",
        ],
    }[v]
    for i, line in enumerate(say):
        b.f(
            "⟪ag⟫ (Agent): "
            + [
                "Hello! How can I help?",
                "Let me check order ⟪o⟫.",
                "Thanks, noted.",
                "Anything else? Your reference is ⟪u⟫.",
            ][i]
            + "\n",
            ag=P.name(agent, "first"),
            o=X.order(r),
            u=X.uid(r),
        )
        b.f(
            "⟪me⟫: " + line + "\n",
            me=P.name(cust, "first"),
            n=P.name(cust),
            k=V("customer_id", f"K{I.digits(r, 8)}", I.ID),
            cc=I.card(r),
            pr=X.price(r),
            a=P.address(r, loc),
            ph=P.phone(r, loc),
            e=P.email(r, cust),
        )


def personal_letter(b: B) -> None:
    """A handwritten-style letter typed up, with the sender's details at the top."""
    r = b.r
    v = b.variant(5)
    loc = ("de", "es", "fr", "it", "ie")[v]
    me, you = P.person(r, ("de", "es", "fr", "it", "en")[v]), P.anyone(r)
    b.f("⟪me⟫\n⟪a⟫\n⟪ph⟫\n\n", me=P.name(me), a=P.address(r, loc, "\n"), ph=P.phone(r, loc))
    body = {
        0: "⟪place⟫, den ⟪d⟫\n\nLiebe ⟪y⟫,\n\nendlich komme ich zum Schreiben! Seit wir aus ⟪pl2⟫ zurück sind, war hier viel los. Onkel ⟪u⟫ hat seinen Geburtstag gefeiert – er ist am ⟪dob⟫ geboren, also schon ein runder! ⟪n2⟫ lässt grüßen.\n\nDeine ⟪sig⟫\n",
        1: "⟪place⟫, ⟪d⟫\n\nQuerida ⟪y⟫:\n\n¡Por fin te escribo! Desde que volvimos de ⟪pl2⟫ no he parado. El tío ⟪u⟫ celebró su cumpleaños (nació el ⟪dob⟫, ¡imagínate!). ⟪n2⟫ te manda besos.\n\nUn abrazo,\n⟪sig⟫\n",
        2: "⟪place⟫, le ⟪d⟫\n\nChère ⟪y⟫,\n\nenfin je t'écris ! Depuis notre retour de ⟪pl2⟫, c'est la course. Tonton ⟪u⟫ a fêté son anniversaire – né le ⟪dob⟫, ça ne nous rajeunit pas. ⟪n2⟫ t'embrasse.\n\nBises,\n⟪sig⟫\n",
        3: "⟪place⟫, ⟪d⟫\n\nCara ⟪y⟫,\n\nfinalmente ti scrivo! Da quando siamo tornati da ⟪pl2⟫ è stato un delirio. Zio ⟪u⟫ ha fatto la festa (è nato il ⟪dob⟫, pensa!). ⟪n2⟫ ti saluta.\n\nUn abbraccio,\n⟪sig⟫\n",
        4: "⟪place⟫, ⟪d⟫\n\nDear ⟪y⟫,\n\nat long last a proper letter! Since we got back from ⟪pl2⟫ it's been mad. Uncle ⟪u⟫ had his party – born ⟪dob⟫, if you can believe it. ⟪n2⟫ sends love.\n\nAll my love,\n⟪sig⟫\n",
    }[v]
    b.f(
        body,
        place=X.place(r),
        d=X.day(r, LANG[loc]),
        y=P.name(you, "first"),
        pl2=X.place(r),
        u=P.name(P.person(r), "first"),
        dob=wrap(I.dob(r, LANG[loc]), r),
        n2=P.nick(r),
        sig=P.name(me, "first"),
    )
    b.f(
        "\nP.S. "
        + (
            "meine neue Mail: ⟪e⟫"
            if v == 0
            else "mi correo nuevo: ⟪e⟫"
            if v == 1
            else "mon nouveau mail : ⟪e⟫"
            if v == 2
            else "la mia nuova mail: ⟪e⟫"
            if v == 3
            else "new email: ⟪e⟫"
        ),
        e=P.email(r, me),
    )


def meeting_minutes(b: B) -> None:
    """Minutes of a meeting with attendees, actions and a dial-in."""
    r = b.r
    v = b.variant(3)
    lang = ("en", "de", "fr")[v]
    people = [P.anyone(r) for _ in range(r.randint(4, 7))]
    title = ("Minutes", "Protokoll", "Compte rendu")[v]
    b.f(f"{title} – ⟪d⟫ – Sprint ⟪ver⟫\n", d=X.day(r, lang), ver=X.version(r))
    b.add(("Attendees: ", "Teilnehmende: ", "Présents : ")[v])
    for i, p in enumerate(people):
        b.add(
            P.name(p, r.choice(["full", "initial", "first"])), ", " if i < len(people) - 1 else "\n"
        )
    b.add(("Apologies: ", "Entschuldigt: ", "Excusés : ")[v], P.name(P.anyone(r)), "\n\n")
    for i in range(r.randint(4, 8)):
        p = r.choice(people)
        item = r.choice(
            [
                "⟪n⟫ to chase ⟪t⟫ with ⟪br⟫ before ⟪d⟫",
                "⟪n⟫ reported build ⟪ver⟫ broke on commit ⟪sha⟫",
                "⟪n⟫ will call the landlord (⟪ph⟫) about the office at ⟪a⟫",
                "Budget: ⟪m⟫ – ⟪n⟫ to confirm",
                "⟪n⟫ shares the dashboard; colour for errors changed to ⟪c⟫",
            ]
        )
        b.add(f"{i + 1}. ")
        b.f(
            item + "\n",
            n=P.name(p, "first"),
            t=X.ticket(r),
            br=X.brand(r),
            d=X.day(r, lang),
            ver=X.version(r),
            sha=X.sha(r, 7),
            ph=P.phone(r, r.choice(LOCS)),
            a=P.address(r, r.choice(LOCS)),
            m=X.maths(r),
            c=X.colour(r),
        )
    b.f(
        "\nNext meeting: ⟪d⟫, dial-in ⟪ph⟫ PIN ⟪pin⟫\n",
        d=X.day(r, lang),
        ph=T("conference_number", f"+800 {I.digits(r, 4)} {I.digits(r, 4)}"),
        pin=T("meeting_pin", I.digits(r, 6)),
    )


def hr_note(b: B) -> None:
    """An HR note about an employee, pasted to get help with wording."""
    r = b.r
    v = b.variant(4)
    loc = ("de", "uk", "fr", "es")[v]
    p = P.anyone(r)
    emp = V(
        "employee_id",
        r.choice([f"E-{I.digits(r, 6)}", f"PN{I.digits(r, 5)}", f"{I.digits(r, 7)}"]),
        I.ID,
    )
    text = {
        0: "Bitte formuliere diese Notiz freundlicher um:\n\nMitarbeiter ⟪n⟫ (Personalnr. ⟪emp⟫, geb. ⟪dob⟫) war im Zeitraum KW ⟪kw⟫ wiederholt unentschuldigt abwesend. Gespräch mit ⟪boss⟫ am ⟪d⟫. Steuer-ID für die Lohnabrechnung: ⟪id⟫. IBAN für Erstattung: ⟪ib⟫. Wohnhaft ⟪a⟫.",
        1: "Can you make this sound less harsh?\n\n⟪n⟫ (staff no. ⟪emp⟫, DOB ⟪dob⟫) missed three shifts in week ⟪kw⟫. Spoke to ⟪boss⟫ on ⟪d⟫. NI number on file: ⟪id⟫. Expenses go to ⟪ib⟫. Home: ⟪a⟫.",
        2: "Peux-tu reformuler plus poliment :\n\n⟪n⟫ (matricule ⟪emp⟫, né(e) le ⟪dob⟫) a été absent(e) sans justificatif semaine ⟪kw⟫. Entretien avec ⟪boss⟫ le ⟪d⟫. N° de sécu : ⟪id⟫. Remboursement sur ⟪ib⟫. Domicile : ⟪a⟫.",
        3: "¿Me ayudas a suavizar esta nota?\n\n⟪n⟫ (nº empleado ⟪emp⟫, nacido/a el ⟪dob⟫) faltó sin justificar en la semana ⟪kw⟫. Reunión con ⟪boss⟫ el ⟪d⟫. DNI: ⟪id⟫. Reembolso a la cuenta ⟪ib⟫. Domicilio: ⟪a⟫.",
    }[v]
    country = ("DE", "GB", "FR", "ES")[v]
    b.f(
        text + "\n\nRef ⟪u⟫ / ⟪t⟫\n",
        n=P.name(p),
        emp=emp,
        dob=I.dob(r, LANG[loc]),
        kw=T("week", str(r.randint(2, 51))),
        boss=P.name(P.anyone(r), "initial"),
        d=X.day(r, LANG[loc]),
        id=I.national_id(r, loc),
        ib=I.iban(r, country),
        a=P.address(r, loc),
        u=X.uid(r),
        t=X.ticket(r),
    )


def voice_transcript(b: B) -> None:
    """An auto-transcribed voicemail: no punctuation, numbers spoken in groups."""
    r = b.r
    v = b.variant(4)
    p = P.anyone(r)
    text = {
        0: "hi this is ⟪n⟫ calling about the ⟪br⟫ order ⟪o⟫ um my number is ⟪ph⟫ again ⟪ph2⟫ and my email is ⟪e⟫ thanks bye",
        1: "ja hallo hier ist ⟪n⟫ wegen der Reparatur ⟪t⟫ ähm Sie erreichen mich unter ⟪ph⟫ also nochmal ⟪ph2⟫ danke tschüss",
        2: "hola buenas soy ⟪n⟫ llamo por la reserva ⟪o⟫ mi teléfono es el ⟪ph⟫ repito ⟪ph2⟫ gracias",
        3: "sì buongiorno sono ⟪n⟫ per la pratica ⟪t⟫ il mio numero è ⟪ph⟫ ripeto ⟪ph2⟫ grazie arrivederci",
    }[v]
    loc = ("uk", "de", "es", "it")[v]
    b.f(
        "Voicemail ⟪s⟫ (⟪dur⟫)\nTranscript (auto):\n",
        s=X.stamp(r),
        dur=T("measure", f"0:{r.randint(10, 59)}"),
    )
    for _ in range(r.randint(2, 4)):
        ph = P.phone(r, loc)
        b.f(
            text + "\n\n",
            n=P.name(p, r.choice(["full", "lower"])),
            br=X.brand(r),
            o=X.order(r),
            t=X.ticket(r),
            ph=ph,
            ph2=V("phone", " ".join(c for c in ph.text if c.isdigit()), P.PHONE),
            e=P.email(r, p),
        )
        p = P.anyone(r)


def dating_profile(b: B) -> None:
    """A chat from a dating or flat-share site, names as words."""
    r = b.r
    v = b.variant(3)
    p, q = P.wordlike(r), P.wordlike(r)
    text = {
        0: "hey, it's ⟪n⟫ from the flatshare ad 🙂 the room at ⟪a⟫ still free? rent ⟪pr⟫. my mate ⟪m⟫ says hi. text me ⟪ph⟫ or insta @⟪h⟫\n"
        "⟪w⟫ is a good word for it honestly, the kitchen is ⟪c⟫ and lovely\n",
        1: "Hi ⟪m⟫! ⟪n⟫ hier (die mit dem Hund). Treffen wir uns am ⟪d⟫ am ⟪pl⟫? Meine Nummer: ⟪ph⟫. Die ⟪w⟫ im Garten blüht gerade so schön\n",
        2: "ciao ⟪m⟫, sono ⟪n⟫ dell'annuncio. La stanza in ⟪a⟫ è ancora libera? Chiamami al ⟪ph⟫. P.S. ⟪w⟫ è anche il nome del mio gatto\n",
    }[v]
    loc = ("uk", "de", "it")[v]
    for _ in range(r.randint(2, 3)):
        b.f(
            text,
            n=P.name(p, r.choice(["first", "full", "lower"])),
            m=P.name(q, "first"),
            a=P.address(r, loc),
            pr=X.price(r),
            ph=P.phone(r, loc),
            h=V("handle", p.handle.replace(".", "_"), P.PERSON),
            w=T("word", r.choice(["rose", "grace", "hope", "summer", "olive"]).capitalize()),
            c=T("word", "sunny"),
            d=X.day(r, LANG[loc]),
            pl=X.place(r),
        )
        b.add("\n")
        p, q = q, P.wordlike(r)


def secret_in_chat(b: B) -> None:
    """A colleague pasting a credential in a chat thread (it must be blocked)."""
    r = b.r
    v = b.variant(4)
    a, c = P.anyone(r), P.anyone(r)
    b.f("#deploy-⟪env⟫\n", env=T("word", r.choice(["prod", "staging", "eu"])))
    lines = {
        0: [
            "⟪n⟫: can you try with this key ⟪k⟫",
            "⟪m⟫: worked 👍 deployed ⟪ver⟫ (⟪sha⟫)",
            "⟪n⟫: cool, rotating it tomorrow. don't paste ⟪ph⟫ anywhere",
        ],
        1: [
            "⟪n⟫: webhook für die Alerts: ⟪k⟫",
            "⟪m⟫: danke, Build ⟪ver⟫ läuft (⟪sha⟫)",
            "⟪n⟫: pw für den Testuser ist übrigens ⟪ph⟫",
        ],
        2: [
            "⟪n⟫: te paso el token ⟪k⟫",
            "⟪m⟫: ok, desplegado ⟪ver⟫ en ⟪sha⟫",
            "⟪n⟫: y la contraseña del admin: ⟪ph⟫",
        ],
        3: [
            "⟪n⟫: voilà la chaîne de connexion ⟪k⟫",
            "⟪m⟫: merci, ⟪ver⟫ est en prod (⟪sha⟫)",
            "⟪n⟫: le mot de passe wifi c'est ⟪ph⟫",
        ],
    }[v]
    for i in range(r.randint(3, 6)):
        who = (a, c)[i % 2]
        b.add(P.name(who, "lower") if i % 3 == 0 else P.name(who, "first"), " ", X.stamp(r), "\n")
        key = r.choice(
            [
                S.any_token(r),
                S.slack_hook(r),
                S.discord_hook(r),
                S.conn(r, who.handle.split(".")[0] or "app"),
            ]
        )
        b.f(
            lines[i % 3] + "\n",
            n=P.name(a, "first"),
            m=P.name(c, "first"),
            k=key,
            ver=X.version(r),
            sha=X.sha(r, 40),
            ph=S.password(r) if i % 3 == 2 else key,
        )
