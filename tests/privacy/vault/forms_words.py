"""Names that are also ordinary words, next to the ordinary words themselves."""

from __future__ import annotations

from random import Random

from . import people as ppl
from . import traps as tr
from .build import Look, Page


def _named(r: Random, given: str, locale: str) -> ppl.Person:
    """A person with the given first name and a surname from ``locale``."""
    family = ppl.person(r, locale).family
    return ppl.Person(
        given, family, f"{ppl.fold(given)}.{ppl.fold(family)}", female=given in ppl.FEMALE
    )


def _word(text: str) -> Look:
    return Look("word", text)


def word_names(r: Random, v: int) -> Page:
    """A family chat where first names are also common words (English, Spanish, Italian, German)."""
    p = Page()
    if v == 0:
        will, rose, hope = (_named(r, n, "en") for n in ("Will", "Rose", "Hope"))
        p.line("summarise who's bringing what:\n")
        p.add(
            "mum: ask ",
            will.lower(),
            " if he ",
            _word("will"),
            " bring the cake, ",
            rose.first(),
            " said the ",
            _word("rose"),
            " bushes need water first\n",
        )
        p.add(
            "dad: ",
            hope.first(),
            " ",
            _word("hopes"),
            " the ",
            _word("grace"),
            " period on the bill covers it, ",
            "otherwise pay ",
            tr.amount(r, "£"),
            "\n",
        )
        p.add(
            "mum: ",
            will.full(),
            " and ",
            rose.full(),
            " arrive ",
            tr.plain_date(r, 3),
            ", ",
            _word("hope"),
            " so\n",
        )
    elif v == 1:
        paz, dolores, blanca, mercedes = (
            _named(r, n, "es") for n in ("Paz", "Dolores", "Blanca", "Mercedes")
        )
        p.line("¿quién trae qué? resúmelo:\n")
        p.add(
            "dile a ",
            paz.lower(),
            " que queremos ",
            _word("paz"),
            " en la cena, nada de política. ",
            dolores.first(),
            " tiene ",
            _word("dolores"),
            " de cabeza, no viene.\n",
        )
        p.add(
            "la camisa ",
            _word("blanca"),
            " es de ",
            blanca.first(),
            ". ",
            mercedes.full(),
            " viene en el ",
            Look("company", "Mercedes"),
            " de su hermano, llega a las ",
            Look("time", "21:00"),
            "\n",
        )
    elif v == 2:
        rosa, bruno, costa = _named(r, "Rosa", "it"), _named(r, "Bruno", "it"), ppl.person(r, "it")
        costa = ppl.Person(
            costa.given, "Costa", f"{ppl.fold(costa.given)}.costa", female=costa.female
        )
        p.line("fammi la lista di chi porta cosa:\n")
        p.add(
            "la maglia ",
            _word("rosa"),
            " è di ",
            rosa.first(),
            ", il cane ",
            _word("bruno"),
            " è di ",
            bruno.first(),
            ". ",
            costa.full(),
            " abita sulla ",
            _word("costa"),
            " e porta il pesce.\n",
        )
        p.add(rosa.lower(), " dice che ", bruno.lower_full(), " paga ", tr.amount(r), "\n")
    else:
        koch, wolf, vogel = (
            ppl.Person(g, f, f"{ppl.fold(g)}.{ppl.fold(f)}")
            for g, f in (("Jürgen", "Koch"), ("Klaus", "Wolf"), ("Heike", "Vogel"))
        )
        p.line("Fass zusammen, wer was mitbringt:\n")
        p.add(
            "Herr ",
            koch.last(),
            " ist gelernter ",
            _word("Koch"),
            " und macht die Suppe. ",
            wolf.full(),
            " hat im Wald einen ",
            _word("Wolf"),
            " gesehen und kommt später.\n",
        )
        p.add(
            "Frau ",
            vogel.last(),
            " füttert vorher die ",
            _word("Vögel"),
            ", ",
            vogel.first(),
            " bringt Kuchen. ",
            "Wir brauchen ",
            _word("lange"),
            ", also bis ",
            Look("time", "23 Uhr"),
            "\n",
        )
    p.add("(", tr.plain_date(r, 0), ")\n")
    return p


FORMS = ((word_names, 4),)
