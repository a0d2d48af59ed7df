"""The sealed corpus: every document in a fixed order, from a fixed string seed."""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from privacy.yardstick.corpus import Document

from . import forms_dev as D  # noqa: N812
from . import forms_extra as E  # noqa: N812
from . import forms_more as M  # noqa: N812
from . import forms_records as R  # noqa: N812
from . import forms_talk as K  # noqa: N812
from .build import B

Form = Callable[[B], None]
FORMS: tuple[Form, ...] = (
    K.chat_lowercase,
    K.chat_family_plan,
    K.email_thread,
    K.support_chat,
    K.personal_letter,
    K.meeting_minutes,
    K.hr_note,
    K.voice_transcript,
    K.dating_profile,
    K.secret_in_chat,
    R.patient_intake,
    R.csv_export,
    R.tax_form,
    R.rental_application,
    R.school_letter,
    R.bank_transfer,
    R.travel_booking,
    R.insurance_claim,
    R.invoice_pdf,
    R.medical_report,
    R.legal_contract,
    R.markdown_table,
    R.spreadsheet_paste,
    D.json_payload,
    D.yaml_config,
    D.env_file,
    D.python_script,
    D.js_snippet,
    D.sql_dump,
    D.access_log,
    D.app_log,
    D.shell_session,
    D.xml_record,
    D.k8s_manifest,
    D.docs_sample,
    D.git_patch,
    D.http_request,
    D.geo_tracks,
    M.todo_notes,
    M.cv_application,
    M.team_webpage,
    M.police_report,
    M.prescription,
    M.us_onboarding,
    M.ireland_uk_letter,
    M.car_sale,
    E.id_card_ocr,
    E.payroll_table,
    E.nhs_letter,
    E.ci_pipeline,
    E.docker_compose,
    E.notebook_output,
    E.url_encoded_form,
    E.calendar_invite,
    E.forum_post,
    E.visa_form,
    E.street_directions,
    E.service_account_json,
    E.shipping_notice,
    E.bank_statement,
    E.terraform_vars,
)
SEED = "cellar-sealed-v1"
COUNT = 310
MIN_CHARS, MAX_CHARS = 150, 3000


def make(index: int) -> Document:
    """Document ``index``; retries with a new sub-seed until its length is in bounds."""
    form = FORMS[index % len(FORMS)]
    for attempt in range(50):
        builder = B(Random(f"{SEED}:{index}:{attempt}"))
        form(builder)
        doc = builder.doc(form.__name__)
        if MIN_CHARS <= len(doc.text) <= MAX_CHARS:
            return doc
    raise RuntimeError(f"{form.__name__} cannot fit {MIN_CHARS}..{MAX_CHARS} characters")


def sealed() -> list[Document]:
    """Every document of the sealed corpus, in a fixed order."""
    return [make(i) for i in range(COUNT)]
