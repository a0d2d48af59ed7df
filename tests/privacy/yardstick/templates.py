# ruff: noqa: E501  (template and value data: long literals read better whole)
"""Documents as people paste them into an assistant, with ⟦slot⟧ marks for values.

``⟦name⟧`` plants a personal value (see ``corpus.SLOTS``); ``⟦!sha⟧`` plants a
look-alike that must pass untouched (a trap). Written from what users send —
mail threads, forms, JSON bodies, code, logs, chat — in English, German,
Spanish, French, Italian, mixtures and other scripts; not from the detectors.
"""

from __future__ import annotations

CHAT = [
    "hey can you help me write a birthday msg for ⟦lname⟧? she turns 30 on friday",
    "tell ⟦lname⟧ i'll be late, the train is stuck again",
    "ok so ⟦lname⟧ and ⟦lname⟧ both said no to the offsite. how do i reply politely",
    "my neighbour ⟦wname⟧ keeps parking in front of my garage, draft a friendly note pls",
    "Can you rewrite this so it sounds less angry: '⟦first⟧, you promised the report by Monday.'",
    "I need a reference letter for ⟦name⟧, who worked with us for three years as a nurse.",
    "summarise this for ⟦first⟧: the landlord (⟦name⟧, ⟦phone⟧) wants the keys back by the 30th",
    "what's a good reply to ⟦wname⟧? she asked if we can move the call",
    "My SSN is ⟦ssn⟧ and the form keeps rejecting it, is the format wrong?",
    "is ⟦ssn⟧ a valid social security number format? it's my dad's",
    "whats the fastest route from here ⟦geo⟧ to the airport",
    "I'm stuck at ⟦geo⟧ with a flat tyre, what should I do",
    "ich bin bei ⟦geo⟧, wo ist die nächste Apotheke?",
    "my card ⟦card⟧ got charged twice by the same shop, help me write a dispute",
    "can u check if this iban is right ⟦iban⟧ my landlord sent it",
    "Born ⟦dob⟧ — how old am I in dog years lol",
    "DOB ⟦dob⟧, which vaccines am I due for?",
    "kannst du ⟦lname⟧ sagen dass ich morgen später komme",
    "schreib eine kurze Absage an ⟦name⟧, Tel. ⟦phone⟧, wegen der Wohnungsbesichtigung",
    "oye, dile a ⟦lname⟧ que la reunión es a las 5",
    "ayúdame a escribir un correo a ⟦name⟧ (⟦email⟧) para pedir un aplazamiento",
    "peux-tu écrire à ⟦name⟧ pour décaler le rdv ? son numéro c'est le ⟦phone⟧",
    "dis à ⟦lname⟧ que j'arrive",
    "scrivi a ⟦name⟧ che la consegna slitta a lunedì, il suo numero è ⟦phone⟧",
    "di' a ⟦lname⟧ che passo io a prendere i bambini",
    "ok so ⟦first⟧ sent me this: 'mi numero es ⟦phone⟧, llámame' — translate to english",
    "traduci in inglese: 'Gentile ⟦name⟧, la sua pratica è stata approvata.'",
    "translate to German: 'Hi ⟦first⟧, my new address is ⟦addr⟧.'",
    "my friend ⟦xname⟧ is visiting from abroad, suggest a 3 day itinerary",
    "write a thank-you note to ⟦xname⟧ for hosting us",
    "Привет! Меня зовут ⟦xname⟧, мой номер ⟦phone⟧. Помогите составить резюме.",
    "请帮我给⟦xname⟧写一封感谢信，她的邮箱是⟦email⟧。",
    "⟦xname⟧さんに会議の日程変更のメールを書いてください。電話番号は⟦phone⟧です。",
    "مرحبا، اسمي ⟦xname⟧ ورقم هاتفي ⟦phone⟧",
    "Γεια σας, είμαι ο ⟦xname⟧ και το email μου είναι ⟦email⟧.",
    "⟦xname⟧ 씨에게 보낼 사과 메일을 써 줘",
    "मेरा नाम ⟦xname⟧ है, मेरा फ़ोन नंबर ⟦phone⟧ है",
    "compute ⟦!math⟧ step by step",
    "why does ⟦!math⟧ not converge? also ⟦first⟧ from class says it does",
    "is ⟦!ver⟧ newer than 2.0? asking for ⟦lname⟧",
    "here's my key ⟦key⟧ — why do I get 401 from the API?",
    "our slack hook ⟦hook⟧ stopped posting, any idea?",
    "the connection string is ⟦conn⟧ but psql says auth failed",
    "my wifi password is ⟦pw⟧, write it on a card for guests",
    "the plate of the car that hit me was ⟦plate⟧, driver looked like ⟦wname⟧. what do I tell the insurance",
    "Mein Kennzeichen ist ⟦plate⟧, wie melde ich das Auto um?",
    "la matrícula de mi coche es ⟦plate⟧ y me ha llegado una multa",
    "ma plaque d'immatriculation ⟦plate⟧ a été volée, que faire ?",
    "la targa ⟦plate⟧ risulta rubata, come faccio la denuncia?",
]

