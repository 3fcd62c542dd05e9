"""The core rule of the agenda: who gets a seat, who waits, who moves up.

Every change to an event's registrations goes through here and runs inside one
transaction that first locks the event's row (SELECT ... FOR UPDATE). Requests for the
same event therefore take turns, so counting the free seats and handing out waiting
positions cannot race: no overbooking, waiting positions 1..n without gaps. The
database backs this up with a partial unique constraint (one live registration per
e-mail address per event) and a check that only waiting registrations have a position.

What the rules refuse is a RegistrationError with a code from `error_messages`, the
one place of its sentence; views show `error.message` and decide nothing themselves.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from portal import ratelimit
from portal.errors import RuleError

from . import emails
from .models import CANCELLABLE, LIVE, SEATED, Event, EventStatus, Registration, RegistrationStatus

REGISTRATIONS_PER_CLIENT = 20  # per hour, per IP address (guests) or per account
REGISTRATIONS_PER_ADDRESS = 3  # guest registrations per e-mail address per hour
MAIL_AGAIN_AFTER = timedelta(minutes=10)  # "already registered" e-mails, per registration


error_messages = {
    "closed": gettext_lazy("Registration for this event is closed."),
    "already_registered": gettext_lazy("You are already registered for this event."),
    "too_late_to_cancel": gettext_lazy("This registration can no longer be cancelled."),
    "not_seated": gettext_lazy("Only people with a seat can be checked in."),
}


class RegistrationError(RuleError):
    """What the rules of registering refuse; `code` is a key of error_messages."""

    error_messages = error_messages


class AlreadyRegistered(RegistrationError):
    """The person already has a live registration for the event: `registration`."""

    def __init__(self, registration):
        super().__init__("already_registered")
        self.registration = registration


@dataclass
class Counts:
    confirmed: int = 0
    waiting: int = 0
    pending: int = 0
    cancelled: int = 0
    attended: int = 0
    no_show: int = 0
    capacity: int | None = None

    @property
    def seated(self):
        return self.confirmed + self.attended + self.no_show

    @property
    def seats_left(self):
        """Free seats, or None when the event has no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.seated, 0)

    @property
    def is_full(self):
        """No free seat: who registers now goes on the waiting list. with_fullness
        is the same rule for lists of events."""
        return self.capacity is not None and self.seated >= self.capacity


def counts(event) -> Counts:
    """The number of registrations per status, in one query."""
    result = Counts(capacity=event.capacity)
    rows = event.registrations.order_by().values_list("status").annotate(n=Count("id"))
    for status, number in rows:
        setattr(result, status, number)
    return result


def with_fullness(events) -> list[Event]:
    """The events of a list as shown (a page of the agenda, the home page's next
    events, a leerkring's meetings), each with `is_full` as Counts.is_full has it.

    One grouped query counts the seats of only these events, and only of those with
    a limit: counting every published event's registrations to show one page of
    them cost the agenda a third of its time."""
    events = list(events)
    limited = [event.pk for event in events if event.capacity is not None]
    seated = {}
    if limited:
        rows = (
            Registration.objects.filter(event_id__in=limited, status__in=SEATED)
            .order_by()
            .values_list("event_id")
            .annotate(n=Count("id"))
        )
        seated = dict(rows)
    for event in events:
        event.is_full = event.capacity is not None and seated.get(event.pk, 0) >= event.capacity
    return events


def may_cancel(registration) -> bool:
    """Whether a person can still cancel: a live registration without a check-in,
    until the event is over. cancel() enforces it; pages use it to offer the button."""
    return registration.status in CANCELLABLE and not registration.event.is_past


def _lock(event_id) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def _seats_taken(event) -> int:
    return event.registrations.filter(status__in=SEATED).count()


def _has_free_seat(event) -> bool:
    return event.capacity is None or _seats_taken(event) < event.capacity


def _place(event, registration, now) -> None:
    """Give a seat if one is free, else the next waiting position (event locked)."""
    registration.confirmed_at = now
    if _has_free_seat(event):
        registration.status = RegistrationStatus.CONFIRMED
        registration.waiting_position = None
    else:
        last = event.registrations.filter(status=RegistrationStatus.WAITING).aggregate(
            last=Max("waiting_position")
        )["last"]
        registration.status = RegistrationStatus.WAITING
        registration.waiting_position = (last or 0) + 1


