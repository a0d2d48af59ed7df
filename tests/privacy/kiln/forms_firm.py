"""Forms from small firms: payroll, invoices, HR, customers, complaints."""

from __future__ import annotations

from random import Random

from . import values as vals
from ._build import B, P, X

IBAN_CC = {
    "de": "DE",
    "at": "AT",
    "fr": "FR",
    "es": "ES",
    "it": "IT",
    "nl": "NL",
    "pl": "PL",
    "pt": "PT",
    "sv": "SE",
    "en": "GB",
    "tr": "TR",
    "br": "PT",
    "us": "DE",
}


def de_lohnliste_csv(r: Random, v: int) -> B:
    b = B()
    sep = ";" if v % 2 else ","
    dec = "," if v % 2 else "."
    b.f(
        sep.join(["Personalnr", "Name", "Vorname", "SteuerID", "StKl", "IBAN", "Brutto", "Netto"])
        + "\n"
    )
    for _ in range(r.randrange(3, 6)):
        p = vals.Person(r, "de")
        b.f(
            sep.join(["{pn}", "{fam}", "{giv}", "{sid}", "{kl}", "{ib}", "{br}", "{ne}"]) + "\n",
            pn=P("employee_no", f"{r.randrange(1000, 9999)}{r.randrange(10, 99)}", "ID"),
            fam=P("name", p.family),
            giv=P("name", p.given),
            sid=P("de_tax_id", vals.de_taxid(r), "ID"),
            kl=X("tax_class", str(r.randrange(1, 6))),
            ib=P("iban", vals.iban(r, "DE", False), "IB"),
            br=X("amount", f"{r.randrange(1800, 6200)}{dec}{r.randrange(100):02d}"),
            ne=X("amount", f"{r.randrange(1200, 3800)}{dec}{r.randrange(100):02d}"),
        )
    b.f(
        "Summe{s}{s}{s}{s}{s}{s}{tot}{s}\nExport {ts} / Lohnprogramm {ver}\n",
        s=sep,
        tot=X("amount", f"{r.randrange(9000, 25000)}{dec}{r.randrange(100):02d}"),
        ts=X("timestamp", vals.stamp(r)),
        ver=X("version", vals.version(r)),
    )
    return b


def pl_lista_plac(r: Random, v: int) -> B:
    b = B()
    b.f(
        "Lista płac za {m} 2026 – {firma}\n\n",
        m=X("period", r.choice(["październik", "listopad"])),
        firma=X("company", r.choice(["PHU Kowalczyk sp. j.", "Piekarnia Złoty Kłos s.c."])),
    )
    for i in range(r.randrange(3, 5)):
        p = vals.Person(r, "pl")
        b.f(
            "{i}. {n} | PESEL {pe} | konto {ib} | brutto {br} zł | netto {ne} zł\n",
            i=str(i + 1),
            n=P("name", p.full),
            pe=P("pl_pesel", vals.pl_pesel(r, p.sex, p.dob), "ID"),
            ib=P("iban", vals.iban(r, "PL", v % 2 == 0), "IB"),
            br=X("amount", f"{r.randrange(4300, 9000)},{r.randrange(100):02d}"),
            ne=X("amount", f"{r.randrange(3200, 6500)},{r.randrange(100):02d}"),
        )
    b.f(
        "Sporządziła: {k}, {dt}\n",
        k=P("name", vals.Person(r, "pl", "f").full),
        dt=X("date", f"{r.randrange(1, 28)}.11.2026"),
    )
    return b


