"""Initiatives in the site search: published ones, with a link to the filtered map."""

from urllib.parse import urlencode

from django.urls import reverse

from .models import Initiative


def search_initiatives(query):
    return (
        Initiative.objects.published().select_related("municipality").search(query, operator="and")
    )


def search_more_url(query):
    return reverse("initiatives:map") + "?" + urlencode({"q": query})
