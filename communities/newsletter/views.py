"""Public views of the newsletter: subscribing, the pages behind the e-mailed links
(confirm, preferences, one-click unsubscribe), asking for a new link, and the
account's subscription. The rules live in `subscriptions`; these views only turn
them into pages.

Opening a link changes nothing (mail scanners open links): the page has a button,
and only its POST acts. The RFC 8058 one-click address is the exception: mail
programs POST to it without a session or CSRF token.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from portal import ratelimit
from portal.csrf import same_origin_post

from . import links, subscriptions
from .forms import (
    PUBLIC_SOURCES,
    AccountNewsletterForm,
    PreferencesForm,
    RequestLinkForm,
    SubscribeForm,
)
from .models import CONFIRM_DAYS, SubscriberStatus, SubscriptionSource

# The subscribe page's form has the same field ids whichever form (footer, home page,
# this page) was sent, so links to its error messages always work.
OWN_PAGE_IDS = "newsletter-%s"


def _posted_source(request):
    """Which form was sent, for its layout; a made-up value gets the full form (and
    the form's own check reports it)."""
    source = request.POST.get("source")
    return SubscriptionSource(source) if source in PUBLIC_SOURCES else SubscriptionSource.PAGE


def _form_context(form):
    # The page holds the full form, so the footer leaves its own out.
    return {"form": form, "page_has_subscribe_form": True}


@same_origin_post
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """The target of every subscribe form; on its own, the full form."""
    if request.method == "GET":
        form = SubscribeForm(source=SubscriptionSource.PAGE, auto_id=OWN_PAGE_IDS)
        return render(request, "newsletter/subscribe.html", _form_context(form))
    form = SubscribeForm(request.POST, source=_posted_source(request), auto_id=OWN_PAGE_IDS)
    if form.is_spam:
        return redirect("newsletter:subscribed")
    if not subscriptions.allow_signup(ratelimit.client_ip(request)):
        form.add_error(None, _("You have signed up many times in a short time. Try again later."))
        status = 429
    elif form.is_valid():
        data = form.cleaned_data
        subscriptions.subscribe(
            data["email"],
            name=data["name"],
            source=data["source"],
            **form.topics(),
        )
        return redirect("newsletter:subscribed")
    else:
        status = 400
    return render(request, "newsletter/subscribe.html", _form_context(form), status=status)


@require_GET
def subscribed(request):
    """The same page whether or not the address was known."""
    return render(request, "newsletter/subscribed.html", {"days": CONFIRM_DAYS})


def _bad_link(request, error, purpose):
    return render(
        request,
        "newsletter/bad_link.html",
        {
            "expired": error.expired,
            "days": CONFIRM_DAYS,
            "purpose": "confirm" if purpose == links.CONFIRM else "manage",
            "link_form": RequestLinkForm(),
            "subscribe_form": SubscribeForm(source=SubscriptionSource.PAGE),
        },
        status=400,
    )


def _preferences_path(subscriber):
    return reverse("newsletter:preferences", args=[links.sign(subscriber, links.MANAGE)])


@require_http_methods(["GET", "POST"])
def confirm(request, signed):
    try:
        subscriber = links.load(signed, links.CONFIRM)
    except links.BadLink as error:
        return _bad_link(request, error, links.CONFIRM)
    just_confirmed = False
    if request.method == "POST":
        just_confirmed = subscriber.status == SubscriberStatus.PENDING
        subscriptions.confirm(subscriber)
    return render(
        request,
        "newsletter/confirm.html",
        {
            "subscriber": subscriber,
            "just_confirmed": just_confirmed,
            "preferences_path": _preferences_path(subscriber),
        },
    )


@require_http_methods(["GET", "POST"])
def preferences(request, signed):
    try:
        subscriber = links.load(signed, links.MANAGE)
    except links.BadLink as error:
        return _bad_link(request, error, links.MANAGE)
    status = 200
    if request.method == "POST" and "unsubscribe" in request.POST:
        subscriptions.unsubscribe(subscriber)
        return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
    active = subscriber.status != SubscriberStatus.UNSUBSCRIBED
    if request.method == "POST" and active:
        form = PreferencesForm(request.POST)
        if form.is_valid():
            topics = form.topics()
            subscriber.themes.set(topics["themes"])
            subscriber.leerkringen.set(topics["leerkringen"])
            messages.success(request, _("Your choice of topics has been saved."))
            return redirect(request.path)
        status = 400
    else:
        form = PreferencesForm(subscriber=subscriber)
    return render(
        request,
        "newsletter/preferences.html",
        {"subscriber": subscriber, "form": form, "active": active},
        status=status,
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def one_click(request, signed):
    """RFC 8058: the mail program POSTs `List-Unsubscribe=One-Click` here, with no
    session and no CSRF token; a person who opens the address gets a button."""
    try:
        subscriber = links.load(signed, links.MANAGE)
    except links.BadLink as error:
        return _bad_link(request, error, links.MANAGE)
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber)
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"subscriber": subscriber, "one_click": True},
    )


@require_http_methods(["GET", "POST"])
def request_link(request):
    """Ask for a new link to one's preferences; the answer is the same whether or not
    the address is subscribed."""
    form = RequestLinkForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_spam:
            return redirect("newsletter:link_sent")
        if not subscriptions.allow_link_request(ratelimit.client_ip(request)):
            form.add_error(
                None, _("You have asked for many links in a short time. Try again later.")
            )
            status = 429
        elif form.is_valid():
            subscriptions.request_preferences_link(form.cleaned_data["email"])
            return redirect("newsletter:link_sent")
        else:
            status = 400
    return render(request, "newsletter/request_link.html", {"form": form}, status=status)


@require_GET
def link_sent(request):
    return render(request, "newsletter/request_link.html", {"sent": True})


def _has_verified_address(user):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@login_required
@require_http_methods(["GET", "POST"])
def account(request):
    """Subscribe with the account's verified address, change topics, or unsubscribe."""
    user = request.user
    subscription = subscriptions.subscription_of(user)
    subscribed = bool(subscription and subscription.status == SubscriberStatus.CONFIRMED)
    verified = _has_verified_address(user)
    status = 200
    if request.method == "POST" and "unsubscribe" in request.POST:
        if subscription:
            subscriptions.unsubscribe(subscription)
        messages.success(request, _("You are unsubscribed from the newsletter."))
        return redirect("newsletter:account")
    if request.method == "POST" and verified:
        form = AccountNewsletterForm(request.POST)
        if form.is_valid():
            subscriptions.subscribe_account(user, **form.topics())
            messages.success(
                request,
                _("Your choice of topics has been saved.")
                if subscribed
                else _("You are subscribed to the newsletter."),
            )
            return redirect("newsletter:account")
        status = 400
    else:
        form = AccountNewsletterForm(subscriber=subscription if subscribed else None)
    return render(
        request,
        "newsletter/account.html",
        {
            "form": form,
            "subscription": subscription,
            "subscribed": subscribed,
            "verified": verified,
        },
        status=status,
    )
