"""Pictures for the demo content, drawn with Pillow so the demo needs no image files.

Flat illustrations rather than photographs, but of things the network does and the
places it does them: people around a meeting table, an audience facing a screen, a
town hall on a square, a polder seen from above like a map, portraits and the
wordmarks of (fictional) partners. Each is drawn from a seed, so the same title
always gets the same picture, and soft colours vary from picture to picture.

`draw_image` stores a picture once, under its title; the public functions below are
the compositions the demo uses.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

SCALE = 2  # drawn at twice the size and scaled down: soft, anti-aliased edges

# Soft backgrounds, deeper colours for furniture and buildings, and accents.
WALLS = ["#eef3f8", "#f6efe6", "#edf5ee", "#f3eef6", "#fbf3df", "#e9f1f4"]
SKIES = [("#cfe3f3", "#f4f8fb"), ("#f7dcc8", "#fbf1e6"), ("#d9ecdf", "#f3f8f1")]
DEEP = ["#154273", "#2f5d50", "#7a4b2a", "#4b3f72", "#3c5a78", "#8a3b3b"]
ACCENTS = ["#f2b84b", "#e07a5f", "#81b29a", "#7aa7d6", "#c48bc0", "#f4d35e"]
CLOTHES = ["#3d5a80", "#98c1d9", "#ee6c4d", "#6a994e", "#b56576", "#e9c46a", "#577590"]
SKIN = ["#f1c6a7", "#e0ac8a", "#c68863", "#a5694a", "#7d4b32", "#f6d7bf"]
HAIR = ["#2b2118", "#5a3a22", "#a0673a", "#d8b26e", "#8c8c8c", "#1c1c1c", "#7b2f1d"]
FIELDS = ["#b7d3a8", "#cfe0b0", "#e8dca2", "#a9c99b", "#d9e7c4", "#c7d9a0", "#e3cf9a"]


def draw_image(title, filename, paint, size=(1200, 675), seed=0, description=""):
    """The Wagtail image called `title`; drawn by `paint(draw, size, rng)` if there is
    none. The description (what the picture shows) is its default alternative text."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    canvas = PillowImage.new("RGB", (width * SCALE, height * SCALE), "white")
    paint(ImageDraw.Draw(canvas), (width * SCALE, height * SCALE), random.Random(seed))  # noqa: S311 - decoration
    canvas = canvas.reduce(SCALE)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    image = Image(title=title, description=description or title)
    image.file = ImageFile(buffer, name=filename)
    image.save()
    return image


def _gradient(draw, box, top, bottom):
    left, upper, right, lower = box
    top_rgb, bottom_rgb = _rgb(top), _rgb(bottom)
    for y in range(upper, lower):
        share = (y - upper) / max(1, lower - upper - 1)
        colour = tuple(round(a + (b - a) * share) for a, b in zip(top_rgb, bottom_rgb, strict=True))
        draw.line([(left, y), (right, y)], fill=colour)


def _rgb(colour):
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


LOOKS = ["short hair", "long hair", "bun", "beard"]


