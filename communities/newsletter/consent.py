"""The consent texts shown next to the subscribe button.

A subscriber's consent record stores the version they agreed to, so the text of
every version must stay here unchanged: to change the wording, add a new version
and point CURRENT_VERSION at it.
"""

CONSENT_TEXTS = {
    "2026-11": (
        "Ja, stuur mij de nieuwsbrief van Open Overheid. Mijn e-mailadres en naam "
        "worden alleen gebruikt om de nieuwsbrief te sturen. Afmelden kan altijd, met "
        "de link onder elke nieuwsbrief."
    ),
}
CURRENT_VERSION = "2026-11"


def current_text() -> str:
    return CONSENT_TEXTS[CURRENT_VERSION]