def es_nomina_linea(r: Random, v: int) -> B:
    p = vals.Person(r, "es")
    b = B()
    b.f(
        "NÓMINA {per} – {emp} (CIF {cif})\n",
        per=X("period", "NOVIEMBRE 2026"),
        emp=X("company", r.choice(["Talleres Navarro S.L.", "Panadería La Espiga S.L."])),
        cif=X("company_id", f"B{r.randrange(10**7, 10**8)}"),
    )
    b.f(
        "Trabajador: {n}   NIF: {dni}   Nº afiliación SS: {ss}\nCategoría: {cat}   Antigüedad: "
        "{ant}\n",
        n=P("name", p.full.upper()),
        dni=P("es_dni", vals.es_dni(r), "ID"),
        ss=P(
            "es_nss",
            f"{r.randrange(1, 52):02d}/{r.randrange(10**7, 10**8)}/{r.randrange(10, 99)}",
            "ID",
        ),
        cat=X("job_title", r.choice(["Oficial 1ª", "Dependienta", "Auxiliar administrativo"])),
        ant=X("date", f"{r.randrange(1, 28):02d}/03/20{r.randrange(10, 24)}"),
    )
    b.f(
        "Salario base {sb}  Plus transporte {pt}  IRPF {irpf}  Líquido a percibir {liq}\nIngreso "
        "en {ib}\n",
        sb=X("amount", vals.price(r)),
        pt=X("amount", vals.price(r)),
        irpf=X("percent", f"{r.randrange(2, 19)},00 %"),
        liq=X("amount", vals.price(r)),
        ib=P("iban", vals.iban(r, "ES"), "IB"),
    )
    return b


_INVOICE = {
    # title, customer, service line, total, due, card line, firm, service, vat
    "de": (
        "Rechnung Nr.",
        "Kunde",
        "Leistung",
        "Gesamtbetrag",
        "Zahlbar bis",
        "Bezahlt mit Karte {cc} (gültig bis {exp})",
        "Elektro Brandl GmbH",
        "Wartung Gastherme, Arbeitszeit",
        "19 %",
    ),
    "at": (
        "Rechnung Nr.",
        "Kunde",
        "Leistung",
        "Gesamt",
        "Zahlbar bis",
        "Kartenzahlung {cc}, Ablauf {exp}",
        "Installateur Wallner KG",
        "Tausch Boiler 80 l, Montage",
        "20 %",
    ),
    "fr": (
        "Facture n°",
        "Client",
        "Prestation",
        "Total TTC",
        "À régler avant le",
        "Réglé par carte {cc} (exp. {exp})",
        "Plomberie Garnier SARL",
        "Remplacement chauffe-eau, main d'oeuvre",
        "20 %",
    ),
    "it": (
        "Fattura n.",
        "Cliente",
        "Descrizione",
        "Totale",
        "Scadenza",
        "Pagato con carta {cc} (scad. {exp})",
        "Idraulica Santoro snc",
        "Sostituzione caldaia, manodopera",
        "22 %",
    ),
    "nl": (
        "Factuur nr.",
        "Klant",
        "Omschrijving",
        "Totaal",
        "Te betalen voor",
        "Betaald met creditcard {cc} (geldig tot {exp})",
        "Schildersbedrijf Visser",
        "Schilderwerk kozijnen, arbeidsuren",
        "21 %",
    ),
    "pt": (
        "Fatura n.º",
        "Cliente",
        "Descrição",
        "Total",
        "Pagar até",
        "Pago com cartão {cc} (validade {exp})",
        "Canalizações Sousa, Lda.",
        "Reparação de esquentador, mão de obra",
        "23 %",
    ),
}


def invoice_text(r: Random, v: int) -> B:
    loc = ["de", "fr", "it", "at", "nl", "pt"][v % 6]
    p = vals.Person(r, loc)
    lab = _INVOICE[loc]
    b = B()
    b.f(
        "{firma}\n{h} {nr}\n\n{k}: {n}\n{a}\n",
        h=lab[0],
        nr=X("invoice_no", f"{r.randrange(2025, 2027)}-{r.randrange(100, 9999):04d}"),
        firma=X("company", lab[6]),
        k=lab[1],
        n=P("name", p.full),
        a=P("address", vals.address(r, loc, "\n"), "A"),
    )
    if loc == "it":
        b.f("C.F.: {cf}\n", cf=P("it_cf", vals.it_cf(r, p), "ID"))
    if loc == "pt":
        b.f("NIF: {nif}\n", nif=P("pt_nif", vals.pt_nif(r), "ID"))
    b.f(
        "\n{l}: {art} – {q} h x {pr}\n{tot}: {t} (incl. {vat})\n{due} {dd}\n",
        l=lab[2],
        art=X("service", lab[7]),
        q=str(r.randrange(1, 9)),
        pr=X("price", vals.price(r)),
        tot=lab[3],
        t=X("price", vals.price(r)),
        vat=X("percent", lab[8]),
        due=lab[4],
        dd=X("date", f"{r.randrange(1, 28):02d}.12.2026"),
    )
    if v % 2:
        b.f(
            lab[5] + "\n",
            cc=P("card", vals.card(r), "CC"),
            exp=X("card_expiry", f"{r.randrange(1, 12):02d}/{r.randrange(27, 31)}"),
        )
    return b


