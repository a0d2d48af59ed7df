"""Structured records: HL7 v2, FHIR, XML exports, TSV, fixed width, school, claims, police."""

from __future__ import annotations

import datetime as dt

from .builder import Ctx, P, X


def hl7(c: Ctx) -> None:
    p = c.person()
    doc = c.person()
    r = c.rng
    ts = f"2026{r.randint(1, 11):02d}{r.randint(1, 28):02d}"
    ts += f"{r.randint(0, 23):02d}{r.randint(0, 59):02d}{r.randint(0, 59):02d}"
    c.line(
        "MSH|^~\\&|EPIC|",
        c.pick(["CHARITE", "HOSPCLINIC", "AMC", "STJAMES", "KAROLINSKA"]),
        "|LAB|LAB|",
        X("timestamp", ts),
        "||ADT^A04|",
        c.x("uuid"),
        "|P|2.5.1",
    )
    c.line("EVN|A04|", c.x("timestamp"))
    fam, giv = p.family, p.given
    if c.chance(0.5):
        fam, giv = fam.upper(), giv.upper()
    c.line(
        "PID|1||",
        c.mrn(),
        "^^^MRN^MR~",
        c.nid(p)[1],
        "^^^NI^NI||",
        P("name_hl7", f"{fam}^{giv}", frozenset({"PERSON"})),
        "||",
        c.dob_hl7(p),
        "|",
        p.sex,
        "|||",
        P("address", c.addr(p).value.replace(", ", "^", 1), frozenset({"ADDRESS"})),
        "||",
        c.phone(p),
        "|||||",
        c.member(p),
    )
    c.line(
        "PV1|1|O|AMB^",
        str(c.rng.randint(1, 40)),
        "||||",
        P("name_hl7", f"{doc.family}^{doc.given}", frozenset({"PERSON"})),
        "^^^Dr",
    )
    c.line(
        "DG1|1||",
        c.x("icd10"),
        "^",
        c.pick(["Type 2 diabetes", "Asthma", "Hypertension", "Low back pain"]),
        "^I10||",
        c.x("timestamp"),
    )
    c.line("RXE|1|", c.x("drug"), "||", str(c.rng.randint(1, 3)), "|TAB")
    if c.chance(0.6):
        nk = c.person()
        c.line(
            "NK1|1|",
            P("name_hl7", f"{nk.family}^{nk.given}", frozenset({"PERSON"})),
            "|",
            c.pick(["SPO", "MTH", "FTH", "SIS"]),
            "|",
            P("address", c.addr(nk).value.replace(", ", "^"), frozenset({"ADDRESS"})),
            "|",
            c.phone(nk),
        )
    c.line(
        "OBX|1|NM|",
        *c.pick_pieces(
            [
                (X("loinc", "2345-7"), "^Glucose"),
                (X("loinc", "718-7"), "^Hemoglobin"),
                (X("loinc", "2160-0"), "^Creatinine"),
            ]
        ),
        "||",
        str(round(c.rng.uniform(0.5, 14), 1)),
        "|",
        c.pick(["mg/dL", "g/dL"]),
        "|||||F",
    )


def fhir(c: Ctx) -> None:
    p = c.person()
    gp = c.person()
    lab, nid = c.nid(p)
    lat, lon = c.latlon()
    c.add(
        '{\n  "resourceType": "Bundle",\n  "id": "',
        c.x("uuid"),
        '",\n  "type": '
        '"collection",\n  "entry": [{\n    "resource": {\n      "resourceType": "Patient",\n'
        '      "identifier": [\n        {"system": "urn:oid:',
        X("oid", "1.2.36.146.595.217.0.1"),
        '", "value": "',
        c.mrn(),
        '"},\n        {"type": {"text": "',
        lab,
        '"}, "value": "',
        nid,
        '"}\n      ],\n      "name": [{"use": "official", "family": "',
        c.name(p, "family"),
        '", "given": ["',
        c.name(p, "given"),
        '"]}],\n      "telecom": [\n        {"system": "phone", "value": "',
        c.phone(p),
        '", "use": "mobile"},\n        {"system": "email", "value": "',
        c.email(p),
        '"}\n      ],\n      "gender": "',
        "male" if p.sex == "M" else "female",
        '",\n      "birthDate": "',
        c.dob_iso(p),
        '",\n      "address": [{"text": "',
        c.addr(p),
        '"}],\n',
    )
    if c.chance(0.5):
        c.add(
            '      "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/geolocation",'
            ' "extension": [\n        {"url": "latitude", "valueDecimal": ',
            lat,
            '},\n        {"url": "longitude", "valueDecimal": ',
            lon,
            "}]}],\n",
        )
    c.add(
        '      "generalPractitioner": [{"display": "Dr. ',
        c.name(gp, "full"),
        '"}]\n'
        '    }\n  }, {\n    "resource": {\n      "resourceType": "MedicationStatement",\n'
        '      "status": "active",\n      "medicationCodeableConcept": {"text": "',
        c.x("drug"),
        '"},\n      "effectiveDateTime": "',
        c.x("timestamp"),
        '",\n'
        '      "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", '
        '"code": "',
        c.x("icd10"),
        '"}]}]\n    }\n  }]\n}\n',
    )


