"""The toolkit in the admin: the report on its use, under Reports, for editors."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("toolkit/gebruik/", admin_views.report, name="toolkit_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Toolkit use"), reverse("toolkit_report"), icon_name="doc-full", order=800
    )
