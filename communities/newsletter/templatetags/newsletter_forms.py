"""Template tags for the newsletter's public forms: the subscribe form of the
newsletter page, the compact one of the footer and the home page, and the
subscription on the account page. The pages get their forms here, so that the page
models import no forms."""

import functools

from django import template
from django.template.loader import render_to_string
from django.utils import translation

from ..forms import SubscribeForm
from ..models import SubscriberStatus, SubscriptionSource
from ..subscriptions import subscription_of

register = template.Library()


@register.simple_tag
def subscribe_form(source):
    """An empty subscribe form with the topics to choose, for the newsletter page."""
    return SubscribeForm(source=SubscriptionSource(source))


@register.simple_tag
def compact_subscribe_form(source):
    """The inside of an empty compact subscribe form (footer, home page). The footer
    is on every page and rendering form widgets takes milliseconds, so it is rendered
    once per process and language. It has no topics, so it costs no queries; the CSRF
    token stays outside, in subscribe_form.html."""
    return _compact_form_html(source, translation.get_language())


@functools.lru_cache(maxsize=32)
def _compact_form_html(source, language):
    form = SubscribeForm(source=SubscriptionSource(source))
    return render_to_string("newsletter/includes/subscribe_form_body.html", {"form": form})


@register.simple_tag
def newsletter_subscription_of(user):
    """The account's subscription when it is active (pending or confirmed), else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    subscription = subscription_of(user)
    if subscription and subscription.status != SubscriberStatus.UNSUBSCRIBED:
        return subscription
    return None
