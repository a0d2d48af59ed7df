"""Generators of personal values (and secrets) per country, written for this corpus.

Every identifier with a check digit in its real format gets a valid one (see
``checks``). Values that encode a birth date take it from the ``Person``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random

from . import checks as ck
from .people import FAMILY_FIRST_NOSPACE, FAMILY_FIRST_SPACE, NAMES, NICKNAMES, ROMAN

DIG = string.digits
UP = string.ascii_uppercase
LOW = string.ascii_lowercase
ALNUM = string.ascii_letters + string.digits
B64URL = ALNUM + "-_"
HEX = "0123456789abcdef"


def rs(rng: Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def pattern(rng: Random, pat: str) -> str:
    """``#`` digit, ``N`` digit 2-9, ``@`` upper letter, ``%`` lower letter; others literal."""
    out = []
    for ch in pat:
        if ch == "#":
            out.append(rng.choice(DIG))
        elif ch == "N":
            out.append(rng.choice("23456789"))
        elif ch == "@":
            out.append(rng.choice(UP))
        elif ch == "%":
            out.append(rng.choice(LOW))
        else:
            out.append(ch)
    return "".join(out)


# --- locales ---------------------------------------------------------------------------

LOCALE_COUNTRIES: dict[str, list[str]] = {
    "en": ["US", "US", "US", "GB", "GB", "CA", "AU", "IE", "ZA", "IN"],
    "de": ["DE", "DE", "DE", "AT", "CH"],
    "es": ["ES", "ES", "MX", "CL"],
    "fr": ["FR", "FR", "FR", "BE"],
    "it": ["IT"],
    "nl": ["NL", "NL", "NL", "BE"],
    "pt": ["PT", "BR", "BR"],
    "sv": ["SE"],
    "da": ["DK"],
    "no": ["NO"],
    "fi": ["FI"],
    "cs": ["CZ"],
    "ro": ["RO"],
    "el": ["GR"],
    "ru": ["RU"],
    "uk": ["UA"],
    "ja": ["JP"],
    "ko": ["KR"],
    "zh": ["CN"],
    "hi": ["IN"],
    "ar": ["AE", "SA"],
    "he": ["IL"],
    "vi": ["VN"],
    "id": ["ID"],
}
NON_LATIN = {"el", "ru", "uk", "ja", "ko", "zh", "hi", "ar", "he"}

