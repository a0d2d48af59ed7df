"""Loft forms, part B: letters, forms and chats in their own languages and national formats."""

from __future__ import annotations

from random import Random

from . import gen as g
from .common import (
    COMPANIES,
    DRUGS,
    dob,
    form,
    invoice_no,
    money,
    stamp,
    ticket_no,
    tracking_no,
    when,
)
from .doc import Doc, P, T
from .locales import address, city_line, email, latin, person, phone, plate, street_line


@form(3)
def de_finanzamt_brief(r: Random, v: int) -> Doc:
    loc = "de_DE"
    p = person(r, loc)
    d = Doc()
    stnr = f"{r.randint(10, 99)}/{g.digits(r, 3)}/{g.digits(r, 5)}"
    if v == 0:
        d(
            P("person", p.full),
            "\n",
            P("address", address(r, loc, "\n")),
            "\n\nFinanzamt ",
            T("city", "Köln-Altstadt"),
            "\n\n",
            T("city", "Köln"),
            ", ",
            T("date", when(r, "dot")),
            "\n\nSteuernummer: ",
            P("tax_no", stnr),
            "\nIdentifikationsnummer: ",
            P("de_tax_id", " ".join([(t := g.de_tax_id(r))[:2], t[2:5], t[5:8], t[8:]])),
            "\n\nEinspruch gegen den Einkommensteuerbescheid ",
            T("year", "2025"),
            " vom ",
            T("date", when(r, "dot")),
            "\n\nSehr geehrte Damen und Herren,\nhiermit lege ich Einspruch ein. Die Fahrtkosten (",
            T("distance", f"{r.randint(12, 60)} km"),
            " einfach) wurden nicht berücksichtigt. Bitte erstatten Sie auf ",
            P("iban", g.iban(r, "DE")),
            ".\n\nMit freundlichen Grüßen\n",
            P("person", p.full),
            "\n",
        )
    elif v == 1:
        d(
            "kannst du mir helfen das formular auszufüllen? hab folgende daten:\nname ",
            P("person", p.full.lower()),
            "\nsteuer id ",
            P("de_tax_id", g.de_tax_id(r)),
            "\ngeboren ",
            P("dob", dob(r, loc)),
            "\nkonto ",
            P("iban", g.iban(r, "DE", grouped=False)),
            "\nbrutto ",
            T("amount", money(r, "€", 20000, 70000)),
            " lohnsteuer ",
            T("amount", money(r, "€", 2000, 12000)),
            "\n",
        )
    else:
        d(
            "Anlage Kind\nKind: ",
            P("person", f"{person(r, loc, avoid={p.given, p.family}).given} {p.family}"),
            "\nGeburtsdatum: ",
            P("dob", dob(r, loc, 2008, 2024)),
            "\nIdNr. des Kindes: ",
            P("de_tax_id", g.de_tax_id(r)),
            "\nFamilienkasse: ",
            T("org", "Familienkasse Sachsen"),
            "\nKindergeldnummer: ",
            P("kindergeld_no", f"{r.randint(100, 999)}FK{g.digits(r, 6)}"),
            "\nBetrag ",
            T("amount", "255,00 €"),
            " monatlich\n",
        )
    return d


