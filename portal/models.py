"""The portal's own models: accounts, the shared themes, site settings and pages."""

from django import forms
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import HistoryStepBlock, StandardBlocks
from .images import with_renditions
from .taxonomy import Sector


class UserManager(BaseUserManager):
    """Creates users whose login is their e-mail address."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        """`manage.py createsuperuser`. The one log-in (allauth's, for the admin too)
        wants a verified address; the one the operator typed counts as verified."""
        from allauth.account.models import EmailAddress

        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        user = self._create_user(email, password, **extra_fields)
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. The e-mail address is the login.

    The profile (name, organisation, job title, sector) lives on the user itself: it is
    small, always needed together with the account, and one table saves a join on
    every page that greets the user or prefills a form.
    """

    email = models.EmailField(_("e-mail address"), unique=True, max_length=254)
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    sector = models.CharField(_("sector"), max_length=32, choices=Sector.choices, blank=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="portal_user_email_ci_unique"),
        ]

    def __str__(self):
        return self.full_name or self.email

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class PartnerOrganisation(Orderable):
    """An organisation that works with the network on something (a leerkring, an
    event), listed in the admin's inline panel in the order the editor chose."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.name


class Theme(index.Indexed, models.Model):
    """A theme of open government, shared by articles, events, leerkringen,
    initiatives and newsletter topics. The four starting points come first."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    is_starting_point = models.BooleanField(
        _("starting point"),
        default=False,
        help_text=_("One of the four starting points of open government."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("is_starting_point"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact details, social links, the footer text and the links of the main menu
    and the footer, edited in the admin. The links are part of the settings' cluster,
    so saving the settings saves them, and that renews the cached frame."""

    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    contact_address = models.TextField(_("postal address"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    mastodon_url = models.URLField(_("Mastodon"), blank=True)
    bluesky_url = models.URLField(_("Bluesky"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)
    reports_to_hide = models.PositiveSmallIntegerField(
        _("reports before hiding"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "A comment or initiative is hidden once this many different visitors have "
            "reported it, until an editor decides."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("reports_to_hide"),
        InlinePanel("main_menu_items", heading=_("Main menu"), label=_("Menu item")),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("Footer link")),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        """The filled-in social links as (label, url) pairs, for the footer."""
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


def validate_link_address(value):
    """A path on this site (/agenda/) or a web address; nothing a browser would run
    (javascript:) and no protocol-relative address that leaves the site unnoticed."""
    if value.startswith("/") and not value.startswith("//"):
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Fill in a path on this site, such as /agenda/, or a web address with https://."),
            code="invalid",
        ) from None


class FrameLink(Orderable):
    """A link in the site's frame: a page, shown with its title unless a label is given,
    or an address with a label, for the parts of the site that are no pages (the agenda,
    the map, the search) and for other sites."""

    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        validators=[validate_link_address],
        help_text=_("Instead of a page: a path on this site, such as /agenda/, or a web address."),
    )
    label = models.CharField(
        _("label"), max_length=60, blank=True, help_text=_("Leave empty to show the page's title.")
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return self.label or (self.link_page.title if self.link_page_id else self.link_url)

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError({"link_url": _("Choose a page or fill in an address, not both.")})
        if not self.link_page_id and not self.link_url:
            raise ValidationError({"link_page": _("Choose a page or fill in an address.")})
        if self.link_url and not self.label:
            raise ValidationError({"label": _("A link to an address needs a label.")})

    def title_and_url(self, request):
        if self.link_page_id:
            return self.label or self.link_page.title, self.link_page.get_url(request)
        return self.label, self.link_url


class MainMenuItem(FrameLink):
    site_settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="main_menu_items"
    )

    class Meta(FrameLink.Meta):
        verbose_name = _("menu item")
        verbose_name_plural = _("menu items")


class FooterLink(FrameLink):
    site_settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")

    class Meta(FrameLink.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")


class HomePage(Page):
    """The front door: what the network is, and the way into every part of it.

    Each app adds its own block to the home page template (latest articles,
    upcoming events, leerkringen, the map, the newsletter, key figures).
    """

    intro = models.TextField(_("introduction"), max_length=600)
    body = StreamField(StandardBlocks(), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The home page has the newsletter's own section, so the footer leaves its
        # form out: one sign-up form per page.
        context["page_has_subscribe_form"] = True
        return context


class StandardPage(Page):
    """A plain content page: about us, the privacy statement, the accessibility
    statement (toegankelijkheidsverklaring) and the like."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(StandardBlocks(), blank=True, use_json_field=True)
    sidebar = RichTextField(_("sidebar"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sidebar"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("standard page")


class RateLimitCounter(models.Model):
    """How often one visitor (a hash of an IP or e-mail address) did one thing within
    one fixed time window. Kept in PostgreSQL so that every worker and every app server
    counts in the same place and a burst is counted exactly (see `portal.ratelimit`)."""

    scope = models.CharField(max_length=64)
    key_hash = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key_hash", "window_start"], name="one_counter_per_window"
            )
        ]

    def __str__(self):
        return f"{self.scope} {self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class OutgoingEmail(models.Model):
    """A message waiting for the worker: the outbox.

    The task queue holds only this row's id, never the message itself, so a rendered
    message (with its password-reset, confirmation or unsubscribe links) exists only
    until it has been sent: the task deletes the row when the mail server took it.
    A message that could not be sent keeps its error here until the daily clean-up
    (see `portal.outbox`)."""

    message = models.JSONField(_("message"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return str(self.message.get("subject", ""))


class ScheduledRun(models.Model):
    """One run of one daily job (see `portal.scheduling`). The unique (job, day) pair
    is the claim: however many workers look, only the one whose insert succeeds runs
    the job that day."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    job = models.CharField(_("job"), max_length=100)
    day = models.DateField(_("day"))
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, default=Outcome.RUNNING
    )
    result = models.TextField(_("result"), blank=True)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        ordering = ["-day", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "day"], name="one_run_per_job_and_day")
        ]

    def __str__(self):
        return f"{self.job} {self.day}"


class TeamPage(Page):
    """Who we are ("Over ons"): what the network does, the expertise centre's people,
    its history and the organisations it works with. People and partners are part of
    the page, so the editor changes them where a visitor sees them."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(StandardBlocks(), blank=True, use_json_field=True)
    history = StreamField(
        [("step", HistoryStepBlock())],
        verbose_name=_("history"),
        blank=True,
        use_json_field=True,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("people", heading=_("People"), label=_("person")),
        FieldPanel("history"),
        InlinePanel("partners", heading=_("Partners"), label=_("partner")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("team page")

    def people_with_photos(self):
        """The team, each with the photo's rendition, in a fixed number of queries."""
        return with_renditions(self.people.all(), "photo", PORTRAIT)

    def partners_with_logos(self):
        return with_renditions(self.partners.all(), "logo", LOGO)


PORTRAIT = "fill-240x240"
LOGO = "max-300x120"


class TeamMember(Orderable):
    """Someone who works at the expertise centre, as the team page shows them."""

    page = ParentalKey(TeamPage, on_delete=models.CASCADE, related_name="people")
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120)
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("bio"), FieldPanel("photo")]

    class Meta(Orderable.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name


class TeamPartner(PartnerOrganisation):
    """An organisation the network works with, shown with its logo on the team page."""

    page = ParentalKey(TeamPage, on_delete=models.CASCADE, related_name="partners")
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = PartnerOrganisation.panels + [FieldPanel("logo")]

    class Meta(PartnerOrganisation.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class PublicationsPage(Page):
    """Reports and other documents to download (`/publicaties/`), filterable by theme,
    year and kind. Each publication is a Wagtail document with what a reader needs to
    choose it: a title, a summary, a kind, a date and a theme."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("publications", heading=_("Publications"), label=_("publication")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.RelatedFields(
            "publications", [index.SearchField("title"), index.SearchField("summary")]
        ),
    ]
    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("publications page")


class Publication(Orderable):
    class Kind(models.TextChoices):
        REPORT = "rapport", _("Report")
        GUIDE = "handreiking", _("Guide")
        RESEARCH = "onderzoek", _("Research")
        FACTSHEET = "factsheet", _("Factsheet")
        ANNUAL_REPORT = "jaarverslag", _("Annual report")

    page = ParentalKey(PublicationsPage, on_delete=models.CASCADE, related_name="publications")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    published = models.DateField(_("publication date"))
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="publications",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("document"),
        FieldPanel("kind"),
        FieldPanel("published", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")),
        FieldPanel("theme"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        indexes = [models.Index(fields=["page", "-published"])]

    def __str__(self):
        return self.title


class Report(models.Model):
    """A visitor's report ("melding") of a comment or an initiative, for the editors.

    `reporter_key` only tells reporters of one item apart, so that one visitor counts
    once (the unique constraint); see portal/flags.py for why it identifies nobody and
    when it is deleted. `decided_at` is set when an editor decides: the report then no
    longer counts, and is deleted after a while.
    """

    class Reason(models.TextChoices):
        INCORRECT = "incorrect", _("Incorrect")
        INAPPROPRIATE = "inappropriate", _("Inappropriate")
        PRIVACY = "privacy", _("Privacy")

    NOTE_MAX_LENGTH = 500

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH, blank=True)
    reporter_key = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(_("reported"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("visitor report")
        verbose_name_plural = _("visitor reports")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter_key"],
                name="portal_report_once_per_reporter",
            )
        ]
        indexes = [
            models.Index(
                fields=["content_type", "object_id"],
                condition=models.Q(decided_at__isnull=True),
                name="portal_report_open",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.content_type_id}:{self.object_id})"
