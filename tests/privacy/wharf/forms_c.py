# ruff: noqa: E501  (corpus text and data tables read better unwrapped)
"""Forms, part three: civil papers, health, cars, money, work, community."""

from __future__ import annotations

from random import Random

from . import values as gen
from .build import AD, IB, ID, LP, PER, PH, SSN, Doc, P, S, Who, card, x
from .forms_a import HOST, MIGR, form

BIRTH_CITY = {"in": "Mumbai", "tr": "Ankara", "ng": "Ibadan", "ua": "Odesa", "vn": "Da Nang",
              "ph": "Cebu City", "cn": "Chengdu", "ar": "Aleppo", "ru": "Kazan"}  # fmt: skip
LANGS = {"ua": "Oekraïens", "ar": "Arabisch", "tr": "Turks", "ph": "Tagalog", "in": "Hindi",
         "cn": "Chinees", "kr": "Koreaans", "vn": "Vietnamees", "br": "Portugees", "mx": "Spaans",
         "pl": "Pools", "ng": "Yoruba"}  # fmt: skip


@form(3)
def birth_certificate_translation(r: Random, v: int) -> Doc:
    loc = ["ua", "ar", "vn"][v]
    fa = Who(r, loc, female=False)
    mo = Who(r, loc, female=True)
    ch = Who(r, loc, kin=fa)
    ch.dob = gen.dob(r, 1990, 2012)
    d = Doc()
    d(
        "Please translate this birth certificate into German for the Standesamt, keep the layout:\n\n"
    )
    if loc == "ua":
        d(
            "СВІДОЦТВО ПРО НАРОДЖЕННЯ\nСерія ",
            x("form_series", "І-ТП"),
            " № ",
            P("certificate_no", gen.digits(r, 6), ID),
            "\n",
            "Прізвище, ім'я: ",
            P("person", ch.native or ch.full, PER),
            "\nДата народження: ",
            ch.b("dot"),
            "\n",
            "Місце народження: ",
            "м. Запоріжжя",
            "\nБатько: ",
            P("person", fa.native or fa.full, PER),
            "\nМати: ",
            P("person", mo.native or mo.full, PER),
            "\nДата видачі: ",
            x("issue_date", "03.04.2009"),
            "\n",
        )
        d(
            "\n(Latin spelling in passport: ",
            ch.n("full"),
            ", but the bank wrote ",
            ch.n("alt"),
            ")\n",
        )
    elif loc == "ar":
        d(
            "شهادة ميلاد\nالاسم: ",
            P("person", ch.native or ch.full, PER),
            "\nتاريخ الولادة: ",
            ch.b("slash"),
            "\n",
            "اسم الأب: ",
            P("person", (fa.native or fa.full).split()[0], PER),
            "\nاسم الأم: ",
            P("person", mo.native or mo.full, PER),
            "\nالرقم الوطني: ",
            P("national_no", "0" + gen.digits(r, 10), ID),
            "\nالقيد: ",
            x("registry_ref", f"{r.randint(10, 99)}/{r.randint(100, 999)}"),
            "\n",
        )
        d("\nIn Latin letters: ", ch.n("full"), " (sometimes written ", ch.n("alt"), ")\n")
    else:
        d(
            "GIẤY KHAI SINH\nSố: ",
            x("registry_ref", f"{r.randint(10, 400)}/2001"),
            "\nHọ, chữ đệm, tên: ",
            P("person", ch.full.upper(), PER),
            "\nNgày, tháng, năm sinh: ",
            ch.b("slash"),
            "\nHọ tên cha: ",
            fa.n("full"),
            "\nHọ tên mẹ: ",
            mo.n("full"),
            "\nSố định danh cá nhân: ",
            ch.id(),
            "\n\nwithout accents: ",
            P("person", gen.fold(ch.full), PER),
            "\n",
        )
    d(
        "\n[translator note: the seal says ",
        x("org", "Відділ ДРАЦС" if loc == "ua" else "Civil Registry Office"),
        ", form ",
        x("form_code", f"F-{r.randint(10, 99)}"),
        "]\n",
    )
    return d


@form(2)
def marriage_registration(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["de", "nl", "fr", "pl"]))
    b = Who(r, r.choice(["ph", "br", "kr", "ua", "ng", "in"]))
    d = Doc()
    d(
        "We want to marry in Denmark (easier for mixed couples). Draft the e-mail to the Familieretshuset for us:\n\n",
        "Partner 1: ",
        a.n("full"),
        ", born ",
        a.b("iso" if v else "dot"),
        ", passport ",
        a.pp(),
        ", ",
        a.a(),
        "\n",
        "Partner 2: ",
        b.n("full"),
        ", born ",
        b.b("iso" if v else "slash"),
        ", passport ",
        b.pp(),
        "\n",
        "ID numbers: ",
        a.id(),
        " / ",
        b.id(),
        "\n",
    )
    if b.native:
        d("  (name in own script: ", b.n("native"), ")\n")
    d(
        "Contact: ",
        a.e(),
        " / ",
        b.e(),
        "\nWe found the fee is ",
        x("price", "DKK 1,600"),
        " and processing is ",
        x("duration", "3-5 weeks"),
        ". Wedding venue: ",
        x("place", "Ærø Rådhus"),
        ".\n",
    )
    return d


