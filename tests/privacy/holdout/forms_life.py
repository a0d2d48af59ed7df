"""Life admin people paste: health, tax, school, jobs, money, events."""

from __future__ import annotations

import datetime as dt

from privacy.holdout.build import PERSON, Doc, Maker, Piece, T, V, home_loc
from privacy.holdout.people import Person, ascii_fold

_CLINIC = {
    "en": """Can you explain this letter from the hospital in plain words?

Patient: <%name%>   DOB: <%dob%>   NHS No: <%nhs%>
Address: <%addr%>

Dear Dr <%gp%>,

I reviewed your patient in clinic on <%visit%>. Bloods showed HbA1c 58 mmol/mol and eGFR \
<%egfr%>. I have started metformin <%dose%> twice daily and booked a review in 12 weeks \
(appointment ref <%ref%>). Her daughter <%kin%> (<%kph%>) asked to be kept informed.

Yours sincerely,
Dr <%cons%>, Consultant Diabetologist""",
    "de": """Kannst du mir diesen Arztbrief in einfachen Worten erklären?

Patientin: <%name%>, geb. <%dob%>
Anschrift: <%addr%>

Sehr geehrte Frau Kollegin <%gp%>,

wir berichten über Ihre Patientin, die sich am <%visit%> in unserer Ambulanz vorstellte. \
HbA1c 7,5 %, eGFR <%egfr%>. Wir haben Metformin <%dose%> 1-0-1 begonnen; Kontrolle in 12 Wochen \
(Termin-Nr. <%ref%>). Die Tochter <%kin%> (Tel. <%kph%>) bittet um Information.

Mit freundlichen kollegialen Grüßen
Dr. med. <%cons%>""",
    "es": """¿Me explicas este informe médico con palabras sencillas?

Paciente: <%name%>   F. nacimiento: <%dob%>
Domicilio: <%addr%>

Estimada Dra. <%gp%>:

valoramos a su paciente en consulta el <%visit%>. HbA1c 7,5 %, FG <%egfr%>. Iniciamos \
metformina <%dose%> cada 12 h y revisión en 12 semanas (cita n.º <%ref%>). Su hija <%kin%> \
(tel. <%kph%>) desea ser informada.

Atentamente,
Dr. <%cons%>""",
    "fr": """Tu peux m'expliquer ce compte rendu simplement ?

Patiente : <%name%>, née le <%dob%>
Adresse : <%addr%>

Chère consœur, Dr <%gp%>,

j'ai vu votre patiente en consultation le <%visit%>. HbA1c 7,5 %, DFG <%egfr%>. J'ai débuté la \
metformine <%dose%> matin et soir ; contrôle dans 12 semaines (RDV n° <%ref%>). Sa fille \
<%kin%> (<%kph%>) souhaite être tenue informée.

Bien confraternellement,
Dr <%cons%>""",
    "it": """Mi spieghi questa lettera dell'ospedale in parole semplici?

Paziente: <%name%>, nata il <%dob%>
Indirizzo: <%addr%>

Gentile collega dott.ssa <%gp%>,

ho visitato la sua paziente in ambulatorio il <%visit%>. HbA1c 7,5 %, eGFR <%egfr%>. Ho \
iniziato metformina <%dose%> due volte al giorno; controllo tra 12 settimane (prenotazione n. \
<%ref%>). La figlia <%kin%> (tel. <%kph%>) chiede di essere informata.

Cordiali saluti,
dott. <%cons%>""",
}


