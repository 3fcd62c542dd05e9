"""Admin registrations of the newsletter: the subscriber list and statistics, the
sending pages of an issue with their buttons, and the log actions of sending. The
permission policy is registered first, so every Wagtail view of subscribers uses it."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy

from portal.audit_log import CountFormatter

from . import admin_views
from .models import Mailing, NewsletterIssuePage, Subscriber
from .viewsets import NewsletterViewSetGroup, SubscriberPermissionPolicy

register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


@hooks.register("register_admin_viewset")
def register_newsletter_viewsets():
    return NewsletterViewSetGroup()


@hooks.register("register_log_actions")
def register_newsletter_log_actions(actions):
    actions.register_action(
        "newsletter.send_test", _("Send test"), _("Sent a test to their own address")
    )

    @actions.register_action("newsletter.send")
    class Sent(CountFormatter):
        label = _("Send newsletter")
        count_key = "recipients"
        message = ngettext_lazy(
            "Sent the issue to %(count)s subscriber",
            "Sent the issue to %(count)s subscribers",
            "count",
        )


@hooks.register("register_admin_urls")
def register_newsletter_sending_urls():
    sending_urls = [
        path("<int:page_id>/versturen/", admin_views.send, name="send"),
        path("<int:page_id>/test/", admin_views.send_test, name="send_test"),
        path("<int:page_id>/voortgang/", admin_views.progress, name="progress"),
        path("<int:page_id>/opnieuw/", admin_views.retry, name="retry"),
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
