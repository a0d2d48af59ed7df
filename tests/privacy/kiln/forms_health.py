"""Forms from health care: letters, referrals, lists, notes."""

from __future__ import annotations

from random import Random

from . import values as vals
from ._build import B, P, X


def de_entlassbrief(r: Random, v: int) -> B:
    p = vals.Person(r, "de")
    doc1, doc2 = vals.Person(r, "de"), vals.Person(r, "de", "f")
    icd, drug = r.choice(vals.ICD), r.choice(vals.DRUGS)
    b = B()
    b.f(
        "Klinikum Kaiserslautern · Innere Medizin II · Station {st}\n\n",
        st=X("ward", f"{r.randrange(3, 9)}B"),
    )
    if v % 2:
        b.f(
            "Patient: {n}, geb. {d}\n{a}\nVersichertennr.: {k}\n\n"
            "Sehr geehrte Kolleginnen und Kollegen,\n\nwir berichten über o. g. Patienten, ",
            n=P("name", f"{p.family}, {p.given}"),
            d=P("dob", vals.fmt_date(p.dob, "dot"), "DOB"),
            a=P("address", vals.address(r, "de", "\n"), "A"),
            k=P("de_kvnr", vals.de_kvnr(r), "ID"),
        )
    else:
        b.f(
            "Sehr geehrte Frau Kollegin, sehr geehrter Herr Kollege,\n\nwir berichten über "
            "{anrede} {n} "
            "(*{d}, KV-Nr. {k}), wohnhaft {a}, ",
            anrede="Frau" if p.sex == "f" else "Herrn",
            n=P("name", p.full),
            d=P("dob", vals.fmt_date(p.dob, "dot"), "DOB"),
            k=P("de_kvnr", vals.de_kvnr(r), "ID"),
            a=P("address", vals.address(r, "de"), "A"),
        )
    b.f(
        "der/die sich vom {a1} bis {a2} in unserer stationären Behandlung befand.\n\n"
        "Diagnosen: {icd} \nMedikation bei Entlassung: {drug} 1-0-1, {drug2} 0-0-1\n"
        "Labor: CRP {crp} mg/l, Hb {hb} g/dl.\n\n",
        a1=X("date", f"{r.randrange(1, 14):02d}.10.2026"),
        a2=X("date", f"{r.randrange(15, 28):02d}.10.2026"),
        icd=X("icd10", icd),
        drug=X("drug", drug),
        drug2=X("drug", r.choice([d for d in vals.DRUGS if d != drug])),
        crp=X("measurement", f"{r.randrange(1, 90)},{r.randrange(10)}"),
        hb=X("measurement", f"{r.randrange(9, 16)},{r.randrange(10)}"),
    )
    b.f(
        "Rückfragen gern unter {t} (Stationstelefon) oder an die Angehörige {rel}, Tel. {tr}.\n\n"
        "Mit kollegialen Grüßen\n{d1}, Oberarzt        {d2}, Assistenzärztin\n",
        t=X("office_phone_ext", f"Durchwahl {r.randrange(1000, 4999)}"),
        rel=P("name", vals.Person(r, "de").full),
        tr=P("phone", vals.phone(r, "de"), "T"),
        d1=P("name", f"Dr. med. {doc1.given[0]}. {doc1.family}"),
        d2=P("name", f"{doc2.given} {doc2.family}"),
    )
    return b