def _person(draw, x, y, size, rng, from_behind=False, look=None):
    """Head and shoulders of a person whose chin is at (x, y); `look` is one of LOOKS
    (chosen by chance without one)."""
    skin, hair, clothes = rng.choice(SKIN), rng.choice(HAIR), rng.choice(CLOTHES)
    head = size * 0.42
    draw.rounded_rectangle(
        [x - size, y + head * 0.2, x + size, y + size * 2.2], radius=int(size * 0.7), fill=clothes
    )
    draw.rectangle([x - head * 0.35, y - head * 0.2, x + head * 0.35, y + head * 0.5], fill=skin)
    draw.ellipse([x - head, y - head * 2.2, x + head, y], fill=hair if from_behind else skin)
    if from_behind:
        return
    style = LOOKS.index(look) if look else rng.randrange(len(LOOKS))
    if style == 0:  # short hair
        draw.chord([x - head, y - head * 2.3, x + head, y - head * 0.6], 180, 360, fill=hair)
    elif style == 1:  # long hair, behind the face and over the shoulders
        draw.chord(
            [x - head * 1.1, y - head * 2.3, x + head * 1.1, y - head * 0.7], 180, 360, fill=hair
        )
        draw.rectangle([x - head * 1.1, y - head * 1.5, x - head * 0.8, y + head * 0.6], fill=hair)
        draw.rectangle([x + head * 0.8, y - head * 1.5, x + head * 1.1, y + head * 0.6], fill=hair)
    elif style == 2:  # a bun
        draw.chord([x - head, y - head * 2.3, x + head, y - head * 0.8], 180, 360, fill=hair)
        draw.ellipse([x - head * 0.45, y - head * 2.9, x + head * 0.45, y - head * 2.0], fill=hair)
    else:  # a beard and little hair
        draw.chord([x - head, y - head * 2.25, x + head, y - head * 1.3], 180, 360, fill=hair)
        draw.chord(
            [x - head * 0.85, y - head * 1.1, x + head * 0.85, y + head * 0.05], 0, 180, fill=hair
        )
    eye = max(2, head * 0.09)
    for side in (-1, 1):
        ex, ey = x + side * head * 0.38, y - head * 1.15
        draw.ellipse([ex - eye, ey - eye, ex + eye, ey + eye], fill="#2b2118")
    if rng.random() < 0.3:  # glasses
        for side in (-1, 1):
            ex, ey = x + side * head * 0.38, y - head * 1.15
            draw.ellipse(
                [ex - eye * 3, ey - eye * 2.6, ex + eye * 3, ey + eye * 2.6],
                outline="#2b2118",
                width=max(2, int(eye * 0.6)),
            )
    draw.arc(
        [x - head * 0.35, y - head * 0.95, x + head * 0.35, y - head * 0.45],
        20,
        160,
        fill="#8a4b3b",
        width=max(2, int(eye * 0.7)),
    )


def meeting_scene(title, seed, size=(1200, 675), filename=None):
    """People around a table in a room with a window and a screen (meetings, leerkringen)."""

    def paint(draw, size, rng):
        width, height = size
        wall = rng.choice(WALLS)
        draw.rectangle([0, 0, width, height], fill=wall)
        draw.rectangle(
            [0, int(height * 0.66), width, height],
            fill=rng.choice(["#d8cbb8", "#c9d3dc", "#d5dccb"]),
        )
        # a window with sky and a tree outside
        sky_top, sky_bottom = rng.choice(SKIES)
        wx = int(width * rng.choice([0.06, 0.62]))
        window = [wx, int(height * 0.1), wx + int(width * 0.3), int(height * 0.5)]
        _gradient(draw, window, sky_top, sky_bottom)
        tx = window[0] + (window[2] - window[0]) * rng.uniform(0.25, 0.75)
        draw.ellipse(
            [tx - 90, window[3] - 160, tx + 90, window[3] + 40], fill=rng.choice(FIELDS[::2])
        )
        draw.rectangle(window, outline="#ffffff", width=18)
        draw.line(
            [((window[0] + window[2]) / 2, window[1]), ((window[0] + window[2]) / 2, window[3])],
            fill="#ffffff",
            width=12,
        )
        # a screen with a chart on the other wall
        sx = int(width * (0.58 if wx < width / 2 else 0.1))
        screen = [sx, int(height * 0.12), sx + int(width * 0.28), int(height * 0.45)]
        draw.rounded_rectangle(
            screen, radius=14, fill="#ffffff", outline=rng.choice(DEEP), width=10
        )
        bars = rng.randint(3, 5)
        span = (screen[2] - screen[0] - 80) / bars
        for bar in range(bars):
            top = screen[3] - 40 - rng.uniform(0.3, 0.9) * (screen[3] - screen[1] - 90)
            left = screen[0] + 40 + bar * span
            draw.rectangle([left, top, left + span * 0.6, screen[3] - 40], fill=rng.choice(ACCENTS))
        # people behind the table, the table, things on it
        table_top = int(height * 0.64)
        people = rng.randint(4, 6)
        for seat in range(people):
            x = width * (0.18 + 0.64 * (seat + 0.5) / people) + rng.uniform(-20, 20)
            _person(draw, x, table_top - height * 0.08, height * 0.1, rng)
        table = rng.choice(["#a9825e", "#8c6d52", "#c2a27f", "#6f7f8f"])
        draw.rounded_rectangle(
            [width * 0.1, table_top, width * 0.9, table_top + height * 0.2], radius=40, fill=table
        )
        draw.rectangle(
            [width * 0.1, table_top + height * 0.16, width * 0.9, table_top + height * 0.2],
            fill=_shade(table),
        )
        for item in range(people + 2):
            x = width * (0.16 + 0.68 * item / (people + 1))
            y = table_top + height * rng.uniform(0.03, 0.08)
            kind = rng.randrange(3)
            if kind == 0:  # a laptop
                draw.polygon(
                    [(x - 60, y + 50), (x + 60, y + 50), (x + 45, y), (x - 45, y)], fill="#d9dde2"
                )
            elif kind == 1:  # papers
                draw.rectangle(
                    [x - 40, y, x + 40, y + 50], fill="#ffffff", outline="#d0d0d0", width=3
                )
            else:  # a cup
                draw.rounded_rectangle(
                    [x - 18, y + 5, x + 18, y + 50], radius=8, fill=rng.choice(ACCENTS)
                )
        # two people with their backs to us
        for x in (width * rng.uniform(0.15, 0.3), width * rng.uniform(0.65, 0.85)):
            _person(draw, x, height * 0.98, height * 0.16, rng, from_behind=True)

    return draw_image(
        title,
        filename or f"bijeenkomst-{seed}.png",
        paint,
        size,
        seed,
        "Illustratie: mensen in gesprek aan een vergadertafel",
    )


