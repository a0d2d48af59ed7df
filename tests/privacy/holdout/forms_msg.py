"""Messages people paste: chats, e-mails, letters, forum posts, requests to translate."""

from __future__ import annotations

import datetime as dt

from privacy.holdout.build import (
    DECK,
    ID_BY_LOC,
    LABEL,
    LOC_OF_SCHEME,
    PERSON,
    Doc,
    Maker,
    Piece,
    T,
    V,
    home_loc,
)
from privacy.holdout.ids import ID
from privacy.holdout.people import Person


def landlord_chat(m: Maker, d: Doc) -> int:
    """Asking the assistant to draft a message to a landlord or neighbour."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    me, other = m.person(loc), m.person(loc)
    holes: dict[str, Piece] = dict(
        me=m.name(me),
        other=m.name(other, "last"),
        addr=m.address(loc),
        phone=m.phone(loc),
        mail=m.email(me),
        date=m.trap("date", lang),
        price=m.trap("price", d.lang),
        ref=m.trap("invoice"),
    )
    t = {
        "en": """hey, can you help me write a polite but firm message to my landlord Mr <%other%>? \
the heating in the flat at <%addr%> has been broken since <%date%> and he keeps ignoring me. \
He also charged me <%price%> for the "repair" on invoice <%ref%> which never happened.
Sign it as <%me%>, and put my number <%phone%> and email <%mail%> at the bottom so he has no excuse.
Keep it short, I want to send it on WhatsApp.""",
        "de": """Kannst du mir helfen, eine Nachricht an meinen Vermieter Herrn <%other%> zu \
schreiben? \
Die Heizung in der Wohnung <%addr%> ist seit dem <%date%> kaputt, und er reagiert nicht. \
Außerdem hat er mir <%price%> für eine Reparatur berechnet (Rechnung <%ref%>), die nie \
stattgefunden hat.
Bitte sachlich, aber bestimmt. Unterschreiben mit <%me%>, Tel. <%phone%>, Mail <%mail%>.
Danke!!""",
        "es": """Necesito ayuda para escribir un mensaje a mi casero, el señor <%other%>. \
La calefacción del piso en <%addr%> no funciona desde el <%date%> y no me contesta. \
Encima me ha cobrado <%price%> por una reparación que nunca hizo (factura <%ref%>).
Que sea educado pero firme. Firma: <%me%>, tel. <%phone%>, correo <%mail%>.""",
        "fr": """Tu peux m'aider à écrire un message à mon propriétaire, M. <%other%> ? \
Le chauffage de l'appartement au <%addr%> est en panne depuis le <%date%> et il ne répond pas. \
En plus il m'a facturé <%price%> pour une réparation jamais faite (facture <%ref%>).
Ton poli mais ferme. Signé <%me%>, tél. <%phone%>, mail <%mail%>. Merci !""",
        "it": """Mi aiuti a scrivere un messaggio al proprietario di casa, il sig. <%other%>? \
Il riscaldamento dell'appartamento in <%addr%> è rotto dal <%date%> e lui non risponde. \
In più mi ha addebitato <%price%> per una riparazione mai fatta (fattura <%ref%>).
Tono educato ma deciso. Firma: <%me%>, cell. <%phone%>, email <%mail%>. Grazie""",
    }
    d.fill(t[lang], **holes)
    return 0


def personal_email(m: Maker, d: Doc) -> int:
    """An e-mail body with a signature, pasted with 'make this sound better'."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    me, to = m.person(loc), m.person(loc)
    iban = loc
    h: dict[str, Piece] = dict(
        to=m.name(to, "first"),
        me=m.name(me),
        phone=m.phone(loc),
        mail=m.email(me, work=rng.random() < 0.4),
        iban=m.iban(iban),
        order=m.trap("order"),
        date=m.trap("date", lang),
        price=m.trap("price", d.lang),
        addr=m.address(loc, multiline=True),
    )
    t = {
        "en": """Make this email sound more professional please:

Hi <%to%>,

thanks for sorting the refund for order <%order%>. The amount was <%price%>, can you send it to \
my account instead of the card? IBAN <%iban%>. I'll be away until <%date%> so email is best.

Cheers,
<%me%>
<%addr%>
Mob: <%phone%>
<%mail%>""",
        "de": """Bitte formuliere diese Mail etwas höflicher:

Hallo <%to%>,

danke für die Rückerstattung zur Bestellung <%order%>. Es geht um <%price%> – bitte überweist \
das auf mein Konto statt auf die Karte: IBAN <%iban%>. Ich bin bis <%date%> nicht da.

Grüße
<%me%>
<%addr%>
Mobil: <%phone%>
E-Mail: <%mail%>""",
        "es": """Mejora este correo, que suene más profesional:

Hola <%to%>:

gracias por tramitar el reembolso del pedido <%order%>. Son <%price%>; ¿podéis hacer la \
transferencia a mi cuenta en vez de a la tarjeta? IBAN <%iban%>. Estaré fuera hasta el <%date%>.

Un saludo,
<%me%>
<%addr%>
Móvil: <%phone%>
<%mail%>""",
        "fr": """Reformule ce mail de façon plus professionnelle stp :

Bonjour <%to%>,

merci pour le remboursement de la commande <%order%>. Le montant est de <%price%> ; pouvez-vous \
le virer sur mon compte plutôt que sur la carte ? IBAN <%iban%>. Je suis absent jusqu'au <%date%>.

Cordialement,
<%me%>
<%addr%>
Portable : <%phone%>
<%mail%>""",
        "it": """Rendi questa mail più professionale per favore:

Ciao <%to%>,

grazie per il rimborso dell'ordine <%order%>. L'importo è <%price%>: potete accreditarlo sul mio \
conto invece che sulla carta? IBAN <%iban%>. Sarò via fino al <%date%>.

Saluti,
<%me%>
<%addr%>
Cell: <%phone%>
<%mail%>""",
    }
    d.fill(t[lang], **h)
    return 0