def _renumber_waiting_list(event) -> None:
    """Close the gaps in the waiting list: positions become 1..n in their order."""
    waiting = list(
        event.registrations.filter(status=RegistrationStatus.WAITING).order_by(
            "waiting_position", "created_at"
        )
    )
    changed = []
    for position, registration in enumerate(waiting, start=1):
        if registration.waiting_position != position:
            registration.waiting_position = position
            changed.append(registration)
    Registration.objects.bulk_update(changed, ["waiting_position"])


def _move_up(event, now) -> list[Registration]:
    """Give free seats to the first people on the waiting list (event locked)."""
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - _seats_taken(event)
        if free <= 0:
            return []
    waiting = event.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "waiting_position"
    )
    moved = list(waiting if free is None else waiting[:free])
    for registration in moved:
        registration.status = RegistrationStatus.CONFIRMED
        registration.waiting_position = None
        registration.confirmed_at = now
    Registration.objects.bulk_update(moved, ["status", "waiting_position", "confirmed_at"])
    if moved:
        _renumber_waiting_list(event)
    return moved


@dataclass
class Applicant:
    """What a person fills in when registering."""

    name: str
    email: str
    user: object = None
    organisation: str = ""
    job_title: str = ""
    dietary: str = ""
    accessibility: str = ""
    answers: dict = field(default_factory=dict)


def allow_attempt(client: str, guest_email: str | None = None) -> bool:
    """Count one registration attempt; False once it is one too many. A brake on
    robots (per client: an IP address, or an account) and on flooding someone's
    mailbox with a guest registration in their name (per e-mail address, over all
    events, so no pile of pending registrations grows in their name either)."""
    if not ratelimit.allow("events:client", client, REGISTRATIONS_PER_CLIENT, 3600):
        return False
    return guest_email is None or ratelimit.allow(
        "events:address", guest_email.strip().lower(), REGISTRATIONS_PER_ADDRESS, 3600
    )


def mail_again(existing: Registration) -> bool:
    """Someone registered an address that already has a live registration for the
    event: its owner gets the confirmation link (or the confirmation) again, but at
    most once every MAIL_AGAIN_AFTER. One conditional UPDATE claims the e-mail;
    a concurrent request waits for that row's lock, then finds it claimed."""
    now = timezone.now()
    claimed = (
        Registration.objects.filter(pk=existing.pk)
        .filter(Q(last_mailed_at__isnull=True) | Q(last_mailed_at__lte=now - MAIL_AGAIN_AFTER))
        .update(last_mailed_at=now)
    )
    if not claimed:
        return False
    if existing.status == RegistrationStatus.PENDING:
        emails.send_guest_confirmation(existing)
    else:
        emails.send_registered(existing)
    return True


def register(event_id, applicant: Applicant, *, needs_confirmation=False) -> Registration:
    """Register a person. Account holders get a seat or a waiting position at once;
    guests (`needs_confirmation`) are pending until they confirm their e-mail address.

    Raises RegistrationError "closed" outside the window, and AlreadyRegistered when
    the address, or the applicant's account, already has a live registration for
    this event (the account's may be under an address it used before).
    """
    now = timezone.now()
    email = applicant.email.strip().lower()
    with transaction.atomic():
        event = _lock(event_id)
        if not event.registration_is_open(now):
            raise RegistrationError("closed")
        same_person = Q(email__iexact=email)
        if applicant.user is not None:
            same_person |= Q(user=applicant.user)
        existing = event.registrations.filter(same_person, status__in=LIVE).first()
        if existing:
            raise AlreadyRegistered(existing)
        registration = Registration(
            event=event,
            user=applicant.user,
            name=applicant.name.strip(),
            email=email,
            organisation=applicant.organisation.strip(),
            job_title=applicant.job_title.strip(),
            dietary=applicant.dietary.strip(),
            accessibility=applicant.accessibility.strip(),
            answers=applicant.answers,
            created_at=now,
            last_mailed_at=now,
        )
        if needs_confirmation:
            registration.status = RegistrationStatus.PENDING
        else:
            _place(event, registration, now)
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # Only reachable if a row slipped past the lock (it cannot); the database
            # constraint is the last line of defence.
            raise AlreadyRegistered(
                event.registrations.filter(email__iexact=email, status__in=LIVE).first()
            ) from None
        if needs_confirmation:
            emails.send_guest_confirmation(registration)
        else:
            emails.send_registered(registration)
    return registration