def clinic_letter(m: Maker, d: Doc) -> int:
    """A hospital letter about a patient, pasted to have it explained."""
    rng, lang = m.rng, d.lang
    loc = lang
    p = m.person(loc, sex="f")
    p.dob = dt.date(rng.randint(1938, 1965), p.dob.month, min(p.dob.day, 28))
    kin = m.person(loc, sex="f")
    kin.last = p.last
    h: dict[str, Piece] = dict(
        name=m.name(p),
        dob=m.dob(p, lang),
        addr=m.address(loc),
        gp=m.name(m.person(loc, sex="f"), "last"),
        visit=m.trap("date", lang),
        egfr=T("measure", f"{rng.randint(45, 90)} ml/min"),
        dose=T("measure", rng.choice(["500 mg", "850 mg", "1000 mg"])),
        ref=m.trap("ticket"),
        kin=m.name(kin),
        kph=m.phone(loc),
        cons=m.name(m.person(loc)),
    )
    if lang == "en":
        h["nhs"] = m.ident("uk_nhs", p)
    d.fill(_CLINIC[lang], **h)
    return 0


_TAX = {
    "de": (
        """Hallo Frau <%adv%>,

anbei die Unterlagen für die Steuererklärung 2024. Meine Steuer-ID ist <%tid%>, die meiner Frau \
<%sp%> lautet <%tid2%>. Die Erstattung bitte wie immer auf <%iban%>. Die Rechnung der Handwerker \
(<%inv%>, <%amt%>) liegt bei.

Viele Grüße
<%me%>
<%ph%>""",
        "de_steuerid",
    ),
    "es": (
        """Hola <%adv%>:

te mando la documentación para la renta 2024. Mi DNI es <%tid%> y el de mi mujer, <%sp%>, \
<%tid2%>. La devolución, como siempre, a <%iban%>. Adjunto la factura de la reforma \
(<%inv%>, <%amt%>).

Un abrazo,
<%me%>
<%ph%>""",
        "es_dni",
    ),
    "fr": (
        """Bonjour <%adv%>,

voici les pièces pour la déclaration 2024. Mon numéro de sécurité sociale est le <%tid%>, celui de \
mon épouse <%sp%> le <%tid2%>. Le remboursement sur <%iban%> comme d'habitude. La facture des \
travaux (<%inv%>, <%amt%>) est jointe.

Bien cordialement,
<%me%>
<%ph%>""",
        "fr_nir",
    ),
    "it": (
        """Buongiorno dott. <%adv%>,

le invio i documenti per il 730/2025. Il mio codice fiscale è <%tid%>, quello di mia moglie \
<%sp%> è <%tid2%>. Il rimborso sul conto <%iban%> come sempre. Allego la fattura dei lavori \
(<%inv%>, <%amt%>).

Cordiali saluti,
<%me%>
<%ph%>""",
        "it_cf",
    ),
    "en": (
        """Hi <%adv%>,

here are the papers for this year's self assessment. My NI number is <%tid%>, my wife <%sp%>'s is \
<%tid2%>. Refund to <%iban%> as usual. The builder's invoice (<%inv%>, <%amt%>) is attached.

Thanks,
<%me%>
<%ph%>""",
        "uk_nino",
    ),
}


def tax_email(m: Maker, d: Doc) -> int:
    """An e-mail to a tax adviser with both spouses' tax numbers."""
    lang = d.lang
    body, scheme = _TAX[lang]
    me, sp = m.person(lang, sex="m"), m.person(lang, sex="f")
    d.one_of("Shorten this email:\n\n", "Fix my grammar:\n\n", "")
    d.fill(
        body,
        adv=m.name(m.person(lang), "last"),
        tid=m.ident(scheme, me),
        sp=m.name(sp, "first"),
        tid2=m.ident(scheme, sp),
        iban=m.iban(lang),
        inv=m.trap("invoice"),
        amt=m.trap("price", d.lang),
        me=m.name(me),
        ph=m.phone(lang),
    )
    return 0


