"""The index's filters: category, theme, tag, author and year, combined with AND.

The parameters are Dutch words and slugs, so a filtered list is a shareable address
such as /actueel/?categorie=gastblog&thema=open-data. Every filter is a choice list
read with one query; a chosen value is checked against that list, so filtering costs
no extra lookups however many articles, tags or authors there are. The lists are
read only when used (a filter is set, or the form is drawn): the index's form comes
from the fragment cache until the articles change.
"""

import functools

import django_filters
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from portal import fragments
from portal.models import Theme

from .models import ArticlePage, Author, Category, for_cards

ARTICLES_PER_PAGE = 12


class ArticleFilter(django_filters.FilterSet):
    categorie = django_filters.ChoiceFilter(
        label=_("Category"), field_name="category__slug", empty_label=_("All categories")
    )
    thema = django_filters.ChoiceFilter(
        label=_("Theme"), field_name="themes__slug", empty_label=_("All themes")
    )
    tag = django_filters.ChoiceFilter(
        label=_("Tag"), field_name="tags__slug", empty_label=_("All tags")
    )
    auteur = django_filters.ChoiceFilter(
        label=_("Author"), field_name="authors__pk", empty_label=_("All authors")
    )
    jaar = django_filters.ChoiceFilter(
        label=_("Year"), field_name="date__year", empty_label=_("All years")
    )

    class Meta:
        model = ArticlePage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        live = ArticlePage.objects.live()
        years = (
            live.annotate(year=ExtractYear("date"))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        tags = (
            Tag.objects.filter(blog_articlepagetag_items__isnull=False)
            .values_list("slug", "name")
            .distinct()
            .order_by("name")
        )
        choices = {
            "categorie": Category.objects.values_list("slug", "name"),
            "thema": Theme.objects.values_list("slug", "name"),
            "tag": tags,
            "auteur": Author.objects.values_list("pk", "name"),
            "jaar": [(year, year) for year in years],
        }
        for name, values in choices.items():
            self.filters[name].extra["choices"] = functools.cache(
                functools.partial(_choices, values)
            )

    def chosen_category(self):
        """The category the list is filtered on, for its feed links (or None)."""
        slug = self.form.cleaned_data.get("categorie") if self.is_valid() else None
        return Category.objects.filter(slug=slug).first() if slug else None


def _choices(values):
    return [(str(key), label) for key, label in values]


def article_listing(request, index_page):
    """What the index shows for a request: the filters, the page of articles they
    select (`?pagina=`), whether any filter is set, and the feeds to announce. All
    lazy: the parts of the index that show them come from the fragment cache
    (portal/fragments.py) until the articles change, and then cost no query."""
    filterset = fragments.lazy(
        lambda: ArticleFilter(
            request.GET or None, queryset=for_cards(index_page.articles()), request=request
        )
    )
    page_obj, articles = fragments.paginated(
        lambda: filterset.qs, request.GET.get("pagina"), ARTICLES_PER_PAGE
    )
    return {
        "filter": filterset,
        "page_obj": page_obj,
        "articles": articles,
        "is_filtered": any(request.GET.get(name) for name in ArticleFilter.base_filters),
        # Only ?categorie= can choose a category: without it nothing needs checking.
        "feed_links": fragments.lazy(
            lambda: index_page.feed_links(
                filterset.chosen_category() if request.GET.get("categorie") else None
            )
        ),
    }