EMAIL = [
    "Hi ⟦first⟧,\n\nthanks for the quick call today. As discussed, please send the signed contract to "
    "⟦email⟧ or post it to:\n\n⟦name⟧\n⟦addr⟧\n\nBest,\n⟦name⟧\n⟦phone⟧",
    "Dear Mr ⟦last⟧,\n\nYour order ⟦!order⟧ has shipped. For questions quote reference ⟦!order⟧.\n\n"
    "Kind regards\nCustomer Care",
    "Hello team,\n\n⟦name⟧ (⟦email⟧) joins on Monday. Payroll needs her IBAN ⟦iban⟧ and "
    "National Insurance number ⟦nino⟧ before the 25th.\n\nThanks, ⟦first⟧",
    "Sehr geehrte Frau ⟦last⟧,\n\nanbei die Unterlagen zur Steuererklärung. Ihre Steuer-ID lautet "
    "⟦stid⟧, geboren am ⟦dob⟧.\n\nMit freundlichen Grüßen\n⟦name⟧\nTel.: ⟦phone⟧",
    "Hallo ⟦first⟧,\n\nkurze Info: ich bin umgezogen, neue Anschrift ⟦addr⟧. Überweisungen bitte weiter "
    "an ⟦iban⟧.\n\nLG ⟦first⟧",
    "Guten Tag,\n\nbitte ändern Sie die Rufnummer im Kundenkonto ⟦!order⟧ auf ⟦phone⟧. "
    "Sozialversicherungsnummer: ⟦svnr⟧.\n\nViele Grüße\n⟦name⟧",
    "Estimado ⟦name⟧:\n\nLe confirmamos la cita del ⟦!date⟧. Por favor traiga su DNI (⟦dni⟧) y la "
    "tarjeta sanitaria.\n\nAtentamente,\n⟦name⟧\n⟦email⟧",
    "Hola ⟦first⟧,\n\nte paso mis datos para la transferencia: titular ⟦name⟧, IBAN ⟦iban⟧, "
    "NIE ⟦nie⟧.\n\nUn abrazo",
    "Bonjour ⟦first⟧,\n\nje vous transmets mon numéro de sécurité sociale : ⟦nir⟧. Je suis né le ⟦dob⟧ "
    "à Lyon.\n\nCordialement,\n⟦name⟧\n⟦phone⟧",
    "Madame ⟦last⟧,\n\nVotre colis ⟦!order⟧ sera livré au ⟦addr⟧ demain.\n\nLe service client",
    "Gentile ⟦name⟧,\n\nle inviamo il riepilogo: codice fiscale ⟦cf⟧, nato il ⟦dob⟧, residenza "
    "⟦addr⟧.\n\nCordiali saluti\n⟦name⟧",
    "Ciao ⟦first⟧,\n\nmi mandi il tuo IBAN? Il mio è ⟦iban⟧. Il numero di ⟦first⟧ è ⟦phone⟧.\n\n⟦first⟧",
    "Hi ⟦first⟧ — forwarding ⟦xname⟧'s details for the visa letter: passport ⟦passport⟧, "
    "e-mail ⟦email⟧.\n\nCheers",
    "Hi all, notes from the 1:1 with ⟦name⟧: wants to move to the Madrid office, "
    "cell ⟦phone⟧, starts ⟦!date⟧.",
    "Dear ⟦first⟧,\n\nplease find the NHS number for ⟦name⟧ below: ⟦nhs⟧. GP surgery: ⟦addr⟧.\n\n"
    "Regards, ⟦first⟧",
    "Hi ⟦first⟧, my PAN is ⟦pan⟧ and Aadhaar ⟦aadhaar⟧ for the KYC form. Thanks, ⟦name⟧",
    "Beste ⟦first⟧,\n\nmijn BSN is ⟦bsn⟧ en mijn adres ⟦addr⟧.\n\nGroet, ⟦name⟧",
    "Grüezi ⟦first⟧, meine AHV-Nummer ist ⟦ahv⟧. Freundliche Grüsse, ⟦name⟧",
]