MONTHS: dict[str, list[str]] = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    "sv": [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "da": [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "no": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "fi": [
        "tammikuuta",
        "helmikuuta",
        "maaliskuuta",
        "huhtikuuta",
        "toukokuuta",
        "kesäkuuta",
        "heinäkuuta",
        "elokuuta",
        "syyskuuta",
        "lokakuuta",
        "marraskuuta",
        "joulukuuta",
    ],
    "cs": [
        "ledna",
        "února",
        "března",
        "dubna",
        "května",
        "června",
        "července",
        "srpna",
        "září",
        "října",
        "listopadu",
        "prosince",
    ],
    "ro": [
        "ianuarie",
        "februarie",
        "martie",
        "aprilie",
        "mai",
        "iunie",
        "iulie",
        "august",
        "septembrie",
        "octombrie",
        "noiembrie",
        "decembrie",
    ],
    "el": [
        "Ιανουαρίου",
        "Φεβρουαρίου",
        "Μαρτίου",
        "Απριλίου",
        "Μαΐου",
        "Ιουνίου",
        "Ιουλίου",
        "Αυγούστου",
        "Σεπτεμβρίου",
        "Οκτωβρίου",
        "Νοεμβρίου",
        "Δεκεμβρίου",
    ],
    "ru": [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    "uk": [
        "січня",
        "лютого",
        "березня",
        "квітня",
        "травня",
        "червня",
        "липня",
        "серпня",
        "вересня",
        "жовтня",
        "листопада",
        "грудня",
    ],
    "vi": [f"tháng {i}" for i in range(1, 13)],
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
}

_TRANSLIT = str.maketrans(
    {
        "ä": "ae",
        "ö": "oe",
        "ü": "ue",
        "ß": "ss",
        "å": "aa",
        "ø": "oe",
        "æ": "ae",
        "é": "e",
        "è": "e",
        "ê": "e",
        "ë": "e",
        "á": "a",
        "à": "a",
        "â": "a",
        "ã": "a",
        "í": "i",
        "ï": "i",
        "î": "i",
        "ó": "o",
        "ò": "o",
        "ô": "o",
        "õ": "o",
        "ú": "u",
        "ù": "u",
        "û": "u",
        "ñ": "n",
        "ç": "c",
        "ý": "y",
        "č": "c",
        "ř": "r",
        "š": "s",
        "ž": "z",
        "ť": "t",
        "ď": "d",
        "ň": "n",
        "ě": "e",
        "ů": "u",
        "ș": "s",
        "ț": "t",
        "ă": "a",
        "ı": "i",
        "ğ": "g",
        "ş": "s",
        "ư": "u",
        "ơ": "o",
        "đ": "d",
        "ạ": "a",
        "ả": "a",
        "ấ": "a",
        "ầ": "a",
        "ẩ": "a",
        "ậ": "a",
        "ắ": "a",
        "ằ": "a",
        "ặ": "a",
        "ẻ": "e",
        "ẽ": "e",
        "ế": "e",
        "ề": "e",
        "ể": "e",
        "ệ": "e",
        "ỉ": "i",
        "ị": "i",
        "ọ": "o",
        "ỏ": "o",
        "ố": "o",
        "ồ": "o",
        "ổ": "o",
        "ỗ": "o",
        "ộ": "o",
        "ớ": "o",
        "ờ": "o",
        "ở": "o",
        "ợ": "o",
        "ụ": "u",
        "ủ": "u",
        "ứ": "u",
        "ừ": "u",
        "ử": "u",
        "ữ": "u",
        "ự": "u",
        "ỳ": "y",
        "ỹ": "y",
        "ỷ": "y",
        "'": "",
        " ": "",
        "-": "",
    }
)


def ascii_slug(s: str) -> str:
    return s.lower().translate(_TRANSLIT)


# --- people ------------------------------------------------------------------------------


@dataclass
class Person:
    locale: str
    country: str
    given: str
    family: str
    sex: str  # "M" / "F"
    birth: dt.date
    roman_given: str
    roman_family: str
    extras: dict[str, str] = field(default_factory=dict)

    @property
    def native_order(self) -> str:
        if self.locale in FAMILY_FIRST_NOSPACE:
            return self.family + self.given
        if self.locale in FAMILY_FIRST_SPACE:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"

    @property
    def roman(self) -> str:
        return f"{self.roman_given} {self.roman_family}"

    def variant(self, rng: Random, kind: str = "") -> str:
        """A way a person's name is written (no title)."""
        kinds = ["full", "full", "full", "caps", "inverted", "initial", "lower", "roman"]
        k = kind or rng.choice(kinds)
        g, f = self.given, self.family
        if self.locale in NON_LATIN and k in ("caps", "inverted", "initial", "lower"):
            k = rng.choice(["full", "roman", f"roman_{k}"])
        if k == "full":
            return self.native_order
        if k == "caps":
            return f"{f.upper()} {g.upper()}" if rng.random() < 0.5 else f"{f.upper()}, {g}"
        if k == "inverted":
            return f"{f}, {g}"
        if k == "initial":
            return f"{g[0]}. {f}"
        if k == "lower":
            return f"{g.lower()} {f.lower()}"
        if k == "given":
            return g
        if k == "family":
            return f
        if k == "initials":
            if self.locale in NON_LATIN:
                g, f = self.roman_given, self.roman_family
            parts = [p for p in (g + " " + f).replace("-", " ").split() if p[:1].isupper()]
            return "".join(p[0] for p in parts)[:3]
        if k == "roman":
            return self.roman
        if k == "roman_caps":
            return f"{self.roman_family.upper()} {self.roman_given.upper()}"
        if k == "roman_inverted":
            return f"{self.roman_family}, {self.roman_given}"
        if k == "roman_initial":
            return f"{self.roman_given[0]}. {self.roman_family}"
        if k == "roman_lower":
            return self.roman.lower()
        raise ValueError(k)

    def latin(self) -> tuple[str, str]:
        """Given and family in Latin letters (for emails, git, handles)."""
        return self.roman_given, self.roman_family


def make_person(rng: Random, locale: str, country: str = "") -> Person:
    givens, families = NAMES[locale]
    i, j = rng.randrange(len(givens)), rng.randrange(len(families))
    g, f = givens[i], families[j]
    if locale in ROMAN:
        rg_list, rf_list = ROMAN[locale]
        rg, rf = rg_list[i % len(rg_list)], rf_list[j % len(rf_list)]
        if locale in ("ja", "ko", "zh", "hi", "ar", "he", "ru", "uk", "el"):
            # keep the romanisation aligned with the native name where lists align
            rg = rg_list[i] if i < len(rg_list) else rg_list[i % len(rg_list)]
    else:
        rg, rf = g, f
    year = rng.randint(1941, 2007)
    birth = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    return Person(
        locale=locale,
        country=country or rng.choice(LOCALE_COUNTRIES[locale]),
        given=g,
        family=f,
        sex=rng.choice("MF"),
        birth=birth,
        roman_given=rg,
        roman_family=rf,
    )


def nickname(rng: Random) -> str:
    return rng.choice(NICKNAMES)


# --- dates of birth ------------------------------------------------------------------------


def dob(rng: Random, p: Person, lang: str) -> str:
    d = p.birth
    dd, mm, yy = d.day, d.month, d.year
    opts: list[str] = [f"{yy}-{mm:02d}-{dd:02d}"]
    if lang == "en":
        m = MONTHS["en"][mm - 1]
        if p.country in ("US",):
            opts += [f"{mm:02d}/{dd:02d}/{yy}", f"{m} {dd}, {yy}", f"{mm}/{dd}/{yy % 100:02d}"]
        else:
            opts += [f"{dd:02d}/{mm:02d}/{yy}", f"{dd} {m} {yy}", f"{dd}-{m[:3]}-{yy}"]
    elif lang in ("de", "cs", "fi", "no", "da", "ru", "uk", "ro"):
        months = MONTHS.get(lang, MONTHS["en"])
        opts += [f"{dd:02d}.{mm:02d}.{yy}", f"{dd}.{mm}.{yy}"]
        if lang == "de":
            opts.append(f"{dd}. {months[mm - 1]} {yy}")
        elif lang in ("ru", "uk"):
            opts.append(
                f"{dd} {months[mm - 1]} {yy} г."
                if lang == "ru"
                else f"{dd} {months[mm - 1]} {yy} р."
            )
        elif lang in ("fi",):
            opts.append(f"{dd}. {months[mm - 1]} {yy}")
        else:
            opts.append(
                f"{dd}. {months[mm - 1]} {yy}" if lang != "ro" else f"{dd} {months[mm - 1]} {yy}"
            )
    elif lang in ("es", "pt"):
        opts += [
            f"{dd:02d}/{mm:02d}/{yy}",
            f"{dd} de {MONTHS[lang][mm - 1]} de {yy}",
            f"{dd:02d}-{mm:02d}-{yy}",
        ]
    elif lang in ("fr", "it", "nl", "sv", "id", "el"):
        opts += [f"{dd:02d}/{mm:02d}/{yy}", f"{dd} {MONTHS[lang][mm - 1]} {yy}"]
        if lang == "nl":
            opts.append(f"{dd:02d}-{mm:02d}-{yy}")
        if lang == "sv":
            opts.append(f"{yy}{mm:02d}{dd:02d}"[2:])
    elif lang in ("ja", "zh"):
        opts += [f"{yy}年{mm}月{dd}日", f"{yy}/{mm:02d}/{dd:02d}"]
        if lang == "ja":
            era_year = yy - 1988 if yy >= 1989 else yy - 1925
            era = "平成" if yy >= 1989 else "昭和"
            opts.append(f"{era}{era_year}年{mm}月{dd}日")
    elif lang == "ko":
        opts += [f"{yy}년 {mm}월 {dd}일", f"{yy}.{mm:02d}.{dd:02d}."]
    elif lang == "vi":
        opts += [f"{dd:02d}/{mm:02d}/{yy}", f"ngày {dd} {MONTHS['vi'][mm - 1]} năm {yy}"]
    elif lang == "ar":
        east = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
        opts += [f"{dd:02d}/{mm:02d}/{yy}", f"{dd:02d}/{mm:02d}/{yy}".translate(east)]
    else:
        opts += [f"{dd:02d}/{mm:02d}/{yy}", f"{dd:02d}.{mm:02d}.{yy}"]
    return rng.choice(opts)


def hl7_date(d: dt.date) -> str:
    return f"{d.year}{d.month:02d}{d.day:02d}"


# --- phones --------------------------------------------------------------------------------

PHONES: dict[str, list[str]] = {
    "US": [
        "(N##) N##-####",
        "N##-N##-####",
        "N##.N##.####",
        "+1 N## N## ####",
        "+1-N##-N##-####",
        "1 (N##) N##-####",
    ],
    "CA": ["(416) N##-####", "604-N##-####", "+1 514 N## ####", "(613) N##-####"],
    "GB": [
        "020 7### ####",
        "+44 20 7### ####",
        "07### ######",
        "+44 7### ######",
        "(0161) N## ####",
        "0113 N## ####",
    ],
    "IE": ["01 N## ####", "+353 1 N## ####", "08# ### ####", "+353 8# ### ####"],
    "AU": ["(02) 9### ####", "+61 2 9### ####", "04## ### ###", "+61 4## ### ###"],
    "ZA": ["021 N## ####", "+27 21 N## ####", "08# ### ####", "+27 8# ### ####"],
    "IN": ["+91 9#### #####", "09#### #####", "022 2### ####", "+91-80-2###-####"],
    "DE": [
        "030 N#######",
        "+49 30 N#######",
        "0171 #######",
        "+49 (0)151 ### ####",
        "089/N######",
        "0221 / ## ## ##",
        "+49 40 N### ###",
    ],
    "AT": ["+43 1 N######", "0664 #######", "+43 664 ### ####", "01/N## ## ##"],
    "CH": ["+41 44 N## ## ##", "044 N## ## ##", "079 ### ## ##", "+41 79 ### ## ##"],
    "ES": ["91# ### ###", "+34 6## ### ###", "+34 91 ### ## ##", "6## ## ## ##"],
    "MX": ["+52 55 #### ####", "55 #### ####", "(33) ####-####", "+52 1 81 #### ####"],
    "CL": ["+56 9 #### ####", "(2) 2### ####", "+56 2 2### ####"],
    "FR": [
        "01 ## ## ## ##",
        "+33 1 ## ## ## ##",
        "06.##.##.##.##",
        "+33 (0)6 ## ## ## ##",
        "07 ## ## ## ##",
    ],
    "BE": ["+32 2 N## ## ##", "0470 ## ## ##", "+32 47# ## ## ##", "02/N## ## ##"],
    "IT": ["06 #### ####", "+39 02 #### ####", "33# ### ####", "+39 34# ### ####"],
    "NL": ["020 N## ####", "+31 20 N## ####", "06-########", "+31 6 ########", "010-N######"],
    "PT": ["+351 91# ### ###", "21# ### ###", "91# ### ###", "+351 21# ### ###"],
    "BR": ["(11) 9####-####", "+55 11 9####-####", "(21) 2###-####", "+55 (31) 9#### ####"],
    "SE": ["08-N## ### ##", "+46 8 N## ### ##", "070-### ## ##", "+46 70 ### ## ##"],
    "DK": ["+45 ## ## ## ##", "## ## ## ##", "+45 ########"],
    "NO": ["+47 9## ## ###", "22 ## ## ##", "9## ## ###", "+47 22 ## ## ##"],
    "FI": ["+358 40 ### ####", "040 ### ####", "09 #### ####", "+358 9 #### ####"],
    "CZ": ["+420 60# ### ###", "60# ### ###", "+420 2## ### ###"],
    "RO": ["+40 72# ### ###", "072# ### ###", "021 N## ####", "+40 21 N## ####"],
    "GR": ["+30 210 ### ####", "69# ### ####", "+30 69# ### ####", "210 ## ## ###"],
    "RU": ["+7 (495) ###-##-##", "8 (916) ###-##-##", "+7 9## ### ## ##", "8-800-###-##-##"],
    "UA": ["+380 44 ### ####", "+380 (67) ###-##-##", "067 ### ## ##", "+38 (050) ###-##-##"],
    "JP": ["03-####-####", "+81 3-####-####", "090-####-####", "+81 90 #### ####", "06-####-####"],
    "KR": ["010-####-####", "+82 10-####-####", "02-###-####", "+82 2 #### ####"],
    "CN": [
        "13# #### ####",
        "+86 13# #### ####",
        "010-#### ####",
        "+86 (21) ####-####",
        "15#########",
    ],
    "AE": ["+971 50 ### ####", "050 ### ####", "04 ### ####", "+971 4 ### ####"],
    "SA": ["+966 5# ### ####", "05# ### ####", "+966 11 ### ####"],
    "IL": ["+972 52-###-####", "052-###-####", "03-###-####", "+972 3 ### ####"],
    "VN": ["+84 9## ### ###", "09## ### ###", "028 38## ####", "+84 28 38## ####"],
    "ID": ["+62 812-####-####", "0812 #### ####", "(021) ####-####", "+62 21 #### ####"],
}
EXTENSIONS = {
    "en": " ext. ##",
    "de": "-##",
    "fr": " poste ##",
    "es": " ext. ##",
    "it": " int. ##",
    "nl": " toestel ##",
    "pt": " ramal ##",
}


def phone(rng: Random, country: str, lang: str = "en") -> str:
    num = pattern(rng, rng.choice(PHONES[country]))
    if lang in EXTENSIONS and rng.random() < 0.08:
        num += pattern(rng, EXTENSIONS[lang])
    return num


# --- addresses -----------------------------------------------------------------------------

STREETS: dict[str, list[str]] = {
    "US": [
        "Maple Ridge Dr",
        "W 34th St",
        "Sunset Blvd",
        "Elm Street",
        "N Lincoln Ave",
        "Peachtree Rd NE",
        "Oak Hollow Ln",
    ],
    "CA": ["Queen St W", "Rue Sainte-Catherine O", "Bloor St E", "Robson St"],
    "GB": ["Kingsley Road", "Hawthorn Close", "Albion Street", "Victoria Terrace", "Mill Lane"],
    "IE": ["Rathgar Avenue", "Griffith Road", "Main Street", "Sandymount Green"],
    "AU": ["Bondi Road", "Chapel St", "Brunswick Street", "Hay St"],
    "ZA": ["Jan Smuts Avenue", "Long Street", "Florida Road", "Main Road"],
    "IN": [
        "14th Cross, Indiranagar",
        "Linking Road, Bandra West",
        "MG Road",
        "Sector 21, Gurugram",
    ],
    "DE": [
        "Lindenstraße",
        "Am Kupfergraben",
        "Schönhauser Allee",
        "Hauptstr.",
        "Ludwigstraße",
        "Bahnhofstraße",
        "Im Grünen Winkel",
    ],
    "AT": ["Mariahilfer Straße", "Getreidegasse", "Landstraßer Hauptstraße"],
    "CH": ["Bahnhofstrasse", "Rue du Rhône", "Spitalgasse", "Seefeldstrasse"],
    "ES": [
        "Calle de Alcalá",
        "Carrer de Mallorca",
        "Avenida de la Constitución",
        "Calle Mayor",
        "Paseo de Gracia",
    ],
    "MX": ["Av. Insurgentes Sur", "Calle Durango", "Av. Chapultepec", "Calle Morelos"],
    "CL": ["Av. Providencia", "Calle Huérfanos", "Av. Apoquindo"],
    "FR": [
        "rue des Lilas",
        "avenue Jean Jaurès",
        "boulevard Voltaire",
        "allée des Tilleuls",
        "rue du Faubourg Saint-Antoine",
        "chemin des Vignes",
    ],
    "BE": ["Rue de la Loi", "Kerkstraat", "Avenue Louise", "Meir"],
    "IT": [
        "Via Giuseppe Garibaldi",
        "Corso Vittorio Emanuele II",
        "Via dei Mille",
        "Piazza della Repubblica",
        "Viale Monza",
    ],
    "NL": [
        "Prinsengracht",
        "Kerkstraat",
        "Oudegracht",
        "Laan van Meerdervoort",
        "Burgemeester de Withstraat",
    ],
    "PT": ["Rua Augusta", "Avenida da Liberdade", "Rua de Santa Catarina", "Travessa do Carmo"],
    "BR": ["Rua das Laranjeiras", "Av. Paulista", "Rua Oscar Freire", "Av. Afonso Pena"],
    "SE": ["Storgatan", "Drottninggatan", "Kungsgatan", "Vasagatan"],
    "DK": ["Nørrebrogade", "Vesterbrogade", "Strandvejen", "Søndergade"],
    "NO": ["Karl Johans gate", "Thorvald Meyers gate", "Storgata", "Bygdøy allé"],
    "FI": ["Mannerheimintie", "Hämeenkatu", "Aleksanterinkatu", "Kauppakatu"],
    "CZ": ["Vinohradská", "Národní", "Masarykova", "Husova"],
    "RO": ["Str. Mihai Eminescu", "Bd. Unirii", "Calea Victoriei", "Str. Avram Iancu"],
    "GR": ["Οδός Ερμού", "Λεωφόρος Κηφισίας", "Οδός Αθηνάς", "Ermou"],
    "RU": ["ул. Тверская", "Невский пр.", "ул. Ленина", "ул. Арбат"],
    "UA": ["вул. Хрещатик", "вул. Шевченка", "просп. Перемоги", "вул. Франка"],
    "JP": ["渋谷区渋谷", "新宿区西新宿", "港区六本木", "大阪市北区梅田"],
    "KR": ["강남구 테헤란로", "마포구 월드컵북로", "종로구 세종대로"],
    "CN": ["朝阳区建国路", "浦东新区世纪大道", "天河区天河路", "海淀区中关村大街"],
    "AE": ["Sheikh Zayed Road", "Al Wasl Road", "Marina Walk"],
    "SA": ["King Fahd Road", "طريق الملك فهد", "Olaya Street"],
    "IL": ["רחוב הרצל", "שדרות רוטשילד", "Herzl St", "Dizengoff St"],
    "VN": ["Đường Cầu Giấy", "Đường Lê Lợi", "Phố Huế", "Đường Nguyễn Trãi"],
    "ID": ["Jl. Sudirman", "Jl. Gatot Subroto", "Jl. Malioboro", "Jl. Diponegoro"],
}

CITIES: dict[str, list[str]] = {
    "US": ["Columbus, OH", "Austin, TX", "Portland, OR", "Brooklyn, NY", "Denver, CO"],
    "CA": ["Toronto, ON", "Montréal, QC", "Vancouver, BC", "Ottawa, ON"],
    "GB": ["Leeds", "Manchester", "Bristol", "London", "Glasgow"],
    "IE": ["Dublin 6", "Cork", "Galway"],
    "AU": ["Bondi NSW", "Fitzroy VIC", "Perth WA"],
    "ZA": ["Johannesburg", "Cape Town", "Durban"],
    "IN": ["Bengaluru", "Mumbai", "Gurugram", "Pune"],
    "DE": ["Berlin", "München", "Köln", "Hamburg", "Leipzig", "Frankfurt am Main"],
    "AT": ["Wien", "Salzburg", "Graz"],
    "CH": ["Zürich", "Genève", "Bern", "Basel"],
    "ES": ["Madrid", "Barcelona", "Sevilla", "Valencia", "Bilbao"],
    "MX": ["Ciudad de México, CDMX", "Guadalajara, Jal.", "Monterrey, N.L."],
    "CL": ["Santiago", "Valparaíso", "Concepción"],
    "FR": ["Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes"],
    "BE": ["Bruxelles", "Antwerpen", "Gent", "Liège"],
    "IT": ["Milano MI", "Roma RM", "Napoli NA", "Torino TO", "Bologna BO"],
    "NL": ["Amsterdam", "Utrecht", "Rotterdam", "Den Haag", "Groningen"],
    "PT": ["Lisboa", "Porto", "Coimbra", "Braga"],
    "BR": ["Rio de Janeiro - RJ", "São Paulo - SP", "Belo Horizonte - MG", "Recife - PE"],
    "SE": ["Stockholm", "Göteborg", "Malmö", "Uppsala"],
    "DK": ["København N", "Aarhus C", "Odense"],
    "NO": ["Oslo", "Bergen", "Trondheim"],
    "FI": ["Helsinki", "Tampere", "Turku"],
    "CZ": ["Praha 2", "Brno", "Ostrava"],
    "RO": ["București", "Cluj-Napoca", "Iași", "Timișoara"],
    "GR": ["Αθήνα", "Θεσσαλονίκη", "Athina"],
    "RU": ["Москва", "Санкт-Петербург", "Казань"],
    "UA": ["Київ", "Львів", "Одеса"],
    "JP": ["東京都", "大阪府"],
    "KR": ["서울특별시", "부산광역시"],
    "CN": ["北京市", "上海市", "广州市"],
    "AE": ["Dubai", "Abu Dhabi"],
    "SA": ["Riyadh", "الرياض", "Jeddah"],
    "IL": ["תל אביב-יפו", "ירושלים", "Tel Aviv", "Haifa"],
    "VN": ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng"],
    "ID": ["Jakarta Selatan", "Bandung", "Yogyakarta", "Surabaya"],
}


def address(rng: Random, country: str, multiline: bool = False) -> str:
    """A full postal address of ``country``; ``multiline`` joins the lines with newlines."""
    st = rng.choice(STREETS[country])
    city = rng.choice(CITIES[country])
    n = rng.randint(1, 240)
    c = country
    lines: list[str]
    if c == "US":
        apt = rng.choice(["", f", Apt {rng.randint(1, 40)}{rng.choice('ABCD')}"])
        lines = [f"{rng.randint(100, 9899)} {st}{apt}", f"{city} {pattern(rng, '#####')}"]
    elif c == "CA":
        lines = [f"{n} {st}", f"{city} {pattern(rng, '@#@ #@#')}"]
    elif c == "GB":
        flat = rng.choice(["", f"Flat {rng.randint(1, 12)}, "])
        pc = pattern(rng, rng.choice(["@@# #@@", "@## #@@", "@@## #@@"]))
        lines = [f"{flat}{n} {st}", f"{city} {pc}"]
    elif c == "IE":
        lines = [f"{n} {st}", f"{city}, {pattern(rng, '@## @#@#')}"]
    elif c == "AU":
        unit = rng.choice(["", f"{rng.randint(1, 30)}/"])
        lines = [f"{unit}{n} {st}", f"{city} {pattern(rng, '2###')}"]
    elif c == "ZA":
        lines = [f"{n} {st}", f"{city}, {pattern(rng, '####')}"]
    elif c == "IN":
        lines = [f"Flat {rng.randint(101, 904)}, {st}", f"{city} {pattern(rng, '5#####')}"]
    elif c == "DE":
        suffix = rng.choice(["", "a", "b", ""])
        lines = [f"{st} {n}{suffix}", f"{pattern(rng, '#####')} {city}"]
    elif c == "AT":
        lines = [f"{st} {n}/{rng.randint(1, 20)}", f"{pattern(rng, '1###')} {city}"]
    elif c == "CH":
        lines = [f"{st} {n}", f"{pattern(rng, 'N###')} {city}"]
    elif c == "ES":
        piso = rng.choice(["", f", {rng.randint(1, 8)}º {rng.choice('ABCD')}"])
        lines = [f"{st} {n}{piso}", f"{pattern(rng, '0####')} {city}"]
    elif c == "MX":
        lines = [
            f"{st} {n}, Col. {rng.choice(['Roma Norte', 'Del Valle', 'Centro'])}",
            f"{pattern(rng, '0####')} {city}",
        ]
    elif c == "CL":
        lines = [f"{st} {n * 7}, depto {rng.randint(11, 99)}", city]
    elif c == "FR":
        lines = [
            f"{n} {st}",
            f"{pattern(rng, rng.choice(['75###', '69###', '13###', '31###']))} {city}",
        ]
    elif c == "BE":
        lines = [f"{st} {n}", f"{pattern(rng, 'N###')} {city}"]
    elif c == "IT":
        lines = [f"{st} {n}", f"{pattern(rng, '#####')} {city}"]
    elif c == "NL":
        lines = [
            f"{st} {n}{rng.choice(['', '-2', ' A', '-hs'])}",
            f"{pattern(rng, 'N### @@')} {city}",
        ]
    elif c == "PT":
        lines = [
            f"{st} {n}, {rng.randint(1, 6)}.º {rng.choice(['Esq.', 'Dto.'])}",
            f"{pattern(rng, '1###-###')} {city}",
        ]
    elif c == "BR":
        lines = [f"{st}, {n}, apto {rng.randint(11, 1204)}", f"{city}, {pattern(rng, '#####-###')}"]
    elif c == "SE":
        lines = [f"{st} {n}", f"{pattern(rng, '1## ##')} {city}"]
    elif c == "DK":
        lines = [
            f"{st} {n}, {rng.randint(1, 5)}. {rng.choice(['th', 'tv', 'mf'])}.",
            f"{pattern(rng, 'N###')} {city}",
        ]
    elif c == "NO":
        lines = [f"{st} {n}", f"{pattern(rng, '0###')} {city}"]
    elif c == "FI":
        lines = [
            f"{st} {n} {rng.choice('ABC')} {rng.randint(1, 40)}",
            f"{pattern(rng, '00###')} {city}",
        ]
    elif c == "CZ":
        lines = [f"{st} {rng.randint(100, 2999)}/{n}", f"{pattern(rng, '1## ##')} {city}"]
    elif c == "RO":
        lines = [
            f"{st} nr. {n}, bl. {rng.choice('ABCD')}{rng.randint(1, 9)}, ap. {rng.randint(1, 60)}",
            f"{pattern(rng, '0#####')} {city}",
        ]
    elif c == "GR":
        lines = [f"{st} {n}", f"{pattern(rng, '1## ##')} {city}"]
    elif c == "RU":
        lines = [f"{st}, д. {n}, кв. {rng.randint(1, 300)}", f"{city}, {pattern(rng, '1#####')}"]
    elif c == "UA":
        lines = [f"{st}, {n}, кв. {rng.randint(1, 200)}", f"{city}, {pattern(rng, '0####')}"]
    elif c == "JP":
        return (
            f"〒{pattern(rng, '1##-####')} {city}{st}{rng.randint(1, 5)}-{n % 30 + 1}-"
            f"{rng.randint(1, 20)}"
        )
    elif c == "KR":
        return f"{city} {st} {n}, {rng.randint(101, 120)}동 {rng.randint(101, 2505)}호"
    elif c == "CN":
        return f"{city}{st}{n}号{rng.randint(1, 12)}号楼{rng.randint(101, 2808)}室"
    elif c == "AE":
        lines = [f"Apartment {rng.randint(101, 4508)}, Building {n}, {st}", city]
    elif c == "SA":
        lines = [f"{pattern(rng, '####')} {st}, Al Olaya", f"{city} {pattern(rng, '1####')}"]
    elif c == "IL":
        lines = [
            f"{st} {n}, {'דירה' if not st.isascii() else 'Apt'} {rng.randint(1, 30)}",
            f"{city} {pattern(rng, '#######')}",
        ]
    elif c == "VN":
        lines = [f"Số {n} {st}", f"Phường {rng.randint(1, 15)}, {city}"]
    elif c == "ID":
        lines = [
            f"{st} No. {n}, RT {rng.randint(1, 12):02d}/RW {rng.randint(1, 9):02d}",
            f"{city} {pattern(rng, '1####')}",
        ]
    else:
        raise ValueError(country)
    return ("\n" if multiline else ", ").join(lines)


# --- network / payment ---------------------------------------------------------------------


def ipv4(rng: Random) -> str:
    first = rng.choice([10, 172, 192, 81, 85, 91, 104, 151, 185, 203, 46, 62, 212, 77])
    if first == 192:
        return f"192.168.{rng.randint(0, 30)}.{rng.randint(2, 254)}"
    if first == 172:
        return f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"
    return f"{first}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}"


def ipv6(rng: Random) -> str:
    groups = [rng.choice(["2001:db8", "2a02:810d", "2003:e2", "2a01:4f8", "fe80:", "2600:1700"])]
    n = rng.randint(2, 5)
    tail = [f"{rng.randint(0, 0xFFFF):x}" for _ in range(n)]
    head = groups[0]
    if head.endswith(":"):
        return head + ":" + ":".join(tail)
    if rng.random() < 0.5:
        return head + "::" + ":".join(tail)
    full = head.split(":") + [
        f"{rng.randint(0, 0xFFFF):x}" for _ in range(8 - len(head.split(":")))
    ]
    return ":".join(full)


def card(rng: Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "mc2", "amex", "disc", "jcb", "up"])
    prefix, length = {
        "visa": ("4" + pattern(rng, "#####"), 16),
        "mc": ("5" + rng.choice("12345"), 16),
        "mc2": ("22" + rng.choice("3456"), 16),
        "amex": (rng.choice(["34", "37"]), 15),
        "disc": ("6011", 16),
        "jcb": ("35" + rng.choice("2345678"), 16),
        "up": ("62", 16),
    }[kind]
    body = prefix + pattern(rng, "#" * (length - 1 - len(prefix)))
    num = body + ck.luhn_digit(body)
    style = rng.choice(["space", "space", "dash", "plain"])
    if length == 15:
        groups = [num[:4], num[4:10], num[10:]]
    else:
        groups = [num[i : i + 4] for i in range(0, 16, 4)]
    if style == "plain":
        return num
    return (" " if style == "space" else "-").join(groups)


def iban(rng: Random, country: str) -> str:
    length = ck.IBAN_LENGTHS[country]
    n = length - 4
    if country in ("GB", "IE"):
        bban = rs(rng, UP, 4) + pattern(rng, "#" * (n - 4))
    elif country == "NL":
        bban = rng.choice(["ABNA", "INGB", "RABO", "TRIO", "SNSB"]) + pattern(rng, "#" * (n - 4))
    elif country in ("IT",):
        bban = rng.choice(UP) + pattern(rng, "#" * (n - 1))
    elif country == "BR":
        bban = pattern(rng, "#" * (n - 2)) + rng.choice("CP") + "1"
    else:
        bban = pattern(rng, "#" * n)
    full = country + ck.iban_check(country, bban) + bban
    if rng.random() < 0.3:
        return full
    return " ".join(full[i : i + 4] for i in range(0, len(full), 4))


IBAN_OF = {
    "US": "GB",
    "CA": "GB",
    "AU": "IE",
    "ZA": "GB",
    "IN": "AE",
    "MX": "ES",
    "CL": "ES",
    "JP": "DE",
    "KR": "DE",
    "CN": "LU",
    "VN": "FR",
    "ID": "NL",
    "RU": "CH",
    "GB": "GB",
    "IE": "IE",
}


def iban_for(rng: Random, country: str) -> str:
    return iban(rng, country if country in ck.IBAN_LENGTHS else IBAN_OF.get(country, "DE"))


def ssn(rng: Random) -> str:
    area = rng.choice([a for a in range(1, 900) if a != 666])
    s = f"{area:03d}{rng.randint(1, 99):02d}{rng.randint(1, 9999):04d}"
    style = rng.random()
    if style < 0.7:
        return f"{s[:3]}-{s[3:5]}-{s[5:]}"
    if style < 0.85:
        return f"{s[:3]} {s[3:5]} {s[5:]}"
    return s


def itin(rng: Random) -> str:
    group = rng.choice(list(range(50, 66)) + list(range(70, 89)) + [90, 91, 92, 94, 95, 99])
    return f"9{rng.randint(0, 99):02d}-{group}-{rng.randint(0, 9999):04d}"


# --- national identifiers -----------------------------------------------------------------


def _yymmdd(d: dt.date) -> str:
    return f"{d.year % 100:02d}{d.month:02d}{d.day:02d}"


def se_pnr(rng: Random, p: Person) -> str:
    while True:
        body = _yymmdd(p.birth) + pattern(rng, "###")
        full = body + ck.luhn_digit(body)
        sep = "+" if p.birth.year < 1926 else "-"
        if rng.random() < 0.3:
            return f"{p.birth.year}{full[2:6]}{sep}{full[6:]}"
        return f"{full[:6]}{sep}{full[6:]}"


def dk_cpr(rng: Random, p: Person) -> str:
    d = p.birth
    head = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
    while True:
        seq = pattern(rng, "###")
        if not seq.isdigit():
            continue
        nine = head + seq
        for last in range(10):
            cand = nine + str(last)
            if ck.cpr_ok(cand) and (int(last) % 2 == (1 if p.sex == "M" else 0)):
                return f"{cand[:6]}-{cand[6:]}"


def no_fnr(rng: Random, p: Person) -> str:
    d = p.birth
    head = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
    while True:
        ind = rng.randint(0, 499) if d.year < 2000 else rng.randint(500, 999)
        nine = head + f"{ind:03d}"
        k = ck.fnr_digits(nine)
        if k is not None:
            return rng.choice([nine + k, head + " " + nine[6:] + k])


def fi_hetu(rng: Random, p: Person) -> str:
    d = p.birth
    head = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
    sign = "-" if d.year < 2000 else "A"
    z = f"{rng.randint(2, 899):03d}"
    return head + sign + z + ck.HETU_CHARS[int(head + z) % 31]


def cz_rc(rng: Random, p: Person) -> str:
    d = p.birth
    mm = d.month + (50 if p.sex == "F" else 0)
    head = f"{d.year % 100:02d}{mm:02d}{d.day:02d}"
    while True:
        nine = head + pattern(rng, "###")
        c = int(nine) % 11
        if c != 10:
            return f"{head}/{nine[6:]}{c}"


def ro_cnp(rng: Random, p: Person) -> str:
    d = p.birth
    s = ("1" if p.sex == "M" else "2") if d.year < 2000 else ("5" if p.sex == "M" else "6")
    twelve = s + _yymmdd(d) + f"{rng.randint(1, 46):02d}" + pattern(rng, "###")
    return twelve + ck.cnp_digit(twelve)


def gr_amka(rng: Random, p: Person) -> str:
    d = p.birth
    body = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}" + pattern(rng, "####")
    return body + ck.luhn_digit(body)


