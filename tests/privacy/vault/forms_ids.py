"""Documents dense with identity numbers: compliance exports, tax forms, contracts, fleets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from random import Random

from . import ids
from . import people as ppl
from . import places as geo
from . import traps as tr
from .build import Look, Page, Val


def _any_id(r: Random, who: ppl.Person, born: dt.date) -> tuple[str, Val]:
    """A country code and one of that country's personal identifiers."""
    female = who.female
    choice = r.randrange(14)
    table: tuple[tuple[str, Callable[[], Val]], ...] = (
        ("ES", lambda: ids.es_dni(r)),
        ("ES", lambda: ids.es_nie(r)),
        ("IT", lambda: ids.it_cf(who, born, female, r)),
        ("FR", lambda: ids.fr_nir(r, born, female)),
        ("DE", lambda: ids.de_steuer_id(r)),
        ("DE", lambda: ids.de_ausweis(r)),
        ("GB", lambda: ids.uk_nino(r)),
        ("IE", lambda: ids.ie_ppsn(r)),
        ("AT", lambda: ids.at_svnr(r, born)),
        ("CH", lambda: ids.ch_ahv(r)),
        ("NL", lambda: ids.nl_bsn(r)),
        ("BE", lambda: ids.be_nn(r, born)),
        ("PT", lambda: ids.pt_nif(r)),
        ("PL", lambda: ids.pl_pesel(r, born, female)),
    )
    country, make = table[choice]
    return country, make()


def kyc_export(r: Random, v: int) -> Page:
    """A compliance (KYC) export with identity documents of several countries."""
    sep = (",", " | ")[v]
    p = Page()
    p.line(
        (
            "Flag rows where the document looks expired or malformed:",
            "Which of these customers still need a proof of address?",
        )[v]
        + "\n"
    )
    p.line(sep.join(("case", "country", "name", "dob", "id_number", "checked_at")))
    for _ in range(6):
        who = ppl.person(r)
        born = ids.birth_date(r)
        country, ident = _any_id(r, who, born)
        p.line(
            tr.ticket(r),
            sep,
            Look("country", country),
            sep,
            who.full(),
            sep,
            ids.dob_val(born, "iso"),
            sep,
            ident,
            sep,
            tr.timestamp(r),
        )
    return p


def us_tax(r: Random, v: int) -> Page:
    """Notes for a US tax return."""
    me, spouse, kid = ppl.people(r, 3, "en")
    p = Page()
    p.line("Help me fill in the 1040 with this:\n")
    p.add(
        "Filer: ",
        me.full(),
        ", SSN ",
        ids.us_ssn(r),
        ", born ",
        ids.dob_val(ids.birth_date(r), "mdy/"),
        "\n",
    )
    p.add("Spouse: ", spouse.full(), ", SSN ", ids.us_ssn(r), "\n")
    p.add(
        "Dependent: ",
        kid.first(),
        ", DOB ",
        ids.dob_val(ids.birth_date(r, young=True), "en"),
        ", SSN ",
        ids.us_ssn(r),
        "\n",
    )
    p.add("Home: ", geo.address(r, "us"), "\n")
    p.add(
        "W-2 from ",
        tr.company(r),
        ": box 1 ",
        tr.amount(r, "$"),
        ", EIN ",
        Look("ein", f"{ids.digits(r, 2)}-{ids.digits(r, 7)}"),
        "\n",
    )
    p.add(
        "Refund by card? No — but the estimated payment went on ",
        ids.card(r),
        ". Form ",
        Look("form_no", "1040-ES"),
        ", ",
        tr.plain_date(r, 3),
        "\n",
    )
    return p


