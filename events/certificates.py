"""Certificates of attendance: who gets one, the verification code, what is printed,
when it is printed again, and who may see it.

After check-in an organiser issues the certificates of an event with one click: every
registration marked as attended that belongs to an account gets one (a guest has no
account to download it from). The worker (events.tasks) makes them one attendee at a
time, each in its own transaction, reading the attendees in chunks: memory stays the
same for 50 or 5,000 attendees, and a run that dies half-way is finished by the next,
which only sees the attendees still without one. The database makes sure nobody gets
two (one per event and account: a second worker waits on the first one's row and
then skips it) and that no code is given out twice.

The holder's name is the account's name (or, when the account has none, the name typed
when registering). The certificate belongs to the account, not to the registration:
registrations are wiped some time after the event (events.privacy), a certificate
stays until the account is deleted, and then goes with it, file and all.

Each certificate keeps a fingerprint of everything printed on it. When the event or
the holder's name changes, `refresh` makes again only the certificates whose printed
text differs, so a change that prints the same (a new start time on the same day)
leaves the files alone; the old file is deleted once the new one is committed.
"""

import hashlib
import json
import re
import secrets
import unicodedata
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.http import FileResponse
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.log_actions import log

from portal import ratelimit
from portal.errors import RuleError

from . import certificate_pdf
from .models import (
    AMSTERDAM,
    CODE_ALPHABET,
    CODE_LENGTH,
    Certificate,
    Event,
    Registration,
    RegistrationStatus,
)

CHUNK_SIZE = 100  # attendees read at a time; one PDF is made and saved at a time
CHECKS_PER_CLIENT = 20  # code checks per hour per IP address: no trying codes in bulk
CHECK_WINDOW = 3600

error_messages = {
    "nobody_attended": gettext_lazy(
        "Nobody with an account has been checked in as present yet. "
        "Check people in first; guests without an account get no certificate."
    ),
    "all_issued": gettext_lazy("Everyone who was present already has a certificate."),
    "malformed_code": gettext_lazy(
        "A code has 12 letters and digits, for example ABCD-EFGH-JKMN. Check what you typed."
    ),
    "unknown_code": gettext_lazy(
        "There is no certificate with this code. Check that you copied it correctly."
    ),
    "too_many_checks": gettext_lazy(
        "You have checked many codes in a short time. Try again in an hour."
    ),
}


class CertificateError(RuleError):
    """What the certificate rules refuse; `code` is a key of error_messages."""

    error_messages = error_messages


# --- Codes ------------------------------------------------------------------------

# Letters people confuse with digits, read the way Crockford's base 32 reads them.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Spaces, dashes of every kind, dots and underscores people type between the groups.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")


def new_code() -> str:
    """12 characters of Crockford's base 32: 60 random bits, so a code cannot be
    guessed (and the check is rate limited besides)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """The code as stored, from what someone typed: any case, with spaces or dashes,
    O for 0 and I or L for 1. Raises CertificateError("malformed_code")."""
    code = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text)).upper()
    code = code.translate(_LOOK_ALIKES)
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        raise CertificateError("malformed_code")
    return code


def verification_url(certificate) -> str:
    """The public check, with the code filled in (it checks nothing until sent)."""
    address = reverse("events:certificate_check")
    return f"{settings.SITE_URL}{address}?code={certificate.display_code}"


def verify(code: str, client: str) -> Certificate:
    """The certificate with this (normalised) code, for the public check; counts the
    attempt against the client's limit first."""
    if not ratelimit.allow("events:certificate-check", client, CHECKS_PER_CLIENT, CHECK_WINDOW):
        raise CertificateError("too_many_checks")
    found = Certificate.objects.select_related("event", "user").filter(code=code).first()
    if found is None:
        raise CertificateError("unknown_code")
    return found


# --- What is printed ----------------------------------------------------------------


@dataclass(frozen=True)
class Printed:
    """Everything on a certificate besides its code, as printed (in the site's language)."""

    holder_name: str
    event_title: str
    dates: str
    hours: str
    issuer: str
    issued_on: str

    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()


def hours_of(event) -> Decimal:
    """The organiser's study hours, or else the event's duration to the half hour."""
    if event.study_hours is not None:
        return event.study_hours
    half_hours = round((event.ends_at - event.starts_at).total_seconds() / 1800)
    return Decimal(max(half_hours, 1)) / 2


def _dates(event) -> str:
    start, end = event.local_start.date(), event.local_end.date()
    if start == end:
        return formats.date_format(start, "j F Y")
    return _("%(start)s to %(end)s") % {
        "start": formats.date_format(start, "j F Y"),
        "end": formats.date_format(end, "j F Y"),
    }


def _hours(event) -> str:
    hours = hours_of(event).normalize()
    amount = formats.number_format(hours, decimal_pos=0 if hours == hours.to_integral() else 1)
    return ngettext("%(hours)s hour", "%(hours)s hours", 1 if hours == 1 else 2) % {"hours": amount}


def printed(certificate) -> Printed:
    """What the certificate says; the public check shows the same."""
    event = certificate.event
    with translation.override(settings.LANGUAGE_CODE):
        return Printed(
            holder_name=certificate.user.full_name.strip() or certificate.holder_name,
            event_title=event.title,
            dates=_dates(event),
            hours=_hours(event),
            issuer=settings.WAGTAIL_SITE_NAME,
            issued_on=formats.date_format(
                timezone.localtime(certificate.issued_at, AMSTERDAM), "j F Y"
            ),
        )


