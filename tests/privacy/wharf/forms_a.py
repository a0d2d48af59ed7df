# ruff: noqa: E501  (corpus text and data tables read better unwrapped)
"""Forms, part one: visas, residence, travel, family."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from . import values as gen
from .build import AD, DOB, EM, IB, ID, PER, PH, Doc, P, Who, card, x

FORMS: list[tuple[Callable[[Random, int], Doc], int]] = []

MIGR = ["ua", "ar", "in", "tr", "cn", "kr", "vn", "ng", "ph", "br", "mx", "pl", "ru", "jp"]
HOST = ["de", "fr", "es", "nl", "gb", "us", "pt", "pl"]
DEMONYM = {"ua": "Ukrainian", "ar": "Syrian", "in": "Indian", "tr": "Turkish", "cn": "Chinese",
           "kr": "South Korean", "vn": "Vietnamese", "ng": "Nigerian", "ph": "Filipino",
           "br": "Brazilian", "mx": "Mexican", "pl": "Polish", "ru": "Russian", "jp": "Japanese"}  # fmt: skip


def form(variants: int) -> Callable[[Callable[[Random, int], Doc]], Callable[[Random, int], Doc]]:
    def deco(fn: Callable[[Random, int], Doc]) -> Callable[[Random, int], Doc]:
        FORMS.append((fn, variants))
        return fn

    return deco


@form(3)
def consulate_appointment(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "in", "tr", "ng", "ar", "vn"]))
    d = Doc()
    ref = f"{r.choice(['DEU', 'FRA', 'ESP'])}{gen.digits(r, 7)}"
    if v == 0:
        d(
            "Can you help me write a short polite reply in German? They want me to bring more papers.\n\n",
            "---------- Forwarded message ---------\nFrom: Visastelle <no-reply@",
            x("domain", "diplo.de"),
            ">\nSubject: Terminbestätigung / Appointment confirmation ",
            x("booking_ref", ref),
            "\n\nSehr geehrte/r ",
            a.n("caps"),
            ",\n\nIhr Termin für ein nationales Visum ",
            "(Kategorie ",
            x("visa_category", "D"),
            ") wurde bestätigt.\nDatum: ",
            x("appointment_date", f"{r.randint(2, 28):02d}.0{r.randint(1, 3)}.2027"),
            " um ",
            x("time", f"{r.randint(8, 11)}:{r.choice(['00', '15', '30', '45'])}"),
            " Uhr\n",
            "Reisepassnummer: ",
            a.pp(),
            "\nGeburtsdatum: ",
            a.b("dot"),
            "\nTelefon: ",
            a.ph(),
            "\nE-Mail: ",
            a.e(),
            "\n\nBitte bringen Sie zwei biometrische Passbilder (35 x 45 mm) ",
            "und die Gebühr von ",
            x("price", "75 EUR"),
            " mit.\n",
        )
    elif v == 1:
        d(
            "VFS Global - Application receipt\nGWF Reference: ",
            x("booking_ref", "GWF0" + gen.digits(r, 8)),
            "\nApplicant: ",
            a.n("upper"),
            "\nDate of birth: ",
            a.b("mon"),
            "\nPassport No.: ",
            a.pp(),
            "\nMobile: ",
            a.ph(),
            "\nEmail: ",
            a.e(),
            "\nVisa type: ",
            x("visa_category", "Student visa Tier 4"),
            "\nFee paid: ",
            x("price", gen.price(r, "£")),
            " by card ",
            card(r),
            "\nNational ID: ",
            a.id(),
            "\n\nhi, this is my receipt. the center in ",
            x("city", "Lagos" if a.loc == "ng" else "New Delhi"),
            " says I need biometrics again?? ",
            "my name on the old visa was spelled ",
            P("person", f"{a.given}{a.family[:1].lower()} {a.family}", PER),
            " — is that a problem?",
        )
    else:
        d(
            "Bonjour, je vous écris concernant mon rendez-vous pour le visa long séjour.\n",
            "Numéro de demande : ",
            x("booking_ref", "FRA1" + gen.digits(r, 11)),
            "\n",
            "Nom : ",
            P("person", a.family.upper(), PER),
            "  Prénom : ",
            P("person", a.given, PER),
            "\n",
            "Né(e) le ",
            a.b("slash"),
            " à ",
            {
                "ua": "Kharkiv",
                "tr": "Izmir",
                "vn": "Hanoi",
                "ng": "Abuja",
                "in": "Pune",
                "ar": "Homs",
            }[a.loc],
            "\n",
            "Passeport n° ",
            a.pp(),
            "\nAdresse actuelle : ",
            a.a(),
            "\n",
            "Tél. ",
            a.ph(),
            "\n\nCordialement,\n",
            a.n("full"),
        )
    return d


@form(3)
def residence_permit_form(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "ar", "in", "tr", "vn"]))
    s = Who(r, a.loc, female=not a.female, kin=a)
    d = Doc()
    if v == 0:
        d(
            "Ich fülle den Antrag auf Aufenthaltstitel aus, ist das so richtig? Bitte Fehler markieren.\n\n",
            "1. Familienname: ",
            P("person", a.family, PER),
            "\n2. Vorname(n): ",
            P("person", a.given, PER),
            "\n   (in Originalschrift: ",
            P("person", a.native or a.alt or a.full, PER),
            ")\n",
            "3. Geburtsdatum: ",
            a.b("dot"),
            "\n4. Staatsangehörigkeit: ",
            x(
                "nationality",
                {
                    "ua": "ukrainisch",
                    "ar": "syrisch",
                    "in": "indisch",
                    "tr": "türkisch",
                    "vn": "vietnamesisch",
                }[a.loc],
            ),
            "\n5. Anschrift in Deutschland: ",
            P("address", gen.address(r, "de"), AD),
            "\n6. Telefon: ",
            P("phone", gen.phone(r, "de"), PH),
            "\n7. Reisepass Nr.: ",
            a.pp(),
            "\n   Nationale ID/Steuernummer im Herkunftsland: ",
            a.id(),
            "\n8. Ehegatte: ",
            s.n("full"),
            ", geb. ",
            s.b("dot"),
            "\n9. Rechtsgrundlage: ",
            x("law_ref", "§ 24 AufenthG"),
            "\n10. Aktenzeichen: ",
            x("case_ref", f"ABH-{gen.digits(r, 4)}/26"),
            "\n",
        )
    elif v == 1:
        d(
            "Residence permit renewal checklist (my notes, mixing languages sorry)\n",
            "- Pass: ",
            a.pp(),
            " gültig bis ",
            x("expiry_date", f"{r.randint(1, 28):02d}.{r.randint(1, 12):02d}.2031"),
            "\n",
            "- Steuer-ID: ",
            P("de_taxid", gen.de_taxid(r), ID),
            "\n- Krankenkasse TK, Versichertennr. ",
            P("de_kvnr", gen.de_kvnr(r), ID),
            "\n",
            "- Arbeitgeber: ",
            x("company", r.choice(["Zalando SE", "Siemens AG", "Delivery Hero"])),
            "\n",
            "- Mietvertrag ",
            a.n("given"),
            " + ",
            s.n("given"),
            ", ",
            P("address", gen.address(r, "de"), AD),
            "\n",
            "- Termin im Bürgeramt: ",
            x("appointment_date", "14.01.2027"),
            ", Wartenummer ",
            x("queue_no", f"A{r.randint(100, 999)}"),
            "\n",
            "- Anmeldung auf ",
            s.n("full"),
            "?? ask Sachbearbeiterin\n",
        )
    else:
        d(
            "Tarjeta de residencia — datos para la cita previa\n",
            "NIE: ",
            P("es_nie", gen.es_nie(r), ID),
            "\nNombre y apellidos: ",
            a.n("caps"),
            "\nFecha de nacimiento: ",
            a.b("slash"),
            "\nPasaporte: ",
            a.pp(),
            "\nDomicilio: ",
            P("address", gen.address(r, "es"), AD),
            "\nTeléfono: ",
            P("phone", gen.phone(r, "es", False), PH),
            "\nCorreo: ",
            a.e(),
            "\nTrámite: ",
            x("form_code", "EX-17"),
            " / tasa ",
            x("form_code", "790-012"),
            " (",
            x("price", "16,08 €"),
            ")\n",
        )
    return d


@form(3)
def passport_ocr(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["ua", "in", "cn", "kr", "tr", "ng", "ph", "br", "vn", "pl"]))
    c3 = gen.COUNTRY3[a.loc]
    fam = gen.fold(a.family).upper().replace(" ", "<").replace("-", "<").replace("'", "")
    giv = gen.fold(a.given).upper().replace(" ", "<").replace("-", "")
    l1 = f"P<{c3:<<3}"
    name = f"{fam}<<{giv}"
    pad = "<" * max(0, 44 - len(l1) - len(name))
    num = a.passport[:9].ljust(9, "<")
    yymmdd = f"{a.dob:%y%m%d}"
    exp = f"3{r.randint(0, 4)}{r.randint(1, 12):02d}{r.randint(10, 28)}"
    sex = "F" if a.female else "M"
    d = Doc()
    d(
        "I scanned my passport with the phone, OCR gave this. Can you check the name is the same in both lines",
        " and tell me which date is the expiry?\n\n",
    )
    if v != 2:
        d(
            "PASSPORT / ПАСПОРТ\n" if a.loc == "ua" else "PASSPORT\n",
            "Surname: ",
            P("person", a.family.upper(), PER),
            "\nGiven names: ",
            P("person", a.given.upper(), PER),
            "\nDate of birth: ",
            a.b("mon"),
            "\nPassport No: ",
            a.pp(),
            "\n",
        )
        if a.native:
            d("Name (native): ", a.n("native"), "\n")
    d(
        l1,
        P("person", name, PER),
        pad,
        "\n",
        P("passport", num.rstrip("<"), ID),
        "<" * (9 - len(num.rstrip("<"))),
        gen.mrz_digit(num),
        c3.ljust(3, "<"),
        P("dob_mrz", yymmdd, DOB),
        gen.mrz_digit(yymmdd),
        sex,
        x("mrz_expiry", exp),
        gen.mrz_digit(exp),
        "<<<<<<<<<<<<<<",
        "0",
        gen.mrz_digit(
            num
            + gen.mrz_digit(num)
            + yymmdd
            + gen.mrz_digit(yymmdd)
            + exp
            + gen.mrz_digit(exp)
            + "<" * 14
            + "0"
        ),
        "\n",
    )
    if v == 1:
        d(
            "\nalso the visa sticker says control number ",
            x("visa_control_no", gen.digits(r, 12)),
            ", is that personal?\n",
        )
    d("\nocr app ", x("product", "Google Lens"), ", scanned ", x("timestamp", gen.ts(r)), "\n")
    return d


@form(3)
def flight_eticket(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    b = Who(r, a.loc, female=False, kin=a) if v == 1 else Who(r, a.loc)
    f1, f2 = gen.flight(r), gen.flight(r)
    d = Doc()
    d(
        "ELECTRONIC TICKET RECEIPT\nBooking reference: ",
        x("pnr", gen.alnum(r, 6, "ABCDEFGHJKLMNPQRSTUVWXYZ23456789")),
        "\n",
    )
    d(
        "Passenger 1: ",
        a.n("upper"),
        " MR" if not a.female else " MRS",
        "\nTicket number: ",
        x("ticket_no", f"{r.choice(['220', '235', '566', '176'])}-{gen.digits(r, 10)}"),
        "\n",
    )
    d("Passenger 2: ", b.n("upper"), " MSTR\n" if v == 1 else "\n")
    d(
        "Frequent flyer: ",
        P("member_no", f"{r.choice(['LH', 'TK'])} {gen.digits(r, 12 if v else 9)}", ID),
        "\n\n",
    )
    d(
        x("flight", f1),
        "  ",
        x("airport", r.choice(["FRA", "IST", "WAW", "DXB"])),
        " → ",
        x("airport", r.choice(["KBP", "DEL", "LOS", "MNL", "GRU"])),
        "  dep ",
        x("datetime", "12DEC 23:40"),
        "  seat ",
        x("seat", f"{r.randint(10, 45)}{r.choice('ABCDEF')}"),
        "\n",
        x("flight", f2),
        "  connecting, terminal ",
        x("terminal", "2"),
        "\nFare: ",
        x("price", gen.price(r, "EUR")),
        "\n",
    )
    d("Contact: ", a.e(), " / ", a.ph(), "\n")
    if v == 2:
        d("Paid with card ", card(r), " exp ", x("card_expiry", "08/29"), "\n")
    else:
        d("APIS: DOB ", a.b("mon"), " doc ", a.pp(), "\n")
    d("\nwhy is the name order reversed here? my bank card says ", a.n("full"), ".\n")
    return d


@form(2)
def hotel_booking(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR + HOST))
    d = Doc()
    d(
        x("company", "Booking.com"),
        " confirmation ",
        x("booking_no", gen.digits(r, 10)),
        "\nProperty: ",
        x("hotel", r.choice(["Hotel Adlon Kempinski", "Ibis Styles Lviv", "Pera Palace Hotel"])),
        "\nCheck-in: ",
        x("date", "Fri 18 Dec 2026"),
        " from ",
        x("time", "15:00"),
        "\nGuest: ",
        a.n("full"),
        "\nGuest e-mail: ",
        a.e(),
        "\nPhone: ",
        a.ph(),
        "\nTotal: ",
        x("price", gen.price(r)),
        "\nGuaranteed with: ",
        card(r),
        "\n\nMessage from guest: ",
        "we arrive late, my brother ",
        P("person", Who(r, a.loc).full, PER),
        " will pick up the keys, his number is ",
        P("phone", gen.phone(r, a.loc, False), PH),
        ".\n",
    )
    if v:
        d("Billing address: ", a.a(), "\n")
    return d


@form(3)
def family_chat(r: Random, v: int) -> Doc:
    loc = ["ua", "tr", "in", "ng", "ph", "vn"][v + r.randrange(4)]
    me = Who(r, loc)
    mom = Who(r, loc, female=True, kin=me)
    bro = Who(r, loc, female=False, kin=me)
    d = Doc()
    day = r.randint(1, 28)
    t = lambda h, m: f"[{day:02d}/11/2026, {h:02d}:{m:02d}]"  # noqa: E731
    d(
        "This is a chat with my family, please translate to English and summarise what they need:\n\n"
    )
    if loc == "ua":
        d(
            t(8, 12),
            " Мама: Синку, ",
            P("person", me.native.split()[0] if me.native else me.given, PER),
            ", надішли мені свій новий номер німецький\n",
            t(8, 40),
            " ",
            me.n("given"),
            ": ",
            P("phone", gen.phone(r, "de"), PH),
            " це новий\n",
            t(8, 41),
            " Мама: А ",
            P("person", bro.native or bro.full, PER),
            " питає адресу для посилки Нова Пошта\n",
            t(8, 45),
            " ",
            me.n("given"),
            ": ",
            P("address", gen.address(r, "de"), AD),
            ", на ім'я ",
            me.n("alt"),
            "\n",
            t(9, 2),
            " Мама: Мій номер картки для переказу ",
            card(r),
            "\n",
            t(9, 3),
            " Мама: ",
            x("emoji", "❤️"),
            " курс сьогодні ",
            x("rate", "44,20"),
            "\n",
        )
    elif loc == "tr":
        d(
            t(19, 5),
            " Annem: ",
            me.n("given"),
            " kızım pasaportun ne zaman bitiyor?\n",
            t(19, 7),
            " ",
            me.n("given"),
            ": 2029 anne. numaram değişti: ",
            P("phone", gen.phone(r, "de"), PH),
            "\n",
            t(19, 9),
            " Annem: Tamam. ",
            P("person", bro.given, PER),
            " TC kimlik no lazım demiş noter için: ",
            P("tr_kimlik", gen.tr_kimlik(r), ID),
            "\n",
            t(19, 10),
            " Annem: IBAN ",
            P("iban", gen.group4(gen.iban(r, "TR")), IB),
            "\n",
            t(19, 12),
            " ",
            me.n("given"),
            ": tamam gönderdim ",
            x("price", "250 EUR"),
            " ",
            x("company", "Wise"),
            " ile\n",
        )
    else:
        d(
            t(7, 30),
            " ",
            P("person", mom.given, PER),
            ": beta did you reach? call ",
            P("phone", mom.local_phone, PH),
            " not the old one\n",
            t(7, 31),
            " ",
            me.n("given"),
            ": reached mama. flight ",
            x("flight", gen.flight(r)),
            " landed at ",
            x("time", "06:55"),
            "\n",
            t(7, 40),
            " ",
            bro.n("given"),
            ": send ur address there for the parcel\n",
            t(7, 44),
            " ",
            me.n("given"),
            ": ",
            P("address", gen.address(r, r.choice(HOST)), AD),
            "\n",
            t(7, 45),
            " ",
            bro.n("given"),
            ": ok. my upi/email is ",
            bro.e(),
            "\n",
        )
    fig = {
        "ua": "Зеленський",
        "tr": "Erdoğan",
        "in": "Modi ji",
        "ng": "Tinubu",
        "ph": "Marcos",
        "vn": "Sơn Tùng M-TP",
    }.get(loc, "Messi")
    d(
        "[",
        x("date", f"{day:02d}/11/2026"),
        ", ",
        x("time", "21:02"),
        "] ",
        P("person", mom.given, PER) if loc != "ua" else "Мама",
        ": ",
        "did you see what ",
        x("public_figure", fig),
        " said on TV? ",
        x("emoji", "😂"),
        "\n",
    )
    return d


@form(3)
def money_transfer(r: Random, v: int) -> Doc:
    s = Who(r, r.choice(HOST))
    t = Who(r, r.choice(["ua", "ng", "ph", "in", "ar", "br", "tr"]))
    d = Doc()
    cc = {"ua": "UA", "tr": "TR", "br": "BR", "ar": "EG"}.get(t.loc)
    if v == 0:
        d(
            x("company", "Western Union"),
            " receipt\nMTCN: ",
            x("mtcn", gen.digits(r, 10)),
            "\nSender: ",
            s.n("caps"),
            "\nSender address: ",
            s.a(),
            "\nSender phone: ",
            s.ph(),
            "\nID used: passport ",
            s.pp(),
            "\nReceiver: ",
            t.n("caps"),
            "\nReceiver phone: ",
            t.ph(),
            "\nReceiver ID: ",
            t.id(),
            "\nAmount sent: ",
            x("price", gen.price(r, "€")),
            "\nExchange rate: ",
            x("rate", f"1 EUR = {r.uniform(1.2, 700):.4f}"),
            "\nFee: ",
            x("price", "4.90 EUR"),
            "\n\n",
            "my cousin says the name must match exactly, her passport says ",
            t.n("alt" if t.alt else "upper"),
            ". will it work?",
        )
    elif v == 1:
        d(
            "Transfer details from Wise (copied)\nTransfer #",
            x("transfer_id", gen.digits(r, 9)),
            "\nYou sent ",
            x("price", gen.price(r, "€")),
            " to ",
            t.n("full"),
            "\n",
        )
        if cc:
            d("Recipient IBAN: ", P("iban", gen.group4(gen.iban(r, cc)), ("IBAN",)), "\n")
        else:
            d(
                "Recipient account: ",
                P("account_no", gen.digits(r, 10), ("ID_NUMBER", "IBAN")),
                ", bank code ",
                x("bank_code", gen.digits(r, 3)),
                "\n",
            )
        d(
            "Reference: ",
            x("reference", f"rent {r.choice(['oct', 'nov', 'dec'])}"),
            "\nFrom: ",
            s.ib(),
            " (",
            x("bic", r.choice(gen.BICS)),
            ")\n",
            "Recipient email: ",
            t.e(),
            "\nEstimated arrival: ",
            x("date", "by Tuesday 8 December"),
            "\n",
        )
    else:
        d(
            "Bonjour, mon virement SEPA a été rejeté. Motif : ",
            x("error_code", "AC04"),
            "\n",
            "Bénéficiaire : ",
            t.n("full"),
            "\nIBAN : ",
            s.ib(False),
            "\nBIC : ",
            x("bic", r.choice(gen.BICS)),
            "\n",
            "Montant : ",
            x("price", f"{r.randint(100, 900)},00 €"),
            "\nNuméro client : ",
            P("customer_no", gen.digits(r, 8), ID),
            "\nJe vous joins aussi ma carte : ",
            card(r),
            "\n",
            s.n("full"),
            ", ",
            s.ph(True),
            "\n",
        )
    return d


@form(3)
def freelancer_invoice(r: Random, v: int) -> Doc:
    me = Who(r, r.choice(["ua", "pl", "in", "br", "ph", "tr", "ng", "ar"]))
    cl = Who(r, r.choice(["us", "gb", "de", "nl"]))
    d = Doc()
    inv = f"INV-2026-{gen.digits(r, 3)}"
    d(
        "Fix the English in my invoice please and make it look professional:\n\n",
        "INVOICE ",
        x("invoice_no", inv),
        "\nDate: ",
        x("date", "30.11.2026"),
        "\n\nFrom:\n",
        me.n("full"),
        "\n",
        me.a(),
        "\n",
        me.e(),
        " | ",
        me.ph(),
        "\n",
    )
    if v == 0:
        d("Tax no.: ", me.id(), "\n")
    d(
        "\nBill to:\n",
        x("company", r.choice(["Acme Analytics Ltd", "Brightwave Inc.", "Nordlicht Media GmbH"])),
        "\nAttn: ",
        cl.n("full"),
        "\n\n",
        "Item                         Hours  Rate    Amount\n",
        "Backend dev (sprint ",
        x("sprint", str(r.randint(20, 60))),
        ")       ",
        x("quantity", str(r.randint(20, 160))),
        "    ",
        x("price", "$45.00"),
        "  ",
        x("price", gen.price(r, "$")),
        "\n\nPayment: ",
        me.ib(),
        "\n",
    )
    if v == 2:
        d(
            "or PayPal ",
            P("email", f"pay.{gen.fold(me.family).lower().replace(' ', '')}@gmail.com", EM),
            "\n",
        )
    d("SWIFT: ", x("bic", r.choice(gen.BICS)), "\n")
    return d


@form(2)
def university_letter(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(["cn", "in", "kr", "vn", "ng", "tr", "ar", "br"]))
    a.dob = gen.dob(r, 1996, 2005)
    d = Doc()
    sid = f"{r.randint(2024, 2026)}{gen.digits(r, 5)}"
    uni = r.choice(["Technische Universität München", "Université Grenoble Alpes", "University of Edinburgh",
                    "Universidad de Salamanca"])  # fmt: skip
    d(
        "Dear ",
        P("person", a.given if v else a.full, PER),
        ",\n\nCongratulations! On behalf of the ",
        x("org", uni),
        " we are pleased to offer you a place in the MSc ",
        x("programme", r.choice(["Data Science", "Mechanical Engineering", "Public Health"])),
        " starting ",
        x("date", "October 2027"),
        ".\n\nApplicant ID: ",
        P("student_id", sid, ID),
        "\nDate of birth: ",
        a.b("long_en"),
        "\nCorrespondence address: ",
        a.a(),
        "\n\n",
        "Please confirm by ",
        x("date", "15 January 2027"),
        " and pay the deposit of ",
        x("price", gen.price(r, "€")),
        ". Course code ",
        x("course_code", f"{r.choice(['IN', 'MA', 'PH'])}{gen.digits(r, 4)}"),
        ".\n\nAdmissions Office\n",
        x("org_email", "admissions@uni.example.org"),
        "\n\n---\n",
    )
    if a.native:
        d(
            "[my note: my name in passport is ",
            a.n("native"),
            ", on the letter it is ",
            a.n("upper"),
            "]\n",
        )
    else:
        d(
            "[my note: can I ask to change the address to my aunt's place: ",
            P("address", gen.address(r, r.choice(HOST)), AD),
            "?]\n",
        )
    return d


@form(3)
def rental_application(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    hl = r.choice(["de", "nl", "fr", "pt"])
    land = Who(r, hl)
    d = Doc()
    d(
        {
            "de": "Sehr geehrte Frau ",
            "nl": "Beste mevrouw ",
            "fr": "Chère Madame ",
            "pt": "Cara Sra. ",
        }[hl],
        P("person", land.family, PER),
        ",\n\n",
    )
    d(
        "my name is ",
        a.n("full"),
        " and I am interested in the flat at ",
        x(
            "street_place",
            {
                "de": "Sonnenallee",
                "nl": "Overtoom",
                "fr": "rue Oberkampf",
                "pt": "Rua de Cedofeita",
            }[hl],
        ),
        " (listing ",
        x("listing_id", gen.digits(r, 9)),
        ", ",
        x("price", f"{r.randint(700, 1800)} €"),
        " warm, ",
        x("measure", f"{r.randint(28, 75)} m²"),
        ").\nI work as a software tester at ",
        x("company", r.choice(["SAP", "Booking.com", "Zalando", "Philips"])),
        " since 2024, net income ",
        x("price", f"{r.randint(2400, 4200)} EUR"),
        ".\n\n",
    )
    d(
        "My current address: ",
        a.a() if v == 0 else P("address", gen.address(r, hl), AD),
        "\nPhone/WhatsApp: ",
        a.ph(),
        "\nE-mail: ",
        a.e(),
        "\nDate of birth: ",
        a.b("dot" if v else "iso"),
        "\n",
    )
    if v == 1:
        d("Steuer-ID: ", P("de_taxid", gen.de_taxid(r), ID), " / home ID ", a.id(), "\n")
    if v == 2:
        d(
            "Previous landlord for reference: ",
            P("person", Who(r, a.loc).full, PER),
            ", ",
            P("phone", gen.phone(r, a.loc), PH),
            "\n",
        )
    d("\nBest regards,\n", P("person", f"{a.given[0]}. {a.family}", PER), "\n")
    return d


@form(3)
def cv_resume(r: Random, v: int) -> Doc:
    a = Who(r, r.choice(MIGR))
    d = Doc()
    d("Rewrite my CV for German employers, keep it to one page:\n\n", a.n("caps"), "\n")
    if a.native:
        d("(", a.n("native"), ")\n")
    d(a.a(), " · ", a.ph(), " · ", a.e(), "\n")
    if v != 1:
        d(
            "Born ",
            a.b("long_en"),
            " · Nationality: ",
            x("nationality", DEMONYM[a.loc]),
            "\n",
        )
    d(
        "linkedin.com/in/",
        P(
            "handle",
            gen.fold(a.given).lower().replace(" ", "-")
            + "-"
            + gen.fold(a.family).lower().replace(" ", "-"),
            PER,
        ),
        "\n\n",
        "EXPERIENCE\n",
        x("date_range", "2021–2026"),
        "  QA Engineer, ",
        x("company", r.choice(["EPAM Systems", "Infosys", "Globant", "Grid Dynamics"])),
        "\n  - cut regression time by ",
        x("percent", f"{r.randint(20, 60)}%"),
        " with ",
        x("product", "Playwright"),
        " ",
        x("version", gen.version(r)),
        "\n",
        x("date_range", "2018–2021"),
        "  Junior developer, ",
        x("company", r.choice(["Luxoft", "Wipro", "TOTVS"])),
        "\n\n",
        "LANGUAGES: English C1, German B1 (",
        x("cert", "Goethe-Zertifikat B1"),
        ")\n",
    )
    if v == 2:
        d(
            "References: ",
            P("person", Who(r, "de").full, PER),
            " (",
            P("email", Who(r, "de").email, EM),
            ")\n",
        )
    return d


@form(3)
def seafarer_crew_list(r: Random, v: int) -> Doc:
    vessel = r.choice(["MV Nordic Star", "MSC Aurora", "BBC Onega", "Maersk Kowloon"])
    d = Doc()
    d(
        "Crew list for port clearance — please convert to the Excel columns they want (surname, given, rank, DOB, passport, seaman book).\n\n",
        "Vessel: ",
        x("vessel", vessel),
        " ",
        x("imo", gen.imo(r)),
        "  Flag: ",
        x("flag", r.choice(["Liberia", "Malta", "Panama"])),
        "\nPort of arrival: ",
        x("port", r.choice(["NLRTM", "DEHAM", "SGSIN", "TRIST"])),
        "  ETA ",
        x("datetime", gen.ts(r)),
        "\n\n",
    )
    sep = [",", ";", "\t"][v]
    d(sep.join(["No", "Name", "Rank", "Nationality", "DOB", "Passport", "Seaman book"]), "\n")
    for i in range(r.randint(4, 6)):
        c = Who(r, r.choice(["ph", "ua", "in", "pl", "ng", "tr", "vn"]))
        rank = r.choice(["Master", "Ch.Off", "2/O", "AB", "OS", "Cook", "C/E", "Oiler"])
        book = f"{r.choice(['SB', 'C', 'MB'])}{gen.digits(r, 6)}"
        d(
            str(i + 1),
            sep,
            c.n("rev") if v == 1 else P("person", f"{c.family.upper()} {c.given}", PER),
            sep,
            x("rank", rank),
            sep,
            x("nationality", gen.COUNTRY3[c.loc]),
            sep,
            c.b("dot" if v else "iso"),
            sep,
            c.pp(),
            sep,
            P("seaman_book", book, ID),
            "\n",
        )
    return d


@form(3)
def driver_cmr(r: Random, v: int) -> Doc:
    drv = Who(r, r.choice(["pl", "ua", "tr", "ar"]))
    d = Doc()
    d(
        "Translate this into Polish for my driver please, he does not read German:\n\n"
        if v == 0
        else "CMR / Frachtbrief notes\n",
        "Frachtbrief Nr. ",
        x("cmr_no", f"CMR {gen.digits(r, 7)}"),
        "\nAbsender: ",
        x("company", r.choice(["BASF SE", "Bosch Logistik GmbH", "IKEA Distribution"])),
        ", ",
        x(
            "public_address",
            r.choice(
                [
                    "Carl-Bosch-Straße 38, 67056 Ludwigshafen",
                    "Robert-Bosch-Platz 1, 70839 Gerlingen",
                ]
            ),
        ),
        "\nFahrer: ",
        drv.n("full"),
        ", Tel. ",
        drv.ph(),
        "\nFührerschein: ",
        P("driving_licence", f"{gen.alnum(r, 2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}{gen.digits(r, 6)}", ID),
        "\nZugmaschine: ",
        drv.lp(),
        "  Auflieger: ",
        P("plate", gen.plate(r, drv.loc), ("LICENSE_PLATE",)),
        "\nContainer: ",
        x("container", gen.container(r)),
        "  Plombe ",
        x("seal_no", gen.digits(r, 7)),
        "\nGewicht: ",
        x("measure", f"{r.randint(8, 24)} 400 kg"),
        ", ",
        x("quantity", f"{r.randint(12, 33)} Paletten"),
        "\nLadezeit: ",
        x("datetime", "07.12.2026 06:00"),
        "\n",
    )
    if v == 2:
        d("Driver's home address for the insurance: ", drv.a(), "\n")
    return d
