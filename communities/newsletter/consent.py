"""The consent texts shown next to the subscribe button, one per version.

A subscriber's consent record stores the version they agreed to (`consent_version`),
so that years later it still says exactly which words they read. That is why a
version is one fixed text in one language, written out here, and not a string
translated through django.po: a translator's edit there would silently change what
earlier subscribers agreed to. The Dutch and the English wording of the same
consent are two versions ("2026-11" and "2026-11-en"); someone who subscribes with
the site in English is recorded with the English one.

The version is chosen by the language of the request that gives consent, the same
language cookie that chose the text on the page. To change the wording, add new
versions (for every language) and point CURRENT_VERSIONS at them; never edit a
version that has been shown.
"""

from django.conf import settings
from django.utils.translation import get_language

CONSENT_TEXTS = {
    "2026-11": (
        "nl",
        "Ja, stuur mij de nieuwsbrief van Open Overheid. Mijn e-mailadres en naam "
        "worden alleen gebruikt om de nieuwsbrief te sturen. Afmelden kan altijd, met "
        "de link onder elke nieuwsbrief.",
    ),
    "2026-11-en": (
        "en",
        "Yes, send me the Open Overheid newsletter. My e-mail address and name are only "
        "used to send the newsletter. I can unsubscribe at any time, with the link at "
        "the bottom of every newsletter.",
    ),
}
CURRENT_VERSIONS = {"nl": "2026-11", "en": "2026-11-en"}


def current_version() -> str:
    """The version for the active language; the site's language when it has none."""
    return CURRENT_VERSIONS.get(get_language(), CURRENT_VERSIONS[settings.LANGUAGE_CODE])


def current_text() -> str:
    return text_of(current_version())


def text_of(version) -> str:
    return CONSENT_TEXTS[version][1] if version in CONSENT_TEXTS else ""


def language_of(version) -> str:
    """The language of a version's text: the language to write to its subscriber in."""
    return CONSENT_TEXTS[version][0] if version in CONSENT_TEXTS else settings.LANGUAGE_CODE