def sepa_mandate(r: Random, v: int) -> B:
    loc = ["de", "at", "nl", "fr", "es", "it"][v % 6]
    p = vals.Person(r, loc)
    b = B()
    b.f(
        "SEPA-Lastschriftmandat / SEPA Direct Debit Mandate\nZahlungsempfänger: {f}\nGläubiger-ID: "
        "{gid}\n",
        f=X(
            "company",
            r.choice(
                ["Fitnessstudio Vital GmbH", "Musikschule Allegro e.V.", "Kita Sonnenschein gGmbH"]
            ),
        ),
        gid=X("creditor_id", f"DE{r.randrange(10, 99)}ZZZ0000{r.randrange(1000000, 9999999)}"),
    )
    b.f(
        "Kontoinhaber: {n}\nAnschrift: {a}\nIBAN: {ib}\nBIC: {bic}\nOrt, Datum: {o}, {dt}\n",
        n=P("name", p.full),
        a=P("address", vals.address(r, loc), "A"),
        ib=P("iban", vals.iban(r, IBAN_CC[loc], v % 2 == 0), "IB"),
        bic=X("bic", r.choice(["COBADEFFXXX", "INGDDEFFXXX", "RABONL2U", "BNPAFRPP"])),
        o=X("place", r.choice(["Köln", "Graz", "Utrecht"])),
        dt=X("date", f"{r.randrange(1, 28)}.11.2026"),
    )
    return b


def crm_export_csv(r: Random, v: int) -> B:
    locs = ["de", "fr", "es", "it", "nl", "pl", "pt", "sv"]
    b = B()
    b.f("customer_id,first_name,last_name,email,phone,city,last_order,order_total,sku\n")
    for _ in range(r.randrange(4, 7)):
        loc = r.choice(locs)
        p = vals.Person(r, loc)
        b.f(
            "{cid},{g},{fam},{e},{t},{c},{o},{tot},{sku}\n",
            cid=P("customer_no", f"C{r.randrange(100000, 999999)}", "ID"),
            g=P("name", p.given),
            fam=P("name", p.family),
            e=P("email", p.email(r), "E"),
            t=P("phone", vals.phone(r, loc), "T"),
            c=X("city", vals.CITIES[loc][0][1]),
            o=X("order_no", f"ORD-{r.randrange(10**6, 10**7)}"),
            tot=X("amount", f"{r.randrange(5, 900)}.{r.randrange(100):02d}"),
            sku=X(
                "sku",
                f"{r.choice(['TS', 'MG', 'KB'])}-{r.randrange(100, 999)}-"
                f"{r.choice(['S', 'M', 'L', 'XL'])}",
            ),
        )
    return b


