"""Short message templates per language; ``{slot}`` marks where a piece goes."""

from __future__ import annotations

import re

from .builder import Ctx, Piece, X

_SLOT = re.compile(r"\{(\w+)\}|\[\[(.+?)\]\]")


def say(c: Ctx, template: str, **pieces: Piece) -> None:
    """Add ``template`` with each ``{key}`` replaced by ``pieces[key]`` (planted/trap kept);
    ``[[word]]`` is a trap: an ordinary word that is also a given name or surname."""
    pos = 0
    for m in _SLOT.finditer(template):
        c.add(template[pos : m.start()])
        c.add(pieces[m.group(1)] if m.group(1) else X("word", m.group(2)))
        pos = m.end()
    c.add(template[pos:])


# Message lines for chats, SMS, voicemail. Keys used: phone, addr, email, name, dob, date,
# amount, order, flight, city, landmark, drug, iban, plate, idlabel, nid.
MESSAGES: dict[str, list[str]] = {
    "en": [
        "hey it's {name}, new number btw: {phone}",
        "can you send the parcel to {addr}? not the old place near {landmark}",
        "my email changed, use {email} from now on",
        "for the form they need my birthday, it's {dob}",
        "booked the table for {date}, it came to {amount} with deposit",
        "order {order} still hasn't shipped 🙄",
        "landing at 6, flight {flight} from {city}",
        "pharmacy said {drug} twice a day, I'll pick it up",
        "rent goes to {iban} from next month",
        "parked the car ({plate}) round the back",
        "ok ask {name} then, she has the keys",
        "I [[hope]] the [[bill]] isn't huge this time, [[mark]] it as paid pls",
        "we [[will]] sort it out by [[summer]], there's a [[grace]] period anyway",
        "thx {nick}!! see you later",
        "the bank wants my {idlabel} again 🙄 {nid}",
        "here you go: {idlabel} {nid}, passport is at home",
    ],
    "de": [
        "Hi, hier ist {name}, meine neue Nummer: {phone}",
        "Kannst du das Paket an {addr} schicken? Nicht mehr die alte Wohnung am {landmark}",
        "Meine Mail ist jetzt {email}",
        "Für das Formular brauchen die mein Geburtsdatum: {dob}",
        "Tisch ist für den {date} reserviert, Anzahlung {amount}",
        "Bestellung {order} ist immer noch nicht raus",
        "Lande um 18 Uhr, Flug {flight} aus {city}",
        "Apotheke meinte {drug} zweimal täglich",
        "Miete bitte ab nächstem Monat auf {iban}",
        "Auto ({plate}) steht hinten im Hof",
        "frag doch {name}, die hat den Schlüssel",
        "im [[Ernst]]? der [[Koch]] hat schon wieder frei",
        "der [[Sommer]] war zu kurz, sagt der [[Bauer]] auch",
        "die Bank will nochmal meine {idlabel}: {nid}",
    ],
    "es": [
        "hola soy {name}, mi número nuevo es {phone}",
        "¿me mandas el paquete a {addr}? ya no vivo cerca de {landmark}",
        "mi correo ahora es {email}",
        "para el formulario piden mi fecha de nacimiento: {dob}",
        "reservé para el {date}, la señal fue {amount}",
        "el pedido {order} sigue sin salir",
        "aterrizo a las 6, vuelo {flight} desde {city}",
        "en la farmacia me dijeron {drug} cada 12 horas",
        "el alquiler a partir del mes que viene a {iban}",
        "dejé el coche ({plate}) en el garaje",
        "pregúntale a {name}, tiene las llaves",
        "déjalo en [[paz]], se fue la [[luz]] otra vez",
        "el banco pide otra vez mi {idlabel}: {nid}",
    ],
    "fr": [
        "coucou c'est {name}, mon nouveau numéro : {phone}",
        "tu peux envoyer le colis au {addr} ? plus près de {landmark}",
        "mon mail maintenant c'est {email}",
        "pour le dossier il faut ma date de naissance : {dob}",
        "j'ai réservé pour le {date}, acompte de {amount}",
        "la commande {order} n'est toujours pas partie",
        "j'atterris à 18h, vol {flight} depuis {city}",
        "la pharmacienne a dit {drug} matin et soir",
        "le loyer sur {iban} à partir du mois prochain",
        "la voiture ({plate}) est garée derrière",
        "demande à {name}, elle a les clés",
        "le ciel est tout [[rose]] ce soir, on dirait une [[pierre]] de lune",
        "la banque redemande mon {idlabel} : {nid}",
    ],
    "it": [
        "ciao sono {name}, il mio nuovo numero è {phone}",
        "mi mandi il pacco a {addr}? non abito più vicino a {landmark}",
        "la mia mail adesso è {email}",
        "per il modulo serve la mia data di nascita: {dob}",
        "ho prenotato per il {date}, caparra {amount}",
        "l'ordine {order} non è ancora partito",
        "atterro alle 18, volo {flight} da {city}",
        "in farmacia hanno detto {drug} due volte al giorno",
        "l'affitto dal mese prossimo su {iban}",
        "ho parcheggiato la macchina ({plate}) dietro",
        "chiedi a {name}, ha lei le chiavi",
        "che [[gioia]]! con la [[speranza]] che duri",
        "la banca vuole di nuovo il mio {idlabel}: {nid}",
    ],
    "nl": [
        "hoi met {name}, mijn nieuwe nummer is {phone}",
        "kun je het pakket naar {addr} sturen? niet meer bij {landmark}",
        "mijn mail is nu {email}",
        "voor het formulier willen ze mijn geboortedatum: {dob}",
        "tafel geboekt voor {date}, aanbetaling {amount}",
        "bestelling {order} is nog steeds niet verzonden",
        "ik land om 6 uur, vlucht {flight} uit {city}",
        "de apotheek zei {drug} twee keer per dag",
        "huur vanaf volgende maand naar {iban}",
        "auto ({plate}) staat achter",
        "vraag het {name} maar, die heeft de sleutels",
        "die rode [[roos]] in de tuin bloeit eindelijk, {name} zei het al",
        "de bank wil weer mijn {idlabel}: {nid}",
    ],
    "pt": [
        "oi é {name}, meu número novo é {phone}",
        "pode mandar a encomenda para {addr}? já não moro perto da {landmark}",
        "o meu email agora é {email}",
        "para o formulário pedem a data de nascimento: {dob}",
        "reservei para {date}, sinal de {amount}",
        "o pedido {order} ainda não foi enviado",
        "chego às 18h, voo {flight} de {city}",
        "na farmácia disseram {drug} de 12 em 12 horas",
        "a renda a partir do mês que vem para {iban}",
        "deixei o carro ({plate}) lá atrás",
        "pergunta à {name}, ela tem as chaves",
        "o bilhete foi de [[graça]], que [[vitória]]!",
        "o banco pediu outra vez o meu {idlabel}: {nid}",
    ],
    "sv": [
        "hej det är {name}, mitt nya nummer: {phone}",
        "skicka paketet till {addr}",
        "min mejl är {email}",
        "födelsedatum: {dob}",
        "bokat till {date}, {amount}",
        "flyg {flight} från {city}",
        "hyran till {iban}",
        "fråga {name}",
        "banken vill ha mitt {idlabel}: {nid}",
    ],
    "ru": [
        "привет, это {name}, мой новый номер {phone}",
        "отправь посылку на {addr}",
        "моя почта {email}",
        "дата рождения: {dob}",
        "забронировал на {date}, {amount}",
        "рейс {flight} из {city}",
        "спроси у {name}",
        "банк просит {idlabel}: {nid}",
    ],
    "ja": [
        "{name}です。新しい番号は{phone}です",
        "荷物は{addr}に送ってください",
        "メールは{email}です",
        "生年月日は{dob}です",
        "{date}に予約しました、{amount}",
        "{city}から{flight}便で到着します",
        "{name}さんに聞いてください",
        "{idlabel}は{nid}です",
    ],
    "zh": [
        "我是{name}，新号码{phone}",
        "快递寄到{addr}",
        "我的邮箱是{email}",
        "出生日期：{dob}",
        "订了{date}，定金{amount}",
        "{flight}航班从{city}出发",
        "问一下{name}吧",
        "我的{idlabel}是{nid}",
    ],
    "ko": [
        "{name}입니다. 새 번호는 {phone}",
        "택배는 {addr}로 보내주세요",
        "메일은 {email}",
        "생년월일 {dob}",
        "{date} 예약했어요, {amount}",
        "{city}에서 {flight}편",
        "{name}에게 물어봐",
        "{idlabel} {nid}",
    ],
}


def messages(lang: str) -> list[str]:
    return MESSAGES.get(lang, MESSAGES["en"])
