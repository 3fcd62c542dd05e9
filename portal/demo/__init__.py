"""Demo content and benchmark data, kept out of the apps: no app imports this package,
and this package is the one place outside the apps that imports all of them.

`load()` (run by `manage.py load_demo`) fills a site in order, since later parts refer
to earlier ones: accounts, themes and pages, the blog, the leerkringen, the agenda,
the map, the newsletter, the toolkit, the expertise centre. Every part is idempotent:
running it twice adds nothing and leaves editors' changes alone. `portal.demo.bench`
multiplies the result for `make bench`.
"""

from . import blog, centre, events, initiatives, leerkringen, newsletter, toolkit
from .accounts import DEMO_PASSWORD, load_accounts
from .pages import load_pages, load_themes

__all__ = ["DEMO_PASSWORD", "load", "load_accounts", "load_pages", "load_themes"]


def load():
    """Load all demo content; returns the demo accounts as (e-mail, role)."""
    accounts = load_accounts()
    load_themes()
    load_pages()
    blog.load()
    accounts += leerkringen.load()
    events.load()
    initiatives.load()
    newsletter.load()
    toolkit.load()
    accounts += centre.load()
    return accounts
