"""Messages people write: chats, e-mails, letters, notes."""

from __future__ import annotations

from random import Random

from . import ids
from . import people as ppl
from . import places as geo
from . import secrets_ as sec
from . import traps as tr
from .build import PHONE, Look, Page, Piece, Val


def chat_export(r: Random, v: int) -> Page:
    """A messenger chat export pasted for a summary (Spanish, German or Italian)."""
    loc = ("es", "de", "it")[v]
    a, b, c = ppl.people(r, 3, loc)
    p = Page()
    ask = (
        "Resúmeme este chat del grupo, porfa:\n",
        "Kannst du mir den Gruppenchat zusammenfassen?\n",
        "Mi fai un riassunto di questa chat?\n",
    )[v]
    p.add(ask)
    day = f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/25"
    table: dict[str, tuple[tuple[ppl.Person, tuple[Piece, ...]], ...]] = {
        "es": (
            (a, ("Oye, ¿quién recoge a ", c.lower(), " del cole mañana?")),
            (
                b,
                (
                    "Yo no puedo, tengo médico a las ",
                    Look("time", "10:30"),
                    ". Llama a ",
                    c.first(),
                    " al ",
                    ppl.phone(r, "es"),
                ),
            ),
            (
                a,
                (
                    "Vale. La fiesta es en casa de ",
                    c.lower_full(),
                    ", ",
                    geo.street_only(r, "es"),
                    ", el portal de la izquierda",
                ),
            ),
            (
                b,
                (
                    "El bizum a ",
                    a.first(),
                    ", que es al ",
                    ppl.phone(r, "es"),
                    ", son ",
                    tr.amount(r),
                ),
            ),
        ),
        "de": (
            (a, ("Wer holt ", c.lower(), " morgen vom Training ab?")),
            (
                b,
                (
                    "Ich nicht, Zahnarzt um ",
                    Look("time", "16:15"),
                    ". Frag mal ",
                    c.first(),
                    ", Handy ",
                    ppl.phone(r, "de"),
                ),
            ),
            (a, ("Geburtstag ist bei ", c.full(), ", ", geo.address(r, "de"), ". Klingel links")),
            (
                b,
                (
                    "Überweist mir bitte ",
                    tr.amount(r),
                    " auf ",
                    ids.iban(r, "DE"),
                    ", danke ",
                    a.lower(),
                ),
            ),
        ),
        "it": (
            (a, ("Chi va a prendere ", c.lower(), " domani?")),
            (
                b,
                (
                    "Io no, ho il dentista alle ",
                    Look("time", "9:45"),
                    ". Chiedi a ",
                    c.first(),
                    ", il suo cell è ",
                    ppl.phone(r, "it"),
                ),
            ),
            (
                a,
                ("La festa è da ", c.full(), " in ", geo.address(r, "it"), ", citofono ", c.last()),
            ),
            (b, ("Ti mando ", tr.amount(r), " con satispay, oppure IBAN ", ids.iban(r, "IT"), "?")),
        ),
    }
    for i, (who, words) in enumerate(table[loc]):
        stamp = Look("time", f"{18 + i}:{r.randint(10, 59)}")
        p.add("[", Look("date", day), ", ", stamp, "] ", who.full() if i < 2 else who.first(), ": ")
        p.line(*words)
    return p


def chat_lowercase(r: Random, v: int) -> Page:
    """A casual chat typed all in lower case."""
    loc = ("en", "fr", "it")[v]
    a, b = ppl.cast(r, (loc, None), (loc, True))
    friend = ppl.scripted(r)
    p = Page()
    p.line("can u make this sound less passive aggressive lol")
    p.add(
        "hey ",
        a.lower(),
        " so i talked to ",
        b.lower(),
        " and she said ",
        ppl.person(r).lower(),
        " and ",
        friend.first(),
        " are coming at 8. ",
    )
    p.add(
        "btw my new number is ",
        ppl.phone(r, "en"),
        ", email ",
        ppl.email_spoken(r, b),
        " and the flat is ",
        geo.street_only(r, "en"),
        ", buzz ",
        Look("unit", f"#{r.randint(1, 40)}"),
        ". ",
    )
    p.add("also tell ", a.lower(), " the wifi pw is ", sec.pw(r), " not the old one\n")
    p.add("ps the pizza order is ", tr.order(r), " and it was ", tr.maths(r), " per head lol\n")
    p.add("— ", b.lower_full(), "\n")
    return p