def hr_sick_note_mail(r: Random, v: int) -> B:
    loc = ["de", "en", "fr", "nl"][v % 4]
    p = vals.Person(r, loc)
    boss = vals.Person(r, loc)
    b = B()
    txt = {
        "de": "Hallo {boss},\n\nleider bin ich ab heute krankgeschrieben bis {bis}, die AU habe "
        "ich an die Krankenkasse geschickt. "
        "Meine Personalnummer ist {pn}. Die Übergabe für Projekt {prj} liegt im "
        "Ordner.\nErreichbar bin ich nur privat unter {t}.\n\nLG {n}\n",
        "en": "Hi {boss},\n\nI've been signed off sick until {bis}, fit note attached. Employee "
        "no. {pn}. Handover for {prj} is on the shared drive.\n"
        "You can reach me on {t} if urgent.\n\nThanks, {n}\n",
        "fr": "Bonjour {boss},\n\nje suis en arrêt maladie jusqu'au {bis}, l'arrêt est envoyé à la "
        "CPAM. Matricule {pn}. Le dossier {prj} est à jour.\n"
        "Joignable au {t} si besoin.\n\nCordialement, {n}\n",
        "nl": "Hoi {boss},\n\nik ben ziek en blijf thuis tot {bis}. Personeelsnummer {pn}. De "
        "overdracht van {prj} staat op de schijf.\n"
        "Bereikbaar op {t}.\n\nGroet, {n}\n",
    }[loc]
    b.f(
        txt,
        boss=P("name", boss.given),
        bis=X("date", f"{r.randrange(1, 28)}.12."),
        pn=P("employee_no", f"{r.randrange(10000, 99999)}", "ID"),
        prj=X("project", r.choice(["Relaunch Webshop", "Inventur 2026", "Angebot Stadtwerke"])),
        t=P("phone", vals.phone(r, loc), "T"),
        n=P("name", p.given if v % 2 else p.full),
    )
    return b


_CV = {
    "de": (
        "LEBENSLAUF",
        "Geboren am",
        "Berufserfahrung",
        "heute",
        "bei",
        "Ausbildung",
        "Kenntnisse",
        "Referenz",
        "Bewerbung auf Stellenanzeige",
        "Medizinische Fachangestellte",
        "Berufskolleg am Wasserturm",
        "dot",
    ),
    "es": (
        "CURRÍCULUM VITAE",
        "Fecha de nacimiento",
        "Experiencia",
        "actualidad",
        "en",
        "Formación",
        "Conocimientos",
        "Referencia",
        "Oferta nº",
        "Auxiliar administrativa",
        "IES Miguel de Cervantes",
        "slash",
    ),
    "it": (
        "CURRICULUM VITAE",
        "Data di nascita",
        "Esperienze",
        "oggi",
        "presso",
        "Formazione",
        "Competenze",
        "Referenze",
        "Annuncio n.",
        "Impiegata amministrativa",
        "Istituto Tecnico Commerciale Einaudi",
        "slash",
    ),
    "pl": (
        "ŻYCIORYS",
        "Data urodzenia",
        "Doświadczenie",
        "obecnie",
        "w",
        "Wykształcenie",
        "Umiejętności",
        "Referencje",
        "Ogłoszenie nr",
        "Księgowa",
        "Technikum Ekonomiczne nr 2",
        "dot",
    ),
    "fr": (
        "CURRICULUM VITAE",
        "Née le / Né le",
        "Expérience",
        "aujourd'hui",
        "chez",
        "Formation",
        "Compétences",
        "Référence",
        "Annonce n°",
        "Secrétaire médicale",
        "Lycée Jean Moulin",
        "slash",
    ),
    "pt": (
        "CURRICULUM VITAE",
        "Data de nascimento",
        "Experiência",
        "presente",
        "na",
        "Formação",
        "Competências",
        "Referência",
        "Anúncio n.º",
        "Rececionista",
        "Escola Secundária de Camões",
        "slash",
    ),
    "sv": (
        "CV",
        "Födelsedatum",
        "Arbetslivserfarenhet",
        "idag",
        "på",
        "Utbildning",
        "Kunskaper",
        "Referens",
        "Annons nr",
        "Löneadministratör",
        "Vasagymnasiet",
        "iso",
    ),
}


