"""Developer text full of hash-like look-alikes and no secret at all."""

from __future__ import annotations

import base64
from random import Random

from . import people as ppl
from . import traps as tr
from .build import Look, Page


def lockfile(r: Random, v: int) -> Page:
    """A package manifest and lock-file excerpt."""
    who = ppl.person(r)
    p = Page()
    p.line("Why does npm install a different version than the lockfile says?\n")
    p.line('{\n  "name": "@acme/checkout",\n  "version": "', tr.version(r), '",')
    p.line('  "author": "', who.full(), " <", ppl.email(r, who), '>",')
    p.line('  "packages": {')
    for pkg in ("react-dom", "zod", "date-fns"):
        p.line('    "node_modules/', pkg, '": {')
        p.line('      "version": "', tr.version(r), '",')
        p.line('      "resolved": "https://registry.npmjs.org/', pkg, "/-/", pkg, '.tgz",')
        sha512 = "sha512-" + base64.b64encode(r.randbytes(64)).decode()
        p.line('      "integrity": "', Look("sri", sha512), '"')
        p.line("    },")
    p.line("  }\n}")
    return p


def docker_build(r: Random, v: int) -> Page:
    """Output of a container build."""
    who = ppl.person(r)
    p = Page()
    p.line("The build is slow, which step should I cache?\n")
    p.line("#1 [internal] load build definition from Dockerfile")
    p.line("#2 [internal] load metadata for docker.io/library/", tr.image(r))
    for i in range(3, 7):
        p.line(
            "#",
            str(i),
            " [",
            str(i - 2),
            "/4] RUN ",
            r.choice(("pip install -r requirements.txt", "apt-get update", "npm ci", "make build")),
            " ",
            Look("measure", f"{r.randint(1, 90)}.{r.randint(0, 9)}s"),
        )
        p.line("#", str(i), " sha256:", tr.sha256(r), " done")
    p.line('LABEL maintainer="', who.full(), " <", ppl.email(r, who, work="acme.dev"), '>"')
    p.line("writing image sha256:", tr.sha256(r), " done")
    p.line("naming to ghcr.io/acme/api:", tr.short_sha(r))
    return p


def git_log(r: Random, v: int) -> Page:
    """A full git log with authors and trailers."""
    p = Page()
    p.line(
        ("Write release notes from this log:", "Schreib Release Notes aus diesem Log:")[v] + "\n"
    )
    for _ in range(3):
        a, b = ppl.people(r, 2)
        p.line("commit ", tr.sha(r))
        p.line("Author: ", a.full(), " <", ppl.email(r, a, work="acme.dev"), ">")
        p.line("Date:   ", tr.timestamp(r))
        p.line()
        p.line(
            "    ",
            r.choice(
                ("Fix rounding in VAT calc for ", "Bump parser to ", "Revert flaky test from ")
            ),
            tr.version(r),
            " (",
            tr.ticket(r),
            ")",
        )
        p.line()
        p.line("    Co-authored-by: ", b.full(), " <", ppl.email(r, b), ">")
        p.line()
    return p


def env_lookups(r: Random, v: int) -> Page:
    """Code that reads every secret from the environment or a vault."""
    who = ppl.person(r)
    p = Page()
    p.line("Is this the right way to load secrets?\n")
    p.line("```python")
    p.line("# reviewed by ", who.lower_full() if v else who.full(), ", ", tr.plain_date(r, 1))
    p.line("import os, getpass, hvac\n")
    p.line("API_KEY = ", tr.env(r, "py"))
    p.line("DB_PASSWORD = ", tr.env(r, "py"), " or getpass.getpass()")
    p.line(
        'WEBHOOK = client.secrets.kv.read_secret_version(path="',
        Look("vault_path", "slack/webhook"),
        '")',
    )
    p.line("DEFAULT_TOKEN = '", tr.placeholder(r), "'  # never used in prod")
    p.line("CACHE_KEY = '", tr.sha256(r), "'")
    p.line("TIMEOUT = ", tr.maths(r, expr_only=True))
    p.line("```")
    return p


def html_signature(r: Random, v: int) -> Page:
    """An HTML e-mail signature."""
    who = ppl.person(r, ("it", "de", "es")[v])
    logo = (
        "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA"
        + base64.b64encode(r.randbytes(48)).decode()
    )
    p = Page()
    p.line("Make this email signature render in Outlook:\n")
    p.line('<table style="font-family:Arial;color:', tr.colour(r), '">')
    p.line(
        '<tr><td><img src="', Look("data_uri", logo), '" width="', Look("measure", "120"), '"></td>'
    )
    p.line(
        "<td><b>",
        who.full(),
        "</b><br>",
        tr.company(r),
        " · ",
        Look("place", r.choice(("Milano", "München", "Valencia"))),
        "<br>",
    )
    p.line(
        '<a href="tel:',
        ppl.phone(r, ("it", "de", "es")[v]),
        '">☎</a> ',
        '<a href="mailto:',
        ppl.email(r, who, work="studio-ferri.it"),
        '">✉</a></td></tr>',
    )
    p.line(
        '<tr><td colspan="2" style="border-top:1px solid ',
        tr.colour(r),
        '">',
        tr.standard(r),
        " certified</td></tr>",
    )
    p.line("</table>")
    return p


FORMS = (
    (lockfile, 1),
    (docker_build, 1),
    (git_log, 2),
    (env_lookups, 2),
    (html_signature, 3),
)