FORM = [
    "Name: ⟦name⟧\nE-mail: ⟦email⟧\nPhone: ⟦phone⟧\nDate of birth: ⟦dob⟧\nAddress: ⟦addr⟧",
    "Full name ........ ⟦name⟧\nSSN ............. ⟦ssn⟧\nDriver's license ⟦usdl⟧\nDOB ............. ⟦dob⟧",
    "Vorname: ⟦first⟧\nNachname: ⟦last⟧\nGeburtsdatum: ⟦dob⟧\nPersonalausweisnummer: ⟦pa⟧\n"
    "Anschrift: ⟦addr⟧",
    "Nombre y apellidos: ⟦name⟧\nDNI/NIE: ⟦dni⟧\nFecha de nacimiento: ⟦dob⟧\nTeléfono: ⟦phone⟧\n"
    "Domicilio: ⟦addr⟧",
    "Nom : ⟦last⟧\nPrénom : ⟦first⟧\nNé(e) le : ⟦dob⟧\nN° de sécurité sociale : ⟦nir⟧\nCourriel : ⟦email⟧",
    "Cognome: ⟦last⟧\nNome: ⟦first⟧\nData di nascita: ⟦dob⟧\nCodice fiscale: ⟦cf⟧\nCellulare: ⟦phone⟧",
    "Applicant: ⟦name⟧ | NI number: ⟦nino⟧ | Tel ⟦phone⟧ | Vehicle reg: ⟦plate⟧",
    "PASSPORT\nSurname/Given names: ⟦name⟧\nPassport No. ⟦passport⟧\nDate of birth ⟦dob⟧\n⟦mrz⟧",
    "Scan of my passport's bottom lines, is it readable?\n⟦mrz⟧",
    "Guest: ⟦name⟧, born ⟦dob⟧, passport ⟦passport⟧, room 214, card on file ⟦card⟧",
    "Patient: ⟦name⟧ · DOB ⟦dob⟧ · NHS ⟦nhs⟧ · Next of kin: ⟦name⟧ ⟦phone⟧",
    "Titular: ⟦name⟧ — Matrícula: ⟦plate⟧ — Póliza ⟦!order⟧ — Tel. ⟦phone⟧",
    "Conducente: ⟦name⟧, patente n. ⟦passport⟧, targa ⟦plate⟧, nato il ⟦dob⟧",
    "Employee: ⟦name⟧; PAN: ⟦pan⟧; Aadhaar: ⟦aadhaar⟧; mobile ⟦phone⟧",
    "Location of the incident: ⟦dms⟧ (reported by ⟦name⟧, ⟦phone⟧)",
    "Treffpunkt: ⟦geoh⟧ — Ansprechpartner ⟦name⟧",
]