def forwarded_thread(m: Maker, d: Doc) -> int:
    """A forwarded e-mail with its header block and a question on top."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    a, b, c = m.person(loc), m.person(loc), m.person(loc)
    head = {
        "en": (
            "can you summarise this and tell me what I need to do?",
            "Forwarded message",
            "From",
            "Date",
            "Subject",
            "To",
            "Cc",
        ),
        "de": (
            "Kannst du das zusammenfassen und sagen, was ich tun muss?",
            "Weitergeleitete Nachricht",
            "Von",
            "Datum",
            "Betreff",
            "An",
            "Cc",
        ),
        "es": (
            "¿Me resumes esto y me dices qué tengo que hacer?",
            "Mensaje reenviado",
            "De",
            "Fecha",
            "Asunto",
            "Para",
            "Cc",
        ),
        "fr": (
            "Tu peux me résumer ça et me dire ce que je dois faire ?",
            "Message transféré",
            "De",
            "Date",
            "Objet",
            "À",
            "Cc",
        ),
        "it": (
            "Mi fai un riassunto e mi dici cosa devo fare?",
            "Messaggio inoltrato",
            "Da",
            "Data",
            "Oggetto",
            "A",
            "Cc",
        ),
    }[lang]
    body = {
        "en": """Hi <%bf%>,

as discussed, the contract draft is attached (version <%ver%>). Please send me your signed copy by \
<%due%>. If anything is unclear call me on <%ph%>.

Ticket for the IT access: <%tk%>

Best,
<%an%>""",
        "de": """Hallo <%bf%>,

wie besprochen anbei der Vertragsentwurf (Version <%ver%>). Bitte schick mir die unterschriebene \
Fassung bis <%due%> zurück. Bei Fragen erreichst du mich unter <%ph%>.

Ticket für den IT-Zugang: <%tk%>

Viele Grüße
<%an%>""",
        "es": """Hola <%bf%>:

como hablamos, te adjunto el borrador del contrato (versión <%ver%>). Envíame tu copia firmada \
antes del <%due%>. Si tienes dudas, llámame al <%ph%>.

Ticket del acceso informático: <%tk%>

Saludos,
<%an%>""",
        "fr": """Bonjour <%bf%>,

comme convenu, voici le projet de contrat (version <%ver%>). Merci de me renvoyer ton exemplaire \
signé avant le <%due%>. Pour toute question, appelle-moi au <%ph%>.

Ticket pour l'accès informatique : <%tk%>

Bien à toi,
<%an%>""",
        "it": """Ciao <%bf%>,

come d'accordo ti allego la bozza del contratto (versione <%ver%>). Rimandami la copia firmata \
entro il <%due%>. Per dubbi chiamami al <%ph%>.

Ticket per l'accesso IT: <%tk%>

