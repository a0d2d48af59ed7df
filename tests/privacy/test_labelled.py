"""Values named by their label: person-level IDs, passwords written out, webhook URLs,
account names in logs, and given names that are words where only a person stands."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edgekit.privacy import Filter
from edgekit.privacy.handles import HandleDetector
from edgekit.privacy.labelled import LabelledValueDetector

from .helpers import cpu_seconds, found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Staff ID: K-20931\nDept: Sales", "K-20931"),
        ("Mitarbeiternummer: 004512", "004512"),
        ("Personalnummer 77-1043 (Vollzeit)", "77-1043"),
        ("Matricule : RH20931", "RH20931"),
        ("Nº de empleado: E-30211", "E-30211"),
        ("matricola 0039201", "0039201"),
        ('{"employeeId": "EMP-3391", "team": "ops"}', "EMP-3391"),
        ('  "member": {"id": "M-88120", "tier": "gold"}', "M-88120"),
        ("app[77]: user 3310492 changed e-mail", "3310492"),
        ("Patient ID: PT-0093312", "PT-0093312"),
        ("NHC: 301-2281", "301-2281"),
        ("Versichertennummer: A123456780", "A123456780"),
        ("I have a driver's license (D4410923) from Ohio", "D4410923"),
        ("Driving licence no. MORGA753116SM9IJ", "MORGA753116SM9IJ"),
        ("Führerscheinnummer: B07221XY4Z1", "B07221XY4Z1"),
        ("patente n. U1A23B456C", "U1A23B456C"),
        ("Nº afiliación: 28 1234567 40", "28 1234567 40"),
        ("ITIN: 912-70-1234", "912-70-1234"),
    ],
)
def test_an_id_under_a_person_label_is_an_id_number(
    pattern_filter: Filter, text: str, value: str
) -> None:
    assert ("ID_NUMBER", value) in found(pattern_filter, text)


def test_a_person_id_column_makes_its_cells_ids(pattern_filter: Filter) -> None:
    text = "emp_id,dept,salary\nX44120,ops,3200\nX44121,hr,3100\n"
    got = found(pattern_filter, text)
    assert ("ID_NUMBER", "X44120") in got
    assert ("ID_NUMBER", "X44121") in got


@pytest.mark.parametrize(
    "text",
    [
        "Order no: A-44120 shipped",
        "invoice #INV-2093 is due",
        "ticket 88213 was closed",
        "SKU: TSH-4410-BL",
        "tracking number 1Z999AA10123456784",
        "build 2026.12.1 passed",
        "user 2 of 5 logged in",
    ],
)
def test_other_numbers_are_no_person_ids(text: str) -> None:
    assert not [c for c in LabelledValueDetector().detect(text) if c.type == "ID_NUMBER"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my password is Tr0ub4dor&3 ok?", "Tr0ub4dor&3"),
        ("staging password 7hGq2LmNw1 (rotate it)", "7hGq2LmNw1"),
        ("pw: sunny-Day42", "sunny-Day42"),
        ("password was literally hunter2!! lol", "hunter2!!"),
        ("das WLAN-Passwort ist: Kaffee#2024", "Kaffee#2024"),
        ("la contraseña del router es perro_77", "perro_77"),
        ("le mot de passe du wifi : Chaton2020", "Chaton2020"),
        ("la password della rete è Gatto!99", "Gatto!99"),
        ("wifi password Xy7kLm2qP", "Xy7kLm2qP"),
        ("password - Summer2024!", "Summer2024!"),
    ],
)
def test_a_password_written_out_is_a_secret(pattern_filter: Filter, text: str, value: str) -> None:
    assert ("SECRET", value) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "password reset link expired",
        "the password field is required",
        "password is required",
        "pass 2024-01-01 as the start date",
        "password: ********",
        "password = os.environ['DB_PASSWORD']",
        "set the password to ${DB_PASS} in CI",
        "passwords must have 12 characters",
        "sudo:   ana : TTY=pts/1 ; PWD=/srv/app ; USER=root",
        # from Python's standard library (code no corpus holds)
        '"""Utilities to get a password and/or the current user name."""',
        "ZIP supports a password-based form of encryption",
        "            pw = pw[:-1]",
        "                    password = auth[2]",
        "My password is wrong!",
    ],
)
def test_talk_about_passwords_is_no_secret(text: str) -> None:
    assert not LabelledValueDetector().detect(text)


def test_webhook_urls_of_any_provider_are_secrets(pattern_filter: Filter) -> None:
    hook = (
        "https://outlook.office.com/webhook/1f2e3d4c-aaaa@77bb/IncomingWebhook/9c1d2e3f4a5b6c7d8e9f"
    )
    assert ("SECRET", hook) in found(pattern_filter, f'HOOK = "{hook}"')
    other = "https://hooks.example-ci.io/hooks/a8F3kQ92xLm4Zp7Rt1Vw"
    assert ("SECRET", other) in found(pattern_filter, f"post to {other}.")
    docs = "see https://docs.github.com/en/webhooks/about-webhooks-for-repositories"
    assert not found(pattern_filter, docs)


@pytest.mark.parametrize(
    ("text", "account"),
    [
        ('10.1.2.3 - okafor.j [07/Mar/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 12', "okafor.j"),
        ("Mar  7 10:00:01 db sudo[812]:  lwagner : TTY=pts/1 ; PWD=/srv", "lwagner"),
        ("$ ssh -p 2222 mdiallo@bastion.example.net", "mdiallo"),
        ('Load key "/home/tnakamura/.ssh/id_ed25519": invalid format', "tnakamura"),
        ("kfischer@10.20.30.40: Permission denied (publickey)", "kfischer"),
        ("db1 ansible_host=10.0.0.9 ansible_user=pmoreau", "pmoreau"),
    ],
)
def test_account_names_where_logs_and_shells_put_them(text: str, account: str) -> None:
    spans = [text[c.start : c.end] for c in HandleDetector().detect(text)]
    assert account in spans


def test_service_accounts_are_not_people() -> None:
    text = '10.1.2.3 - root [07/Mar/2026:10:00:01 +0000] "GET /"\n$ ssh deploy@10.0.0.5'
    assert not HandleDetector().detect(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("lol will just sent the pics", "will"),
        ("Summer and Sunny said they'd come", "Summer"),
        ("Summer and Sunny said they'd come", "Sunny"),
        ("Viene anche Joy stasera", "Joy"),
        ("Faith kommt übrigens auch", "Faith"),
        ("hope y yo vamos mañana", "hope"),
        ("can you pick up poppy at 6", "poppy"),
    ],
)
def test_names_that_are_words_where_only_a_person_stands(
    ner_filter: Filter, text: str, name: str
) -> None:
    start = text.index(name)
    spans = [(f.start, f.end) for f in ner_filter.scan(text) if f.type == "PERSON"]
    assert any(s <= start and start + len(name) <= e for s, e in spans)


@pytest.mark.parametrize(
    "text",
    ["I hope and I pray it works", "we will said nothing", "The Will said the house is hers"],
)
def test_words_that_are_names_stay_words(ner_filter: Filter, text: str) -> None:
    assert not [v for t, v in found(ner_filter, text) if v.lower() in ("hope", "will")]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="password:= user{}\"'id#-A1 \n/@home", max_size=300))
def test_labelled_values_never_raise_and_stay_in_bounds(text: str) -> None:
    for cand in LabelledValueDetector().detect(text) + HandleDetector().detect(text):
        assert 0 <= cand.start < cand.end <= len(text)


@pytest.mark.parametrize(
    "unit", ["password is ", "user ", 'user": {"id": "', "Employee no: ", "https://a.b/hooks/"]
)
def test_labelled_values_scan_in_linear_time(unit: str) -> None:
    def both(text: str) -> None:
        LabelledValueDetector().detect(text)
        HandleDetector().detect(text)

    assert cpu_seconds(both, unit) < 2.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Handy: 0171/5551234 (abends)", ("PHONE", "0171/5551234")),
        ("Cellulare: 347/1234567", ("PHONE", "347/1234567")),
        ("escríbeme o llámame al (+34) 612-345-678.", ("PHONE", "(+34) 612-345-678")),
        ("Giulia Neri (0039 347.1234567)", ("PHONE", "0039 347.1234567")),
        ("parked here: 41.902782,12.496366.", ("GEO_COORDINATES", "41.902782,12.496366")),
        ("I was born 1979, so", ("DATE_OF_BIRTH", "1979")),
        ("Jahrgang 1961, ledig", ("DATE_OF_BIRTH", "1961")),
        ("  dob: ISODate('1971-04-02T00:00:00.000Z'),", ("DATE_OF_BIRTH", "1971-04-02")),
        (
            "ship to 40 E 52nd St, Apt 3B, Boise, ID 83702",
            ("ADDRESS", "40 E 52nd St, Apt 3B, Boise, ID 83702"),
        ),
        ("Nia Bello\n14 Larkspur\nYork YO1 7HH\n", ("ADDRESS", "14 Larkspur\nYork YO1 7HH")),
        ("ma voiture c'est la GH-482-KL", ("LICENSE_PLATE", "GH-482-KL")),
    ],
)
def test_shapes_and_contexts_users_write(
    pattern_filter: Filter, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "the ratio 100/2000000 is tiny",
        "created: 2024-01-02T00:00:00Z",
        "the band was born in the 1990s",
        "see /api/v2/1234567/items",
    ],
)
def test_their_look_alikes_stay(pattern_filter: Filter, text: str) -> None:
    assert found(pattern_filter, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("> tomasz wierzbicki wrote:\n> sure", "tomasz wierzbicki"),
        ("Zitat von henrike: stimmt", "henrike"),
    ],
)
def test_quote_headers_name_their_author(pattern_filter: Filter, text: str, name: str) -> None:
    assert ("PERSON", name) in found(pattern_filter, text)


@pytest.mark.parametrize("text", ["He wrote:\n> ok", "On Mon, someone wrote:\n> hi"])
def test_quote_headers_without_a_person(pattern_filter: Filter, text: str) -> None:
    assert [v for t, v in found(pattern_filter, text) if t == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("I was charged twice for the Tommy Hilfiger gift box", "Tommy Hilfiger"),
        ("Dear Hiring Team at Morgan Stanley,", "Morgan Stanley"),
        ("my manager at Leroy Merlin said no", "Leroy"),
        ("I'll bring the Ben Jerry ice cream", "Ben Jerry"),
    ],
)
def test_makers_and_workplaces_are_no_people(ner_filter: Filter, text: str, brand: str) -> None:
    assert not [v for t, v in found(ner_filter, text) if t == "PERSON" and brand in v]


def test_a_tracking_number_is_no_phone(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "le numéro de suivi 020493441939 indique livré") == []


@pytest.mark.parametrize(
    ("text", "code"), [("cvv 123", "123"), ("door code is 4491#", "4491"), ("PIN: 4921", "4921")]
)
def test_pins_and_codes_written_out_are_secrets(
    pattern_filter: Filter, text: str, code: str
) -> None:
    assert ("SECRET", code) in found(pattern_filter, text)


def test_a_pin_of_a_connector_is_no_secret(pattern_filter: Filter) -> None:
    assert found(pattern_filter, "wire it to pin 17 of the GPIO header") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nº SS: 28/12345678/40\n", ("ID_NUMBER", "28/12345678/40")),
        ("SV-Nummer 15 170349 H 66 4\n", ("ID_NUMBER", "15 170349 H 66 4")),
        ("Un saludo,\nMarta Gil\n644123987\n", ("PHONE", "644123987")),
    ],
)
def test_spaced_ids_and_signature_numbers(
    pattern_filter: Filter, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(pattern_filter, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Account holder: Amor de la Fuente\nIBAN", "Amor de la Fuente"),
        ("hey tobias featherstone\n> so", "tobias featherstone"),
        ("name=Unai+Garc%C3%ADa+L%C3%B3pez&email=x", "Unai+Garc%C3%ADa+L%C3%B3pez"),
        ("> tomasz wierzbicki wrote:\n> sure", "tomasz wierzbicki"),
    ],
)
def test_a_found_name_grows_to_its_whole_name(ner_filter: Filter, text: str, name: str) -> None:
    assert ("PERSON", name) in found(ner_filter, text)


def test_a_name_does_not_grow_over_the_words_after_it(ner_filter: Filter) -> None:
    assert ("PERSON", "maria") in found(ner_filter, "tell maria now please")


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("curl -sS -u ana.lima:pa55w0rd https://api.example.org", "ana.lima:pa55w0rd"),
        ('wget --user=ana --password="p4ss_word" https://x', "p4ss_word"),
        ("mysql -u root -pS3cr3tpw shop", "S3cr3tpw"),
    ],
)
def test_credentials_on_a_command_line_are_secrets(
    pattern_filter: Filter, text: str, secret: str
) -> None:
    assert ("SECRET", secret) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text", ["docker run -u www-data:www-data img", "curl -u $USER:$TOKEN https://x"]
)
def test_users_and_references_on_a_command_line_are_not(text: str) -> None:
    assert not LabelledValueDetector().detect(text)


def test_a_plate_under_a_compound_plate_word_is_no_street(pattern_filter: Filter) -> None:
    got = found(pattern_filter, "Wunschkennzeichen: M-QX 4410\n")
    assert ("LICENSE_PLATE", "M-QX 4410") in got
    assert ("ADDRESS", "Renskelaan 21, Amsterdam") in found(
        pattern_filter, "adres: Renskelaan 21, Amsterdam"
    )
    assert ("ADDRESS", "HAUPTSTRASSE 5, 10115 BERLIN") in found(
        pattern_filter, "HAUPTSTRASSE 5, 10115 BERLIN"
    )


@pytest.mark.parametrize(
    "text",
    [
        "sshd[4630]: Failed password for niamh.quispe from 10.62.121.26 port 22 ssh2",
        "Accepted password for jun.osullivan from 10.0.0.9 port 22 ssh2",
    ],
)
def test_an_auth_log_names_an_account_not_a_password(text: str) -> None:
    assert not [c for c in LabelledValueDetector().detect(text) if c.type == "SECRET"]


def test_a_password_for_a_device(pattern_filter: Filter) -> None:
    assert ("SECRET", "Tulip#2291") in found(pattern_filter, "password for the router: Tulip#2291")


@pytest.mark.parametrize(
    ("text", "secret"),
    [("password was literally &65$GqnyoTiIoqp smh", "&65$GqnyoTiIoqp")],
)
def test_a_dollar_inside_a_literal_is_a_symbol(
    pattern_filter: Filter, text: str, secret: str
) -> None:
    assert ("SECRET", secret) in found(pattern_filter, text)


@pytest.mark.parametrize("text", ["password is getpass()", "password: $DB_PASS"])
def test_calls_and_variables_are_references(text: str) -> None:
    assert not LabelledValueDetector().detect(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Bitte kündigen (Mitgliedsnummer: TS-55012) zum Quartalsende.", "TS-55012"),
        ("baja del club (n.º de socio 4418822), gracias", "4418822"),
        ("Je résilie mon contrat, n° d'abonné 88120455.", "88120455"),
        ("la mia tessera n. 0033187 è scaduta", "0033187"),
        ("N.º empleado: 7731", "7731"),
        ("Personalausweisnummer: LZ6311T47", "LZ6311T47"),
        ("Steuernummer 21/815/08150 (Finanzamt)", "21/815/08150"),
        ("Lidnummer: 4471-208 (tennisclub)", "4471-208"),
        ("bitte auf Kontonummer 0532013000 überweisen", "0532013000"),
        ("account number: 31926819 (sort code on the card)", "31926819"),
        ("numero di conto 000012345678", "000012345678"),
        ("numer klienta 55120938", "55120938"),
        ("Üye no: 0077123", "0077123"),
        ("o meu n.º de sócio é 30412", "30412"),
    ],
)
def test_more_person_level_labels(pattern_filter: Filter, text: str, value: str) -> None:
    assert ("ID_NUMBER", value) in found(pattern_filter, text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('{"kind": "SIN", "number": "046 454 286"}', "046 454 286"),
        ('{"value": "1237 010180", "country": "AT", "type": "SV-Nummer"}', "1237 010180"),
        (
            '{\n  "document_type": "NHS number",\n  "document_number": "943-476-5919"\n}',
            "943-476-5919",
        ),
        ("- type: passport\n  number: C01X00T47", "C01X00T47"),
    ],
)
def test_a_typed_value_is_the_kind_its_type_names(
    pattern_filter: Filter, text: str, value: str
) -> None:
    assert ("ID_NUMBER", value) in found(pattern_filter, text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"type": "SIN", "value": "416 555 0199"}', "PHONE"),  # fails the SIN's Luhn check
        ('{"type": "mobile", "value": "+44 7700 900123"}', "PHONE"),
    ],
)
def test_a_type_with_a_check_needs_it_to_pass(pattern_filter: Filter, text: str, kind: str) -> None:
    assert [k for k, _ in found(pattern_filter, text)] == [kind]


def test_a_records_own_id_is_not_a_document_number(pattern_filter: Filter) -> None:
    assert not found(pattern_filter, '{"type": "passport", "id": "evt_20931"}')


def test_an_id_whose_check_passes_beats_a_phone(pattern_filter: Filter) -> None:
    text = "Meine SV-Nummer lautet 1237 010180, Handy 0664 1234567."
    assert found(pattern_filter, text) == [("ID_NUMBER", "1237 010180"), ("PHONE", "0664 1234567")]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='{}"type:value kind SIN 0123456789-,\n', max_size=300))
def test_typed_values_never_raise_and_stay_in_bounds(text: str) -> None:
    for cand in LabelledValueDetector().detect(text):
        assert 0 <= cand.start < cand.end <= len(text)


@pytest.mark.parametrize("unit", ['"type": "SIN", ', '{"value": "1234 5678", ', "SV-Nummer 1234 "])
def test_typed_values_scan_in_linear_time(unit: str) -> None:
    assert cpu_seconds(lambda text: LabelledValueDetector().detect(text), unit) < 2.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a white Transit driving YD63 KRW cut me off", "YD63 KRW"),
        ("la voiture immatriculée DK-551-AX était garée devant", "DK-551-AX"),
        ("una Panda targata FG 771 KD ha urtato lo specchietto", "FG 771 KD"),
        ("el coche, matriculado 4417 KLM, estaba mal aparcado", "4417 KLM"),
        ("der Transporter mit HH-TK 208 fuhr einfach weiter", "HH-TK 208"),
    ],
)
def test_plates_named_by_what_is_done_with_the_car(
    pattern_filter: Filter, text: str, value: str
) -> None:
    assert ("LICENSE_PLATE", value) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    ["driving to Leeds on the M62 at 9", "I drove 450 km in a VW ID3", "parked at gate B12"],
)
def test_words_near_driving_are_no_plates(pattern_filter: Filter, text: str) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t == "ID_NUMBER"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("her driving licence number is HARRI612034AB1CD, issued 2019", "HARRI612034AB1CD"),
        ("Die Mitgliedsnummer meines Vaters lautet K-204411.", "K-204411"),
        ("le numéro d'adhérent de ma fille est 5520193", "5520193"),
    ],
)
def test_a_label_said_in_a_sentence(pattern_filter: Filter, text: str, value: str) -> None:
    assert ("ID_NUMBER", value) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "Application ID: KX55102938\n",
        "Ihr Termin (Termin-Nr. TR55102938) ist bestätigt.",
        "Booking reference: ID 55102938AB",
        "Paketverfolgung, Sendungsnummer: 4873 2291 0045 ok?",
    ],
)
def test_applications_appointments_and_parcels_are_not_people(
    pattern_filter: Filter, text: str
) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t == "ID_NUMBER"]


def test_the_next_of_a_list_of_checked_ids_in_one_sentence(pattern_filter: Filter) -> None:
    text = "Meine Steuer-ID ist 47 036 892 816, die meines Mannes lautet 65929970489. Danke"
    assert ("ID_NUMBER", "65929970489") in found(pattern_filter, text)


def test_a_number_that_fails_the_named_check_stays_a_phone(pattern_filter: Filter) -> None:
    text = "Meine Steuer-ID ist 47036892816. Mobil erreichbar: 0171 5550123"
    assert ("PHONE", "0171 5550123") in found(pattern_filter, text)


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        ("Rua Augusta 12, 1100-053 Lisboa, 912345678, joana.reis@example.pt", "912345678"),
        ("- chiamare Paola Riva (3471234567)\n- rinnovare la carta d'identità", "3471234567"),
    ],
)
def test_bare_phones_in_contact_lines_and_to_dos(
    pattern_filter: Filter, text: str, phone: str
) -> None:
    assert ("PHONE", phone) in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "ana@example.com exported 1,204 rows at 1764244874 from 10.0.0.7",
        "Newsletter <b.ortiz@example.es>, plan 7332911738561, renews monthly",
    ],
)
def test_numbers_beside_an_email_that_are_no_list_item_stay(
    pattern_filter: Filter, text: str
) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t == "PHONE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "[09:14] Marta: me pasas la contraseña del wifi?\n[09:15] Iker: claro, Tortuga_42",
            ("SECRET", "Tortuga_42"),
        ),
        (
            "Agent: could you give me your date of birth please?\nClient: sure, 3 March 1988",
            ("DATE_OF_BIRTH", "3 March 1988"),
        ),
        (
            "Operatore: mi dice la sua data di nascita?\nCliente: Bruno Neri, 14/07/1969",
            ("DATE_OF_BIRTH", "14/07/1969"),
        ),
    ],
)
def test_a_value_given_in_the_message_after_the_question(
    pattern_filter: Filter, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(pattern_filter, text)


@pytest.mark.parametrize(
    "text",
    [
        "Note: reset the password\nTicket: ABC123def",
        "[10:00] Ana: what's the wifi password?\n[10:01] Ana: never mind, found it2day",
        "Lena: did you change the password?\nTom: no, ask IT at 10:30 tomorrow",
    ],
)
def test_no_answer_no_secret(pattern_filter: Filter, text: str) -> None:
    assert not [v for t, v in found(pattern_filter, text) if t == "SECRET"]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="[]0123: AnaTom?password dob\n-,.", max_size=300))
def test_answers_never_raise_and_stay_in_bounds(text: str) -> None:
    for cand in LabelledValueDetector().detect(text):
        assert 0 <= cand.start < cand.end <= len(text)


def test_answers_scan_in_linear_time() -> None:
    text = "[1:00] A: send the password?\n[1:01] B: x\n" * 2000
    start = time.process_time()
    LabelledValueDetector().detect(text)
    assert time.process_time() - start < 2.0
