"""The period of the admin's report on the toolkit's use."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DEFAULT_DAYS = 30


class PeriodForm(forms.Form):
    """From and to a day, both included. Without either, the last 30 days."""

    start = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    end = forms.DateField(label=_("To and including"), widget=DATE_WIDGET)

    def __init__(self, data, *, today: datetime.date):
        if not data.get("start") and not data.get("end"):
            start = today - datetime.timedelta(days=DEFAULT_DAYS - 1)
            data = {"start": start.isoformat(), "end": today.isoformat()}
        super().__init__(data)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end date is before the start date."))
        return cleaned
