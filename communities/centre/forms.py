"""The conversation form of the admin, and the form for a year's targets."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import FIRST_YEAR, LAST_YEAR, TARGET_MAX, Measure

MAX_PARTICIPANTS = 20


class ConversationForm(WagtailAdminModelForm):
    """The people who took part with an account are named by their e-mail address
    (the admin has no list of every account to pick from, and should not have one);
    whoever records a conversation is kept as its recorder."""

    participant_emails = forms.CharField(
        label=_("Participants with an account"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=MAX_PARTICIPANTS * 255,
        help_text=_(
            "Their e-mail addresses, one per line. They find this conversation in their "
            "data download; leave it empty for people without an account."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["participant_emails"].initial = "\n".join(
                self.instance.participants.order_by("email").values_list("email", flat=True)
            )

    def clean_participant_emails(self):
        addresses = sorted(
            {line.strip().lower() for line in self.cleaned_data["participant_emails"].split()}
            - {""}
        )
        if len(addresses) > MAX_PARTICIPANTS:
            raise forms.ValidationError(
                _("Name at most %(max)s participants.") % {"max": MAX_PARTICIPANTS}
            )
        users = list(
            get_user_model().objects.annotate(address=Lower("email")).filter(address__in=addresses)
        )
        unknown = sorted(set(addresses) - {user.address for user in users})
        if unknown:
            raise forms.ValidationError(
                _("No account has this address: %(addresses)s") % {"addresses": ", ".join(unknown)}
            )
        return users

    def save(self, commit=True):
        if not self.instance.pk and self.for_user is not None:
            self.instance.recorded_by = self.for_user
        conversation = super().save(commit=commit)
        if commit:
            conversation.participants.set(self.cleaned_data["participant_emails"])
        return conversation


class YearForm(forms.Form):
    """The year chooser of the quarterly figures (a GET form)."""

    jaar = forms.IntegerField(
        label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR, required=False
    )


class TargetsForm(forms.Form):
    """A year's target for each measure; an empty field means no target."""

    def __init__(self, *args, targets=None, **kwargs):
        super().__init__(*args, **kwargs)
        targets = targets or {}
        for measure in Measure:
            self.fields[measure.value] = forms.IntegerField(
                label=measure.label,
                required=False,
                min_value=0,
                max_value=TARGET_MAX,
                initial=targets.get(measure.value),
            )

    def targets(self) -> dict:
        """The targets as typed: {measure: value or None}."""
        return {measure: self.cleaned_data[measure] for measure in Measure.values}
