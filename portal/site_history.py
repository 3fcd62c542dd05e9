"""Wagtail's site history report, for editors only.

Wagtail lists in it every log entry of a model to anyone with any permission on that
model. Organisers and coordinators manage only their own events and leerkringen, and
the entries of the others name their attendees and members (check-ins, membership
decisions), so the report is limited to those who see everything: editors and
administrators. Everyone keeps the History of the objects they manage.
"""

from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView

from .roles import EDITORS


def _sees_everything(user) -> bool:
    return user.is_superuser or user.groups.filter(name=EDITORS).exists()


def _editors_only(view):
    @never_cache
    @require_admin_access
    def guarded(request, *args, **kwargs):
        if not _sees_everything(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


report = _editors_only(LogEntriesView.as_view())
results = _editors_only(LogEntriesView.as_view(results_only=True))
