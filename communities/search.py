"""Leerkringen in the site search: a section of its own under the page results."""

from urllib.parse import urlencode

from django.urls import reverse

from portal import search as site_search

from .models import Leerkring


def search(query):
    return site_search.search(Leerkring.objects.public(), query)


def more_url(query):
    return f"{reverse('communities:list')}?{urlencode({'q': query})}"
