"""Leerkringen (communities of practice) and the memberships of the people in them.

The rules about who may join, who waits for approval and when a leerkring is full live
in `communities.membership`; the models hold the data and the database constraint
that backs those rules up (one live membership per person per leerkring).
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from portal import images as image_slots
from portal import taxonomy
from portal.blocks import RICH_TEXT_FEATURES
from portal.models import PartnerOrganisation
from portal.roles import COORDINATORS

MANAGE_ALL_PERMISSION = "communities.manage_all_leerkringen"
CARD_IMAGE = image_slots.CARD


class SignupMode(models.TextChoices):
    OPEN = "open", _("Open: join at once")
    APPROVAL = "approval", _("On approval by a coordinator")
    CLOSED = "closed", _("Closed")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Request pending")
    ACTIVE = "active", _("Member")
    DECLINED = "declined", _("Declined")
    LEFT = "left", _("Left")


# A live membership counts: a person has at most one per leerkring.
LIVE = [MembershipStatus.PENDING, MembershipStatus.ACTIVE]


class SectorArrayField(taxonomy.SectorArrayField):
    """The portal's list of sectors, under the name the migrations know it by."""


class LeerkringQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """The leerkringen shown in the list: everything that is not archived."""
        return self.filter(archived=False)

    def with_member_count(self):
        return self.annotate(
            member_count=Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE))
        )

    def with_images(self, slot):
        """Load the images with the renditions of their slot (portal/images.py) in one
        go, so a list of cards costs no extra queries per card."""
        return image_slots.with_renditions(self, "image", *slot.filter_specs)

    def managed_by(self, user):
        """The leerkringen a person may run in the admin: all of them for editors and
        administrators, their own for coordinators, none for anyone else."""
        if not user.is_active or not user.has_perm("communities.change_leerkring"):
            return self.none()
        if user.has_perm(MANAGE_ALL_PERMISSION):
            return self.all()
        return self.filter(coordinators=user)


class Leerkring(index.Indexed, ClusterableModel):
    """A community of practice for one sector or topic, run by its coordinators."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The last part of the web address, for example waterschappen."),
    )
    short_description = models.CharField(
        _("short description"),
        max_length=300,
        help_text=_("One or two sentences for the list of leerkringen."),
    )
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    audience = SectorArrayField(
        _("for whom"), default=list, help_text=_("The sectors this leerkring is meant for.")
    )
    themes = ParentalManyToManyField("portal.Theme", blank=True, verbose_name=_("themes"))
    coordinators = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_leerkringen",
        limit_choices_to={"groups__name": COORDINATORS},
        verbose_name=_("coordinators"),
        help_text=_("People in the Coördinatoren group who run this leerkring."),
    )
    signup_mode = models.CharField(
        _("sign-up"), max_length=16, choices=SignupMode.choices, default=SignupMode.OPEN
    )
    max_members = models.PositiveIntegerField(
        _("maximum number of members"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no maximum."),
    )
    meeting_rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=200,
        blank=True,
        help_text=_("For example: every six weeks, online and once a year in person."),
    )
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    archived = models.BooleanField(
        _("archived"),
        default=False,
        help_text=_("An archived leerkring is not listed and nobody can join it."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LeerkringQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug", permission=MANAGE_ALL_PERMISSION),
        FieldPanel("short_description"),
        FieldPanel("description"),
        FieldPanel("audience"),
        FieldPanel("themes"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("signup_mode"), FieldPanel("max_members")]),
                FieldPanel("meeting_rhythm"),
                FieldPanel("contact_email"),
            ],
            heading=_("Sign-up and meetings"),
        ),
        FieldPanel("coordinators", permission=MANAGE_ALL_PERMISSION),
        InlinePanel("partners", heading=_("Co-organising partners"), label=_("Partner")),
        InlinePanel("testimonials", heading=_("Testimonials"), label=_("Testimonial")),
        FieldPanel("archived", permission=MANAGE_ALL_PERMISSION),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.FilterField("archived"),
    ]

    class Meta:
        verbose_name = _("leerkring")
        verbose_name_plural = _("leerkringen")
        ordering = ["name"]
        permissions = [("manage_all_leerkringen", _("Can manage every leerkring"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("communities:detail", args=[self.slug])

    def get_audience_display(self):
        return taxonomy.sector_labels(self.audience)

    @property
    def accepts_signups(self):
        return not self.archived and self.signup_mode != SignupMode.CLOSED


class Partner(PartnerOrganisation):
    """An organisation that runs the leerkring together with us."""

    leerkring = ParentalKey(Leerkring, on_delete=models.CASCADE, related_name="partners")

    class Meta(PartnerOrganisation.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class Testimonial(Orderable):
    """What a member says about the leerkring, shown on its page."""

    leerkring = ParentalKey(Leerkring, on_delete=models.CASCADE, related_name="testimonials")
    quote = models.TextField(_("quote"), max_length=600)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)

    panels = [
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person in a leerkring, or asking to be. Leaving or being declined ends a
    membership; joining again starts a new one, so the history stays readable."""

    leerkring = models.ForeignKey(
        Leerkring, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("leerkring")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="leerkring_memberships",
        verbose_name=_("member"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MembershipStatus.choices, db_index=True
    )
    motivation = models.TextField(_("motivation"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["leerkring", "user"],
                condition=Q(status__in=["pending", "active"]),
                name="communities_one_live_membership",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.leerkring}"

    @property
    def is_live(self):
        return self.status in LIVE

    @property
    def since(self):
        """When the current status began, for lists and exports."""
        return self.left_at or self.decided_at or self.created_at