def fr_compte_rendu(r: Random, v: int) -> B:
    p = vals.Person(r, "fr")
    b = B()
    b.f(
        "CENTRE HOSPITALIER {ch} – Service de pneumologie\nCompte rendu d'hospitalisation\n\n",
        ch=X("hospital", r.choice(["Lyon-Sud", "de Nantes", "Saint-Joseph"])),
    )
    b.f(
        "Patient(e) : {n}\nNé(e) le : {d}\nN° de sécurité sociale : {nir}\nAdresse : {a}\nTél. : "
        "{t}\n\n",
        n=P("name", f"{p.family.upper()} {p.given}" if v % 2 else p.full),
        d=P("dob", vals.fmt_date(p.dob, "slash" if v % 3 else "fr"), "DOB"),
        nir=P("fr_nir", vals.fr_nir(r, p.sex, p.dob), "ID"),
        a=P("address", vals.address(r, "fr"), "A"),
        t=P("phone", vals.phone(r, "fr"), "T"),
    )
    b.f(
        "Motif : dyspnée. Diagnostic principal {icd}. Traitement : {drug} matin et soir, "
        "saturation {sat} sous 2 l/min.\nSortie le {ds}. Prochain rendez-vous avec le Dr {dr} "
        "le {rdv} à {h}.\n",
        icd=X("icd10", r.choice(vals.ICD)),
        drug=X("drug", r.choice(vals.DRUGS)),
        sat=X("measurement", f"{r.randrange(88, 99)} %"),
        ds=X("date", f"{r.randrange(1, 28)}/11/2026"),
        dr=P("name", vals.Person(r, "fr").family),
        rdv=X("date", f"{r.randrange(1, 28)} décembre 2026"),
        h=X("time", f"{r.randrange(8, 17)}h{r.choice(['00', '15', '30', '45'])}"),
    )
    b.f(
        "Personne de confiance : {pc} ({lien}), {pt}.\n",
        pc=P("name", vals.Person(r, "fr").full),
        lien=r.choice(["fille", "époux", "voisine", "fils"]),
        pt=P("phone", vals.phone(r, "fr"), "T"),
    )
    return b


def nl_verwijsbrief(r: Random, v: int) -> B:
    p = vals.Person(r, "nl")
    hp = vals.Person(r, "nl")
    b = B()
    b.f(
        "Huisartsenpraktijk {hp}\nVerwijzing naar: fysiotherapie / {spec}\n\n",
        hp=X("practice", r.choice(["De Linde", "Oog in Al", "Het Anker"])),
        spec=X("department", "orthopedie"),
    )
    b.f(
        "Betreft: {aanh} {n}\nGeboortedatum: {d}\nBSN: {bsn}\nAdres: {a}\nTelefoon: {t}\n\n",
        aanh="mevr." if p.sex == "f" else "dhr.",
        n=P("name", p.full if v % 2 else f"{p.given[0]}. {p.family}"),
        d=P("dob", vals.fmt_date(p.dob, "dash" if v % 2 else "nl"), "DOB"),
        bsn=P("nl_bsn", vals.nl_bsn(r), "ID"),
        a=P("address", vals.address(r, "nl"), "A"),
        t=P("phone", vals.phone(r, "nl"), "T"),
    )
    b.f(
        "Geachte collega,\n\nGraag uw beoordeling i.v.m. klachten {icd} sinds {wk} weken. "
        "Patiënt gebruikt {drug}. Bloeddruk {bd} mmHg.\n\nMet vriendelijke groet,\n{hpn}, "
        "huisarts\n"
        "AGB-code praktijk: {agb}\n",
        icd=X("icd10", r.choice(vals.ICD)),
        wk=str(r.randrange(2, 12)),
        drug=X("drug", r.choice(vals.DRUGS)),
        bd=X("measurement", f"{r.randrange(110, 170)}/{r.randrange(60, 100)}"),
        hpn=P("name", hp.full),
        agb=X("practice_code", f"01{r.randrange(100000, 999999)}"),
    )
    return b


