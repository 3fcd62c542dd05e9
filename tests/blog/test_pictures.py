"""Articles' photos as <picture> in AVIF, WebP and JPEG, sized to their slot
(portal/images.py), without a query per card, and shared with their full address."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.images import CARD
from tests.factories.blog import ImageFactory

LARGE = {"file__width": 1000, "file__height": 600}


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Originals and renditions in a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path


def queries_of_a_fresh_index(client, url):
    """The index drawn anew (no fragment or rendition in the cache), its renditions
    already made by an earlier visit."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_cards_show_pictures_in_modern_formats_without_a_query_per_card(
    client, professional, blog_index, make_article
):
    client.force_login(professional)  # anonymous visitors would get the page cache's copy
    make_article(title="Eerste", main_image=ImageFactory(**LARGE))
    few = queries_of_a_fresh_index(client, blog_index.url)
    for number in range(6):
        make_article(title=f"Meer {number}", main_image=ImageFactory(**LARGE))
    assert queries_of_a_fresh_index(client, blog_index.url) == few

    html = client.get(blog_index.url).text
    assert html.count("<picture>") == 7
    assert html.count('type="image/avif"') == html.count('type="image/webp"') == 7
    assert html.count(f'sizes="{CARD.sizes}"') == 7 * 3  # both sources and the <img>
    assert re.search(r'srcset="[^"]+\.fill-400x225\.format-avif\.avif 400w, ', html)
    # The first card may be the largest thing on the screen; the others wait their turn.
    assert html.count('fetchpriority="high"') == 1
    assert html.count('loading="lazy" ') == 6


def test_lead_photo_has_its_alt_text_and_the_shared_image_its_full_address(
    client, make_article, settings
):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = "https://www.example.nl"
    image = ImageFactory(description="Een zaal vol mensen", **LARGE)
    html = client.get(make_article(main_image=image).url).text
    lead = re.search(r'<figure class="article__image">\s*<picture>.*?(<img [^>]+>)', html, re.S)
    assert 'alt="Een zaal vol mensen"' in lead[1]
    assert 'loading="eager"' in lead[1] and 'fetchpriority="high"' in lead[1]
    assert 'width="1000"' in lead[1] and 'height="600"' in lead[1]
    shared = re.search(r'<meta property="og:image" content="([^"]+)">', html)[1]
    assert re.fullmatch(
        r"https://www\.example\.nl/media/images/test[\w-]*\.[0-9a-f]+\.fill-1200x630\.png", shared
    )