@form(2)
def school_enrollment(r: Random, v: int) -> Doc:
    p = Who(r, r.choice(MIGR))
    kid = Who(r, p.loc)
    kid.dob = gen.dob(r, 2013, 2020)
    d = Doc()
    d(
        "Aanmelding basisschool — can you check my Dutch?\n\n"
        if v == 0
        else "Anmeldung Grundschule — bitte Deutsch korrigieren:\n\n",
        "Naam kind: " if v == 0 else "Name des Kindes: ",
        P("person", f"{kid.given} {p.family}", PER),
        "\n",
        "Geboortedatum: " if v == 0 else "Geburtsdatum: ",
        kid.b("dash" if v == 0 else "dot"),
        "\n",
    )
    if v == 0:
        d("BSN: ", P("nl_bsn", gen.bsn(r), ID), "\n")
    d(
        "Ouder/Elternteil: ",
        p.n("full"),
        ", tel ",
        p.ph(),
        "\nAdres/Adresse: ",
        P("address", gen.address(r, "nl" if v == 0 else "de"), AD),
        "\nThuistaal/Familiensprache: ",
        x("language", LANGS.get(p.loc, "Engels")),
        "\nAllergie: ",
        x("allergy", "pinda's" if v == 0 else "Erdnüsse"),
        "\n",
    )
    d(
        "School: ",
        x("org", r.choice(["OBS De Regenboog", "Grundschule am Park", "Montessorischool Oost"])),
        ", start ",
        x("date", "1 september 2027" if v == 0 else "01.08.2027"),
        ", class ",
        x("room", "1b"),
        "\n",
    )
    return d