def job_application(r: Random, v: int) -> B:
    loc = ["de", "es", "it", "pl", "fr", "pt", "sv"][v % 7]
    p = vals.Person(r, loc, "f")
    c = _CV[loc]
    b = B()
    b.f(
        "{h}\n\n{n}\n{a}\n{t} · {e}\n",
        h=c[0],
        n=P("name", p.full),
        a=P("address", vals.address(r, loc), "A"),
        t=P("phone", vals.phone(r, loc), "T"),
        e=P("email", p.email(r), "E"),
    )
    b.f(
        c[1]
        + ": {d}\n\n"
        + c[2]
        + "\n{y1}–"
        + c[3]
        + "  {job} "
        + c[4]
        + " {co}\n{y2}–{y3}  "
        + c[5]
        + ", {sch}\n"
        + c[6]
        + ": {sk}\n"
        + c[7]
        + ": {ref}, {rt}\n"
        + c[8]
        + " {ad}\n",
        d=P("dob", vals.fmt_date(p.dob, c[11]), "DOB"),
        y1=X("year", str(r.randrange(2018, 2024))),
        job=X("job_title", c[9]),
        co=X("company", r.choice(["Lidl", "IKEA", "Decathlon", "Carrefour", "H&M"])),
        y2=X("year", str(r.randrange(2010, 2014))),
        y3=X("year", str(r.randrange(2014, 2018))),
        sch=X("school", c[10]),
        sk=X("product", r.choice(["MS Office 365, SAP", "Excel, Word, Outlook", "SAP FI, Excel"])),
        ref=P("name", vals.Person(r, loc).full),
        rt=P("phone", vals.phone(r, loc), "T"),
        ad=X("ticket", f"JOB-{r.randrange(1000, 9999)}"),
    )
    return b


def complaint_mail(r: Random, v: int) -> B:
    loc = ["de", "fr", "es", "it", "en", "nl"][v % 6]
    p = vals.Person(r, loc)
    b = B()
    lines = {
        "de": "Sehr geehrtes Team von {shop},\n\nmeine Bestellung {o} vom {dt} ist immer noch "
        "nicht da, Sendungsnummer {trk}. "
        "Abgebucht wurde {pr} von meiner Karte {cc}. Lieferadresse war {a}.\nBitte melden Sie sich "
        "unter {t}.\n{n}\n",
        "fr": "Bonjour {shop},\n\nma commande {o} du {dt} n'est jamais arrivée (suivi {trk}). Vous "
        "avez débité {pr} sur ma carte {cc}. "
        "Adresse de livraison : {a}.\nMerci de me rappeler au {t}.\n{n}\n",
        "es": "Hola {shop}:\n\nel pedido {o} del {dt} sigue sin llegar (seguimiento {trk}). Me han "
        "cobrado {pr} en la tarjeta {cc}. "
        "Dirección de entrega: {a}.\nLlámenme al {t}.\n{n}\n",
        "it": "Buongiorno {shop},\n\nl'ordine {o} del {dt} non è mai arrivato (tracking {trk}). Mi "
        "avete addebitato {pr} sulla carta {cc}. "
        "Indirizzo: {a}.\nRichiamatemi al {t}.\n{n}\n",
        "en": "Dear {shop},\n\nmy order {o} placed on {dt} still hasn't arrived, tracking {trk}. "
        "You charged {pr} to my card {cc}. "
        "Delivery address: {a}.\nPlease call me on {t}.\n{n}\n",
        "nl": "Beste {shop},\n\nmijn bestelling {o} van {dt} is nog steeds niet binnen (track & "
        "trace {trk}). Er is {pr} afgeschreven van kaart {cc}. "
        "Adres: {a}.\nBel mij op {t}.\n{n}\n",
    }[loc]
    b.f(
        lines,
        shop=X(
            "company", r.choice(["Zalando", "Otto", "Fnac", "El Corte Inglés", "bol.com", "Argos"])
        ),
        o=X("order_no", f"{r.randrange(10**8, 10**9)}"),
        dt=X("date", f"{r.randrange(1, 28)}.10.2026"),
        trk=X("tracking", f"00340434{r.randrange(10**11, 10**12)}"),
        pr=X("price", vals.price(r)),
        cc=P("card", vals.card(r, " " if v % 3 else ""), "CC"),
        a=P("address", vals.address(r, loc), "A"),
        t=P("phone", vals.phone(r, loc), "T"),
        n=P("name", p.full),
    )
    return b


