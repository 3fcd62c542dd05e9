"""The member list of a leerkring as CSV (for Dutch Excel) and XLSX, written by
portal.exports.ListExporter."""

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from portal.exports import ListExporter


class MemberList(ListExporter):
    """Everyone in (or asking to be in) one leerkring, with their current profile."""

    def __init__(self, leerkring, memberships):
        self.memberships = memberships
        self.filename = f"leden-{slugify(leerkring.slug)}-{timezone.localdate():%Y-%m-%d}"
        self.sheet_title = _("Members")

    def headings(self):
        return [
            _("Name"),
            _("E-mail"),
            _("Organisation"),
            _("Job title"),
            _("Sector"),
            _("Status"),
            _("Since"),
        ]

    def rows(self):
        for membership in self.memberships.iterator(chunk_size=500):
            user = membership.user
            yield [
                user.full_name,
                user.email,
                user.organisation,
                user.job_title,
                user.get_sector_display(),
                membership.get_status_display(),
                timezone.localdate(membership.since),
            ]