@form(3)
def medical_letter(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    doc = Who(r, r.choice(["de", "es", "fr", "tr"]))
    d = Doc()
    d("Explain this doctor's letter to me in simple English, I am not a native speaker:\n\n")
    if v == 0:
        d(
            "Universitätsklinikum ",
            x("city", "Freiburg"),
            " · Klinik für Innere Medizin\nPatient: ",
            a.n("rev"),
            ", geb. ",
            a.b("dot"),
            "\nPatienten-Nr.: ",
            P("patient_no", gen.digits(r, 8), ID),
            "   Fall-Nr.: ",
            x("case_no", gen.digits(r, 9)),
            "\nKrankenversicherung: ",
            x("company", "AOK Baden-Württemberg"),
            ", Vers.-Nr. ",
            P("de_kvnr", gen.de_kvnr(r), ID),
            "\n\nDiagnose: ",
            x("icd_code", "E11.9"),
            " Diabetes mellitus Typ 2\nHbA1c ",
            x("lab_value", "7,8 %"),
            ", Metformin ",
            x("dose", "1000 mg"),
            " 1-0-1\n\nMit freundlichen Grüßen\n",
            "Dr. med. ",
            doc.n("full"),
            "\n",
        )
    elif v == 1:
        d(
            "Hospital Universitario La Paz — Informe de alta\nPaciente: ",
            a.n("caps"),
            "\nNHC: ",
            P("patient_no", gen.digits(r, 7), ID),
            "\nFecha nac.: ",
            a.b("slash"),
            "\nTarjeta sanitaria europea: ",
            P("ehic_no", gen.ehic(r), ID),
            "\nDiagnóstico: fractura de radio distal (",
            x("icd_code", "S52.5"),
            ")\nTratamiento: ",
            x("drug", "ibuprofeno 600 mg"),
            "\nMédico: ",
            P("person", f"{doc.given[0]}. {doc.family}", PER),
            "\n",
        )
    else:
        d(
            "Sağlık raporu\nHasta: ",
            a.n("full"),
            "\nT.C. Kimlik No / Yabancı Kimlik No: ",
            P("tr_kimlik", gen.tr_kimlik(r), ID),
            "\nDoğum tarihi: ",
            a.b("dot"),
            "\nTel: ",
            a.ph(True),
            "\nTanı: ",
            x("icd_code", "J45.0"),
            " astım\nİlaç: ",
            x("drug", "Ventolin"),
            "\n",
        )
    return d


@form(2)
def travel_insurance_claim(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "Claim form I have to fill for the insurer, help me write the description of what happened:\n\n",
        "Policy number: ",
        P("policy_no", f"TRV{gen.digits(r, 9)}", ID),
        "\nInsured person: ",
        a.n("full"),
        "\nDate of birth: ",
        a.b("us" if v else "iso"),
        "\nHome address: ",
        a.a(),
        "\nPhone: ",
        a.ph(),
        "\nEmail: ",
        a.e(),
        "\nID/passport: ",
        a.id() if v else a.pp(),
        "\nIncident: ",
        x("date", "2026-11-21"),
        ", lost luggage on ",
        x("flight", gen.flight(r)),
        " at ",
        x("airport", r.choice(["IST", "CDG", "MAD"])),
        "\nPIR/file reference: ",
        x("pir_ref", f"IST{r.choice(['TK', 'PC'])}{gen.digits(r, 5)}"),
        "\nAmount claimed: ",
        x("price", gen.price(r)),
        "\nReimburse to: ",
        a.ib(),
        "\n",
    )
    if v:
        d("Travel companion: ", P("person", Who(r, a.loc).full, PER), "\n")
    return d


@form(3)
def traffic_fine(r: Random, v: int) -> Doc:
    own = Who(r, r.choice(["pl", "ua", "tr", "de", "nl", "pt"]))
    d = Doc()
    if v == 0:
        d(
            "I got this letter from Italy about my car, is it a scam?\n\n",
            "Comune di ",
            x("city", "Firenze"),
            " — Polizia Municipale\n",
            "Verbale n. ",
            x("fine_ref", f"{gen.digits(r, 6)}/V/2026"),
            "\nTarga veicolo: ",
            own.lp(),
            "\nIntestatario: ",
            own.n("caps"),
            "\n",
            own.a(),
            "\nViolazione: accesso ZTL ",
            x("place", "Piazza del Duomo"),
            " il ",
            x("datetime", "14/08/2026 11:42"),
            "\nImporto: ",
            x("price", "€ 83,00"),
            "\nIBAN per il pagamento: ",
            x("org_iban", "IT60 X054 2811 1010 0000 0123 456"),
            "\n",
        )
    elif v == 1:
        d(
            "Radarfalle in Österreich, Anonymverfügung. Who has to pay, me or my friend who drove?\n\nKennzeichen: ",
            own.lp(),
            "\nZulassungsbesitzer: ",
            own.n("full"),
            "\nTatort: ",
            x("place", "A10 Tauernautobahn km 45,2"),
            "\nGemessen: ",
            x("speed", "148 km/h"),
            " (erlaubt ",
            x("speed", "130 km/h"),
            ")\nFahrer war: ",
            P("person", Who(r, own.loc).full, PER),
            ", Führerschein ",
            P("driving_licence", f"{gen.alnum(r, 2, 'ABCDEFGHJKLMN')}{gen.digits(r, 7)}", ID),
            "\n",
        )
    else:
        d(
            "Multa de la DGT — ¿cómo identifico al conductor?\nExpediente: ",
            x("fine_ref", gen.digits(r, 12)),
            "\nMatrícula: ",
            P("plate", gen.plate(r, "es"), LP),
            "\nTitular: ",
            own.n("full"),
            ", NIE ",
            P("es_nie", gen.es_nie(r), ID),
            "\nConductor: ",
            P("person", Who(r, "es").full, PER),
            ", DNI ",
            P("es_dni", gen.es_dni(r), ID),
            "\nPuntos: ",
            x("quantity", "4"),
            "\n",
        )
    return d


@form(2)
def car_import(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "tr", "pl", "ar"]))
    d = Doc()
    d(
        "Ich möchte mein Auto aus ",
        x(
            "country",
            {"ua": "der Ukraine", "tr": "der Türkei", "pl": "Polen", "ar": "Ägypten"}[a.loc],
        ),
        " in Deutschland zulassen. Was brauche ich?\n\nAltes Kennzeichen: ",
        a.lp(),
        "\nNeues Wunschkennzeichen: ",
        P("plate", gen.plate(r, "de"), LP),
        "\nHalter: ",
        a.n("full"),
        ", ",
        P("address", gen.address(r, "de"), AD),
        "\nFahrzeug: ",
        x("car_model", r.choice(["VW Passat B8", "Toyota Corolla 2019", "Škoda Octavia"])),
        ", ",
        x("measure", "1968 cm³"),
        ", EZ ",
        x("date", "03/2019"),
        "\nSteuer-ID: ",
        P("de_taxid", gen.de_taxid(r), ID),
        "\nHerstellercode: ",
        x("type_code", f"{gen.digits(r, 4)}/{gen.alnum(r, 3, 'ABCDEFGHJKLMNP')}"),
        "\n",
    )
    if v:
        d("My phone: ", a.ph(), " (", a.n("native" if a.native else "given"), ")\n")
    return d


@form(3)
def customs_form(r: Random, v: int) -> Doc:
    s = Who(r, r.choice(HOST))
    t = Who(r, r.choice(["ua", "ng", "ph", "in", "br", "vn", "tr"]))
    d = Doc()
    d(
        "CN23 customs declaration, help me describe the items correctly:\n\nSender: ",
        s.n("full"),
        "\n",
        s.a(),
        "\nTel: ",
        s.ph(),
        "\nRecipient: ",
        t.n("full" if v != 1 else "native"),
        "\n",
        t.a(),
        "\nTel: ",
        t.ph(),
        "\n\n",
    )
    for _ in range(3):
        item = r.choice(
            [
                ("Children's clothes", "6111.20"),
                ("Vitamins", "2106.90"),
                ("Used laptop", "8471.30"),
                ("Coffee", "0901.21"),
                ("Books", "4901.99"),
            ]
        )
        d(
            x("item", item[0]),
            "  HS ",
            x("hs_code", item[1]),
            "  ",
            x("weight", f"{r.uniform(0.2, 4):.2f} kg"),
            "  ",
            x("price", gen.price(r)),
            "\n",
        )
    d("Tracking: ", x("tracking", f"CX{gen.digits(r, 9)}DE"), "\n")
    return d