_CV = {
    "en": (
        "CV",
        "Personal details",
        "Name",
        "Date of birth",
        "Address",
        "Phone",
        "Email",
        "Experience",
        "Improve my CV, especially the experience part:",
    ),
    "de": (
        "Lebenslauf",
        "Persönliche Daten",
        "Name",
        "Geburtsdatum",
        "Anschrift",
        "Telefon",
        "E-Mail",
        "Berufserfahrung",
        "Verbessere bitte meinen Lebenslauf:",
    ),
    "es": (
        "Currículum",
        "Datos personales",
        "Nombre",
        "Fecha de nacimiento",
        "Dirección",
        "Teléfono",
        "Correo",
        "Experiencia",
        "Mejora mi currículum, sobre todo la experiencia:",
    ),
    "fr": (
        "CV",
        "État civil",
        "Nom",
        "Date de naissance",
        "Adresse",
        "Téléphone",
        "E-mail",
        "Expérience",
        "Améliore mon CV stp :",
    ),
    "it": (
        "Curriculum vitae",
        "Dati personali",
        "Nome",
        "Data di nascita",
        "Indirizzo",
        "Telefono",
        "Email",
        "Esperienza",
        "Migliora il mio CV per favore:",
    ),
}


def curriculum(m: Maker, d: Doc) -> int:
    """A CV's header and experience, with a request to polish it."""
    rng, lang = m.rng, d.lang
    title, pers, nm, born, addr, tel, mail, exp, ask = _CV[lang]
    loc = home_loc(rng, lang)
    p = m.person(loc, native=rng.random() < 0.1)
    d.add(f"{ask}\n\n{title}\n\n{pers}\n")
    d.fill(
        f"{nm}: <%n%>\n{born}: <%dob%>\n{addr}: <%a%>\n{tel}: <%ph%>\n{mail}: <%e%>\n"
        f"LinkedIn: linkedin.com/in/<%slug%>\n\n{exp}\n",
        n=m.name(p),
        dob=m.dob(p, "us" if loc == "us" else lang),
        a=m.address(loc),
        ph=m.phone(loc),
        e=m.email(p),
        slug=_slug(p),
    )
    for _ in range(rng.randint(2, 3)):
        y1 = rng.randint(max(2006, p.dob.year + 19), 2023)
        d.fill(
            "<%y1%> – <%y2%>  <%role%>, <%co%>\n  - cut build times from 40 to <%t%> minutes; "
            "ran release <%v%>\n",
            y1=T("date", f"{rng.randint(1, 12):02d}/{y1}"),
            y2=T("date", f"{rng.randint(1, 12):02d}/{y1 + rng.randint(1, 4)}"),
            role=rng.choice(
                ["Backend Developer", "Data Analyst", "Project Manager", "DevOps Engineer"]
            ),
            co=rng.choice(
                [
                    "Brightwave GmbH",
                    "Talleres Ebro S.L.",
                    "Vetrerie Lago S.p.A.",
                    "Atelier Soleil SAS",
                ]
            ),
            t=T("measure", str(rng.randint(6, 15))),
            v=m.trap("version"),
        )
    return 0


def _slug(p: Person) -> V:
    first = ascii_fold(p.first).replace(" ", "") or "anon"
    last = ascii_fold(p.last).replace(" ", "") or "x"
    return V("name", f"{first}-{last}", PERSON)


_SCHOOL = {
    "de": (
        "Anmeldung Grundschule – bitte prüfen",
        "Kind",
        "geboren am",
        "Erziehungsberechtigte/r",
        "Notfallkontakt",
        "Allergien: Erdnüsse. Abholung durch",
        "Schuljahr",
    ),
    "es": (
        "Matrícula escolar – ¿está todo bien?",
        "Alumno/a",
        "nacido/a el",
        "Padre/madre/tutor",
        "Contacto de emergencia",
        "Alergias: frutos secos. Recoge",
        "Curso",
    ),
    "fr": (
        "Inscription scolaire – tu peux vérifier ?",
        "Enfant",
        "né(e) le",
        "Responsable légal",
        "Contact d'urgence",
        "Allergies : arachides. Récupéré par",
        "Année scolaire",
    ),
    "it": (
        "Iscrizione scuola – va bene così?",
        "Alunno/a",
        "nato/a il",
        "Genitore",
        "Contatto di emergenza",
        "Allergie: arachidi. Ritira",
        "Anno scolastico",
    ),
    "en": (
        "School registration - does this look complete?",
        "Child",
        "born",
        "Parent/guardian",
        "Emergency contact",
        "Allergies: peanuts. Collected by",
        "School year",
    ),
}


