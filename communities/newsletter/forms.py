"""The newsletter's public forms: subscribing (footer, home page, newsletter page),
the preferences behind the e-mailed link, asking for a new link, and the account's.

Every form says no to bad input in Dutch and keeps what was typed. PostgreSQL cannot
store a NUL character, so text with one is refused before it gets anywhere near it.
"""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from communities.models import Leerkring
from portal.forms import TopErrorsMixin
from portal.models import Theme

from . import consent
from .models import SubscriptionSource

# The forms anyone can fill in; the account page has its own.
PUBLIC_SOURCES = [SubscriptionSource.FOOTER, SubscriptionSource.HOME, SubscriptionSource.PAGE]
COMPACT_SOURCES = [SubscriptionSource.FOOTER, SubscriptionSource.HOME]

NUL_MESSAGE = _("Your input contains an invisible character that is not allowed. Type it again.")
CHOICE_MESSAGE = _("Choose only topics from the list.")
EMAIL_TOO_LONG = _("This e-mail address is too long. Use at most 254 characters.")
NAME_TOO_LONG = _("This name is too long. Use at most 150 characters.")


class NoNullCharacters(ProhibitNullCharactersValidator):
    message = NUL_MESSAGE


def _refuse_nul(field):
    field.validators = [
        NoNullCharacters() if isinstance(v, ProhibitNullCharactersValidator) else v
        for v in field.validators
    ]


class NameField(forms.CharField):
    """A person's name: the greeting of the e-mails, so no markup and no links (the
    form must not become a way to send strangers someone else's message)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 150)
        kwargs.setdefault("required", False)
        kwargs.setdefault("error_messages", {"max_length": NAME_TOO_LONG})
        super().__init__(**kwargs)
        _refuse_nul(self)

    def validate(self, value):
        super().validate(value)
        if any(mark in value for mark in "<>") or "://" in value or "www." in value.lower():
            raise forms.ValidationError(
                _("Fill in only your name, without links or the characters < and >."),
                code="not_a_name",
            )


class EmailAddressField(forms.EmailField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Fill in your e-mail address."),
                "invalid": _("Fill in a valid e-mail address, for example name@example.nl."),
                "max_length": EMAIL_TOO_LONG,
            },
        )
        super().__init__(**kwargs)
        _refuse_nul(self)

    def clean(self, value):
        if value and "\x00" in str(value):
            # Reported once, in plain words, instead of as an invalid address as well.
            raise forms.ValidationError(NUL_MESSAGE, code="null_characters_not_allowed")
        if value and len(str(value).strip()) > self.max_length:
            raise forms.ValidationError(EMAIL_TOO_LONG, code="max_length")
        return super().clean(value)


class TopicsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid_choice": CHOICE_MESSAGE,
                "invalid_pk_value": CHOICE_MESSAGE,
                "list": CHOICE_MESSAGE,
            },
        )
        super().__init__(queryset, **kwargs)

    def clean(self, value):
        # Ids are numbers of a sane size; anything else is not a topic from the list
        # (and must not reach the database: a NUL byte or an endless number).
        for item in value or []:
            if not (isinstance(item, str) and item.isascii() and item.isdigit() and len(item) < 10):
                raise forms.ValidationError(CHOICE_MESSAGE, code="invalid_choice")
        return super().clean(value)


def theme_choices():
    return Theme.objects.only("id", "name", "sort_order")


def leerkring_choices():
    return Leerkring.objects.public().only("id", "name")


class TopicsForm(TopErrorsMixin, forms.Form):
    """The topics of a subscription: themes and leerkringen."""

    themes = TopicsField(
        None,
        label=_("Themes"),
        help_text=_("Choose nothing to get every issue."),
    )
    leerkringen = TopicsField(None, label=_("Leerkringen"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            self.fields["themes"].queryset = theme_choices()
        if "leerkringen" in self.fields:
            self.fields["leerkringen"].queryset = leerkring_choices()

    def topics(self) -> dict:
        return {
            "themes": list(self.cleaned_data.get("themes") or []),
            "leerkringen": list(self.cleaned_data.get("leerkringen") or []),
        }


class HoneypotMixin:
    """A field people never see (hidden by CSS) and robots fill in."""

    honeypot_name = "fax"

    def add_honeypot(self):
        self.fields[self.honeypot_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def is_spam(self):
        return bool(self.data.get(self.honeypot_name))


class SubscribeForm(HoneypotMixin, TopicsForm):
    """Sign up for the newsletter. The footer and home page forms ask only for the
    address (and a name); the newsletter page's form asks for topics as well."""

    email = EmailAddressField(label=_("E-mail address"))
    name = NameField(label=_("Name (optional)"))
    source = forms.ChoiceField(
        choices=[(source.value, source.label) for source in PUBLIC_SOURCES],
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Something went wrong with this form. Reload the page and try again."),
            "invalid_choice": _(
                "Something went wrong with this form. Reload the page and try again."
            ),
        },
    )

    field_order = ["email", "name", "themes", "leerkringen"]

    def __init__(self, data=None, *, source, **kwargs):
        kwargs.setdefault("auto_id", f"newsletter-{source}-%s")
        super().__init__(data, initial={"source": source}, **kwargs)
        self.compact = source in COMPACT_SOURCES
        if self.compact:
            del self.fields["themes"]
            del self.fields["leerkringen"]
        self.add_honeypot()
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.consent_text = consent.current_text()

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class RequestLinkForm(TopErrorsMixin, HoneypotMixin, forms.Form):
    """Ask for a new link to one's preferences, by e-mail."""

    email = EmailAddressField(label=_("E-mail address"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "newsletter-link-%s")
        super().__init__(*args, **kwargs)
        self.add_honeypot()
        self.fields["email"].widget.attrs.update({"autocomplete": "email"})


class PreferencesForm(TopicsForm):
    """The topics of a subscriber, behind the signed link in every newsletter."""

    def __init__(self, data=None, *, subscriber=None, **kwargs):
        if subscriber is not None and data is None:
            kwargs["initial"] = {
                "themes": list(subscriber.themes.values_list("pk", flat=True)),
                "leerkringen": list(subscriber.leerkringen.values_list("pk", flat=True)),
            }
        super().__init__(data, **kwargs)


class AccountNewsletterForm(PreferencesForm):
    """The account page's form: the account's own, verified address, and topics."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "newsletter-account-%s")
        super().__init__(*args, **kwargs)
        self.consent_text = consent.current_text()
