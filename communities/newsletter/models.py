"""Newsletter data: subscribers, the issues editors compose, and their delivery.

An issue is a Wagtail page, so editors write, preview and publish it like any other
page. Sending it creates a Mailing: a frozen copy of the message plus one Delivery
row per recipient. The rows are the record of who got it, and they are what makes
sending resumable after a crash (see `sending`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.links import site_url

from .blocks import NewsletterBlocks
from .panels import SendingPanel

# Unconfirmed sign-ups are deleted after this many days; the confirmation link
# expires at the same moment.
CONFIRM_DAYS = 7
# Stands for a recipient's own preferences link in a mailing's frozen message.
PREFERENCES_PLACEHOLDER = "https://preferences.invalid/"


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class SubscriptionSource(models.TextChoices):
    """The form on which someone gave consent, for the consent record."""

    FOOTER = "footer", _("Form in the footer")
    HOME = "home", _("Form on the home page")
    PAGE = "page", _("Newsletter page")
    ACCOUNT = "account", _("Account page")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)

    def for_topics(self, themes=(), leerkringen=()):
        """The confirmed subscribers an issue reaches. An issue without topics goes
        to everyone; an issue with topics goes to those who chose one of them."""
        subscribers = self.confirmed()
        if not themes and not leerkringen:
            return subscribers
        chosen = Q(themes__in=themes) | Q(leerkringen__in=leerkringen)
        return subscribers.filter(pk__in=self.filter(chosen).values("pk"))

    def unconfirmed_before(self, moment):
        return self.filter(status=SubscriberStatus.PENDING, consent_given_at__lt=moment)


class Subscriber(models.Model):
    """Someone who receives (or asked to receive) the newsletter.

    Besides the address, name and topics this holds only the consent record: when
    consent was given, on which form, for which version of the consent text, and
    when the address was confirmed or unsubscribed.
    """

    email = models.EmailField(_("e-mail address"), max_length=254)
    name = models.CharField(_("name"), max_length=150, blank=True)
    themes = models.ManyToManyField(
        "portal.Theme", blank=True, related_name="newsletter_subscribers", verbose_name=_("themes")
    )
    leerkringen = models.ManyToManyField(
        "communities.Leerkring",
        blank=True,
        related_name="newsletter_subscribers",
        verbose_name=_("leerkringen"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriptions",
        verbose_name=_("account"),
    )
    consent_given_at = models.DateTimeField(_("consent given at"), default=timezone.now)
    consent_source = models.CharField(
        _("consent given on"), max_length=16, choices=SubscriptionSource.choices
    )
    consent_version = models.CharField(_("version of the consent text"), max_length=20)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-consent_given_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique"),
        ]
        indexes = [models.Index(fields=["status", "consent_given_at"])]

    def __str__(self):
        return self.email

    @property
    def topic_names(self):
        return [theme.name for theme in self.themes.all()] + [
            leerkring.name for leerkring in self.leerkringen.all()
        ]


class NewsletterIndexPage(Page):
    """The newsletter's own page: the subscribe form and the archive of sent issues."""

    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count = 1
    template = "newsletter/index_page.html"

    class Meta:
        verbose_name = _("newsletter page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page_has_subscribe_form"] = True  # the footer leaves its form out
        context["issues"] = (
            NewsletterIssuePage.objects.live()
            .child_of(self)
            .filter(mailing__isnull=False)
            .select_related("mailing")
            .order_by("-mailing__started_at")
        )
        return context