def _print(certificate, what: Printed) -> None:
    """Make the PDF and put it in storage under a new name (saved with the row by the
    caller); the caller removes it again if its transaction fails."""
    with translation.override(settings.LANGUAGE_CODE):
        content = certificate_pdf.render(
            what, certificate.display_code, verification_url(certificate)
        )
    certificate.file.save("certificate.pdf", ContentFile(content), save=False)
    certificate.holder_name = what.holder_name
    certificate.fingerprint = what.fingerprint()


def _discard_new_file(certificate, old_name="") -> None:
    name = certificate.file.name
    if name and name != old_name:
        certificate.file.storage.delete(name)


# --- Issuing ------------------------------------------------------------------------


def attendees_without_certificate(event):
    """Registrations marked as attended, of an account that has no certificate for
    the event yet."""
    has_one = Certificate.objects.filter(event=OuterRef("event"), user=OuterRef("user"))
    return event.registrations.filter(
        status=RegistrationStatus.ATTENDED, user__isnull=False
    ).exclude(Exists(has_one))


def waiting_for_certificate(event) -> int:
    """How many attendees issuing now would give a certificate; refuses when none."""
    count = attendees_without_certificate(event).count()
    if not count and event.certificates.exists():
        raise CertificateError("all_issued")
    if not count:
        raise CertificateError("nobody_attended")
    return count


def issue(event_id, by=None) -> int:
    """Give every attendee without one a certificate; returns how many were made."""
    event = Event.objects.get(pk=event_id)
    attendees = attendees_without_certificate(event).select_related("user").order_by("pk")
    issued = 0
    for registration in attendees.iterator(chunk_size=CHUNK_SIZE):
        issued += _issue_one(event, registration)
    if issued:
        log(event, "events.certificates.issue", user=by, data={"count": issued})
    return issued


def _issue_one(event, registration: Registration) -> bool:
    """One certificate, row and file in one transaction. The row goes in first: a
    second worker issuing at the same time waits on it, then finds it taken."""
    draws_left = 3
    while True:
        draws_left -= 1
        certificate = Certificate(
            event=event,
            user=registration.user,
            code=new_code(),
            holder_name=registration.user.full_name.strip() or registration.name,
        )
        try:
            with transaction.atomic():
                certificate.save()
                _print(certificate, printed(certificate))
                certificate.save(update_fields=["file", "holder_name", "fingerprint"])
            return True
        except IntegrityError:
            _discard_new_file(certificate)
            if Certificate.objects.filter(event=event, user=registration.user_id).exists():
                return False
            if not draws_left:
                raise
            # Otherwise the code was taken (a one in 2^60 chance): draw another.
        except BaseException:
            _discard_new_file(certificate)
            raise


# --- Making them again ----------------------------------------------------------------


def refresh(event_id=None, user_id=None) -> int:
    """Make again the certificates of an event or of an account whose printed text
    changed; returns how many. The event's history says how many per event."""
    scope = {"event_id": event_id} if event_id is not None else {"user_id": user_id}
    ids = Certificate.objects.filter(**scope).order_by("pk").values_list("pk", flat=True)
    per_event = {}
    for pk in ids.iterator(chunk_size=CHUNK_SIZE):
        event = _refresh_one(pk)
        if event is not None:
            per_event.setdefault(event.pk, [event, 0])[1] += 1
    for event, count in per_event.values():
        log(event, "events.certificates.regenerate", data={"count": count})
    return sum(count for _event, count in per_event.values())


def _refresh_one(pk):
    """The certificate's event when it was made again, else None."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("event", "user")
            .filter(pk=pk)
            .first()
        )
        if certificate is None:
            return None
        now_printed = printed(certificate)
        if now_printed.fingerprint() == certificate.fingerprint:
            return None
        old_name = certificate.file.name
        try:
            _print(certificate, now_printed)
            certificate.regenerated_at = timezone.now()
            certificate.save(update_fields=["file", "holder_name", "fingerprint", "regenerated_at"])
        except BaseException:
            _discard_new_file(certificate, old_name)
            raise
        storage = certificate.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return certificate.event


def delete_file(sender, instance, **kwargs) -> None:
    """A deleted certificate (its account or event deleted) takes its file along,
    once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- Handing out -------------------------------------------------------------------------


def download(certificate) -> FileResponse:
    """The PDF as a download, never kept by a cache or proxy."""
    response = FileResponse(
        certificate.file.open("rb"),
        as_attachment=True,
        filename=f"certificaat-{certificate.event.slug}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def export(user) -> list[dict]:
    """The account's certificates, for the data download (the PDFs by their link)."""
    return [
        {
            "event": certificate.event.title,
            "starts_at": certificate.event.starts_at.isoformat(),
            "name": certificate.holder_name,
            "hours": str(hours_of(certificate.event)),
            "verification_code": certificate.display_code,
            "issued_at": certificate.issued_at.isoformat(),
            "download": settings.SITE_URL
            + reverse("events:certificate_download", args=[certificate.pk]),
        }
        for certificate in Certificate.objects.filter(user=user)
        .select_related("event")
        .order_by("issued_at", "pk")
    ]
