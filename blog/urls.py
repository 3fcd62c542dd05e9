"""Public addresses of the blog, included at the site root from portal/urls.py.

The index and the articles are Wagtail pages under /actueel/; these are reserved
sub-paths of the section (its feeds, and where an article's comments are posted), so
they come before Wagtail's catch-all. The views find the index (there is one) and the
article (all articles are its children, so a slug names one) themselves: the
addresses keep working if editors rename the section's page.
"""

from django.urls import path

from . import views

app_name = "blog"

urlpatterns = [
    path("actueel/feed/", views.article_feed, name="feed_rss"),
    path("actueel/feed/atom/", views.article_feed, {"atom": True}, name="feed_atom"),
    # After feed/atom/, so "atom" is never read as a category.
    path("actueel/feed/<slug:category>/", views.article_feed, name="category_feed_rss"),
    path(
        "actueel/feed/<slug:category>/atom/",
        views.article_feed,
        {"atom": True},
        name="category_feed_atom",
    ),
    path("actueel/<slug:slug>/reageren/", views.post_comment, name="comment"),
]