def nl_bsn(rng: Random, p: Person) -> str:
    while True:
        eight = rng.choice("123456") + pattern(rng, "#######")
        r = ck.weighted(eight, [9, 8, 7, 6, 5, 4, 3, 2]) % 11
        if r < 10:
            v = eight + str(r)
            return rng.choice([v, f"{v[:4]}.{v[4:6]}.{v[6:]}", f"{v[:3]} {v[3:6]} {v[6:]}"])


def be_nn(rng: Random, p: Person) -> str:
    d = p.birth
    seq = rng.randint(1, 997)
    seq += (seq % 2) ^ (1 if p.sex == "M" else 0)
    nine = _yymmdd(d) + f"{seq:03d}"
    base = int(("2" + nine) if d.year >= 2000 else nine)
    check = 97 - base % 97
    return f"{nine[:2]}.{nine[2:4]}.{nine[4:6]}-{nine[6:9]}.{check:02d}"


def pt_nif(rng: Random, p: Person) -> str:
    eight = rng.choice("123") + pattern(rng, "#######")
    return eight + str(ck.nif_pt_digit(eight))


def br_cpf(rng: Random, p: Person) -> str:
    nine = pattern(rng, "#########")
    v = nine + ck.cpf_digits(nine)
    return rng.choice([f"{v[:3]}.{v[3:6]}.{v[6:9]}-{v[9:]}", v])