def email_work(r: Random, v: int) -> Page:
    """A work e-mail with a quoted reply and signatures."""
    loc = ("en", "en", "ie")[v]
    me, boss, client = ppl.cast(r, ("en", None), ("en", None), ("en", True))
    dom = r.choice(("northwind-logistics.co.uk", "brightlane.io", "kestrel-ag.com"))
    p = Page()
    p.line("Please proofread this before I send it:")
    p.line()
    p.add("Hi ", boss.first(), ",\n\n")
    p.add(
        "Following up on ",
        tr.ticket(r),
        ": ",
        client.full(),
        " (",
        ppl.email(r, client, "en"),
        ") called again this morning about invoice ",
        tr.invoice(r),
        ". She wants the refund to ",
        ids.iban(r, "GB" if loc == "en" else "IE"),
        " rather than the card ending ",
        Look("last4", ids.digits(r, 4)),
        ". Can you approve by ",
        tr.plain_date(r, 3),
        "?\n\n",
    )
    p.add("Thanks,\n", me.full(), "\nAccount Manager | ", tr.company(r), " partner team\n")
    if v == 1:
        p.add(
            "PS: ",
            boss.initials(),
            " – the ",
            tr.flight(r),
            " booking is on me. ",
            me.initials(),
            "\n",
        )
    p.add("M: ", ppl.phone(r, loc), " | ", ppl.email(r, me, work=dom), "\n\n")
    p.add(
        "On ",
        tr.plain_date(r, 4),
        ", ",
        boss.full(),
        " <",
        ppl.email(r, boss, work=dom),
        "> wrote:\n",
    )
    p.add(
        "> Looping in ",
        client.initial(),
        ". Her account no. is ",
        ids.member_no(r, "customer_no", "CU-9999999"),
        "; the release ",
        tr.version(r),
        " fixed the double charge.\n",
    )
    return p


def email_reply_de(r: Random, v: int) -> Page:
    """A German e-mail thread with a quoted header."""
    a, b, c = ppl.cast(r, ("de", None), ("de", None), ("de", True))
    p = Page()
    p.line("Formuliere bitte eine höfliche Antwort auf diese Mail:")
    p.line("-----Ursprüngliche Nachricht-----")
    p.add(
        "Von: ",
        a.full(),
        " <",
        ppl.email(r, a, "de"),
        ">\nGesendet: ",
        tr.plain_date(r, 0),
        "\nAn: ",
        ppl.email(r, b, work="stadtwerke-musterstadt.de"),
        "\nBetreff: Zählerstand / ",
        tr.ticket(r),
        "\n\n",
    )
    p.add("Sehr geehrte", " Frau " if b.female else "r Herr ", b.last(), ",\n\n")
    p.add(
        "ich bin zum ",
        tr.plain_date(r, 0),
        " aus der Wohnung ",
        geo.address(r, "de"),
        " ausgezogen. Meine neue Anschrift lautet ",
        geo.address(r, "de"),
        ". Die Schlussrechnung bitte an diese Adresse, das Guthaben auf ",
        ids.iban(r, "DE"),
        " (Kontoinhaberin: ",
        c.full(),
        ", meine Mutter).\n",
    )
    p.add(
        "Kundennummer: ",
        ids.member_no(r, "customer_no", "99999999"),
        ", Vertragskonto ",
        tr.invoice(r),
        ".\n\nMit freundlichen Grüßen\n",
        a.full(),
        "\nTel. ",
        ppl.phone(r, "de"),
        "\n",
    )
    return p


def letter_landlord_fr(r: Random, v: int) -> Page:
    """A French letter to a landlord about the deposit."""
    me, owner = ppl.people(r, 2, "fr")
    p = Page()
    p.line("Peux-tu corriger les fautes de ma lettre ?\n")
    p.line(me.upper_family())
    p.line(geo.address(r, "fr", "\n"))
    p.line(ppl.phone(r, "fr"), " – ", ppl.email(r, me, "fr"))
    p.add("\n", "Lettre recommandée avec AR n° ", tr.tracking(r), "\n")
    p.add("À l'attention de ", ("M. ", "Mme ")[v % 2], owner.full(), "\n\n")
    p.add("Objet : restitution du dépôt de garantie\n\n")
    p.add(
        "Madame, Monsieur,\nJ'ai quitté le logement situé ",
        geo.address(r, "fr"),
        " le ",
        tr.plain_date(r, 2),
        ". Conformément à l'",
        tr.law(r, "fr"),
        ", je vous prie de me restituer la somme de ",
        tr.amount(r),
        " sur mon compte ",
        ids.iban(r, "FR"),
        ".\n",
    )
    p.add("Vous pouvez me joindre au ", ppl.phone(r, "fr"), ".\n\n", me.full(), "\n")
    return p


