"""Public views of the blog: the filtered index, its feeds, an article with its
comment form, and posting a comment.

They are served through the pages' routes (see BlogIndexPage and ArticlePage)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from portal import ratelimit

from .comments import CommentsClosed, TooManyComments, add_comment
from .feeds import ArticleAtomFeed, ArticleRssFeed
from .filters import ArticleFilter
from .forms import CommentForm
from .models import Category, for_cards

ARTICLES_PER_PAGE = 12


def article_index(request, index_page):
    articles = for_cards(index_page.articles())
    filterset = ArticleFilter(request.GET or None, queryset=articles, request=request)
    page_obj = Paginator(filterset.qs, ARTICLES_PER_PAGE).get_page(request.GET.get("pagina"))
    return index_page.render(
        request,
        context_overrides={
            "filter": filterset,
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "is_filtered": any(request.GET.get(name) for name in filterset.filters),
            "feed_links": index_page.feed_links(filterset.chosen_category()),
        },
    )


def article_feed(request, index_page, category_slug, atom):
    """RSS or Atom: all articles, or one category's."""
    category = get_object_or_404(Category, slug=category_slug) if category_slug else None
    feed = ArticleAtomFeed(index_page) if atom else ArticleRssFeed(index_page)
    return feed(request, category=category)


def article_detail(request, article):
    """The article with an empty comment form, a reply when `?reactie=` names a
    published comment. The response renders lazily, so the form joins its context."""
    response = article.render(request)
    response.context_data["comment_form"] = CommentForm(
        user=request.user, article=article, initial={"parent": response.context_data["reply_to"]}
    )
    return response


def post_comment(request, article):
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
    response = article.render(request, context_overrides={"comment_form": form})
    response.status_code = status
    return response