_GRADE = {
    "de": "Klasse 1b",
    "es": "1.º B de Primaria",
    "fr": "classe de CP",
    "it": "classe 1ª B",
    "en": "Year 1",
}


def school_form(m: Maker, d: Doc) -> int:
    """A child's school registration, with parents and an emergency contact."""
    rng, lang = m.rng, d.lang
    head, child, born, parent, emerg, pickup, year = _SCHOOL[lang]
    loc = lang
    kid, mum, gran = m.person(loc), m.person(loc, sex="f"), m.person(loc)
    kid.last = mum.last
    kid.dob = dt.date(rng.randint(2015, 2020), kid.dob.month, min(kid.dob.day, 28))
    d.fill(
        f"{head}\n\n{child}: <%k%>, {born} <%kd%>\n{parent}: <%m%>, <%ma%>, <%mp%>, <%me%>\n"
        f"{emerg}: <%g%> <%gp%>\n{pickup} <%g2%>.\n{year}: 2025/26, {_GRADE[lang]}\n",
        k=m.name(kid),
        kd=m.dob(kid, lang),
        m=m.name(mum),
        ma=m.address(loc),
        mp=m.phone(loc),
        me=m.email(mum),
        g=m.name(gran),
        gp=m.phone(loc),
        g2=m.name(gran, "first"),
    )
    if lang == "it":
        d.fill("Codice fiscale alunno: <%cf%>\n", cf=m.ident("it_cf", kid))
    elif lang == "es":
        d.fill("DNI del padre/madre: <%dni%>\n", dni=m.ident("es_dni", mum))
    return 0


def guest_list(m: Maker, d: Doc) -> int:
    """A tab-separated guest list for a wedding or party, pasted to sort tables."""
    rng, lang = m.rng, d.lang
    d.one_of(
        "Sort these guests into tables of 8, families together:\n\n",
        "Make a seating plan from this:\n\n",
        "Sitzordnung bitte:\n\n",
    )
    d.add("Name\tPhone\tDiet\tRSVP\n")
    for _ in range(rng.randint(5, 8)):
        loc = home_loc(rng, lang)
        p = m.person(loc)
        diet = rng.choice(["veg", "-", "vegan", "gluten free", "halal", "-"])
        d.fill(
            f"<%n%>\t<%ph%>\t{diet}\t<%r%>\n",
            n=m.name(p),
            ph=m.phone(loc),
            r=T("date", f"{rng.randint(1, 28)}/{rng.randint(1, 6)}"),
        )
    return 0


