"""Public addresses of the newsletter, included at the site root from portal/urls.py.

The newsletter page itself is a Wagtail page at /nieuwsbrief/; these are its reserved
sub-paths, so they come before Wagtail's catch-all.
"""

from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("nieuwsbrief/aanmelden/", views.subscribe, name="subscribe"),
    path("nieuwsbrief/aanmelden/verstuurd/", views.subscribed, name="subscribed"),
    path("nieuwsbrief/bevestigen/<str:signed>/", views.confirm, name="confirm"),
    path("nieuwsbrief/voorkeuren/<str:signed>/", views.preferences, name="preferences"),
    path("nieuwsbrief/afmelden/<str:signed>/", views.one_click, name="one_click"),
    path("nieuwsbrief/nieuwe-link/", views.request_link, name="request_link"),
    path("nieuwsbrief/nieuwe-link/verstuurd/", views.link_sent, name="link_sent"),
    path("account/nieuwsbrief/", views.account, name="account"),
]
