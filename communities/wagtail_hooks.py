"""Admin registrations of the leerkringen and the newsletter. The permission
policies are registered first, so every Wagtail view of the models uses them."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from .models import Leerkring, Membership
from .newsletter import admin_views as newsletter_views
from .newsletter.models import Mailing, NewsletterIssuePage, Subscriber
from .newsletter.viewsets import NewsletterViewSetGroup, SubscriberPermissionPolicy
from .viewsets import LeerkringPermissionPolicy, LeerkringViewSet

register_permission_policy(Leerkring, LeerkringPermissionPolicy(Leerkring))
register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))


class MembershipDecision(LogFormatter):
    """A coordinator's decision in the leerkring's history. The entry holds only the
    membership's id; the member's name is looked up when the history is shown, so
    it disappears with their account."""

    template = ""

    def format_message(self, log_entry):
        membership = (
            Membership.objects.filter(pk=log_entry.data.get("membership"))
            .select_related("user")
            .first()
        )
        if membership is None:
            return self.template % {"name": _("a former member")}
        return self.template % {"name": membership.user.full_name or _("a member")}


@hooks.register("register_log_actions")
def register_membership_log_actions(actions):
    @actions.register_action("communities.membership.approve")
    class Approved(MembershipDecision):
        label = _("Approve membership request")
        template = _("Approved the request of %(name)s")

    @actions.register_action("communities.membership.decline")
    class Declined(MembershipDecision):
        label = _("Decline membership request")
        template = _("Declined the request of %(name)s")

    @actions.register_action("communities.membership.remove")
    class Removed(MembershipDecision):
        label = _("Remove member")
        template = _("Removed %(name)s from the leerkring")


@hooks.register("register_admin_viewset")
def register_leerkring_viewset():
    return [LeerkringViewSet(), NewsletterViewSetGroup()]


@hooks.register("register_log_actions")
def register_newsletter_log_actions(actions):
    actions.register_action(
        "newsletter.send_test", _("Send test"), _("Sent a test to their own address")
    )

    @actions.register_action("newsletter.send")
    class Sent(LogFormatter):
        label = _("Send newsletter")

        def format_message(self, log_entry):
            count = log_entry.data.get("recipients", 0)
            return ngettext(
                "Sent the issue to %(count)s subscriber",
                "Sent the issue to %(count)s subscribers",
                count,
            ) % {"count": count}


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
