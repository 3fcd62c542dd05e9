"""The public key figures on the home page, counted by the app that accounts for
the centre's work.

portal imports no app, so that app (communities.centre) registers its provider here
in its AppConfig.ready, the way apps register daily jobs in `scheduling`. The
provider also says which kinds of content (portal/content_versions.py) the figures
are counted from, so the home page's cached fragment is drawn afresh when one of
them changes. Without a provider the home page shows no figures.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: int
    target: int | None = None


@dataclass(frozen=True)
class KeyFigures:
    year: int
    figures: list[KeyFigure]


@dataclass(frozen=True)
class _Provider:
    figures: Callable[[], KeyFigures]
    kinds: tuple[str, ...]


_provider: _Provider | None = None


def register(figures: Callable[[], KeyFigures], kinds) -> None:
    """`figures()` counts this year's key figures; `kinds` are the kinds of content
    they are counted from."""
    global _provider  # noqa: PLW0603 - one provider, set once at start-up
    _provider = _Provider(figures, tuple(kinds))


def kinds() -> str:
    """The kinds of content the figures depend on, as `{% fragment %}` takes them."""
    return " ".join(_provider.kinds) if _provider else ""


def current() -> KeyFigures | None:
    return _provider.figures() if _provider else None
