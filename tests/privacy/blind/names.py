"""Hand-written name pools (no list from any installed package)."""

from __future__ import annotations

# origin -> (female given, male given, family)
POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "us": (
        ("Kayla", "Brittany", "Latoya", "Madison", "Courtney", "Shelby", "Dakota", "Mary Beth"),
        ("Tyler", "Brandon", "DeShawn", "Cody", "Jared", "Travis", "Dwayne", "Billy Ray"),
        ("Whitaker", "Delgado", "Holloway", "Carver", "Pruitt", "McAllister", "Bledsoe", "Yancey"),
    ),
    "uk": (
        ("Harriet", "Siobhan", "Niamh", "Imogen", "Bethan", "Poppy", "Ffion", "Rosalind"),
        ("Alfie", "Callum", "Rhys", "Hamish", "Fergus", "Declan", "Tobias", "Gareth"),
        (
            "Pemberton",
            "Ashworth",
            "Featherstone",
            "Pritchard",
            "Llewellyn",
            "O'Connell",
            "MacLeod",
            "Ramsbottom",
            "Hargreaves",
            "Bell-Innes",
        ),
    ),
    "de": (
        (
            "Henrike",
            "Friederike",
            "Anneliese",
            "Dörte",
            "Birgit",
            "Marie-Luise",
            "Anna Lena",
            "Svenja",
            "Wiebke",
        ),
        ("Jannik", "Sören", "Malte", "Uwe", "Kai-Uwe", "Hans-Jürgen", "Detlef", "Torben"),
        (
            "Brückner",
            "Wöhrle",
            "Kühne",
            "Oberhuber",
            "Meißner",
            "Hansen-Lüdke",
            "Nöthen",
            "von Stetten",
            "Pfeiffer",
            "Rotermund",
        ),
    ),
    "es": (
        ("Nerea", "Maite", "Ainhoa", "Rocío", "Begoña", "Montserrat", "María José", "Itziar"),
        ("Iñaki", "Sergio", "Xabier", "José Luis", "Gonzalo", "Unai", "Borja", "Jacinto"),
        (
            "García López",
            "Etxeberria",
            "Ruiz-Tagle",
            "Olmedo",
            "Peñalver",
            "Santamaría",
            "de la Fuente",
            "Ibáñez Soler",
            "Castells",
            "Arrieta",
        ),
    ),
    "fr": (
        ("Élodie", "Gaëlle", "Maëlys", "Clémence", "Anne-Sophie", "Ségolène", "Océane", "Solène"),
        ("Thibault", "Loïc", "Mathéo", "Benoît", "Jean-Baptiste", "Gwenaël", "Aurélien", "Yves"),
        (
            "Lefèvre",
            "Dubois-Marchand",
            "Le Goff",
            "Delacroix",
            "Chevallier",
            "Lemaire",
            "de Villiers",
            "Quéméner",
            "Faure",
            "Boucheron",
        ),
    ),
    "it": (
        ("Federica", "Beatrice", "Maria Grazia", "Ilaria", "Annunziata", "Ludovica", "Carmela"),
        ("Gianluca", "Pierpaolo", "Niccolò", "Salvatore", "Gennaro", "Ettore", "Raffaele"),
        (
            "Esposito",
            "Lombardi",
            "De Luca",
            "Barbieri",
            "Santoro",
            "Di Stefano",
            "Caruso",
            "Abbate",
            "Lo Iacono",
            "Cucinotta",
        ),
    ),
    "tr": (
        ("Elif", "Ayşe", "Zeynep", "Gülşen", "Büşra", "Özlem"),
        ("Emre", "Mehmet", "Burak", "Hakan", "Oğuz", "Serkan"),
        ("Yıldırım", "Çelik", "Öztürk", "Kaya", "Aydın", "Şahin", "Doğan", "Arslan"),
    ),
    "ar": (
        ("Fatima Zahra", "Layla", "Amina", "Nour", "Samira", "Yasmina"),
        ("Youssef", "Omar", "Karim", "Mohammed", "Tarek", "Bilal"),
        (
            "Al-Hassan",
            "Benali",
            "El Amrani",
            "Haddad",
            "Khalil",
            "Bensaïd",
            "Abdelaziz",
            "Ben Youssef",
        ),
    ),
    "pl": (
        ("Katarzyna", "Agnieszka", "Małgorzata", "Zofia", "Jadwiga"),
        ("Paweł", "Łukasz", "Grzegorz", "Wojciech", "Przemysław"),
        ("Wiśniewska", "Zieliński", "Wójcik", "Kamiński", "Szymańska", "Przybylski"),
    ),
    "vi": (
        ("Thị Lan", "Thu Hà", "Bảo Ngọc", "Minh Thư"),
        ("Văn Minh", "Quang Huy", "Đức Anh", "Thành Long"),
        ("Nguyễn", "Trần", "Phạm", "Lê", "Hoàng", "Vũ"),
    ),
    "ng": (
        ("Ngozi", "Chiamaka", "Funmilayo", "Ifeoma", "Adaeze", "Temitope"),
        ("Chukwuemeka", "Oluwaseun", "Babatunde", "Obinna", "Tunde", "Emeka"),
        ("Okonkwo", "Adeyemi", "Balogun", "Eze", "Ogunleye", "Nwosu", "Adebayo"),
    ),
    "in": (
        ("Priya", "Sneha", "Ananya", "Deepika", "Lakshmi", "Kavya"),
        ("Arjun", "Rohan", "Vikram", "Siddharth", "Karthik", "Aditya"),
        ("Raghunathan", "Venkataraman", "Kulkarni", "Mehta", "Iyer", "Chatterjee", "Nair"),
    ),
    "zh": (
        ("Xiuying", "Yutong", "Shufen", "Meiling", "Jiayi"),
        ("Wei", "Haoran", "Jianguo", "Mingyu", "Zihao"),
        ("Wang", "Zhang", "Chen", "Liu", "Zhao", "Huang", "Xu"),
    ),
}

