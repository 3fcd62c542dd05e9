"""The toolkit's use per tool in a period, as CSV or XLSX (portal.exports.ListExporter)."""

from django.utils.translation import gettext as _

from portal.exports import ListExporter


class ToolUseList(ListExporter):
    """One row per tool, a row for deleted tools' uses if there were any, and the total."""

    def __init__(self, report):
        self.report = report
        self.filename = f"toolkit-gebruik-{report.start:%Y-%m-%d}-{report.end:%Y-%m-%d}"
        self.sheet_title = _("Toolkit use")

    def headings(self):
        return [_("Tool"), _("Kind"), _("Published"), _("Uses")]

    def rows(self):
        for tool in self.report.tools:
            yield [
                tool.title,
                tool.get_kind_display(),
                _("Yes") if tool.live else _("No"),
                tool.uses,
            ]
        if self.report.deleted_tools_uses:
            yield [_("Deleted tools"), "", "", self.report.deleted_tools_uses]
        yield [_("Total"), "", "", self.report.total]