def pl_skierowanie(r: Random, v: int) -> B:
    p = vals.Person(r, "pl")
    b = B()
    b.f(
        "SKIEROWANIE do poradni {por}\n\nImię i nazwisko: {n}\nPESEL: {pe}\nAdres: {a}\nTel.: "
        "{t}\n",
        por=X("department", r.choice(["kardiologicznej", "neurologicznej", "rehabilitacyjnej"])),
        n=P("name", p.full),
        pe=P("pl_pesel", vals.pl_pesel(r, p.sex, p.dob), "ID"),
        a=P("address", vals.address(r, "pl"), "A"),
        t=P("phone", vals.phone(r, "pl"), "T"),
    )
    b.f(
        "Rozpoznanie: {icd}\nData urodzenia: {d}\nKod kreskowy skierowania: {ean}\n"
        "Lekarz kierujący: lek. {lek}, NPWZ {npwz}\n",
        icd=X("icd10", r.choice(vals.ICD)),
        d=P("dob", vals.fmt_date(p.dob, "dot"), "DOB"),
        ean=X("barcode", vals.ean13(r)),
        lek=P("name", vals.Person(r, "pl").full),
        npwz=P("pl_licence", f"{r.randrange(1000000, 9999999)}", "ID"),
    )
    if v % 2:
        b.f(
            "Uwagi: pacjentka prosi o kontakt z córką ({c}, {ce}).\n",
            c=P("name", vals.Person(r, "pl", "f").given),
            ce=P("email", vals.Person(r, "pl").email(r), "E"),
        )
    return b


def en_nhs_referral(r: Random, v: int) -> B:
    p = vals.Person(r, "en")
    b = B()
    b.f(
        "URGENT 2WW REFERRAL – {trust}\n\nPatient name: {n}\nNHS No: {nhs}\nDOB: {d}\nAddress: "
        "{a}\n"
        "Tel: {t}\nEmail: {e}\n\n",
        trust=X(
            "organisation",
            r.choice(["Leeds Teaching Hospitals NHS Trust", "North Bristol NHS Trust"]),
        ),
        n=P("name", p.full),
        nhs=P("uk_nhs", vals.uk_nhs(r), "ID"),
        d=P("dob", vals.fmt_date(p.dob, "slash" if v % 2 else "en"), "DOB"),
        a=P("address", vals.address(r, "en"), "A"),
        t=P("phone", vals.phone(r, "en"), "T"),
        e=P("email", p.email(r), "E"),
    )
    b.f(
        "History: {age}-year-old with {icd}. Current meds: {drug}. BMI {bmi}. Seen by {gp} at "
        "{surgery} "
        "on {dt}.\nNext of kin: {nok} (husband/wife) {nt}\nInterpreter needed: no\n",
        age=str(2026 - p.dob.year),
        icd=X("icd10", r.choice(vals.ICD)),
        drug=X("drug", r.choice(vals.DRUGS)),
        bmi=X("measurement", f"{r.randrange(19, 38)}.{r.randrange(10)}"),
        gp=P("name", f"Dr {vals.Person(r, 'en').family}"),
        surgery=X("practice", r.choice(["Hyde Park Surgery", "Beech Tree Medical Centre"])),
        dt=X("date", f"{r.randrange(1, 28)} Nov 2026"),
        nok=P("name", vals.Person(r, "en").full),
        nt=P("phone", vals.phone(r, "en"), "T"),
    )
    return b


def at_terminliste(r: Random, v: int) -> B:
    b = B()
    b.f(
        "Ordination {o} – Termine {d}\n\nZeit  | Patient/in | SVNR | Telefon | Anmerkung\n",
        o=X("practice", "Gruppenpraxis am Naschmarkt" if v % 2 else "Gruppenpraxis Wieden"),
        d=X("date", f"{r.randrange(1, 28)}.11.2026"),
    )
    for _ in range(r.randrange(4, 6)):
        p = vals.Person(r, "at")
        b.f(
            "{h} | {n} | {sv} | {t} | {note}\n",
            h=X("time", f"{r.randrange(8, 12):02d}:{r.choice(['00', '20', '40'])}"),
            n=P("name", f"{p.family} {p.given}"),
            sv=P("at_svnr", vals.at_svnr(r, p.dob), "ID"),
            t=P("phone", vals.phone(r, "at"), "T"),
            note=X(
                "note",
                r.choice(["Impfung", "Befund", "Rezept", "Blutabnahme nüchtern", "Kontrolle"]),
            ),
        )
    return b