A presto,
<%an%>""",
    }[lang]
    d.fill(
        f"{head[0]}\n\n---------- {head[1]} ---------\n{head[2]}: <%an%> <<%am%>>\n"
        f"{head[3]}: <%ts%>\n{head[4]}: <%subj%>\n{head[5]}: <%bn%> <<%bm%>>\n"
        f"{head[6]}: <%cm%>\n\n",
        an=m.name(a),
        am=m.email(a, work=True),
        ts=m.trap("timestamp"),
        subj="Re: contract",
        bn=m.name(b),
        bm=m.email(b, work=True),
        cm=m.email(c, work=True),
    )
    d.fill(
        body,
        bf=m.name(b, "first"),
        ver=m.trap("version"),
        due=m.trap("date", lang),
        ph=m.phone(loc),
        tk=m.trap("ticket"),
        an=m.name(a),
    )
    return 0


def distinct_people(m: Maker, loc: str, n: int) -> list[Person]:
    """``n`` people of ``loc`` with different first names (small pools repeat otherwise)."""
    out: list[Person] = []
    for _ in range(50 * n):
        p = m.person(loc)
        if all(p.first != q.first for q in out):
            out.append(p)
        if len(out) == n:
            break
    return out


def group_chat(m: Maker, d: Doc) -> int:
    """A messenger export among friends or family, names typed in lower case."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    ps = distinct_people(m, loc, 3)
    lines = {
        "en": [
            "<%a%>: who's driving on saturday?",
            "<%b%>: i can, pick up from mine at <%addr%>",
            "<%c%>: tell <%lb%> to bring the cake lol",
            "<%a%>: <%lb%> said her new number is <%ph%>",
            "<%b%>: pinned my location <%geo%>",
            "<%c%>: flight is <%fl%>, lands 14:05",
        ],
        "de": [
            "<%a%>: wer fährt am samstag?",
            "<%b%>: ich, treffpunkt bei mir <%addr%>",
            "<%c%>: sag <%lb%> sie soll den kuchen mitbringen",
            "<%a%>: <%lb%> hat ne neue nummer: <%ph%>",
            "<%b%>: standort: <%geo%>",
            "<%c%>: bin mit dem <%fl%> da, ankunft 14:05",
        ],
        "es": [
            "<%a%>: ¿quién conduce el sábado?",
            "<%b%>: yo, quedamos en mi casa, <%addr%>",
            "<%c%>: decidle a <%lb%> que traiga la tarta jaja",
            "<%a%>: <%lb%> tiene número nuevo: <%ph%>",
            "<%b%>: ubicación <%geo%>",
            "<%c%>: mi vuelo es el <%fl%>, llega 14:05",
        ],
        "fr": [
            "<%a%>: qui conduit samedi ?",
            "<%b%>: moi, rdv chez moi <%addr%>",
            "<%c%>: dites à <%lb%> d'apporter le gâteau mdr",
            "<%a%>: <%lb%> a un nouveau numéro : <%ph%>",
            "<%b%>: ma position <%geo%>",
            "<%c%>: mon vol c'est <%fl%>, arrivée 14h05",
        ],
        "it": [
            "<%a%>: chi guida sabato?",
            "<%b%>: io, ci troviamo da me in <%addr%>",
            "<%c%>: dite a <%lb%> di portare la torta ahah",
            "<%a%>: <%lb%> ha un numero nuovo: <%ph%>",
            "<%b%>: posizione <%geo%>",
            "<%c%>: il mio volo è <%fl%>, arriva alle 14:05",
        ],
    }[lang]
    day = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/25"
    lb = next(
        (
            q
            for q in (m.person(loc, sex="f") for _ in range(50))
            if q.first not in {p.first for p in ps}
        ),
        m.person(loc, sex="f"),
    )
    d.one_of(
        "what does everyone need to know from this chat?\n\n",
        "summarise pls\n\n",
        "who is bringing what? \n\n",
    )
    for i, line in enumerate(lines):
        d.fill(f"[<%day%>, {10 + i}:{rng.randint(10, 59)}] ", day=T("date", day))
        d.fill_some(
            line,
            a=m.name(ps[0], "first", lower=True),
            b=m.name(ps[1], "first", lower=True),
            c=m.name(ps[2], "first", lower=True),
            addr=m.address(loc),
            lb=m.name(lb, "first", lower=rng.random() < 0.7),
            ph=m.phone(loc),
            geo=m.geo(loc)[0],
            fl=m.trap("flight"),
        )
        d.add("\n")
    return 0


