"""The toolkit (`/toolkit/`): guides, templates, checklists and websites that help
public professionals work openly, each a Wagtail page under the toolkit's index.

A tool is either a Wagtail document or a link to another website, never both and never
neither. Its "open" or "download" link does not point at the file or the website
itself, but at `/toolkit/<slug>/gebruik/` (views.py), which adds one to the tool's
count of the day (counting.py) and then sends the browser on. Nothing about the visitor
is stored: a `ToolUse` is a tool, a day and a number.

The index's filters come from a template tag (templatetags/toolkit_tags.py) and the
counting link is a plain Django view, so these models import no filters or views.
"""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import StandardBlocks
from portal.taxonomy import SectorArrayField, sector_labels


class Kind(models.TextChoices):
    """What sort of tool it is; the value is the filter's word in the address."""

    GUIDE = "handreiking", _("Guide")
    TEMPLATE = "sjabloon", _("Template")
    CHECKLIST = "checklist", _("Checklist")
    SELF_ASSESSMENT = "zelftest", _("Self-assessment")
    WEBSITE = "website", _("Website")


class ToolkitIndexPage(Page):
    """The toolkit: every tool, filterable by theme, audience, kind and words."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["toolkit.ToolPage"]
    max_count = 1

    class Meta:
        verbose_name = _("toolkit")

    def tools(self):
        """The live tools of this toolkit, in alphabetical order."""
        return ToolPage.objects.live().public().child_of(self).order_by("title", "pk")


class ToolPage(Page):
    """One tool: what it is for, for whom, and the file or website itself."""

    short_description = models.CharField(
        _("short description"),
        max_length=300,
        help_text=_("One or two sentences for the list of tools."),
    )
    body = StreamField(StandardBlocks(), verbose_name=_("body"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="tools"
    )
    audience = SectorArrayField(
        _("for whom"),
        default=list,
        blank=True,
        help_text=_("The kinds of organisation this tool is meant for. Leave empty for all."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The file to download: a guide, template or checklist."),
    )
    link_url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_("Or the website where the tool is, if it is not a file."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("short_description"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("link_url")],
            heading=_("The tool itself: a document or a web address"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
            ],
            heading=_("Themes and audience"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_description"),
        index.SearchField("body"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    parent_page_types = ["toolkit.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    def clean(self):
        super().clean()
        if self.document_id and self.link_url:
            raise ValidationError(
                {
                    "link_url": _(
                        "A tool is a document or a web address, not both. Empty one of the two."
                    )
                }
            )
        if not self.document_id and not self.link_url:
            raise ValidationError(
                {"document": _("Choose a document or fill in a web address: a tool needs one.")}
            )

    def get_audience_display(self):
        return sector_labels(self.audience)

    @property
    def target_url(self):
        """Where the tool's use leads: the document's address or the website."""
        return self.document.url if self.document_id else self.link_url

    @property
    def website_name(self):
        """The linked website's host name without "www.", to say where the link leads."""
        host = urlsplit(self.link_url).hostname or ""
        return host.removeprefix("www.")

    @property
    def use_url(self):
        """The tool's link for visitors: our own address, which counts the use."""
        return reverse("toolkit:use", args=[self.slug])


class ToolUse(models.Model):
    """How often a tool was opened or downloaded on one day: no address, account,
    cookie or time of day, only the number (see counting.py). A deleted tool's counts
    stay, without the tool, so totals over a past period do not change."""

    tool = models.ForeignKey(
        ToolPage,
        verbose_name=_("tool"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="daily_uses",
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("uses"), default=0)

    class Meta:
        verbose_name = _("tool use")
        verbose_name_plural = _("tool uses")
        constraints = [
            models.UniqueConstraint(fields=["tool", "day"], name="toolkit_tooluse_per_tool_and_day")
        ]
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.tool_id} {self.day}: {self.count}"