def br_cadastro_json(r: Random, v: int) -> B:
    p = vals.Person(r, "br")
    b = B()
    b.f(
        '{{"cliente": {{"nome": "{n}", "cpf": "{cpf}", "nascimento": "{d}", "email": "{e}", '
        '"celular": "{t}",\n'
        ' "endereco": "{a}"}}, "pedido": {{"id": "{oid}", "valor": {val}, "status": "PAGO", '
        '"hash": "{h}"}}}}\n',
        n=P("name", p.full),
        cpf=P("br_cpf", vals.br_cpf(r), "ID"),
        d=P("dob", vals.fmt_date(p.dob, "slash" if v % 2 else "iso"), "DOB"),
        e=P("email", p.email(r), "E"),
        t=P("phone", vals.phone(r, "br"), "T"),
        a=P("address", f"{vals.street_line(r, 'br')}, {vals.city_line(r, 'br')}", "A"),
        oid=X("order_no", f"{r.randrange(10**9, 10**10)}"),
        val=X("amount", f"{r.randrange(10, 900)}.{r.randrange(100):02d}"),
        h=X("hash", vals.sha(r)),
    )
    b.f(
        "pode corrigir esse json? o sistema da loja {loja} dá erro {err} quando cadastro a "
        "cliente\n",
        loja=X("company", "Magazine Luiza"),
        err=X("error_code", f"HTTP {r.choice([400, 422, 500])}"),
    )
    return b


def us_patient_intake(r: Random, v: int) -> B:
    p = vals.Person(r, "us")
    b = B()
    b.f(
        "PATIENT INTAKE – {clinic}\n",
        clinic=X("facility", r.choice(["Riverside Family Medicine", "Oak Street Dental"])),
    )
    b.f(
        "Name: {n}   DOB: {d}   SSN: {ssn}\nAddress: {a}\nPhone: {t}   Email: {e}\nInsurance: "
        "{ins}  Member ID: {mid}\n"
        "Card on file for copay: {cc}\nEmergency contact: {ec} {et}\nAllergies: penicillin. Height "
        "{h}, weight {w}.\n",
        n=P("name", p.full),
        d=P("dob", vals.fmt_date(p.dob, "us"), "DOB"),
        ssn=P("us_ssn", vals.us_ssn(r), "SSN ID"),
        a=P("address", vals.address(r, "us"), "A"),
        t=P("phone", vals.phone(r, "us"), "T"),
        e=P("email", p.email(r), "E"),
        ins=X("company", r.choice(["Aetna", "Blue Cross Blue Shield", "UnitedHealthcare"])),
        mid=P("member_id", f"W{r.randrange(10**8, 10**9)}", "ID"),
        cc=P("card", vals.card(r, "-" if v % 2 else " "), "CC"),
        ec=P("name", vals.Person(r, "us").full),
        et=P("phone", vals.phone(r, "us"), "T"),
        h=X("measurement", f"5 ft {r.randrange(1, 11)} in"),
        w=X("measurement", f"{r.randrange(110, 260)} lbs"),
    )
    return b


def en_hr_new_starter(r: Random, v: int) -> B:
    p = vals.Person(r, "en")
    b = B()
    b.f(
        "New starter form – {co}\nStart date: {sd}\nRole: {role}\n\nFull name: {n}\nNI number: "
        "{ni}\nDate of birth: {d}\n"
        "Home address: {a}\nPersonal email: {e}\nMobile: {t}\nBank: sort code {sc}, account "
        "{acc}\nIBAN (for overseas): {ib}\n"
        "Payroll ID: {pid}\nTax code: {tc}\n",
        co=X("company", r.choice(["Hargreaves Bakery Ltd", "Pritchard & Sons Plumbing"])),
        sd=X("date", f"{r.randrange(1, 28)} January 2027"),
        role=X("job_title", "Admin Assistant"),
        n=P("name", p.full),
        ni=P("uk_nino", vals.uk_nino(r), "ID"),
        d=P("dob", vals.fmt_date(p.dob, "slash"), "DOB"),
        a=P("address", vals.address(r, "en"), "A"),
        e=P("email", p.email(r), "E"),
        t=P("phone", vals.phone(r, "en"), "T"),
        sc=f"{r.randrange(10, 99)}-{r.randrange(10, 99)}-{r.randrange(10, 99)}",
        acc=P("account_no", f"{r.randrange(10**7, 10**8)}", "ID IB"),
        ib=P("iban", vals.iban(r, "GB"), "IB"),
        pid=P("employee_no", f"EMP{r.randrange(1000, 9999)}", "ID"),
        tc=X("tax_code", "1257L"),
    )
    return b