def es_cita_centro_salud(r: Random, v: int) -> B:
    p = vals.Person(r, "es")
    b = B()
    b.f(
        "Hola, buenos días. Le escribo del Centro de Salud {cs}.\n",
        cs=X("facility", r.choice(["Las Delicias", "Huerta del Rey", "San Blas"])),
    )
    b.f(
        "Le confirmamos la cita de {n} (DNI {dni}) para el día {fe} a las {h} en la consulta {c}.\n"
        "Si no puede acudir, llame al {tel} o responda a este correo ({e}).\n",
        n=P("name", p.full),
        dni=P("es_dni", vals.es_dni(r) if v % 3 else vals.es_nie(r), "ID"),
        fe=X("date", f"{r.randrange(1, 28)}/12/2026"),
        h=X("time", f"{r.randrange(8, 14)}:{r.choice(['00', '30'])}"),
        c=X("room", str(r.randrange(1, 30))),
        tel=P("phone", vals.phone(r, "es"), "T"),
        e=P("email", p.email(r), "E"),
    )
    b.f(
        "Datos que constan: fecha de nacimiento {d}, domicilio {a}.\nUn saludo,\n{adm}\nAdmisión\n",
        d=P("dob", vals.fmt_date(p.dob, "es" if v % 2 else "slash"), "DOB"),
        a=P("address", vals.address(r, "es"), "A"),
        adm=P("name", vals.Person(r, "es").given),
    )
    return b


def sv_vardcentral(r: Random, v: int) -> B:
    p = vals.Person(r, "sv")
    b = B()
    b.f(
        "Journalanteckning – {vc}\nPatient: {n}, {pnr}\n",
        vc=X("facility", r.choice(["Vårdcentralen Kungsholmen", "Hälsocentralen Öster"])),
        n=P("name", p.full),
        pnr=P("se_pnr", vals.se_pnr(r, p.dob), "ID"),
    )
    b.f(
        "Adress: {a}\nTel: {t}\nKontaktorsak: {icd}, besvär i {d} dagar. Temp {temp}. Ordination: "
        "{drug}.\n"
        "Återbesök {dt} hos distriktssköterska {ds}.\nAnhörig: {anh}, {at}\n",
        a=P("address", vals.address(r, "sv"), "A"),
        t=P("phone", vals.phone(r, "sv"), "T"),
        icd=X("icd10", r.choice(vals.ICD)),
        d=str(r.randrange(2, 9)),
        temp=X("measurement", f"{r.randrange(36, 40)},{r.randrange(10)} °C"),
        drug=X("drug", r.choice(vals.DRUGS)),
        dt=X("date", f"2026-12-{r.randrange(1, 28):02d}"),
        ds=P("name", vals.Person(r, "sv").full),
        anh=P("name", vals.Person(r, "sv").given),
        at=P("phone", vals.phone(r, "sv"), "T"),
    )
    return b


_VISIT_MID = {
    "de": "Schlüsselsafe-Code liegt bei der PDL. Tel. Angehörige: {t}\n"
    "Wunde re. Unterschenkel {cm}, Verbandwechsel {dt}.\n",
    "nl": "Sleutelkluis-code ligt bij de teamleider. Tel. mantelzorger: {t}\n"
    "Wond rechter onderbeen {cm}, verband gewisseld {dt}.\n",
    "fr": "Code de la boîte à clés chez l'infirmière coordinatrice. Tél. famille : {t}\n"
    "Plaie jambe droite {cm}, pansement refait {dt}.\n",
    "pl": "Kod do sejfu na klucze ma koordynatorka. Tel. rodzina: {t}\n"
    "Rana podudzia prawego {cm}, zmiana opatrunku {dt}.\n",
}


