# ruff: noqa: E501  (template text: long lines read as pasted)
"""Prose templates: «slot» is a personal value, «~kind» a trap (digits pick the person)."""

from __future__ import annotations

# form -> lang -> templates
PROSE: dict[str, dict[str, tuple[str, ...]]] = {
    "email": {
        "en": (
            "Hi «first2»,\n\nHope you're well! Just following up on «~order» — the parcel still hasn't "
            "arrived and the tracking («~tracking») hasn't moved since «~date». Could you send it to my "
            "new address instead?\n\n«addr»\n\nYou can reach me on «phone» if anything's unclear.\n\n"
            "Thanks,\n«name»",
            "Dear Mr «tname2»,\n\nThank you for meeting me on «~date». As discussed, I attach my bank "
            "details for the refund of «~amount»:\n\nAccount holder: «name»\nIBAN: «iban»\n\n"
            "My reference is «~ref». Please let me know once it has gone through.\n\nKind regards,\n"
            "«name»\n«email»",
            "hey «lname2»\n\nso «first3» and I are driving up on friday, should be there around «~time». "
            "if you need to call, my mobile is «phone» (the old one is dead lol). «first3»'s car is the "
            "grey one, plate «plate», so let the concierge know.\n\ncheers\n«first»",
            "Dear Hiring Team at «~brand»,\n\nPlease find my updated details below for the background check:\n\n"
            "Full name: «name»\nDate of birth: «dob»\nSSN: «ssn»\nCurrent address: «addr»\n\n"
            "I am available from «~date». My manager at «~company», «name2», is happy to act as a "
            "referee («email2»).\n\nBest,\n«first»",
            "Hello «first2»,\n\nI was charged twice for the «~brand» gift box (order «~order», «~amount» each). "
            "The card used was «card», in the name of «name». The second charge appeared on «~date». "
            "Can you reverse it?\n\nThanks in advance,\n«name»\n«phone»",
            "Hi both,\n\nQuick update from the «~city» office: «name2» starts on Monday, desk next to "
            "«first3». Her NI number is «nino» for payroll — please don't forward this. Laptop is the "
            "«~product», asset tag «~sku».\n\n«first»",
        ),
        "de": (
            "Hallo «first2»,\n\nich hoffe, es geht dir gut. Kurze Frage wegen der Nebenkostenabrechnung "
            "(«~invoice»): Die Nachzahlung von «~amount» überweise ich bis «~date». Meine neue "
            "Anschrift ist übrigens\n«addr»\n\nErreichbar bin ich unter «phone».\n\nLiebe Grüße\n«first»",
            "Sehr geehrte Frau «tname2»,\n\nanbei wie besprochen meine Daten für die Lohnabrechnung:\n\n"
            "Name: «name»\nGeburtsdatum: «dob»\nSteuer-ID: «stid»\nSozialversicherungsnummer: «svnr»\n"
            "IBAN: «iban»\n\nBei Rückfragen erreichen Sie mich unter «phone» oder «email».\n\n"
            "Mit freundlichen Grüßen\n«name»",
            "Hi «lname2», kannst du mir die Unterlagen für das Auto schicken? Kennzeichen ist «plate», "
            "Termin beim TÜV am «~date» um «~time». Und frag bitte «first3», ob die Werkstatt in der "
            "«~street» noch offen hat. Danke!! «first»",
            "Guten Tag,\n\nich habe am «~date» den «~product» bestellt (Bestellnummer «~order»), aber "
            "bisher nichts erhalten. Sendungsnummer laut Mail: «~tracking». Bitte liefern Sie an:\n\n"
            "«name»\n«addr»\n\nMit freundlichen Grüßen\n«name»\nTel. «phone»",
        ),
        "es": (
            "Hola «first2»:\n\nTe escribo por lo del alquiler. Te hago la transferencia de «~amount» antes "
            "del «~date» desde mi cuenta «iban». Mi nueva dirección es «addr».\n\nSi necesitas algo, "
            "llámame al «phone».\n\nUn abrazo,\n«first»",
            "Estimada Sra. «tname2»:\n\nLe remito mis datos para el contrato:\n\nNombre: «name»\n"
            "DNI: «dni»\nFecha de nacimiento: «dob»\nNº de la Seguridad Social: «nss»\n"
            "Domicilio: «addr»\n\nQuedo a su disposición en «email».\n\nAtentamente,\n«name»",
            "buenas «lname2»!! ya he llegado a «~city», el vuelo «~flight» salió con retraso. "
            "mañana quedamos con «first3» en la «~street» a las «~time». mi número nuevo es «phone» 😊",
            "Buenos días:\n\nEl pedido «~order» llegó roto. Adjunto fotos. Les pido que me devuelvan los "
            "«~amount» a la tarjeta «card» a nombre de «name».\n\nSaludos,\n«name»\n«phone»",
        ),
        "fr": (
            "Bonjour «first2»,\n\nJe reviens vers toi pour le dossier de location. Voici mes coordonnées :\n"
            "«addr»\n\nTu peux me joindre au «phone». Le virement de «~amount» partira avant le «~date».\n\n"
            "Bises,\n«first»",
            "Madame «tname2»,\n\nSuite à notre entretien du «~date», je vous transmets les informations "
            "demandées :\n\nNom : «name»\nNé(e) le : «dob»\nN° de sécurité sociale : «nir»\n"
            "IBAN : «iban»\n\nJe reste joignable au «phone» ou par mail à «email».\n\nCordialement,\n«name»",
            "coucou «lname2» ! on se retrouve demain à «~time» devant la gare, «first3» vient aussi. "
            "si tu te perds appelle moi au «phone» 😘 (ma voiture c'est la «plate»)",
            "Bonjour,\n\nMa commande «~order» (un «~product» à «~amount») n'est jamais arrivée. Le numéro "
            "de suivi «~tracking» indique « livré » depuis le «~date». Merci de me rembourser sur la carte "
            "«card».\n\n«name»\n«addr»",
        ),
        "it": (
            "Ciao «first2»,\n\nti mando i dati per il bonifico dell'affitto: IBAN «iban», intestato a "
            "«name». Il mio nuovo indirizzo è «addr».\n\nPer qualsiasi cosa chiamami al «phone».\n\n"
            "Un abbraccio,\n«first»",
            "Gentile Dott.ssa «tname2»,\n\ncome richiesto Le invio i miei dati:\n\nNome e cognome: «name»\n"
            "Data di nascita: «dob»\nCodice fiscale: «cf»\nResidenza: «addr»\n\nResto a disposizione al "
            "«phone» o via mail «email».\n\nCordiali saluti,\n«name»",
            "ehi «lname2» domani passo a prendere «first3» alle «~time», la macchina è la «plate». "
            "se non rispondo scrivimi su «email» ok? 🚗",
            "Buongiorno,\n\nl'ordine «~order» del «~date» non è ancora arrivato. Il tracking «~tracking» "
            "è fermo. Vi prego di spedire a:\n«name»\n«addr»\n\nGrazie,\n«name» («phone»)",
        ),
    },
    "dm": {
        "en": (
            "«wname|low» said she'd pick up «first2|low» at 6 but now she's not answering?? can u try her on «phone»",
            "lol «wname|low» just sent the pics from «~city» 📸 tell «lname2» to check the group. also «wname2|low» owes me «~amount»",
            "«lname2» did u get my msg?? «first3» says the party moved to «addr» btw. text me on "
            "«phone» when ur outside 🎉",
            "omg «first2» i just saw «name3» at the «~company» store on «~street» 😂 anyway my new email is "
            "«email», the old one got hacked. password was literally «pw» smh",
            "[14:02] «first»: can you send me the wifi password\n[14:03] «first2»: it's «pw»\n"
            "[14:03] «first»: thx. also what's «nick»'s number?\n[14:05] «first2»: «phone»",
        ),
        "de": (
            "«wname|low» und ich sind ab «~time» im Biergarten, «first2|low» kommt später. meine neue nummer: «phone» 🍻",
            "[09:12] «first»: hey, hast du die Nummer von «first2»?\n[09:13] «first3»: ja: «phone»\n"
            "[09:13] «first»: danke 🙏 und die Adresse für Samstag?\n[09:15] «first3»: «addr», 3. OG",
            "«lname2» bin um «~time» am Bahnhof, Zug «~ref» hat «~measure» Verspätung 🙄 ruf an: «phone»",
        ),
        "es": (
            "«wname|low» y yo estamos en el bar de siempre, «first2|low» llega tarde como siempre 🙄 llámame al «phone»",
            "[21:40] «first»: oye me pasas el número de «first2»?\n[21:41] «first3»: «phone»\n"
            "[21:41] «first»: gracias!! y su dirección para mandarle el regalo?\n[21:44] «first3»: «addr»",
            "«lname2» q tal!! al final «first3» se viene el sábado a «~city». mi nuevo correo: «email» 🙌",
        ),
        "fr": (
            "[18:20] «first»: tu as le numéro de «first2» ?\n[18:21] «first3»: oui «phone»\n"
            "[18:22] «first»: merci ! et son adresse pour la carte ?\n[18:25] «first3»: «addr»",
            "«lname2» t'es où ?? «first3» t'attend devant chez «~company» depuis «~time» 😅 rappelle au «phone»",
        ),
        "it": (
            "«wname|low» mi ha detto che «first2|low» arriva alle «~time», mi mandi il suo numero? il mio è «phone»",
            "[20:05] «first»: mi giri il numero di «first2»?\n[20:06] «first3»: eccolo «phone»\n"
            "[20:06] «first»: grazie! e l'indirizzo per il pacco?\n[20:09] «first3»: «addr»",
            "«lname2» sono in ritardo, il treno «~ref» è fermo a «~city» 😩 scrivimi a «email» o chiama «phone»",
        ),
    },
    "note": {
        "en": (
            "TODO before moving\n- cancel gym (member no. «emp»)\n- new address: «addr»\n- tell «first2» "
            "the code for the box\n- call landlord «name3» «phone»\n- bike lock combo 4 digits, NOT «~pct»\n"
            "- pay «~amount» deposit by «~date»",
            "Notes — call with «name2» («~date», «~time»)\n* wants quote for «~measure» of flooring\n"
            "* budget «~amount», ref «~ref»\n* email: «email2»\n* mobile: «phone»\n* site: «addr»",
        ),
        "de": (
            "Einkauf & Erledigungen\n- Rezept für «first2» abholen (Praxis Dr. «tname3»)\n- «~amount» an "
            "«name» überweisen, IBAN «iban»\n- Termin Bürgeramt «~date», Perso-Nr. «pa» mitnehmen\n"
            "- «~product» zurückschicken, Retoure «~order»",
        ),
        "es": (
            "Pendientes\n- llamar a «name2» («phone»)\n- renovar DNI («dni») antes del «~date»\n"
            "- pagar «~amount» de la luz, factura «~invoice»\n- cumple de «first3» 🎂",
        ),
        "fr": (
            "À faire\n- rappeler «name2» au «phone»\n- renvoyer le «~product» (commande «~order»)\n"
            "- RDV banque le «~date» à «~time», apporter passeport «pass»\n- anniversaire de «first3»",
        ),
        "it": (
            "Cose da fare\n- chiamare «name2» al «phone»\n- pagare «~amount» bolletta «~invoice» entro il «~date»\n"
            "- rinnovare patente «dl»\n- regalo per «first3» 🎁",
        ),
    },
    "cover_letter": {
        "en": (
            "«name»\n«addr»\n«phone» · «email»\n\n«~date»\n\nDear «name2»,\n\nI am writing to apply for the "
            "Data Analyst position (ref. «~ref») at «~company». Over the past four years at «~company» I "
            "reduced reporting time by «~pct» and led a team of three. I hold a driving licence («dl») and "
            "am happy to relocate to «~city».\n\nI would welcome the chance to discuss my application.\n\n"
            "Yours sincerely,\n«name»",
        ),
        "de": (
            "«name»\n«addr»\nTel.: «phone»\nE-Mail: «email»\n\n«~city», «~date»\n\nBewerbung als "
            "Industriekauffrau/-mann (Kennziffer «~ref»)\n\nSehr geehrter Herr «tname2»,\n\nmit großem "
            "Interesse habe ich Ihre Anzeige gelesen. Derzeit arbeite ich bei der «~company» im Einkauf "
            "und habe dort die Lieferantenkosten um «~pct» gesenkt. Geboren am «dob», bringe ich "
            "Führerschein Klasse B mit.\n\nÜber eine Einladung freue ich mich.\n\nMit freundlichen Grüßen\n"
            "«name»",
        ),
        "es": (
            "«name»\n«addr»\nTel. «phone» | «email»\n\nEstimada Sra. «tname2»:\n\nMe dirijo a ustedes para "
            "optar al puesto de enfermera (ref. «~ref»). Tengo cinco años de experiencia en «~city» y "
            "nacionalidad española (NIE anterior «nie», hoy DNI «dni»).\n\nAtentamente,\n«name»",
        ),
        "fr": (
            "«name»\n«addr»\n«phone»\n«email»\n\nObjet : candidature au poste de comptable (réf. «~ref»)\n\n"
            "Monsieur «tname2»,\n\nActuellement en poste chez «~company», je souhaite rejoindre votre "
            "équipe à «~city». Né le «dob», titulaire du permis B, je suis disponible à partir du «~date».\n\n"
            "Veuillez agréer, Monsieur, mes salutations distinguées.\n\n«name»",
        ),
        "it": (
            "«name»\n«addr»\nCell. «phone» – «email»\n\nSpett.le «~company»,\n\ncon la presente mi candido "
            "per la posizione di magazziniere (rif. «~ref»). Sono nato il «dob» e ho lavorato per sei anni "
            "a «~city». Allego il curriculum.\n\nDistinti saluti,\n«name»",
        ),
    },
    "doctor_letter": {
        "en": (
            "REFERRAL LETTER\n\nTo: Physiotherapy Dept, «~company» Clinic\nFrom: Dr «name2», GP\nDate: «~date»\n\n"
            "Patient: «name» (DOB «dob»)\nNHS number: «nhs»\nTel: «phone»\n\nMany thanks for seeing «first», a "
            "keen runner who injured her left knee on «~date». X-ray normal. Height «~measure»; please assess "
            "and treat.\n\nKind regards,\nDr «ini2»",
            "Dear Dr «tname2»,\n\nRe: «name», DOB «dob», NHS no. «nhs»\n«addr»\n\nThank you for seeing this "
            "patient, who presented on «~date» with chest pain. BP «~measure». Started on "
            "atorvastatin 20 mg. Please review in clinic.\n\nYours sincerely,\nDr «name3»\nConsultant "
            "Cardiologist, «~company» Hospital",
            "PRESCRIPTION\nPatient: «name»   DOB: «dob»\nPatient ID: «pid»\nAddress: «addr»\n\n"
            "Rx: amoxicillin 500 mg, 1 capsule 3x daily for 7 days\nRefills: 0\n\nPrescriber: Dr. «name2»\n"
            "Date: «~date»",
        ),
        "de": (
            "Sehr geehrte Frau Kollegin «tname2»,\n\nwir berichten über «name», geb. «dob», wohnhaft «addr», "
            "Versichertennr. «kvnr», die sich vom «~date» bis «~date» in unserer stationären Behandlung "
            "befand.\n\nDiagnosen: Pneumonie rechts basal. Therapie: Ampicillin/Sulbactam. Entlassung in "
            "gutem Zustand.\n\nMit kollegialen Grüßen\nDr. med. «name3»\nOberarzt",
            "Überweisung\nPatient: «lfname»\ngeb. am: «dob»\nKrankenkasse: AOK, Vers.-Nr. «kvnr»\n"
            "an: Facharzt für Orthopädie\nDiagnose: Gonarthrose li.\nDatum: «~date»\nDr. «name2»",
        ),
        "es": (
            "INFORME CLÍNICO\nPaciente: «name»\nFecha de nacimiento: «dob»\nNHC: «pid»\nTarjeta sanitaria: "
            "«hid»\n\nAcude el «~date» por dolor abdominal. Se pauta omeprazol 20 mg. Revisión en consulta.\n\n"
            "Dra. «name2»\nServicio de Digestivo",
        ),
        "fr": (
            "Cher confrère,\n\nJe vous adresse «name», né(e) le «dob», n° de sécurité sociale «nir», "
            "demeurant «addr», pour avis concernant une HTA résistante («~measure»).\n\nBien "
            "confraternellement,\nDr «name2»",
            "ORDONNANCE\nDr «name2» – médecin généraliste\n«~date»\n\n«name» («byear»)\n\nParacétamol 1 g : "
            "1 cp 3x/j pendant 5 jours\nIbuprofène 400 mg si douleur",
        ),
        "it": (
            "Gentile collega,\n\ninvio in visita «name», nato/a il «dob», C.F. «cf», residente in «addr», per "
            "controllo cardiologico. PA «~measure».\n\nCordiali saluti,\nDott. «name2»",
            "RICETTA\nAssistito: «lfname»\nCodice fiscale: «cf»\nPrescrizione: ramipril 5 mg, 1 cp/die\n"
            "Data: «~date»\nMedico: Dott.ssa «name2»",
        ),
    },
    "contract": {
        "en": (
            "TENANCY AGREEMENT\n\nThis agreement is made on «~date» between «name2» (the Landlord) and "
            "«name» (the Tenant), born «dob}, currently of «addr».\n\nThe property: «addr»\nRent: «~amount» "
            "per calendar month, payable to sort code/IBAN «iban».\nDeposit: «~amount», protected under "
            "scheme ref «~ref».\n\nSigned: ____________ «name»".replace("}", "»"),
            "EMPLOYMENT CONTRACT\n\nEmployer: «~company» Ltd\nEmployee: «name»\nEmployee ID: «emp»\n"
            "National Insurance number: «nino»\nStart date: «~date»\nSalary: «~amount» per annum\n"
            "Hours: 37.5 per week\n\nSigned «~date» by «name» and «name2» (HR)",
        ),
        "de": (
            "MIETVERTRAG\n\nzwischen «name2» (Vermieter) und «name» (Mieter), geboren am «dob», "
            "Personalausweis-Nr. «pa».\n\n§ 1 Mietsache: Wohnung in «addr», «~measure», 3. OG links.\n"
            "§ 2 Miete: «~amount» monatlich, zahlbar auf das Konto IBAN «iban».\n§ 3 Beginn: «~date».",
            "ARBEITSVERTRAG\n\nArbeitgeber: «~company» GmbH\nArbeitnehmer/in: «name», geb. «dob»\n"
            "Personalnummer: «emp»\nSteuer-ID: «stid»\nBeginn: «~date»\nVergütung: «~amount» brutto/Monat",
        ),
        "es": (
            "CONTRATO DE ARRENDAMIENTO\n\nEn «~city», a «~date»\n\nDe una parte, D./Dña. «name2», y de otra, "
            "D./Dña. «name», con DNI «dni» y domicilio en «addr».\n\nRenta: «~amount» mensuales, a ingresar "
            "en la cuenta «iban».",
            "CONTRATO DE TRABAJO\nEmpresa: «~company» S.L.\nTrabajador/a: «name»\nNIE: «nie»\nNº afiliación "
            "SS: «nss»\nFecha de inicio: «~date»\nSalario bruto anual: «~amount»",
        ),
        "fr": (
            "CONTRAT DE LOCATION\n\nEntre «name2», bailleur, et «name», locataire, né(e) le «dob».\n"
            "Logement : «addr»\nLoyer : «~amount» par mois, prélevé sur IBAN «iban».\nDate d'effet : «~date».",
            "CONTRAT DE TRAVAIL À DURÉE INDÉTERMINÉE\nEmployeur : «~company» SAS\nSalarié : «name»\n"
            "Matricule : «emp»\nN° de sécurité sociale : «nir»\nDate d'embauche : «~date»",
        ),
        "it": (
            "CONTRATTO DI LOCAZIONE\n\nTra il sig. «name2» (locatore) e «name» (conduttore), C.F. «cf}, "
            "residente in «addr».\nCanone: «~amount» mensili su IBAN «iban».\nDecorrenza: «~date».".replace(
                "}", "»"
            ),
            "CONTRATTO DI LAVORO\nDatore: «~company» S.p.A.\nLavoratore: «name», nato il «dob»\nMatricola: «emp»\n"
            "Codice fiscale: «cf»\nData assunzione: «~date»",
        ),
    },
    "payslip": {
        "en": (
            "PAYSLIP — «~company»\nPeriod: «~date»\nEmployee: «name»   Employee no: «emp»\nNI number: «nino»\n"
            "Tax code: 1257L\nGross pay «~amount»\nIncome tax «~amount»\nNet pay «~amount»\nPaid to IBAN «iban»",
            "EARNINGS STATEMENT\n«~company» Inc.\nEmployee: «name»\nSSN: «ssn»\nAddress: «addr»\nPay date: "
            "«~date»\nGross «~amount»  Federal tax «~amount»  Net «~amount»",
        ),
        "de": (
            "Verdienstabrechnung «~date»\n«~company» GmbH\nPersonal-Nr. «emp»\n«name»\n«addr»\n"
            "Geb.-Datum «dob}   SV-Nummer «svnr»\nSteuer-ID «stid»  StKl. 1\nGesamtbrutto «~amount»\n"
            "Auszahlung «~amount» an «iban»".replace("}", "»"),
        ),
        "es": (
            "NÓMINA — «~company» S.A.\nTrabajador: «name»\nDNI: «dni»  Nº SS: «nss»\nPeriodo: «~date»\n"
            "Total devengado «~amount»\nLíquido a percibir «~amount»\nIBAN: «iban»",
        ),
        "fr": (
            "BULLETIN DE PAIE\n«~company»\nSalarié : «name»  Matricule : «emp»\nN° SS : «nir»\nPériode : «~date»\n"
            "Salaire brut «~amount»\nNet à payer «~amount»\nVirement IBAN «iban»",
        ),
        "it": (
            "BUSTA PAGA — «~company» S.r.l.\nDipendente: «name»  Matricola: «emp»\nCodice fiscale: «cf»\n"
            "Periodo: «~date»\nRetribuzione lorda «~amount»\nNetto in busta «~amount»\nIBAN «iban»",
        ),
    },
    "tax_form": {
        "en": (
            "Form W-9 (draft)\n1 Name: «name»\n3 Address: «addr»\nPart I TIN\n  SSN: «ssn»\n  or ITIN: «itin»\n"
            "Signature ____  Date «~date»",
        ),
        "de": (
            "Anlage N 2025\nZeile 1: Name «last», Vorname «first»\nIdentifikationsnummer: «stid»\n"
            "Geburtsdatum: «dob»\nArbeitgeber: «~company»\nBruttoarbeitslohn: «~amount»",
        ),
        "es": (
            "Modelo 100 — borrador\nNIF: «dni»\nApellidos y nombre: «lfname»\nDomicilio: «addr»\n"
            "Rendimientos del trabajo: «~amount»\nResultado: «~amount» a devolver",
        ),
        "fr": (
            "Déclaration des revenus 2025\nDéclarant 1 : «name», né le «dob»\nNuméro fiscal : «spi»\n"
            "Adresse : «addr»\nSalaires : «~amount»",
        ),
        "it": (
            "Modello 730/2026\nContribuente: «lfname»\nCodice fiscale: «cf»\nData di nascita: «dob»\n"
            "Residenza: «addr»\nReddito di lavoro dipendente: «~amount»",
        ),
    },
    "review": {
        "en": (
            "★★☆☆☆ The «~product» died after 3 weeks. Support guy «first2» was nice but useless. Update "
            "«~date»: still waiting on RMA «~ticket». — «name», «~city»",
            "Posted by «lname» · 2h\nAnyone else get a weird call from «phone» claiming to be «~company»? "
            "They knew my name («name») and my postcode. Reported it.",
        ),
        "de": (
            "★★★★☆ Der «~product» ist super, nur die Lieferung hat gedauert (Bestellung «~order»). Danke an "
            "Frau «tname2» vom Kundenservice! – «ini» aus «~city»",
        ),
        "es": (
            "⭐⭐⭐⭐⭐ Me encanta el «~product», llegó en 2 días. Gracias a «first2» por la atención. — «name»",
        ),
        "fr": (
            "★★★★★ Très bon accueil, merci à «first2» ! Le «~product» fonctionne parfaitement. «ini», «~city»",
        ),
        "it": (
            "★★☆☆☆ Il «~product» è arrivato rotto. «first2» dell'assistenza gentile ma nessun rimborso "
            "(ordine «~order»). — «name»",
        ),
    },
    "forum": {
        "en": (
            "Re: landlord won't return deposit\n\n> «lname2» wrote:\n> just take him to small claims\n\nthanks. "
            "for context he's «name3» and the flat was «addr». deposit «~amount», moved out «~date». anyone "
            "know if «~company» can help?",
        ),
        "de": (
            "Re: Vermieter zahlt Kaution nicht zurück\n\nZitat von «lname2»: Schreib ihm einfach eine Frist.\n\n"
            "Hab ich gemacht. Er heißt «name3», Wohnung war in der «addr». Kaution «~amount», Auszug «~date».",
        ),
        "es": (
            "Re: ¿alguien conoce a este casero?\n\nSe llama «name3», piso en «addr». Nos debe «~amount"
            "» de fianza "
            "desde el «~date». Su móvil: «phone». Cuidado!!",
        ),
        "fr": (
            "Re: arnaque au loyer ?\n\nLe propriétaire s'appelle «name3», appart au «addr». Il demande «~amount» "
            "en liquide. Son numéro : «phone». Méfiez-vous.",
        ),
        "it": (
            "Re: qualcuno conosce questo idraulico?\n\nSi chiama «name3», tel. «phone». Mi ha chiesto «~amount» "
            "per un lavoro di «~measure». Via «~street», niente fattura.",
        ),
    },
    "social": {
        "en": (
            "So proud of my girl «first2» 🎓 graduated today from «~company» Academy!! Party at ours, "
            "«addr», 7pm. DM me for the gate code 💕 #proudmom",
            "Happy birthday to my best friend «name2» 🎂🥂 born «dob» and still the wildest one in «~city»!",
        ),
        "de": (
            "Alles Gute zum 30., «first2»! 🎉 Geboren am «dob» und immer noch ein Kind 😂 #geburtstag",
        ),
        "es": ("¡Feliz cumple «first2»! 🎂 «byear» fue un gran año 😄 Te quiero mucho, «nick»",),
        "fr": (
            "Joyeux anniversaire «first2» 🎉 née le «dob}, toujours aussi belle ! Bisous de «first»".replace(
                "}", "»"
            ),
        ),
        "it": (
            "Tanti auguri «first2» 🎂 nata il «dob», sempre la migliore! Festa a «addr» stasera 🎉",
        ),
    },
    "announcement": {
        "en": (
            "WEDDING ANNOUNCEMENT\nMr and Mrs «last3» are delighted to announce the marriage of their "
            "daughter «name» to «name2» on «~date» at «~street» Chapel, «~city».\nRSVP to «email» or "
            "«phone» by «~date».",
            "OBITUARY\n«name», born «dob» in «~city», passed away peacefully on «~date», aged 84. Beloved "
            "wife of the late «name2» and mother of «first3». Funeral at «~time» on «~date». Donations to "
            "«~company» Hospice.",
            "— Newsletter · «~company» —\nThis month: «~pct» off all «~product» accessories!\n\n"
            "You are receiving this email because «email» subscribed. Unsubscribe · «~company», «addr»",
        ),
        "de": (
            "TRAUERANZEIGE\nIn Liebe und Dankbarkeit nehmen wir Abschied von\n«name»\n* «dob}   † «~date»\n"
            "In stiller Trauer: «name2», «first3» und Familie\nTrauerfeier am «~date» um «~time» Uhr.".replace(
                "}", "»"
            ),
            "Wir heiraten! «first» & «first2» — am «~date» in «~city». Bitte Zusage bis «~date» an «email».",
        ),
        "es": (
            "ESQUELA\n«name»\nFalleció en «~city» el día «~date», a los 86 años.\nSus hijos «first2» y «first3» "
            "ruegan una oración por su alma. Funeral: «~date», «~time» h.",
        ),
        "fr": (
            "FAIRE-PART\n«first» et «first2» ont la joie de vous annoncer leur mariage le «~date» à «~city». "
            "Réponse souhaitée au «phone».",
        ),
        "it": (
            "NECROLOGIO\nÈ mancato all'affetto dei suoi cari\n«name»\nnato il «dob». Ne danno il triste annuncio "
            "la moglie «name2» e i figli. Funerali «~date» ore «~time».",
        ),
    },
    "support_chat": {
        "en": (
            "Chat transcript — «~company» Help\n[10:02] Bot: Hi! What's your order number?\n[10:02] Visitor: "
            "«~order»\n[10:03] Agent «first2»: Thanks! Can you confirm the email on the account?\n[10:03] "
            "Visitor: «email»\n[10:04] Agent «first2»: And the delivery address?\n[10:05] Visitor: «addr»\n"
            "[10:06] Agent «first2»: Refund of «~amount» issued, ticket «~ticket».",
        ),
        "de": (
            "Chatverlauf «~company» Kundenservice\n[14:10] Kunde: hallo, mein paket «~tracking» ist weg\n"
            "[14:11] «first2» (Support): Können Sie mir Ihren Namen und Ihre Geburtsdatum nennen?\n"
            "[14:12] Kunde: «name», «dob»\n[14:13] «first2» (Support): Danke, ich schicke Ersatz an «addr».",
        ),
        "es": (
            "Transcripción del chat\n[11:20] Cliente: hola, no me llega el pedido «~order»\n[11:21] «first2» "
            "(Atención): ¿Me confirma su teléfono?\n[11:21] Cliente: «phone»\n[11:22] «first2» (Atención): "
            "Gracias «first», le llamamos hoy.",
        ),
        "fr": (
            "Transcription du chat\n[16:40] Client : bonjour, ma carte «card» a été débitée deux fois\n"
            "[16:41] «first2» (Service client) : Pouvez-vous me donner votre nom ?\n[16:41] Client : «name»\n"
            "[16:43] «first2» (Service client) : Merci, remboursement de «~amount» en cours.",
        ),
        "it": (
            "Trascrizione chat\n[09:30] Cliente: buongiorno, devo cambiare l'indirizzo di consegna\n"
            "[09:31] «first2» (Assistenza): Mi dice il nuovo indirizzo?\n[09:32] Cliente: «addr»\n"
            "[09:33] «first2» (Assistenza): Fatto, ordine «~order» aggiornato.",
        ),
    },
}