def email_accountant_it(r: Random, v: int) -> Page:
    """An Italian e-mail to an accountant with tax details."""
    me, spouse, acct = ppl.cast(r, ("it", False), ("it", True), ("it", None))
    b1, b2 = ids.birth_date(r), ids.birth_date(r)
    p = Page()
    p.line("Traduci in inglese questa mail per il mio commercialista:\n")
    p.add("Gentile dott. ", acct.last(), ",\n")
    p.add(
        "le invio i dati per il 730: io sono ",
        me.full(),
        ", nato il ",
        ids.dob_val(b1, "dmy/"),
        ", C.F. ",
        ids.it_cf(me, b1, False, r),
        "; mia moglie ",
        spouse.full(),
        ", nata il ",
        ids.dob_val(b2, "it"),
        ", C.F. ",
        ids.it_cf(spouse, b2, True, r),
        ".\n",
    )
    p.add(
        "Residenza: ",
        geo.address(r, "it"),
        ". Il rimborso va sull'IBAN ",
        ids.iban(r, "IT"),
        ". Le fatture ",
        tr.invoice(r),
        " e ",
        tr.invoice(r),
        " sono della ",
        tr.company(r),
        ".\n",
    )
    if v:
        p.add(
            "Per la detrazione del figlio ",
            ppl.person(r, "it").first(),
            " le serve anche la tessera sanitaria? ",
        )
    p.add(
        "Il totale delle spese mediche è ",
        tr.maths(r),
        ".\nCordiali saluti,\n",
        me.full(),
        "\n",
        ppl.phone(r, "it"),
        "\n",
    )
    return p


