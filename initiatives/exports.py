"""The editors' CSV export of every initiative, in the columns that
`import_initiatives` reads back (written by portal.exports.ListExporter)."""

from django.utils import timezone

from portal.exports import ListExporter

from .models import Initiative

HEADER = [
    "title",
    "slug",
    "status",
    "summary",
    "description",
    "themes",
    "organisation",
    "organisation_type",
    "municipality",
    "province",
    "latitude",
    "longitude",
    "website",
    "contact_email",
    "relation",
    "submitter_name",
    "submitter_email",
    "created_at",
    "published_at",
]


class InitiativeList(ListExporter):
    """Every initiative, whatever its status, oldest first."""

    def __init__(self):
        self.filename = f"initiatieven-{timezone.localdate().isoformat()}"

    def headings(self):
        return HEADER

    def rows(self):
        initiatives = (
            Initiative.objects.select_related("municipality", "submitted_by")
            .prefetch_related("themes")
            .order_by("pk")
        )
        for initiative in initiatives.iterator(chunk_size=500):
            yield [
                initiative.title,
                initiative.slug,
                initiative.status,
                initiative.summary,
                initiative.description,
                "|".join(theme.slug for theme in initiative.themes.all()),
                initiative.organisation_name,
                initiative.organisation_type,
                initiative.municipality.name,
                initiative.province,
                initiative.latitude,
                initiative.longitude,
                initiative.website,
                initiative.contact_email,
                initiative.relation,
                initiative.submitter_name,
                initiative.submitter_address,
                initiative.created_at.isoformat(),
                initiative.published_at.isoformat() if initiative.published_at else "",
            ]