# request wrappers: (prefix, suffix); "{}" is never used, the pasted text goes between.
REQUESTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("Can you summarise this for me?\n\n", ""),
        ("Reply politely to this, say I'll get back to them next week:\n\n", ""),
        ("fix the grammar pls\n\n", ""),
        ("", "\n\nWhat should I answer?"),
        ("Translate this into German:\n\n", ""),
        ('Make this sound more professional:\n"""\n', '\n"""'),
        ("Fill in the missing fields of this form:\n\n", ""),
        ("", ""),
    ),
    "de": (
        ("Kannst du das zusammenfassen?\n\n", ""),
        ("Bitte formuliere eine höfliche Antwort darauf:\n\n", ""),
        ("Übersetze das ins Englische:\n\n", ""),
        ("", "\n\nIst das so in Ordnung?"),
        ("", ""),
    ),
    "es": (
        ("¿Me puedes resumir esto?\n\n", ""),
        ("Responde de forma educada a este mensaje:\n\n", ""),
        ("Traduce esto al inglés:\n\n", ""),
        ("", ""),
    ),
    "fr": (
        ("Peux-tu résumer ceci ?\n\n", ""),
        ("Rédige une réponse polie à ce message :\n\n", ""),
        ("Traduis en anglais :\n\n", ""),
        ("", ""),
    ),
    "it": (
        ("Puoi riassumere questo testo?\n\n", ""),
        ("Rispondi in modo cortese a questo messaggio:\n\n", ""),
        ("Traduci in inglese:\n\n", ""),
        ("", ""),
    ),
}