def audience_scene(title, seed, size=(1200, 675), filename=None):
    """An audience facing a speaker and a screen (events)."""

    def paint(draw, size, rng):
        width, height = size
        draw.rectangle([0, 0, width, height], fill=rng.choice(WALLS))
        draw.rectangle(
            [0, int(height * 0.55), width, height],
            fill=rng.choice(["#c9bfb2", "#b9c4cc", "#c3ccb6"]),
        )
        deep, accent = rng.choice(DEEP), rng.choice(ACCENTS)
        screen = [width * 0.3, height * 0.08, width * 0.7, height * 0.45]
        draw.rectangle(screen, fill="#ffffff", outline=deep, width=12)
        draw.rectangle([screen[0] + 40, screen[1] + 40, screen[2] - 40, screen[1] + 90], fill=deep)
        for line in range(3):
            y = screen[1] + 130 + line * 55
            draw.rectangle(
                [
                    screen[0] + 40,
                    y,
                    screen[0] + 40 + rng.uniform(0.4, 0.9) * (screen[2] - screen[0] - 80),
                    y + 24,
                ],
                fill=accent,
            )
        # the speaker at a lectern
        speaker_x = width * rng.choice([0.18, 0.82])
        _person(draw, speaker_x, height * 0.36, height * 0.07, rng)
        draw.polygon(
            [
                (speaker_x - 70, height * 0.42),
                (speaker_x + 70, height * 0.42),
                (speaker_x + 55, height * 0.62),
                (speaker_x - 55, height * 0.62),
            ],
            fill=deep,
        )
        for row, (y, size_of) in enumerate([(0.7, 0.06), (0.84, 0.08), (1.0, 0.11)]):
            seats = 7 - row
            for seat in range(seats):
                if rng.random() < 0.15:
                    continue  # an empty seat
                x = width * (seat + 0.5 + (row % 2) * 0.25) / seats
                _person(draw, x, height * y, height * size_of, rng, from_behind=True)

    return draw_image(
        title,
        filename or f"publiek-{seed}.png",
        paint,
        size,
        seed,
        "Illustratie: publiek luistert naar een spreker bij een scherm",
    )