JSON = [
    '{"user": {"id": 48213, "name": "⟦name⟧", "email": "⟦email⟧", "phone": "⟦phone⟧"}, "plan": "pro"}',
    '{\n  "customer": "⟦name⟧",\n  "iban": "⟦iban⟧",\n  "order": "⟦!order⟧",\n  "created": "⟦!ts⟧"\n}',
    '{"event": "checkin", "lat": ⟦lat⟧, "lng": ⟦lon⟧, "device": "⟦!uuid⟧", "by": "⟦email⟧"}',
    '{"latitude": "⟦lat⟧", "longitude": "⟦lon⟧", "accuracy_m": 12, "user": "⟦first⟧"}',
    '{"position": {"lat": ⟦lat⟧, "lon": ⟦lon⟧}, "driver": {"name": "⟦name⟧", "plate": "⟦plate⟧"}}',
    '{"patient": {"name": "⟦name⟧", "dob": "⟦dob⟧", "ssn": "⟦ssn⟧"}, "visit": "⟦!date⟧"}',
    '[{"nombre": "⟦name⟧", "dni": "⟦dni⟧"}, {"nombre": "⟦name⟧", "dni": "⟦nie⟧"}]',
    '{"cliente": "⟦name⟧", "codiceFiscale": "⟦cf⟧", "indirizzo": "⟦addr⟧"}',
    '{"payment": {"card": "⟦card⟧", "holder": "⟦name⟧", "exp": "09/29"}, "sku": "⟦!order⟧"}',
    '{"ip": "⟦ip⟧", "ua": "Mozilla/5.0", "email": "⟦email⟧", "commit": "⟦!sha⟧"}',
    '{"slack_webhook": "⟦hook⟧", "channel": "#alerts"}',
    '{"type": "service_account", "project_id": "shop-prod", "private_key": "⟦pem⟧", '
    '"client_email": "deployer@shop-prod.iam.gserviceaccount.com"}',
    '{"Authorization": "Bearer ⟦jwt⟧", "X-Request-Id": "⟦!uuid⟧"}',
    '{"avatar": "⟦!img⟧", "display_name": "⟦name⟧"}',
    '{"integrity": "⟦!sri⟧", "resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz"}',
    '{"geo": "⟦geouri⟧", "reporter": "⟦email⟧"}',
]

CODE = [
    'import os\n\nclient = OpenAI(api_key="⟦key⟧")\nresp = client.chat.completions.create(model="gpt-4o")',
    "import os\n\n⟦!env⟧\nclient = OpenAI(api_key=api_key)\n# why does this raise AuthenticationError?",
    "AWS_ACCESS_KEY_ID=⟦akid⟧\nAWS_SECRET_ACCESS_KEY=⟦awssecret⟧\nAWS_REGION=eu-central-1",
    "DATABASE_URL=⟦conn⟧\nDEBUG=false\nSENTRY_RELEASE=⟦!sha⟧",
    "# settings.py\nCACHES = {'default': {'LOCATION': '⟦conn⟧'}}\nSECRET_KEY = '⟦pw⟧'",
    "const hook = '⟦hook⟧';\nawait fetch(hook, {method: 'POST', body: JSON.stringify({text: msg})});",
    'requests.post("⟦hook⟧", json={"content": "deploy done"})',
    "curl -H 'Authorization: Bearer ⟦key⟧' https://api.example.com/v1/models",
    "git clone ⟦conn⟧\ncd repo && git checkout ⟦!sha⟧",
    "$ git log --oneline -3\n⟦!sha7⟧ fix flaky test\n⟦!sha7⟧ bump deps\n⟦!sha7⟧ "
    "Merge pull request #412 from ⟦lname⟧/patch-1\nwhy is the middle one not signed?",
    "commit ⟦!sha⟧\nAuthor: ⟦name⟧ <⟦email⟧>\nDate:   Tue Mar 4 10:12:44 2025 +0100\n\n    fix: handle empty cart",
    '<script src="https://cdn.example.net/lib.min.js" integrity="⟦!sri⟧" crossorigin="anonymous"></script>',
    '<img alt="logo" src="⟦!img⟧">\n<p>Contact: ⟦email⟧</p>',
    "docker pull registry.example.com/api@⟦!digest⟧\n# maintained by ⟦name⟧",
    "ssh-keygen gave me this, is it safe to paste into the ticket?\n⟦pem⟧",
    "token = '⟦jwt⟧'\npayload = jwt.decode(token, options={'verify_signature': False})",
    "export GITHUB_TOKEN=⟦key⟧\ngh pr list",
    "password = '⟦pw⟧'  # TODO move to vault\nuser = 'admin'",
    "spring.datasource.url=jdbc:postgresql://db:5432/app\nspring.datasource.password=⟦pw⟧",
    "SELECT * FROM users WHERE email = '⟦email⟧' AND created_at > '⟦!date⟧';",
    "INSERT INTO customers (name, phone, iban) VALUES ('⟦name⟧', '⟦phone⟧', '⟦iban⟧');",
    "def area(r):\n    return 3.14159 * r ** 2\n\nprint(area(2.5))  # ⟦!math⟧",
    "color: ⟦!hex⟧;\nbackground: url(⟦!img⟧);",
    "⟦!env⟧\nif not api_key:\n    raise SystemExit('set the key first')",
    "requirements: numpy==⟦!ver⟧, torch==⟦!ver⟧ — wheel sha256 ⟦!digest⟧",
    "ISBN ⟦!isbn⟧, see chapter 3; checksum md5 ⟦!digest⟧",
    "fetch('⟦!uuid⟧', {headers: {'X-Api-Key': '⟦key⟧'}})",
    "smtp:\n  host: smtp.mailgun.org\n  user: postmaster@mg.example.com\n  password: ⟦pw⟧",
    'az storage blob upload --connection-string "⟦conn⟧" -f report.pdf',
]

