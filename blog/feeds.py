"""RSS 2.0 and Atom feeds of the articles, for all of them or one category."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class ArticleRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, category=None):
        self.request = request
        return category

    def title(self, category):
        if category:
            return f"{self.index_page.title}: {category.name}"
        return self.index_page.title

    def link(self, category):
        url = self.index_page.get_full_url(self.request)
        return f"{url}?categorie={category.slug}" if category else url

    def description(self, category):
        return self.index_page.intro or _("Articles and guest blogs on open government.")

    def items(self, category):
        articles = self.index_page.articles().select_related("category")
        if category:
            articles = articles.filter(category=category)
        return articles.prefetch_related("authors")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        # The publication date, at the time the article first went live that day.
        moment = item.first_published_at or timezone.now()
        if timezone.localdate(moment) == item.date:
            return moment
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all())

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, category):
        return self.description(category)