# paragraphs that carry no personal value (some carry look-alikes)
FILLER: dict[str, tuple[str, ...]] = {
    "en": (
        "As you know, the last quarter was tough: revenue fell «~pct» and the «~city» warehouse "
        "closed for two weeks. We are still waiting for the auditors' report, which should come by "
        "«~date». Until then, please hold any purchase over «~amount».",
        "Also, the printer on the third floor is broken again. IT says the fix is in version "
        "«~version» of the driver, but nobody has installed it yet. If you need to print, use the "
        "one next to the kitchen.",
        "I read the report twice and I still don't get how they came up with «~math». Maybe I'm "
        "missing something, but the numbers don't add up, and the chart on page 4 contradicts the "
        "summary.",
        "The meeting got moved to «~date» at «~time» in room 2.14. Please bring your laptops; we'll go "
        "through the backlog (tickets «~ticket» to «~ticket») and decide what gets cut.",
        "We stayed at a small hotel near «~street» — lovely breakfast, tiny rooms, five minutes from "
        "the beach. The kids loved it. Next year we'll probably try somewhere further south.",
        "Quick reminder that the office is closed over the holidays. Any orders placed after "
        "«~date» will ship in January. Thanks for your patience!",
        "ok so long story short the delivery guy left it at the wrong door, then the neighbour "
        "took it in, then went on holiday. so yeah. still no parcel. this is the third time this year",
    ),
    "de": (
        "Wie besprochen liegt das Angebot bei «~amount» netto, gültig bis «~date». Die Lieferzeit "
        "beträgt derzeit etwa drei Wochen, da unser Lager in «~city» umgebaut wird.",
        "Außerdem funktioniert der Drucker im zweiten Stock schon wieder nicht. Die IT meint, "
        "Treiberversion «~version» würde helfen, aber installiert hat sie noch keiner.",
        "Das Treffen wurde auf den «~date» um «~time» verschoben. Bitte bringt eure Laptops mit, wir "
        "gehen die offenen Tickets durch und entscheiden, was wir streichen.",
        "Wir waren in einem kleinen Hotel in der Nähe der «~street», super Frühstück, winzige "
        "Zimmer. Den Kindern hat es gefallen, nächstes Jahr vielleicht wieder.",
        "kurz gesagt: der Paketbote hat es beim falschen Nachbarn abgegeben, der ist jetzt im Urlaub. "
        "also immer noch kein Paket. das dritte Mal dieses Jahr!!",
    ),
    "es": (
        "Como te comenté, el presupuesto es de «~amount» más IVA, válido hasta el «~date». El plazo de "
        "entrega es de unas tres semanas porque el almacén de «~city» está en obras.",
        "Además, la impresora de la segunda planta vuelve a fallar. Los de informática dicen que se "
        "arregla con la versión «~version» del driver, pero nadie la ha instalado.",
        "La reunión se ha movido al «~date» a las «~time». Traed los portátiles, vamos a revisar los "
        "tickets pendientes y decidir qué se queda fuera.",
        "Estuvimos en un hotel pequeño cerca de la «~street», desayuno buenísimo y habitaciones "
        "minúsculas. A los niños les encantó.",
        "resumiendo: el repartidor lo dejó en la puerta equivocada y el vecino se ha ido de vacaciones. "
        "o sea que sigo sin paquete. tercera vez este año",
    ),
    "fr": (
        "Comme convenu, le devis s'élève à «~amount» HT, valable jusqu'au «~date». Le délai de "
        "livraison est d'environ trois semaines, l'entrepôt de «~city» étant en travaux.",
        "Par ailleurs, l'imprimante du deuxième étage est encore en panne. Le service informatique "
        "parle de la version «~version» du pilote, mais personne ne l'a installée.",
        "La réunion est décalée au «~date» à «~time». Apportez vos ordinateurs, on passera en revue "
        "les tickets ouverts et on décidera de ce qu'on abandonne.",
        "Nous avons logé dans un petit hôtel près de la «~street» : petit-déjeuner excellent, "
        "chambres minuscules. Les enfants ont adoré.",
        "bref le livreur l'a déposé chez le mauvais voisin, qui est parti en vacances. donc toujours "
        "pas de colis. troisième fois cette année",
    ),
    "it": (
        "Come d'accordo, il preventivo è di «~amount» più IVA, valido fino al «~date». I tempi di "
        "consegna sono di circa tre settimane perché il magazzino di «~city» è in ristrutturazione.",
        "Inoltre la stampante al secondo piano è di nuovo guasta. L'IT dice che serve la versione "
        "«~version» del driver, ma nessuno l'ha installata.",
        "La riunione è spostata al «~date» alle «~time». Portate i portatili, rivediamo i ticket "
        "aperti e decidiamo cosa tagliare.",
        "Siamo stati in un piccolo albergo vicino a «~street», colazione ottima, camere minuscole. "
        "Ai bambini è piaciuto tantissimo.",
        "insomma il corriere l'ha lasciato al vicino sbagliato che adesso è in vacanza. quindi ancora "
        "niente pacco. terza volta quest'anno",
    ),
}