def br_cnpj(rng: Random) -> str:
    twelve = pattern(rng, "########") + "0001"
    v = twelve + ck.cnpj_digits(twelve)
    return f"{v[:2]}.{v[2:5]}.{v[5:8]}/{v[8:12]}-{v[12:]}"


_STATES = ["AS", "BC", "CL", "DF", "GT", "JC", "MC", "MN", "NL", "OC", "PL", "QT", "VZ", "YN"]


def _consonants(s: str) -> str:
    cons = [c for c in ascii_slug(s).upper() if c in "BCDFGHJKLMNPQRSTVWXYZ"]
    return (cons[1:2] or ["X"])[0]


def mx_curp(rng: Random, p: Person) -> str:
    fam = ascii_slug(p.roman_family).upper() or "XX"
    giv = ascii_slug(p.roman_given).upper() or "X"
    vowel = next((c for c in fam[1:] if c in "AEIOU"), "X")
    head = fam[0] + vowel + rng.choice(UP.replace("Ñ", "")) + giv[0]
    d = p.birth
    body = head + _yymmdd(d) + ("H" if p.sex == "M" else "M") + rng.choice(_STATES)
    body += _consonants(fam) + rng.choice("BCDFGHJKLMNPRSTVZ") + _consonants(giv)
    body += rng.choice(DIG) if d.year < 2000 else rng.choice(UP)
    return body + ck.curp_digit(body)


