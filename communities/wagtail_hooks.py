"""Admin registrations of the leerkringen and the newsletter. The permission
policies are registered first, so every Wagtail view of the models uses them."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from .models import Leerkring
from .newsletter import admin_views as newsletter_views
from .newsletter.models import Mailing, NewsletterIssuePage, Subscriber
from .newsletter.viewsets import NewsletterViewSetGroup, SubscriberPermissionPolicy
from .viewsets import LeerkringPermissionPolicy, LeerkringViewSet

register_permission_policy(Leerkring, LeerkringPermissionPolicy(Leerkring))
register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def register_leerkring_viewset():
    return [LeerkringViewSet(), NewsletterViewSetGroup()]


@hooks.register("register_admin_urls")
def register_newsletter_sending_urls():
    sending_urls = [
        path("<int:page_id>/versturen/", newsletter_views.send, name="send"),
        path("<int:page_id>/test/", newsletter_views.send_test, name="send_test"),
        path("<int:page_id>/voortgang/", newsletter_views.progress, name="progress"),
        path("<int:page_id>/opnieuw/", newsletter_views.retry, name="retry"),
    ]
    return [
        path(
            "nieuwsbrief/uitgave/",
            include((sending_urls, "newsletter_sending"), namespace="newsletter_sending"),
        )
    ]


def _is_issue(page):
    return page.specific_class is NewsletterIssuePage


@hooks.register("register_page_header_buttons")
def newsletter_issue_header_buttons(page, user, view_name, next_url=None):
    """On an issue's edit page: send it, or follow how sending goes."""
    if not _is_issue(page) or not page.permissions_for_user(user).can_edit():
        return
    if Mailing.objects.filter(issue_id=page.pk).exists():
        yield Button(
            _("Sending progress"),
            url=reverse("newsletter_sending:progress", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )
    else:
        yield Button(
            _("Send newsletter"),
            url=reverse("newsletter_sending:send", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )


@hooks.register("register_page_listing_more_buttons")
def newsletter_issue_listing_buttons(page, user, next_url=None):
    """In the page listing: one link; the send view forwards to the progress once
    the issue has been sent, so the listing needs no query per row."""
    if _is_issue(page) and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Send or follow sending"),
            url=reverse("newsletter_sending:send", args=[page.pk]),
            icon_name="mail",
            priority=5,
        )
