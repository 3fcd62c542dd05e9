"""Entries in Wagtail's history (the audit log) whose text the apps share."""

from wagtail.log_actions import LogFormatter


class CountFormatter(LogFormatter):
    """An entry that says how many: people told, certificates made, subscribers sent
    to. `message` is `ngettext_lazy(singular, plural, "count")`; the number is the
    entry's `data[count_key]`."""

    count_key = "count"
    message = None

    def format_message(self, log_entry):
        return self.message % {"count": log_entry.data.get(self.count_key, 0)}
