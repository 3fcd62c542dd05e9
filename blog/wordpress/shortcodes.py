"""WordPress shortcodes in a post's text: the ones with a block of their own become
HTML the block converter (html.py) understands; every other one stays in the text
as the reader would have seen it in the editor, and is counted for the report.

Known: [caption], [embed], [youtube], [vimeo], [video], [gallery], [code] and
[sourcecode]. Nothing here runs a shortcode: the converter only ever sees markup.
"""

import re
from collections import Counter
from html import escape

ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s\]]+))""")
CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S | re.I)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
VIDEO_SHORTCODE = re.compile(r"\[(youtube|vimeo|video)\b([^\]]*)\](?:\s*\[/\1\])?", re.I)
GALLERY = re.compile(r"\[gallery\b([^\]]*)\]", re.I)
CODE = re.compile(r"\[(code|sourcecode)\b([^\]]*)\](.*?)\[/\1\]", re.S | re.I)
ANY = re.compile(r"\[([A-Za-z][\w-]*)(?:\s[^\]\[]*)?/?\]")


def attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): next(g for g in match.groups()[1:] if g is not None)
        for match in ATTRIBUTE.finditer(text)
    }


def _video(match) -> str:
    name, rest = match.group(1).lower(), match.group(2)
    values = attributes(rest)
    url = values.get("src") or values.get("url") or values.get("youtube") or values.get("vimeo")
    if not url:
        url = rest.strip().strip("\"'")
        if name == "vimeo" and url.isdigit():
            url = f"https://vimeo.com/{url}"
        elif name == "youtube" and url and "/" not in url:
            url = f"https://www.youtube.com/watch?v={url}"
    return f'<figure data-wp-embed="{escape(url)}"></figure>'


def _gallery(match) -> str:
    ids = [part.strip() for part in attributes(match.group(1)).get("ids", "").split(",")]
    images = "".join(f'<img class="wp-image-{escape(i)}" src="">' for i in ids if i.isdigit())
    return f"<figure>{images}</figure>" if images else match.group(0)


def _code(match) -> str:
    language = attributes(match.group(2)).get("language") or attributes(match.group(2)).get(
        "lang", ""
    )
    return f'<pre data-language="{escape(language)}">{escape(match.group(3).strip())}</pre>'


def expand(text: str, unknown: Counter) -> str:
    """`text` with the known shortcodes as markup; the names of the unknown ones
    (left in place) are added to `unknown`."""
    text = CODE.sub(_code, text)
    text = CAPTION.sub(lambda m: f'<figure data-wp="caption">{m.group(2)}</figure>', text)
    text = EMBED.sub(
        lambda m: f'<figure data-wp-embed="{escape(m.group(1).strip())}"></figure>', text
    )
    text = VIDEO_SHORTCODE.sub(_video, text)
    text = GALLERY.sub(_gallery, text)
    for match in ANY.finditer(text):
        unknown[match.group(1).lower()] += 1
    return text
