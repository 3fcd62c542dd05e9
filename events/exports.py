"""Attendee lists as CSV and XLSX (written by portal.exports.ListExporter).

Headings are Dutch (the organisers' spreadsheets are), with one column per custom
question.
"""

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.exports import ListExporter

from .models import AMSTERDAM, RegistrationStatus

CHUNK_SIZE = 2000


def _moment(value):
    return timezone.localtime(value, AMSTERDAM).strftime("%d-%m-%Y %H:%M") if value else ""


class AttendeeList(ListExporter):
    """The rows of one event's attendee list, headings first."""

    def __init__(self, event, registrations):
        self.event = event
        self.registrations = registrations
        self.questions = list(event.questions.all())
        self.filename = f"aanmeldingen-{event.slug}"
        with translation.override(settings.LANGUAGE_CODE):
            self.sheet_title = _("Attendees")

    def headings(self):
        with translation.override(settings.LANGUAGE_CODE):
            return [
                _("Name"),
                _("E-mail address"),
                _("Organisation"),
                _("Job title"),
                _("Dietary wishes"),
                _("Accessibility needs"),
                *(question.label for question in self.questions),
                _("Status"),
                _("Waiting list position"),
                _("Registered at"),
                _("Checked in at"),
            ]

    def rows(self):
        with translation.override(settings.LANGUAGE_CODE):
            labels = dict(RegistrationStatus.choices)
            labels = {key: str(label) for key, label in labels.items()}
        keys = [question.key for question in self.questions]
        fields = [
            "name",
            "email",
            "organisation",
            "job_title",
            "dietary",
            "accessibility",
            "answers",
            "status",
            "waiting_position",
            "created_at",
            "checked_in_at",
        ]
        rows = self.registrations.values_list(*fields).iterator(chunk_size=CHUNK_SIZE)
        for *person, answers, status, position, created, checked_in in rows:
            answers = answers or {}
            yield [
                *person,
                *(str(answers.get(key, "")) for key in keys),
                labels.get(status, status),
                position or "",
                _moment(created),
                _moment(checked_in),
            ]