# sentences with a password or account detail after a password word
SECRETS_PROSE: dict[str, tuple[str, ...]] = {
    "en": (
        "The wifi password is «pw» and the router admin is on «ip».",
        "Login for the shared account: «email» / password: «pw»",
        "Here's the API key they gave us: «key» — is it safe to put in the frontend?",
    ),
    "de": (
        "Das WLAN-Passwort ist «pw», der Router hat die «ip».",
        "Zugang fürs Portal: Benutzer «email», Passwort: «pw»",
    ),
    "es": (
        "La contraseña del wifi es «pw» y el router está en «ip».",
        "Acceso a la web: usuario «email», contraseña: «pw»",
    ),
    "fr": (
        "Le mot de passe du wifi : «pw» (la box est en «ip»).",
        "Identifiants du compte : «email» / mot de passe : «pw»",
    ),
    "it": (
        "La password del wifi è «pw», il router è su «ip».",
        "Credenziali del portale: utente «email», password: «pw»",
    ),
}

# requests wrapped around machine-shaped pastes
TECH_REQUESTS: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (
        ("What does this error mean and how do I fix it?\n\n", ""),
        ("Can you explain what's going on here?\n\n", ""),
        ("fix my code pls, it doesn't work\n\n", ""),
        ("Convert this to a markdown table:\n\n", ""),
        ("", "\n\nwhy is this failing??"),
        ("Write a regex that pulls the emails out of this:\n\n", ""),
        ("", ""),
    ),
    "de": (
        ("Was bedeutet dieser Fehler und wie behebe ich ihn?\n\n", ""),
        ("kannst du mir das erklären?\n\n", ""),
        ("", "\n\nWarum funktioniert das nicht?"),
        ("", ""),
    ),
    "es": (
        ("¿Qué significa este error y cómo lo arreglo?\n\n", ""),
        ("Explícame qué pasa aquí:\n\n", ""),
        ("", "\n\n¿por qué falla esto?"),
        ("", ""),
    ),
    "fr": (
        ("Que veut dire cette erreur et comment la corriger ?\n\n", ""),
        ("Tu peux m'expliquer ce que ça fait ?\n\n", ""),
        ("", "\n\npourquoi ça plante ?"),
        ("", ""),
    ),
    "it": (
        ("Cosa significa questo errore e come lo risolvo?\n\n", ""),
        ("Mi spieghi cosa succede qui?\n\n", ""),
        ("", "\n\nperché non funziona?"),
        ("", ""),
    ),
}