def cl_rut(rng: Random, p: Person) -> str:
    body = str(rng.randint(5_000_000, 26_999_999))
    dv = ck.rut_digit(body)
    if rng.random() < 0.7:
        return f"{int(body):,}".replace(",", ".") + "-" + dv
    return f"{body}-{dv}"


def ca_sin(rng: Random, p: Person) -> str:
    body = rng.choice("1234567") + pattern(rng, "#######")
    v = body + ck.luhn_digit(body)
    return rng.choice([f"{v[:3]} {v[3:6]} {v[6:]}", f"{v[:3]}-{v[3:6]}-{v[6:]}", v])


def au_tfn(rng: Random, p: Person) -> str:
    while True:
        v = pattern(rng, "N########")
        if ck.tfn_ok(v):
            return rng.choice([f"{v[:3]} {v[3:6]} {v[6:]}", v])


def za_id(rng: Random, p: Person) -> str:
    g = rng.randint(0, 4999) if p.sex == "F" else rng.randint(5000, 9999)
    body = _yymmdd(p.birth) + f"{g:04d}" + "0" + rng.choice("89")
    return body + ck.luhn_digit(body)


def il_id(rng: Random, p: Person) -> str:
    body = pattern(rng, "N#######")
    return body + ck.luhn_digit(body)


_CN_REGIONS = ["110105", "310115", "440106", "510107", "330106", "420102", "320102"]


def cn_id(rng: Random, p: Person) -> str:
    d = p.birth
    seq = rng.randint(0, 99) * 10 + (
        rng.choice([1, 3, 5, 7, 9]) if p.sex == "M" else rng.choice([0, 2, 4, 6, 8])
    )
    body = rng.choice(_CN_REGIONS) + f"{d.year}{d.month:02d}{d.day:02d}" + f"{seq:03d}"
    return body + ck.cn_id_char(body)


