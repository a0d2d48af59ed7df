"""People by their account names: @mentions, git merge lines, login lines of auth logs.

A user name identifies a person as well as a name does, but no name model
knows ``@tkowalczyk`` or ``sigríður`` in ``Failed password for sigríður``.
These are found by where they stand:

- ``@handle`` in chat and issue text (not a decorator, a Javadoc tag, a CSS
  at-rule, an npm scope or an e-mail address; not ``@here``/``@channel``);
- ``Merge pull request #12 from handle/branch`` and ``Merge branch … of
  github.com:handle/repo``;
- speakers of chat exports (``[9:15 AM] nneka.o: on it``);
- ``user=handle`` fields of log lines (also ``login=``, ``owner=``, ``author=``);
- sshd, sudo and PAM lines: ``Failed password for [invalid user] handle from``,
  ``Accepted publickey for handle``, ``session opened for user handle``,
  ``sudo:  handle : TTY=…``, ``Invalid user handle from``;
- the user field of Apache/nginx access logs (``1.2.3.4 - handle [05/Dec/…``),
  home directories (``/home/handle/``, ``C:\\Users\\handle\\``), ssh targets and
  shell prompts (``ssh -i key handle@host``, ``handle@10.0.0.5``, ``handle@web-01:~$``),
  ``ansible_user=handle``-style keys;
- the profile part of a social or code-hosting URL (``linkedin.com/in/grace-sinclair``,
  ``github.com/handle``, ``instagram.com/handle``).

Service accounts (root, www-data, postgres, ubuntu …) are not people.
"""

from __future__ import annotations

import re

from edgekit.privacy.names import CHAT_ROLES
from edgekit.privacy.types import PERSON, Candidate