_CANCEL = {
    "de": """<%me%>
<%addr%>

<%club%>
Kündigung meiner Mitgliedschaft

Sehr geehrte Damen und Herren,

hiermit kündige ich meine Mitgliedschaft (Mitgliedsnummer <%mno%>) fristgerecht zum \
nächstmöglichen \
Zeitpunkt. Bitte buchen Sie keine Beiträge mehr von meinem Konto <%iban%> ab und bestätigen \
Sie mir \
die Kündigung schriftlich an <%mail%>.

Geburtsdatum zur Zuordnung: <%dob%>

Mit freundlichen Grüßen
<%me%>""",
    "es": """<%me%>
<%addr%>

A la atención de <%club%>
Asunto: baja como socio

Por la presente solicito la baja de mi suscripción (n.º de socio <%mno%>) con efecto inmediato. \
Les ruego que no carguen más recibos en mi cuenta <%iban%> y que me confirmen la baja por correo \
a <%mail%>.

Fecha de nacimiento: <%dob%>

Atentamente,
<%me%>""",
    "fr": """<%me%>
<%addr%>

<%club%>
Objet : résiliation de mon abonnement

Madame, Monsieur,

je vous prie de bien vouloir résilier mon abonnement (n° d'adhérent <%mno%>) à la prochaine \
échéance. Merci de ne plus prélever mon compte <%iban%> et de me confirmer la résiliation à \
<%mail%>.

Date de naissance : <%dob%>

Veuillez agréer mes salutations distinguées.
<%me%>""",
    "it": """<%me%>
<%addr%>

Spett.le <%club%>
Oggetto: disdetta abbonamento

Con la presente comunico la disdetta del mio abbonamento (tessera n. <%mno%>) alla prima scadenza \
utile. Vi chiedo di non addebitare più alcun importo sul conto <%iban%> e di confermarmi la \
disdetta \
all'indirizzo <%mail%>.

Data di nascita: <%dob%>

Distinti saluti,
<%me%>""",
    "en": """<%me%>
<%addr%>

<%club%>
Re: cancellation of membership

Dear Sir or Madam,

please cancel my membership (member no. <%mno%>) at the end of the current term. Do not take any \
further payments from account <%iban%>, and confirm the cancellation in writing to <%mail%>.

Date of birth (for your records): <%dob%>

Yours faithfully,
<%me%>""",
}
_CLUBS = {
    "de": ["FitWerk Studios", "Turnverein Eintracht 1887 e.V.", "Kletterhalle Nordwand"],
    "es": ["Club Deportivo Aurora", "Gimnasio Bahía", "Centro Acuático Levante"],
    "fr": ["Salle Oxygène", "Club de Tennis des Tilleuls", "Aqua Forme"],
    "it": ["Palestra Delfino", "Circolo Tennis Riviera", "Piscina Acquaverde"],
    "en": ["IronBay Gym", "Riverside Leisure Club", "Northfield Climbing Centre"],
}


def cancellation_letter(m: Maker, d: Doc) -> int:
    """A cancellation letter to a gym or club, asked to be checked for mistakes."""
    rng, lang = m.rng, d.lang
    loc = {"en": "en", "de": "de", "es": "es", "fr": "fr", "it": "it"}[lang]
    me = m.person(loc)
    d.one_of("Check this letter for mistakes:\n\n", "Is this ok to send?\n\n", "")
    mno = f"{rng.choice(['', 'M-', 'FW'])}{rng.randint(100000, 9999999)}"
    d.fill(
        _CANCEL[lang],
        me=m.name(me),
        addr=m.address(loc, multiline=True),
        club=rng.choice(_CLUBS[lang]),
        mno=member(mno),
        iban=m.iban(loc),
        mail=m.email(me),
        dob=m.dob(me, lang),
    )
    return 0


def member(text: str) -> V:
    """A membership number that identifies its holder."""
    return V("member_no", text, ID)


