"""`{% slot_picture image "card" %}`: an image as a <picture> in AVIF, WebP and JPEG,
in the widths and with the `sizes` of its slot (portal/images.py)."""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from ..images import SLOTS

register = template.Library()

# The page's Largest Contentful Paint: fetched at once, before other images.
PRIORITY = {"loading": "eager", "fetchpriority": "high"}
# Every other image waits until it is scrolled near, and is decoded off the main thread.
DEFERRED = {"loading": "lazy", "decoding": "async"}


@register.simple_tag
def slot_picture(image, slot, priority=False, **attrs):
    """The image drawn for one slot; `attrs` (alt, class) go on its <img>.

    Without `alt`, the image's description (or its title) is the alt text. Width and
    height are those of the largest rendition: they give the aspect ratio before the
    file arrives (no layout shift) and let the image fill its slot up to that size.
    """
    if not image:
        return ""
    slot = SLOTS[slot]
    renditions = one_per_width(get_renditions_or_not_found(image, slot.filter_specs))
    largest = max(renditions.values(), key=lambda rendition: rendition.width)
    attrs = {
        "sizes": slot.sizes,
        "width": largest.width,
        "height": largest.height,
        **(PRIORITY if priority else DEFERRED),
        **attrs,
    }
    return Picture(renditions, attrs).__html__()


def one_per_width(renditions):
    """The renditions less those of a width already listed in the same format: Wagtail
    does not enlarge, so a small original gives the same size for several widths."""
    seen = set()
    kept = {}
    for spec, rendition in renditions.items():
        key = (spec.rpartition("format-")[2], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept
