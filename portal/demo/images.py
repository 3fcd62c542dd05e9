"""Pictures for the demo content, drawn with Pillow so the demo needs no image files.

`draw_image` stores a picture once, under its title; the `paint_*` functions are the
three compositions the demo uses (articles, leerkringen, events).
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

PALETTES = [
    ("#e5f0f9", "#154273", "#01689b", "#ffb612"),
    ("#e8f4ec", "#1e6b3a", "#7fb08f", "#f3d27a"),
    ("#f7efe6", "#8a4b14", "#d9a066", "#154273"),
    ("#eef0f8", "#3b3f8f", "#9aa3d9", "#e07a5f"),
    ("#f4f6f8", "#34495e", "#86a8c5", "#c6d57e"),
]


def draw_image(title, filename, background, paint, size=(1280, 720)):
    """The Wagtail image called `title`; drawn by `paint(draw, size)` if there is none."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    canvas = PillowImage.new("RGB", size, background)
    paint(ImageDraw.Draw(canvas), size)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    image = Image(title=title, description=title)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def circles_and_bands(title, seed, size=(1200, 675)):
    """A calm composition of circles and bands in one palette (articles, authors)."""
    rng = random.Random(seed)  # noqa: S311 - decoration, not security
    background, dark, mid, accent = PALETTES[seed % len(PALETTES)]

    def paint(draw, size):
        width, height = size
        draw.rectangle([0, int(height * 0.7), width, height], fill=mid)
        for _ in range(3):
            radius = rng.randint(height // 8, height // 3)
            x, y = rng.randint(0, width), rng.randint(0, int(height * 0.7))
            draw.ellipse(
                [x - radius, y - radius, x + radius, y + radius], fill=rng.choice([dark, accent])
            )

    return draw_image(title, f"blog-demo-{seed}.png", background, paint, size)


def people_around_a_table(title, colours, seed):
    """Overlapping circles: people around a table (leerkringen)."""
    background, dark, accent = colours

    def paint(draw, size):
        centre_x, centre_y = size[0] // 2, size[1] // 2
        draw.ellipse([centre_x - 220, centre_y - 140, centre_x + 220, centre_y + 140], fill=dark)
        for position in range(6 + seed % 3):
            angle_x = [-360, -250, -80, 80, 250, 360, 0, -150][position]
            angle_y = [-60, 170, 230, 230, 170, -60, -230, -200][position]
            x, y = centre_x + angle_x, centre_y + angle_y
            draw.ellipse([x - 55, y - 55, x + 55, y + 55], fill=accent if position % 2 else dark)

    return draw_image(title, f"leerkring-demo-{seed}.png", background, paint)


def chairs_facing_a_screen(title, name, colours):
    """A row of chairs facing a screen (events)."""
    background, accent = colours

    def paint(draw, size):
        draw.rectangle([340, 90, 940, 380], fill=accent)
        for row in range(3):
            for seat in range(8):
                x, y = 200 + seat * 115, 440 + row * 90
                draw.rounded_rectangle([x, y, x + 80, y + 60], radius=12, fill=accent)

    return draw_image(title, f"agenda-{name}.png", background, paint)
