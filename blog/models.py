"""The "Actueel" section: the blog index, articles, their authors and categories,
and readers' comments.

Wagtail serves the two pages with their templates; what a page shows for a request
beyond its own content (the index's filters, the comment form) comes from template
tags in blog/templatetags/blog_forms.py, and the feeds and posted comments have
addresses of their own in blog/urls.py. So the models import no views, forms or feeds
(the contracts in pyproject.toml check it).
"""

import math

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import images as image_slots
from portal.fragments import lazy

from .blocks import ArticleBlocks, count_words
from .threads import Thread, thread

WORDS_PER_MINUTE = 230


class Author(index.Indexed, models.Model):
    """Someone who writes for the section: an editor, or a guest from the network."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("job title"), max_length=120, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    is_guest = models.BooleanField(
        _("guest author"),
        default=False,
        help_text=_("Articles by a guest author are shown as a guest blog."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("organisation")]),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("is_guest"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Category(models.Model):
    """The kind of article (news, blog, guest blog, interview ...); editors may add more."""

    name = models.CharField(_("name"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogIndexPage(Page):
    """The "Actueel" section: every article, filterable, with RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("blog index")

    def articles(self):
        """The live articles of this section, newest first."""
        return ArticlePage.objects.live().public().descendant_of(self).order_by("-date", "-pk")

    def feed_links(self, category=None):
        """The feeds to announce with <link rel="alternate">: all articles, and the
        category's own feeds when a page is about one category."""
        links = [
            ("application/rss+xml", f"{self.title} (RSS)", reverse("blog:feed_rss")),
            ("application/atom+xml", f"{self.title} (Atom)", reverse("blog:feed_atom")),
        ]
        if category:
            title = f"{self.title}: {category.name}"
            for mimetype, kind, name in (
                ("application/rss+xml", "RSS", "blog:category_feed_rss"),
                ("application/atom+xml", "Atom", "blog:category_feed_atom"),
            ):
                links.append((mimetype, f"{title} ({kind})", reverse(name, args=[category.slug])))
        return links


def with_comment_counts(articles):
    """Articles annotated with their number of approved comments, in the same query."""
    approved = (
        Comment.objects.filter(article=OuterRef("pk"), status=Comment.Status.APPROVED)
        .order_by()
        .values("article")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return articles.annotate(
        comment_count=Coalesce(Subquery(approved, output_field=models.IntegerField()), 0)
    )


def for_cards(articles):
    """Everything an article card shows, in a fixed number of queries for any list."""
    articles = with_comment_counts(articles).select_related("category")
    return image_slots.with_renditions(
        articles, "main_image", *image_slots.CARD.filter_specs
    ).prefetch_related(Prefetch("authors", queryset=Author.objects.only("name", "is_guest")))


class ArticlePage(Page):
    """An article: news, a blog, a guest blog, an interview or a report."""

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", "CC BY 4.0"
        CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
        CC0 = "cc0-1.0", "CC0 1.0"

    LICENCE_URLS = {
        "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/deed.nl",
        "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/deed.nl",
        "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
    }

    lead = models.TextField(_("lead"), max_length=600)
    date = models.DateField(_("publication date"), default=timezone.localdate)
    authors = ParentalManyToManyField(Author, verbose_name=_("authors"), related_name="articles")
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        on_delete=models.PROTECT,
        related_name="articles",
    )
    themes = ParentalManyToManyField(
        "portal.Theme", verbose_name=_("themes"), blank=True, related_name="articles"
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, verbose_name=_("tags"), blank=True)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_caption = models.CharField(_("caption"), max_length=250, blank=True)
    main_image_maker = models.CharField(_("maker"), max_length=120, blank=True)
    main_image_rights = models.CharField(_("rights"), max_length=120, blank=True)
    body = StreamField(ArticleBlocks(), verbose_name=_("body"), use_json_field=True)
    licence = models.CharField(
        _("reuse licence"), max_length=20, choices=Licence.choices, blank=True
    )
    licence_source_url = models.URLField(_("original source"), blank=True)
    licence_attribution = models.CharField(_("attribution"), max_length=250, blank=True)
    related = StreamField(
        [("article", blocks.PageChooserBlock(label=_("article"), page_type="blog.ArticlePage"))],
        verbose_name=_("related articles"),
        blank=True,
        help_text=_("Leave empty to show articles on the same themes."),
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    word_count = models.PositiveIntegerField(_("word count"), default=0, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        # The browser's own date picker, and every author and theme visible at once.
        FieldPanel("date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")),
        FieldPanel("authors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("category", widget=forms.Select),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_caption"),
                FieldRowPanel([FieldPanel("main_image_maker"), FieldPanel("main_image_rights")]),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("related"),
            ],
            heading=_("Themes and links"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("licence"),
                FieldPanel("licence_source_url"),
                FieldPanel("licence_attribution"),
            ],
            heading=_("Reuse"),
        ),
        FieldPanel("comments_open"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self):
        super().clean()
        if self.licence and not self.licence_attribution:
            raise ValidationError(
                {"licence_attribution": _("Say whom to credit when the article is reused.")}
            )

    def save(self, *args, **kwargs):
        self.word_count = len(self.lead.split()) + count_words(self.body)
        return super().save(*args, **kwargs)

    @property
    def reading_minutes(self):
        return max(1, math.ceil(self.word_count / WORDS_PER_MINUTE))

    @property
    def licence_url(self):
        return self.LICENCE_URLS.get(self.licence, "")

    def neighbours(self, articles):
        """The previous (older) and next (newer) of the given live articles."""
        siblings = articles.only("title", "url_path", "date")
        pk = self.pk or 0  # an unsaved article in preview comes after its day's others
        older = siblings.filter(Q(date__lt=self.date) | Q(date=self.date, pk__lt=pk))
        newer = siblings.filter(Q(date__gt=self.date) | Q(date=self.date, pk__gt=pk))
        return older.order_by("-date", "-pk").first(), newer.order_by("date", "pk").first()

    def related_articles(self, articles, themes, limit=3):
        """The articles the editor chose, otherwise those sharing the most themes."""
        chosen_ids = [item["value"] for item in self.related.raw_data if item.get("value")]
        if chosen_ids:
            chosen = articles.filter(pk__in=chosen_ids).only("title", "url_path", "date", "lead")
            order = {pk: position for position, pk in enumerate(chosen_ids)}
            return sorted(chosen, key=lambda article: order[article.pk])[:limit]
        theme_ids = [theme.pk for theme in themes]
        if not theme_ids:
            return []
        return list(
            articles.annotate(shared=Count("themes", filter=Q(themes__in=theme_ids)))
            .filter(shared__gt=0)
            .only("title", "url_path", "date", "lead")
            .order_by("-shared", "-date")[:limit]
        )

    def approved_comments(self):
        """Top-level approved comments, each with its `approved_replies`, in one query."""
        if self.pk is None:  # previewing an article that was never saved
            return Thread()
        approved = (
            Comment.objects.filter(article=self, status=Comment.Status.APPROVED)
            .select_related("user")
            .order_by("created", "pk")
        )
        return thread(list(approved))

    def get_context(self, request, *args, **kwargs):
        """Everything around the article's own fields is lazy: the parts of the page
        that show it come from the fragment cache (portal/fragments.py) until the
        pages, themes or comments change, and then cost no query at all."""
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = lazy(lambda: list(self.authors.select_related("photo")))
        context["comments"] = lazy(self.approved_comments)
        context["reply_to"] = self._reply_to(request, context)
        # One visibility check (live, no view restriction) for the other articles.
        others = lazy(lambda: ArticlePage.objects.live().public().exclude(pk=self.pk))
        context["themes"] = themes = lazy(lambda: list(self.themes.all()))
        neighbours = lazy(lambda: self.neighbours(others))
        context["previous_article"] = lazy(lambda: neighbours[0])
        context["next_article"] = lazy(lambda: neighbours[1])
        context["related"] = lazy(lambda: self.related_articles(others, themes))
        context["blog_index"] = blog_index = lazy(lambda: self.get_parent().specific)
        context["feed_links"] = lazy(lambda: blog_index.feed_links(self.category))
        return context

    @staticmethod
    def _reply_to(request, context):
        """`?reactie=<id>` answers a published comment (a link, so it works without JS)."""
        wanted = request.GET.get("reactie", "")
        if not wanted:
            return None
        for comment in context["comments"]:
            if str(comment.pk) == wanted:
                context["replying_to"] = comment
                return comment.pk
        return None


