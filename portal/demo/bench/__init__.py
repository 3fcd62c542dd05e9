"""Benchmark data for `make bench` (see `manage.py bench`).

Each module here has `fill(scale)`, which adds synthetic content on top of the demo
content, and `pages()`, the paths to measure. The `bench_*` commands use the helpers
of the module they measure.
"""

from . import blog, events, initiatives, leerkringen, newsletter, pages

MODULES = [pages, blog, leerkringen, initiatives, events, newsletter]

# The pages `make bench` also measures for a logged-in professional (who always gets
# them rendered, never from the page cache); names as the modules' `pages()` give them.
MAIN_PAGES = {
    "home",
    "blog index",
    "article",
    "agenda",
    "leerkringen",
    "map",
    "initiative",
    "event page",
}
# The yardstick: the portal's own stylesheet, served by WhiteNoise from the same server.
STATIC_FILE = "css/portal.css"
# The demo account the logged-in measurements use.
PROFESSIONAL = "professional@example.org"


def bench_pages() -> list[tuple[str, str]]:
    """The pages to measure, as (name, path)."""
    return [page for module in MODULES for page in module.pages()]
