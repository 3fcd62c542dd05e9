"""The e-mails of the agenda. They share one template set (events/emails/notice):
a greeting, a few sentences, the event's details and the links that apply.

Everything goes through `portal.emails`, so nothing is sent when the transaction
that caused it rolls back.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from portal.emails import send_templated_email

from . import links
from .ics import event_calendar


def _send(registration, subject, paragraphs, *, seated=False, cancel=True, confirm=False):
    """Send one notice; a seated person gets the .ics and the online meeting link."""
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "subject": subject,
        "paragraphs": paragraphs,
        "event_url": links.site_url() + event.get_absolute_url(),
        "online_url": event.online_url if seated and event.is_online else "",
        "cancel_url": links.cancel_url(registration) if cancel else "",
        "confirm_url": links.confirm_url(registration) if confirm else "",
    }
    attachments = []
    if seated:
        attachments.append(
            ("bijeenkomst.ics", event_calendar(event, online_link=True), "text/calendar")
        )
    send_templated_email(
        "events/emails/notice", context, to=[registration.email], attachments=attachments
    )


def _in_site_language(function):
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    wrapper.__doc__ = function.__doc__
    return wrapper


@_in_site_language
def send_guest_confirmation(registration):
    _send(
        registration,
        _("Confirm your registration for %(title)s") % {"title": registration.event.title},
        [
            _(
                "You registered for this event. Confirm your e-mail address with the "
                "button behind the link below; only then is your registration final."
            ),
            _("Did you not register? Then you do not need to do anything."),
        ],
        cancel=False,
        confirm=True,
    )


@_in_site_language
def send_registered(registration):
    event = registration.event
    if registration.has_seat:
        _send(
            registration,
            _("You are registered for %(title)s") % {"title": event.title},
            [
                _("Your seat is reserved. The calendar file is attached to this e-mail."),
                _("Can you not come after all? Cancel with the link below, so someone else can."),
            ],
            seated=True,
        )
    else:
        _send(
            registration,
            _("You are on the waiting list for %(title)s") % {"title": event.title},
            [
                _(
                    "The event is full. You are number %(position)s on the waiting list. "
                    "When a seat comes free, you get it automatically and we e-mail you."
                )
                % {"position": registration.waiting_position},
            ],
        )


@_in_site_language
def send_moved_up(registration):
    _send(
        registration,
        _("A seat came free: you are registered for %(title)s")
        % {"title": registration.event.title},
        [
            _("Good news: someone cancelled, so you move up from the waiting list."),
            _("Your seat is reserved. The calendar file is attached to this e-mail."),
        ],
        seated=True,
    )


@_in_site_language
def send_cancelled(registration):
    _send(
        registration,
        _("Your registration for %(title)s is cancelled") % {"title": registration.event.title},
        [_("We have cancelled your registration. You can register again on the event page.")],
        cancel=False,
    )


@_in_site_language
def send_event_cancelled(registration):
    _send(
        registration,
        _("Cancelled: %(title)s") % {"title": registration.event.title},
        [_("Unfortunately this event does not go ahead. Your registration has been cancelled.")],
        cancel=False,
    )


@_in_site_language
def send_reminder(registration):
    _send(
        registration,
        _("Reminder: %(title)s") % {"title": registration.event.title},
        [_("See you soon! Here are the details of the event once more.")],
        seated=True,
    )


@_in_site_language
def send_organiser_message(registration, subject, text):
    _send(registration, subject, [paragraph for paragraph in text.split("\n\n") if paragraph])
