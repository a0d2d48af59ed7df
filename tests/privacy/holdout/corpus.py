"""The sealed corpus: ``sealed()`` builds every document from a fixed seed."""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache

from privacy.holdout import forms_data, forms_dev, forms_life, forms_msg
from privacy.holdout.build import Doc, Maker
from privacy.yardstick.corpus import Document

SEED = "holdout-7f3c"
MIN_LEN, MAX_LEN = 150, 3000
ALL = ("en", "de", "es", "fr", "it")
EN_HEAVY = ("en", "en", "de", "es", "fr", "it")

Form = Callable[[Maker, Doc], int]

# (form, number of documents, languages it is written in)
SCHEDULE: tuple[tuple[Form, int, tuple[str, ...]], ...] = (
    (forms_msg.landlord_chat, 9, ALL),
    (forms_msg.personal_email, 9, ALL),
    (forms_msg.forwarded_thread, 7, ALL),
    (forms_msg.group_chat, 9, ALL),
    (forms_msg.cancellation_letter, 8, ALL),
    (forms_msg.expat_forum, 12, ("en",)),
    (forms_msg.translate_request, 7, ("de", "es", "fr", "it")),
    (forms_data.hr_record, 12, ("en",)),
    (forms_data.crm_csv, 5, ALL),
    (forms_data.kyc_log, 10, ("en",)),
    (forms_data.rental_form, 9, ALL),
    (forms_data.vcard, 4, EN_HEAVY),
    (forms_data.calendar_invite, 4, EN_HEAVY),
    (forms_data.delivery_payload, 7, ALL),
    (forms_data.photo_metadata, 5, ALL),
    (forms_data.accident_report, 8, ALL),
    (forms_data.travel_booking, 8, ALL),
    (forms_data.payslip, 8, ALL),
    (forms_data.dataframe_print, 4, EN_HEAVY),
    (forms_data.contractor_sheet, 8, ("en",)),
    (forms_data.credit_application, 6, ("en",)),
    (forms_data.gpx_track, 5, ALL),
    (forms_dev.python_script, 8, ALL),
    (forms_dev.dotenv, 8, ("en",)),
    (forms_dev.access_log, 8, ("en",)),
    (forms_dev.stack_trace, 7, EN_HEAVY),
    (forms_dev.curl_session, 7, EN_HEAVY),
    (forms_dev.sql_dump, 5, EN_HEAVY),
    (forms_dev.git_diff, 7, ("en",)),
    (forms_dev.k8s_secret, 4, ("en",)),
    (forms_dev.ci_workflow, 5, ("en",)),
    (forms_dev.html_page, 5, ALL),
    (forms_dev.shell_session, 4, ("en",)),
    (forms_dev.checkout_log, 6, EN_HEAVY),
    (forms_life.clinic_letter, 8, ALL),
    (forms_life.tax_email, 8, ALL),
    (forms_life.curriculum, 7, ALL),
    (forms_life.school_form, 7, ALL),
    (forms_life.guest_list, 5, ALL),
    (forms_life.card_dispute, 8, ALL),
    (forms_life.meeting_notes, 7, ALL),
    (forms_life.sms_reminders, 5, ALL),
    (forms_life.invitation_letter, 7, ALL),
)


def _one(form: Form, i: int, lang: str) -> Document:
    """Document ``i`` of ``form``; redrawn (deterministically) until its length fits."""
    for attempt in range(50):
        rng = random.Random(f"{SEED}:{form.__name__}:{i}:{attempt}")
        doc = Doc(rng, lang, i)
        form(Maker(rng), doc)
        built = doc.done(form.__name__, ALL.index(lang) if lang in ALL else 0)
        if MIN_LEN <= len(built.text) <= MAX_LEN:
            return built
    raise RuntimeError(f"{form.__name__} cannot fit the length bounds")


@cache
def _build() -> tuple[Document, ...]:
    docs = []
    for form, count, langs in SCHEDULE:
        for i in range(count):
            docs.append(_one(form, i, langs[i % len(langs)]))
    return tuple(docs)


def sealed() -> list[Document]:
    """Every document of the sealed corpus, in a fixed order."""
    return list(_build())