@form(3)
def de_krankenkasse_mail(r: Random, v: int) -> Doc:
    loc = "de_DE"
    p = person(r, loc)
    d = Doc()
    kv = g.de_kvnr(r)
    if v == 0:
        d(
            "Betreff: Kostenübernahme Physiotherapie\n\nSehr geehrte Damen und Herren,\n\nich bin bei Ihnen "  # noqa: E501
            "versichert (Versichertennummer ",
            P("de_kvnr", kv),
            ", geb. ",
            P("dob", dob(r, loc)),
            ") und bitte um Kostenübernahme für ",
            T("quantity", f"{r.choice([6, 10, 12])} Einheiten"),
            " Krankengymnastik laut Verordnung von Dr. ",
            P("person", person(r, loc, avoid={p.given, p.family}).family),
            " vom ",
            T("date", when(r, "dot")),
            ".\n\nRückfragen gern unter ",
            P("phone", phone(r, loc)),
            ".\n\nFreundliche Grüße\n",
            P("person", p.full),
            "\n",
            P("address", address(r, loc)),
            "\n",
        )
    elif v == 1:
        d(
            "Foto von meiner Gesundheitskarte abgetippt:\n",
            T("org", "AOK Nordost"),
            "\n",
            P("person", p.family.upper()),
            "\n",
            P("person", p.given),
            "\n",
            P("de_kvnr", kv),
            "\n",
            T("card_valid", f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"),
            "\nwas bedeutet die Nummer ",
            T("ik_no", f"10{g.digits(r, 7)}"),
            " oben rechts?\n",
        )
    else:
        d(
            "Medikationsplan für ",
            P("person", p.full),
            " (geb. ",
            P("dob", dob(r, loc, 1938, 1960)),
            ")\n",
        )
        for dr in r.sample(DRUGS, 3):
            d(
                "- ",
                T("drug", dr),
                "  ",
                T("dosage", r.choice(["1-0-1", "1-0-0", "0-0-1", "1/2-0-1/2"])),
                "\n",
            )
        d(
            "Hausarzt: Dr. med. ",
            P("person", person(r, loc, avoid={p.given, p.family}).full),
            ", Praxis ",
            T("street_as_place", "am Marktplatz"),
            "\nStand: ",
            T("date", when(r, "dot")),
            "\n",
        )
    return d


@form(3)
def de_bussgeld_anhoerung(r: Random, v: int) -> Doc:
    loc = "de_DE"
    p = person(r, loc)
    d = Doc()
    az = f"{r.randint(100, 999)}.{g.digits(r, 6)}.{r.randint(1, 9)}"
    if v < 2:
        d(
            "Anhörungsbogen — Aktenzeichen ",
            T("case_no", az),
            "\n\nBetroffene/r: ",
            P("person", p.full),
            "\nWohnanschrift: ",
            P("address", address(r, loc)),
            "\nKennzeichen: ",
            P("plate", plate(r, loc)),
            "\nTatzeit: ",
            T("datetime", f"{when(r, 'dot')}, {r.randint(6, 22):02d}:{r.randint(0, 59):02d} Uhr"),
            "\nTatort: ",
            T(
                "place",
                f"{r.choice(['B 27', 'A 9', 'L 1140'])}, Höhe km {r.randint(1, 90)},{r.randint(1, 9)}",  # noqa: E501
            ),
            "\nGemessene Geschwindigkeit: ",
            T("speed", f"{r.randint(58, 95)} km/h"),
            " (zulässig ",
            T("speed", "50 km/h"),
            ")\nVerwarnungsgeld: ",
            T("amount", money(r, "€", 30, 300)),
            "\n\n",
        )
        if v == 1:
            d(
                "Ich war nicht der Fahrer, sondern mein Schwager ",
                P("person", person(r, loc, False, avoid={p.given, p.family}).full),
                ", geb. ",
                P("dob", dob(r, loc)),
                ", Führerschein-Nr. ",
                P(
                    "driver_license",
                    f"{g.rstr(r, g.UP, 1)}{g.digits(r, 2)}{g.rstr(r, g.UP + g.DIG, 7)}{g.digits(r, 1)}",  # noqa: E501
                ),
                ".\n",
            )
        d("Wie formuliere ich den Einspruch?\n")
    else:
        d(
            "Parkverstoß: mein Auto ",
            P("plate", plate(r, loc)),
            " stand vor der Einfahrt ",
            T(
                "street_as_place",
                f"{r.choice(['Hauptstraße', 'Bahnhofstraße'])} Ecke {r.choice(['Kirchgasse', 'Marktplatz'])}",  # noqa: E501
            ),
            ". Der Halter laut Schreiben ist ",
            P("person", p.full),
            ", das bin ich, aber gefahren ist meine Frau. "
            "Muss ich ihre Daten angeben? Aktenzeichen ",
            T("case_no", az),
            ".\n",
        )
    return d


@form(3)
def fr_courrier_administratif(r: Random, v: int) -> Doc:
    loc = "fr_FR"
    p = person(r, loc)
    born = g.birth_date(r)
    d = Doc()
    if v == 0:
        d(
            P("person", p.full),
            "\n",
            P("address", address(r, loc, "\n")),
            "\nTél. : ",
            P("phone", phone(r, loc)),
            "\nN° de sécurité sociale : ",
            P("fr_nir", g.fr_nir(r, born, p.female)),
            "\n\nCPAM de ",
            T("city", "Haute-Garonne"),
            "\n\n",
            T("city", "Toulouse"),
            ", le ",
            T("date", when(r, "long-fr")),
            "\n\nObjet : arrêt de travail du ",
            T("date", when(r, "eu/")),
            "\n\nMadame, Monsieur,\nVeuillez trouver ci-joint l'avis d'arrêt de travail. Les indemnités "  # noqa: E501
            "journalières peuvent être versées sur le compte ",
            P("iban", g.iban(r, "FR")),
            ".\n\nJe vous prie d'agréer mes salutations distinguées.\n",
            P("person", p.full),
            "\n",
        )
    elif v == 1:
        d(
            "Bonjour, je dois répondre à la CAF, mon numéro allocataire c'est ",
            P("caf_no", g.digits(r, 7, True)),
            ", je m'appelle ",
            P("person", p.full),
            " née le ",
            P("dob", g.fmt_date(born, "long-fr")),
            ". Ils me demandent ",
            T("amount", money(r, "€", 100, 900)),
            " de trop-perçu pour ",
            T("period", "mars 2026"),
            ". Aidez-moi à écrire un recours svp\n",
        )
    else:
        d(
            "Attestation d'hébergement\n\nJe soussigné(e) ",
            P("person", p.full),
            ", né(e) le ",
            P("dob", g.fmt_date(born, "eu/")),
            " à ",
            T("birthplace", "Lyon"),
            ", demeurant au ",
            P("address", address(r, loc)),
            ", atteste sur l'honneur héberger ",
            P("person", person(r, loc, avoid={p.given, p.family}).full),
            " depuis le ",
            T("date", when(r, "eu/")),
            ".\nPièce d'identité : CNI n° ",
            P("fr_cni", f"{g.digits(r, 2)}{g.rstr(r, g.UP, 2)}{g.digits(r, 5)}"),
            "\n",
        )
    return d


@form(3)
def es_contrato_alquiler(r: Random, v: int) -> Doc:
    loc = "es_ES"
    a = person(r, loc, female=True if v == 2 else None)
    b = person(r, loc, avoid={a.given, a.family})
    d = Doc()
    if v < 2:
        d(
            "CONTRATO DE ARRENDAMIENTO DE VIVIENDA\n\nEn ",
            T("city", "Madrid"),
            ", a ",
            T("date", when(r, "long-es")),
            "\n\nREUNIDOS\nDe una parte, D./Dña. ",
            P("person", a.full),
            ", mayor de edad, con DNI ",
            P("es_dni", g.es_dni(r)),
            ", y domicilio en ",
            P("address", address(r, loc)),
            " (ARRENDADOR).\nDe otra parte, D./Dña. ",
            P("person", b.full),
            ", con NIE ",
            P("es_nie", g.es_nie(r)),
            ", teléfono ",
            P("phone", phone(r, loc)),
            " (ARRENDATARIO).\n\nLa renta mensual es de ",
            T("amount", money(r, "€", 600, 1900)),
            ", que se abonará en la cuenta ",
            P("iban", g.iban(r, "ES")),
            " dentro de los ",
            T("days", "cinco primeros días"),
            " de cada mes.\n",
        )
        if v == 1:
            d(
                "Fianza: ",
                T("amount", money(r, "€", 600, 1900)),
                ". Referencia catastral: ",
                T(
                    "cadastral_ref",
                    f"{g.digits(r, 7)}{g.rstr(r, g.UP, 2)}{g.digits(r, 4)}{g.rstr(r, g.UP, 1)}{g.digits(r, 4)}{g.rstr(r, g.UP, 2)}",  # noqa: E501
                ),
                "\n",
            )
        d("\n¿Me puedes revisar si falta alguna cláusula importante?\n")
    else:
        d(
            "hola! soy ",
            P("person", a.given),
            ", la del piso de ",
            P("street", street_line(r, loc)),
            ". te paso mis datos para el contrato: ",
            P("person", a.full.upper()),
            " dni ",
            P("es_dni", g.es_dni(r).lower()),
            " nacida ",
            P("dob", dob(r, loc)),
            " y el número de cuenta ",
            P("iban", g.iban(r, "ES", grouped=False)),
            " 😊\n",
        )
    return d


@form(3)
def it_referto_medico(r: Random, v: int) -> Doc:
    loc = "it_IT"
    p = person(r, loc, female=True if v == 1 else None)
    born = g.birth_date(r, 1940, 2005)
    d = Doc()
    cf = g.it_cf(r, p.given, p.family, born, p.female)
    if v == 0:
        d(
            "AZIENDA OSPEDALIERA — REFERTO AMBULATORIALE\nPaziente: ",
            P("person", p.formal.upper().replace(",", "")),
            "\nNato/a il: ",
            P("dob", g.fmt_date(born, "eu/")),
            "\nC.F.: ",
            P("it_cf", cf),
            "\nN. tessera sanitaria: ",
            P("it_tessera", f"80380{g.digits(r, 15)}"),
            "\nData esame: ",
            T("date", when(r, "eu/")),
            "\nEsame: ",
            T("exam", "RX torace 2 proiezioni"),
            "\nEsito: non lesioni pleuro-parenchimali in atto. ",
            T("measure", f"ICT {r.randint(40, 50)}%"),
            "\nMedico refertante: Dott. ",
            P("person", person(r, loc, avoid={p.given, p.family}).full),
            "\n\nmi spieghi in parole semplici?\n",
        )
    elif v == 1:
        d(
            "Ciao, devo prenotare al CUP per mia madre ",
            P("person", p.full),
            ", codice fiscale ",
            P("it_cf", cf.lower()),
            ", ricetta NRE ",
            T("nre", f"{g.digits(r, 5)}A{g.digits(r, 9)}"),
            ". Il suo cellulare è ",
            P("phone", phone(r, loc)),
            ". Cosa devo dire all'operatore?\n",
        )
    else:
        d(
            "Modulo delega ritiro referti\nIo sottoscritto/a ",
            P("person", p.full),
            ", C.F. ",
            P("it_cf", cf),
            ", residente in ",
            P("address", address(r, loc)),
            "\ndelego ",
            P("person", (q := person(r, loc, avoid={p.given, p.family})).full),
            " nato/a il ",
            P("dob", dob(r, loc)),
            " documento C.I. n. ",
            P("it_ci", f"CA{g.digits(r, 5)}{g.rstr(r, g.UP, 2)}"),
            "\nal ritiro dei referti. Firma: ",
            P("person", f"{p.given[0]}. {p.family}"),
            "\n",
        )
        _ = q
    return d


@form(3)
def nl_zorgverzekering_mail(r: Random, v: int) -> Doc:
    loc = "nl_NL"
    p = person(r, loc)
    d = Doc()
    if v == 0:
        d(
            "Beste ",
            T("company", "Zilveren Kruis"),
            ",\n\nGraag wijzig ik mijn rekeningnummer voor de premie. Mijn gegevens:\nNaam: ",
            P("person", p.full),
            "\nBSN: ",
            P("nl_bsn", g.nl_bsn(r)),
            "\nGeboortedatum: ",
            P("dob", dob(r, loc)),
            "\nRelatienummer: ",
            P("customer_no", g.digits(r, 9, True)),
            "\nNieuw IBAN: ",
            P("iban", g.iban(r, "NL")),
            "\nIngangsdatum: ",
            T("date", when(r, "dash")),
            "\n\nMet vriendelijke groet,\n",
            P("person", p.initial()),
            "\n",
        )
    elif v == 1:
        d(
            "hoi, ik moet voor de huurtoeslag dit invullen maar snap het niet. ik ben ",
            P("person", p.given.lower()),
            ", bsn ",
            P("nl_bsn", g.nl_bsn(r)),
            ", woon op ",
            P("address", address(r, loc)),
            " en mijn huur is ",
            T("amount", money(r, "€", 500, 1200)),
            " per maand. toeslagpartner: ",
            P("person", person(r, loc, avoid={p.given, p.family}).full),
            " bsn ",
            P("nl_bsn", g.nl_bsn(r)),
            "\n",
        )
    else:
        d(
            "Marktplaats chat\n",
            T("time", f"{r.randint(8, 22)}:{r.randint(10, 59)}"),
            " ",
            P("person", p.given),
            ": Is de fiets (",
            T("product", "Gazelle Orange C7"),
            ") nog beschikbaar?\n",
            T("time", f"{r.randint(8, 22)}:{r.randint(10, 59)}"),
            " jij: Ja! Ophalen kan op ",
            P("address", address(r, loc)),
            ", bel even op ",
            P("phone", phone(r, loc)),
            "\n",
            T("time", f"{r.randint(8, 22)}:{r.randint(10, 59)}"),
            " ",
            P("person", p.given),
            ": Top, ik betaal via Tikkie, ",
            T("amount", money(r, "€", 80, 400)),
            " toch?\nhoe schrijf ik een nette bevestiging terug?\n",
        )
    return d


@form(3)
def pl_wniosek_urzad(r: Random, v: int) -> Doc:
    loc = "pl_PL"
    p = person(r, loc)
    born = g.birth_date(r, 1950, 2005)
    d = Doc()
    if v == 0:
        d(
            "WNIOSEK O WYDANIE DOWODU OSOBISTEGO\nNazwisko: ",
            P("person", p.family.upper()),
            "\nImię: ",
            P("person", p.given.upper()),
            "\nPESEL: ",
            P("pl_pesel", g.pl_pesel(r, born, p.female)),
            "\nData urodzenia: ",
            P("dob", g.fmt_date(born, "dot")),
            "\nAdres: ",
            P("address", address(r, loc)),
            "\nTelefon: ",
            P("phone", phone(r, loc)),
            "\nNr poprzedniego dowodu: ",
            P("pl_id_card", f"{g.rstr(r, g.UP, 3)} {g.digits(r, 6)}"),
            "\n",
        )
    elif v == 1:
        d(
            "Dzień dobry, piszę w sprawie zwrotu podatku za ",
            T("year", "2025"),
            ". Nazywam się ",
            P("person", p.full),
            ", PESEL ",
            P("pl_pesel", g.pl_pesel(r, born, p.female)),
            ". Zwrot proszę przelać na konto ",
            P("iban", g.iban(r, "PL")),
            ". Kontakt: ",
            P("email", email(r, p)),
            ".\nPozdrawiam\n",
        )
    else:
        d("Lista obecności — zebranie wspólnoty ", T("date", when(r, "dot")), "\n")
        used: set[str] = set()
        for k in range(r.randint(4, 7)):
            q = person(r, loc, avoid=used)
            d(
                f"{k + 1}. ",
                P("person", q.full),
                ", lokal ",
                T("unit", f"nr {r.randint(1, 48)}"),
                ", tel. ",
                P("phone", phone(r, loc)),
                "\n",
            )
        d("Proszę o podsumowanie kto był obecny.\n")
    return d


@form(3)
def br_cadastro_whatsapp(r: Random, v: int) -> Doc:
    loc = "pt_BR"
    p = person(r, loc, female=True if v == 1 else None)
    d = Doc()
    if v == 0:
        d(
            "Oi! Segue meus dados pro cadastro da academia:\nNome: ",
            P("person", p.full),
            "\nCPF: ",
            P("br_cpf", g.br_cpf(r)),
            "\nNascimento: ",
            P("dob", dob(r, loc)),
            "\nCel: ",
            P("phone", phone(r, loc)),
            "\nEndereço: ",
            P("address", address(r, loc)),
            "\nPlano: ",
            T("plan", "Anual Black"),
            " ",
            T("amount", "R$ 129,90"),
            "/mês\n",
        )
    elif v == 1:
        d(
            "me ajuda a cobrar educadamente a ",
            P("person", p.given),
            "? ela me deve ",
            T("amount", f"R$ {r.randint(50, 900)},00"),
            " do churrasco. minha chave pix é meu cpf ",
            P("br_cpf", g.br_cpf(r, formatted=r.random() < 0.5)),
            " ou o celular ",
            P("phone", phone(r, loc)),
            "\n",
        )
    else:
        d(
            "NOTA FISCAL (resumo)\nConsumidor: ",
            P("person", p.full.upper()),
            " CPF ",
            P("br_cpf", g.br_cpf(r)),
            "\nNº NF-e: ",
            T("invoice_no", g.digits(r, 9, True)),
            " Série ",
            T("series", "001"),
            "\nChave de acesso: ",
            T("nfe_key", " ".join(g.digits(r, 44)[i : i + 4] for i in range(0, 44, 4))),
            "\nTotal: ",
            T("amount", f"R$ {r.randint(20, 3000)},{r.randint(10, 99)}"),
            "\n",
        )
    return d


@form(2)
def se_forsakringskassan(r: Random, v: int) -> Doc:
    loc = "sv_SE"
    p = person(r, loc)
    born = g.birth_date(r, 1950, 2005)
    d = Doc()
    if v == 0:
        d(
            "Hej!\nJag vill anmäla vård av barn (VAB) för ",
            T("date", when(r, "iso")),
            ".\nFörälder: ",
            P("person", p.full),
            ", personnummer ",
            P("se_pnr", g.se_pnr(r, born)),
            "\nBarn: ",
            P("person", f"{person(r, loc, avoid={p.given, p.family}).given} {p.family}"),
            ", ",
            P("se_pnr", g.se_pnr(r, g.birth_date(r, 2012, 2022))),
            "\nTelefon: ",
            P("phone", phone(r, loc)),
            "\nMvh\n",
            P("person", p.given),
            "\n",
        )
    else:
        d(
            "Hyreskontrakt — andrahand\nHyresvärd: ",
            P("person", p.full),
            " (",
            P("se_pnr", g.se_pnr(r, born)),
            ")\nAdress: ",
            P("address", address(r, loc)),
            "\nHyra: ",
            T("amount", f"{r.randint(6, 14)} 500 kr"),
            "/mån\nKontonummer: ",
            T("note", "betalas via Swish"),
            " till ",
            P("phone", phone(r, loc)),
            "\nkan du översätta detta till engelska?\n",
        )
    return d


@form(3)
def jp_toiawase(r: Random, v: int) -> Doc:
    loc = "ja_JP"
    p = person(r, loc)
    d = Doc()
    if v == 0:
        d(
            "お問い合わせ内容\nお名前：",
            P("person", p.full),
            "\nフリガナ：",
            T("note", "（省略）"),
            "\nメール：",
            P("email", email(r, p)),
            "\n電話番号：",
            P("phone", phone(r, loc)),
            "\nご住所：",
            P("address", address(r, loc)),
            "\n注文番号：",
            T("order_no", f"{g.digits(r, 3)}-{g.digits(r, 7)}"),
            "\n内容：商品（",
            T("sku", f"JAN {g.digits(r, 13, True)}"),
            "）が破損していました。交換をお願いします。\n",
        )
    elif v == 1:
        d(
            "会社に提出する書類です。英語に翻訳してください。\n氏名　",
            P("person", p.full),
            "\n生年月日　",
            P("dob", dob(r, loc)),
            "\n個人番号　",
            P("jp_mynumber", g.jp_mynumber(r)),
            "\n住所　",
            P("address", address(r, loc)),
            "\n扶養家族　",
            P("person", f"{p.family} {person(r, loc, avoid={p.given, p.family}).given}"),
            "\n",
        )
    else:
        d(
            "Hi, my landlord in Tokyo sent this, what does it say?\n\n",
            P("person", p.full),
            " 様\n更新料：",
            T("amount", f"{r.randint(8, 15)}万円"),
            "\n振込期限：",
            T("date", when(r, "cjk")),
            "\n連絡先：",
            P("phone", phone(r, loc)),
            "（管理人 ",
            P("person", person(r, loc, avoid={p.given, p.family}).family),
            "）\n",
        )
    return d


@form(3)
def cn_wechat_chat(r: Random, v: int) -> Doc:
    loc = "zh_CN"
    p = person(r, loc, female=True if v == 2 else None)
    born = g.birth_date(r, 1960, 2005)
    d = Doc()
    if v == 0:
        d(
            "帮我把这段聊天整理成快递投诉：\n",
            P("person", p.full),
            "：我的快递单号",
            T("tracking_no", f"SF{g.digits(r, 12)}"),
            "三天了还没到\n客服：请提供收件人电话\n",
            P("person", p.full),
            "：",
            P("phone", phone(r, loc)),
            "，地址",
            P("address", address(r, loc)),
            "\n客服：好的，工单号",
            T("ticket_no", g.digits(r, 10, True)),
            "\n",
        )
    elif v == 1:
        d(
            "酒店入住登记\n姓名：",
            P("person", p.full),
            "\n身份证号：",
            P("cn_rid", g.cn_rid(r, born)),
            "\n出生日期：",
            P("dob", g.fmt_date(born, "cjk")),
            "\n手机：",
            P("phone", phone(r, loc)),
            "\n房号：",
            T("room", str(r.randint(201, 1899))),
            "  入住：",
            T("date", when(r, "iso")),
            "\n请翻译成英文\n",
        )
    else:
        d(
            "Please help me write an English reference letter. My colleague ",
            P("person", p.full),
            " (",
            P("person", f"{latin(p.given).capitalize()} {latin(p.family).capitalize()}"),
            ") worked with us at ",
            T("company", "Huawei"),
            " from ",
            T("year", "2019"),
            " to ",
            T("year", "2024"),
            ". Her email is ",
            P("email", email(r, p)),
            ".\n",
        )
    return d


@form(3)
def ru_zayavlenie(r: Random, v: int) -> Doc:
    loc = "ru_RU"
    p = person(r, loc, female=True if v == 2 else None)
    d = Doc()
    if v == 0:
        d(
            "Заявление\nЯ, ",
            P("person", p.full),
            ", паспорт ",
            P("ru_passport", f"{g.digits(r, 2)} {g.digits(r, 2)} {g.digits(r, 6)}"),
            ", СНИЛС ",
            P("ru_snils", g.ru_snils(r)),
            ", проживающий(ая) по адресу: ",
            P("address", address(r, loc)),
            ", прошу предоставить отпуск с ",
            T("date", when(r, "dot")),
            " на ",
            T("days", f"{r.choice([7, 14, 21])} календарных дней"),
            ".\nТел.: ",
            P("phone", phone(r, loc)),
            "\n",
        )
    elif v == 1:
        d(
            "Переведи на английский, это для визы: ",
            P("person", p.full),
            ", дата рождения ",
            P("dob", dob(r, loc)),
            ", загранпаспорт ",
            P("passport", f"7{g.digits(r, 1)} {g.digits(r, 7)}"),
            ", работаю в ",
            T("company", "Сбербанк"),
            " с ",
            T("year", "2018"),
            " года.\n",
        )
    else:
        d(
            "Чат ЖКХ: ",
            P("person", p.given),
            " из кв. ",
            T("unit", str(r.randint(1, 200))),
            " пишет, что счётчик ",
            T("meter_no", f"№{g.digits(r, 8)}"),
            " показывает ",
            T("reading", f"{r.randint(100, 999)},{r.randint(1, 9)} м³"),
            ". Её телефон ",
            P("phone", phone(r, loc)),
            ". Как ответить вежливо?\n",
        )
    return d


@form(3)
def tr_kargo_sikayet(r: Random, v: int) -> Doc:
    loc = "tr_TR"
    p = person(r, loc)
    d = Doc()
    if v == 0:
        d(
            "Merhaba, ",
            T("tracking_no", g.digits(r, 12, True)),
            " numaralı kargom ",
            T("date", when(r, "dot")),
            " tarihinden beri dağıtımda görünüyor. Alıcı: ",
            P("person", p.full),
            ", T.C. ",
            P("tr_tckn", g.tr_tckn(r)),
            ", adres: ",
            P("address", address(r, loc)),
            ", tel ",
            P("phone", phone(r, loc)),
            ". Şikayet metni yazar mısın?\n",
        )
    elif v == 1:
        d(
            "KİRA SÖZLEŞMESİ\nKiraya veren: ",
            P("person", p.full),
            " (TCKN ",
            P("tr_tckn", g.tr_tckn(r)),
            ")\nKiracı: ",
            P("person", person(r, loc, avoid={p.given, p.family}).full),
            " (TCKN ",
            P("tr_tckn", g.tr_tckn(r)),
            ")\nAylık kira: ",
            T("amount", f"{r.randint(8, 40)}.000 TL"),
            "\nIBAN: ",
            P("iban", g.iban(r, "TR")),
            "\n",
        )
    else:
        d(
            "e-Devlet şifremi unuttum, kimlik no ",
            P("tr_tckn", g.tr_tckn(r)),
            " doğum tarihi ",
            P("dob", dob(r, loc)),
            ", ne yapmalıyım? Eski şifrem ",
            P("password", g.human_password(r)),
            " idi.\n",
        )
    return d


@form(3)
def in_kyc_chat(r: Random, v: int) -> Doc:
    loc = "en_IN"
    p = person(r, loc)
    d = Doc()
    if v == 0:
        d(
            "Bank asked me to update KYC. My details: name ",
            P("person", p.full),
            ", Aadhaar ",
            P("in_aadhaar", g.in_aadhaar(r)),
            ", PAN ",
            P("in_pan", g.in_pan(r, p.family)),
            ", mobile ",
            P("phone", phone(r, loc)),
            ". Branch IFSC is ",
            T("ifsc", f"HDFC0{g.digits(r, 6)}"),
            ". Is it safe to send this over email?\n",
        )
    elif v == 1:
        d(
            "Rental agreement draft:\nLandlord: ",
            P("person", p.full),
            ", residing at ",
            P("address", address(r, loc)),
            "\nTenant: ",
            P("person", person(r, loc, avoid={p.given, p.family}).full),
            ", Aadhaar no. ",
            P("in_aadhaar", g.in_aadhaar(r).replace(" ", "")),
            "\nRent: ",
            T("amount", f"₹{r.randint(12, 60)},000"),
            " per month, deposit ",
            T("amount", f"₹{r.randint(1, 3)},{r.randint(10, 99)},000"),
            "\n",
        )
    else:
        d(
            "UPI payment failed. Ref no ",
            T("upi_ref", g.digits(r, 12, True)),
            ", amount ",
            T("amount", f"₹{r.randint(100, 9000)}"),
            ", to ",
            P("upi_id", f"{latin(p.given)}{r.randint(1, 99)}@okaxis", ("EMAIL",)),
            ". Debited from my account but not received. Complaint draft please. My number is ",
            P("phone", phone(r, loc)),
            "\n",
        )
    return d


@form(3)
def uk_gp_referral_letter(r: Random, v: int) -> Doc:
    loc = "en_GB"
    p = person(r, loc)
    gp = person(r, loc, avoid={p.given, p.family})
    d = Doc()
    if v < 2:
        d(
            "Re: ",
            P("person", p.full),
            "  DOB ",
            P("dob", dob(r, loc)),
            "  NHS No. ",
            P("uk_nhs", g.uk_nhs(r)),
            "\n",
            P("address", address(r, loc)),
            "\n\nDear Colleague,\n\nThank you for seeing this ",
            T("age", f"{r.randint(25, 80)}-year-old"),
            " with a ",
            T("duration", f"{r.randint(2, 9)}-week"),
            " history of right knee pain. Current medication: ",
            T("drug", r.choice(DRUGS)),
            ". BMI ",
            T("measure", f"{r.randint(20, 35)}.{r.randint(0, 9)}"),
            ".\n\nYours sincerely,\nDr ",
            P("person", gp.full),
            "\n",
            T("org", "Riverside Medical Practice"),
            "\n",
        )
        if v == 1:
            d(
                "\nPatient mobile: ",
                P("phone", phone(r, loc)),
                "\nNI number (for fit note): ",
                P("uk_nino", g.uk_nino(r)),
                "\n",
            )
    else:
        d(
            "Can you make this sound more professional: 'hi its ",
            P("person", p.given),
            " ",
            P("person", p.family.lower()),
            " i cant make my appt on ",
            T("date", when(r, "eu/")),
            " at ",
            T("time", "10:40"),
            ", nhs no ",
            P("uk_nhs", g.uk_nhs(r).replace(" ", "")),
            ", please text me on ",
            P("phone", phone(r, loc)),
            "'\n",
        )
    return d


@form(2)
def invoice_sole_trader(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "nl_NL", "fr_FR", "en_GB", "it_IT"])
    cc = loc[-2:]
    p = person(r, loc)
    cust = r.choice(COMPANIES)
    d = Doc()
    d(
        "Rechnung / Invoice ",
        T("invoice_no", invoice_no(r)),
        "\n",
        P("person", p.full),
        " – ",
        T("trade", r.choice(["Grafikdesign", "Übersetzungen", "Fotografie", "Webdesign"])),
        "\n",
        P("address", address(r, loc)),
        "\n",
        P("email", email(r, p)),
        " · ",
        P("phone", phone(r, loc)),
        "\n\nAn: ",
        T("company", cust),
        "\nLeistungszeitraum: ",
        T("period", "Oktober 2026"),
        "\n",
    )
    for _ in range(r.randint(2, 4)):
        d(
            "- ",
            T(
                "item",
                r.choice(["Logo Entwurf", "Korrekturrunde", "Stunden Beratung", "Fotos Event"]),
            ),
            "  ",
            T("quantity", str(r.randint(1, 12))),
            " x ",
            T("price", money(r, "€", 40, 400)),
            "\n",
        )
    d("Summe netto: ", T("amount", money(r, "€", 300, 4000)), "\nUSt. ", T("percent", "19 %"), "\n")
    if v == 0:
        d(
            "Bankverbindung: ",
            P("iban", g.iban(r, cc if cc in g.IBAN_BBAN else "DE")),
            "  BIC ",
            T("bic", r.choice(["COBADEFFXXX", "INGBNL2A", "BNPAFRPP", "BARCGB22"])),
            "\n",
        )
    else:
        d(
            "Steuer-ID: ",
            P("de_tax_id", g.de_tax_id(r)),
            "\nKontoinhaber: ",
            P("person", p.full.upper()),
            "\nIBAN ",
            P("iban", g.iban(r, "DE", grouped=False)),
            "\n",
        )
    d("\nbitte auf Englisch übersetzen\n")
    return d