@form(3)
def bank_statement(r: Random, v: int) -> Doc:
    me = Who(r, r.choice(MIGR))
    d = Doc()
    d(
        "Categorise my expenses from this statement:\n\nKontoauszug ",
        x("statement_no", f"{r.randint(1, 12)}/2026"),
        " — ",
        me.n("full"),
        " — IBAN ",
        me.ib(),
        "\n\n",
    )
    for _ in range(4 + v):
        k = r.randrange(4)
        dt = x("date", f"{r.randint(1, 28):02d}.11.")
        if k == 0:
            w = Who(r, r.choice(MIGR + HOST))
            d(
                dt,
                " SEPA-Überweisung an ",
                w.n("caps"),
                " ",
                w.ib(False),
                " ",
                x("amount", f"-{r.randint(20, 900)},00"),
                "\n",
            )
        elif k == 1:
            d(
                dt,
                " Kartenzahlung ",
                x("merchant", r.choice(["REWE SAGT DANKE", "LIDL", "DB Vertrieb GmbH", "FLIXBUS"])),
                " ",
                x("amount", f"-{r.uniform(3, 90):.2f}".replace(".", ",")),
                "\n",
            )
        elif k == 2:
            d(
                dt,
                " Gutschrift ",
                x("company", r.choice(["Upwork Escrow Inc", "Deel Inc", "Payoneer"])),
                " Ref ",
                x("reference", gen.alnum(r, 12, "ABCDEFGHJKLMNP0123456789")),
                " ",
                x("amount", f"+{r.randint(300, 3000)},00"),
                "\n",
            )
        else:
            w = Who(r, r.choice(MIGR))
            d(
                dt,
                " Western Union an ",
                P("person", w.full.upper(), PER),
                " MTCN ",
                x("mtcn", gen.digits(r, 10)),
                " ",
                x("amount", f"-{r.randint(50, 400)},00"),
                "\n",
            )
    return d


@form(3)
def tax_residency(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "in", "br", "pl", "tr", "pt", "ru", "jp"]))
    host = r.choice(["de", "es", "nl", "fr"])
    d = Doc()
    d(
        "I am a freelancer living in ",
        x(
            "country",
            {"de": "Germany", "es": "Spain", "nl": "the Netherlands", "fr": "France"}[host],
        ),
        " since March but my clients pay me in ",
        x("country", "USA"),
        ". Am I tax resident in two countries? My numbers:\n- home country tax number: ",
        a.id(),
        "\n",
    )
    if host == "de":
        d(
            "- Steuer-ID: ",
            P("de_taxid", gen.de_taxid(r), ID),
            "\n- Steuernummer (Finanzamt): ",
            P("de_steuernummer", f"{r.randint(10, 99)}/{gen.digits(r, 3)}/{gen.digits(r, 5)}", ID),
            "\n",
        )
    elif host == "es":
        d("- NIE: ", P("es_nie", gen.es_nie(r), ID), "\n")
    elif host == "nl":
        d("- BSN: ", P("nl_bsn", gen.bsn(r), ID), "\n")
    else:
        d("- numéro fiscal: ", P("fr_tax_no", str(r.randint(1, 3)) + gen.digits(r, 12), ID), "\n")
    d(
        "- W-8BEN signed as ",
        a.n("full"),
        ", DOB ",
        a.b("us"),
        "\nIncome 2026: about ",
        x("price", "$48,000"),
        ". Treaty article ",
        x("law_ref", "Art. 14"),
        "?\n",
    )
    if v == 2:
        d("My accountant: ", P("person", Who(r, host).full, PER), "\n")
    return d


@form(2)
def pension_ssn(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["us", "mx", "ph", "pl"]), female=False)
    a.dob = gen.dob(r, 1950, 1964)
    d = Doc()
    d(
        "My father worked 12 years in ",
        x("country", "the US"),
        " and then in ",
        x("country", "Germany"),
        ". How does he get both pensions?\n\n",
        "Name: ",
        a.n("full"),
        "\nSSN: ",
        P("us_ssn", gen.ssn(r), SSN),
        "\nDeutsche Rentenversicherungsnr.: ",
        P(
            "de_pension_no",
            gen.de_rvnr(r, a.dob, gen.fold(a.family)[0], a.female),
            ID,
        ),
        "\nDOB: ",
        a.b("us"),
        "\nCurrent address: ",
        P("address", gen.address(r, r.choice(["mx", "ph", "pl", "de"])), AD),
        "\n",
        "Forms mentioned on the website: ",
        x("form_code", "SSA-2490-BK"),
        ", ",
        x("form_code", "V 0100"),
        "\n",
    )
    if v:
        d("He prefers phone: ", a.ph(), "\n")
    return d