class NewsletterIssuePage(Page):
    """One issue of the newsletter. The page title is the e-mail's subject.

    The public page is the web version; it shows only once the issue has been sent,
    so a published draft never leaks into the archive before its subscribers get it.
    """

    intro = models.TextField(_("introduction"), max_length=1000)
    body = StreamField(NewsletterBlocks(), verbose_name=_("content"), use_json_field=True)
    themes = ParentalManyToManyField(
        "portal.Theme",
        blank=True,
        related_name="+",
        verbose_name=_("themes"),
    )
    leerkringen = ParentalManyToManyField(
        "communities.Leerkring",
        blank=True,
        related_name="+",
        verbose_name=_("leerkringen"),
    )

    content_panels = [
        SendingPanel(),
        # TitleFieldPanel fills the slug (on the Promote tab) as the editor types.
        TitleFieldPanel("title", heading=_("Subject")),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("leerkringen")],
            heading=_("Recipients"),
            help_text=_(
                "Leave both empty to send to every subscriber. Otherwise the issue goes "
                "to subscribers who chose at least one of these topics."
            ),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []
    template = "newsletter/issue_page.html"
    preview_modes = [("", _("Web version")), ("email", _("E-mail"))]

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    @property
    def is_sent(self):
        # hasattr loads the mailing once and keeps it for the page's template.
        return hasattr(self, "mailing")

    def recipients(self):
        return Subscriber.objects.for_topics(
            themes=list(self.themes.all()), leerkringen=list(self.leerkringen.all())
        )

    def serve(self, request, *args, **kwargs):
        # Editors preview the web version before sending (Wagtail sets is_preview).
        if not self.is_sent and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        """The "E-mail" preview shows the message exactly as subscribers get it."""
        if mode_name == "email":
            return HttpResponse(self.render_email()[1])
        return super().serve_preview(request, mode_name)

    def render_email(self, preferences_url=PREFERENCES_PLACEHOLDER) -> tuple[str, str, str]:
        """Subject, HTML and plain text of the issue as its recipients see it."""
        url = site_url()
        context = {
            "issue": self,
            "site_url": url,
            "web_url": url + self.url,
            "archive_url": url + self.get_parent().url,
            "preferences_url": preferences_url,
        }
        with override(settings.LANGUAGE_CODE):
            html = render_to_string("newsletter/email.html", context)
            text = render_to_string("newsletter/email.txt", context)
        # Rich text and images link relative to the site; in an e-mail they must not.
        html = html.replace('href="/', f'href="{url}/').replace('src="/', f'src="{url}/')
        return self.title, html, text


class Mailing(models.Model):
    """The sending of one issue: the message as it was sent, and who started it."""

    issue = models.OneToOneField(
        NewsletterIssuePage, on_delete=models.PROTECT, related_name="mailing"
    )
    subject = models.CharField(max_length=255)
    html = models.TextField()
    text = models.TextField()
    started_at = models.DateTimeField(default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mailing")

    def __str__(self):
        return self.subject

    def progress(self) -> dict:
        """How many deliveries are in each state, plus the total."""
        counts = dict.fromkeys(DeliveryStatus.values, 0)
        for row in self.deliveries.values("status").annotate(count=models.Count("pk")):
            counts[row["status"]] = row["count"]
        counts["total"] = sum(counts.values())
        return counts


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", _("Not sent yet")
    CLAIMED = "claimed", _("In a batch")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped (unsubscribed meanwhile)")


# Deliveries still on their way; a mailing is finished when none are left.
UNFINISHED = [DeliveryStatus.QUEUED, DeliveryStatus.CLAIMED]


class Delivery(models.Model):
    """One recipient of one mailing. The address is copied, so the record stays
    readable if the subscriber unsubscribes or is deleted later."""

    # No index of its own: the one on (mailing, status, id) below starts with it.
    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="deliveries", db_index=False
    )
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.EmailField(max_length=254)
    status = models.CharField(
        max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The batch that holds this delivery; see `sending` for how a dead batch is found.
    claim = models.BigIntegerField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                "mailing", Lower("email"), name="newsletter_delivery_once_per_address"
            ),
        ]
        # With the id last, a batch finds its next rows in order without sorting
        # every row still queued (sending.py, _claim_rows).
        indexes = [models.Index(fields=["mailing", "status", "id"])]

    def __str__(self):
        return f"{self.email}: {self.status}"


class BatchProgress(models.Model):
    """Which delivery a running batch is sending at this moment (see `sending`).

    It is written before every e-mail, so it is kept apart from the deliveries: an
    update of this one small row touches no index, and costs PostgreSQL a tenth of
    marking a delivery, whose status sits in several indexes. The deliveries are
    marked "sent" together when the batch ends."""

    claim = models.BigIntegerField(primary_key=True)
    sending = models.BigIntegerField(null=True)  # a Delivery's id

    class Meta:
        verbose_name = _("batch in progress")
        verbose_name_plural = _("batches in progress")

    def __str__(self):
        return f"{self.claim}: {self.sending}"
