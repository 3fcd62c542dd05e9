"""The registration form, built from the event's choice of questions; the organiser's
message to attendees; the public check of a certificate's code."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .certificates import CertificateError, normalise_code
from .models import EventQuestion, Registration
from .registration import Applicant

STANDARD_QUESTIONS = [
    # (field, the event's switch, help text)
    ("organisation", "ask_organisation", None),
    ("job_title", "ask_job_title", None),
    ("dietary", "ask_dietary", _("For example vegetarian, or an allergy.")),
    ("accessibility", "ask_accessibility", _("For example a wheelchair-accessible seat.")),
]


def _model_field(name, **kwargs):
    model_field = Registration._meta.get_field(name)
    return forms.CharField(
        label=capfirst(model_field.verbose_name), max_length=model_field.max_length, **kwargs
    )


class RegistrationForm(forms.Form):
    """An account holder's form comes prefilled from their profile and has no e-mail
    field (their account's address is used); a guest also gives name, e-mail address
    and organisation."""

    def __init__(self, event, user=None, *args, **kwargs):
        self.event = event
        self.user = user if user and user.is_authenticated else None
        if self.user and not kwargs.get("data"):
            kwargs["initial"] = {
                "name": self.user.full_name,
                "organisation": self.user.organisation,
                "job_title": self.user.job_title,
            }
        super().__init__(*args, **kwargs)
        self.fields["name"] = _model_field("name", required=True)
        if not self.user:
            self.fields["email"] = forms.EmailField(
                label=_("E-mail address"),
                max_length=254,
                help_text=_("We send a link to confirm your registration to this address."),
            )
        for name, switch, help_text in STANDARD_QUESTIONS:
            if getattr(event, switch) or (name == "organisation" and not self.user):
                self.fields[name] = _model_field(
                    name, required=name == "organisation" and not self.user, help_text=help_text
                )
                if help_text is None:
                    self.fields[name].help_text = ""
        for question in event.questions.all():
            self.fields[question.key] = self._question_field(question)

    @staticmethod
    def _question_field(question):
        if question.kind == EventQuestion.Kind.CHOICE:
            choices = [(choice, choice) for choice in question.choice_list()]
            if not question.required:
                choices.insert(0, ("", "—"))
            return forms.ChoiceField(
                label=question.label, choices=choices, required=question.required
            )
        return forms.CharField(label=question.label, max_length=300, required=question.required)

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            name=data["name"],
            email=self.user.email if self.user else data["email"],
            user=self.user,
            organisation=data.get("organisation", ""),
            job_title=data.get("job_title", ""),
            dietary=data.get("dietary", ""),
            accessibility=data.get("accessibility", ""),
            answers={
                question.key: data.get(question.key, "") for question in self.event.questions.all()
            },
        )


class OrganiserMessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    text = forms.CharField(
        label=_("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text. An empty line starts a new paragraph."),
    )


class CertificateCheckForm(forms.Form):
    """A certificate's code, typed as people type it (see certificates.normalise_code)."""

    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code on the certificate: 12 letters and digits, like ABCD-EFGH-JKMN."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def clean_code(self):
        try:
            return normalise_code(self.cleaned_data["code"])
        except CertificateError as error:
            raise forms.ValidationError(error.message, code=error.code) from None
