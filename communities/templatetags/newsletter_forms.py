"""Template tags for the newsletter's public forms: the compact subscribe form of the
footer and the home page, and the subscription on the account page."""

from django import template

from ..newsletter.forms import SubscribeForm
from ..newsletter.models import SubscriberStatus, SubscriptionSource
from ..newsletter.subscriptions import subscription_of

register = template.Library()


@register.simple_tag
def newsletter_form(source):
    """An empty compact subscribe form. It has no topics, so it costs no queries:
    the footer shows it on every page."""
    return SubscribeForm(source=SubscriptionSource(source))


@register.simple_tag
def newsletter_subscription_of(user):
    """The account's subscription when it is active (pending or confirmed), else None."""
    if not getattr(user, "is_authenticated", False):
        return None
    subscription = subscription_of(user)
    if subscription and subscription.status != SubscriberStatus.UNSUBSCRIBED:
        return subscription
    return None
