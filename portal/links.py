"""Links in e-mails: the site's address, and signed links that expire.

A signed link carries a value signed with the site's secret and a timestamp, so it
cannot be guessed or altered and stops working after `max_age` seconds. Each app
has its own purposes (used as the signature's salt), so a link for one thing never
works for another.
"""

from django.conf import settings
from django.core import signing


class BadLink(Exception):
    """The link was altered, has expired, or what it points to is gone."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "bad signature")
        self.expired = expired


def site_url() -> str:
    """The site's address without a trailing slash, for absolute links in e-mails."""
    return settings.SITE_URL


def signer(purpose: str) -> signing.TimestampSigner:
    """The signer for one purpose; whoever signs many links in a row makes it once."""
    return signing.TimestampSigner(salt=purpose)


def sign(value, purpose: str) -> str:
    """As `signing.dumps(value, salt=purpose, compress=True)` makes it."""
    return signer(purpose).sign_object(value, compress=True)


def unsign(signed: str, purpose: str, max_age: int):
    """The value of a signed link; BadLink when it was altered or has expired."""
    try:
        return signing.loads(signed, salt=purpose, max_age=max_age)
    except signing.SignatureExpired:
        raise BadLink(expired=True) from None
    except signing.BadSignature:
        raise BadLink() from None
