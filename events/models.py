"""Events, their registrations and the yearly targets the key figures are measured against.

The rules about who gets a seat live in `events.registration`; the models only hold
the data and the database constraints that back those rules up.
"""

import secrets
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import PartnerOrganisation
from portal.roles import EDITORS, ORGANISERS

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class EventType(models.TextChoices):
    MEETING = "bijeenkomst", _("Meeting")
    WEBINAR = "webinar", _("Webinar")
    CONFERENCE = "conferentie", _("Conference")
    LEERKRING_MEETING = "leerkringbijeenkomst", _("Leerkring meeting")
    WORK_SESSION = "werksessie", _("Work session")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """What the public sees: published and cancelled events (a cancelled event
        stays visible so people who planned to come read that it is off)."""
        return self.exclude(status=EventStatus.DRAFT)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Event(index.Indexed, ClusterableModel):
    """A meeting people register for: a bijeenkomst, webinar, conference and the like."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    event_type = models.CharField(
        _("type"), max_length=32, choices=EventType.choices, default=EventType.MEETING
    )
    leerkring = models.ForeignKey(
        "communities.Leerkring",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("leerkring"),
        help_text=_("For a meeting of one leerkring."),
    )
    themes = ParentalManyToManyField("portal.Theme", blank=True, verbose_name=_("themes"))
    organisers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organised_events",
        limit_choices_to=Q(groups__name__in=[ORGANISERS, EDITORS]) | Q(is_superuser=True),
        verbose_name=_("organisers"),
        help_text=_("People who may edit this event and see its registrations."),
    )
    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("One or two sentences for the agenda.")
    )
    audience = models.CharField(
        _("for whom"),
        max_length=300,
        blank=True,
        help_text=_("For example: policy advisers at municipalities and provinces."),
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    study_hours = models.DecimalField(
        _("study hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), MaxValueValidator(Decimal("999"))],
        help_text=_(
            "The hours printed on the certificates of attendance. "
            "Empty: the event's duration, rounded to half an hour."
        ),
    )
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(
        _("meeting link"),
        blank=True,
        help_text=_("Only shown to confirmed attendees and in their e-mails."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True, db_index=True)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    programme = RichTextField(_("programme"), blank=True, features=RICH_TEXT_FEATURES)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open right away.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: open until the event starts."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    ask_organisation = models.BooleanField(_("ask for organisation"), default=True)
    ask_job_title = models.BooleanField(_("ask for job title"), default=False)
    ask_dietary = models.BooleanField(_("ask for dietary wishes"), default=False)
    ask_accessibility = models.BooleanField(_("ask for accessibility needs"), default=True)
    report_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("report"),
        help_text=_("The article about this event, once it has taken place."),
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("status"),
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("event_type"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("audience"),
        FieldPanel("leerkring"),
        FieldPanel("themes"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("study_hours"),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("online_url"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("city"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("description"),
        FieldPanel("programme"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("ask_organisation"),
                        FieldPanel("ask_job_title"),
                        FieldPanel("ask_dietary"),
                        FieldPanel("ask_accessibility"),
                    ]
                ),
            ],
            heading=_("Registration"),
        ),
        InlinePanel("questions", heading=_("Extra questions"), label=_("Question")),
        FieldPanel("organisers"),
        InlinePanel("partners", heading=_("Co-organising organisations"), label=_("Organisation")),
        PageChooserPanel("report_page"),
    ]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["status", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=models.F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("The event cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, AMSTERDAM)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, AMSTERDAM)

    @property
    def is_past(self):
        return self.ends_at < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def location_text(self):
        """Where, in one line: for calendars and e-mails."""
        if self.is_online:
            return str(_("Online"))
        return ", ".join(part for part in (self.venue_name, self.venue_address, self.city) if part)

    def clean(self):
        super().clean()
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            raise ValidationError(
                {"registration_closes_at": _("Registration must close after it opens.")}
            )
        if self.is_online and not self.online_url and self.status == EventStatus.PUBLISHED:
            raise ValidationError(
                {"online_url": _("An online event needs a meeting link before publishing.")}
            )

    def registration_is_open(self, now=None):
        now = now or timezone.now()
        if self.status != EventStatus.PUBLISHED or now >= self.starts_at:
            return False
        if self.registration_opens_at and now < self.registration_opens_at:
            return False
        return not (self.registration_closes_at and now >= self.registration_closes_at)


class EventQuestion(Orderable):
    """An extra question the organiser asks everyone who registers."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Short text")
        CHOICE = "choice", _("Choice")

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice: one option per line.")
    )
    required = models.BooleanField(_("required"), default=False)

    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def key(self):
        """The key of this question's answer in `Registration.answers`."""
        return f"q{self.pk}"

    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class EventPartner(PartnerOrganisation):
    """An organisation that organises the event together with the network."""

    event = ParentalKey(Event, on_delete=models.CASCADE, related_name="partners")

    class Meta(PartnerOrganisation.Meta):
        verbose_name = _("co-organising organisation")
        verbose_name_plural = _("co-organising organisations")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("Waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("No-show")


# Statuses that take a seat, and those that are "live" (count for one per e-mail).
SEATED = [RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED, RegistrationStatus.NO_SHOW]
LIVE = [RegistrationStatus.PENDING, RegistrationStatus.WAITING, *SEATED]
CANCELLABLE = [RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class Registration(models.Model):
    """One person's registration for one event: an account holder or a guest."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_registrations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    dietary = models.CharField(_("dietary wishes"), max_length=300, blank=True)
    accessibility = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, db_index=True
    )
    waiting_position = models.PositiveIntegerField(_("waiting list position"), null=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    # When the person last got an e-mail about registering (see registration.mail_again).
    last_mailed_at = models.DateTimeField(_("last e-mailed at"), null=True, editable=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=Q(status__in=LIVE),
                name="events_one_live_registration_per_email",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status=RegistrationStatus.WAITING, waiting_position__gte=1)
                    | (~Q(status=RegistrationStatus.WAITING) & Q(waiting_position__isnull=True))
                ),
                name="events_waiting_position_only_when_waiting",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "waiting_position"])]

    def __str__(self):
        return f"{self.name} ({self.event})"

    @property
    def has_seat(self):
        return self.status in SEATED

    @property
    def is_live(self):
        return self.status in LIVE


# Crockford's base 32: digits and capitals without I, L, O and U, so a code read
# aloud or typed over cannot be mistaken (events.certificates normalises the rest).
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 60 bits


def certificate_file_name(instance, filename):
    """A random name, unrelated to the event or the person: the file is only served
    through a view that checks who asks, and its address must not be guessable."""
    return f"certificates/{secrets.token_urlsafe(24)}.pdf"


class Certificate(models.Model):
    """A certificate of attendance: one per event and account (see events.certificates).

    It belongs to the account, not to the registration: a registration's details are
    wiped some time after the event, the certificate stays until the account goes."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="certificates", verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("account"),
    )
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True)
    holder_name = models.CharField(_("name on the certificate"), max_length=150)
    file = models.FileField(_("file"), upload_to=certificate_file_name, max_length=200)
    # A hash of everything printed on it: a change means the file must be made again.
    fingerprint = models.CharField(max_length=64, editable=False)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    regenerated_at = models.DateTimeField(_("made again at"), null=True, blank=True)

    class Meta:
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")
        ordering = ["event", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="events_one_certificate_per_attendee"
            ),
            models.CheckConstraint(
                condition=Q(code__regex=rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$"),
                name="events_certificate_code_is_crockford_base32",
            ),
        ]

    def __str__(self):
        return f"{self.holder_name} ({self.event})"

    @property
    def display_code(self):
        """The code as printed: ABCD-EFGH-JKMN."""
        return "-".join(self.code[start : start + 4] for start in range(0, CODE_LENGTH, 4))


class YearTarget(models.Model):
    """What the network aims for in a year: the key figures are measured against it."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    events_target = models.PositiveIntegerField(_("events target"))
    participants_target = models.PositiveIntegerField(_("participants target"))

    panels = [FieldPanel("year"), FieldPanel("events_target"), FieldPanel("participants_target")]

    class Meta:
        verbose_name = _("yearly target")
        verbose_name_plural = _("yearly targets")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)