def kr_rrn(rng: Random, p: Person) -> str:
    d = p.birth
    g = ("1" if p.sex == "M" else "2") if d.year < 2000 else ("3" if p.sex == "M" else "4")
    twelve = _yymmdd(d) + g + pattern(rng, "#####")
    return f"{twelve[:6]}-{twelve[6:]}{ck.rrn_digit(twelve)}"


def jp_mynumber(rng: Random, p: Person) -> str:
    eleven = pattern(rng, "N##########")
    v = eleven + str(ck.mynumber_digit(eleven))
    return rng.choice([f"{v[:4]} {v[4:8]} {v[8:]}", v, f"{v[:4]}-{v[4:8]}-{v[8:]}"])


def in_aadhaar(rng: Random, p: Person) -> str:
    eleven = pattern(rng, "N##########")
    v = eleven + ck.verhoeff_digit(eleven)
    return rng.choice([f"{v[:4]} {v[4:8]} {v[8:]}", f"{v[:4]}-{v[4:8]}-{v[8:]}", v])


def in_pan(rng: Random, p: Person) -> str:
    fam = ascii_slug(p.roman_family).upper() or "X"
    return rs(rng, UP, 3) + "P" + fam[0] + pattern(rng, "####") + rng.choice(UP)


def uk_nino(rng: Random, p: Person) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    while first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    digits = pattern(rng, "######")
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
    return f"{first}{second}{digits}{suffix}"


def uk_nhs(rng: Random, p: Person) -> str:
    while True:
        nine = pattern(rng, "N########")
        c = ck.nhs_digit(nine)
        if c != 10:
            v = nine + str(c)
            return rng.choice([f"{v[:3]} {v[3:6]} {v[6:]}", v, f"{v[:3]}-{v[3:6]}-{v[6:]}"])


def fr_nir(rng: Random, p: Person) -> str:
    d = p.birth
    dept_num = rng.choice(["75", "69", "13", "59", "33", "44", "92", "93"])
    body = ("1" if p.sex == "M" else "2") + f"{d.year % 100:02d}{d.month:02d}" + dept_num
    body += pattern(rng, "######")
    key = 97 - int(body) % 97
    v = body + f"{key:02d}"
    if rng.random() < 0.6:
        return f"{v[0]} {v[1:3]} {v[3:5]} {v[5:7]} {v[7:10]} {v[10:13]} {v[13:]}"
    return v


def de_steuerid(rng: Random, p: Person) -> str:
    while True:
        digits = list(DIG)
        rng.shuffle(digits)
        ten = digits[:10]
        if ten[0] == "0":
            continue
        # one digit twice: overwrite a later position with an earlier digit
        i = rng.randint(1, 9)
        ten[i] = ten[rng.randint(0, i - 1)]
        if ten[0] == "0":
            continue
        s = "".join(ten)
        v = s + str(ck.steuer_id_digit(s))
        return rng.choice([v, f"{v[:2]} {v[2:5]} {v[5:8]} {v[8:]}"])


def es_dni(rng: Random, p: Person) -> str:
    n = rng.randint(1_000_000, 79_999_999)
    return rng.choice([f"{n:08d}{ck.DNI_LETTERS[n % 23]}", f"{n:08d}-{ck.DNI_LETTERS[n % 23]}"])


def es_nie(rng: Random, p: Person) -> str:
    lead = rng.choice("XYZ")
    n = rng.randint(0, 9_999_999)
    full = int(str("XYZ".index(lead)) + f"{n:07d}")
    return f"{lead}{n:07d}{ck.DNI_LETTERS[full % 23]}"


_MONTH_CF = "ABCDEHLMPRST"


def _cf_part(s: str, given: bool) -> str:
    s = ascii_slug(s).upper()
    cons = [c for c in s if c.isalpha() and c not in "AEIOU"]
    vows = [c for c in s if c in "AEIOU"]
    if given and len(cons) >= 4:
        cons = [cons[0], cons[2], cons[3]]
    return "".join((cons + vows + ["X", "X", "X"])[:3])


def it_cf(rng: Random, p: Person) -> str:
    d = p.birth
    day = d.day + (40 if p.sex == "F" else 0)
    body = (
        _cf_part(p.roman_family, False)
        + _cf_part(p.roman_given, True)
        + f"{d.year % 100:02d}"
        + _MONTH_CF[d.month - 1]
        + f"{day:02d}"
        + rng.choice("ABCDEFGHLM")
        + pattern(rng, "###")
    )
    return body + ck.cf_char(body)


def ru_snils(rng: Random, p: Person) -> str:
    nine = pattern(rng, "N########")
    v = nine + ck.snils_digits(nine)
    return f"{v[:3]}-{v[3:6]}-{v[6:9]} {v[9:]}"


def ru_passport(rng: Random, p: Person) -> str:
    return pattern(rng, "## ## ######")


def ua_rnokpp(rng: Random, p: Person) -> str:
    nine = pattern(rng, "N########")
    return nine + str(ck.rnokpp_digit(nine))


def ae_eid(rng: Random, p: Person) -> str:
    body = "784" + str(p.birth.year) + pattern(rng, "#######")
    v = body + ck.luhn_digit(body)
    return f"{v[:3]}-{v[3:7]}-{v[7:14]}-{v[14]}"


def sa_nid(rng: Random, p: Person) -> str:
    body = rng.choice("12") + pattern(rng, "########")
    return body + ck.luhn_digit(body)


def ch_ahv(rng: Random, p: Person) -> str:
    twelve = "756" + pattern(rng, "#########")
    v = twelve + ck.ean13_digit(twelve)
    return f"{v[:3]}.{v[3:7]}.{v[7:11]}.{v[11:]}"


def at_svnr(rng: Random, p: Person) -> str:
    d = p.birth
    while True:
        serial = pattern(rng, "N##")
        date6 = f"{d.day:02d}{d.month:02d}{d.year % 100:02d}"
        w = ck.weighted(serial + date6, [3, 7, 9, 5, 8, 4, 2, 1, 6])
        c = w % 11
        if c != 10:
            return f"{serial}{c} {date6}"


def vn_cccd(rng: Random, p: Person) -> str:
    d = p.birth
    g = ("0" if p.sex == "M" else "1") if d.year < 2000 else ("2" if p.sex == "M" else "3")
    return f"0{rng.randint(1, 96):02d}{g}{d.year % 100:02d}" + pattern(rng, "######")


def id_nik(rng: Random, p: Person) -> str:
    d = p.birth
    day = d.day + (40 if p.sex == "F" else 0)
    return (
        rng.choice(["3174", "3273", "3471", "3578"])
        + pattern(rng, "##")
        + f"{day:02d}{d.month:02d}{d.year % 100:02d}"
        + pattern(rng, "000#")
    )


def us_dl(rng: Random, p: Person) -> str:
    return pattern(rng, rng.choice(["@#######", "### ### ###", "@###-###-##-###-#", "########"]))


IdGen = Callable[[Random, Person], str]

# country -> [(slot, generator, label words by language)]
NATIONAL_IDS: dict[str, list[tuple[str, IdGen, str]]] = {
    "US": [
        ("us_ssn", lambda r, p: ssn(r), "SSN"),
        ("us_ssn", lambda r, p: ssn(r), "Social Security No."),
        ("us_ssn", lambda r, p: ssn(r), "SSN#"),
        ("us_itin", lambda r, p: itin(r), "ITIN"),
        ("us_dl", us_dl, "Driver's License #"),
    ],
    "GB": [("uk_nino", uk_nino, "National Insurance No."), ("uk_nhs", uk_nhs, "NHS number")],
    "IE": [("ie_pps", lambda r, p: pattern(r, "#######@"), "PPS No.")],
    "CA": [("ca_sin", ca_sin, "SIN")],
    "AU": [("au_tfn", au_tfn, "TFN")],
    "ZA": [("za_id", za_id, "ID number")],
    "IN": [
        ("in_aadhaar", in_aadhaar, "Aadhaar"),
        ("in_aadhaar", in_aadhaar, "Aadhaar No."),
        ("in_pan", in_pan, "PAN"),
    ],
    "DE": [("de_steuerid", de_steuerid, "Steuer-ID")],
    "AT": [("at_svnr", at_svnr, "SV-Nummer")],
    "CH": [("ch_ahv", ch_ahv, "AHV-Nr.")],
    "ES": [("es_dni", es_dni, "DNI"), ("es_nie", es_nie, "NIE")],
    "MX": [("mx_curp", mx_curp, "CURP")],
    "CL": [("cl_rut", cl_rut, "RUT")],
    "FR": [("fr_nir", fr_nir, "N° de sécurité sociale")],
    "BE": [("be_nn", be_nn, "Numéro national / Rijksregisternummer")],
    "IT": [("it_cf", it_cf, "Codice fiscale")],
    "NL": [("nl_bsn", nl_bsn, "BSN")],
    "PT": [("pt_nif", pt_nif, "NIF")],
    "BR": [
        ("br_cpf", br_cpf, "CPF"),
        ("br_cpf", br_cpf, "CPF"),
        ("br_cnpj", lambda r, p: br_cnpj(r), "CNPJ (MEI)"),
    ],
    "SE": [("se_pnr", se_pnr, "Personnummer")],
    "DK": [("dk_cpr", dk_cpr, "CPR-nr.")],
    "NO": [("no_fnr", no_fnr, "Fødselsnummer")],
    "FI": [("fi_hetu", fi_hetu, "Henkilötunnus")],
    "CZ": [("cz_rc", cz_rc, "Rodné číslo")],
    "RO": [("ro_cnp", ro_cnp, "CNP")],
    "GR": [("gr_amka", gr_amka, "ΑΜΚΑ")],
    "RU": [("ru_snils", ru_snils, "СНИЛС"), ("ru_passport", ru_passport, "Паспорт")],
    "UA": [("ua_rnokpp", ua_rnokpp, "РНОКПП")],
    "JP": [("jp_mynumber", jp_mynumber, "マイナンバー")],
    "KR": [("kr_rrn", kr_rrn, "주민등록번호")],
    "CN": [("cn_id", cn_id, "身份证号")],
    "AE": [("ae_eid", ae_eid, "Emirates ID")],
    "SA": [("sa_nid", sa_nid, "National ID")],
    "IL": [("il_id", il_id, "מספר זהות")],
    "VN": [("vn_cccd", vn_cccd, "Số CCCD")],
    "ID": [("id_nik", id_nik, "NIK")],
}