@form(3)
def job_offer(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    hr = Who(r, r.choice(["de", "nl", "pt", "gb"]))
    d = Doc()
    d(
        "Is this offer normal for Berlin? Should I negotiate?\n\n",
        "Dear ",
        a.n("given"),
        ",\n\nwe are happy to offer you the position of ",
        x("job_title", "Senior Backend Engineer"),
        " (",
        x("req_id", f"REQ-{gen.digits(r, 5)}"),
        ") at ",
        x("company", r.choice(["N26", "Delivery Hero", "Adyen", "Celonis"])),
        ".\nStart date: ",
        x("date", "1 February 2027"),
        "\nSalary: ",
        x("price", f"€{r.randint(65, 95)},000"),
        " gross p.a.\nRelocation budget: ",
        x("price", "€5,000"),
        "\nYour employee number will be ",
        P("employee_no", f"E{gen.digits(r, 6)}", ID),
        ".\nFor the Blue Card we will need your passport (",
        a.pp(),
        ") and your date of birth (",
        a.b("long_en"),
        "). Tax ID from home, if any: ",
        a.id(),
        ".\n\nBest,\n",
        hr.n("full"),
        "\nTalent Acquisition\n",
        hr.e(),
        "\n",
    )
    if v == 2:
        d("\nmy reply draft: thanks ", hr.n("given"), "! could you call me at ", a.ph(), "?\n")
    return d


@form(2)
def power_of_attorney(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "tr", "pl", "ar", "in"]))
    b = Who(r, a.loc, female=False, kin=a)
    d = Doc()
    d(
        "Draft a power of attorney in English and ",
        x(
            "language",
            {"ua": "Ukrainian", "tr": "Turkish", "pl": "Polish", "ar": "Arabic", "in": "Hindi"}[
                a.loc
            ],
        ),
        " so my brother can sell my flat while I'm abroad.\n\n",
        "Principal: ",
        a.n("full"),
        ", born ",
        a.b("dot"),
        ", passport ",
        a.pp(),
        ", tax number ",
        a.id(),
        ", residing at ",
        P("address", gen.address(r, r.choice(HOST)), AD),
        "\n",
        "Attorney: ",
        b.n("full"),
        ", born ",
        b.b("dot"),
        ", residing at ",
        b.a(),
        "\n",
        "Property: apartment at ",
        P("address", gen.address(r, a.loc), AD),
        "\nCadastral no. ",
        x(
            "cadastral_no",
            f"{gen.digits(r, 10)}:{gen.digits(r, 2)}:{gen.digits(r, 3)}:{gen.digits(r, 4)}",
        ),
        "\n",
    )
    if a.native:
        d("Name in native script: ", a.n("native"), " / ", b.n("native"), "\n")
    d(
        "Notary fee quoted: ",
        x("price", gen.price(r, "€")),
        ", apostille per ",
        x("law_ref", "Hague Convention 1961"),
        ".\n",
    )
    return d


@form(3)
def language_exchange(r: Random, v: int) -> Doc:
    a = Who(r, ["in", "kr", "cn"][v] if r.random() < 0.6 else r.choice(["vn", "tr", "br", "ar"]))
    while a.loc == "in" and not a.native:
        a = Who(r, "in")
    d = Doc()
    d("Make my tandem profile sound friendlier:\n\n")
    if a.loc == "in":
        d("नमस्ते! मेरा नाम ", P("person", a.native or a.full, PER), " है (", a.n("full"), "). ")
    elif a.loc == "kr":
        d("안녕하세요! 저는 ", P("person", a.native or a.full, PER), "입니다 (", a.n("full"), "). ")
    elif a.loc == "cn":
        d("大家好，我叫", P("person", a.native or a.full, PER), "（", a.n("full"), "）。")
    else:
        d("Hi! I'm ", a.n("full"), ". ")
    d(
        "I study at ",
        x("org", r.choice(["Humboldt-Universität", "Sciences Po", "KU Leuven"])),
        ", I like ",
        x("band", r.choice(["BTS", "Rammstein", "Tarkan"])),
        " and football (big fan of ",
        x("public_figure", r.choice(["Lionel Messi", "Son Heung-min", "Cristiano Ronaldo"])),
        ").\n",
        "Write me on KakaoTalk/WeChat/WhatsApp: ",
        a.ph(),
        " or ",
        a.e(),
        "\n",
    )
    if v == 1:
        d(
            "I live near ",
            x("place", r.choice(["Alexanderplatz", "Gare du Nord", "Grote Markt"])),
            ", exact: ",
            a.a(),
            "\n",
        )
    if v == 2:
        d(
            "Birthday ",
            a.b("cjk" if a.loc in ("cn",) else "ko" if a.loc == "kr" else "slash"),
            " — I'm a Scorpio!\n",
        )
    return d


