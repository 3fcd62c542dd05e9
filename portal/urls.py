from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import account_views, flag_views, site_history, sitemaps, views
from .csrf import same_origin_post

account_patterns = [
    path("", account_views.profile, name="account_profile"),
    path("profiel/", account_views.profile_edit, name="account_profile_edit"),
    path("mijn-gegevens.json", account_views.data_download, name="account_data_download"),
    path("verwijderen/", account_views.delete_account, name="account_delete"),
    path("", include("allauth.urls")),
]

urlpatterns = [
    # One log-in and one password reset, with their limits and lock-out, for the
    # admin too: Wagtail's own forms are never reached.
    path("admin/login/", account_views.admin_login, name="admin_login"),
    re_path(
        r"^admin/password_reset/",
        RedirectView.as_view(pattern_name="account_reset_password", query_string=False),
    ),
    # Before Wagtail's own addresses, which they replace (see portal.site_history).
    path("admin/reports/site-history/", site_history.report),
    path("admin/reports/site-history/results/", site_history.results),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("account/", include(account_patterns)),
    # The language switch sits on cached pages, so it carries no CSRF token.
    path("taal/setlang/", same_origin_post(set_language), name="set_language"),
    path("zoeken/", views.search, name="search"),
    # Reports of a comment or an initiative; the form sits on cached pages.
    path("melden/<slug:key>/<int:pk>/", flag_views.report, name="report"),
    path("sitemap.xml", sitemaps.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("security.txt", RedirectView.as_view(url="/.well-known/security.txt", permanent=True)),
]

urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media")]

urlpatterns += [path("", include("blog.urls"))]
urlpatterns += [path("", include("events.urls"))]
urlpatterns += [path("", include("initiatives.urls"))]
urlpatterns += [path("", include("communities.urls"))]
urlpatterns += [path("", include("communities.newsletter.urls"))]
urlpatterns += [path("", include("communities.toolkit.urls"))]
urlpatterns += [path("", include(wagtail_urls))]