@form(3)
def bank_card_dispute_chat(r: Random, v: int) -> Doc:
    loc = r.choice(["en_US", "en_GB", "de_DE", "es_ES", "fr_FR"])
    p = person(r, loc)
    d = Doc()
    c = g.card(r, sep=r.choice([" ", "-", ""]))
    if v == 0:
        d(
            "Agent: Hi, this is ",
            P("person", person(r, loc, avoid={p.given, p.family}).given),
            " from card services. How can I help?\nMe: there's a charge of ",
            T("price", money(r, "€", 20, 900)),
            " from ",
            T("merchant", r.choice(["AMZN Mktp", "UBER *TRIP", "PAYPAL *STEAM", "SumUp *Cafe"])),
            " I didn't make\nAgent: Can you confirm the card number?\nMe: ",
            P("card", c),
            " exp ",
            T("expiry", f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"),
            "\nAgent: And the name on the card?\nMe: ",
            P("person", p.full.upper()),
            "\nAgent: Thanks. Case ",
            T("case_no", ticket_no(r)),
            " opened.\n\nsummarise this chat for my records\n",
        )
    elif v == 1:
        d(
            "Dispute form\nCardholder: ",
            P("person", p.full),
            "\nCard number: ",
            P("card", c),
            "\nTransaction date: ",
            T("date", when(r, "iso")),
            "\nAmount: ",
            T("price", money(r, "$", 20, 900)),
            "\nMerchant ref: ",
            T("merchant_ref", g.digits(r, 23)),
            "\nReason: goods not received\nRefund account: ",
            P("iban", g.iban(r, r.choice(["DE", "ES", "FR", "IE"]))),
            "\n",
        )
    else:
        d(
            "my daughter ",
            P("person", p.given),
            " used my card ",
            P("card", c),
            " on ",
            T("merchant", "Roblox"),
            " ",
            T("quantity", str(r.randint(3, 9))),
            " times, total ",
            T("price", money(r, "$", 30, 400)),
            ". how do i get this back? billing zip ",
            T("note", "same as always"),
            "\n",
        )
    return d


@form(2)
def bank_transfer_confirmation(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "nl_NL", "it_IT", "es_ES", "pl_PL", "fr_FR"])
    cc = loc[-2:]
    a = person(r, loc)
    b = person(r, loc, avoid={a.given, a.family})
    d = Doc()
    d(
        "Überweisungsbestätigung / Transfer confirmation\nAuftraggeber: ",
        P("person", a.full),
        "\nIBAN: ",
        P("iban", g.iban(r, cc)),
        "\nEmpfänger: ",
        P("person", b.full),
        "\nIBAN: ",
        P("iban", g.iban(r, cc)),
        "\nBetrag: ",
        T("amount", money(r, "€", 20, 5000)),
        "\nVerwendungszweck: ",
        T("reference", f"Miete {r.choice(['Nov', 'Dez'])} 2026 / {invoice_no(r)}"),
        "\nAusgeführt: ",
        T("timestamp", stamp(r)),
        "\nTransaktions-ID: ",
        T("tx_id", g.rstr(r, g.UP + g.DIG, 16)),
        "\n",
    )
    if v == 1:
        d("\nThe landlord says he never got it. Draft a reply in English with these details.\n")
    return d


@form(2)
def tracking_notification_paste(r: Random, v: int) -> Doc:
    loc = r.choice(["de_DE", "en_GB", "fr_FR", "pl_PL"])
    p = person(r, loc)
    d = Doc()
    d(
        "Your parcel ",
        T("tracking_no", tracking_no(r)),
        " is on its way!\nEstimated delivery: ",
        T("date", when(r, "long-en")),
        ", ",
        T("time_window", "10:00–14:00"),
        "\nRecipient: ",
        P("person", p.full),
        "\n",
        P("address", address(r, loc)),
        "\nMobile: ",
        P("phone", phone(r, loc)),
        "\nSender: ",
        T("company", r.choice(COMPANIES)),
        "\nWeight: ",
        T("weight", f"{r.randint(1, 20)}.{r.randint(0, 9)} kg"),
        "\n",
    )
    if v == 1:
        d(
            "Track: https://track.example-parcel.com/p/",
            T("uuid", g.uuid4(r)),
            "?lang=en\nQuestions? Reply or call us. Ref ",
            T("ticket_no", ticket_no(r)),
            "\n",
        )
    d("\nis this a scam text or real?\n")
    _ = city_line, stamp
    return d