@form(3)
def diaspora_members(r: Random, v: int) -> Doc:
    loc = r.choice(["ua", "ng", "ph", "tr", "in"])
    d = Doc()
    d("Our association member list — remove duplicates and sort by city:\n\n")
    sep = ["\t", ";", " | "][v]
    d(sep.join(["Member no", "Name", "Phone", "Email", "City"]), "\n")
    for _ in range(4 + v):
        w = Who(r, loc)
        d(
            P("member_no", f"M-{gen.digits(r, 5)}", ID),
            sep,
            w.n(r.choice(["full", "lower", "caps"])),
            sep,
            w.ph(r.random() < 0.5),
            sep,
            w.e(),
            sep,
            x("city", r.choice(["Berlin", "Hamburg", "München", "Köln", "Leipzig"])),
            "\n",
        )
    d(
        "\nTotal dues ",
        x("price", f"{r.randint(300, 900)} €"),
        ", next meeting ",
        x("date", "12.12.2026"),
        " in ",
        x("org", "Haus der Kulturen der Welt"),
        "\n",
    )
    return d


@form(2)
def expense_sheet(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "Travel expense report — ",
        a.n("full"),
        ", cost centre ",
        x("cost_centre", f"CC-{gen.digits(r, 4)}"),
        "\n\nDate       | Item                 | Amount\n",
    )
    for _ in range(5 + v):
        dt = x("date", f"2026-{r.randint(9, 11):02d}-{r.randint(1, 28):02d}")
        it = r.choice(
            [
                ("Flight " + gen.flight(r), "flight"),
                ("Hotel " + r.choice(["Motel One", "ibis"]), "hotel"),
                ("Taxi", "taxi"),
                ("ICE " + str(r.randint(500, 999)), "train"),
            ]
        )
        d(dt, " | ", x(it[1], it[0]), " | ", x("price", gen.price(r)), "\n")
    d("\nPaid with my private card ", card(r), ", reimburse to ", a.ib(), "\n")
    return d


@form(2)
def apartment_handover(r: Random, v: int) -> Doc:
    t = Who(r, r.choice(MIGR))
    ll = Who(r, r.choice(["de", "nl", "pl"]))
    d = Doc()
    d(
        "Übergabeprotokoll — please translate into ",
        x("language", "Arabic" if t.loc == "ar" else "English"),
        "\n\nWohnung: ",
        P("address", gen.address(r, "de"), AD),
        "\nMieter: ",
        t.n("full"),
        ", neue Anschrift: ",
        t.a(),
        "\nVermieter: ",
        ll.n("full"),
        ", Tel. ",
        ll.ph(True),
        "\nStromzähler Nr. ",
        x("meter_no", gen.digits(r, 8)),
        " Stand ",
        x("meter_reading", f"{r.randint(1000, 40000)} kWh"),
        "\nWasserzähler ",
        x("meter_no", gen.digits(r, 7)),
        " Stand ",
        x("meter_reading", f"{r.uniform(10, 900):.3f} m³"),
        "\nSchlüssel: ",
        x("quantity", "3"),
        " Haustür, ",
        x("quantity", "1"),
        " Briefkasten\nKaution zurück an: ",
        t.ib(),
        "\n",
    )
    return d


@form(3)
def east_asia_registration(r: Random, v: int) -> Doc:
    a = Who(r, ["cn", "kr", "cn"][v])
    d = Doc()
    if a.loc == "cn":
        d(
            "帮我翻译成德语，要交给外管局 (Ausländerbehörde):\n\n姓名：",
            a.n("native"),
            "\n拼音：",
            a.n("upper"),
            "\n出生日期：",
            a.b("cjk"),
            "\n公民身份号码：",
            a.id(),
            "\n护照号码：",
            a.pp(),
            "\n国内住址：",
            a.a(),
            "\n手机：",
            a.ph(True),
            "\n微信号：" if v == 2 else "",
            P("handle", gen.fold(a.given).lower() + "_" + gen.digits(r, 4), PER) if v == 2 else "",
            "\n",
        )
    else:
        d(
            "외국인등록 신청서 번역 부탁드려요 (독일어로):\n\n성명: ",
            a.n("native"),
            " (",
            a.n("full"),
            ")\n주민등록번호: ",
            a.id(),
            "\n생년월일: ",
            a.b("ko"),
            "\n여권번호: ",
            a.pp(),
            "\n주소: ",
            a.a(),
            "\n연락처: ",
            a.ph(True),
            "\n이메일: ",
            a.e(),
            "\n",
        )
    d(
        "Aktenzeichen der Behörde: ",
        x("case_ref", f"AB-{gen.digits(r, 6)}"),
        ", Termin ",
        x("datetime", "09.01.2027 10:30"),
        "\n",
    )
    d(
        "Behörde: ",
        x("org", "Landesamt für Einwanderung"),
        ", ",
        x("public_address", "Friedrich-Krause-Ufer 24, 13353 Berlin"),
        ", Gebühr ",
        x("price", "100 €"),
        "\n",
    )
    return d