# Names written in their own scripts (given family as one string).
NON_LATIN = (
    "王秀英",
    "李明轩",
    "陈嘉怡",
    "محمد الحسن",
    "فاطمة بن علي",
    "ليلى حداد",
    "Олена Коваленко",
    "Дмитрий Соколов",
    "प्रिया शर्मा",
    "Νίκος Παπαδόπουλος",
)

# Given names that are also ordinary words.
WORD_NAMES_F = (
    "Rose",
    "Grace",
    "Hope",
    "Sunny",
    "Paz",
    "Amor",
    "Joy",
    "Faith",
    "Fleur",
    "Dolores",
    "Consolata",
    "Summer",
    "Ruby",
    "Constance",
)
WORD_NAMES_M = (
    "Mark",
    "Will",
    "Frank",
    "Bill",
    "Hunter",
    "Ernst",
    "Felice",
    "Modesto",
    "Amor",
    "Sunny",
    "Victor",
    "Rusty",
)

NICKNAMES = (
    "Jimbo",
    "Steffi",
    "Pepe",
    "Manu",
    "Gigi",
    "Benni",
    "Lenny",
    "Titi",
    "Chuy",
    "Kiki",
    "Bobby",
    "Sasha",
    "Toni",
    "Fede",
    "Jojo",
)

# which origins live where, with weights (local first)
ORIGINS: dict[str, tuple[tuple[str, int], ...]] = {
    "us": (("us", 10), ("in", 2), ("zh", 2), ("ng", 2), ("vi", 1), ("ar", 1), ("es", 1)),
    "uk": (("uk", 10), ("in", 3), ("ng", 2), ("pl", 2), ("ar", 1), ("zh", 1)),
    "de": (("de", 10), ("tr", 4), ("pl", 2), ("ar", 2), ("vi", 1)),
    "es": (("es", 10), ("ar", 3), ("ng", 1), ("zh", 1), ("it", 1)),
    "fr": (("fr", 10), ("ar", 4), ("vi", 2), ("ng", 1), ("pl", 1)),
    "it": (("it", 10), ("ar", 2), ("zh", 1), ("in", 1), ("pl", 1)),
}
