"""Responsive images: every place that shows a photo (a slot) says here how it is cropped,
in which widths its renditions are made and how wide the slot is on the page.

The browser then picks the smallest rendition that fills the slot at its screen's pixel
density, in the first format it can show: AVIF, then WebP, with JPEG for the rest. The
`sizes` follow the layout in static/css: the page's container (at most 72rem, with
1.25rem padding on each side), the reading measure (42rem), the card grid (columns of at
least 16rem, 1.25rem apart) and the main column of a page with a sidebar (2.2fr next to
1fr from 56rem). Change them together with that CSS.

Models prefetch a slot's `filter_specs` with their images, so a list of cards looks up
no rendition one by one; the `{% slot_picture %}` tag (portal_images) draws the slot.
"""

from dataclasses import dataclass

FORMATS = ("avif", "webp", "jpeg")


@dataclass(frozen=True)
class ImageSlot:
    """A crop (a Wagtail operation with {w} and {h} for each width), the widths of its
    renditions and the `sizes` attribute that tells the browser how wide the slot is."""

    operation: str
    widths: tuple[int, ...]
    sizes: str
    ratio: tuple[int, int] = (16, 9)

    @property
    def filter_specs(self):
        """Wagtail filter specs of every rendition the slot needs, per format (in the
        order of FORMATS) from small to large."""
        across, down = self.ratio
        crops = [
            self.operation.format(w=width, h=round(width * down / across)) for width in self.widths
        ]
        return [f"{crop}|format-{image_format}" for image_format in FORMATS for crop in crops]


# An article's lead image: the reading measure, or the screen less the container padding.
ARTICLE = ImageSlot(
    "width-{w}", (400, 700, 1000, 1400), "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)"
)

# A card in the card grid (articles, leerkringen): 1 to 4 columns, 16:9.
CARD = ImageSlot(
    "fill-{w}x{h}",
    (400, 600, 800),
    "(min-width: 72rem) 16.5rem, (min-width: 70.25rem) calc((100vw - 6.25rem) / 4), "
    "(min-width: 53rem) calc((100vw - 5rem) / 3), "
    "(min-width: 35.75rem) calc((100vw - 3.75rem) / 2), calc(100vw - 2.5rem)",
)

# The main column of a page with a sidebar (a leerkring, an initiative).
MAIN_COLUMN_SIZES = (
    "(min-width: 65.6rem) 42rem, (min-width: 56rem) calc((100vw - 4.5rem) * 0.6875), "
    "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)"
)
LEERKRING = ImageSlot("fill-{w}x{h}", (400, 700, 1000), MAIN_COLUMN_SIZES)
# An initiative's photo is shown whole, as its submitter sent it, within 4:3.
INITIATIVE = ImageSlot("max-{w}x{h}", (400, 700, 1000), MAIN_COLUMN_SIZES, ratio=(4, 3))

SLOTS = {"article": ARTICLE, "card": CARD, "leerkring": LEERKRING, "initiative": INITIATIVE}


def with_renditions(rows, field, *filter_specs):
    """`rows` with the image in `field` and these renditions of it prefetched: a fixed
    number of queries for any list, so no rendition is looked up one by one."""
    from django.db.models import Prefetch
    from wagtail.images import get_image_model  # known once the apps are loaded

    images = get_image_model().objects.prefetch_renditions(*filter_specs)
    return rows.prefetch_related(Prefetch(field, queryset=images))
