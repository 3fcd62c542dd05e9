"""The admin's list filters speak Dutch, also in the pill that shows an active filter
("Gearchiveerd: Nee", never "Gearchiveerd: False"). Checked for every yes/no filter of
every admin listing, so a new one cannot bring the English back."""

import re

import django_filters
import pytest
from django.urls import reverse
from wagtail.admin.viewsets import viewsets


def boolean_filters():
    reverse("wagtailadmin_home")  # loading the admin's URLs registers its viewsets
    for viewset in viewsets.viewsets:
        if not hasattr(viewset, "index_view_class"):
            continue
        # The index view builds its filter set from the viewset's list_filter.
        view = viewset.index_view
        filterset = view.view_class(**view.view_initkwargs).filterset_class
        for name, definition in getattr(filterset, "base_filters", {}).items():
            if isinstance(definition, django_filters.BooleanFilter):
                yield viewset, name


def test_there_are_yes_no_filters_to_check(db):
    assert {name for _viewset, name in boolean_filters()} >= {"archived", "is_guest"}


@pytest.mark.parametrize(("value", "shown"), [("true", "Ja"), ("false", "Nee")])
def test_active_yes_no_filters_show_ja_or_nee(admin_client, value, shown):
    for viewset, name in boolean_filters():
        url = viewset.menu_url
        html = admin_client.get(url, {name: value}).content.decode()
        pills = re.findall(r'<b class="w-ml-1">\s*(.*?)\s*</b>', html)
        assert pills == [shown], (url, name, pills)