def expat_forum(m: Maker, d: Doc) -> int:
    """A forum question from someone dealing with paperwork abroad; mixed languages."""
    rng = m.rng
    where = rng.choice(
        ["es", "es", "it", "it", "de", "de", "fr", "en", "nl", "pt", "be", "at", "ch"]
    )
    home = DECK[(d.index * 3 + 1) % len(DECK)]
    origin = LOC_OF_SCHEME[home]
    if origin == where or home == "es_nie":
        origin = rng.choice(["en", "us", "pl", "ro", "in", "br", "ie", "nordic"])
        home = rng.choice(ID_BY_LOC[origin])
    me = m.person(origin)
    scheme = (
        rng.choice(["es_nie", "es_nie", "es_dni"])
        if where == "es"
        else rng.choice(ID_BY_LOC[where])
    )
    local = {
        "es": "la gestoría",
        "it": "il CAF",
        "de": "das Bürgeramt",
        "fr": "la CPAM",
        "en": "HMRC",
        "nl": "de gemeente",
        "pt": "as Finanças",
        "be": "la commune",
        "at": "das Magistrat",
        "ch": "die Gemeinde",
    }[where]
    d.fill(
        """Posted in: Living abroad › Paperwork

Sorry for the long post. I moved to <%city%> on <%moved%> and I'm going round in circles. \
My <%lab%> is <%idv%> (it's on the letter from <%local%>), but the bank keeps saying it doesn't \
match their system. My name on the passport is <%full%> but the letter says <%rev%>. \
Back home my <%hlab%> was <%hid%>, do I need to give them that too?

Also they want proof of address: I'm at <%addr%> since the lease started <%lease%>. \
Anyone had this? DM me or mail <%mail%>. Thanks!! (edit: typo)""",
        city={
            "es": "Valencia",
            "it": "Bologna",
            "de": "Leipzig",
            "fr": "Lyon",
            "en": "Bristol",
            "nl": "Utrecht",
            "pt": "Porto",
            "be": "Gent",
            "at": "Graz",
            "ch": "Basel",
        }[where],
        moved=m.trap("date", "en"),
        lab=LABEL[scheme],
        idv=m.ident(scheme, me),
        local=local,
        full=m.name(me),
        rev=surname_first(me),
        hlab=LABEL[home],
        hid=m.ident(home, me),
        addr=m.address(where),
        lease=m.trap("date", "en"),
        mail=m.email(me),
    )
    return 0


def surname_first(p: Person) -> V:
    """The person's name written surname first, upper case, as offices print it."""
    return V("name", f"{p.last.upper()} {p.first}", PERSON)


_TR_SRC = {
    "de": """Sehr geehrte Frau <%rl%>,

anbei sende ich Ihnen die Unterlagen für meinen Sohn <%kid%>, geboren am <%kdob%>. \
Er wohnt weiterhin bei mir in der <%addr%>. Die Steuer-Identifikationsnummer meines Sohnes lautet \
<%tid%>. Bitte überweisen Sie das Kindergeld künftig auf das Konto <%iban%>.

Für Rückfragen bin ich telefonisch unter <%ph%> erreichbar.

Mit freundlichen Grüßen
<%me%>""",
    "es": """Estimada señora <%rl%>:

le remito la documentación de mi hijo <%kid%>, nacido el <%kdob%>, que sigue empadronado \
conmigo en <%addr%>. El DNI de mi hijo es <%tid%>. Le ruego que a partir de ahora ingrese la \
prestación en la cuenta <%iban%>.

Puede contactarme en el <%ph%>.

Atentamente,
<%me%>""",
    "fr": """Madame <%rl%>,

veuillez trouver ci-joint les documents concernant mon fils <%kid%>, né le <%kdob%>, qui réside \
toujours chez moi au <%addr%>. Son numéro de sécurité sociale est le <%tid%>. Merci de verser \
désormais les allocations sur le compte <%iban%>.

Je reste joignable au <%ph%>.

Cordialement,
<%me%>""",
    "it": """Gentile dott.ssa <%rl%>,

le invio i documenti di mio figlio <%kid%>, nato il <%kdob%>, che risiede ancora con me in \
<%addr%>. Il codice fiscale di mio figlio è <%tid%>. La prego di accreditare d'ora in poi \
l'assegno sul conto <%iban%>.

Resto a disposizione al numero <%ph%>.

Cordiali saluti,
<%me%>""",
}


def translate_request(m: Maker, d: Doc) -> int:
    """A letter in one language pasted with a request to translate it."""
    rng, lang = m.rng, d.lang
    src = lang if lang in _TR_SRC else rng.choice(list(_TR_SRC))
    loc = src
    me, rl = m.person(loc), m.person(loc, sex="f")
    kid = m.person(loc, sex="m")
    kid.last = me.last
    kid.dob = dt.date(rng.randint(2006, 2019), kid.dob.month, min(kid.dob.day, 28))
    scheme = {"de": "de_steuerid", "es": "es_dni", "fr": "fr_nir", "it": "it_cf"}[src]
    ask = rng.choice(
        [
            "Translate this into English please, keep the format:\n\n",
            "Can you translate this to English? It's for my lawyer\n\n",
            'translate to english\n"""\n',
        ]
    )
    d.add(ask)
    d.fill(
        _TR_SRC[src],
        rl=m.name(rl, "last"),
        kid=m.name(kid),
        kdob=m.dob(kid, src),
        addr=m.address(loc),
        tid=m.ident(scheme, kid),
        iban=m.iban(loc),
        ph=m.phone(loc),
        me=m.name(me),
    )
    if ask.endswith('"""\n'):
        d.add('\n"""')
    return 0