_SCORE = 0.7
_HANDLE = r"[^\W_][\w.\-]{0,38}[^\W_]|[^\W_]"
_MENTION_RE = re.compile(rf"(?<![\w@./:+-])@(?P<v>{_HANDLE})(?![\w(/@]|\.\w|\[)")
_GIT_RE = re.compile(
    rf"Merge pull request #\d+ from (?P<v>{_HANDLE})/"
    rf"|Merge branch \S+ of [\w.-]+[:/](?P<w>{_HANDLE})/"
)
# key=value log fields and JSON fields: "user=ana.lima action=login", "login": "kbrennan".
_ACCOUNT_KEYS = (
    r"user|username|user_name|login|account|owner|assignee|author|handle|screen_name|nickname|"
    r"uid"
)
# A database's or a broker's user in a config ("DB_USER=shop", "POSTGRES_USER=app") is the
# application's account, not a person's.
_DATASTORES = (
    r"db|database|postgres|postgresql|pg|mysql|mariadb|mssql|sql|mongo|mongodb|redis|"
    r"rabbitmq|amqp|mq|kafka|elastic|es|influx|influxdb|clickhouse|oracle|couchdb|neo4j"
)
_KEY_VALUE_RE = re.compile(
    rf"(?i)(?<![\w.-])(?:{_ACCOUNT_KEYS}|(?!(?:{_DATASTORES})_user=)[a-z]{{2,20}}_user)="
    rf"[\"']?(?P<v>{_HANDLE})(?![\w@])"
    rf"|\"(?:{_ACCOUNT_KEYS})\"\s*:\s*\"(?P<w>{_HANDLE})\""
)
# "user mario.rossi logged in", "L'utente mario.rossi": an account name after the word
# for user in a claimed language, when it looks like one (a dot or an underscore inside).
_USER_WORD_RE = re.compile(
    r"(?i)(?<![\w.])(?:user|utente|usuario|utilisateur|benutzer|nutzer|użytkownik|kullanıcı|"
    r"gebruiker|användare|bruker|käyttäjä|usuário)[ \t]+"
    r"(?P<v>[a-z][a-z0-9]{0,30}[._][a-z0-9._]{1,30}[a-z0-9])"
    r"(?![\w@])"
)
# Profile pages named after their person: "linkedin.com/in/grace-sinclair",
# "xing.com/profile/Jonas_Albrecht", "github.com/tkowalczyk", "instagram.com/ana.lima".
_PROFILE_RE = re.compile(
    r"(?i)(?<![\w.-])(?:www\.)?(?:[a-z]{2}\.)?(?:linkedin\.com/(?:in|pub)|xing\.com/profile"
    r"|github\.com|gitlab\.com|instagram\.com|facebook\.com|twitter\.com|x\.com|"
    r"tiktok\.com/@?|medium\.com/@|threads\.net/@)/(?P<v>[^\W_][\w.%\-]{1,60}[^\W_])(?![\w%\-])"
)
_NOT_PROFILES = frozenset(
    [
        *("features", "pricing", "about", "login", "signup", "settings", "explore", "topics"),
        *("orgs", "sponsors", "marketplace", "help", "home", "search", "jobs", "company"),
        *("groups", "pages", "events", "watch", "share", "sharer", "hashtag", "i", "intent"),
    ]
)
# Code notes owned by someone: "TODO(ekaterina): …", "FIXME(j.ruiz)", "XXX(bob)".
_NOTE_OWNER_RE = re.compile(rf"\b(?:TODO|FIXME|XXX|HACK|NOTE)\((?P<v>{_HANDLE})\)")
# Chat exports whose speakers are account names: "[9:15 AM] nneka.o: on it".
_SPEAKER_HANDLE_RE = re.compile(rf"(?m)^[ \t]*\[[^\]\n]{{3,30}}\][ \t]*(?P<v>{_HANDLE}):[ \t]")
_AUTH_RE = re.compile(
    rf"(?:(?:Failed|Accepted) (?:password|publickey|keyboard-interactive(?:/pam)?|none) for"
    rf"(?: invalid user)?|[Ii]nvalid user|session (?:opened|closed) for user"
    rf"|authentication failure;.*? user=|FAILED SU \(to \S+\)) (?P<v>{_HANDLE})"
    rf"(?= from |\(uid|\s|$|;)"
    rf"|sudo(?:\[\d{{1,10}}\])?:\s+(?P<w>{_HANDLE}) : "
)
# Where a log or a shell names the account: the user field of Apache/nginx access logs
# ("1.2.3.4 - ana [05/Dec/2026:…"), home directories (/home/ana/, /Users/ana/,
# C:\\Users\\ana\\), ssh targets and prompts (ssh ana@10.0.0.5, ana@web-01:~$).
_ACCESS_LOG_RE = re.compile(
    rf"(?m)^[ \t]*[\w.:\-]{{2,64}} \S{{1,32}} (?P<v>{_HANDLE}) \[\d{{1,2}}/\w{{3}}/\d{{4}}:"
)
_ACCESS_LOG_DATE = re.compile(r" \[\d{1,2}/\w{3}/\d{4}:")
_HOME_RE = re.compile(rf"(?:/home/|/Users/|\\Users\\|/var/mail/)(?P<v>{_HANDLE})(?=[/\\\s\"':]|$)")
_USER_AT_HOST_RE = re.compile(
    rf"(?<![\w.@\-/])(?P<v>{_HANDLE})@(?:\d{{1,3}}(?:\.\d{{1,3}}){{3}}|[A-Za-z][\w\-]{{0,40}}"
    rf"(?=:[~/ ]|[ \t]*\$))(?![\w.])"
)
_SSH_TARGET_RE = re.compile(
    rf"\b(?:ssh|scp|sftp|rsync|mosh)\b[^\n@]{{0,120}}?[ \t](?P<v>{_HANDLE})@[\w.\-]+"
)
# Forum and Reddit authors: "Posted by u/eleni_k", "↳ nuria_227: …", "└─ bo.li: …" (a reply
# marker opening the line, then the author and a colon).
_FORUM_USER_RE = re.compile(
    rf"(?m)(?<![\w/])u/(?P<v>{_HANDLE})(?![\w/])"
    rf"|^[ \t]*(?:↳|↪|└[─—\-]*|┗[━─]*|>>)[ \t]*(?P<w>{_HANDLE}):[ \t]"
)
_FORUM_TRIGGER = re.compile(r"u/|↳|↪|└|┗|>>")
# Not people: service and default accounts, Slack broadcasts, and @-words of code.
_NOT_PEOPLE_WORDS = """
root admin administrator ubuntu debian centos ec2-user pi git www-data nobody daemon
postgres mysql oracle redis nginx apache httpd ftp backup operator guest test user users
deploy ansible jenkins gitlab-runner runner docker sshd systemd bin sys mail games
here channel everyone all team someone
param return returns throws throw exception deprecated author see since version link
inheritdoc override interface implementation end property synthesize dataclass
staticmethod classmethod abstractmethod cached_property media import font-face keyframes
supports charset page namespace layer container tailwind apply tailwindcss types
example todo fixme note type typedef callback async await pytest app router mock patch
component injectable input output viewchild ngmodule test_case"""
_NOT_PEOPLE = frozenset(_NOT_PEOPLE_WORDS.split()) | CHAT_ROLES


