"""The blog's own addresses next to its pages (blog/urls.py): the feeds, and the
address that takes comments. Wagtail serves the index and the articles themselves;
their filters and comment form come from blog/templatetags/blog_forms.py."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from portal import ratelimit
from portal.cached_bytes import cached_response
from portal.csrf import same_origin_post

from .comments import CommentsClosed, TooManyComments, add_comment
from .feeds import ArticleAtomFeed, ArticleRssFeed
from .forms import CommentForm
from .models import ArticlePage, BlogIndexPage, Category


def article_feed(request, category=None, atom=False):
    """RSS or Atom: all articles, or one category's. The section has one index page.
    Built once per change to the pages (articles, their authors and categories) or to
    the site's address, then served as bytes (portal/cached_bytes.py)."""
    feed_class = ArticleAtomFeed if atom else ArticleRssFeed

    def build():
        index_page = get_object_or_404(BlogIndexPage.objects.live().public())
        shown = get_object_or_404(Category, slug=category) if category else None
        return feed_class(index_page)(request, category=shown).content

    return cached_response(
        request,
        f"blog:feed:{feed_class.feed_type.__name__}:{category or ''}",
        ("frame", "pages"),
        build,
        feed_class.feed_type.content_type,
    )


@same_origin_post
def post_comment(request, slug):
    """The comment form under an article posts here; a valid comment goes back to the
    article. Anything else goes there too: a GET, or a reader the article's privacy
    settings keep out (the article, served by Wagtail, asks them to log in)."""
    article = get_object_or_404(ArticlePage.objects.live(), slug=slug)
    if request.method != "POST" or not may_view(request, article):
        return HttpResponseRedirect(article.url)
    form = CommentForm(request.POST, user=request.user, article=article)
    status = 400
    if form.is_valid():
        if form.is_spam():
            # Robots are told nothing useful; nothing is stored.
            messages.success(request, _("Thank you for your comment."))
            return HttpResponseRedirect(article.url + "#reacties")
        try:
            comment = add_comment(
                article,
                request.user,
                form.cleaned_data["body"],
                name=form.cleaned_data.get("name", ""),
                email=form.cleaned_data.get("email", ""),
                parent=form.cleaned_data["parent"],
                ip_address=ratelimit.client_ip(request),
            )
        except CommentsClosed:
            form.add_error(None, _("Comments are closed for this article."))
        except TooManyComments:
            form.add_error(None, _("You have sent many comments in a short time. Try again later."))
            status = 429
        else:
            if comment.status == comment.Status.APPROVED:
                messages.success(request, _("Thank you, your comment has been placed."))
            else:
                messages.success(
                    request,
                    _("Thank you. Your comment will appear once an editor has approved it."),
                )
            return HttpResponseRedirect(f"{article.url}#reacties")
    # The article again, as Wagtail serves it; the response renders lazily, so the
    # form with its errors joins its context.
    response = article.serve(request)
    response.context_data["comment_form"] = form
    response.status_code = status
    return response


def may_view(request, page):
    """The page's privacy settings (and its ancestors') let this reader see it, as
    Wagtail checks before it serves the page."""
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())