def hr_sheet_it(r: Random, v: int) -> Page:
    """An Italian HR spreadsheet pasted as TSV."""
    p = Page()
    p.line("Controlla i codici fiscali di questo foglio:\n")
    p.line("Matricola\tCognome\tNome\tCodice fiscale\tIBAN\tCellulare")
    for _ in range(5):
        who = ppl.person(r, "it" if r.random() < 0.8 else None)
        born = ids.birth_date(r)
        p.line(
            ids.member_no(r, "employee_no", "M9999"),
            "\t",
            who.last(),
            "\t",
            who.first(),
            "\t",
            ids.it_cf(who, born, who.female, r),
            "\t",
            ids.iban(r, "IT", False),
            "\t",
            ppl.phone(r, "it"),
        )
    p.line("Ultimo aggiornamento ", tr.plain_date(r, 0), " – file ", tr.sha256(r))
    return p


def lease_es(r: Random, v: int) -> Page:
    """A Spanish tenancy agreement header."""
    owner, tenant = ppl.people(r, 2, "es")
    p = Page()
    p.line("Tradúceme al inglés el encabezado de este contrato:\n")
    p.add("En ", tr.place(r), ", a ", tr.plain_date(r, 2), "\n\nREUNIDOS\n\n")
    p.add(
        "De una parte, D./Dña. ",
        owner.full(),
        ", mayor de edad, con DNI ",
        ids.es_dni(r),
        " y domicilio en ",
        geo.address(r, "es"),
        ", en calidad de ARRENDADOR.\n\n",
    )
    p.add(
        "De otra parte, D./Dña. ",
        tenant.full(),
        ", con ",
        ("DNI ", "NIE ")[v],
        ids.es_dni(r) if v == 0 else ids.es_nie(r),
        ", nacido/a el ",
        ids.dob_val(ids.birth_date(r), "es"),
        ", teléfono ",
        ppl.phone(r, "es"),
        ", en calidad de ARRENDATARIO.\n\n",
    )
    p.add(
        "La renta de ",
        tr.amount(r),
        " mensuales se abonará en la cuenta ",
        ids.iban(r, "ES"),
        " conforme al ",
        tr.law(r, "es"),
        ".\n",
    )
    return p


def fleet_list(r: Random, v: int) -> Page:
    """A company fleet list with plates and drivers."""
    p = Page()
    p.line(
        (
            "Which cars are due for inspection? Fleet list:",
            "Welche Autos müssen zum TÜV? Fuhrparkliste:",
        )[v]
        + "\n"
    )
    for _ in range(6):
        who = ppl.person(r)
        country = r.choice(("DE", "FR", "ES", "IT", "GB", "AT"))
        p.line(
            ids.plate(r, country),
            " — ",
            tr.car(r),
            " — ",
            who.initial() if r.random() < 0.4 else who.full(),
            " — ",
            ("last service ", "letzte HU ")[v],
            tr.plain_date(r, 0),
            " — ",
            Look("mileage", f"{r.randint(5, 220)}.{r.randint(100, 999)} km"),
        )
    return p


def card_dispute(r: Random, v: int) -> Page:
    """An e-mail disputing card charges."""
    me = ppl.person(r, ("en", "fr")[v])
    p = Page()
    p.line(("Make this complaint firmer:", "Rends cette réclamation plus ferme :")[v] + "\n")
    p.add(
        (
            "Dear card services,\nI dispute these charges on my card ",
            "Madame, Monsieur,\nje conteste ces débits sur ma carte ",
        )[v],
        ids.card(r),
        ":\n",
    )
    for _ in range(3):
        p.add(
            "- ",
            tr.plain_date(r, 2),
            " ",
            tr.company(r),
            " ",
            tr.amount(r),
            (" ref ", " réf. ")[v],
            tr.order(r),
            "\n",
        )
    p.add(
        ("My replacement card ", "Ma nouvelle carte ")[v],
        ids.card(r),
        (" should be sent to ", " doit être envoyée au ")[v],
        geo.address(r, ("en", "fr")[v]),
        ".\n",
    )
    p.add(
        me.full(),
        ", ",
        ppl.phone(r, ("en", "fr")[v]),
        ", ",
        ppl.email(r, me, ("en", "fr")[v]),
        "\n",
    )
    return p


FORMS = (
    (kyc_export, 2),
    (us_tax, 1),
    (hr_sheet_it, 1),
    (lease_es, 2),
    (fleet_list, 2),
    (card_dispute, 2),
)
