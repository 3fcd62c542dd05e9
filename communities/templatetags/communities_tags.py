"""Template tags of the leerkringen: the home page block, the account section, a
leerkring's sign-up status, and the hook where the agenda shows its meetings."""

import functools

from django import template
from django.utils.translation import gettext as _

from .. import membership as rules
from ..models import CARD_IMAGE, LIVE, Leerkring, Membership, SignupMode
from ..views import RESUME_SESSION_KEY

register = template.Library()

HOME_COUNT = 3
ACCOUNT_COUNT = 5
MEETINGS_TAG = "{{% load events_tags %}}{{% leerkring_{name} leerkring %}}"


@register.simple_tag
def home_leerkringen():
    """A few open leerkringen for the home page, the fullest first."""
    leerkringen = Leerkring.objects.public().exclude(signup_mode=SignupMode.CLOSED)
    leerkringen = leerkringen.with_member_count().with_images(CARD_IMAGE)
    return list(leerkringen.order_by("-member_count", "name")[:HOME_COUNT])


@register.simple_tag
def memberships_of(user):
    """The account page's short list: current memberships and requests, newest first;
    the full history is on "my leerkringen"."""
    memberships = Membership.objects.filter(user=user, status__in=LIVE)
    return list(memberships.select_related("leerkring")[:ACCOUNT_COUNT])


@register.simple_tag(takes_context=True)
def resumable_signup(context):
    """The leerkring this visitor started to sign up for before they had an account."""
    slug = context["request"].session.get(RESUME_SESSION_KEY)
    return Leerkring.objects.filter(slug=slug).first() if slug else None


@register.simple_tag
def signup_status(leerkring):
    """How one joins, in a few words; give it a leerkring with `member_count`
    (annotated), or fullness costs a query."""
    if leerkring.archived:
        return _("Archived")
    if leerkring.signup_mode == SignupMode.CLOSED:
        return _("Closed")
    if rules.is_full(leerkring):
        return _("Full")
    if leerkring.signup_mode == SignupMode.APPROVAL:
        return _("Open, on approval")
    return _("Open")


@functools.cache
def _meetings_template(engine, name):
    try:
        return engine.from_string(MEETINGS_TAG.format(name=name))
    except template.TemplateSyntaxError:
        return None


@register.simple_tag(takes_context=True)
def leerkring_meetings_hook(context, name):
    """Where the agenda shows a leerkring's meetings: renders the events app's
    `{% leerkring_<name> leerkring %}` tag from its `events_tags` library
    ("next_meeting" on a card, "meetings" on a leerkring's page: upcoming and
    earlier ones with their reports) once it exists, and nothing until then."""
    hooked = _meetings_template(context.template.engine, name)
    return hooked.render(context) if hooked else ""