# identity paperwork pasted for "fill in this form" / "check this" requests
PROSE["id_form"] = {
    "en": (
        "APPLICATION FOR A RESIDENT PARKING PERMIT\nSurname: «last»\nForename(s): «first»\n"
        "Date of birth: «dob»\nNational Insurance number: «nino»\nNHS number (if known): «nhs»\n"
        "Driving licence number: «dl»\nVehicle registration: «plate»\nAddress: «addr»\n"
        "Daytime phone: «phone»\nEmail: «email»\nFee: «~amount» (ref «~ref»)",
        "NEW HIRE ONBOARDING — I-9 / W-4 details\nLegal name: «name»\nDOB: «dob»\nSSN: «ssn»\n"
        "Driver's license #: «dl» (state of issue: OR)\nPassport no.: «pass»\nHome address: «addr»\n"
        "Cell: «phone»\nEmergency contact: «name2», «phone2»\nStart date: «~date»",
    ),
    "de": (
        "Anmeldung zur Kfz-Zulassung\nName, Vorname: «lfname»\nGeburtsdatum: «dob»\n"
        "Personalausweisnummer: «pa»\nReisepassnummer: «pass»\nFührerscheinnummer: «dl»\n"
        "Steuerliche Identifikationsnummer: «stid»\nKrankenversichertennummer: «kvnr»\n"
        "Rentenversicherungsnummer: «svnr»\nWunschkennzeichen: «plate»\nAnschrift: «addr»\n"
        "Telefon: «phone»\nGebühr: «~amount», Vorgang «~ref»",
    ),
    "es": (
        "SOLICITUD DE EMPADRONAMIENTO\nApellidos: «last»\nNombre: «first»\nFecha de nacimiento: «dob»\n"
        "DNI/NIE: «nie»\nPasaporte: «pass»\nNº de afiliación a la Seguridad Social: «nss»\n"
        "Permiso de conducir: «dl»\nMatrícula del vehículo: «plate»\nDomicilio: «addr»\n"
        "Teléfono: «phone»\nCorreo: «email»\nExpediente: «~ref»",
        "Ficha de inscripción — gimnasio\nNombre y apellidos: «name»\nDNI: «dni»\nFecha de nac.: «dob»\n"
        "Tarjeta sanitaria: «hid»\nIBAN para la cuota: «iban»\nCuota: «~amount»/mes",
    ),
    "fr": (
        "DEMANDE DE CARTE DE STATIONNEMENT RÉSIDENT\nNom : «last»\nPrénom(s) : «first»\nNé(e) le : «dob»\n"
        "N° de sécurité sociale : «nir»\nN° de passeport : «pass»\nN° de permis de conduire : «dl»\n"
        "Immatriculation : «plate»\nAdresse : «addr»\nTéléphone : «phone»\nCourriel : «email»\n"
        "Montant : «~amount» — dossier «~ref»",
    ),
    "it": (
        "DOMANDA DI PERMESSO ZTL\nCognome: «last»\nNome: «first»\nData di nascita: «dob»\n"
        "Codice fiscale: «cf»\nN. passaporto: «pass»\nN. patente: «dl»\nTarga: «plate»\n"
        "Tessera sanitaria: «hid»\nResidenza: «addr»\nCellulare: «phone»\nEmail: «email»\n"
        "Importo: «~amount» — pratica «~ref»",
    ),
}
