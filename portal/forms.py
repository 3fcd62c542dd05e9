"""Forms of the account area: the profile fields asked at sign-up and edited later;
and the form that reports a comment or an initiative (portal/flags.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Report, User


class TopErrorsMixin:
    """Public forms show errors that belong to no visible field (a made-up hidden
    value, a rule about several fields) in one list above the form."""

    @property
    def top_errors(self):
        errors = list(self.non_field_errors())
        for field in self.hidden_fields():
            errors += field.errors
        return errors


PROFILE_FIELDS = ["full_name", "organisation", "job_title", "sector"]


class ProfileForm(forms.ModelForm):
    """The profile as the user edits it on the account page."""

    class Meta:
        model = User
        fields = PROFILE_FIELDS
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }
        help_texts = {
            "organisation": _("For example: Gemeente Zwolle or Rijkswaterstaat."),
            "sector": _("The kind of organisation you work for."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].required = True
        self.fields["sector"].choices = [("", _("Choose a sector"))] + list(
            self.fields["sector"].choices
        )[1:]


class SignupProfileForm(ProfileForm):
    """The profile part of allauth's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    field_order = ["full_name", "email", "organisation", "job_title", "sector"]

    def signup(self, request, user):
        for name in PROFILE_FIELDS:
            setattr(user, name, self.cleaned_data[name])
        user.save(update_fields=PROFILE_FIELDS)


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password, so an open laptop is not enough."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."))
        return password


class ReportForm(forms.Form):
    """A visitor's report: why (required) and an optional note for the editors.

    It sits under every comment of an article, so each copy gets its own `auto_id`
    prefix, and it carries no CSRF token (portal/csrf.py)."""

    reason = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what is wrong."),
            "invalid_choice": _("Choose one of the reasons."),
        },
    )
    note = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=Report.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the editors read this. Do not write personal details."),
    )

    def clean_note(self):
        # Browsers send line breaks as CRLF; store them once, as the visitor typed them.
        return self.cleaned_data["note"].replace("\r\n", "\n")
