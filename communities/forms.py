"""Forms of the leerkringen: signing up, leaving, and a coordinator's message."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import ProfileForm
from portal.models import User

MOTIVATION_MAX_LENGTH = 1000


class SignupForm(forms.ModelForm):
    """Sign-up for a leerkring: the profile fields, prefilled and editable (saving them
    updates the profile too, so the next form is right at once, as the page says), and
    a motivation."""

    motivation = forms.CharField(
        label=_("Why do you want to join? (optional)"),
        help_text=_("Coordinators read this. At most 1000 characters."),
        max_length=MOTIVATION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    class Meta:
        model = User
        fields = ["organisation", "job_title", "sector"]
        widgets = ProfileForm.Meta.widgets
        help_texts = ProfileForm.Meta.help_texts

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].choices = [("", _("Choose a sector"))] + list(
            self.fields["sector"].choices
        )[1:]


class LeaveForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, I want to leave this leerkring"),
        error_messages={"required": _("Tick the box to confirm that you want to leave.")},
    )


class MessageForm(forms.Form):
    """A coordinator's e-mail to every active member of their leerkring."""

    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        max_length=5000,
        help_text=_("Plain text. An empty line starts a new paragraph."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
