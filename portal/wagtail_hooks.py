"""Admin registrations of the portal app."""

from wagtail.snippets.models import register_snippet

from .viewsets import ThemeViewSet

register_snippet(ThemeViewSet)