def national_id(rng: Random, p: Person) -> tuple[str, str, str]:
    """(slot, value, label) of one of the person's country's identifiers."""
    slot, gen, label = rng.choice(NATIONAL_IDS[p.country])
    return slot, gen(rng, p), label


PASSPORT = {
    "US": "#########",
    "GB": "#########",
    "DE": "C@@#####@",
    "FR": "##@@#####",
    "ES": "@@@######",
    "IT": "@@#######",
    "NL": "@@@@@###",
    "PT": "@######",
    "BR": "@@######",
    "SE": "########",
    "JP": "@@#######",
    "KR": "M########",
    "CN": "E########",
    "IN": "@#######",
    "RU": "7# #######",
    "UA": "@@######",
}


def passport(rng: Random, country: str) -> str:
    pat = PASSPORT.get(country, "@@#######")
    return pattern(rng, pat).replace("O", "P").replace("I", "K")


PLATES: dict[str, list[str]] = {
    "US": ["N@@@###", "@@@ ####", "#@@@###"],
    "CA": ["@@@@ ###", "@@@ ###"],
    "GB": ["@@## @@@"],
    "IE": ["##-D-#####", "###-C-####"],
    "AU": ["@@@-###", "#@@-#@@"],
    "ZA": ["@@ ## @@ GP", "CA ###-###"],
    "IN": ["MH ## @@ ####", "KA ## @@ ####"],
    "DE": ["M-@@ ####", "B @@ ####", "K-@ ###", "HH-@@ ###E"],
    "AT": ["W-#####@", "S ####@"],
    "CH": ["ZH ######", "GE ######"],
    "ES": ["#### @@@"],
    "MX": ["@@@-###-@"],
    "CL": ["@@@@-##"],
    "FR": ["@@-###-@@"],
    "BE": ["1-@@@-###", "2-@@@-###"],
    "IT": ["@@ ###@@", "@@###@@"],
    "NL": ["##-@@@-#", "@@-###-@", "#-@@@-##"],
    "PT": ["@@-##-@@", "##-@@-##"],
    "BR": ["@@@#@##", "@@@-####"],
    "SE": ["@@@ ###", "@@@ ##@"],
    "DK": ["@@ ## ###"],
    "NO": ["@@ #####"],
    "FI": ["@@@-###"],
    "CZ": ["#@# ####"],
    "RO": ["B ### @@@", "CJ ## @@@"],
    "GR": ["ΑΒΕ-####", "ΙΚΝ-####", "ZHT-####"],
    "RU": ["А###ВС ##", "М###ОР ###"],
    "UA": ["АА ####ВС", "КА ####ІМ"],
    "JP": ["品川 ### あ ##-##", "練馬 ### さ ##-##"],
    "KR": ["##가 ####", "###나 ####"],
    "CN": ["京A·#####", "沪B·####@"],
    "AE": ["Dubai @ #####"],
    "SA": ["#### @@@"],
    "IL": ["##-###-##", "###-##-###"],
    "VN": ["51F-###.##", "29A-###.##"],
    "ID": ["B #### @@@", "D #### @@"],
}


def plate(rng: Random, country: str) -> str:
    return pattern(rng, rng.choice(PLATES[country]))


# --- geo -----------------------------------------------------------------------------------

CENTRES = {
    "US": (39.96, -82.99),
    "GB": (53.8, -1.55),
    "CA": (43.65, -79.38),
    "AU": (-33.89, 151.27),
    "IE": (53.31, -6.27),
    "ZA": (-26.14, 28.04),
    "IN": (12.97, 77.64),
    "DE": (52.52, 13.40),
    "AT": (48.2, 16.37),
    "CH": (47.37, 8.54),
    "ES": (40.42, -3.70),
    "MX": (19.43, -99.13),
    "CL": (-33.43, -70.61),
    "FR": (48.86, 2.35),
    "BE": (50.85, 4.35),
    "IT": (45.46, 9.19),
    "NL": (52.37, 4.89),
    "PT": (38.72, -9.14),
    "BR": (-22.93, -43.18),
    "SE": (59.33, 18.07),
    "DK": (55.69, 12.55),
    "NO": (59.91, 10.75),
    "FI": (60.17, 24.94),
    "CZ": (50.08, 14.43),
    "RO": (44.43, 26.1),
    "GR": (37.98, 23.73),
    "RU": (55.76, 37.62),
    "UA": (50.45, 30.52),
    "JP": (35.66, 139.7),
    "KR": (37.5, 127.04),
    "CN": (39.91, 116.4),
    "AE": (25.08, 55.14),
    "SA": (24.69, 46.69),
    "IL": (32.07, 34.78),
    "VN": (21.03, 105.8),
    "ID": (-6.21, 106.82),
}


def latlon(rng: Random, country: str) -> tuple[float, float]:
    lat, lon = CENTRES[country]
    return lat + rng.uniform(-0.08, 0.08), lon + rng.uniform(-0.08, 0.08)


def geo_decimal(rng: Random, country: str) -> str:
    lat, lon = latlon(rng, country)
    k = rng.choice([5, 6, 4])
    sep = rng.choice([", ", ",", " "])
    return f"{lat:.{k}f}{sep}{lon:.{k}f}"


def geo_dms(rng: Random, country: str) -> str:
    lat, lon = latlon(rng, country)

    def part(v: float, pos: str, neg: str) -> str:
        h = pos if v >= 0 else neg
        v = abs(v)
        d = int(v)
        m = int((v - d) * 60)
        s = ((v - d) * 60 - m) * 60
        return f"{d}°{m:02d}'{s:04.1f}\"{h}"

    return f"{part(lat, 'N', 'S')} {part(lon, 'E', 'W')}"


# --- secrets -------------------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def api_key(rng: Random) -> tuple[str, str]:
    """(provider, key) in the provider's real shape."""
    kind = rng.choice(
        [
            "openai",
            "anthropic",
            "github",
            "github_pat",
            "gitlab",
            "stripe",
            "google",
            "slack_bot",
            "sendgrid",
            "hf",
            "npm",
            "twilio",
            "openai_old",
        ]
    )
    key = {
        "openai": lambda: "sk-proj-" + rs(rng, B64URL, 74),
        "openai_old": lambda: "sk-" + rs(rng, ALNUM, 48),
        "anthropic": lambda: "sk-ant-api03-" + rs(rng, B64URL, 93) + "AA",
        "github": lambda: "ghp_" + rs(rng, ALNUM, 36),
        "github_pat": lambda: "github_pat_11" + rs(rng, UP + DIG, 20) + "_" + rs(rng, ALNUM, 59),
        "gitlab": lambda: "glpat-" + rs(rng, B64URL, 20),
        "stripe": lambda: rng.choice(["sk_live_", "rk_live_"]) + rs(rng, ALNUM, 40),
        "google": lambda: "AIza" + rs(rng, B64URL, 35),
        "slack_bot": lambda: (
            f"xoxb-{pattern(rng, 'N##########')}-{pattern(rng, 'N############')}"
            f"-{rs(rng, ALNUM, 24)}"
        ),
        "sendgrid": lambda: "SG." + rs(rng, B64URL, 22) + "." + rs(rng, B64URL, 43),
        "hf": lambda: "hf_" + rs(rng, ALNUM, 34),
        "npm": lambda: "npm_" + rs(rng, ALNUM, 36),
        "twilio": lambda: "SK" + rs(rng, HEX, 32),
    }[kind]()
    return kind, key