def xml_export(c: Ctx) -> None:
    root = c.pick(["CustomerExport", "Mitglieder", "Clientes", "export", "Leden"])
    c.line('<?xml version="1.0" encoding="UTF-8"?>')
    c.line(f'<{root} generated="', c.x("timestamp"), '" version="', c.x("version"), '">')
    for _ in range(c.rng.randint(2, 3)):
        p = c.person()
        c.line('  <record id="', c.x("uuid"), '">')
        c.line("    <fullName>", c.name(p, c.pick(["full", "caps", "inverted"])), "</fullName>")
        c.line("    <birthDate>", c.dob(p), "</birthDate>")
        if c.chance(0.75):
            lab, nid = c.nid(p)
            c.line('    <nationalId scheme="', lab, '">', nid, "</nationalId>")
        c.line('    <contact type="email">', c.email(p), "</contact>")
        c.line('    <contact type="phone">', c.phone(p), "</contact>")
        if c.chance(0.6):
            c.line("    <address><![CDATA[", c.addr(p), "]]></address>")
        if c.chance(0.5):
            c.line('    <bankAccount iban="', c.iban(p), '"/>')
        c.line('    <lastOrder ref="', c.x("order"), '" total="', c.xamount(), '"/>')
        c.line("  </record>")
    c.line(f"</{root}>")


def tsv(c: Ctx) -> None:
    cols = [c.L("name"), c.L("dob"), c.L("phone"), c.L("email"), "Team", c.L("date"), "Notes"]
    has_id = c.chance(0.6)
    if has_id:
        cols.insert(2, "ID")
    c.line("\t".join(cols))
    for _ in range(c.rng.randint(5, 14)):
        p = c.person()
        c.add(
            c.name(p, c.pick(["full", "full", "caps", "inverted", "lower"])), "\t", c.dob(p), "\t"
        )
        if has_id:
            c.add(c.nid(p)[1], "\t")
        c.add(
            c.phone(p),
            "\t",
            c.email(p),
            "\t",
            c.pick(["Ops", "Sales", "R&D", "Finance"]),
            "\t",
            c.xdate(),
            "\t",
        )
        if c.chance(0.3):
            c.line("see ", c.x("invoice"))
        else:
            c.line(c.pick(["", "", "ok", "follow up"]))
    # the value far from its header: a pasted total row
    c.line("\t\t\t\t", c.x("math"))


def fixed_width(c: Ctx) -> None:
    c.line("REPORT ", c.x("sku"), "            RUN ", c.x("timestamp"), "        PAGE 1")
    c.line("-" * 78)
    by_id = c.chance(0.5)
    c.line(f"{'NAME':<26}{'BIRTH':<12}{'ID' if by_id else 'ACCOUNT':<30}{'PHONE':<18}")
    for _ in range(c.rng.randint(3, 5)):
        p = c.person()
        name = c.name(p, c.pick(["caps", "caps", "inverted"]))
        d = c.dob(p)
        ib = c.nid(p)[1] if by_id else c.iban(p)
        ph = c.phone(p)
        c.line(
            name,
            " " * max(1, 26 - len(name.value)),
            d,
            " " * max(1, 12 - len(d.value)),
            ib,
            " " * max(1, 30 - len(ib.value)),
            ph,
        )
    c.line("-" * 78)
    c.line("TOTAL ", c.xamount(), "   BATCH ", c.x("uuid"))


def school(c: Ctx) -> None:
    s = c.person()
    s.birth = dt.date(c.rng.randint(2008, 2019), s.birth.month, s.birth.day)
    parent = c.person(s.locale)
    teacher = c.person()
    c.line(
        c.loc(
            [
                "STUDENT RECORD",
                "Schülerakte",
                "Expediente académico",
                "Dossier scolaire",
                "Scheda alunno",
                "Leerlingdossier",
                "Ficha do aluno",
            ]
        )
    )
    c.line(c.L("student"), ": ", c.name(s, c.pick(["full", "caps", "inverted"])))
    c.line(c.L("dob"), ": ", c.dob(s))
    c.line(
        c.L("class"),
        ": ",
        c.pick(["7b", "10A", "3ºB ESO", "CM2", "2ª C", "havo 4"]),
        "   ",
        c.L("date"),
        ": ",
        c.xdate(),
    )
    lab, nid = c.nid(s)
    c.line(lab, ": ", nid)
    c.line(c.L("address"), ": ", c.addr(s))
    c.line(
        "Parent/guardian: ", c.name(parent, "full"), ", ", c.phone(parent), ", ", c.email(parent)
    )
    c.line("Teacher: ", c.name(teacher, c.pick(["initial", "full", "family"])))
    c.line("Grades: Maths 2.3 | German 1.7 | ", c.x("math"))
    c.line("Textbook: ISBN ", c.x("isbn"))
    c.line("Absences: 4 (", c.xdate(), ", ", c.xdate(), ")")
    c.line("Medication on file: ", c.x("drug"))