@form(3)
def phone_contract(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    host = ["de", "fr", "es"][v]
    d = Doc()
    d(
        "Kündigung my mobile contract — write the cancellation letter in ",
        x("language", {"de": "German", "fr": "French", "es": "Spanish"}[host]),
        ":\n\n",
        "Provider: ",
        x("company", {"de": "Telekom", "fr": "Free Mobile", "es": "Movistar"}[host]),
        "\nCustomer number: ",
        P("customer_no", gen.digits(r, 10), ("ID_NUMBER", "PHONE")),
        "\nContract/plan: ",
        x("plan", "MagentaMobil M" if host == "de" else "Forfait 5G" if host == "fr" else "Fusión"),
        " (",
        x("price", f"{r.randint(10, 45)},99 €"),
        "/month)",
        "\nMobile number: ",
        P("phone", gen.phone(r, host, False), PH),
        "\nName: ",
        a.n("full"),
        "\nDate of birth: ",
        a.b("dot"),
        "\nAddress: ",
        P("address", gen.address(r, host), AD),
        "\nDirect debit IBAN: ",
        P("iban", gen.group4(gen.iban(r, {"de": "DE", "fr": "FR", "es": "ES"}[host])), IB),
        "\n",
    )
    return d


@form(3)
def kyc_yaml(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "Test fixture for our fintech onboarding, is the YAML valid?\n\n```yaml\ncustomer:\n  id: ",
        x("uuid", gen.uuid(r)),
        "\n  full_name: ",
        a.n("full"),
        "\n  native_name: ",
        a.n("native") if a.native else x("null", "null"),
        "\n  birth_date: ",
        a.b("iso"),
        "\n  nationality: ",
        x("country_code", gen.COUNTRY3[a.loc]),
        "\n  document:\n    type: passport\n    number: ",
        a.pp(),
        '\n    national_id: "',
        a.id(),
        '"\n    expires: ',
        x("expiry_date", f"20{r.randint(28, 35)}-{r.randint(1, 12):02d}-01"),
        "\n  contact:\n    email: ",
        a.e(),
        '\n    phone: "',
        a.ph(),
        '"\n  address: "',
        a.a(),
        '"\n',
    )
    if v:
        d('  card: "', card(r), '"\n')
    if v == 2:
        d(
            "  device_ip: ",
            P(
                "ip",
                f"{r.choice([46, 78, 151])}.{r.randint(1, 254)}.{r.randint(1, 254)}.{r.randint(1, 254)}",
                ("IP_ADDRESS",),
            ),
            "\n",
        )
    d(
        "  risk_score: ",
        x("score", f"0.{r.randint(10, 99)}"),
        "\n  created: ",
        x("timestamp", gen.ts(r)),
        "\n```\n",
    )
    return d


@form(3)
def sms_dump(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    d = Doc()
    d("These SMS came today, which ones are phishing?\n\n")
    d(
        "1) ",
        x("sender", "DHL"),
        ": Your parcel ",
        x("tracking", f"JJD{gen.digits(r, 18)}"),
        " is held. Pay ",
        x("price", "€1.99"),
        " at dhl-paket-zoll.info\n",
    )
    d(
        "2) ",
        x("sender", "Sparkasse"),
        ": Karte endet auf ",
        x("card_last4", gen.digits(r, 4)),
        " wurde gesperrt. Rufen Sie ",
        x("premium_phone", "0900 123 45 67"),
        " an\n",
    )
    d(
        "3) From ",
        a.ph(True) if v != 1 else P("phone", gen.phone(r, "de"), PH),
        ": Hi ",
        a.n("given"),
        " it's ",
        P("person", Who(r, a.loc).given, PER),
        " from the language school, my new number. Class moved to ",
        x("time", "18:30"),
        ", room ",
        x("room", f"B{r.randint(100, 399)}"),
        "\n",
    )
    d(
        "4) ",
        x("sender", "Revolut"),
        ": Never share this code. Transfer of ",
        x("price", gen.price(r)),
        " to ",
        P("person", Who(r, r.choice(MIGR)).full.upper(), PER),
        " approved.\n",
    )
    if v == 2:
        d(
            "5) unknown: Mama, my phone broke, this is my new number, send money to ",
            P("iban", gen.group4(gen.iban(r, r.choice(["LT", "GB", "BE"]))), IB),
            "\n",
        )
    return d


@form(2)
def shipping_agent_email(r: Random, v: int) -> Doc:
    cap = Who(r, r.choice(["ua", "pl", "in", "ph"]))
    crew = [Who(r, r.choice(["ph", "in", "ua"])) for _ in range(2)]
    d = Doc()
    d(
        "Reply to the agent for me, short and professional:\n\n",
        "From: ",
        "Port agent <",
        x("org_email", "ops@agency.example.com"),
        ">",
        "\nSubject: ",
        x("vessel", r.choice(["MV Kapitan Tarasov", "MT Ocean Pride", "MV Baltic Wind"])),
        " — crew change ",
        x("port", "AEJEA"),
        "\n\nDear Capt. ",
        cap.n("family"),
        ",\n\nplease confirm the off-signers ",
        crew[0].n("upper"),
        " (seaman book ",
        P("seaman_book", f"SB{gen.digits(r, 7)}", ID),
        ") and ",
        crew[1].n("upper"),
        " (passport ",
        crew[1].pp(),
        "). Flights ",
        x("flight", gen.flight(r)),
        " on ",
        x("date", "12 Dec"),
        ".\n",
        "Ship position: ",
        x("ship_geo", f"25°{r.randint(0, 59)}'N 055°{r.randint(0, 59)}'E"),
        ". Agency fee ",
        x("price", "USD 1,250"),
        ".\n\nBR\nAgency\n",
    )
    if v:
        d(
            "\n[capt. personal mobile ",
            cap.ph(),
            ", wife ",
            P("person", Who(r, cap.loc).given, PER),
            "]\n",
        )
    return d


@form(2)
def student_housing_chat(r: Random, v: int) -> Doc:
    a, b = Who(r, r.choice(MIGR)), Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        "Summarise what my flatmate and I agreed (chat export):\n\n",
        a.n("given"),
        ": hey can u put the internet on your name? mine is blocked since the ",
        x("company", "Schufa"),
        " thing\n",
        b.n("given"),
        ": ok but then send ur half to me every month, ",
        b.ib(),
        "\n",
        a.n("given"),
        ": sure. ",
        x("price", "€19.99"),
        " / 2 right? also the wifi pw is ",
        S("wifi_password", gen.secret(r, "password")),
        "\n",
        b.n("given"),
        ": lol ok. my mail for the contract ",
        b.e(),
        "\n",
    )
    if v:
        d(
            a.n("given"),
            ": also write down my mom's number if something happens: ",
            P("phone", gen.phone(r, a.loc), PH),
            "\n",
        )
    d(
        b.n("given"),
        ": contract starts ",
        x("date", "15.01.2027"),
        " with ",
        x("company", r.choice(["Vodafone", "O2", "1&1"])),
        ", ",
        x("speed", "250 Mbit/s"),
        "\n",
    )
    return d


@form(3)
def family_documents_note(r: Random, v: int) -> Doc:
    loc = r.choice(["ua", "ar", "in", "tr", "br", "ph", "cn", "kr", "pl", "mx", "ru", "jp"])
    head = Who(r, loc)
    fam = [head, Who(r, loc, female=not head.female, kin=head)]
    if v == 2:
        fam.append(Who(r, loc, female=True))
    fam.append(Who(r, loc, kin=head))
    kid = fam[-1]
    kid.dob = gen.dob(r, 2010, 2022)
    if v == 2:
        fam[2].dob = gen.dob(r, 1945, 1962)
    d = Doc()
    d(
        "Make a neat table of our family documents for the family reunification visa (Familiennachzug):\n\n"
    )
    roles = [
        "me",
        "wife" if fam[1].female else "husband",
        "daughter" if kid.female else "son",
        "mother-in-law",
    ]
    for i, w in enumerate(fam):
        style = ["dot", "slash", "iso", "long_en"][(i + v) % 4]
        d(
            x("role", roles[min(i, 1)] if i < 2 else roles[3] if i < len(fam) - 1 else roles[2]),
            ": ",
            w.n("full" if i else "caps"),
            ", ",
            w.b(style),
            ", passport ",
            w.pp(),
            ", ",
            "ID " if v else "national no. ",
            w.id(),
            "\n",
        )
        if w.native and i == 0:
            d("   (", w.n("native"), ")\n")
    d(
        "our address here: ",
        P("address", gen.address(r, "de"), AD),
        ", my mobile ",
        fam[0].ph(),
        "\n",
        "appointment at ",
        x("org", "Botschaft der Bundesrepublik Deutschland"),
        ", ",
        x("public_address", r.choice(gen.PUBLIC_ADDRESSES)),
        " — booking ",
        x("booking_ref", f"RK-{gen.digits(r, 7)}"),
        "\n",
    )
    return d


@form(3)
def schengen_application(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["in", "tr", "ng", "ua", "vn", "ph", "cn", "ar", "ru"]))
    host = r.choice(["de", "fr", "es", "nl", "pt", "pl"])
    inv = Who(r, host)
    d = Doc()
    d(
        "Check my Schengen visa form answers before I submit (VIDEX):\n\n1. Surname: ",
        P("person", a.family.upper(), PER),
        "\n2. Surname at birth: ",
        P("person", (a.family if v else Who(r, a.loc).family).upper(), PER) if v != 1 else "same",
        "\n3. First name(s): ",
        P("person", a.given.upper(), PER),
        "\n4. Date of birth: ",
        a.b(["dot", "slash", "iso"][v]),
        "\n5. Place of birth: ",
        BIRTH_CITY[a.loc],
        "\n9. National identity number: ",
        a.id(),
        "\n13. Travel document: ",
        a.pp(),
        ", issued ",
        x("issue_date", "04.05.2022"),
        "\n17. Home address and e-mail: ",
        a.a(),
        ", ",
        a.e(),
        "\n    Telephone: ",
        a.ph(),
        "\n19. Employer: ",
        x(
            "company",
            r.choice(["Tata Consultancy Services", "Turkcell", "Dangote Group", "Vinamilk"]),
        ),
        "\n31. Inviting person: ",
        inv.n("full"),
        ", ",
        inv.a(),
        ", ",
        inv.ph(),
        ", ",
        inv.e(),
        "\n    Relationship: ",
        x("relationship", "friend from university"),
        "\nFee: ",
        x("price", "€90"),
        ", purpose: visiting the ",
        x("event", r.choice(["Oktoberfest", "Fête de la Musique", "Feria de Abril"])),
        "\n",
    )
    return d
