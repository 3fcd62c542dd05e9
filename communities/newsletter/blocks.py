"""The parts an editor puts in a newsletter issue.

Each block renders twice: on the web version with the site's templates (the
blocks' own templates) and in the e-mail with table markup and inline styles
(templates/newsletter/email.html), because mail clients ignore most
CSS.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from events.choosers import EventChooserBlock
from portal.blocks import RICH_TEXT_FEATURES, CallToActionBlock

MAX_AUTOMATIC_EVENTS = 10


class ArticlesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=120, default=_("Read more"))
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="blog.ArticlePage", label=_("article")),
        label=_("articles"),
        min_num=1,
        max_num=6,
    )

    class Meta:
        icon = "doc-full"
        label = _("Articles")
        template = "newsletter/blocks/articles.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["article_list"] = self.articles_of(value)
        return context

    @staticmethod
    def articles_of(value):
        """The chosen articles that are still published, in the editor's order, with
        what their cards show loaded in a fixed number of queries."""
        from blog.models import ArticlePage, for_cards

        chosen = [page.pk for page in value["articles"] if page is not None]
        articles = ArticlePage.objects.live().filter(pk__in=chosen)
        loaded = {article.pk: article for article in for_cards(articles)}
        return [loaded[pk] for pk in chosen if pk in loaded]


class EventsBlock(blocks.StructBlock):
    """Events the editor chose, or (when none are chosen) the next ones in the agenda
    at the moment the issue is sent."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, default=_("In the agenda"))
    events = blocks.ListBlock(
        EventChooserBlock(label=_("event")),
        label=_("events"),
        default=[],  # automatic unless the editor chooses events
        max_num=6,
        help_text=_("Leave empty to show the next events from the agenda automatically."),
    )
    number = blocks.IntegerBlock(
        label=_("number of automatic events"),
        min_value=1,
        max_value=MAX_AUTOMATIC_EVENTS,
        default=3,
    )

    class Meta:
        icon = "date"
        label = _("Events")
        template = "newsletter/blocks/events.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["event_list"] = self.events_of(value)
        return context

    @staticmethod
    def events_of(value):
        from events.models import Event

        chosen = [event for event in value["events"] if event is not None]
        if chosen:
            return chosen
        upcoming = Event.objects.published().upcoming(timezone.now()).order_by("starts_at")
        return list(upcoming[: value["number"]])


class NewsletterBlocks(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=RICH_TEXT_FEATURES,
        template="newsletter/blocks/text.html",
    )
    articles = ArticlesBlock()
    events = EventsBlock()
    call_to_action = CallToActionBlock()
