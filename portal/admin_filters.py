"""How an active yes/no filter reads in the admin's listings.

Wagtail shows an active filter as a pill, "label: value"; for a yes/no
(BooleanFilter) it writes Python's True or False, in English ("Gearchiveerd:
False"). This shows the filter's own choice label instead ("Ja", "Nee"), for every
listing at once.
"""

import django_filters
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)


class YesNoFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        choices = dict(self.bound_field.field.widget.choices)
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            choices["true" if self.value else "false"],
            self.get_url_without_filter_param(self.name),
        )


def register():
    register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