LOG = [
    "⟦!ts⟧ INFO  login ok user=⟦email⟧ ip=⟦ip⟧ session=⟦!sha7⟧",
    '⟦ip⟧ - - [12/Mar/2025:10:02:11 +0000] "GET ⟦!uuid⟧ HTTP/1.1" 200 512 "-" "curl/8.5.0"',
    '⟦!ts⟧ WARN  payment declined card=⟦card⟧ customer="⟦name⟧" order=⟦!order⟧',
    "Mar 12 10:02:13 web-3 sshd[2211]: Failed password for ⟦lname⟧ from ⟦ip⟧ port 51544 ssh2",
    "⟦!ts⟧ ERROR smtp send failed to=⟦email⟧ relay=⟦ip6⟧",
    "[worker-2] geofence exit device=⟦!uuid⟧ pos=⟦geo⟧",
    "⟦!ts⟧ DEBUG redis connect url=⟦conn⟧ attempt=3",
    "⟦!ts⟧ INFO build ⟦!ver⟧ deployed from ⟦!sha⟧ by ⟦name⟧",
    "audit: user ⟦name⟧ (⟦email⟧) exported 2,431 rows at ⟦!ts⟧ from ⟦ip⟧",
    "⟦!ts⟧ INFO webhook registered ⟦hook⟧",
    'traceback (most recent call last):\n  File "/srv/app/billing.py", line 88, in charge\n'
    "ValueError: invalid IBAN ⟦iban⟧ for customer ⟦name⟧",
]

CSV = [
    "name,email,phone,city\n⟦name⟧,⟦email⟧,⟦phone⟧,Berlin\n⟦name⟧,⟦email⟧,⟦phone⟧,Milano",
    "id;nombre;dni;iban\n1;⟦name⟧;⟦dni⟧;⟦iban⟧\n2;⟦name⟧;⟦nie⟧;⟦iban⟧",
    "order_id,total,placed\n⟦!order⟧,49.90,⟦!date⟧\n⟦!order⟧,12.00,⟦!date⟧",
    "sku\tean\tprice\n⟦!order⟧\t⟦!isbn⟧\t19.99",
]

MIXED = [
    "Hi! Ich schreibe dir wegen ⟦first⟧: her new number is ⟦phone⟧, y su correo ⟦email⟧.",
    "Reunión con ⟦name⟧ e ⟦name⟧ — meeting at ⟦geo⟧, tráiganse el DNI (el mío: ⟦dni⟧)",
    "Salut ⟦lname⟧! call me back at ⟦phone⟧, merci",
    "Per favore manda la fattura a ⟦name⟧, ⟦addr⟧ — thanks!",
    "FYI ⟦xname⟧ (⟦email⟧) asked for the slides; er wohnt jetzt in ⟦addr⟧",
]


GENRES: dict[str, list[str]] = {
    "chat": CHAT,
    "email": EMAIL,
    "form": FORM,
    "json": JSON,
    "code": CODE,
    "log": LOG,
    "csv": CSV,
    "mixed": MIXED,
}