def aws_pair(rng: Random) -> tuple[str, str]:
    return ("AKIA" + rs(rng, UP + "234567", 16), rs(rng, ALNUM + "/+", 40))


def slack_webhook(rng: Random) -> str:
    return (
        f"https://hooks.slack.com/services/T{rs(rng, UP + DIG, 8)}/B{rs(rng, UP + DIG, 10)}/"
        f"{rs(rng, ALNUM, 24)}"
    )


def discord_webhook(rng: Random) -> str:
    return f"https://discord.com/api/webhooks/{pattern(rng, 'N' + '#' * 18)}/{rs(rng, B64URL, 68)}"


def password(rng: Random) -> str:
    words = [
        "Sommer",
        "Herbst",
        "Winter",
        "Bluebird",
        "Tr0mb0ne",
        "Azul",
        "Gatto",
        "Kasper",
        "Passw0rt",
        "Lente",
        "Maravilha",
        "Dragon",
    ]
    style = rng.random()
    if style < 0.4:
        return rng.choice(words) + str(rng.randint(1970, 2026)) + rng.choice("!?#$%&*")
    if style < 0.8:
        return rs(rng, ALNUM + "!#%&*+-=?@^_", rng.randint(12, 24))
    return rs(rng, LOW, 4) + rng.choice("!@#") + rs(rng, DIG, 4) + rs(rng, UP, 3)


def db_url(rng: Random, user: str) -> str:
    pw = rs(rng, ALNUM + "_-~", rng.randint(10, 20))
    kind = rng.choice(["postgres", "postgresql", "mysql", "mongodb+srv", "redis", "amqp", "mssql"])
    host = rng.choice(
        [
            "db.internal",
            "10.0.4.17",
            "pg-prod-eu.cluster-c9xk.eu-central-1.rds.amazonaws.com",
            "cluster0.x7qwe.mongodb.net",
            "redis-master.cache.svc",
            "rabbit.local",
        ]
    )
    port = {
        "postgres": 5432,
        "postgresql": 5432,
        "mysql": 3306,
        "mongodb+srv": 0,
        "redis": 6379,
        "amqp": 5672,
        "mssql": 1433,
    }[kind]
    hp = host if port == 0 else f"{host}:{port}"
    db = rng.choice(["app", "billing", "crm_prod", "analytics", "0", "orders"])
    if kind == "redis":
        return f"redis://:{pw}@{hp}/{rng.randint(0, 5)}"
    return f"{kind}://{user}:{pw}@{hp}/{db}"


def jwt(rng: Random, sub: str) -> str:
    header = _b64url(
        json.dumps(
            {"alg": rng.choice(["HS256", "RS256"]), "typ": "JWT"}, separators=(",", ":")
        ).encode()
    )
    payload = _b64url(
        json.dumps(
            {
                "sub": sub,
                "iat": rng.randint(1_760_000_000, 1_770_000_000),
                "scope": rng.choice(["read", "admin", "read write"]),
            },
            separators=(",", ":"),
        ).encode()
    )
    return f"{header}.{payload}.{rs(rng, B64URL, 43)}"


def pem_key(rng: Random) -> str:
    kind = rng.choice(["EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY"])
    nlines = {"EC PRIVATE KEY": 3, "OPENSSH PRIVATE KEY": 6, "PRIVATE KEY": 4}[kind]
    body = "\n".join(rs(rng, ALNUM + "+/", 64) for _ in range(nlines - 1))
    body += "\n" + rs(rng, ALNUM + "+/", rng.randint(20, 60)) + "=="
    return f"-----BEGIN {kind}-----\n{body}\n-----END {kind}-----"


def azure_conn(rng: Random) -> str:
    acct = rs(rng, LOW + DIG, 12)
    return (
        f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey="
        f"{rs(rng, ALNUM + '+/', 86)}==;EndpointSuffix=core.windows.net"
    )


# --- emails --------------------------------------------------------------------------------

MAIL_DOMAINS: dict[str, list[str]] = {
    "en": [
        "gmail.com",
        "outlook.com",
        "yahoo.co.uk",
        "btinternet.com",
        "icloud.com",
        "example.com",
        "mail.fieldstone-partners.co.uk",
        "eu.support.brightwave.io",
    ],
    "de": [
        "gmx.de",
        "web.de",
        "t-online.de",
        "posteo.de",
        "mailbox.org",
        "example.de",
        "verwaltung.stadtwerke-lindau.de",
        "müller-bau.de",
    ],
    "es": [
        "gmail.com",
        "hotmail.es",
        "telefonica.net",
        "correo.ugr.es",
        "prodigy.net.mx",
        "example.es",
    ],
    "fr": [
        "orange.fr",
        "free.fr",
        "laposte.net",
        "sfr.fr",
        "univ-lyon2.fr",
        "example.fr",
        "élysée-conseil.fr",
    ],
    "it": ["libero.it", "virgilio.it", "tiscali.it", "pec.ordineavvocati.it", "example.it"],
    "nl": ["ziggo.nl", "kpnmail.nl", "xs4all.nl", "student.uva.nl", "example.nl"],
    "pt": ["sapo.pt", "uol.com.br", "bol.com.br", "terra.com.br", "example.com.br"],
    "sv": ["telia.com", "bredband.net", "example.se"],
    "da": ["mail.dk", "jubii.dk"],
    "no": ["online.no", "getmail.no"],
    "fi": ["kolumbus.fi", "luukku.com"],
    "cs": ["seznam.cz", "centrum.cz", "email.cz"],
    "ro": ["yahoo.ro", "rdslink.ro"],
    "el": ["otenet.gr", "yahoo.gr"],
    "ru": ["mail.ru", "yandex.ru", "rambler.ru"],
    "uk": ["ukr.net", "i.ua"],
    "ja": ["yahoo.co.jp", "docomo.ne.jp", "nifty.com"],
    "ko": ["naver.com", "daum.net", "hanmail.net"],
    "zh": ["qq.com", "163.com", "126.com"],
    "hi": ["rediffmail.com", "gmail.com"],
    "ar": ["hotmail.com", "emirates.net.ae"],
    "he": ["walla.co.il", "bezeqint.net"],
    "vi": ["gmail.com", "fpt.vn"],
    "id": ["yahoo.co.id", "telkom.net"],
}


def email(rng: Random, p: Person, lang: str = "") -> str:
    g, f = p.latin()
    gs, fs = ascii_slug(g) or "user", ascii_slug(f) or "mail"
    domains = MAIL_DOMAINS.get(lang or p.locale, MAIL_DOMAINS["en"])
    dom = rng.choice(domains)
    style = rng.random()
    if style < 0.3:
        local = f"{gs}.{fs}"
    elif style < 0.45:
        local = f"{gs[0]}{fs}"
    elif style < 0.55:
        local = f"{gs}.{fs}+{rng.choice(['shop', 'news', 'work', 'github', 'bank', 'tax'])}"
    elif style < 0.7:
        local = f"{fs}{gs[:1]}{p.birth.year % 100:02d}"
    elif style < 0.8:
        local = f"{gs}_{fs}{rng.randint(1, 999)}"
    elif style < 0.9:
        local = f"{gs}"
    else:
        local = f"{fs}.{gs}"
    if p.locale in ("ru", "uk") and rng.random() < 0.15:
        return f"{p.given.lower()}@почта.рф"
    if p.locale == "de" and rng.random() < 0.1:
        local = p.given.lower().replace(" ", "")
        dom = "müller-bau.de"
    return f"{local}@{dom}"


def handle(p: Person, rng: Random) -> str:
    g, f = p.latin()
    return rng.choice(
        [
            f"{ascii_slug(g)}.{ascii_slug(f)}",
            f"{ascii_slug(g)[:1]}{ascii_slug(f)}",
            f"{ascii_slug(g)}{rng.randint(1, 99)}",
        ]
    )


# --- medical / insurance identifiers -------------------------------------------------------


def mrn(rng: Random) -> str:
    kind = rng.random()
    if kind < 0.25:
        return "MRN-" + pattern(rng, "#######")
    return pattern(rng, rng.choice(["########", "00######", "@##########"]))


def member_id(rng: Random, country: str) -> str:
    if country == "DE":
        return rng.choice(UP) + pattern(rng, "#########")
    if country == "FR":
        return pattern(rng, "# ## ## ## ### ### ##")
    if country == "NL":
        return pattern(rng, "#########")
    return pattern(rng, rng.choice(["@@@#########", "W#########", "###-##-####-@", "@@#######-01"]))
