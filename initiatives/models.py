"""Initiatives on the map, and the municipalities that place them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from portal.models import Theme
from portal.taxonomy import Province, Sector

from . import geo


def latitude_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(geo.MIN_LATITUDE), MaxValueValidator(geo.MAX_LATITUDE)],
    )


def longitude_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(geo.MIN_LONGITUDE), MaxValueValidator(geo.MAX_LONGITUDE)],
    )


def in_netherlands_constraint(name):
    return models.CheckConstraint(
        condition=models.Q(
            latitude__gte=geo.MIN_LATITUDE,
            latitude__lte=geo.MAX_LATITUDE,
            longitude__gte=geo.MIN_LONGITUDE,
            longitude__lte=geo.MAX_LONGITUDE,
        ),
        name=name,
    )


class Municipality(models.Model):
    """A Dutch municipality with an approximate centre, from the gazetteer data file."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    province = models.CharField(_("province"), max_length=20, choices=Province.choices)
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [in_netherlands_constraint("municipality_in_netherlands")]

    def __str__(self):
        return self.name


SLUG_ATTEMPTS = 5
# Paths under /kaart/ that are not initiatives.
RESERVED_SLUGS = {"aanmelden"}


def unique_slug(title, taken=()):
    """A slug from the title, numbered when it is already in use (or in `taken`)."""
    field = Initiative._meta.get_field("slug")
    base = (slugify(title) or "initiatief")[: field.max_length - 6].strip("-")
    existing = (
        set(Initiative.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        | set(taken)
        | RESERVED_SLUGS
    )
    slug, number = base, 2
    while slug in existing:
        slug, number = f"{base}-{number}", number + 1
    return slug


class InitiativeQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(status=Initiative.Status.PUBLISHED)


class Initiative(index.Indexed, models.Model):
    """An open-government initiative somewhere in the Netherlands.

    Anyone may submit one; it shows on the map once an editor has published it. All
    text is plain text: it is escaped on output and never rendered as HTML.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")
        # Reported by enough visitors (portal/flags.py): off the map until an editor
        # decides in the queue of reports.
        HIDDEN = "hidden", _("Hidden after reports")

    class Relation(models.TextChoices):
        OWN = "own", _("Our own initiative")
        ADMIRED = "admired", _("An initiative I admire")

    title = models.CharField(_("title"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        unique=True,
        blank=True,
        help_text=_("Part of the address; made from the title when left empty."),
    )
    summary = models.CharField(
        _("summary"), max_length=240, help_text=_("One or two sentences, shown on the map.")
    )
    description = models.TextField(_("description"), max_length=4000)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="initiatives")
    organisation_name = models.CharField(_("organisation"), max_length=150)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=32, choices=Sector.choices
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    province = models.CharField(
        _("province"), max_length=20, choices=Province.choices, editable=False
    )
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))
    website = models.URLField(_("website"), max_length=300, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail address"),
        blank=True,
        help_text=_("For questions from the editors. Never shown on the site."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    relation = models.CharField(
        _("relation"), max_length=16, choices=Relation.choices, default=Relation.OWN
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submitted_initiatives",
    )
    submitter_name = models.CharField(_("name of the submitter"), max_length=150, blank=True)
    submitter_email = models.EmailField(_("e-mail address of the submitter"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = InitiativeQuerySet.as_manager()

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("organisation_name"),
        index.RelatedFields("municipality", [index.SearchField("name")]),
        index.AutocompleteField("title"),
        index.FilterField("status"),
    ]

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-published_at", "-created_at"]
        constraints = [in_netherlands_constraint("initiative_in_netherlands")]
        indexes = [models.Index(fields=["status", "province"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.province = self.municipality.province
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {
                *kwargs["update_fields"],
                "province",
                "published_at",
                "updated_at",
            }
        if self.slug:
            super().save(*args, **kwargs)
            return
        # Two people may send the same title at the same moment: the unique index
        # decides, and the loser takes the next free number.
        for attempt in range(SLUG_ATTEMPTS):
            self.slug = unique_slug(self.title)
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                if attempt == SLUG_ATTEMPTS - 1:
                    raise

    def get_absolute_url(self):
        return reverse("initiatives:detail", args=[self.slug])

    def clean(self):
        """A point in the Netherlands must also lie near its municipality's centre
        (the bounding box itself is checked by the fields' validators)."""
        super().clean()
        if None in (self.latitude, self.longitude) or not self.municipality_id:
            return
        if geo.in_netherlands(self.latitude, self.longitude) and not geo.near_municipality(
            self.latitude, self.longitude, self.municipality
        ):
            raise ValidationError(
                _("The point on the map lies too far from %(municipality)s."),
                params={"municipality": self.municipality.name},
                code="far_from_municipality",
            )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def submitter_address(self):
        """Where news about this submission goes: the account's address first."""
        return self.submitted_by.email if self.submitted_by_id else self.submitter_email