def card_dispute(m: Maker, d: Doc) -> int:
    """A card payment dispute written to a bank's chat."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    t = {
        "en": "write a complaint to my bank: a charge of <%amt%> on <%dt%> from "
        "'DIGITAL SVC <%ref%>' on my card <%card%> isn't mine. cardholder <%name%>, "
        "registered address <%addr%>, they can call me on <%ph%>.",
        "de": "Schreib eine Reklamation an meine Bank: Die Abbuchung über <%amt%> vom <%dt%> "
        "('DIGITAL SVC <%ref%>') auf meiner Karte <%card%> war nicht ich. "
        "Karteninhaber <%name%>, Anschrift <%addr%>, Rückruf unter <%ph%>.",
        "es": "Redacta una reclamación al banco: el cargo de <%amt%> del <%dt%> "
        "('DIGITAL SVC <%ref%>') en mi tarjeta <%card%> no lo hice yo. Titular <%name%>, "
        "domicilio <%addr%>, teléfono <%ph%>.",
        "fr": "Rédige une réclamation à ma banque : le débit de <%amt%> du <%dt%> "
        "('DIGITAL SVC <%ref%>') sur ma carte <%card%> n'est pas de moi. Titulaire <%name%>, "
        "adresse <%addr%>, tél. <%ph%>.",
        "it": "Scrivi un reclamo alla banca: l'addebito di <%amt%> del <%dt%> "
        "('DIGITAL SVC <%ref%>') sulla mia carta <%card%> non l'ho fatto io. "
        "Titolare <%name%>, indirizzo <%addr%>, cell. <%ph%>.",
    }[lang]
    d.fill(
        t,
        amt=m.trap("price", d.lang),
        dt=m.trap("date", lang),
        ref=m.trap("order"),
        card=m.card(),
        name=m.name(p),
        addr=m.address(loc),
        ph=m.phone(loc),
    )
    d.fill(
        "\n\n"
        + {
            "en": "Transaction id",
            "de": "Transaktions-ID",
            "es": "Id. de operación",
            "fr": "ID de transaction",
            "it": "ID transazione",
        }[lang]
        + ": <%tx%>",
        tx=m.trap("trace"),
    )
    return 0


def meeting_notes(m: Maker, d: Doc) -> int:
    """Minutes of a team meeting: colleagues' names, dates and ticket numbers."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    a, b, c = m.person(loc), m.person(loc), m.person(loc)
    hd = {
        "en": ("Turn these notes into an email to the team", "Attendees", "Actions"),
        "de": ("Mach aus diesen Notizen eine Mail ans Team", "Teilnehmende", "Aufgaben"),
        "es": ("Convierte estas notas en un correo para el equipo", "Asistentes", "Tareas"),
        "fr": ("Transforme ces notes en mail pour l'équipe", "Participants", "Actions"),
        "it": ("Trasforma questi appunti in una mail per il team", "Partecipanti", "Azioni"),
    }[lang]
    d.fill(
        f"{hd[0]}:\n\nSync <%day%>\n{hd[1]}: <%a%>, <%b%>, <%c%>\n\n- release <%v%> slipped, "
        "blocker <%t1%>\n- p95 latency <%lat%> after the index change (<%sha%>)\n\n"
        f"{hd[2]}:\n- <%a1%>: fix <%t2%> by <%due%>\n- <%b1%>: call the customer back, "
        "her mobile is <%ph%>\n- <%c1%>: budget <%amt%> for Q3\n",
        day=m.trap("date", lang),
        a=m.name(a),
        b=m.name(b),
        c=m.name(c),
        v=m.trap("version"),
        t1=m.trap("ticket"),
        lat=T("measure", f"{rng.randint(120, 900)} ms"),
        sha=m.trap("short_sha"),
        a1=m.name(a, "first"),
        t2=m.trap("ticket"),
        due=m.trap("date", lang),
        b1=m.name(b, "first"),
        ph=m.phone(loc),
        c1=m.name(c, "first"),
        amt=m.trap("price", d.lang),
    )
    return 0


def sms_reminders(m: Maker, d: Doc) -> int:
    """Text messages copied from a phone: a bank OTP, a parcel, a doctor's reminder."""
    rng, lang = m.rng, d.lang
    loc = home_loc(rng, lang)
    p = m.person(loc)
    d.one_of("Which of these texts are scams?\n\n", "Are any of these phishing?\n\n")
    d.fill(
        "1) Your parcel <%trk%> could not be delivered. Pay <%fee%> at https://dhl-redelivery.example.net\n"
        "2) Hi <%first%>, reminder: appointment on <%appt%> with Dr. <%doc%>. Reply C to cancel.\n"
        "3) Example Shop: your order <%ord%> has shipped and arrives <%eta%>.\n"
        "4) <%friend%> here, new number! save it: <%ph%>\n"
        "5) <%ll%>: hi! from next month the rent goes to my new account <%iban%>, thx\n",
        trk=m.trap("tracking"),
        fee=m.trap("price", d.lang),
        first=m.name(p, "first"),
        appt=m.trap("date", lang),
        doc=m.name(m.person(loc), "last"),
        ord=m.trap("order"),
        eta=m.trap("date", lang),
        friend=m.name(m.person(loc), "first"),
        ph=m.phone(loc),
        iban=m.iban(loc),
        ll=m.name(m.person(loc)),
    )
    return 0


