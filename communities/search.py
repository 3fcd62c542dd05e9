"""Leerkringen in the site search: a section of its own under the page results."""

from urllib.parse import urlencode

from django.urls import reverse

from .models import Leerkring


def search(query):
    leerkringen = Leerkring.objects.public()
    results = leerkringen.search(query, operator="and")
    if not results:
        results = leerkringen.autocomplete(query, operator="and")
    return results


def more_url(query):
    return f"{reverse('communities:list')}?{urlencode({'q': query})}"