def town_hall_scene(title, seed, size=(1200, 675), filename=None):
    """A town hall with a clock tower on a square, canal houses beside it."""

    def paint(draw, size, rng):
        width, height = size
        sky_top, sky_bottom = rng.choice(SKIES)
        _gradient(draw, (0, 0, width, height), sky_top, sky_bottom)
        for _cloud in range(3):
            cx, cy = rng.uniform(0, width), rng.uniform(height * 0.05, height * 0.3)
            for part in range(4):
                r = rng.uniform(40, 80)
                ox = (part - 1.5) * 60
                draw.ellipse([cx + ox - r, cy - r * 0.6, cx + ox + r, cy + r * 0.6], fill="#ffffff")
        ground = int(height * 0.78)
        # canal houses with stepped gables
        x = -20
        while x < width:
            house = rng.uniform(110, 170)
            top = ground - rng.uniform(220, 330)
            colour = rng.choice(["#b86b4b", "#8f5e4a", "#c99a6b", "#6f6a7d", "#a9744f", "#d2b48c"])
            draw.rectangle([x, top, x + house, ground], fill=colour)
            step = house / 6
            for level in range(3):
                draw.rectangle(
                    [x + step * level, top - 30 * (level + 1), x + house - step * level, top],
                    fill=colour,
                )
            for row in range(int((ground - top) // 80)):
                for col in range(2):
                    wx = x + house * (0.2 + col * 0.4)
                    wy = top + 25 + row * 80
                    draw.rectangle([wx, wy, wx + house * 0.22, wy + 45], fill="#f3ecd9")
            x += house + 6
        # the town hall in front
        hall = [width * 0.28, ground - height * 0.42, width * 0.72, ground]
        stone = rng.choice(["#e6dccb", "#d9d2c3", "#efe4d0"])
        draw.rectangle(hall, fill=stone)
        draw.polygon(
            [
                (hall[0] - 20, hall[1]),
                (hall[2] + 20, hall[1]),
                ((hall[0] + hall[2]) / 2, hall[1] - height * 0.1),
            ],
            fill=rng.choice(DEEP),
        )
        tower = [width * 0.46, hall[1] - height * 0.36, width * 0.54, hall[1]]
        draw.rectangle(tower, fill=stone)
        draw.polygon(
            [
                (tower[0] - 10, tower[1]),
                (tower[2] + 10, tower[1]),
                ((tower[0] + tower[2]) / 2, tower[1] - height * 0.12),
            ],
            fill=rng.choice(DEEP),
        )
        clock_y = tower[1] + (tower[3] - tower[1]) * 0.35
        radius = (tower[2] - tower[0]) * 0.32
        centre_x = (tower[0] + tower[2]) / 2
        draw.ellipse(
            [centre_x - radius, clock_y - radius, centre_x + radius, clock_y + radius],
            fill="#ffffff",
            outline="#333333",
            width=6,
        )
        draw.line(
            [(centre_x, clock_y), (centre_x, clock_y - radius * 0.7)], fill="#333333", width=6
        )
        draw.line(
            [(centre_x, clock_y), (centre_x + radius * 0.5, clock_y)], fill="#333333", width=6
        )
        for col in range(6):
            wx = hall[0] + (hall[2] - hall[0]) * (0.06 + col * 0.155)
            for wy in (hall[1] + 40, hall[1] + 150):
                draw.rounded_rectangle([wx, wy, wx + 55, wy + 85], radius=26, fill="#7f98ad")
        door_x = (hall[0] + hall[2]) / 2
        draw.rounded_rectangle(
            [door_x - 45, ground - 120, door_x + 45, ground], radius=40, fill="#5a3a22"
        )
        flag_x = tower[2] + 10
        draw.line([(flag_x, tower[1]), (flag_x, tower[1] - 110)], fill="#555555", width=5)
        for band, colour in enumerate(["#ae1c28", "#ffffff", "#21468b"]):
            draw.rectangle(
                [flag_x, tower[1] - 110 + band * 18, flag_x + 80, tower[1] - 92 + band * 18],
                fill=colour,
            )
        # the square, trees and passers-by
        draw.rectangle(
            [0, ground, width, height], fill=rng.choice(["#cfc6b8", "#d6d0c4", "#c7c0b0"])
        )
        for line in range(6):
            y = ground + (height - ground) * line / 6
            draw.line([(0, y), (width, y)], fill="#bdb3a3", width=3)
        for tree_x in (width * rng.uniform(0.05, 0.2), width * rng.uniform(0.8, 0.95)):
            draw.rectangle([tree_x - 14, ground - 120, tree_x + 14, ground + 30], fill="#6b4f35")
            for _leaf in range(5):
                lx, ly = tree_x + rng.uniform(-70, 70), ground - 170 + rng.uniform(-60, 40)
                draw.ellipse(
                    [lx - 70, ly - 60, lx + 70, ly + 60],
                    fill=rng.choice(["#6a994e", "#81b29a", "#7fa36b"]),
                )
        for _walker in range(rng.randint(3, 5)):
            _person(
                draw,
                rng.uniform(width * 0.1, width * 0.9),
                ground + rng.uniform(20, 60),
                height * 0.035,
                rng,
            )

    return draw_image(
        title,
        filename or f"stadhuis-{seed}.png",
        paint,
        size,
        seed,
        "Illustratie: een stadhuis met klokkentoren aan een plein",
    )


def landscape_map(title, seed, size=(1200, 675), filename=None):
    """A polder seen from above, like an illustrated map: fields, ditches, a river,
    roads, villages and a few pins."""

    def paint(draw, size, rng):
        width, height = size
        draw.rectangle([0, 0, width, height], fill="#dfe9cf")
        cell_w, cell_h = width / 8, height / 5
        for col in range(9):
            for row in range(6):
                x, y = col * cell_w - cell_w / 2, row * cell_h - cell_h / 2
                skew = rng.uniform(-30, 30)
                draw.polygon(
                    [
                        (x + skew, y),
                        (x + cell_w + skew, y),
                        (x + cell_w, y + cell_h),
                        (x, y + cell_h),
                    ],
                    fill=rng.choice(FIELDS),
                    outline="#8fb8c9",
                    width=5,
                )
        # a winding river
        points = []
        y = rng.uniform(height * 0.2, height * 0.8)
        for step in range(13):
            y += rng.uniform(-60, 60)
            points.append((width * step / 12, min(height * 0.9, max(height * 0.1, y))))
        draw.line(points, fill="#7fb2d4", width=60, joint="curve")
        draw.line(points, fill="#9cc7e2", width=34, joint="curve")
        # roads
        road_x = rng.uniform(width * 0.3, width * 0.7)
        draw.line(
            [(road_x, 0), (road_x + rng.uniform(-150, 150), height)], fill="#f4f1ea", width=22
        )
        draw.line(
            [(0, height * 0.3), (width, height * rng.uniform(0.2, 0.5))], fill="#f4f1ea", width=16
        )
        # villages: clusters of roofs
        for _village in range(3):
            vx, vy = (
                rng.uniform(width * 0.1, width * 0.9),
                rng.uniform(height * 0.15, height * 0.85),
            )
            for _house in range(rng.randint(8, 14)):
                hx, hy = vx + rng.uniform(-90, 90), vy + rng.uniform(-60, 60)
                draw.rectangle(
                    [hx, hy, hx + 26, hy + 20], fill=rng.choice(["#b86b4b", "#a9744f", "#8f5e4a"])
                )
        # pins for the places something happens
        for _pin in range(rng.randint(3, 5)):
            px, py = (
                rng.uniform(width * 0.08, width * 0.92),
                rng.uniform(height * 0.2, height * 0.9),
            )
            colour = rng.choice(DEEP)
            draw.ellipse([px - 34, py - 110, px + 34, py - 42], fill=colour)
            draw.polygon([(px - 30, py - 66), (px + 30, py - 66), (px, py)], fill=colour)
            draw.ellipse([px - 13, py - 89, px + 13, py - 63], fill="#ffffff")

    return draw_image(
        title,
        filename or f"kaart-{seed}.png",
        paint,
        size,
        seed,
        "Illustratie: een polder van bovenaf, als een kaart met spelden",
    )


SCENES = {
    "meeting": meeting_scene,
    "town hall": town_hall_scene,
    "map": landscape_map,
    "audience": audience_scene,
}


def scene(title, seed, kind=None, size=(1200, 675)):
    """One of the compositions (articles' images): `kind`, or one chosen by the seed."""
    paint = SCENES[kind] if kind else list(SCENES.values())[seed % len(SCENES)]
    return paint(title, seed, size)


def portrait(title, seed, look=None, size=(400, 400)):
    """A drawn portrait: head and shoulders on a soft round background."""

    def paint(draw, size, rng):
        width, height = size
        draw.rectangle([0, 0, width, height], fill=rng.choice(WALLS))
        draw.ellipse(
            [width * 0.08, height * 0.08, width * 0.92, height * 0.92], fill=rng.choice(ACCENTS)
        )
        _person(draw, width / 2, height * 0.74, width * 0.42, rng, look=look)

    return draw_image(title, f"portret-{seed}.png", paint, size, seed * 7919)


def wordmark(name, seed, size=(600, 240)):
    """A simple logo of a fictional partner: a drawn mark and the name beside it."""

    def paint(draw, size, rng):
        width, height = size
        colour, accent = rng.choice(DEEP), rng.choice(ACCENTS)
        draw.rectangle([0, 0, width, height], fill="#ffffff")
        mark = [height * 0.15, height * 0.2, height * 0.75, height * 0.8]
        kind = seed % 4
        if kind == 0:  # two overlapping circles
            draw.ellipse([mark[0], mark[1], mark[2] - 40, mark[3]], fill=colour)
            draw.ellipse([mark[0] + 40, mark[1], mark[2], mark[3]], fill=accent)
        elif kind == 1:  # a house
            draw.polygon(
                [
                    (mark[0], mark[1] + 100),
                    ((mark[0] + mark[2]) / 2, mark[1]),
                    (mark[2], mark[1] + 100),
                ],
                fill=colour,
            )
            draw.rectangle([mark[0] + 30, mark[1] + 100, mark[2] - 30, mark[3]], fill=accent)
        elif kind == 2:  # waves
            for wave in range(3):
                y = mark[1] + wave * 90
                draw.arc(
                    [mark[0], y, (mark[0] + mark[2]) / 2, y + 100], 180, 360, fill=colour, width=26
                )
                draw.arc(
                    [(mark[0] + mark[2]) / 2, y, mark[2], y + 100], 0, 180, fill=accent, width=26
                )
        else:  # a speech bubble
            draw.rounded_rectangle(
                [mark[0], mark[1], mark[2], mark[3] - 60], radius=50, fill=colour
            )
            draw.polygon(
                [
                    (mark[0] + 60, mark[3] - 62),
                    (mark[0] + 140, mark[3] - 62),
                    (mark[0] + 50, mark[3]),
                ],
                fill=colour,
            )
            draw.ellipse([mark[0] + 90, mark[1] + 90, mark[2] - 90, mark[3] - 150], fill=accent)
        text_x = mark[2] + height * 0.15
        room = width - text_x - height * 0.1
        words = name.split()
        middle = (len(words) + 1) // 2
        for lines in ([name], [" ".join(words[:middle]), " ".join(words[middle:])]):
            font_size = int(height * 0.26)
            font = ImageFont.load_default(size=font_size)
            while max(font.getlength(line) for line in lines) > room and font_size > 20:
                font_size -= 4
                font = ImageFont.load_default(size=font_size)
            if font_size >= height * 0.16:
                break
        top = height / 2 - len(lines) * font_size * 0.62
        for number, line in enumerate(lines):
            draw.text((text_x, top + number * font_size * 1.25), line, fill=colour, font=font)

    return draw_image(f"Logo {name}", f"logo-{seed}.png", paint, size, seed, f"Logo van {name}")


def _shade(colour):
    return "#" + "".join(f"{max(0, value - 30):02x}" for value in _rgb(colour))