def tr_fatura_musteri(r: Random, v: int) -> B:
    p = vals.Person(r, "tr")
    b = B()
    b.f(
        "e-Arşiv Fatura No: {no}\nETTN: {ettn}\nSatıcı: {firma}\n\nAlıcı: {n}\nTCKN: {tc}\nAdres: "
        "{a}\nTel: {t}\n",
        no=X("invoice_no", f"GIB2026{r.randrange(10**8, 10**9)}"),
        ettn=X("uuid", vals.uuid4(r)),
        firma=X("company", r.choice(["Demir Kırtasiye Ltd. Şti.", "Aydın Eczanesi"])),
        n=P("name", p.full),
        tc=P("tr_tckn", vals.tr_tckn(r), "ID"),
        a=P("address", vals.address(r, "tr"), "A"),
        t=P("phone", vals.phone(r, "tr"), "T"),
    )
    b.f(
        "Ürün: {u}  Miktar: {m}  Tutar: {tt}  KDV %{kdv}\nÖdeme: {ib}\n",
        u=X("product", r.choice(["A4 Fotokopi Kağıdı", "Toner HP 305A"])),
        m=str(r.randrange(1, 20)),
        tt=X("price", vals.price(r, "TL")),
        kdv=X("percent", "20"),
        ib=P("iban", vals.iban(r, "TR"), "IB"),
    )
    return b


def appointment_ics(r: Random, v: int) -> B:
    loc = ["de", "fr", "nl", "sv", "it"][v % 5]
    p = vals.Person(r, loc)
    b = B()
    b.f(
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:{prod}\nBEGIN:VEVENT\n"
        "UID:{uid}\nDTSTART:{ds}\nSUMMARY:Termin {n}\n"
        "DESCRIPTION:Tel. {t}\\nGeb. {d}\\nKundennr. "
        "{kn}\nLOCATION:{loc}\nORGANIZER;CN={org}:mailto:{oe}\nEND:VEVENT\nEND:VCALENDAR\n",
        prod=X("product", f"-//Doctolib//Agenda {vals.version(r)}//FR"),
        uid=X("uuid", vals.uuid4(r)),
        ds=X(
            "timestamp",
            f"2026{r.randrange(10, 12)}{r.randrange(10, 28)}T{r.randrange(8, 18):02d}0000Z",
        ),
        n=P("name", p.full),
        t=P("phone", vals.phone(r, loc), "T"),
        d=P("dob", vals.fmt_date(p.dob, "dot"), "DOB"),
        kn=P("customer_no", f"{r.randrange(10**5, 10**6)}", "ID"),
        loc=X(
            "facility",
            r.choice(
                ["Praxis am Stadtpark, Raum 2", "Cabinet Kiné Rive Gauche", "Salon Haarmonie"]
            ),
        ),
        org=P("name", vals.Person(r, loc).full),
        oe=P("email", vals.Person(r, loc).email(r), "E"),
    )
    return b


FORMS = [
    de_lohnliste_csv,
    pl_lista_plac,
    es_nomina_linea,
    invoice_text,
    sepa_mandate,
    crm_export_csv,
    hr_sick_note_mail,
    job_application,
    complaint_mail,
    br_cadastro_json,
    us_patient_intake,
    en_hr_new_starter,
    tr_fatura_musteri,
    appointment_ics,
]