class Comment(models.Model):
    """A reader's comment on an article, or a reply to one (one level deep)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        # Reported by enough visitors (portal/flags.py): off the page until an editor
        # decides in the queue of reports.
        HIDDEN = "hidden", _("Hidden after reports")

    article = models.ForeignKey(
        ArticlePage, verbose_name=_("article"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="blog_comments",
    )
    name = models.CharField(_("name"), max_length=80, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    body = models.TextField(_("comment"), max_length=3000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created = models.DateTimeField(_("posted"), default=timezone.now)

    panels = [FieldPanel("status"), FieldPanel("body")]

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created"]
        indexes = [models.Index(fields=["article", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="blog_comment_has_author"
            )
        ]

    def __str__(self):
        return f"{self.author_name}: {self.body[:40]}"

    @property
    def author_name(self):
        if self.user_id:
            # Never the e-mail address: that is not for the public.
            return self.user.full_name or _("Member")
        return self.name


class WordPressItem(models.Model):
    """What an imported WordPress thing became here, keyed on WordPress's own id.

    A second import of the same export finds every item again by (source, kind,
    wp_id) and compares checksums, so it changes nothing; a newer export adds what is
    new and updates what changed (blog/wordpress/importer.py)."""

    class Kind(models.TextChoices):
        AUTHOR = "author", _("author")
        TERM = "term", _("category or tag")
        POST = "post", _("article")
        ATTACHMENT = "attachment", _("image")
        COMMENT = "comment", _("comment")

    source = models.CharField(_("WordPress site"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    wp_id = models.CharField(_("WordPress id"), max_length=64)
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    checksum = models.CharField(max_length=64)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_id"], name="blog_wordpressitem_unique"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.wp_id}"


class WordPressImport(models.Model):
    """An import started from the admin: the uploaded file (outside the public media,
    as it holds commenters' addresses; deleted when the import is done), its progress
    and its report. The background task gets only this row's id."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    file_name = models.CharField(_("file name"), max_length=255)
    file_path = models.CharField(max_length=500, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    posts_total = models.PositiveIntegerField(default=0)
    posts_done = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("WordPress import")
        verbose_name_plural = _("WordPress imports")
        ordering = ["-created"]

    def __str__(self):
        return self.file_name

    @property
    def percent(self):
        if not self.posts_total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.posts_done / self.posts_total))