def home_care_visit(r: Random, v: int) -> B:
    loc = ["de", "nl", "fr", "pl"][v % 4]
    lab = {
        "de": ("Hausbesuch", "Standort Patient", "Treffpunkt Team"),
        "nl": ("Huisbezoek", "Locatie cliënt", "Verzamelpunt"),
        "fr": ("Visite à domicile", "Position patient", "Point de rendez-vous"),
        "pl": ("Wizyta domowa", "Lokalizacja pacjenta", "Zbiórka"),
    }[loc]
    city = {"de": (50.94, 6.96), "nl": (52.37, 4.89), "fr": (48.86, 2.35), "pl": (50.06, 19.94)}[
        loc
    ]
    pub = {"de": "Kölner Dom", "nl": "Rijksmuseum", "fr": "Tour Eiffel", "pl": "Wawel"}[loc]
    p = vals.Person(r, loc)
    b = B()
    b.f(
        "{h} – {n}\n{a}\n{pos}: {g}\n",
        h=lab[0],
        n=P("name", p.full),
        a=P("address", vals.address(r, loc), "A"),
        pos=lab[1],
        g=P("geo", vals.geo(r, *city), "GEO"),
    )
    lat, lon = vals.PUBLIC_PLACES[pub]
    b.f(
        "{tm}: {pub} ({pc})\n" + _VISIT_MID[loc],
        tm=lab[2],
        pub=X("public_place", pub),
        pc=X("public_coords", f"{lat:.5f}, {lon:.5f}"),
        t=P("phone", vals.phone(r, loc), "T"),
        cm=X("measurement", f"{r.randrange(2, 8)} x {r.randrange(1, 5)} cm"),
        dt=X("timestamp", vals.stamp(r)),
    )
    return b


def pharmacy_order(r: Random, v: int) -> B:
    b = B()
    p = vals.Person(r, "de")
    b.f(
        "Bestellung Apotheke am {pl} – Großhandel\nKundennr. Apotheke: {kn}\n\nPZN      | Artikel "
        "| Menge | EK\n",
        pl=X("street_as_place", r.choice(["Marktplatz", "Rathausplatz", "Schillerplatz"])),
        kn=f"A-{r.randrange(10000, 99999)}",
    )
    for _ in range(4):
        b.f(
            "{pzn} | {d} | {m} | {ek}\n",
            pzn=X("pzn", f"{r.randrange(1000000, 9999999):08d}"),
            d=X("drug", r.choice(vals.DRUGS)),
            m=str(r.randrange(1, 20)),
            ek=X("price", vals.price(r)),
        )
    b.f(
        "\nSonderbestellung für Kundin {n} ({t}), Rezept liegt vor, Abholung am "
        "{dt}\nVersichertennummer {kv}\n",
        n=P("name", f"{p.given[0]}. {p.family}" if v % 2 else p.full),
        t=P("phone", vals.phone(r, "de"), "T"),
        dt=X("date", f"{r.randrange(1, 28)}.12."),
        kv=P("de_kvnr", vals.de_kvnr(r), "ID"),
    )
    return b