def sign_up(event_id, applicant: Applicant) -> Registration | None:
    """The registration form: an account holder (`applicant.user`) is placed at once,
    a guest first confirms their address by e-mail.

    A guest who types an address that is already registered is not told so: that
    would show anyone who is registered. The address's owner gets the e-mail again
    instead (mail_again), and the guest sees what every guest sees; this returns
    None then. An account holder is told: AlreadyRegistered."""
    guest = applicant.user is None
    try:
        return register(event_id, applicant, needs_confirmation=guest)
    except AlreadyRegistered as error:
        if not guest:
            raise
        mail_again(error.registration)
        return None


def confirm_guest(registration_id) -> Registration:
    """A guest clicked the button behind the link in their e-mail: now they get a
    seat or a waiting position. Confirming twice changes nothing."""
    now = timezone.now()
    with transaction.atomic():
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        event = _lock(registration.event_id)
        registration.refresh_from_db()
        if registration.status != RegistrationStatus.PENDING:
            return registration
        if event.status != EventStatus.PUBLISHED or event.starts_at <= now:
            raise RegistrationError("closed")
        _place(event, registration, now)
        registration.save(update_fields=["status", "waiting_position", "confirmed_at"])
        emails.send_registered(registration)
    return registration


def cancel(registration_id, *, notify=True) -> Registration:
    """Cancel one registration. A freed seat goes to the first on the waiting list,
    who is told by e-mail; the waiting list closes up. Cancelling twice changes
    nothing; after the event, or a check-in, it is RegistrationError
    "too_late_to_cancel" (may_cancel, checked under the event's lock)."""
    now = timezone.now()
    with transaction.atomic():
        event_id = Registration.objects.values_list("event_id", flat=True).get(pk=registration_id)
        event = _lock(event_id)
        registration = Registration.objects.select_related("event").get(pk=registration_id)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        if not may_cancel(registration):
            raise RegistrationError("too_late_to_cancel")
        was_seated = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.waiting_position = None
        registration.cancelled_at = now
        registration.save(update_fields=["status", "waiting_position", "cancelled_at"])
        if notify:
            emails.send_cancelled(registration)
        if was_seated:
            for moved in _move_up(event, now):
                emails.send_moved_up(moved)
        else:
            _renumber_waiting_list(event)
    return registration


def fill_free_seats(event_id) -> list[Registration]:
    """After an organiser raised the capacity: move people up from the waiting list."""
    now = timezone.now()
    with transaction.atomic():
        event = _lock(event_id)
        if event.status != EventStatus.PUBLISHED or event.is_past:
            return []
        moved = _move_up(event, now)
        for registration in moved:
            emails.send_moved_up(registration)
    return moved


def cancel_event(event_id, by=None) -> int:
    """Call off a whole event: everyone still registered is told by e-mail. The
    event's history in the admin records who called it off (`by`)."""
    now = timezone.now()
    with transaction.atomic():
        event = _lock(event_id)
        event.status = EventStatus.CANCELLED
        event.save(update_fields=["status", "updated_at"])
        registrations = list(
            event.registrations.filter(status__in=LIVE).exclude(
                status__in=[RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW]
            )
        )
        for registration in registrations:
            emails.send_event_cancelled(registration)
        event.registrations.filter(pk__in=[r.pk for r in registrations]).update(
            status=RegistrationStatus.CANCELLED, waiting_position=None, cancelled_at=now
        )
        log(event, "events.cancel", user=by, data={"told": len(registrations)})
    return len(registrations)


def check_in(registration_id, attended: bool, by=None) -> Registration:
    """Mark a seated person as attended or as a no-show (at the door or afterwards).
    The event's history records who did it (`by`) and the registration's id, not the
    person's name, so the entry names nobody once their details are wiped."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event")
            .get(pk=registration_id)
        )
        if registration.status not in SEATED:
            raise RegistrationError("not_seated")
        registration.status = (
            RegistrationStatus.ATTENDED if attended else RegistrationStatus.NO_SHOW
        )
        registration.checked_in_at = timezone.now() if attended else None
        registration.save(update_fields=["status", "checked_in_at"])
        action = "events.check_in.attended" if attended else "events.check_in.no_show"
        log(registration.event, action, user=by, data={"registration": registration.pk})
    return registration