# Each pattern with a cheap test of the text first (a substring or a pattern that must occur).
# Every form of _KEY_VALUE_RE holds "=" (user=…) or a quote ("user": "…"): a cheap test first.
_KEY_VALUE_TRIGGER = re.compile(r"[=\"]")
_ACCOUNT_RES: tuple[tuple[re.Pattern[str], str | re.Pattern[str] | None], ...] = (
    (_GIT_RE, "Merge "),
    (_AUTH_RE, None),
    (_KEY_VALUE_RE, _KEY_VALUE_TRIGGER),
    (_SPEAKER_HANDLE_RE, "["),
    (_USER_WORD_RE, None),
    (_NOTE_OWNER_RE, "("),
    (_ACCESS_LOG_RE, _ACCESS_LOG_DATE),
    (_HOME_RE, re.compile(r"/home/|/Users/|\\Users\\|/var/mail/")),
    (_USER_AT_HOST_RE, "@"),
    (_SSH_TARGET_RE, "@"),
    (_FORUM_USER_RE, _FORUM_TRIGGER),
)


# Service accounts by their name's shape: "svc-backup", "sa_import", "ci-bot", "deploy-svc".
_SERVICE_ACCOUNT = re.compile(
    r"(?i)^(?:svc|srv|sa|bot|ci|app|sys)[-_.]|[-_.](?:svc|bot|service|daemon)$"
)


def _account(value: str) -> bool:
    lower = value.lower()
    return lower not in _NOT_PEOPLE and not value.isdigit() and not _SERVICE_ACCOUNT.search(lower)


def _decorator_line(text: str, start: int) -> bool:
    """``@dataclass`` or ``@app.get("/")`` on a line of its own (code, not a mention)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.lstrip().startswith("@") and (" " not in line.strip() or "(" in line)


class HandleDetector:
    """User names of people: mentions, git merges and login lines."""

    name = "names-handles"

    def detect(self, text: str) -> list[Candidate]:
        """Person candidates for account names in ``text``."""
        found: list[Candidate] = []
        for regex, trigger in _ACCOUNT_RES:
            if trigger is not None and not (
                trigger in text if isinstance(trigger, str) else trigger.search(text)
            ):
                continue
            for m in regex.finditer(text):
                group = next(g for g, value in m.groupdict().items() if value)
                if _account(m.group(group)):
                    found.append(Candidate(PERSON, m.start(group), m.end(group), _SCORE))
        if ".com/" in text or ".net/" in text:
            for m in _PROFILE_RE.finditer(text):
                if _account(m.group("v")) and m.group("v").lower() not in _NOT_PROFILES:
                    found.append(Candidate(PERSON, m.start("v"), m.end("v"), _SCORE))
        for m in _MENTION_RE.finditer(text) if "@" in text else ():
            if _account(m.group("v")) and not _decorator_line(text, m.start()):
                found.append(Candidate(PERSON, m.start("v") - 1, m.end("v"), _SCORE))
        return found