def lab_result_json(r: Random, v: int) -> B:
    loc = ["de", "fr", "it", "es", "nl"][v % 5]
    p = vals.Person(r, loc)
    idv = {
        "de": ("de_kvnr", vals.de_kvnr(r)),
        "fr": ("fr_nir", vals.fr_nir(r, p.sex, p.dob)),
        "it": ("it_cf", vals.it_cf(r, p)),
        "es": ("es_dni", vals.es_dni(r)),
        "nl": ("nl_bsn", vals.nl_bsn(r)),
    }[loc]
    b = B()
    b.f(
        '{{\n  "orderId": "{oid}",\n  "sampleId": "{sid}",\n  "patient": {{\n    "name": "{n}",\n  '
        '  "birthDate": "{d}",\n'
        '    "insuranceId": "{ins}",\n    "patientNumber": "{pn}"\n  }},\n',
        oid=X("uuid", vals.uuid4(r)),
        sid=f"S{r.randrange(10**8, 10**9)}",
        n=P("name", p.full),
        d=P("dob", vals.fmt_date(p.dob, "iso"), "DOB"),
        ins=P(idv[0], idv[1], "ID"),
        pn=P("patient_no", f"{r.randrange(10**6, 10**7)}", "ID"),
    )
    b.f(
        '  "results": [\n    {{"code": "{c1}", "value": {v1}, "unit": "mmol/L"}},\n    {{"code": '
        '"{c2}", "value": {v2}, "unit": "g/dL"}}\n  ],\n'
        '  "analyzer": "{an}",\n  "checksum": "{h}",\n  "reportedAt": "{ts}"\n}}\n',
        c1=X("loinc", "2345-7"),
        v1=X("measurement", f"{r.randrange(3, 12)}.{r.randrange(10)}"),
        c2=X("loinc", "718-7"),
        v2=X("measurement", f"{r.randrange(9, 17)}.{r.randrange(10)}"),
        an=X("product", f"cobas c{r.randrange(300, 800)} v{vals.version(r)}"),
        h=X("hash", vals.sha(r, 64)),
        ts=X("timestamp", vals.stamp(r)),
    )
    return b


FORMS = [
    de_entlassbrief,
    fr_compte_rendu,
    nl_verwijsbrief,
    pl_skierowanie,
    en_nhs_referral,
    at_terminliste,
    es_cita_centro_salud,
    sv_vardcentral,
    home_care_visit,
    pharmacy_order,
    lab_result_json,
]


def nurse_handover(r: Random, v: int) -> B:
    """A German ward's handover; patients come from many places."""
    b = B()
    b.f(
        "Übergabe {dienst}, Station {st}\n\n",
        dienst=["Früh → Spät", "Spät → Nacht", "Nacht → Früh"][v % 3],
        st=X("ward", f"{r.randrange(1, 9)}{r.choice('ABC')}"),
    )
    for _ in range(3):
        p = vals.Person(r, r.choice(["de", "de", "at", "tr", "pl", "it"]))
        bed = X("bed", f"Zi. {r.randrange(101, 130)}/{r.randrange(1, 3)}")
        style = r.randrange(3)
        if style == 0:
            b.f(
                "{bed} {n} ({age} J.) – {icd}, RR {rr}, nüchtern ab 0 Uhr, Tochter ruft an: {t}\n",
                bed=bed,
                n=P("name", p.family.lower() if r.random() < 0.5 else p.family),
                age=str(2026 - p.dob.year),
                icd=X("icd10", r.choice(vals.ICD)),
                rr=X("measurement", f"{r.randrange(100, 180)}/{r.randrange(60, 100)}"),
                t=P("phone", vals.phone(r, "de"), "T"),
            )
        elif style == 1:
            b.f(
                "{bed} {n}, geb {d}, {drug} pausiert, Angehörige {rel} kommt 15h\n",
                bed=bed,
                n=P("name", f"{p.given[0]}. {p.family}"),
                d=P("dob", vals.fmt_date(p.dob, "dot"), "DOB"),
                drug=X("drug", r.choice(vals.DRUGS)),
                rel=P("name", vals.Person(r, p.loc).given),
            )
        else:
            native, latin = r.choice(vals.SCRIPT_NAMES[r.choice(["ru", "ar", "uk", "zh"])])
            b.f(
                "{bed} {n} / {nl} – spricht kaum Deutsch, Dolmetscher über {org}, Fallnr. {fn}\n",
                bed=bed,
                n=P("name", native),
                nl=P("name", latin),
                org=X("organisation", "Triaphon"),
                fn=P("patient_no", f"{r.randrange(10**7, 10**8)}", "ID"),
            )
    b.f(
        "\nAufnahme heute: {n} ({ins}), kommt von {ort}.\n",
        n=P("name", vals.Person(r, "de").full),
        ins=P("de_kvnr", vals.de_kvnr(r), "ID"),
        ort=X("department", "ZNA"),
    )
    return b


