"""The expertise centre's records: the conversations its knowledge brokers hold, and
the targets per year and measure that the quarterly figures are held against."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTE_MAX_LENGTH = 1000
FIRST_YEAR = 2000
LAST_YEAR = 2100
TARGET_MAX = 1_000_000


def not_in_the_future(value):
    if value > timezone.localdate():
        raise ValidationError(_("A conversation cannot take place in the future."))


class Conversation(models.Model):
    """A one-to-one talk as knowledge broker, linking one initiative's knowledge to
    another. Whom it was with is kept to the minimum: the accounts of people who
    took part (optional, so their data download shows it and deleting the account
    takes them out) and a short name or role for the others. All text is plain
    text, escaped on output."""

    date = models.DateField(_("date"), default=timezone.localdate, validators=[not_in_the_future])
    organisations = models.CharField(
        _("organisations"),
        max_length=300,
        help_text=_("The organisations the conversation was with, separated by commas."),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participants with an account"),
        related_name="conversations",
        blank=True,
        help_text=_("Only people who have an account on the portal."),
    )
    with_whom = models.CharField(
        _("with"),
        max_length=150,
        blank=True,
        help_text=_("Name or role, as short as possible, for example “policy adviser”."),
    )
    initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("initiatives"),
        related_name="conversations",
        blank=True,
    )
    themes = models.ManyToManyField(
        "portal.Theme", verbose_name=_("themes"), related_name="conversations", blank=True
    )
    led_to_leerkring = models.ForeignKey(
        "communities.Leerkring",
        verbose_name=_("led to leerkring"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    led_to_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("led to event"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    note = models.TextField(
        _("note"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Plain text, no more than 1000 characters. People who took part can read it "
            "in their data download: write only what the work needs."
        ),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("note"), NOTE_MAX_LENGTH),
                name="centre_conversation_note_max_length",
                violation_error_message=_("The note is too long."),
            )
        ]

    def __str__(self):
        # No names: this text lands in the admin's history.
        return f"{self.date:%d-%m-%Y} – {self.organisations}"


class Measure(models.TextChoices):
    """What the centre accounts for, in the order of the report."""

    EVENTS = "events", _("Events held")
    PARTICIPANTS = "participants", _("Participants (checked in)")
    CONVERSATIONS = "conversations", _("Conversations")
    TOOLKIT_USES = "toolkit_uses", _("Toolkit uses")
    SUBSCRIBERS = "subscribers", _("Newsletter subscribers")
    ISSUES = "issues", _("Newsletter issues sent")
    ARTICLES = "articles", _("Articles published")
    INITIATIVES = "initiatives", _("Initiatives on the map")


class Target(models.Model):
    """What the centre aims for in a year on one measure, set by staff."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
    )
    measure = models.CharField(_("measure"), max_length=20, choices=Measure.choices)
    value = models.PositiveIntegerField(_("target"), validators=[MaxValueValidator(TARGET_MAX)])

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["-year", "measure"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "measure"], name="centre_one_target_per_measure"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR),
                name="centre_target_year_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(value__lte=TARGET_MAX), name="centre_target_value_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.get_measure_display()} {self.value}"
