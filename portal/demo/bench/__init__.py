"""Benchmark data for `make bench` (see `manage.py bench`).

Each module here has `fill(scale)`, which adds synthetic content on top of the demo
content, and `pages()`, the paths to measure. The `bench_*` commands use the helpers
of the module they measure.
"""

from . import blog, events, initiatives, leerkringen, newsletter, pages

MODULES = [pages, blog, leerkringen, initiatives, events, newsletter]


def bench_pages() -> list[tuple[str, str]]:
    """The pages to measure, as (name, path)."""
    return [page for module in MODULES for page in module.pages()]