def claim(c: Ctx) -> None:
    p = c.person()
    c.line(
        c.loc(
            [
                "INSURANCE CLAIM FORM",
                "Schadenmeldung",
                "Declaración de siniestro",
                "Déclaration de sinistre",
                "Denuncia di sinistro",
                "Schadeformulier",
                "Participação de sinistro",
            ]
        )
    )
    c.line(c.L("claim"), " ", c.x("invoice"), "   ", c.L("insurer"), ": ", c.x("company"))
    c.line(c.L("member"), ": ", c.member(p), "   Policy: ", c.x("sku"))
    c.line(
        c.L("name"), ": ", c.name(p, c.pick(["full", "caps"])), "   ", c.L("dob"), ": ", c.dob(p)
    )
    c.line(c.L("address"), ": ", c.addr(p))
    lab, nid = c.nid(p)
    c.line(lab, ": ", nid)
    c.line(c.L("phone"), ": ", c.phone(p), "   ", c.L("email"), ": ", c.email(p))
    c.line(
        c.L("incident"),
        ": ",
        c.xdate(),
        ", ",
        c.pick(["rear-end collision", "water damage", "stolen bicycle", "broken window"]),
        " near ",
        c.x("landmark"),
    )
    c.line(c.L("vehicle"), ": ", c.plate(p), "   GPS: ", c.geo())
    w = c.person()
    c.line(c.L("witness"), ": ", c.name(w, "full"), " (", c.phone(w), ")")
    c.line("Payout to ", c.iban(p), " — estimate ", c.xamount())


def police(c: Ctx) -> None:
    off = c.person()
    sus = c.person()
    vic = c.person()
    c.line(
        c.loc(
            [
                "INCIDENT REPORT",
                "Strafanzeige",
                "Atestado policial",
                "Procès-verbal",
                "Verbale di denuncia",
                "Proces-verbaal",
                "Auto de ocorrência",
            ]
        ),
        " ",
        c.x("order"),
    )
    c.line(
        c.L("date"),
        ": ",
        c.x("timestamp"),
        "   ",
        c.L("officer"),
        ": ",
        c.name(off, c.pick(["caps", "initial", "full"])),
        " (badge 4471)",
    )
    c.line("Location: ", c.geo(), " — ", c.x("landmark"), ", ", c.x("city"))
    c.line()
    c.line(
        "Complainant ",
        c.name(vic, "full"),
        ", ",
        c.L("born"),
        " ",
        c.dob(vic),
        ", residing at ",
        c.addr(vic),
        ", tel. ",
        c.phone(vic),
        ", reports that a vehicle with plate ",
        c.plate(),
        " struck the parked car.",
    )
    lab, nid = c.nid(sus)
    c.line(
        "The driver identified himself as ",
        c.name(sus, c.pick(["full", "caps"])),
        " (",
        lab,
        " ",
        nid,
        "). ",
        c.L("passport"),
        " ",
        c.passport(sus),
        " was shown.",
    )
    c.line(
        "Damage estimated at ",
        c.xamount(),
        ". Case forwarded to the prosecutor on ",
        c.xdate(),
        ".",
    )


def court(c: Ctx) -> None:
    judge = c.person()
    a = c.person()
    b = c.person()
    c.line(
        c.loc(
            [
                "IN THE COUNTY COURT AT",
                "Amtsgericht",
                "Juzgado de Primera Instancia de",
                "Tribunal judiciaire de",
                "Tribunale di",
                "Rechtbank",
                "Tribunal de Comarca de",
            ]
        ),
        " ",
        c.x("city"),
    )
    c.line("Case ", c.x("invoice"), " — hearing ", c.xdate())
    c.line("Before: ", c.name(judge, c.pick(["initial", "family", "full"])))
    c.line("Claimant: ", c.name(a, "caps"), ", ", c.addr(a))
    if c.chance(0.75):
        lab, nid = c.nid(a)
        c.line("  (", lab, " ", nid, ")")
    c.line("Defendant: ", c.name(b, "caps"), ", ", c.L("born"), " ", c.dob(b))
    c.line()
    c.line(
        "The claimant seeks ",
        c.xamount(),
        " under the lease of ",
        c.xdate(),
        ". Payments were made from account ",
        c.iban(a),
        ". The defendant (",
        c.email(b),
        ") disputes the sum.",
    )
