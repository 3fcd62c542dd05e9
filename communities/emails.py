"""The e-mails of the leerkringen. They share one template set
(communities/emails/notice): a greeting, a few paragraphs and one link.

Everything goes through `portal.emails`, so nothing is sent when the transaction
that caused it rolls back. E-mails are written in the site's language (Dutch).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.emails import send_templated_email
from portal.links import site_url


def _send(to, name, subject, paragraphs, link_url, link_label, reply_to=()):
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "name": name,
            "subject": str(subject),
            "paragraphs": [str(paragraph) for paragraph in paragraphs],
            "link_url": link_url,
            "link_label": str(link_label),
        }
        send_templated_email(
            "communities/emails/notice", context, to=[to], reply_to=[r for r in reply_to if r]
        )


def request_received(membership):
    """Tell each coordinator that someone asks to join their leerkring."""
    leerkring, user = membership.leerkring, membership.user
    members_url = site_url() + reverse("leerkringen:members", args=[leerkring.pk])
    with translation.override(settings.LANGUAGE_CODE):
        who = user.full_name or user.email
        if user.organisation:
            who = f"{who} ({user.organisation})"
        paragraphs = [
            _("%(who)s asks to join %(leerkring)s.") % {"who": who, "leerkring": leerkring.name}
        ]
        if membership.motivation:
            paragraphs.append(
                _("Their motivation: %(motivation)s") % {"motivation": membership.motivation}
            )
        paragraphs.append(_("Approve or decline the request in the admin."))
        subject = _("New request to join %(leerkring)s") % {"leerkring": leerkring.name}
        for coordinator in leerkring.coordinators.all():
            _send(
                coordinator.email,
                coordinator.full_name,
                subject,
                paragraphs,
                members_url,
                _("See the requests"),
            )


def request_decided(membership):
    """Tell the person whether a coordinator let them in."""
    leerkring, user = membership.leerkring, membership.user
    with translation.override(settings.LANGUAGE_CODE):
        values = {"leerkring": leerkring.name}
        if membership.status == "active":
            subject = _("Welcome to %(leerkring)s") % values
            paragraphs = [
                _("A coordinator has approved your request: you are now a member of %(leerkring)s.")
                % values
            ]
        else:
            subject = _("Your request to join %(leerkring)s") % values
            paragraphs = [
                _("A coordinator has declined your request to join %(leerkring)s.") % values,
                _("Questions? Reply to this e-mail."),
            ]
        _send(
            user.email,
            user.full_name,
            subject,
            paragraphs,
            site_url() + leerkring.get_absolute_url(),
            leerkring.name,
            reply_to=[leerkring.contact_email],
        )


def member_message(membership, subject, body, sender_email):
    """A coordinator's message to one member; replies go to the coordinator."""
    leerkring, user = membership.leerkring, membership.user
    paragraphs = [part.strip() for part in body.replace("\r\n", "\n").split("\n\n") if part.strip()]
    with translation.override(settings.LANGUAGE_CODE):
        _send(
            user.email,
            user.full_name,
            f"[{leerkring.name}] {subject}",
            paragraphs,
            site_url() + leerkring.get_absolute_url(),
            leerkring.name,
            reply_to=[sender_email or leerkring.contact_email],
        )