_INVITE = {
    "de": """Einladungsschreiben / Verpflichtungserklärung – bitte Rechtschreibung prüfen:

Hiermit lade ich, <%host%>, wohnhaft <%addr%>, meine Schwiegermutter <%native%> \
(<%latin%>), geboren am <%dob%>, Reisepass-Nr. <%pp%>, für einen Besuch vom <%start%> bis zum \
<%to%> zu mir ein. Ich übernehme sämtliche Kosten des Aufenthalts.
Erreichbar bin ich unter <%ph%> oder <%mail%>.""",
    "fr": """Lettre d'invitation – tu peux corriger ?

Je soussigné(e) <%host%>, demeurant au <%addr%>, invite ma belle-mère <%native%> \
(<%latin%>), née le <%dob%>, passeport n° <%pp%>, à séjourner chez moi du <%start%> au <%to%>. \
Je prends en charge l'ensemble des frais. Contact : <%ph%>, <%mail%>.""",
    "it": """Lettera d'invito – me la correggi?

Io sottoscritto/a <%host%>, residente in <%addr%>, invito mia suocera <%native%> \
(<%latin%>), nata il <%dob%>, passaporto n. <%pp%>, a soggiornare presso di me dal <%start%> \
al <%to%>. Mi faccio carico di tutte le spese. Recapiti: <%ph%>, <%mail%>.""",
    "es": """Carta de invitación – ¿me la revisas?

Yo, <%host%>, con domicilio en <%addr%>, invito a mi suegra <%native%> (<%latin%>), nacida \
el <%dob%>, pasaporte n.º <%pp%>, a alojarse en mi casa del <%start%> al <%to%>. Me hago cargo \
de todos los gastos. Contacto: <%ph%>, <%mail%>.""",
    "en": """Can you make this invitation letter for the visa sound more formal?

I, <%host%>, of <%addr%>, am inviting my mother-in-law <%native%> (<%latin%>), born \
<%dob%>, passport number <%pp%>, to stay with us from <%start%> to <%to%>. I will cover all \
costs of her stay. I can be reached on <%ph%> or at <%mail%>.""",
}
_ROMAN = {
    "cn": ("王芳", "WANG Fang"),
    "kr": ("박서연", "PARK Seo-yeon"),
    "jp": ("高橋結衣", "TAKAHASHI Yui"),
    "ru": ("Смирнова Екатерина", "SMIRNOVA Ekaterina"),
    "gr": ("Ελένη Παπαδοπούλου", "Eleni PAPADOPOULOU"),
    "il": ("נועה כהן", "Noa COHEN"),
    "in": ("प्रिया शर्मा", "Priya SHARMA"),
}


def invitation_letter(m: Maker, d: Doc) -> int:
    """A visa invitation for a relative whose name is written in two scripts."""
    rng, lang = m.rng, d.lang
    host = m.person(lang)
    origin = list(_ROMAN)[d.index % len(_ROMAN)]
    guest = m.person(origin, sex="f")
    guest.dob = dt.date(rng.randint(1948, 1968), guest.dob.month, min(guest.dob.day, 28))
    native, latin = _ROMAN[origin]
    d.fill(
        _INVITE[lang],
        host=m.name(host),
        addr=m.address(lang),
        native=V("name", native, PERSON),
        latin=V("name", latin, PERSON),
        dob=m.dob(guest, lang),
        pp=m.ident("passport", guest),
        start=m.trap("date", lang),
        to=m.trap("date", lang),
        ph=m.phone(lang),
        mail=m.email(host),
    )
    return 0
