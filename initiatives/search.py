"""Initiatives in the site search: published ones, with a link to the filtered map."""

from urllib.parse import urlencode

from django.urls import reverse

from portal.search import search

from .models import Initiative


def search_initiatives(query):
    return search(Initiative.objects.published().select_related("municipality"), query)


def search_more_url(query):
    return reverse("initiatives:map") + "?" + urlencode({"q": query})