_OCR = {
    # insurer label, reference, request, greeting, holder, amount, receipt, phone, closing, insurer
    "de": (
        "Krankenkasse",
        "Ihr Schreiben vom",
        "bitte überweisen Sie die Erstattung auf mein Konto",
        "Sehr geehrte Damen unu Herren,",
        "Kontoinhaber",
        "Rechnungsbetrag",
        "Beleg-Nr",
        "Tel tagsüber",
        "Mit freundlichen Grüsen",
        "AOK Rheinland",
    ),
    "fr": (
        "Mutuelle",
        "Votre courrier du",
        "merci de verser le remboursement sur mon compte",
        "Madame, Monsieur,",
        "Titulaire",
        "Montant de la facture",
        "Reçu n°",
        "Tél. en journée",
        "Cordialemnet",
        "MGEN",
    ),
    "es": (
        "Mutua",
        "Su carta del",
        "ruego ingresen el reembolso en mi cuenta",
        "Estimados señores:",
        "Titular",
        "Importe de la factura",
        "Recibo nº",
        "Tel. de día",
        "Atentamante",
        "Sanitas",
    ),
    "it": (
        "Cassa mutua",
        "Vostra lettera del",
        "vi prego di accreditare il rimborso sul conto",
        "Spett.le ufficio,",
        "Intestatario",
        "Importo fattura",
        "Ricevuta n.",
        "Tel. di giorno",
        "Distinti saluit",
        "UniSalute",
    ),
    "nl": (
        "Zorgverzekeraar",
        "Uw brief van",
        "graag de vergoeding overmaken op rekening",
        "Geachte heer/mevrouw,",
        "Rekeninghouder",
        "Factuurbedrag",
        "Bonnr",
        "Tel overdag",
        "Met vriendelijke groet",
        "Zilveren Kruis",
    ),
    "pl": (
        "Ubezpieczyciel",
        "Pismo z dnia",
        "proszę o przelew zwrotu na konto",
        "Szanowni Państwo,",
        "Właściciel konta",
        "Kwota rachunku",
        "Paragon nr",
        "Tel. w ciągu dnia",
        "Z powazaniem",
        "PZU",
    ),
}


def ocr_scanned_letter(r: Random, v: int) -> B:
    loc = ["de", "fr", "es", "it", "nl", "pl"][v % 6]
    p = vals.Person(r, loc)
    c = _OCR[loc]
    ib = vals.iban(r, {"de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pl": "PL"}[loc])
    cut = ib.rfind(" ", 0, len(ib) // 2 + 3)
    b = B()
    b.f(
        "[OCR 1/2]\n{n}\n{a}\n\n{ins} {org}\n{ref} {dt}   Ref. {az}\n\n{greet}\n\n",
        n=P("name", p.full.upper() if v % 2 else p.full),
        a=P("address", vals.address(r, loc, "\n"), "A"),
        ins=c[0],
        org=X("organisation", c[9]),
        ref=c[1],
        dt=X("date", f"{r.randrange(1, 28)}.{r.randrange(1, 12)}.2026"),
        az=f"{r.randrange(100, 999)}-{r.randrange(10000, 99999)}",
        greet=c[3],
    )
    b.f(
        c[2]
        + "\n{ib}\n("
        + c[4]
        + ": {ki}).\n"
        + c[5]
        + " {pr}, "
        + c[6]
        + " {bn}.\n"
        + c[7]
        + " {t}\n\n"
        + c[8]
        + "\n{sig}\n",
        ib=P("iban", ib[:cut] + "\n" + ib[cut + 1 :], "IB"),
        ki=P("name", p.given + " " + p.family),
        pr=X("price", vals.price(r)),
        bn=X("receipt_no", f"{r.randrange(10**5, 10**6)}"),
        t=P("phone", vals.phone(r, loc), "T"),
        sig=P("name", p.family),
    )
    return b


FORMS.extend([nurse_handover, ocr_scanned_letter])