def support_chat(r: Random, v: int) -> Page:
    """A customer-support transcript (English or Spanish)."""
    agent, cust = ppl.people(r, 2, ("en", "es")[v])
    loc = ("us", "es")[v]
    p = Page()
    p.line(
        ("Summarize this support transcript for the CRM:", "Resume esta conversación de soporte:")[
            v
        ]
    )
    p.add(
        tr.timestamp(r),
        " ",
        agent.first(),
        " (agent): ",
        ("Hi! Can I have your order number?", "¡Hola! ¿Me das el número de pedido?")[v],
        "\n",
    )
    p.add(
        tr.timestamp(r), " Customer: ", tr.order(r), (", name is ", ", soy ")[v], cust.full(), "\n"
    )
    p.add(
        tr.timestamp(r),
        " ",
        agent.first(),
        " (agent): ",
        ("Thanks ", "Gracias ")[v],
        cust.first(),
        ("! Tracking ", ", el envío ")[v],
        tr.tracking(r),
        (" shows delivered to ", " figura entregado en ")[v],
        geo.address(r, loc),
        ".\n",
    )
    p.add(
        tr.timestamp(r),
        " Customer: ",
        ("That's my old place. Charge the card ", "Esa es mi casa antigua. Cóbralo en la tarjeta ")[
            v
        ],
        ids.card(r),
        (" exp ", " cad ")[v],
        Look("expiry", f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"),
        (" and resend. Call me at ", " y reenvíalo. Llámame al ")[v],
        ppl.phone(r, loc),
        "\n",
    )
    p.add(
        tr.timestamp(r),
        " ",
        agent.first(),
        " (agent): ",
        ("Done, case ", "Hecho, caso ")[v],
        tr.ticket(r),
        ".\n",
    )
    return p


def support_telco_de(r: Random, v: int) -> Page:
    """A German telco support chat about a contract change."""
    cust, agent = ppl.people(r, 2, "de")
    born = ids.birth_date(r)
    p = Page()
    p.line("Was hat die Hotline mir da eigentlich zugesagt? Hier das Chatprotokoll:")
    p.add("Agent ", agent.initial(), ": Zur Verifizierung bitte Kundennummer und Geburtsdatum.\n")
    p.add(
        "Ich: ",
        ids.member_no(r, "customer_no", "9999999999"),
        ", geboren ",
        ids.dob_val(born, r.choice(("dmy.", "de"))),
        ", ",
        cust.full(),
        "\n",
    )
    p.add(
        "Agent ",
        agent.initial(),
        ": Danke. Tarif ",
        tr.model(r) if v else tr.sku(r),
        " wird zum ",
        tr.plain_date(r, 0),
        " umgestellt. Die Lastschrift läuft weiter über ",
        ids.iban(r, r.choice(("DE", "AT"))),
        ".\n",
    )
    p.add(
        "Ich: Der Techniker soll zur ",
        geo.address(r, "de"),
        " kommen, nicht in die Firma. Handy ",
        ppl.phone(r, "de"),
        ".\n",
    )
    p.add(
        "Agent ",
        agent.initial(),
        ": Auftrag ",
        tr.order(r),
        " angelegt, Router-Firmware ",
        tr.version(r),
        ".\n",
    )
    return p


def letter_formal(r: Random, v: int) -> Page:
    """A formal letter to an authority (Spanish or Italian)."""
    loc = ("es", "it")[v]
    me = ppl.person(r, loc)
    born = ids.birth_date(r)
    p = Page()
    if v == 0:
        p.line("Revisa el tono de esta instancia:\n")
        p.add(
            "D./Dña. ",
            me.full(),
            ", con DNI ",
            ids.es_dni(r),
            ", nacido/a el ",
            ids.dob_val(born, "es"),
            " y domicilio en ",
            geo.address(r, "es"),
            ", teléfono ",
            ppl.phone(r, "es"),
            ",\n\nEXPONE: Que con fecha ",
            tr.plain_date(r, 2),
            " solicitó la devolución del IBI (recibo ",
            tr.invoice(r),
            ").\n",
        )
        p.add(
            "SOLICITA: Que se ingrese el importe de ",
            tr.amount(r),
            " en la cuenta ",
            ids.iban(r, "ES"),
            ".\n\nEn ",
            tr.place(r),
            ", a ",
            tr.plain_date(r, 2),
            ".\nFdo.: ",
            me.full(),
            "\n",
        )
    else:
        p.line("Controlla questa lettera al Comune:\n")
        p.add(
            "Il/la sottoscritto/a ",
            me.full(),
            ", nato/a il ",
            ids.dob_val(born, "it"),
            ", codice fiscale ",
            ids.it_cf(me, born, me.female, r),
            ", residente in ",
            geo.address(r, "it"),
            ", tel. ",
            ppl.phone(r, "it"),
            ", PEC ",
            ppl.email(r, me, work="pec.it"),
            "\nCHIEDE\nil rimborso TARI (avviso ",
            tr.invoice(r),
            ") sul conto ",
            ids.iban(r, "IT"),
            ".\nAi sensi dell'",
            tr.law(r, "it"),
            ". Data ",
            tr.plain_date(r, 2),
            "\nFirma ",
            me.full(),
            "\n",
        )
    return p


def mixed_chat(r: Random, v: int) -> Page:
    """A chat that switches languages mid-sentence."""
    if v == 3:
        return _mixed_it(r)
    a, b = ppl.people(r, 2, ("es", "de", "fr")[v])
    friend = ppl.scripted(r)
    p = Page()
    p.line(("translate to proper english pls:", "mach das bitte auf englisch:", "traduis stp :")[v])
    if v == 0:
        p.add(
            "oye ",
            a.lower(),
            ", el meeting con ",
            b.full(),
            " is moved to ",
            tr.plain_date(r, 3),
            ". Mándame tu email, el mío es ",
            ppl.email_spoken(r, b, "es"),
            ". My cell ",
            ppl.phone(r, "us"),
            ", y dile a ",
            friend.full(),
            " que el Airbnb está en ",
            geo.address(r, "es"),
            " 😅\n",
        )
        p.add("ah y el código de la puerta es ", sec.pw(r), ", no lo compartas\n")
    elif v == 1:
        p.add(
            "hey ",
            a.lower(),
            ", das Meeting mit ",
            b.full(),
            " ist jetzt am ",
            tr.plain_date(r, 0),
            ", kannst du den Invite an ",
            ppl.email(r, b, "de"),
            " schicken? ",
            friend.first(),
            " hat die slides, ihre number ist ",
            ppl.phone(r, "de"),
            ". Location: ",
            geo.address(r, "de"),
            "\n",
        )
        p.add("Und das WLAN-Passwort ist ", sec.pw(r), " btw\n")
    else:
        p.add(
            "salut ",
            a.lower(),
            ", le call avec ",
            b.full(),
            " c'est ",
            tr.plain_date(r, 2),
            ", je t'envoie le lien, mon mail perso c'est ",
            ppl.email(r, a, "fr"),
            ". ",
            friend.full(),
            " arrive par le ",
            tr.flight(r),
            ", hébergement ",
            geo.address(r, "fr"),
            "\n",
        )
        p.add(
            "le code du digicode: ", sec.pw(r), ", tel de la gardienne ", ppl.phone(r, "fr"), "\n"
        )
    p.add("(sent from ", tr.model(r), ")\n")
    return p


def _mixed_it(r: Random) -> Page:
    """Italian and English in one chat, with a WhatsApp link."""
    a, b = ppl.cast(r, ("it", None), ("it", True))
    number = ids.digits(r, 9)
    p = Page()
    p.line("rendilo più professionale pls:")
    p.add(
        "ciao ",
        a.lower(),
        ", la call con ",
        b.full(),
        " è slittata a ",
        tr.plain_date(r, 2),
        ", ti giro il deck. Se serve scrivile su https://wa.me/",
        Val("phone", f"393{number}", PHONE),
        " oppure alla mail ",
        ppl.email_spoken(r, b, "it"),
        ". Il budget è ",
        tr.maths(r),
        ", fammi sapere asap\n",
    )
    p.add("ps: il codice della porta in ufficio è ", sec.pw(r), ", la sede è ", tr.place(r), "\n")
    return p


def personal_notes(r: Random, v: int) -> Page:
    """A private notes file pasted for tidying."""
    me = ppl.person(r, ("en", "de", "it")[v])
    kid = ppl.person(r, ("en", "de", "it")[v])
    p = Page()
    p.line("Turn my notes into a clean checklist:")
    p.add(
        "- renew passport (",
        ids.passport_no(r, ("GB", "DE", "IT")[v]),
        ") before ",
        tr.plain_date(r, 1),
        "\n",
    )
    born = ids.birth_date(r, young=True)
    p.add(
        "- ",
        kid.first(),
        "'s school form: born ",
        ids.dob_val(born, ("en_d", "dmy2", "dmy/")[v]),
        ", GP is Dr ",
        ppl.person(r).last(),
        "\n",
    )
    p.add("- netflix login ", ppl.email(r, me, ("en", "de", "it")[v]), " / ", sec.pw(r), "\n")
    p.add("- bank: ", ids.iban(r, ("GB", "DE", "IT")[v]), " — card ", ids.card(r), " (blocked?)\n")
    p.add("- buy ", tr.model(r), " for ", tr.amount(r), ", colour ", tr.colour(r), "\n")
    p.add(
        "- call ",
        ppl.person(r).full(),
        " ",
        ppl.phone(r, ("en", "de", "it")[v]),
        " re: ",
        tr.ticket(r),
        "\n",
    )
    return p


def voicemail(r: Random, v: int) -> Page:
    """A voicemail transcript (French or Italian)."""
    loc = ("fr", "it")[v]
    caller, target = ppl.people(r, 2, loc)
    p = Page()
    p.line(("Résume ce message vocal transcrit :", "Riassumi questa segreteria trascritta:")[v])
    if v == 0:
        p.add(
            "« Oui bonjour, c'est ",
            caller.full(),
            ", je laisse un message pour ",
            target.first(),
            ". C'est au sujet du dossier ",
            tr.ticket(r),
            ". Vous pouvez me rappeler au ",
            ppl.phone(r, "fr"),
            " ou m'écrire à ",
            ppl.email(r, caller, "fr"),
            ". Mon numéro de sécu c'est le ",
            ids.fr_nir(r, ids.birth_date(r), caller.female),
            ", je suis au ",
            geo.address(r, "fr"),
            ". Voilà, merci, bonne journée. »\nDurée : ",
            Look("duration", "0:47"),
            " — reçu le ",
            tr.plain_date(r, 2),
            "\n",
        )
    else:
        p.add(
            "«Buongiorno, sono ",
            caller.full(),
            ", cerco ",
            target.first(),
            " per la pratica ",
            tr.ticket(r),
            ". Mi richiami al ",
            ppl.phone(r, "it"),
            ", oppure scriva a ",
            ppl.email(r, caller, "it"),
            ". Il mio codice fiscale è ",
            ids.it_cf(caller, ids.birth_date(r), caller.female, r),
            ", abito in ",
            geo.address(r, "it"),
            ". Grazie, arrivederci.»\nDurata ",
            Look("duration", "1:03"),
            ", ricevuto il ",
            tr.plain_date(r, 2),
            "\n",
        )
    return p


FORMS = (
    (chat_export, 3),
    (chat_lowercase, 3),
    (email_work, 3),
    (email_reply_de, 2),
    (letter_landlord_fr, 2),
    (email_accountant_it, 2),
    (support_chat, 2),
    (support_telco_de, 2),
    (letter_formal, 2),
    (mixed_chat, 4),
    (personal_notes, 3),
    (voicemail, 2),
)
