"""The life of a submitted initiative: submitted, then published or rejected.

Every step that changes an initiative's status goes through here, so the submitter
and the editors always hear about it, e-mails only leave after the commit, and the
initiative's history in the admin records which editor did what (with the message a
rejection sent). Visitors may report a published initiative (`REPORTS`, for
portal/flags.py).
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal import flags, ratelimit
from portal.emails import send_templated_email
from portal.links import site_url
from portal.roles import EDITORS

from .models import Initiative

SUBMISSIONS_PER_HOUR = 5


def allow_submission(ip_address) -> bool:
    """A handful of submissions an hour per IP address."""
    return ratelimit.allow("initiatives", ip_address, SUBMISSIONS_PER_HOUR, 3600)


def editor_addresses():
    users = get_user_model().objects.filter(is_active=True, groups__name=EDITORS)
    return sorted(set(users.values_list("email", flat=True)))


def admin_url(initiative):
    return site_url() + reverse("initiatives_admin:moderate", args=[initiative.pk])


def submit(form):
    """Store a submission from the public form and tell the submitter and the editors.

    The initiative and its image are stored together or not at all; the image's file
    is written before the commit, so a rollback removes it again."""
    try:
        with transaction.atomic():
            initiative = form.save()
            context = {"initiative": initiative, "admin_url": admin_url(initiative)}
            send_templated_email(
                "initiatives/emails/submitted", context, to=[initiative.submitter_address]
            )
            editors = editor_addresses()
            if editors:
                send_templated_email("initiatives/emails/new_submission", context, to=editors)
    except Exception:
        form.discard_stored_files()
        raise
    return initiative


def _notify(initiative, template, **context):
    address = initiative.submitter_address
    if address:
        context = {"initiative": initiative, "site_url": site_url(), **context}
        send_templated_email(template, context, to=[address])


@transaction.atomic
def publish(initiative, editor=None):
    """Put an initiative on the map. Publishing twice changes nothing."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.status == Initiative.Status.PUBLISHED:
        return initiative
    initiative.status = Initiative.Status.PUBLISHED
    initiative.save(update_fields=["status"])
    log(initiative, "initiatives.publish", user=editor)
    _notify(initiative, "initiatives/emails/published")
    return initiative


@transaction.atomic
def reject(initiative, message, editor=None):
    """Take an initiative off (or keep it off) the map, and tell the submitter why."""
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    initiative.status = Initiative.Status.REJECTED
    initiative.save(update_fields=["status"])
    log(initiative, "initiatives.reject", user=editor, data={"message": message})
    _notify(initiative, "initiatives/emails/rejected", message=message)
    return initiative


def _set_reported_status(initiative, status) -> None:
    """A plain update (no e-mail): portal/flags.py renews the cached map and logs it."""
    Initiative.objects.filter(pk=initiative.pk).update(status=status)
    initiative.status = status


REJECTED_AFTER_REPORTS = _(
    "Visitors reported a problem with this initiative. The editors looked at it and "
    "took it off the map."
)

# How visitors report an initiative and editors decide (portal/flags.py): enough
# reports hide it (status "hidden"); restoring puts it back on the map, removing
# rejects it and tells the submitter.
REPORTS = flags.Flaggable(
    key="initiatief",
    model=Initiative,
    kind="initiatives",
    permission="initiatives.change_initiative",
    shown=lambda: Initiative.objects.published(),
    is_hidden=lambda initiative: initiative.status == Initiative.Status.HIDDEN,
    hide=lambda initiative: _set_reported_status(initiative, Initiative.Status.HIDDEN),
    restore=lambda initiative: _set_reported_status(initiative, Initiative.Status.PUBLISHED),
    remove=lambda initiative, by: reject(initiative, str(REJECTED_AFTER_REPORTS), editor=by),
    return_url=lambda initiative: (
        initiative.get_absolute_url() if initiative.is_published else reverse("initiatives:map")
    ),
    describe=str,
    public_url=lambda initiative: initiative.get_absolute_url(),
    admin_url=lambda initiative: reverse("initiatives_admin:moderate", args=[initiative.pk]),
)
